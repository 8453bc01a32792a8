"""The part every background task shares: cooperative cancel and errors reported, never lost on a thread."""

from __future__ import annotations

import logging
import threading
from typing import Any, Callable

from PySide6.QtCore import QRunnable, SignalInstance

from annotator.core.errors import AnnotatorError

log = logging.getLogger(__name__)


class CancellableRunnable(QRunnable):
    """A QRunnable kept by its owner (with its signals) whose `cancel()` the work polls through progress."""

    def __init__(self) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps it, and its signals, until it has reported
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def guarded(self, work: Callable[[], Any], failed: SignalInstance, what: str) -> tuple[bool, Any]:
        """Run `work`; a user error or a bug is emitted on `failed` as text. Returns (ok, result)."""
        try:
            return True, work()
        except AnnotatorError as exc:
            failed.emit(str(exc))
        except Exception as exc:  # a bug: say it in the window rather than lose it on a thread
            log.exception("%s failed", what)
            failed.emit(f"unexpected error: {exc!r}")
        return False, None
