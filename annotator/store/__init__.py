"""The project file: SQLite through sqlite-utils. The only package that imports sqlite_utils."""

from annotator.store.backup import BackupInfo
from annotator.store.db import SCHEMA_VERSION, ProjectStore
from annotator.store.errors import StoreError, WriteFailed
from annotator.store.lock import LockHeld

__all__ = ["SCHEMA_VERSION", "BackupInfo", "LockHeld", "ProjectStore", "StoreError", "WriteFailed"]
