"""The project file: SQLite through sqlite-utils. The only package that imports sqlite_utils."""

import sys

# sqlite-utils imports pandas and numpy when they are installed (about 1 s and 130 MB) only to map
# their scalar types on insert, which this app never does: keep them out of start-up.
_blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
for _name in _blocked:
    sys.modules[_name] = None  # type: ignore[assignment]
try:
    import sqlite_utils  # noqa: F401
finally:
    for _name in _blocked:
        if sys.modules.get(_name, 0) is None:
            del sys.modules[_name]

from annotator.store.backup import BackupInfo  # noqa: E402
from annotator.store.db import SCHEMA_VERSION, ProjectStore  # noqa: E402
from annotator.store.errors import StoreError, WriteFailed  # noqa: E402
from annotator.store.lock import LockHeld

__all__ = ["SCHEMA_VERSION", "BackupInfo", "LockHeld", "ProjectStore", "StoreError", "WriteFailed"]
