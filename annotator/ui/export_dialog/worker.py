"""The export on a QThreadPool thread, with progress and cancel signals."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator import project as service
from annotator.ui.runnable import CancellableRunnable

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, document id
    finished = Signal(object)  # ExportSummary
    failed = Signal(str)
    cancelled = Signal()


class ExportWorker(CancellableRunnable):
    """Runs `annotator.project.export_project_file`; `cancel()` stops it before the next document."""

    PROGRESS_INTERVAL = 0.05  # seconds between progress signals, so a big export does not flood the event loop

    def __init__(self, project_path: Path, options: dict[str, Any]) -> None:
        super().__init__()
        self.project_path = project_path
        self.options = dict(options)
        self.signals = ExportSignals()
        self._last = 0.0

    @property
    def cancel_requested(self) -> bool:
        return self.cancelled

    def _progress(self, done: int, total: int, what: str) -> bool:
        if self._cancel.is_set():
            return False
        now = time.monotonic()
        if done == total or done == 1 or now - self._last >= self.PROGRESS_INTERVAL:
            self._last = now
            self.signals.progress.emit(done, total, what)
        return True

    def run(self) -> None:
        def work() -> Any:
            try:
                return service.export_project_file(self.project_path, progress=self._progress, **self.options)
            except service.ExportCancelled:
                return service.ExportCancelled

        ok, summary = self.guarded(work, self.signals.failed, "export")
        if not ok:
            return
        if summary is service.ExportCancelled:
            self.signals.cancelled.emit()
            return
        if self._cancel.is_set():  # cancelled after the last document: the files are written, say so
            log.info("cancel came after the export had finished")
        self.signals.finished.emit(summary)
