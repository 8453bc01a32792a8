"""Data safety in the main window: timed backups (status bar: "Backed up 14:32"), File › Back up now,
File › Restore backup…, and a notice about the file when it is opened (recovered after a crash, on a
network share, no backup possible).

Failed saves are the workspace's (red banner, Retry); this feature adds the notices that are not
errors, in a dismissible banner that never blocks the window.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

import annotator.project as svc
from annotator.core.errors import AnnotatorError
from annotator.project import BackupInfo
from annotator.project.backups import DEFAULT_EVERY_MINUTES
from annotator.ui import dialogs
from annotator.ui.actions import ActionSpec as A
from annotator.ui.features.safety.backups import BackupIndicator, BackupTimer
from annotator.ui.features.safety.notices import InfoBanner
from annotator.ui.features.safety.restore import RestoreDialog, describe

log = logging.getLogger(__name__)

RECOVERED = ("The last session ended without closing the project; the file was checked and is intact. "
             "Everything that was shown as saved is in it.")


class SafetyFeature(QObject):
    def __init__(self, window, *, interval_s: float = 60.0, every_minutes: float = DEFAULT_EVERY_MINUTES) -> None:
        super().__init__(window)
        self.window, self.ws = window, window.workspace
        self.dialog: RestoreDialog | None = None
        self.banner = InfoBanner()
        column = window.centralWidget().layout()
        column.insertWidget(column.indexOf(window.banner) + 1, self.banner)  # under the red save-error banner
        self.indicator = BackupIndicator()
        window.statusBar().addPermanentWidget(self.indicator)
        self.backups = BackupTimer(window, interval_s=interval_s, every_minutes=every_minutes)
        self.backups.backed_up.connect(self._backed_up)
        self.backups.failed.connect(self._backup_failed)
        window.add_feature("safety", target=self, actions=[
            A("file.backup", "&Back up now", (), "back_up_now", "File",
              help="Write a verified copy of the project that is kept until you delete it"),
            A("file.restore", "&Restore backup…", (), "open_restore", "File",
              help="Roll the project back to one of its backups"),
        ])
        self.show_project_state(opening=True)

    # notices ---------------------------------------------------------------------------------
    def show_project_state(self, *, opening: bool) -> None:
        """The backup indicator, and what the user should know about the file just opened."""
        project = self.ws.project
        if project.readonly:
            self.indicator.setText("Read-only")
            self.indicator.setToolTip("")
        else:
            latest = svc.last_backup(project)
            self.indicator.show_backup(latest) if latest is not None else self.indicator.show_none()
        if opening and project.recovered:
            self.banner.add(RECOVERED)
        for warning in project.warnings:
            self.banner.add(f"Warning: {warning}", warning=True)

    def _backed_up(self, info: BackupInfo) -> None:
        self.indicator.show_backup(info)
        if info.kind == "manual":
            self.ws.notice.emit(f"Backed up to {info.path.name} (kept until you delete it).")

    def _backup_failed(self, message: str) -> None:
        first = self.indicator.failed_since is None
        self.indicator.show_failure(message)
        log.warning("backup failed: %s", message)
        if first:  # once per run of failures: the banner is not refilled every minute
            self.banner.add(f"A backup could not be written: {message}. Your saved work is in the project file; "
                            "backups are tried again every few minutes.", warning=True)

    # actions ---------------------------------------------------------------------------------
    def back_up_now(self) -> bool:
        if self.ws.project.readonly:
            self.ws.notice.emit("This project is open read-only; the process that writes it makes its backups.")
            return False
        return self.backups.back_up_now()

    def open_restore(self) -> RestoreDialog | None:
        if self.ws.project.readonly:
            self.ws.notice.emit("This project is open read-only; only the process that writes it can restore a backup.")
            return None
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        self.dialog = RestoreDialog(self.ws.project.path, self.restore, self.window)
        self.dialog.open()  # window-modal, without a nested event loop
        return self.dialog

    def restore(self, info: BackupInfo) -> bool:
        """Roll the project back to `info` and refresh the window; a failure is shown, never swallowed."""
        ws, window = self.ws, self.window
        if ws.pending is not None:
            dialogs.show_error(window, "An edit is not saved",
                               "An edit could not be saved. Retry it (Ctrl+Shift+S) or discard it before restoring a backup.")
            return False
        if ws.busy or window.jobs.running:
            dialogs.show_error(window, "A job is running", f"{ws.busy or 'A job'} is running; restore when it has ended.")
            return False
        self.backups.wait()  # no copy may be reading the file while it is replaced
        for name, feature in window.features.items():  # their windows show the state being replaced
            stop = getattr(feature, "shutdown", None)
            if feature is not self and stop is not None:
                stop()
        ws.flush_place()  # where the annotator was goes into the safety copy with the rest
        failure = ""
        safety = None
        try:
            safety = svc.restore_open_project(ws.project, backup=info.path)
        except AnnotatorError as exc:
            failure = str(exc)
        except Exception as exc:  # a bug: still shown, and the window still made consistent below
            log.exception("restoring %s failed", info.path)
            failure = f"{type(exc).__name__}: {exc}"
        if not svc.is_open(ws.project):
            dialogs.show_error(window, "The project could not be opened again",
                               f"{failure}\n\nThe window closes; open the project again once the problem is fixed.")
            ws.pending = None
            window.close()
            return False
        self.refresh_window()
        if failure:
            dialogs.show_error(window, "The backup was not restored", failure)
            return False
        kept = f" What it held before is kept as the backup {safety.path.name}." if safety else ""
        self.banner.add(f"Restored the backup of {describe(info)}.{kept}")
        ws.notice.emit(f"Restored the backup of {describe(info)}.")
        return True

    def refresh_window(self) -> None:
        """After the file was replaced: everything shown is read again; undo history starts afresh."""
        window, ws = self.window, self.ws
        doc_id, layer = (ws.doc.id, ws.layer) if ws.doc is not None else (None, None)
        ws.forget_history()
        ws.schema_changed.emit()  # label keys, palette, colours
        window.refresh_lists()  # the queue and the layer box
        window.corpus.model.set_hits([])  # hits point into the old texts
        window.corpus.summary.clear()
        try:
            window.start(doc=doc_id, layer=layer)  # the same document, if the backup has it
        except AnnotatorError:
            window.start()
        if ws.doc is None:
            window.view.load("", [])
            window.labeller.select(None)
        self.show_project_state(opening=False)

    def shutdown(self) -> None:
        self.backups.shutdown()
        if self.dialog is not None:
            self.dialog.close()
