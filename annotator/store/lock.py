"""One writer process per project: an OS lock on `<project>.lock`, released when the process dies."""

from __future__ import annotations

import getpass
import json
import os
import socket
import time
from pathlib import Path

from annotator.core.errors import ProjectError

try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


class LockHeld(ProjectError):
    """Another live process holds the project for writing."""


def _describe(info: dict) -> str:
    since = info.get("since")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(since)) if isinstance(since, (int, float)) else "?"
    return (
        f"{info.get('user', '?')} on {info.get('host', '?')} "
        f"(process {info.get('pid', '?')}, {info.get('program', 'annotator')}, since {when})"
    )


class WriterLock:
    """Held while a project is open for writing. `stale` tells that the last holder died holding it."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._fd: int | None = None
        self.stale: dict | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        if not _try_lock(fd):
            info = self._read(fd)
            os.close(fd)
            raise LockHeld(
                f"{self.path.with_suffix('')} is open for writing by {_describe(info)}. "
                "Close it there first; reading commands (stats, export) work meanwhile."
            )
        previous = self._read(fd)
        # The OS dropped the dead holder's lock; what it wrote says the last session never closed.
        self.stale = previous or None
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": getpass.getuser(),
            "since": time.time(),
            "program": "annotator",
        }
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode())
        os.fsync(fd)
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        os.ftruncate(self._fd, 0)
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    @staticmethod
    def _read(fd: int) -> dict:
        os.lseek(fd, 0, os.SEEK_SET)
        raw = b""
        while chunk := os.read(fd, 4096):
            raw += chunk
        if not raw.strip():
            return {}
        try:
            value = json.loads(raw)
        except ValueError:
            return {"user": "unknown"}
        return value if isinstance(value, dict) else {"user": "unknown"}
