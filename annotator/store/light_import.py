"""Import sqlite-utils without pandas and numpy.

sqlite-utils imports pandas and numpy at import time when they are installed (~1 s and ~150 MB
here), only to map their scalar types to column types on insert. This project never inserts them,
so they are hidden while sqlite-utils loads and remain importable for everyone else afterwards.
"""

from __future__ import annotations

import sys

_HEAVY = ("pandas", "numpy")


def import_sqlite_utils() -> None:
    if "sqlite_utils" in sys.modules:
        return
    hidden = [name for name in _HEAVY if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


import_sqlite_utils()
