"""Reads and writes of the project tables, in domain types. Callers group writes in a transaction."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable

import sqlite_utils

from annotator.core.model import Document, Layer, LayerKind, Relation, Schema, Span

SPAN_COLUMNS = "id, doc_id, layer, start, end, label, note, attrs"
REL_COLUMNS = "id, doc_id, layer, head, tail, label"


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _span(row: tuple) -> Span:
    # Most spans have no attributes: skipping json.loads("{}") halves the time to read a layer.
    attrs = json.loads(row[7]) if row[7] not in ("{}", "", None) else {}
    return Span(row[0], row[1], row[2], row[3], row[4], row[5], row[6], attrs)


def _relation(row: tuple) -> Relation:
    return Relation(*row)


def _placeholders(items: Iterable[Any]) -> str:
    return ", ".join("?" for _ in items)


class Repository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        # A document's text never changes once stored, so its length can be remembered: SQLite's
        # length() reads the whole text (1-4 ms for 1 MB), and every edit checks offsets against it.
        self._lengths: dict[str, int] = {}

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        return self.db.execute(sql, list(params)).fetchall()

    # settings -------------------------------------------------------------------------------
    def get_setting(self, key: str, default: Any = None) -> Any:
        rows = self._rows("SELECT value FROM project WHERE key = ?", [key])
        return json.loads(rows[0][0]) if rows else default

    def set_setting(self, key: str, value: Any) -> None:
        self.db["project"].upsert({"key": key, "value": json.dumps(value)}, pk="key")

    # schema ---------------------------------------------------------------------------------
    def load_schema(self) -> Schema:
        rows = self.db["labels"].rows_where(order_by="position")
        return Schema.from_dicts({**row, "group": row["grp"]} for row in rows)

    def save_schema(self, schema: Schema) -> None:
        self.db.execute("DELETE FROM labels")
        self.db.conn.executemany(
            "INSERT INTO labels (name, kind, grp, color, key, description, example, position) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (lab.name, lab.kind, lab.group, lab.color, lab.key, lab.description, lab.example, i)
                for i, lab in enumerate(schema.labels)
            ],
        )

    # layers ---------------------------------------------------------------------------------
    def list_layers(self) -> list[Layer]:
        return [Layer(name, LayerKind(kind)) for name, kind in self._rows("SELECT name, kind FROM layers ORDER BY created, name")]

    def get_layer(self, name: str) -> Layer | None:
        rows = self._rows("SELECT name, kind FROM layers WHERE name = ?", [name])
        return Layer(rows[0][0], LayerKind(rows[0][1])) if rows else None

    def add_layer(self, layer: Layer) -> None:
        self.db.execute(
            "INSERT INTO layers (name, kind, created) VALUES (?, ?, ?)", [layer.name, layer.kind.value, now()]
        )

    # documents ------------------------------------------------------------------------------
    def add_documents(self, docs: list[Document]) -> None:
        # MAX(rowid) is a b-tree lookup; MAX(position) has no index and would scan every text.
        first = self._rows("SELECT COALESCE(MAX(rowid), 0) FROM documents")[0][0]
        stamp = now()
        self.db.conn.executemany(
            "INSERT INTO documents (id, position, text, sha256, meta, added) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc.id, first + i, doc.text, doc.sha256, json.dumps(doc.meta, ensure_ascii=False), stamp)
                for i, doc in enumerate(docs)
            ],
        )

    def get_document(self, doc_id: str) -> Document | None:
        rows = self._rows("SELECT id, text, meta FROM documents WHERE id = ?", [doc_id])
        return Document(rows[0][0], rows[0][1], json.loads(rows[0][2])) if rows else None

    def document_length(self, doc_id: str) -> int | None:
        """Length in code points (SQLite's length() of TEXT counts characters), without reading the text."""
        if doc_id in self._lengths:
            return self._lengths[doc_id]
        rows = self._rows("SELECT length(text) FROM documents WHERE id = ?", [doc_id])
        if not rows:
            return None
        if not self.db.conn.in_transaction:  # a document added in an open transaction may yet roll back
            self._lengths[doc_id] = rows[0][0]
        return rows[0][0]

    def existing_ids(self, table: str, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found.update(r[0] for r in self._rows(f"SELECT id FROM {table} WHERE id IN ({_placeholders(chunk)})", chunk))
        return found

    def document_sha256(self, doc_id: str) -> str | None:
        rows = self._rows("SELECT sha256 FROM documents WHERE id = ?", [doc_id])
        return rows[0][0] if rows else None

    def documents_with_sha256(self, sha256: str) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM documents WHERE sha256 = ? ORDER BY position", [sha256])]

    def list_documents(self) -> list[dict[str, Any]]:
        """Every document's id, meta and length, in import order, without the text."""
        rows = self._rows("SELECT id, meta, length(text) FROM documents ORDER BY position")
        return [{"id": r[0], "meta": json.loads(r[1]), "length": r[2]} for r in rows]

    def iter_documents(self) -> Iterable[Document]:
        for row in self.db.execute("SELECT id, text, meta FROM documents ORDER BY position"):
            yield Document(row[0], row[1], json.loads(row[2]))

    def count_documents(self) -> int:
        return self._rows("SELECT count(*) FROM documents")[0][0]

    # spans ----------------------------------------------------------------------------------
    def insert_spans(self, spans: Iterable[Span]) -> None:
        stamp = now()
        self.db.conn.executemany(
            f"INSERT INTO spans ({SPAN_COLUMNS}, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (s.id, s.doc_id, s.layer, s.start, s.end, s.label, s.note, json.dumps(dict(s.attrs), ensure_ascii=False), stamp, stamp)
                for s in spans
            ],
        )

    def update_span(self, span: Span) -> None:
        self.db.execute(
            "UPDATE spans SET start = ?, end = ?, label = ?, note = ?, attrs = ?, modified = ? WHERE id = ?",
            [span.start, span.end, span.label, span.note, json.dumps(dict(span.attrs), ensure_ascii=False), now(), span.id],
        )

    def get_spans(self, ids: Iterable[str]) -> list[Span]:
        ids = list(ids)
        found: list[Span] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found += map(_span, self._rows(f"SELECT {SPAN_COLUMNS} FROM spans WHERE id IN ({_placeholders(chunk)})", chunk))
        return found

    def spans(self, doc_id: str, layer: str) -> list[Span]:
        rows = self._rows(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc_id = ? AND layer = ? ORDER BY start, end, label, id",
            [doc_id, layer],
        )
        return list(map(_span, rows))

    def spans_in_layer(self, layer: str) -> list[Span]:
        rows = self._rows(f"SELECT {SPAN_COLUMNS} FROM spans WHERE layer = ? ORDER BY doc_id, start, end, label, id", [layer])
        return list(map(_span, rows))

    def delete_spans(self, ids: Iterable[str]) -> None:
        self.db.conn.executemany("DELETE FROM spans WHERE id = ?", [(i,) for i in ids])

    # relations ------------------------------------------------------------------------------
    def insert_relations(self, relations: Iterable[Relation]) -> None:
        stamp = now()
        self.db.conn.executemany(
            f"INSERT INTO relations ({REL_COLUMNS}, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(r.id, r.doc_id, r.layer, r.head, r.tail, r.label, stamp) for r in relations],
        )

    def relations(self, doc_id: str, layer: str) -> list[Relation]:
        rows = self._rows(
            f"SELECT {REL_COLUMNS} FROM relations WHERE doc_id = ? AND layer = ? ORDER BY created, id", [doc_id, layer]
        )
        return list(map(_relation, rows))

    def relations_in_layer(self, layer: str) -> list[Relation]:
        """Every relation of a layer, by document (each document's in the order `relations` gives)."""
        rows = self._rows(f"SELECT {REL_COLUMNS} FROM relations WHERE layer = ? ORDER BY doc_id, created, id", [layer])
        return list(map(_relation, rows))

    def get_relations(self, ids: Iterable[str]) -> list[Relation]:
        ids = list(ids)
        return list(map(_relation, self._rows(f"SELECT {REL_COLUMNS} FROM relations WHERE id IN ({_placeholders(ids)})", ids)))

    def relations_touching(self, span_ids: Iterable[str]) -> list[Relation]:
        ids = list(span_ids)
        if not ids:
            return []
        marks = _placeholders(ids)
        return list(
            map(_relation, self._rows(f"SELECT {REL_COLUMNS} FROM relations WHERE head IN ({marks}) OR tail IN ({marks})", ids + ids))
        )

    def delete_relations(self, ids: Iterable[str]) -> None:
        self.db.conn.executemany("DELETE FROM relations WHERE id = ?", [(i,) for i in ids])

    # status ---------------------------------------------------------------------------------
    def set_status(self, doc_id: str, layer: str, status: str) -> None:
        self.db.execute(
            "INSERT INTO doc_status (doc_id, layer, status, modified) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (doc_id, layer) DO UPDATE SET status = excluded.status, modified = excluded.modified",
            [doc_id, layer, status, now()],
        )

    def get_status(self, doc_id: str, layer: str) -> str | None:
        rows = self._rows("SELECT status FROM doc_status WHERE doc_id = ? AND layer = ?", [doc_id, layer])
        return rows[0][0] if rows else None

    def statuses(self, layer: str) -> dict[str, str]:
        return dict(self._rows("SELECT doc_id, status FROM doc_status WHERE layer = ?", [layer]))

    def layers_of_document(self, doc_id: str) -> list[str]:
        rows = self._rows(
            "SELECT layer FROM doc_status WHERE doc_id = ? UNION SELECT layer FROM spans WHERE doc_id = ? ORDER BY 1",
            [doc_id, doc_id],
        )
        return [r[0] for r in rows]

    # decisions ------------------------------------------------------------------------------
    def log_decision(self, *, id: str, doc_id: str | None, layer: str | None, unit: str | None, action: str, payload: dict, who: str) -> None:
        self.db["decisions"].insert(
            {"id": id, "doc_id": doc_id, "layer": layer, "unit": unit, "action": action,
             "payload": json.dumps(payload, ensure_ascii=False), "who": who, "at": now()}
        )

    # figures --------------------------------------------------------------------------------
    def layer_counts(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for layer in self.list_layers():
            out[layer.name] = {"kind": layer.kind.value, "spans": 0, "relations": 0, "documents": 0,
                               "todo": 0, "in progress": 0, "done": 0, "labels": {}}
        for name, label, n in self._rows("SELECT layer, label, count(*) FROM spans GROUP BY layer, label ORDER BY layer, label"):
            out[name]["labels"][label] = n
            out[name]["spans"] += n
        for name, n in self._rows("SELECT layer, count(*) FROM relations GROUP BY layer"):
            out[name]["relations"] = n
        for name, status, n in self._rows("SELECT layer, status, count(*) FROM doc_status GROUP BY layer, status"):
            out[name][status] = n
        for name, n in self._rows("SELECT layer, count(DISTINCT doc_id) FROM (SELECT layer, doc_id FROM spans UNION SELECT layer, doc_id FROM doc_status) GROUP BY layer"):
            out[name]["documents"] = n
        return out
