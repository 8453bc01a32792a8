"""SQL for review: bulk reads for agreement, the decisions log, and what a merge reads and writes.

Plain functions over an open `Repository` (so the store classes stay as they are); callers group
writes in `store.transaction()`.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from annotator.core.model import Document, Relation
from annotator.store.repo import REL_COLUMNS, Repository, _placeholders, _relation

DECISION_COLUMNS = ("id", "doc_id", "layer", "unit", "action", "payload", "who", "at")


def relations_in_layer(store: Repository, layer: str) -> list[Relation]:
    rows = store._rows(f"SELECT {REL_COLUMNS} FROM relations WHERE layer = ? ORDER BY doc_id, created, id", [layer])
    return list(map(_relation, rows))


def documents_by_id(store: Repository, doc_ids: Iterable[str]) -> Iterator[Document]:
    """The named documents (with text) in project order, streamed row by row."""
    wanted = set(doc_ids)
    for row in store.db.execute("SELECT id, text, meta FROM documents ORDER BY position"):
        if row[0] in wanted:
            yield Document(row[0], row[1], json.loads(row[2]))


def decisions(store: Repository, doc_id: str | None = None) -> list[dict[str, Any]]:
    """The adjudication log, oldest first (rowid breaks ties within one second)."""
    where, params = ("WHERE doc_id = ?", [doc_id]) if doc_id is not None else ("", [])
    rows = store._rows(f"SELECT {', '.join(DECISION_COLUMNS)} FROM decisions {where} ORDER BY at, rowid", params)
    out = []
    for row in rows:
        item = dict(zip(DECISION_COLUMNS, row))
        item["payload"] = json.loads(item["payload"] or "{}")
        out.append(item)
    return out


def insert_decisions(store: Repository, items: Iterable[dict[str, Any]]) -> int:
    """Copy log entries as they are (same id, who and time); entries whose id is present are skipped."""
    rows = [
        (d["id"], d["doc_id"], d["layer"], d["unit"], d["action"], json.dumps(d["payload"], ensure_ascii=False), d["who"], d["at"])
        for d in items
    ]
    before = store.db.conn.total_changes
    store.db.conn.executemany(f"INSERT OR IGNORE INTO decisions ({', '.join(DECISION_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return store.db.conn.total_changes - before


def all_statuses(store: Repository) -> list[tuple[str, str, str]]:
    """Every (doc_id, layer, status)."""
    return [tuple(r) for r in store._rows("SELECT doc_id, layer, status FROM doc_status ORDER BY doc_id, layer")]


def relations_by_id(store: Repository, ids: Iterable[str]) -> dict[str, Relation]:
    ids = list(ids)
    found: dict[str, Relation] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for row in store._rows(f"SELECT {REL_COLUMNS} FROM relations WHERE id IN ({_placeholders(chunk)})", chunk):
            rel = _relation(row)
            found[rel.id] = rel
    return found
