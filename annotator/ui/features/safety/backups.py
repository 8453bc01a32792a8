"""Backups while the window is open: a timer asks `due_backup` (on the UI thread: it reads the
project's connection), and the copy is written on a worker thread through a connection of its
own, so a 70 MB project (about 0.3 s to copy and verify) never stalls typing.

The project's connection is never touched off the UI thread here, and nothing is planned while a
job (import, suggestions) has it on a worker (`Workspace.busy`).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel

import annotator.project as svc
from annotator.core.errors import AnnotatorError
from annotator.project import BackupInfo, PlannedBackup
from annotator.ui.plain import tip

log = logging.getLogger(__name__)

KIND_NAMES = {"open": "on opening", "auto": "automatic", "manual": "made by hand",
              "before-restore": "before a restore", "damaged": "damaged file, kept raw"}


def when(info: BackupInfo, today: datetime | None = None) -> str:
    """A backup's time, local: "14:32" today, else "21 Nov 14:32" (or with the year, another year)."""
    local = info.created.astimezone()
    today = today or datetime.now().astimezone()
    if local.date() == today.date():
        return local.strftime("%H:%M")
    return local.strftime("%d %b %H:%M" if local.year == today.year else "%d %b %Y %H:%M")


class _Copy(QRunnable):
    """Writes one planned backup on a pool thread; reports (planned, info, error) through a signal."""

    def __init__(self, planned: PlannedBackup, report: Signal) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the timer keeps it until it has reported
        self.planned, self.report = planned, report

    def run(self) -> None:
        try:
            info = self.planned.write()
        except AnnotatorError as exc:
            self.report.emit(self.planned, None, str(exc))
        except Exception as exc:  # a bug: say it in the window rather than lose it on a thread
            log.exception("backup failed")
            self.report.emit(self.planned, None, f"unexpected error: {exc!r}")
        else:
            self.report.emit(self.planned, info, "")


class BackupTimer(QObject):
    """Every `interval_s` seconds: a backup when one is due (`every_minutes` after the last, if changed)."""

    backed_up = Signal(object)  # BackupInfo
    failed = Signal(str)
    _written = Signal(object, object, str)  # from the worker: planned, info or None, error

    def __init__(self, window, *, interval_s: float = 60.0, every_minutes: float = 10.0) -> None:
        super().__init__(window)
        self.window, self.ws = window, window.workspace
        self.every_minutes = every_minutes
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running: PlannedBackup | None = None
        self._copy: _Copy | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval_s * 1000))
        self.timer.timeout.connect(self.tick)
        self._written.connect(self._finished)
        if not window.project.readonly:
            self.timer.start()

    @property
    def project(self):
        return self.ws.project

    def tick(self) -> bool:
        """Start a backup if one is due and nothing else uses the project; True when one started."""
        if self.running is not None or self.ws.busy or self.window.jobs.running or not svc.is_open(self.project):
            return False
        try:
            planned = svc.due_backup(self.project, every_minutes=self.every_minutes)
        except Exception as exc:  # e.g. the settings could not be read: say so, try again next time (never a
            self._refused(exc)    # traceback dialog from a timer, once a minute)
            return False
        if planned is None:
            return False
        self.start(planned)
        return True

    def back_up_now(self) -> bool:
        """A backup kept until deleted (File › Back up now); False when it cannot start now."""
        if self.running is not None or self.ws.busy or self.window.jobs.running:
            self.ws.notice.emit("A backup or another job is running; try again in a moment.")
            return False
        try:
            planned = svc.plan_backup(self.project, kind="manual")
        except Exception as exc:
            self._refused(exc)
            return False
        self.start(planned)
        return True

    def _refused(self, exc: Exception) -> None:
        if not isinstance(exc, AnnotatorError):
            log.exception("planning a backup failed")
        self.failed.emit(str(exc) if isinstance(exc, AnnotatorError) else f"{type(exc).__name__}: {exc}")

    def start(self, planned: PlannedBackup) -> None:
        self.running = planned
        self._copy = _Copy(planned, self._written)
        self.pool.start(self._copy)

    def _finished(self, planned: PlannedBackup, info: BackupInfo | None, error: str) -> None:
        if planned is not self.running:
            return  # waited for and forgotten (the project was closed or restored meanwhile)
        self.pool.waitForDone()  # the worker has reported; let its thread finish
        self.running = self._copy = None
        if info is None:
            self.failed.emit(error)
            return
        if svc.is_open(self.project):
            svc.record_backup(self.project, planned, info)
        self.backed_up.emit(info)

    def wait(self) -> None:
        """Before the project is closed or replaced: let a running copy end; its report is dropped."""
        self.pool.waitForDone()
        self.running = self._copy = None

    def shutdown(self) -> None:
        self.timer.stop()
        self.wait()


class BackupIndicator(QLabel):
    """In the status bar beside the save state: "Backed up 14:32", or that the last backup failed."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("BackupState")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.failed_since: float | None = None
        self.show_none()

    def show_none(self) -> None:
        self.setText("No backup yet")
        self.setToolTip(tip("Backups are made when the project is opened and every few minutes while it changes."))

    def show_backup(self, info: BackupInfo) -> None:
        self.failed_since = None
        self.setStyleSheet("")
        self.setText(f"Backed up {when(info)}")
        self.setToolTip(tip(f"Last backup ({KIND_NAMES.get(info.kind, info.kind)}): {info.path}\n"
                            "File › Restore backup… rolls the project back to one."))

    def show_failure(self, message: str) -> None:
        self.failed_since = self.failed_since or time.time()
        self.setStyleSheet("color: #b45309; font-weight: 600;")
        self.setText("⚠ Backup failed")
        self.setToolTip(tip(f"The last backup could not be written: {message}\nYour saved work is in the project "
                            "file; backups are tried again every few minutes."))
