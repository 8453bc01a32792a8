"""Tables of schema version 2 (repeated passages, near-duplicate documents, claim clusters) and
their queries. Callers group writes in the store's transaction."""

from __future__ import annotations

from typing import Any, Iterable

import sqlite_utils

from annotator.store.repo import Repository, now

V2 = """
CREATE TABLE passages (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('paragraph', 'block')),
    length INTEGER NOT NULL,
    found TEXT NOT NULL
);
CREATE TABLE passage_occurrences (
    passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,
    PRIMARY KEY (passage_id, doc_id, start),
    CHECK (start >= 0 AND end > start)
);
CREATE INDEX passage_occurrences_doc ON passage_occurrences(doc_id, start);
CREATE TABLE near_duplicates (
    doc_a TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    doc_b TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    similarity REAL NOT NULL,
    PRIMARY KEY (doc_a, doc_b),
    CHECK (doc_a < doc_b)
);
CREATE TABLE claim_clusters (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE TABLE claim_cluster_members (
    span_id TEXT PRIMARY KEY REFERENCES spans(id) ON DELETE CASCADE,
    cluster_id TEXT NOT NULL REFERENCES claim_clusters(id) ON DELETE CASCADE,
    added TEXT NOT NULL
);
CREATE INDEX claim_cluster_members_cluster ON claim_cluster_members(cluster_id);
"""


def migrate_v2(db: sqlite_utils.Database) -> None:
    for statement in V2.split(";"):
        if statement.strip():
            db.execute(statement)


class AssistTables:
    """Queries on the version 2 tables of one open store."""

    def __init__(self, store: Repository) -> None:
        self.store = store

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return self.store.db.execute(sql, list(params)).fetchall()

    # passages ----------------------------------------------------------------------------------
    def replace_passages(self, passages: Iterable[tuple[str, str, int]],
                         occurrences: Iterable[tuple[str, str, int, int, str]]) -> None:
        """Forget every stored passage and store these: (id, kind, length) and
        (passage_id, doc_id, start, end, exact)."""
        conn = self.store.db.conn
        conn.execute("DELETE FROM passage_occurrences")
        conn.execute("DELETE FROM passages")
        stamp = now()
        conn.executemany("INSERT INTO passages (id, kind, length, found) VALUES (?, ?, ?, ?)",
                         [(pid, kind, length, stamp) for pid, kind, length in passages])
        conn.executemany("INSERT INTO passage_occurrences (passage_id, doc_id, start, end, exact) VALUES (?, ?, ?, ?, ?)",
                         list(occurrences))

    def passages_of_document(self, doc_id: str) -> list[tuple[str, str, int]]:
        """(passage id, kind, length) of the passages with an occurrence in the document."""
        return self._rows(
            "SELECT DISTINCT p.id, p.kind, p.length FROM passages p JOIN passage_occurrences o ON o.passage_id = p.id "
            "WHERE o.doc_id = ? ORDER BY (SELECT MIN(start) FROM passage_occurrences WHERE passage_id = p.id AND doc_id = ?), p.kind",
            [doc_id, doc_id],
        )

    def occurrences(self, passage_id: str) -> list[tuple[str, int, int, str]]:
        """(doc_id, start, end, exact) of a passage, in document order."""
        return self._rows(
            "SELECT o.doc_id, o.start, o.end, o.exact FROM passage_occurrences o JOIN documents d ON d.id = o.doc_id "
            "WHERE o.passage_id = ? ORDER BY d.position, o.start",
            [passage_id],
        )

    def passage(self, passage_id: str) -> tuple[str, str, int] | None:
        rows = self._rows("SELECT id, kind, length FROM passages WHERE id = ?", [passage_id])
        return rows[0] if rows else None

    # near duplicates -----------------------------------------------------------------------------
    def replace_near_duplicates(self, pairs: Iterable[tuple[str, str, float]]) -> None:
        conn = self.store.db.conn
        conn.execute("DELETE FROM near_duplicates")
        conn.executemany("INSERT INTO near_duplicates (doc_a, doc_b, similarity) VALUES (?, ?, ?)", list(pairs))

    def near_duplicates_of(self, doc_id: str) -> list[tuple[str, float]]:
        return self._rows(
            "SELECT CASE WHEN doc_a = ? THEN doc_b ELSE doc_a END, similarity FROM near_duplicates "
            "WHERE doc_a = ? OR doc_b = ? ORDER BY similarity DESC, 1",
            [doc_id, doc_id, doc_id],
        )

    # claim clusters ------------------------------------------------------------------------------
    def add_cluster(self, cluster_id: str, name: str = "") -> None:
        self.store.db.execute("INSERT OR IGNORE INTO claim_clusters (id, name, created) VALUES (?, ?, ?)",
                              [cluster_id, name, now()])

    def delete_cluster(self, cluster_id: str) -> None:
        self.store.db.execute("DELETE FROM claim_clusters WHERE id = ?", [cluster_id])

    def set_member(self, span_id: str, cluster_id: str) -> None:
        self.store.db.execute(
            "INSERT INTO claim_cluster_members (span_id, cluster_id, added) VALUES (?, ?, ?) "
            "ON CONFLICT (span_id) DO UPDATE SET cluster_id = excluded.cluster_id, added = excluded.added",
            [span_id, cluster_id, now()],
        )

    def remove_member(self, span_id: str) -> None:
        self.store.db.execute("DELETE FROM claim_cluster_members WHERE span_id = ?", [span_id])

    def cluster_of(self, span_id: str) -> str | None:
        rows = self._rows("SELECT cluster_id FROM claim_cluster_members WHERE span_id = ?", [span_id])
        return rows[0][0] if rows else None

    def clusters_of(self, span_ids: Iterable[str]) -> dict[str, str]:
        ids = list(span_ids)
        found: dict[str, str] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ", ".join("?" for _ in chunk)
            found.update(self._rows(f"SELECT span_id, cluster_id FROM claim_cluster_members WHERE span_id IN ({marks})", chunk))
        return found

    def members(self, cluster_id: str) -> list[str]:
        return [r[0] for r in self._rows(
            "SELECT m.span_id FROM claim_cluster_members m JOIN spans s ON s.id = m.span_id "
            "JOIN documents d ON d.id = s.doc_id WHERE m.cluster_id = ? ORDER BY d.position, s.start, s.id",
            [cluster_id],
        )]

    def cluster_exists(self, cluster_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM claim_clusters WHERE id = ?", [cluster_id]))

    def claim_spans(self, labels: Iterable[str], layers: Iterable[str] | None = None) -> list[tuple[str, str, str, int, int, str]]:
        """(span id, doc_id, layer, start, end, label) of every span with one of the labels."""
        labels = list(labels)
        sql = f"SELECT id, doc_id, layer, start, end, label FROM spans WHERE label IN ({', '.join('?' for _ in labels)})"
        params: list[Any] = list(labels)
        if layers is not None:
            layers = list(layers)
            sql += f" AND layer IN ({', '.join('?' for _ in layers)})"
            params += layers
        return self._rows(sql + " ORDER BY doc_id, start, id", params)
