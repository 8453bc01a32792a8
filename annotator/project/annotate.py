"""Editing one layer of one document: each function is one user action, one transaction."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from annotator.core.errors import ProjectError
from annotator.core.model import Document, Relation, Span, Status, new_id
from annotator.project.changes import ChangeSet
from annotator.project.session import Project


def _check_span_label(project: Project, label: str) -> None:
    entry = project.schema.get(label)
    if entry is None or entry.kind != "span":
        known = ", ".join(lab.name for lab in project.schema.span_labels)
        raise ProjectError(f"unknown span label {label!r} (the schema has: {known})")


def _check_offsets(project: Project, doc_id: str, start: int, end: int) -> None:
    length = project.store.document_length(doc_id)
    if length is None:
        raise ProjectError(f"no document {doc_id!r}")
    if not (0 <= start < end <= length):
        raise ProjectError(f"offsets [{start}, {end}) do not fit document {doc_id!r} of {length} characters")


def _get_span(project: Project, span_id: str) -> Span:
    found = project.store.get_spans([span_id])
    if not found:
        raise ProjectError(f"no span {span_id!r}")
    return found[0]


def _touch_status(project: Project, doc_id: str, layer: str, change: ChangeSet) -> None:
    """The first edit of a document in a layer moves it from todo to in progress."""
    before = project.store.get_status(doc_id, layer)
    if before in (None, Status.TODO.value):
        project.store.set_status(doc_id, layer, Status.IN_PROGRESS.value)
        change.status = (before, Status.IN_PROGRESS.value)


def add_span(
    project: Project, *, doc_id: str, layer: str, start: int, end: int, label: str,
    note: str = "", attrs: dict[str, Any] | None = None, span_id: str | None = None,
) -> ChangeSet:
    _check_span_label(project, label)
    _check_offsets(project, doc_id, start, end)
    span = Span(span_id or new_id(), doc_id, layer, start, end, label, note, attrs or {})
    change = ChangeSet(doc_id=doc_id, layer=layer, spans_added=[span])
    with project.store.transaction():
        if project.ensure_layer(layer):
            change.layers_added.append(layer)
        project.store.insert_spans([span])
        _touch_status(project, doc_id, layer, change)
    return change


def remove_spans(project: Project, *, span_ids: Iterable[str]) -> ChangeSet:
    """Delete spans and the relations that touch them (returned, so that undo can restore them)."""
    ids = list(dict.fromkeys(span_ids))
    with project.store.transaction():
        spans = project.store.get_spans(ids)
        if len(spans) != len(ids):
            missing = set(ids) - {s.id for s in spans}
            raise ProjectError(f"no span {sorted(missing)[0]!r}")
        relations = project.store.relations_touching(ids)
        project.store.delete_relations(r.id for r in relations)
        project.store.delete_spans(ids)
    first = spans[0] if spans else None
    return ChangeSet(
        doc_id=first.doc_id if first else None, layer=first.layer if first else None,
        spans_removed=spans, relations_removed=relations,
    )


def restore(project: Project, *, spans: Iterable[Span] = (), relations: Iterable[Relation] = ()) -> ChangeSet:
    """Put back spans and relations exactly as they were (same ids): the undo of a removal."""
    spans, relations = list(spans), list(relations)
    with project.store.transaction():
        for layer in {s.layer for s in spans} | {r.layer for r in relations}:
            project.ensure_layer(layer)
        project.store.insert_spans(spans)
        project.store.insert_relations(relations)
    first = (spans or relations or [None])[0]
    return ChangeSet(
        doc_id=getattr(first, "doc_id", None), layer=getattr(first, "layer", None),
        spans_added=spans, relations_added=relations,
    )


def update_span(
    project: Project, *, span_id: str, start: int | None = None, end: int | None = None,
    label: str | None = None, note: str | None = None, attrs: dict[str, Any] | None = None,
) -> ChangeSet:
    """Resize, relabel, annotate or re-attribute one span; only the given fields change."""
    with project.store.transaction():
        before = _get_span(project, span_id)
        after = replace(
            before,
            start=before.start if start is None else start,
            end=before.end if end is None else end,
            label=before.label if label is None else label,
            note=before.note if note is None else note,
            attrs=before.attrs if attrs is None else attrs,
        )
        if label is not None:
            _check_span_label(project, label)
        if (after.start, after.end) != (before.start, before.end):
            _check_offsets(project, after.doc_id, after.start, after.end)
        project.store.update_span(after)
    return ChangeSet(doc_id=before.doc_id, layer=before.layer, spans_updated=[(before, after)])


def relabel_span(project: Project, *, span_id: str, label: str) -> ChangeSet:
    return update_span(project, span_id=span_id, label=label)


def resize_span(project: Project, *, span_id: str, start: int, end: int) -> ChangeSet:
    return update_span(project, span_id=span_id, start=start, end=end)


def set_note(project: Project, *, span_id: str, note: str) -> ChangeSet:
    return update_span(project, span_id=span_id, note=note)


def link(project: Project, *, head: str, tail: str, label: str, relation_id: str | None = None) -> ChangeSet:
    """Link a claim to a source (said_by, disputed_by …) in the same document and layer."""
    entry = project.schema.get(label)
    if entry is None or entry.kind != "relation":
        known = ", ".join(lab.name for lab in project.schema.relation_labels)
        raise ProjectError(f"unknown relation label {label!r} (the schema has: {known})")
    with project.store.transaction():
        head_span, tail_span = _get_span(project, head), _get_span(project, tail)
        if (head_span.doc_id, head_span.layer) != (tail_span.doc_id, tail_span.layer):
            raise ProjectError("a relation links two spans of the same document and layer")
        if head == tail:
            raise ProjectError("a span cannot be linked to itself")
        existing = [
            r for r in project.store.relations_touching([head]) if (r.head, r.tail, r.label) == (head, tail, label)
        ]
        if existing:
            return ChangeSet(doc_id=head_span.doc_id, layer=head_span.layer)
        relation = Relation(relation_id or new_id(), head_span.doc_id, head_span.layer, head, tail, label)
        project.store.insert_relations([relation])
    return ChangeSet(doc_id=relation.doc_id, layer=relation.layer, relations_added=[relation])


def unlink(project: Project, *, relation_ids: Iterable[str]) -> ChangeSet:
    ids = list(dict.fromkeys(relation_ids))
    with project.store.transaction():
        relations = project.store.get_relations(ids)
        if len(relations) != len(ids):
            raise ProjectError("no such relation")
        project.store.delete_relations(ids)
    first = relations[0] if relations else None
    return ChangeSet(doc_id=getattr(first, "doc_id", None), layer=getattr(first, "layer", None), relations_removed=relations)


def set_status(project: Project, *, doc_id: str, layer: str, status: str) -> ChangeSet:
    value = Status.parse(status).value
    if project.store.document_length(doc_id) is None:
        raise ProjectError(f"no document {doc_id!r}")
    change = ChangeSet(doc_id=doc_id, layer=layer)
    with project.store.transaction():
        if project.ensure_layer(layer):
            change.layers_added.append(layer)
        before = project.store.get_status(doc_id, layer)
        project.store.set_status(doc_id, layer, value)
    change.status = (before, value)
    return change


# reading ------------------------------------------------------------------------------------
def document(project: Project, doc_id: str) -> Document:
    doc = project.store.get_document(doc_id)
    if doc is None:
        raise ProjectError(f"no document {doc_id!r}")
    return doc


def spans(project: Project, *, doc_id: str, layer: str) -> list[Span]:
    return project.store.spans(doc_id, layer)


def relations(project: Project, *, doc_id: str, layer: str) -> list[Relation]:
    return project.store.relations(doc_id, layer)


def status(project: Project, *, doc_id: str, layer: str) -> str:
    return project.store.get_status(doc_id, layer) or Status.TODO.value


def documents(project: Project) -> list[dict[str, Any]]:
    """Every document's id, meta and length (no text), in import order."""
    return project.store.list_documents()
