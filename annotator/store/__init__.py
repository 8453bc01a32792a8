"""The project file: SQLite through sqlite-utils. The only package that imports sqlite_utils."""

from annotator.store import light_import  # noqa: F401,I001 - first: keeps pandas/numpy out of start-up

from annotator.store.backup import BackupInfo  # noqa: E402
from annotator.store.db import SCHEMA_VERSION, ProjectStore  # noqa: E402
from annotator.store.errors import StoreError, WriteFailed  # noqa: E402
from annotator.store.lock import LockHeld

__all__ = ["SCHEMA_VERSION", "BackupInfo", "LockHeld", "ProjectStore", "StoreError", "WriteFailed"]
