"""Long writes (import, suggestions) on a worker thread, through the window's own Project.

The GUI process holds the project's write lock, so a job cannot open a second writer: it uses the
window's sqlite connection (opened with check_same_thread=False). A connection has one transaction
state, so a write made on the UI thread while the job's transaction is open would be folded into it
(and a read would see half a file). That is why, while a job runs:

- an application-modal progress dialog takes every key and click (the main window, the review
  windows, the export dialog), so no user action can start;
- `Workspace.busy` makes `execute`/`undo`/`redo`/`retry` refuse and defers the "where I am" write;
- the deferred write is flushed before the job starts, so no timer writes meanwhile.

Paints and models keep running from memory; nothing on the UI thread touches the file until the job
has ended. Cancel is cooperative: the job's progress callback returns False, and the service stops
before its next file or document (each one is all or nothing).
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.ui.plain import plain_label
from annotator.ui.runnable import CancellableRunnable

Progress = Callable[[int, int, str], bool]


class JobSignals(QObject):
    progress = Signal(int, int, str)  # done, total, what (a file or document)
    finished = Signal(object, bool)  # the service's result, cancelled
    failed = Signal(str)


class Job(CancellableRunnable):
    """Runs `work(progress)` once on a pool thread; `cancel()` makes the next progress call return False."""

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = JobSignals()

    def _progress(self, done: int, total: int, what: str) -> bool:
        self.signals.progress.emit(done, total, what)
        return not self._cancel.is_set()

    def run(self) -> None:
        ok, result = self.guarded(lambda: self.work(self._progress), self.signals.failed, "background job")
        if ok:
            self.signals.finished.emit(result, self._cancel.is_set())


class JobRunner(QObject):
    """One job at a time for a main window, with a modal progress dialog and the workspace kept still."""

    started = Signal(str)
    ended = Signal(str)  # the job's title, after its callbacks ran

    def __init__(self, workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.parent_widget = parent
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.job: Job | None = None
        self.dialog: QProgressDialog | None = None
        self.title = ""

    @property
    def running(self) -> bool:
        return self.job is not None

    def run(self, title: str, work: Callable[[Progress], Any], *, done: Callable[[Any, bool], None],
            failed: Callable[[str], None]) -> Job | None:
        """Start `work(progress)`; `done(result, cancelled)` or `failed(message)` runs on the UI thread."""
        if self.job is not None:
            self.ws.notice.emit(f"{self.title} is still running.")
            return None
        self.ws.flush_place()  # no deferred write may fire while the job's transaction is open
        self.title = title
        self.ws.busy = title
        self.job = job = Job(work)
        self.dialog = dialog = QProgressDialog(f"{title} …", "Cancel", 0, 0, self.parent_widget)
        dialog.setObjectName("jobProgress")
        dialog.setLabel(plain_label())  # it names the file or document being worked on
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.canceled.connect(self.cancel)
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(lambda result, cancelled: self._end(job, lambda: done(result, cancelled)))
        job.signals.failed.connect(lambda message: self._end(job, lambda: failed(message)))
        dialog.show()
        self.started.emit(title)
        self.pool.start(job)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            if self.dialog is not None:
                self.dialog.setLabelText(f"{self.title}: cancelling after the current item …")

    def _progress(self, done: int, total: int, what: str) -> None:
        dialog = self.dialog
        if dialog is None:
            return
        if self.job is not None and not self.job.cancelled:
            name = what.replace("\\", "/").rsplit("/", 1)[-1]
            dialog.setLabelText(f"{self.title}: {done} of {total}" + (f" — {name}" if name else ""))
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))  # a modal dialog processes events here: the job may end inside

    def _end(self, job: Job, callback: Callable[[], None]) -> None:
        if job is not self.job:
            return  # the window was closed (shutdown) before this report arrived
        self.pool.waitForDone()  # the job has emitted its last signal; let its thread finish
        title = self.title
        self.job = None
        self.ws.busy = ""
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
            self.parent_widget.activateWindow()  # the keyboard goes back to the window
        try:
            callback()
        finally:
            self.ws.flush_place()
            self.ended.emit(title)

    def shutdown(self) -> None:
        """The window closes: stop the job and wait for it, so the project is not closed under it."""
        if self.job is not None:
            self.job.cancel()
            self.pool.waitForDone()
            self.job = None
            self.ws.busy = ""
            if self.dialog is not None:
                self.dialog.close()
                self.dialog = None
