"""Schema version 2 (passages, near duplicates, claim clusters): new files and migrated ones."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from annotator.store import SCHEMA_VERSION, ProjectStore
from annotator.store.migrations import MIGRATIONS

V2_TABLES = {"passages", "passage_occurrences", "near_duplicates", "claim_clusters", "claim_cluster_members"}


def _tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_new_project_has_the_version_2_tables(tmp_path):
    path = tmp_path / "new.annotator.db"
    ProjectStore(path, create=True).close()
    assert SCHEMA_VERSION == 2 and V2_TABLES <= _tables(path)


def test_a_version_1_file_migrates_and_keeps_its_documents(tmp_path):
    path = tmp_path / "old.annotator.db"
    conn = sqlite3.connect(path)
    MIGRATIONS[0](sqlite_utils.Database(conn))
    conn.execute("INSERT INTO documents (id, position, text, sha256, meta, added) VALUES ('d', 0, 'x', 'h', '{}', 'now')")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    store = ProjectStore(path)
    try:
        assert store.schema_version == 2
        assert [d["id"] for d in store.list_documents()] == ["d"]
    finally:
        store.close()
    assert V2_TABLES <= _tables(path)


def test_cluster_membership_goes_with_its_span(tmp_path):
    path = tmp_path / "fk.annotator.db"
    store = ProjectStore(path, create=True)
    try:
        with store.transaction():
            store.db.execute("INSERT INTO documents (id, position, text, sha256, meta, added) VALUES ('d', 0, 'abc', 'h', '{}', 'n')")
            store.db.execute("INSERT INTO layers (name, kind, created) VALUES ('a', 'annotator', 'n')")
            store.db.execute("INSERT INTO spans (id, doc_id, layer, start, end, label, created, modified) VALUES ('s', 'd', 'a', 0, 1, 'opinion', 'n', 'n')")
            store.db.execute("INSERT INTO claim_clusters (id, created) VALUES ('c', 'n')")
            store.db.execute("INSERT INTO claim_cluster_members (span_id, cluster_id, added) VALUES ('s', 'c', 'n')")
        with store.transaction():
            store.db.execute("DELETE FROM spans WHERE id = 's'")
        assert store.db.execute("SELECT count(*) FROM claim_cluster_members").fetchone()[0] == 0
    finally:
        store.close()
