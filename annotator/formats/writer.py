"""Writers that never leave a half-written file: write beside the target, fsync, then rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, Callable, Iterable, Union

from annotator.core.errors import AnnotatorError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _publish(tmp: str | Path, path: Path) -> None:
    """mkstemp makes 0600 files; give the result the permissions a plain open() would."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


def _check_target(path: Path, force: bool, *, folder: bool = True) -> None:
    if path.exists() and not force:
        raise AnnotatorError(f"{path} already exists; choose another name or pass --force")
    if path.is_dir() and not folder:
        raise AnnotatorError(f"{path} is a folder; this format writes a file: give a file name")
    parent = path.parent
    if not parent.is_dir():
        raise AnnotatorError(f"{parent}: no such folder")
    if not os.access(parent, os.W_OK):
        raise AnnotatorError(f"{parent}: the folder is not writable")


def check_target(path: Path, *, force: bool = False, folder: bool = False) -> None:
    """Refuse, before any work, an output that exists (without force) or a folder that cannot take it."""
    _check_target(path, force, folder=folder)


def _write_atomic(path: Path, force: bool, write: Callable[[IO], int], binary: bool) -> int:
    """Write through `write(fh)` into a temporary file beside `path`, fsync, then rename into place."""
    _check_target(path, force, folder=False)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            written = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written


def write_text_atomic(path: Path, chunks: Iterable[str], *, force: bool = False) -> int:
    """Write text chunks to `path` atomically; returns the number of characters written."""
    return _write_atomic(path, force, lambda fh: sum(fh.write(chunk) for chunk in chunks), binary=False)


def write_bytes_atomic(path: Path, data: bytes, *, force: bool = False) -> int:
    return _write_atomic(path, force, lambda fh: fh.write(data), binary=True)


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


Content = Union[str, bytes, Iterable[str]]


def _write_plain(path: Path, content: Content) -> None:
    """Write one file inside a folder that is itself still temporary (so no rename is needed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if isinstance(content, str):
            fh.write(content)
        else:
            for chunk in content:
                fh.write(chunk)


def write_tree(root: Path, files: dict[str, Content]) -> list[Path]:
    """Write {relative posix path: content} under `root` (a folder being built); returns the paths."""
    written = []
    for rel, content in files.items():
        target = root.joinpath(*rel.split("/"))
        _write_plain(target, content)
        written.append(target)
    return written


def write_folder_atomic(path: Path, files: dict[str, Content], *, force: bool = False) -> list[Path]:
    """Build a whole folder under a temporary name, then move it into place."""
    with AtomicFolder(path, force=force) as tmp:
        rels = [p.relative_to(tmp) for p in write_tree(tmp, files)]
    return [path / rel for rel in rels]


def write_files_atomic(files: dict[Path, Content], *, force: bool = False) -> list[Path]:
    """Several files that belong together (an output and its companions): all are written, or none."""
    for path in files:
        _check_target(path, force, folder=False)
    temps: list[tuple[str, Path]] = []
    try:
        for path, content in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
            os.close(fd)
            temps.append((tmp, path))
            _write_plain(Path(tmp), content)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        for tmp, path in temps:
            _publish(tmp, path)
    except BaseException:
        for tmp, _ in temps:
            Path(tmp).unlink(missing_ok=True)
        raise
    return list(files)
