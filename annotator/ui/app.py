"""Starting the GUI: the QApplication, who is annotating, opening the project, `--screenshot`."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from annotator.core.errors import AnnotatorError

SCREENSHOT_SIZE = (1440, 900)


def _application(offscreen: bool):
    if offscreen and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("claim annotator")
        app.setOrganizationName("claim-annotator")
    return app


def open_window(path: str | Path, *, user: str, settings, screenshot: bool = False):
    """Open the project for writing as `user` and build the main window (raises AnnotatorError)."""
    from annotator.project import LockHeld, Project
    from annotator.ui.main_window import MainWindow

    try:
        project = Project.open(path, user=user)
    except LockHeld:
        if not screenshot:
            raise
        project = Project.open(path, user=user, readonly=True)  # a picture needs no write lock
    try:
        window = MainWindow(project, settings)
    except BaseException:
        project.close()
        raise
    return window


def resolve_user(user: str | None, settings, *, interactive: bool) -> str | None:
    """--user, else the last annotator on this machine, else ask (never in screenshot mode)."""
    if user:
        return user.strip() or None
    if settings.last_user:
        return settings.last_user
    if not interactive:
        return getpass.getuser()
    from annotator.ui import dialogs

    return dialogs.ask_identity(None, getpass.getuser())


def run_app(*, project: str | None = None, screenshot: str | None = None, doc: str | None = None,
            layer: str | None = None, user: str | None = None) -> int:
    """The GUI: `annotator [PROJECT]`. With `screenshot`, render the window offscreen to that PNG and return."""
    app = _application(offscreen=bool(screenshot))
    from annotator.project import ensure_demo_project
    from annotator.ui import dialogs
    from annotator.ui.settings import Settings
    from annotator.ui.theme import apply_theme

    settings = Settings()
    apply_theme(app, settings.theme)
    if not screenshot:
        sys.excepthook = _show_unexpected
    try:
        path = Path(project) if project else ensure_demo_project()
        who = resolve_user(user, settings, interactive=not screenshot)
        if who is None:
            return 0  # the identity question was cancelled: nothing opened, nothing changed
        window = open_window(path, user=who, settings=settings, screenshot=bool(screenshot))
    except Exception as exc:  # ours (damaged, newer, read-only, held by another writer) or not: a message, no traceback
        message = _open_error(exc, project)
        if screenshot:
            print(f"annotator: error: {message}", file=sys.stderr)
        else:
            dialogs.show_error(None, "Cannot open the project", message)
        return 1
    settings.last_user = who
    settings.last_project = str(path)
    try:
        window.start(doc=doc, layer=layer)
    except AnnotatorError as exc:
        if screenshot:
            window.close()
            print(f"annotator: error: {exc}", file=sys.stderr)
            return 1
        dialogs.show_error(window, "Cannot open the document", str(exc))
        window.start()
    if screenshot:
        return _screenshot(app, window, screenshot)
    window.open_requested.connect(lambda p: _reopen(window, p, settings))
    window.show()
    return app.exec()


def _open_error(exc: Exception, path) -> str:
    """The message for a project that could not be opened: the app's own errors name the file and say why;
    anything else (an OS error, a bug) is logged with its traceback and told in one line."""
    if isinstance(exc, AnnotatorError):
        return str(exc)
    import logging

    logging.getLogger("annotator.ui").error("opening %s failed", path, exc_info=exc)
    return f"{path or 'the demo project'}: could not be opened ({type(exc).__name__}: {exc}). The file was not changed."


def _show_unexpected(kind, value, tb) -> None:
    """A bug must not kill the window silently or dump a traceback on the user: log it, say it."""
    import logging
    import traceback

    from annotator.ui import dialogs

    logging.getLogger("annotator.ui").error("unexpected error", exc_info=(kind, value, tb))
    traceback.print_exception(kind, value, tb)  # for a bug report, on the terminal that started the app
    dialogs.show_error(None, "Something went wrong",
                       f"{kind.__name__}: {value}\n\nYour saved work is safe in the project file. "
                       "Please report this with the terminal output.")


def _screenshot(app, window, out: str) -> int:
    from PySide6.QtCore import QSize

    window.resize(QSize(*SCREENSHOT_SIZE))
    window.show()
    for _ in range(5):
        app.processEvents()
    ok = window.grab().save(str(out))
    window.close()
    if not ok:
        print(f"annotator: error: could not write {out}", file=sys.stderr)
        return 1
    return 0


def _reopen(window, path: str, settings) -> None:
    """File > Open: close this project and open another in a new window."""
    from annotator.ui import dialogs

    user = window.workspace.user
    if not window.close():
        return
    try:
        new = open_window(path, user=user, settings=settings)
    except Exception as exc:
        dialogs.show_error(None, "Cannot open the project", _open_error(exc, path))
        return
    settings.last_project = path
    new.open_requested.connect(lambda p: _reopen(new, p, settings))
    new.start()
    new.show()
