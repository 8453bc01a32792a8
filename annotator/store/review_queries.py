"""SQL for review: bulk reads for agreement, the decisions log, and what a merge reads and writes.

Plain functions over an open `Repository` (so the store classes stay as they are); callers group
writes in `store.transaction()`.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from annotator.core.model import Document, Relation, Span
from annotator.store.repo import REL_COLUMNS, SPAN_COLUMNS, Repository, _placeholders, _relation

DECISION_COLUMNS = ("id", "doc_id", "layer", "unit", "action", "payload", "who", "at")


def spans_of(store: Repository, layer: str, doc_ids: Iterable[str] | None = None) -> list[Span]:
    """A layer's spans (of some documents, or all), ordered like `Repository.spans`.

    Attributes are decoded only when there are some: most spans have none, and json.loads of "{}"
    for every span was a third of the time agreement spent reading the project file.
    """
    if doc_ids is None:
        rows = store._rows(f"SELECT {SPAN_COLUMNS} FROM spans WHERE layer = ? ORDER BY doc_id, start, end, label, id", [layer])
    else:
        ids = list(doc_ids)
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            rows += store._rows(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE layer = ? AND doc_id IN ({_placeholders(chunk)}) "
                "ORDER BY doc_id, start, end, label, id", [layer, *chunk],
            )
    return [Span(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]) if r[7] != "{}" else {}) for r in rows]


def relations_of(store: Repository, layer: str, doc_ids: Iterable[str]) -> list[Relation]:
    ids = list(doc_ids)
    found: list[Relation] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        found += map(_relation, store._rows(
            f"SELECT {REL_COLUMNS} FROM relations WHERE layer = ? AND doc_id IN ({_placeholders(chunk)}) "
            "ORDER BY doc_id, created, id", [layer, *chunk],
        ))
    return found


def relations_in_layer(store: Repository, layer: str) -> list[Relation]:
    rows = store._rows(f"SELECT {REL_COLUMNS} FROM relations WHERE layer = ? ORDER BY doc_id, created, id", [layer])
    return list(map(_relation, rows))


def documents_by_id(store: Repository, doc_ids: Iterable[str], *, text: bool = True) -> Iterator[Document]:
    """The named documents in project order, streamed row by row; `text=False` leaves the text out ("")."""
    wanted = set(doc_ids)
    column = "text" if text else "''"
    if len(wanted) <= 50:  # a few documents: look them up rather than scan the table
        marks = _placeholders(wanted)
        rows = store.db.execute(f"SELECT id, {column}, meta FROM documents WHERE id IN ({marks}) ORDER BY position", list(wanted))
    else:
        rows = store.db.execute(f"SELECT id, {column}, meta FROM documents ORDER BY position")
    for row in rows:
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
