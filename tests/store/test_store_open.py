import hashlib
import sqlite3

import pytest

from annotator.core.model import Document, Layer, Span
from annotator.store import SCHEMA_VERSION, LockHeld, ProjectStore, StoreError


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_has_pragmas_and_version(tmp_path):
    store = ProjectStore(tmp_path / "p.db", create=True)
    try:
        row = [store.db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("journal_mode", "synchronous", "foreign_keys", "user_version")]
        assert row == ["wal", 2, 1, SCHEMA_VERSION]
    finally:
        store.close()


def test_missing_file_is_not_created_without_create(tmp_path):
    with pytest.raises(StoreError, match="no such project"):
        ProjectStore(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("just some notes\n")
    before = digest(path)
    with pytest.raises(StoreError, match="not a project file"):
        ProjectStore(path)
    assert digest(path) == before


def test_newer_schema_is_refused_and_not_written(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.execute("CREATE TABLE x (a)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StoreError, match="newer"):
        ProjectStore(path)
    assert digest(path) == before


def test_second_writer_is_told_who_holds_the_project(tmp_path):
    path = tmp_path / "p.db"
    first = ProjectStore(path, create=True)
    try:
        with pytest.raises(LockHeld, match=r"open for writing by .+ \(process \d+"):
            ProjectStore(path)
    finally:
        first.close()


def test_reader_works_while_a_writer_holds_the_project(tmp_path):
    path = tmp_path / "p.db"
    writer = ProjectStore(path, create=True)
    try:
        with writer.transaction():
            writer.add_documents([Document("d1", "hello")])
        reader = ProjectStore(path, readonly=True)
        assert reader.count_documents() == 1
        reader.close()
    finally:
        writer.close()


def test_reader_cannot_write(tmp_path):
    path = tmp_path / "p.db"
    ProjectStore(path, create=True).close()
    reader = ProjectStore(path, readonly=True)
    try:
        with pytest.raises(StoreError, match="read-only"):
            with reader.transaction():
                pass
    finally:
        reader.close()


def test_dead_writer_leaves_a_stale_lock_that_triggers_a_check(tmp_path):
    path = tmp_path / "p.db"
    ProjectStore(path, create=True).close()
    # What a killed writer leaves behind: its identity in the lock file, but no OS lock.
    (tmp_path / "p.db.lock").write_text('{"pid": 999999, "user": "ghost", "host": "h", "since": 0}')
    store = ProjectStore(path)
    try:
        assert store.recovered is True
    finally:
        store.close()
    clean = ProjectStore(path)
    try:
        assert clean.recovered is False
    finally:
        clean.close()


def test_transaction_rolls_back_everything_on_error(tmp_path):
    store = ProjectStore(tmp_path / "p.db", create=True)
    try:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_documents([Document("d1", "hello")])
                raise RuntimeError("boom")
        assert store.count_documents() == 0
    finally:
        store.close()


def test_foreign_keys_cascade_from_span_to_relations(tmp_path):
    from annotator.core.model import Relation

    store = ProjectStore(tmp_path / "p.db", create=True)
    try:
        with store.transaction():
            store.add_documents([Document("d", "Ann said hi")])
            store.add_layer(Layer("alice"))
            store.insert_spans([Span("s1", "d", "alice", 0, 3, "source"), Span("c1", "d", "alice", 9, 11, "attributed")])
            store.insert_relations([Relation("r1", "d", "alice", "c1", "s1", "said_by")])
        with store.transaction():
            store.delete_spans(["s1"])
        assert store.relations("d", "alice") == []
    finally:
        store.close()
