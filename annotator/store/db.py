"""Opening, checking and migrating a project file; the transaction every user action runs in."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Iterator

import sqlite_utils

from annotator.core.errors import ProjectError
from annotator.store.lock import WriterLock
from annotator.store.migrations import MIGRATIONS
from annotator.store.repo import Repository

SCHEMA_VERSION = len(MIGRATIONS)
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(ProjectError):
    """The project file is not usable: not SQLite, damaged, too new, not writable."""


def _check_header(path: Path) -> None:
    with open(path, "rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head and head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a project file (not an SQLite database)")


class ProjectStore(Repository):
    """One open project file. Writers hold the lock; readers open the file read-only."""

    def __init__(self, path: str | Path, *, create: bool = False, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.recovered = False
        self._lock: WriterLock | None = None
        exists = self.path.exists()
        if not exists and (readonly or not create):
            raise StoreError(f"{self.path}: no such project (create it with `annotator init`)")
        if exists:
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a project file")
            _check_header(self.path)
            if not readonly and not os.access(self.path, os.W_OK):
                raise StoreError(f"{self.path}: the file is read-only; open it read-only or fix its permissions")
        if not readonly:
            if not os.access(self.path.parent if str(self.path.parent) else Path("."), os.W_OK):
                raise StoreError(f"{self.path.parent}: the folder is not writable")
            self._lock = WriterLock(self.path)
            self._lock.acquire()
        try:
            conn = self._connect()
            super().__init__(sqlite_utils.Database(conn))
            self._prepare()
        except BaseException:
            self.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.readonly:
                conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(str(self.path), check_same_thread=False)
            conn.execute("PRAGMA busy_timeout = 5000")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot be read as a project file ({exc})") from None
        if version > SCHEMA_VERSION:
            conn.close()
            raise StoreError(
                f"{self.path}: made by a newer claim annotator (schema {version}, this one knows "
                f"{SCHEMA_VERSION}); update the app. The file was not changed."
            )
        self._version_on_open = version
        return conn

    def _prepare(self) -> None:
        db = self.db
        db.execute("PRAGMA foreign_keys = ON")
        if self.readonly:
            if self._version_on_open < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: uses an older schema; open it for writing once to migrate it")
            return
        with db.ensure_autocommit_on():
            db.conn.execute("PRAGMA journal_mode = WAL")
            db.conn.execute("PRAGMA synchronous = FULL")
        if self._lock is not None and self._lock.stale:
            # The last writer died holding the project: check before trusting a byte of it.
            self.recovered = True
            self.check()
        self._migrate()

    def _migrate(self) -> None:
        version = self._version_on_open
        if version == SCHEMA_VERSION:
            return
        try:
            with self.transaction():
                for step in MIGRATIONS[version:]:
                    step(self.db)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: migration to schema {SCHEMA_VERSION} failed, file left as it was: {exc}") from exc

    def check(self) -> list[str]:
        """Run quick_check and foreign_key_check; raise StoreError listing any problem."""
        problems = [row[0] for row in self.db.execute("PRAGMA quick_check").fetchall() if row[0] != "ok"]
        problems += [f"foreign key: {tuple(row)}" for row in self.db.execute("PRAGMA foreign_key_check").fetchall()]
        if problems:
            raise StoreError(f"{self.path}: the project file is damaged: " + "; ".join(problems[:5]))
        return problems

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action: BEGIN IMMEDIATE (so writers queue, not deadlock), commit or roll back."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                if not self.readonly:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.close()
            self.db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
