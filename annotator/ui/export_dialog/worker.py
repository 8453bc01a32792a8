"""The export on a QThreadPool thread, with progress and cancel signals."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from annotator import project as service
from annotator.core.errors import AnnotatorError

log = logging.getLogger(__name__)


class ExportSignals(QObject):
    progress = Signal(int, int, str)  # done, total, document id
    finished = Signal(object)  # ExportSummary
    failed = Signal(str)
    cancelled = Signal()


class ExportWorker(QRunnable):
    """Runs `annotator.project.export_project_file`; `cancel()` stops it before the next document."""

    PROGRESS_INTERVAL = 0.05  # seconds between progress signals, so a big export does not flood the event loop

    def __init__(self, project_path: Path, options: dict[str, Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps it (and its signals) alive
        self.project_path = project_path
        self.options = dict(options)
        self.signals = ExportSignals()
        self._cancel = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _progress(self, done: int, total: int, what: str) -> bool:
        if self._cancel.is_set():
            return False
        now = time.monotonic()
        if done == total or done == 1 or now - self._last >= self.PROGRESS_INTERVAL:
            self._last = now
            self.signals.progress.emit(done, total, what)
        return True

    def run(self) -> None:
        try:
            summary = service.export_project_file(self.project_path, progress=self._progress, **self.options)
        except service.ExportCancelled:
            self.signals.cancelled.emit()
        except AnnotatorError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: say so in the dialog rather than lose it on a thread
            log.exception("export failed")
            self.signals.failed.emit(f"unexpected error: {exc!r}")
        else:
            if self._cancel.is_set():  # cancelled after the last document: the files are written, say so
                log.info("cancel came after the export had finished")
            self.signals.finished.emit(summary)
