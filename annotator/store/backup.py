"""Rotating backups beside a project (`PROJECT.backups/`), made with SQLite's backup API and verified.

A backup is a plain single-file SQLite database (rollback journal, no `-wal`), so it can be copied,
opened read-only, or restored. Automatic backups (`open`, `auto`) rotate; `manual` ones and the
safety copies made before a restore (`before-restore`, or `damaged` when the file could not be read)
are kept until the user deletes them.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from annotator.store.errors import StoreError
from annotator.store.lock import WriterLock
from annotator.store.migrations import MIGRATIONS

DEFAULT_KEEP = 5
ROTATED = frozenset({"open", "auto"})
KINDS = ROTATED | {"manual", "before-restore", "damaged"}
_NAME = re.compile(r"^(\d{8}T\d{6}\.\d{6}Z)-([a-z-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime  # UTC
    kind: str
    size: int


def backups_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".backups")


def _info(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match or match.group(2) not in KINDS:
        return None
    created = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S.%fZ").replace(tzinfo=timezone.utc)
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path, created, match.group(2), size)


def list_backups(db_path: Path) -> list[BackupInfo]:
    """The project's backups, newest first (unfinished ones, whose names start with a dot, are left out)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := _info(p)) is not None]
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def _ro_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def verify_copy(path: Path) -> int:
    """quick_check a standalone copy of a project; returns its schema version. Raises StoreError."""
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot be opened ({exc})") from None
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable project copy ({exc})") from None
    finally:
        conn.close()
    if problems:
        raise StoreError(f"{path}: the copy is damaged: " + "; ".join(problems[:3]))
    if version < 1 or "documents" not in tables:
        raise StoreError(f"{path}: not a claim annotator project")
    return version


def _fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk."""
    is_dir = path.is_dir()
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        if is_dir:  # Windows cannot open a folder; its entries are durable by other means
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not is_dir:  # some file systems cannot fsync a folder
            raise
    finally:
        os.close(fd)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def write_backup(db_path: Path, kind: str, *, keep: int = DEFAULT_KEEP) -> tuple[BackupInfo, bool]:
    """Copy the project into its backups folder, verify the copy, rotate old ones.

    Returns (backup, made): for automatic kinds, when the data equals the newest automatic backup,
    no new file is kept and that one is returned with made=False (reopening a project ten times
    must not rotate away the last different state).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    folder = backups_dir(db_path)
    name = f"{_stamp()}-{kind}.db"
    tmp = folder / f".{name}.part"
    try:
        folder.mkdir(exist_ok=True)
        for leftover in folder.glob(".*.part"):  # from a process killed while backing up
            leftover.unlink(missing_ok=True)
        # A connection of its own: safe from any thread, and it copies one consistent snapshot.
        src = sqlite3.connect(_ro_uri(db_path), uri=True)
        try:
            src.execute("PRAGMA busy_timeout = 5000")
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            src.close()
        verify_copy(tmp)
        _fsync(tmp)
        if kind in ROTATED:
            newest = next((b for b in list_backups(db_path) if b.kind in ROTATED), None)
            if newest is not None and filecmp.cmp(newest.path, tmp, shallow=False):
                tmp.unlink()
                return newest, False
        final = folder / name
        os.replace(tmp, final)
        _fsync(folder)
    except (sqlite3.Error, OSError) as exc:
        _discard(tmp)
        raise StoreError(f"{db_path}: could not write a backup into {folder} ({exc})") from None
    except BaseException:
        _discard(tmp)
        raise
    prune(db_path, keep)
    info = _info(final)
    assert info is not None
    return info, True


def prune(db_path: Path, keep: int) -> list[Path]:
    """Delete automatic backups beyond the newest `keep`; returns what was deleted."""
    rotated = [b for b in list_backups(db_path) if b.kind in ROTATED]
    gone = []
    for old in rotated[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
        gone.append(old.path)
    return gone


def _safety_copy(db_path: Path) -> BackupInfo:
    """Keep what is in place before a restore: a verified backup, or the raw files when unreadable."""
    try:
        return write_backup(db_path, "before-restore")[0]
    except StoreError:
        folder = backups_dir(db_path)
        target = folder / f"{_stamp()}-damaged.db"
        try:
            folder.mkdir(exist_ok=True)
            shutil.copyfile(db_path, target)
            wal = Path(f"{db_path}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{target}-wal"))
            _fsync(target)
            _fsync(folder)
        except OSError as exc:
            raise StoreError(f"{db_path}: could not keep a copy of the current file before restoring ({exc})") from None
        info = _info(target)
        assert info is not None
        return info


def restore_file(db_path: Path, backup: Path) -> BackupInfo | None:
    """Put a verified backup in place of the project, keeping a safety copy of what was there.

    The project must not be open for writing anywhere (the writer lock is taken, LockHeld otherwise).
    Returns the safety copy (None when there was no project file).
    """
    backup = Path(backup)
    if not backup.is_file():
        raise StoreError(f"{backup}: no such backup")
    lock = WriterLock(db_path)
    lock.acquire()
    try:
        version = verify_copy(backup)
        if version > len(MIGRATIONS):
            raise StoreError(f"{backup}: made by a newer claim annotator (schema {version}); update the app")
        safety = _safety_copy(db_path) if db_path.exists() else None
        tmp = db_path.with_name(f".{db_path.name}.restoring")
        try:
            shutil.copyfile(backup, tmp)
            _fsync(tmp)
            # The safety copy holds everything, the WAL included; the old WAL must not replay onto the backup.
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{db_path}{suffix}").unlink(missing_ok=True)
            os.replace(tmp, db_path)
            _fsync(db_path.parent)
        except OSError as exc:
            _discard(tmp)
            raise StoreError(f"{db_path}: could not restore {backup.name} ({exc}); the previous file is kept in {safety.path if safety else '-'}") from None
        return safety
    finally:
        lock.release()
