"""Queries the annotation workspace needs beyond the repository: counts per document, label use, renames."""

from __future__ import annotations

from annotator.store.repo import Repository


def span_counts(repo: Repository, layer: str) -> dict[str, int]:
    """Number of spans per document in one layer (documents without spans are absent)."""
    rows = repo.db.execute("SELECT doc_id, count(*) FROM spans WHERE layer = ? GROUP BY doc_id", [layer]).fetchall()
    return {doc_id: n for doc_id, n in rows}


def relation_counts(repo: Repository, layer: str) -> dict[str, int]:
    rows = repo.db.execute("SELECT doc_id, count(*) FROM relations WHERE layer = ? GROUP BY doc_id", [layer]).fetchall()
    return {doc_id: n for doc_id, n in rows}


def label_usage(repo: Repository) -> dict[tuple[str, str], int]:
    """How many spans or relations (in any layer) use each (name, kind) label."""
    out: dict[tuple[str, str], int] = {}
    for label, n in repo.db.execute("SELECT label, count(*) FROM spans GROUP BY label").fetchall():
        out[(label, "span")] = n
    for label, n in repo.db.execute("SELECT label, count(*) FROM relations GROUP BY label").fetchall():
        out[(label, "relation")] = n
    return out


def rename_label(repo: Repository, *, kind: str, old: str, new: str) -> int:
    """Rename a label on every span (kind "span") or relation (kind "relation"); returns rows changed."""
    table = "spans" if kind == "span" else "relations"
    cursor = repo.db.execute(f"UPDATE {table} SET label = ? WHERE label = ?", [new, old])
    return cursor.rowcount


def span_rows(repo: Repository, doc_id: str, layer: str) -> list[tuple]:
    """(id, start, end, label, note, attrs JSON) of one document's layer, unordered: the fast path
    for opening a document (the caller sorts; ORDER BY here costs a temporary B-tree)."""
    return repo.db.execute(
        "SELECT id, start, end, label, note, attrs FROM spans WHERE doc_id = ? AND layer = ?", [doc_id, layer]
    ).fetchall()
