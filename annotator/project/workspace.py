"""Service functions of the annotation workspace: queue overview, layers, places, schema edits, corpus search."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

from annotator.core.errors import ProjectError
from annotator.core.model import Layer, LayerKind, Relation, Schema, Span, Status
from annotator.project.changes import ChangeSet
from annotator.project.session import Project
from annotator.store import LockHeld  # noqa: F401 - re-exported: the GUI tells this error apart
from annotator.store import workspace_queries as queries

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


# layers -------------------------------------------------------------------------------------
def list_layers(project: Project) -> list[Layer]:
    return project.store.list_layers()


def other_layers_allowed(project: Project) -> bool:
    """Whether an annotator may open other annotators' layers (read-only); blind otherwise."""
    return bool(project.setting("allow_other_layers", False))


def set_other_layers_allowed(project: Project, *, allowed: bool) -> ChangeSet:
    with project.store.transaction():
        project.store.set_setting("allow_other_layers", bool(allowed))
    return ChangeSet()


def visible_layers(project: Project, *, user: str) -> list[Layer]:
    """The layers `user` may open: their own, plus the others when the project allows it."""
    own = Layer(user, LayerKind.ANNOTATOR)
    if not other_layers_allowed(project):
        return [own]
    others = [lay for lay in project.store.list_layers() if lay.name != user]
    return [own, *others]


# the queue ----------------------------------------------------------------------------------
def document_overview(project: Project, *, layer: str) -> list[dict[str, Any]]:
    """One row per document for the queue: id, title, outlet, length, status in `layer`, span and link counts."""
    statuses = project.store.statuses(layer)
    spans = queries.span_counts(project.store, layer)
    links = queries.relation_counts(project.store, layer)
    rows = []
    for doc in project.store.list_documents():
        meta = doc["meta"]
        rows.append({
            "id": doc["id"],
            "title": str(meta.get("title") or doc["id"]),
            "outlet": str(meta.get("outlet") or meta.get("source") or ""),
            "length": doc["length"],
            "status": statuses.get(doc["id"], Status.TODO.value),
            "spans": spans.get(doc["id"], 0),
            "relations": links.get(doc["id"], 0),
        })
    return rows


# opening a document ------------------------------------------------------------------------
@dataclass
class LayerContent:
    """What the workspace shows of one document in one layer.

    Spans come as rows `(id, start, end, label, note, attrs JSON)`, unordered, because building 50,000
    Span objects takes longer than reading them; `span(row)` makes one when it is needed.
    """

    doc_id: str
    layer: str
    span_rows: list[tuple] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    status: str = Status.TODO.value

    def span(self, row: tuple) -> Span:
        return Span(row[0], self.doc_id, self.layer, row[1], row[2], row[3], row[4],
                    {} if row[5] == "{}" else json.loads(row[5]))

    @property
    def spans(self) -> list[Span]:
        return [self.span(row) for row in self.span_rows]


def load_layer(project: Project, *, doc_id: str, layer: str) -> LayerContent:
    """Spans (as rows), relations and status of one document in one layer, read as fast as the file allows."""
    return LayerContent(doc_id, layer, queries.span_rows(project.store, doc_id, layer),
                        project.store.relations(doc_id, layer),
                        project.store.get_status(doc_id, layer) or Status.TODO.value)


# where each annotator left off ----------------------------------------------------------------
def remember_place(project: Project, *, user: str, doc_id: str, layer: str) -> ChangeSet:
    """Store the document and layer `user` is on, so that the app reopens there."""
    with project.store.transaction():
        project.store.set_setting(f"ui.place.{user}", {"doc_id": doc_id, "layer": layer})
        project.store.set_setting("last_user", user)
    return ChangeSet()


def last_place(project: Project, *, user: str) -> dict[str, str] | None:
    place = project.setting(f"ui.place.{user}")
    if not isinstance(place, dict) or project.store.document_length(str(place.get("doc_id"))) is None:
        return None
    return {"doc_id": str(place["doc_id"]), "layer": str(place.get("layer") or user)}


# the schema ---------------------------------------------------------------------------------
def label_usage(project: Project) -> dict[tuple[str, str], int]:
    """Spans or relations per (label name, kind), over every layer."""
    return queries.label_usage(project.store)


def validate_schema(schema: Schema) -> None:
    """Raise ProjectError naming the first problem: empty or duplicate names, bad colours, clashing keys."""
    names: set[tuple[str, str]] = set()
    keys: dict[str, str] = {}
    for label in schema.labels:
        if not label.name.strip() or label.name != label.name.strip():
            raise ProjectError(f"label name {label.name!r} is empty or has spaces at its ends")
        if label.kind not in ("span", "relation"):
            raise ProjectError(f"label {label.name!r}: kind must be span or relation, not {label.kind!r}")
        if (label.name, label.kind) in names:
            raise ProjectError(f"two {label.kind} labels are called {label.name!r}")
        names.add((label.name, label.kind))
        if not _COLOR.match(label.color):
            raise ProjectError(f"label {label.name!r}: colour {label.color!r} is not #RRGGBB")
        if label.key:
            if len(label.key) != 1 or label.key.isspace():
                raise ProjectError(f"label {label.name!r}: key {label.key!r} must be one character")
            other = keys.get(label.key.lower())
            if other is not None:
                raise ProjectError(f"labels {other!r} and {label.name!r} both use the key {label.key!r}")
            keys[label.key.lower()] = label.name
    if not schema.span_labels:
        raise ProjectError("the schema needs at least one span label")


def save_schema(project: Project, *, schema: Schema, renames: Mapping[str, str] | None = None) -> ChangeSet:
    """Replace the project's schema; `renames` (old name → new name) carries existing annotations along.

    A label that disappears without a rename must be unused; otherwise nothing is changed.
    """
    validate_schema(schema)
    renames = dict(renames or {})
    old = project.schema
    with project.store.transaction():
        usage = queries.label_usage(project.store)
        for label in old.labels:
            target = renames.get(label.name, label.name)
            if schema.get(target) is None or schema.get(target).kind != label.kind:  # type: ignore[union-attr]
                used = usage.get((label.name, label.kind), 0)
                if used:
                    raise ProjectError(f"label {label.name!r} is used by {used} annotations; it cannot be removed")
        for label in old.labels:
            new = renames.get(label.name)
            if new and new != label.name:
                queries.rename_label(project.store, kind=label.kind, old=label.name, new=new)
        project.store.save_schema(schema)
    project.invalidate_schema()
    return ChangeSet(schema_changed=True)


# corpus search ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SearchHit:
    doc_id: str
    title: str
    start: int
    end: int
    before: str
    match: str
    after: str


def search_corpus(
    project: Project, *, query: str, regex: bool = False, case_sensitive: bool = False,
    limit: int = 1000, context: int = 40,
) -> list[SearchHit]:
    """Every occurrence of `query` in every document (code point offsets), with context, at most `limit`."""
    if not query:
        return []
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        pattern = re.compile(query if regex else re.escape(query), flags)
    except re.error as exc:
        raise ProjectError(f"bad search pattern {query!r}: {exc}") from None
    hits: list[SearchHit] = []
    for doc in project.store.iter_documents():
        for m in pattern.finditer(doc.text):
            if m.end() == m.start():
                continue
            before = doc.text[max(0, m.start() - context) : m.start()].replace("\n", " ")
            after = doc.text[m.end() : m.end() + context].replace("\n", " ")
            hits.append(SearchHit(doc.id, doc.title, m.start(), m.end(), before, m.group(), after))
            if len(hits) >= limit:
                return hits
    return hits
