"""Backups as a GUI makes them, and rolling an open project back to one in place.

A window must not stall while a large project is copied (about 6 ms per MB), yet the project's
own connection may be used by one thread at a time. So a timed backup is split in three:
`due_backup` (on the thread that owns the project: reads its settings and change counter, no
I/O), `PlannedBackup.write` (on any thread: the copy goes through a connection of its own, never
the project's), and `record_backup` (back on the owning thread).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.project.backups import DEFAULT_EVERY_MINUTES, _keep, find_backup, is_backup_due, list_backups, restore_backup
from annotator.project.session import Project
from annotator.store import backup as _backup
from annotator.store.backup import BackupInfo

log = logging.getLogger(__name__)

__all__ = [
    "PlannedBackup", "due_backup", "is_open", "last_backup", "plan_backup", "record_backup", "restore_open_project",
]


@dataclass(frozen=True)
class PlannedBackup:
    """A backup decided on the project's thread, to be written on any thread."""

    path: Path
    kind: str
    keep: int
    changes: int  # the project's change counter when it was planned

    def write(self) -> BackupInfo:
        """Copy, verify and rotate; touches only files and a connection of its own (thread-safe)."""
        info, _made = _backup.write_backup(self.path, self.kind, keep=self.keep)
        return info


def plan_backup(project: Project, *, kind: str = "manual") -> PlannedBackup:
    """A backup of an open project to write now (`manual` ones are never rotated away)."""
    if project.readonly:
        raise ProjectError(f"{project.path}: opened read-only; backups are made by the process that writes it")
    return PlannedBackup(project.path, kind, _keep(project), project.store.total_changes)


def due_backup(
    project: Project, *, every_minutes: float = DEFAULT_EVERY_MINUTES, now: float | None = None
) -> PlannedBackup | None:
    """What `backup_if_due` would write, without writing it: None when nothing changed since the
    last backup or that one is younger than `every_minutes` (`now`: a `time.monotonic()` reading)."""
    now = time.monotonic() if now is None else now
    return plan_backup(project, kind="auto") if is_backup_due(project, every_minutes=every_minutes, now=now) else None


def record_backup(project: Project, planned: PlannedBackup, info: BackupInfo, *, now: float | None = None) -> None:
    """Remember a written backup (on the project's thread), so the next is due only after more changes."""
    store = project.store
    store.last_backup, store.backup_changes = info, planned.changes
    store.backup_time = time.monotonic() if now is None else now


def last_backup(project: Project) -> BackupInfo | None:
    """The backup this session made (on opening or since), else the newest one beside the file."""
    made = getattr(project.store, "last_backup", None)
    if made is not None:
        return made
    listed = list_backups(project.path)
    return listed[0] if listed else None


def restore_open_project(project: Project, *, backup: str | Path) -> BackupInfo | None:
    """Roll an open project back to a backup: close it, put the backup in place, open it again.

    The same `Project` object then reads the restored file (whoever holds it sees the new state).
    When the restore fails, the project is opened again on the file as it was and the error is
    raised. Returns the safety copy of what was replaced (a `before-restore` backup).
    """
    if project.readonly:
        raise ProjectError(f"{project.path}: opened read-only; only the process that writes it can restore a backup")
    source = find_backup(project.path, backup)  # by number or name: resolved before the list changes
    project.close()
    try:
        safety = restore_backup(project.path, backup=source)
    except BaseException as exc:
        try:
            _reopen(project)
        except ProjectError as again:
            raise ProjectError(f"{exc}; and the project could not be opened again: {again}") from exc
        raise
    _reopen(project)
    return safety


def is_open(project: Project) -> bool:
    """False once the project was closed (or could not be opened again after a restore)."""
    return getattr(project.store, "db", None) is not None


def _reopen(project: Project) -> None:
    fresh = Project.open(project.path, user=project.user, backup=False)  # the file is a verified backup
    project.store = fresh.store
    project.invalidate_schema()
