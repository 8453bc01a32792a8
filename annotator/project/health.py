"""Checking a project file from top to bottom without changing it (`annotator check`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator.project.backups import list_backups
from annotator.project.session import Project


def check_project(path: str | Path) -> dict[str, Any]:
    """Open read-only, run integrity_check and foreign_key_check; raise StoreError if damaged.

    Works while another process holds the project for writing.
    """
    with Project.open(path, readonly=True) as project:
        project.store.check(full=True)
        backups = list_backups(path)
        return {
            "path": str(project.path),
            "schema_version": project.store.schema_version,
            "documents": project.store.count_documents(),
            "warnings": project.warnings,
            "backups": len(backups),
            "newest_backup": str(backups[0].path) if backups else None,
        }
