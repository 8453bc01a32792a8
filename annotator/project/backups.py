"""Backups of a project and rolling back to one: what `annotator backup/restore` and the GUI call.

A writer makes a verified backup when it opens a project (`Project.open`); the GUI calls
`backup_if_due` on a timer (every minute, say) to add one after each stretch of changes.
"""

from __future__ import annotations

import time
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.project.session import Project
from annotator.store import backup as _backup
from annotator.store.backup import BackupInfo

DEFAULT_EVERY_MINUTES = 10.0

__all__ = [
    "BackupInfo", "DEFAULT_EVERY_MINUTES", "backup_if_due", "backup_now", "backups_folder", "find_backup",
    "list_backups", "restore_backup",
]


def _keep(project: Project) -> int:
    try:
        return max(1, int(project.setting("backups_keep", _backup.DEFAULT_KEEP)))
    except (TypeError, ValueError):
        return _backup.DEFAULT_KEEP


def backup_now(project: Project, *, kind: str = "manual", now: float | None = None) -> BackupInfo:
    """Write a verified backup of an open project now (`manual` ones are never rotated away)."""
    if project.readonly:
        raise ProjectError(f"{project.path}: opened read-only; backups are made by the process that writes it")
    store = project.store
    changes = store.total_changes
    info, _ = _backup.write_backup(project.path, kind, keep=_keep(project))
    store.last_backup, store.backup_changes = info, changes
    store.backup_time = time.monotonic() if now is None else now
    return info


def backup_if_due(
    project: Project, *, every_minutes: float = DEFAULT_EVERY_MINUTES, now: float | None = None
) -> BackupInfo | None:
    """Back up when the project changed since the last backup and that one is `every_minutes` old.

    Cheap when nothing is due (no I/O), so a GUI timer may call it often. `now` is a
    `time.monotonic()` reading (tests pass their own). Returns the new backup, or None.
    """
    now = time.monotonic() if now is None else now
    return backup_now(project, kind="auto", now=now) if is_backup_due(project, every_minutes=every_minutes, now=now) else None


def is_backup_due(project: Project, *, every_minutes: float = DEFAULT_EVERY_MINUTES, now: float) -> bool:
    """True when a writable project changed since its last backup and that one is `every_minutes` old."""
    store = project.store
    if project.readonly or store.total_changes == store.backup_changes:
        return False
    return store.backup_time is None or now - store.backup_time >= every_minutes * 60


def backups_folder(path: str | Path) -> Path:
    return _backup.backups_dir(Path(path))


def list_backups(path: str | Path) -> list[BackupInfo]:
    """A project's backups, newest first (the project need not be open)."""
    return _backup.list_backups(Path(path))


def find_backup(path: str | Path, which: str | Path) -> Path:
    """A backup named by its number in `list_backups` (1 = newest), its file name, or a path."""
    listed = list_backups(path)
    text = str(which)
    if text.isdigit():
        index = int(text)
        if not 1 <= index <= len(listed):
            raise ProjectError(f"no backup number {index}: {path} has {len(listed)} backup(s)")
        return listed[index - 1].path
    for info in listed:
        if info.path.name == text:
            return info.path
    candidate = Path(which)
    if candidate.is_file():
        return candidate
    raise ProjectError(f"no backup {text!r} (run `annotator restore {path}` to list them)")


def restore_backup(path: str | Path, *, backup: str | Path) -> BackupInfo | None:
    """Roll the project back to a backup; the current file is kept first as a `before-restore` copy.

    The project must be closed (the GUI closes it, calls this, and opens it again); a process that
    still holds it makes this raise LockHeld. Returns the safety copy of what was replaced.
    """
    source = find_backup(path, backup)
    return _backup.restore_file(Path(path), source)
