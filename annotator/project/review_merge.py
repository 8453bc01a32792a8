"""Merging other annotators' project files into this one: checked first, never overwriting, idempotent.

Each other file is opened read-only and checked (quick_check, foreign_key_check) before anything is
read, and merged in one transaction: all of it or, on an error, none of it. Documents join by id; a
document whose text differs from ours is refused with everything on it. Spans and relations join by
id: the same id with the same content is already here, the same id with other content is a conflict
(reported, ours kept); a new span identical (start, end, label) to one of ours in that layer counts
once. A status only moves forward (todo → in progress → done). Merging a file twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from annotator.core.errors import AnnotatorError
from annotator.core.model import Document, Relation, Schema, Span
from annotator.project.session import Project
from annotator.store import review_queries as rq

RANK = {"todo": 0, "in progress": 1, "done": 2}


@dataclass
class MergeFileReport:
    path: str
    error: str | None = None
    documents_added: list[str] = field(default_factory=list)
    documents_refused: dict[str, str] = field(default_factory=dict)
    layers_added: list[str] = field(default_factory=list)
    spans_added: int = 0
    spans_present: int = 0
    relations_added: int = 0
    relations_present: int = 0
    statuses_changed: int = 0
    decisions_added: int = 0
    conflicts: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.documents_added or self.layers_added or self.spans_added or self.relations_added
                    or self.statuses_changed or self.decisions_added)


@dataclass
class MergeReport:
    files: list[MergeFileReport] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.error is None for f in self.files)

    @property
    def conflicts(self) -> list[str]:
        return [c for f in self.files for c in f.conflicts]


def _same_span(a: Span, b: Span) -> bool:
    return (a.doc_id, a.layer, a.start, a.end, a.label, a.note, dict(a.attrs)) == (
        b.doc_id, b.layer, b.start, b.end, b.label, b.note, dict(b.attrs))


def merge_projects(project: Project, others: Iterable[str | Path]) -> MergeReport:
    """Bring the layers of other project files into this one; a refused file does not stop the others."""
    report = MergeReport()
    for path in others:
        entry = MergeFileReport(str(path))
        report.files.append(entry)
        try:
            if Path(path).resolve() == project.path.resolve():
                raise AnnotatorError(f"{path}: is the project itself")
            with Project.open(path, readonly=True) as other:
                other.store.check()
                with project.store.transaction():
                    _merge(project, other, entry)
        except AnnotatorError as exc:
            failed = MergeFileReport(str(path), error=str(exc))
            report.files[-1] = failed
    return report


def _merge(project: Project, other: Project, entry: MergeFileReport) -> None:
    store = project.store
    _merge_schema(project, other)
    layers = _merge_layers(project, other, entry)
    refused = _merge_documents(project, other, entry)
    id_map: dict[str, str | None] = {}  # their span id → our span id (None: conflict)
    for name in layers:
        local = {}
        for span in store.spans_in_layer(name):
            local.setdefault((span.doc_id, span.key), span.id)
        theirs = [s for s in other.store.spans_in_layer(name) if s.doc_id not in refused]
        ours = {s.id: s for s in store.get_spans(s.id for s in theirs)}
        fresh = []
        for span in theirs:
            if span.id in ours:
                if _same_span(ours[span.id], span):
                    id_map[span.id] = span.id
                    entry.spans_present += 1
                else:
                    id_map[span.id] = None
                    mine = ours[span.id]
                    entry.conflicts.append(
                        f"span {span.id} ({span.doc_id}, layer {name}): here [{mine.start}, {mine.end}) {mine.label}, "
                        f"there [{span.start}, {span.end}) {span.label} — kept ours"
                    )
            elif (span.doc_id, span.key) in local:
                id_map[span.id] = local[(span.doc_id, span.key)]
                entry.spans_present += 1
            else:
                local[(span.doc_id, span.key)] = span.id
                id_map[span.id] = span.id
                fresh.append(span)
        store.insert_spans(fresh)
        entry.spans_added += len(fresh)
        _merge_relations(project, other, name, refused, id_map, entry)
    _merge_statuses(project, other, layers, refused, entry)
    decisions = [d for d in rq.decisions(other.store) if d["doc_id"] not in refused]
    entry.decisions_added = rq.insert_decisions(store, decisions)


def _merge_schema(project: Project, other: Project) -> None:
    have = {(lab.name, lab.kind) for lab in project.schema.labels}
    extra = tuple(lab for lab in other.schema.labels if (lab.name, lab.kind) not in have)
    if extra:
        project.store.save_schema(Schema(project.schema.labels + extra))
        project.invalidate_schema()


def _merge_layers(project: Project, other: Project, entry: MergeFileReport) -> list[str]:
    kept = []
    for layer in other.store.list_layers():
        mine = project.store.get_layer(layer.name)
        if mine is None:
            project.store.add_layer(layer)
            entry.layers_added.append(layer.name)
        elif mine.kind != layer.kind:
            entry.conflicts.append(
                f"layer {layer.name!r} is {mine.kind.value} here and {layer.kind.value} there — its annotations were not merged"
            )
            continue
        kept.append(layer.name)
    return kept


def _merge_documents(project: Project, other: Project, entry: MergeFileReport) -> set[str]:
    refused: set[str] = set()
    new_docs: list[Document] = []
    for doc in other.store.iter_documents():
        known = project.store.document_sha256(doc.id)
        if known is None:
            new_docs.append(doc)
            entry.documents_added.append(doc.id)
        elif known != doc.sha256:
            refused.add(doc.id)
            entry.documents_refused[doc.id] = "its text differs from ours"
    project.store.add_documents(new_docs)
    return refused


def _merge_relations(
    project: Project, other: Project, layer: str, refused: set[str], id_map: dict[str, str | None], entry: MergeFileReport
) -> None:
    store = project.store
    theirs = [r for r in rq.relations_in_layer(other.store, layer) if r.doc_id not in refused]
    ours = rq.relations_by_id(store, (r.id for r in theirs))
    have = {(r.head, r.tail, r.label) for r in rq.relations_in_layer(store, layer)}
    fresh = []
    for rel in theirs:
        head, tail = id_map.get(rel.head), id_map.get(rel.tail)
        if head is None or tail is None:
            entry.conflicts.append(f"relation {rel.id} ({rel.doc_id}, layer {layer}) links a conflicting span — not merged")
            continue
        mapped = Relation(rel.id, rel.doc_id, layer, head, tail, rel.label)
        if rel.id in ours:
            if ours[rel.id] == mapped:
                entry.relations_present += 1
            else:
                entry.conflicts.append(f"relation {rel.id} ({rel.doc_id}, layer {layer}) differs here and there — kept ours")
        elif (head, tail, rel.label) in have:
            entry.relations_present += 1
        else:
            have.add((head, tail, rel.label))
            fresh.append(mapped)
    store.insert_relations(fresh)
    entry.relations_added += len(fresh)


def _merge_statuses(project: Project, other: Project, layers: list[str], refused: set[str], entry: MergeFileReport) -> None:
    wanted = set(layers)
    for doc_id, layer, status in rq.all_statuses(other.store):
        if layer not in wanted or doc_id in refused:
            continue
        mine = project.store.get_status(doc_id, layer)
        if mine is None or RANK.get(status, 0) > RANK.get(mine, 0):
            project.store.set_status(doc_id, layer, status)
            entry.statuses_changed += 1
