"""Features plugged into the main window with `MainWindow.add_feature`, one module each:
import and export of files, review windows, suggestions, repeated passages, similar claims,
data safety (timed backups, restore, notices about the file).

`install(window)` builds them in order and returns them by name; `shutdown(window)` stops what runs
in the background before the project is closed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.ui.features.importer import ImportFeature
from annotator.ui.features.repeats import RepeatsFeature
from annotator.ui.features.safety import SafetyFeature
from annotator.ui.features.similar import SimilarClaimsFeature
from annotator.ui.features.suggestions import SuggestionsFeature
from annotator.ui.features.windows import ExportFeature, ReviewFeature

FEATURES = (("import", ImportFeature), ("export", ExportFeature), ("review", ReviewFeature),
            ("suggestions", SuggestionsFeature), ("repeats", RepeatsFeature), ("similar", SimilarClaimsFeature),
            ("safety", SafetyFeature))


def install(window) -> dict[str, QObject]:
    features: dict[str, QObject] = {}
    window.features = features  # a feature may look another up while the rest are being built
    for name, cls in FEATURES:
        features[name] = cls(window)
    _file_menu_order(window)
    return features


def _file_menu_order(window) -> None:
    """Import and export, then backups, sit with Open, above Quit (features' actions are appended to their menu)."""
    menu, actions = window.menus["File"], window.actions_by_id
    quit_action = actions["file.quit"]
    for group in (("file.import", "file.export"), ("file.backup", "file.restore")):
        names = [name for name in group if name in actions]
        for name in names:
            menu.removeAction(actions[name])
            menu.insertAction(quit_action, actions[name])
        if names:
            menu.insertSeparator(actions[names[0]])
    menu.insertSeparator(quit_action)


def shutdown(window) -> None:
    window.jobs.shutdown()
    for feature in getattr(window, "features", {}).values():
        stop = getattr(feature, "shutdown", None)
        if stop is not None:
            stop()
