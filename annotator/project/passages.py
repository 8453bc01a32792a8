"""Repeated passages and near-duplicate documents: found, stored, listed, and labels copied between
identical twins.

`detect_repeats` runs after every import that adds documents (and on demand); it recomputes the
whole project's passages in one transaction. `copy_spans_to_twins` copies one layer's spans from
one occurrence of a passage to every identical occurrence, offsets shifted exactly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.errors import ProjectError
from annotator.core.model import Relation, Span, new_id
from annotator.project.annotate import _touch_status
from annotator.project.changes import ChangeSet
from annotator.project.session import Project
from annotator.store.assist import AssistTables


@dataclass(frozen=True)
class Twin:
    doc_id: str
    start: int
    end: int
    identical: bool  # same characters as the occurrence asked about: labels can be copied


@dataclass
class Repeat:
    """A passage that occurs in this document and elsewhere (in it or in other documents)."""

    passage: str
    kind: str  # "paragraph" or "block"
    here: list[tuple[int, int]] = field(default_factory=list)
    twins: list[Twin] = field(default_factory=list)


@dataclass
class RepeatsReport:
    passages: int = 0
    blocks: int = 0
    occurrences: int = 0
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)


def detect_repeats(project: Project, *, threshold: float = 0.7) -> RepeatsReport:
    """Find repeated paragraphs and blocks and near-duplicate documents across the project; store them."""
    from annotator.suggest.repeats import find_repeats, near_duplicates  # datasketch: only when needed

    docs = [(doc.id, doc.text) for doc in project.store.iter_documents()]
    passages = find_repeats(docs)
    pairs = near_duplicates(docs, threshold=threshold)
    with project.store.transaction():
        tables = AssistTables(project.store)
        tables.replace_passages(
            [(p.id, p.kind, p.length) for p in passages],
            [(p.id, o.doc_id, o.start, o.end, o.exact) for p in passages for o in p.occurrences],
        )
        tables.replace_near_duplicates(pairs)
    return RepeatsReport(
        passages=sum(p.kind == "paragraph" for p in passages), blocks=sum(p.kind == "block" for p in passages),
        occurrences=sum(len(p.occurrences) for p in passages), near_duplicates=pairs,
    )


def repeats(project: Project, *, doc_id: str) -> list[Repeat]:
    """The repeated passages of a document (for the margin marks), in document order."""
    if project.store.document_length(doc_id) is None:
        raise ProjectError(f"no document {doc_id!r}")
    tables = AssistTables(project.store)
    out = []
    for passage_id, kind, _length in tables.passages_of_document(doc_id):
        occurrences = tables.occurrences(passage_id)
        here = [(s, e) for d, s, e, _ in occurrences if d == doc_id]
        first_exact = next(x for d, _, _, x in occurrences if d == doc_id)
        twins = [Twin(d, s, e, x == first_exact) for d, s, e, x in occurrences if (d, s, e) != (doc_id, *here[0])]
        out.append(Repeat(passage_id, kind, here, twins))
    return out


def near_duplicates(project: Project, *, doc_id: str) -> list[tuple[str, float]]:
    """Other documents whose text is mostly the same as this one's, with their estimated similarity."""
    return AssistTables(project.store).near_duplicates_of(doc_id)


def copy_spans_to_twins(
    project: Project, *, doc_id: str, layer: str, passage: str, start: int | None = None,
) -> ChangeSet:
    """Copy `layer`'s spans inside one occurrence of a passage to each identical occurrence.

    The occurrence is the passage's first in `doc_id`, or the one that begins at `start`. Spans
    that cross the occurrence's edges stay behind; a twin that already has a span (same start,
    end, label) keeps it; relations whose both ends are copied are copied. One transaction.
    The returned ChangeSet lists the new spans (each carries its own doc_id: twins may be in other
    documents); undo with remove_spans(span_ids=[s.id for s in change.spans_added])."""
    tables = AssistTables(project.store)
    if tables.passage(passage) is None:
        raise ProjectError(f"no repeated passage {passage!r} (run the repeat detection again?)")
    occurrences = tables.occurrences(passage)
    mine = [o for o in occurrences if o[0] == doc_id and (start is None or o[1] == start)]
    if not mine:
        raise ProjectError(f"passage {passage!r} does not occur in {doc_id!r}" + (f" at {start}" if start is not None else ""))
    _, src_start, src_end, exact = mine[0]
    source_text = project.store.get_document(doc_id).text[src_start:src_end]
    inside = [s for s in project.store.spans(doc_id, layer) if src_start <= s.start and s.end <= src_end]
    inside_ids = {s.id for s in inside}
    links = [r for r in project.store.relations(doc_id, layer) if r.head in inside_ids and r.tail in inside_ids]
    change = ChangeSet(doc_id=doc_id, layer=layer)
    with project.store.transaction():
        for twin_doc, twin_start, twin_end, twin_exact in occurrences:
            if (twin_doc, twin_start) == (doc_id, src_start) or twin_exact != exact:
                continue
            if project.store.get_document(twin_doc).text[twin_start:twin_end] != source_text:
                continue  # stored passages are stale: never copy onto different text
            shift = twin_start - src_start
            existing = {s.key: s.id for s in project.store.spans(twin_doc, layer)}
            mapped: dict[str, str] = {}
            fresh = []
            for s in inside:
                key = (s.start + shift, s.end + shift, s.label)
                if key in existing:
                    mapped[s.id] = existing[key]
                    continue
                copy = Span(new_id(), twin_doc, layer, s.start + shift, s.end + shift, s.label, s.note, dict(s.attrs))
                mapped[s.id] = existing[key] = copy.id
                fresh.append(copy)
            have = {(r.head, r.tail, r.label) for r in project.store.relations(twin_doc, layer)}
            new_links = []
            for r in links:
                triple = (mapped[r.head], mapped[r.tail], r.label)
                if triple not in have:
                    have.add(triple)
                    new_links.append(Relation(new_id(), twin_doc, layer, *triple))
            project.store.insert_spans(fresh)
            project.store.insert_relations(new_links)
            change.spans_added += fresh
            change.relations_added += new_links
            if fresh and twin_doc != doc_id:
                _touch_status(project, twin_doc, layer, ChangeSet())
    return change
