"""Writers that never leave a half-written file: write beside the target, fsync, then rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from annotator.core.errors import AnnotatorError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(tmp: str | Path, path: Path) -> None:
    """mkstemp makes 0600 files; give the result the permissions a plain open() would."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


def _check_target(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise AnnotatorError(f"{path} already exists; choose another name or pass --force")
    parent = path.parent
    if not parent.is_dir():
        raise AnnotatorError(f"{parent}: no such folder")
    if not os.access(parent, os.W_OK):
        raise AnnotatorError(f"{parent}: the folder is not writable")


def write_text_atomic(path: Path, chunks: Iterable[str], *, force: bool = False) -> int:
    """Write text chunks to `path` atomically; returns the number of bytes written."""
    _check_target(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    written = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for chunk in chunks:
                written += fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


def write_bytes_atomic(path: Path, data: bytes, *, force: bool = False) -> int:
    _check_target(path, force)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)


class AtomicFolder:
    """Build a folder under a temporary name and move it into place only when complete."""

    def __init__(self, path: Path, *, force: bool = False) -> None:
        _check_target(path, force)
        self.path = path
        self.force = force
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent))

    def __enter__(self) -> Path:
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        if self.path.exists() and self.force:
            old = self.path.with_name(f".{self.path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            self.path.rename(old)
            self.tmp.rename(self.path)
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink()
        else:
            self.tmp.rename(self.path)
