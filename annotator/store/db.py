"""Opening, checking and migrating a project file; the transaction every user action runs in.

Opening never writes a byte of a file it then refuses: the file is first looked at through a
read-only connection (header, schema version, that it is a project, quick_check); only a file that
passes is backed up, migrated and switched to WAL by a read-write connection.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from pathlib import Path
from typing import Iterator

import sqlite_utils

from annotator.store import backup, fsinfo
from annotator.store.errors import StoreError, WriteFailed
from annotator.store.lock import WriterLock
from annotator.store.migrations import MIGRATIONS
from annotator.store.repo import Repository

SCHEMA_VERSION = len(MIGRATIONS)
SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables of schema 1; later versions add tables, never drop these.
PROJECT_TABLES = frozenset({"project", "documents", "layers", "labels", "spans", "relations", "doc_status"})
BUSY_TIMEOUT_MS = 5000
_UNCHANGED_RESTORE = "It was not changed; `annotator restore` lists the backups to roll back to."

log = logging.getLogger("annotator")

__all__ = ["SCHEMA_VERSION", "ProjectStore", "StoreError", "WriteFailed"]


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not head:
        raise StoreError(f"{path}: empty file, not a project file")
    if head != SQLITE_MAGIC:
        raise StoreError(f"{path}: not a project file (not an SQLite database)")


class ProjectStore(Repository):
    """One open project file. Writers hold the lock; readers open the file read-only."""

    def __init__(
        self, path: str | Path, *, create: bool = False, readonly: bool = False, backup_on_open: bool = False
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.recovered = False
        self.warnings: list[str] = []
        self.last_backup: backup.BackupInfo | None = None
        self.backup_changes = 0  # total_changes when the last backup was taken
        self.backup_time: float | None = None  # time.monotonic() of the last backup
        self._lock: WriterLock | None = None
        self._ready = False
        exists = self.path.exists()
        if not exists and (readonly or not create):
            raise StoreError(f"{self.path}: no such project (create it with `annotator init`)")
        if exists:
            if self.path.is_dir():
                raise StoreError(f"{self.path}: is a folder, not a project file")
            _check_header(self.path)
            if not readonly and not fsinfo.writable(self.path):
                raise StoreError(
                    f"{self.path}: the file is read-only; open it read-only (stats, export) or make it "
                    "writable. The file was not changed."
                )
        folder = self.path.parent
        if not readonly and not fsinfo.writable(folder):
            raise StoreError(
                f"{folder}: the folder is read-only, and a project writes its journal beside it; copy the "
                "project to a writable folder. The file was not changed."
            )
        share = fsinfo.network_filesystem(self.path)
        if share:
            self._warn(fsinfo.network_warning(self.path, share))
        if not readonly:
            self._lock = WriterLock(self.path)
            self._lock.acquire()
        try:
            if readonly:
                conn = self._inspect(keep_open=True)
            else:
                if exists:
                    self._roll_back_hot_journal()
                    self._inspect(keep_open=False)
                    if backup_on_open:
                        self._backup_on_open()
                conn = self._connect_rw()
            super().__init__(sqlite_utils.Database(conn))
            self._prepare(new=not exists)
            self._ready = True
        except BaseException:
            self.close()
            raise

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning("warning: %s", message)

    # opening ----------------------------------------------------------------------------------
    def _ro_uri(self) -> str:
        uri = f"{self.path.resolve().as_uri()}?mode=ro"
        journals = [Path(f"{self.path}{suffix}").exists() for suffix in ("-wal", "-journal")]
        quiet = not any(journals)
        if quiet and (self._lock is not None or not fsinfo.writable(self.path.parent)):
            # Nobody can be changing the file: we hold the writer lock, or no journal can appear in
            # a read-only folder. Read it as immutable, which creates no `-wal`/`-shm` beside it.
            uri += "&immutable=1"
        return uri

    def _roll_back_hot_journal(self) -> None:
        """A rollback journal left by a crash (files in DELETE mode: old backups) is undone first."""
        if Path(f"{self.path}-journal").exists():
            conn = sqlite3.connect(str(self.path))
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError:
                pass  # the inspection that follows says what is wrong
            finally:
                conn.close()

    def _inspect(self, *, keep_open: bool) -> sqlite3.Connection | None:
        """Look at the file through a read-only connection, which never writes it, not even on close."""
        try:
            conn = sqlite3.connect(self._ro_uri(), uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot be opened ({exc})") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by a newer claim annotator (schema {version}, this one knows "
                    f"{SCHEMA_VERSION}); update the app. The file was not changed."
                )
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if version == 0 or PROJECT_TABLES - tables:
                what = f"its tables: {', '.join(sorted(tables)[:5])}" if tables else "it holds no tables"
                raise StoreError(f"{self.path}: an SQLite database, but not a claim annotator project ({what})")
            if self.readonly and version < SCHEMA_VERSION:
                raise StoreError(f"{self.path}: uses an older schema; open it for writing once to migrate it")
            stale = self._lock is not None and self._lock.stale
            problems = _problems(conn, foreign_keys=bool(stale))
            if problems:
                raise StoreError(f"{self.path}: the project file is damaged ({'; '.join(problems[:3])}). {_UNCHANGED_RESTORE}")
            if stale:
                self.recovered = True  # the last writer died holding the project; now checked
            self._version_on_open = version
        except sqlite3.OperationalError as exc:  # locked, cannot open, I/O: the file may well be fine
            conn.close()
            raise StoreError(f"{self.path}: cannot be read ({exc}). It was not changed.") from None
        except sqlite3.DatabaseError as exc:  # SQLITE_CORRUPT, SQLITE_NOTADB behind a valid header
            conn.close()
            raise StoreError(f"{self.path}: the project file is damaged ({exc}). {_UNCHANGED_RESTORE}") from None
        except BaseException:
            conn.close()
            raise
        if keep_open:
            return conn
        conn.close()
        return None

    def _backup_on_open(self) -> None:
        keep = self._setting_before_open("backups_keep", backup.DEFAULT_KEEP)
        try:
            self.last_backup, _ = backup.write_backup(self.path, "open", keep=keep)
        except StoreError as exc:
            self._warn(f"no backup was made on opening: {exc}")
            return
        self.backup_time = time.monotonic()

    def _setting_before_open(self, key: str, default: int) -> int:
        conn = sqlite3.connect(self._ro_uri(), uri=True)
        try:
            row = conn.execute("SELECT value FROM project WHERE key = ?", [key]).fetchone()
            value = int(row[0]) if row else default
        except (sqlite3.Error, ValueError):
            value = default
        finally:
            conn.close()
        return max(1, value)

    def _connect_rw(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(str(self.path), check_same_thread=False)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot be opened for writing ({exc})") from None
        return conn

    def _prepare(self, *, new: bool) -> None:
        db = self.db
        db.execute("PRAGMA foreign_keys = ON")
        if self.readonly:
            return
        if new:
            self._version_on_open = 0
            self._journal_wal()
        # Migrate in the file's own journal mode: if it fails, the rollback leaves every byte as it was.
        self._migrate()
        self._journal_wal()

    def _journal_wal(self) -> None:
        try:
            with self.db.ensure_autocommit_on():
                self.db.conn.execute("PRAGMA journal_mode = WAL")
                self.db.conn.execute("PRAGMA synchronous = FULL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot switch to WAL journal ({exc})") from None

    def _migrate(self) -> None:
        version = self._version_on_open
        if version == SCHEMA_VERSION:
            return
        try:
            with self.transaction():
                for step in MIGRATIONS[version:]:
                    step(self.db)
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except Exception as exc:  # any failing step, SQL or Python: the transaction rolled it all back
            raise StoreError(
                f"{self.path}: migration from schema {version} to {SCHEMA_VERSION} failed, file left as it was: {exc}"
            ) from exc
        self.backup_changes = -1  # the migrated file differs from the backup taken on open

    # checking ---------------------------------------------------------------------------------
    def check(self, *, full: bool = False) -> list[str]:
        """quick_check (integrity_check when `full`) and foreign_key_check; raise StoreError on any problem."""
        problems = _problems(self.db.conn, foreign_keys=True, full=full)
        if problems:
            raise StoreError(f"{self.path}: the project file is damaged: " + "; ".join(problems[:5]))
        return problems

    # writing ----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One user action: BEGIN IMMEDIATE (so writers queue, not deadlock), commit or roll back.

        A write that does not reach the file (disk full, I/O error, busy) raises WriteFailed after
        the rollback: nothing of the action is kept, and the same call can simply be retried.
        Nested, it is a savepoint of the outer action.
        """
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise self._write_failed(exc) from exc
        try:
            yield self.db
        except BaseException as exc:
            self._rollback()
            if _is_io_error(exc):
                raise self._write_failed(exc) from exc
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            self._rollback()  # SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR)
            raise self._write_failed(exc) from exc

    def _rollback(self) -> None:
        conn = self.db.conn
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")

    def _write_failed(self, exc: BaseException) -> WriteFailed:
        return WriteFailed(
            f"{self.path}: could not save ({exc}); nothing of this action was written. "
            "Check the free disk space and that the file is writable, then try again."
        )

    @property
    def total_changes(self) -> int:
        """Rows changed through this connection since it was opened (cheap; tells whether to back up)."""
        return self.db.conn.total_changes

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        db = getattr(self, "db", None)
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                if self._ready and not self.readonly:
                    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                db.close()
            self.db = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def _is_io_error(exc: BaseException) -> bool:
    # Constraint violations and misuse are bugs to see, not conditions of the disk to retry.
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)
    )


def _problems(conn: sqlite3.Connection, *, foreign_keys: bool, full: bool = False) -> list[str]:
    pragma = "integrity_check" if full else "quick_check"
    problems = [row[0] for row in conn.execute(f"PRAGMA {pragma}").fetchall() if row[0] != "ok"]
    if foreign_keys:
        problems += [f"foreign key: {tuple(row)}" for row in conn.execute("PRAGMA foreign_key_check").fetchall()]
    return problems
