"""GUI fixtures: a seeded project file and a main-window factory that closes what it opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import DOC0, SEEDS


@pytest.fixture
def seeded_path(tmp_path: Path) -> Path:
    """A closed project file holding the five seed articles."""
    from annotator.project import Project, import_files

    path = tmp_path / "ui.annotator.db"
    with Project.create(path) as project:
        assert import_files(project, sorted(SEEDS.glob("*.txt"))).ok
    return path



@pytest.fixture
def make_window(qtbot, seeded_path):
    """make_window(path=None, user="alice", doc=None, layer=None) → a shown, active MainWindow.

    Like napari's make_napari_viewer: every window made is closed at teardown (which releases the
    project's write lock), even when the test failed half-way.
    """
    from annotator.project import Project
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    made = []

    def factory(path: Path | None = None, *, user: str = "alice", doc: str | None = DOC0, layer: str | None = None):
        project = Project.open(path or seeded_path, user=user)
        window = MainWindow(project, Settings())
        made.append(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # window shortcuts only fire in the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=3000)
        window.start(doc=doc, layer=layer)
        window.view.setFocus()
        return window

    yield factory
    for window in made:
        window.workspace.pending = None  # a test that left a failed edit must not block the close
        window.close()
        window.deleteLater()
