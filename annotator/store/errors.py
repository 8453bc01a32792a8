"""Errors of the project file. Both are user-facing (ProjectError): the CLI prints them in one line."""

from __future__ import annotations

from annotator.core.errors import ProjectError


class StoreError(ProjectError):
    """The project file is not usable: not SQLite, damaged, too new, not writable."""


class WriteFailed(StoreError):
    """A write did not reach the file (disk full, I/O error): nothing of the action was saved; retry it."""
