"""Agreement over a corpus off the UI thread, on its own read-only connection, cancellable."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QObject, QThread, Signal

from annotator.core.errors import AnnotatorError
from annotator.project import Project, agreement


class Cancelled(Exception):
    pass


class AgreementJob(QObject):
    progress = Signal(int, int)
    finished = Signal(object)  # AgreementReport
    failed = Signal(str)

    def __init__(self, path: Path, layers: Sequence[str] | None) -> None:
        super().__init__()
        self.path = path
        self.layers = list(layers) if layers is not None else None
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True

    def _step(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.progress.emit(done, total)

    def run(self) -> None:
        # A connection of its own: the window's connection stays on the UI thread (WAL lets both read).
        try:
            with Project.open(self.path, readonly=True) as project:
                report = agreement(project, layers=self.layers, progress=self._step)
        except Cancelled:
            self.failed.emit("cancelled")
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
        else:
            self.finished.emit(report)


def start_job(job: AgreementJob, owner: QObject) -> QThread:
    """Run `job` in a new thread owned by `owner`; the thread quits when the job ends."""
    thread = QThread(owner)
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    job.failed.connect(thread.quit)
    thread.start()
    return thread
