"""Suggestions: the rule engine's proposals in a suggestion layer, and accepting or rejecting them.

`suggest` writes one transaction per document and replaces that layer's earlier suggestions for
the document, so running it again changes nothing but the ids. It never writes into an annotator's
or the gold layer. `accept_suggestions` copies proposals (a claim with its sources, its links and
its cue) into a person's layer as ordinary spans; `reject_suggestion` removes them from the
suggestion layer. Both return a ChangeSet for undo (remove_spans / restore).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from annotator.core.errors import ProjectError
from annotator.core.model import LayerKind, Relation, Span, new_id
from annotator.project.annotate import _touch_status
from annotator.project.changes import ChangeSet
from annotator.project.session import Project

DEFAULT_LAYER = "suggested"


@dataclass
class SuggestReport:
    layer: str
    documents: list[str] = field(default_factory=list)
    spans: int = 0
    relations: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def _check_suggestion_layer(project: Project, layer: str) -> None:
    if not layer or not layer.strip():
        raise ProjectError("a suggestion layer needs a name")
    existing = project.layer(layer)
    if existing is not None and existing.kind != LayerKind.SUGGESTION:
        raise ProjectError(
            f"layer {layer!r} is a{'n' if existing.kind == LayerKind.ANNOTATOR else ''} {existing.kind.value} layer; "
            "suggestions go into a suggestion layer (for example the default, 'suggested')"
        )


def suggest(
    project: Project, layer: str = DEFAULT_LAYER, doc_id: str | None = None,
    progress: Callable[[int, int, str], bool | None] | None = None,
) -> SuggestReport:
    """Propose cues, sources, claims and links for one document or all, into a suggestion layer."""
    from annotator.suggest import suggest_text  # pysbd and the rules load only when suggesting

    _check_suggestion_layer(project, layer)
    started = time.perf_counter()
    if doc_id is not None:
        if project.store.document_length(doc_id) is None:
            raise ProjectError(f"no document {doc_id!r}")
        doc_ids = [doc_id]
    else:
        doc_ids = [d["id"] for d in project.store.list_documents()]
    span_labels = {lab.name for lab in project.schema.span_labels}
    relation_labels = {lab.name for lab in project.schema.relation_labels}
    report = SuggestReport(layer)
    for index, current in enumerate(doc_ids):
        if progress is not None and progress(index, len(doc_ids), current) is False:
            break
        doc = project.store.get_document(current)
        result = suggest_text(doc.text)
        ids = {s.key: new_id() for s in result.spans if s.label in span_labels}
        cues_for: dict[str, list[str]] = {}
        spans = []
        for s in result.spans:
            if s.key not in ids:
                continue
            attrs = {"confidence": s.confidence, "rule": s.rule}
            spans.append(Span(ids[s.key], current, layer, s.start, s.end, s.label, "", attrs))
        relations = [
            Relation(new_id(), current, layer, ids[link.head], ids[link.tail], link.label)
            for link in result.links
            if link.label in relation_labels and link.head in ids and link.tail in ids
        ]
        for cue_key, claim_keys in result.cue_claims.items():
            if cue_key in ids:
                cues_for[ids[cue_key]] = [ids[k] for k in claim_keys if k in ids]
        spans = [Span(s.id, s.doc_id, s.layer, s.start, s.end, s.label, s.note,
                      {**s.attrs, "claims": cues_for[s.id]} if s.id in cues_for else s.attrs) for s in spans]
        with project.store.transaction():
            project.ensure_layer(layer, LayerKind.SUGGESTION)
            old = project.store.spans(current, layer)
            project.store.delete_relations(r.id for r in project.store.relations(current, layer))
            project.store.delete_spans(s.id for s in old)
            project.store.insert_spans(spans)
            project.store.insert_relations(relations)
        report.documents.append(current)
        report.spans += len(spans)
        report.relations += len(relations)
        for s in spans:
            report.labels[s.label] = report.labels.get(s.label, 0) + 1
    if progress is not None:
        progress(len(doc_ids), len(doc_ids), "")
    report.seconds = time.perf_counter() - started
    return report


def _suggestion(project: Project, span_id: str) -> Span:
    found = project.store.get_spans([span_id])
    if not found:
        raise ProjectError(f"no span {span_id!r}")
    span = found[0]
    layer = project.layer(span.layer)
    if layer is None or layer.kind != LayerKind.SUGGESTION:
        raise ProjectError(f"span {span_id!r} is not a suggestion (it is in layer {span.layer!r})")
    return span


def _bundle(project: Project, span: Span) -> tuple[list[Span], list[Relation]]:
    """A suggestion with what belongs to it: a claim brings its linked sources and its cues."""
    if project.schema.group_of(span.label) != "claim":
        return [span], []
    relations = [r for r in project.store.relations(span.doc_id, span.layer) if r.head == span.id]
    others = {s.id: s for s in project.store.spans(span.doc_id, span.layer)}
    members = [span] + [others[r.tail] for r in relations if r.tail in others]
    members += [s for s in others.values() if s.label == "cue" and span.id in s.attrs.get("claims", [])]
    return list({s.id: s for s in members}.values()), relations


def accept_suggestions(project: Project, *, span_ids: Iterable[str], layer: str) -> ChangeSet:
    """Copy suggestions (each with its links, sources and cue) into a person's layer, one transaction.

    Spans the layer already has (same start, end and label) are reused, not doubled. The copies are
    ordinary spans: new ids, no suggestion attributes. Undo with remove_spans(spans_added) and
    unlink(relations_added)."""
    target = project.layer(layer)
    if target is not None and target.kind == LayerKind.SUGGESTION:
        raise ProjectError(f"layer {layer!r} is a suggestion layer; accept into an annotator's layer")
    change = ChangeSet(layer=layer)
    with project.store.transaction():
        if project.ensure_layer(layer):
            change.layers_added.append(layer)
        for span_id in dict.fromkeys(span_ids):
            suggestion = _suggestion(project, span_id)
            change.doc_id = suggestion.doc_id
            spans, relations = _bundle(project, suggestion)
            existing = {s.key: s.id for s in project.store.spans(suggestion.doc_id, layer)}
            mapped: dict[str, str] = {}
            fresh = []
            for s in spans:
                if s.key in existing:
                    mapped[s.id] = existing[s.key]
                else:
                    copy = Span(new_id(), s.doc_id, layer, s.start, s.end, s.label, s.note, {})
                    existing[s.key] = mapped[s.id] = copy.id
                    fresh.append(copy)
            project.store.insert_spans(fresh)
            change.spans_added += fresh
            have = {(r.head, r.tail, r.label) for r in project.store.relations(suggestion.doc_id, layer)}
            links = []
            for r in relations:
                if r.head not in mapped or r.tail not in mapped:
                    continue
                triple = (mapped[r.head], mapped[r.tail], r.label)
                if triple not in have:
                    have.add(triple)
                    links.append(Relation(new_id(), r.doc_id, layer, *triple))
            project.store.insert_relations(links)
            change.relations_added += links
            if fresh or links:
                _touch_status(project, suggestion.doc_id, layer, change)
    return change


def accept_suggestion(project: Project, *, span_id: str, layer: str) -> ChangeSet:
    """Copy one suggestion (with its links, sources and cue) into a person's layer."""
    return accept_suggestions(project, span_ids=[span_id], layer=layer)


def reject_suggestion(project: Project, *, span_id: str) -> ChangeSet:
    """Remove a suggestion from its layer; a claim takes its cue and the sources only it used along.

    Undo with restore(spans=spans_removed, relations=relations_removed)."""
    with project.store.transaction():
        suggestion = _suggestion(project, span_id)
        spans, _ = _bundle(project, suggestion)
        all_relations = project.store.relations(suggestion.doc_id, suggestion.layer)
        gone = {suggestion.id}
        for s in spans:
            if s.id == suggestion.id:
                continue
            if s.label == "cue":
                if set(s.attrs.get("claims", [])) <= {suggestion.id}:
                    gone.add(s.id)
            elif all(r.head == suggestion.id for r in all_relations if r.tail == s.id):
                gone.add(s.id)
        removed = [s for s in spans if s.id in gone]
        relations = [r for r in all_relations if r.head in gone or r.tail in gone]
        project.store.delete_relations(r.id for r in relations)
        project.store.delete_spans(gone)
    return ChangeSet(doc_id=suggestion.doc_id, layer=suggestion.layer, spans_removed=removed, relations_removed=relations)


def pending_suggestions(project: Project, *, doc_id: str, layer: str, from_layer: str = DEFAULT_LAYER) -> list[Span]:
    """The suggestions of a document that the person's layer does not hold yet (for ghost highlights)."""
    have = {s.key for s in project.store.spans(doc_id, layer)}
    return [s for s in project.store.spans(doc_id, from_layer) if s.key not in have]


def suggestions_in_sentence(project: Project, *, doc_id: str, span_id: str, layer: str,
                            from_layer: str = DEFAULT_LAYER) -> list[Span]:
    """The pending suggestions of the sentence that holds a given suggestion (for "accept all here")."""
    from annotator.suggest.text import paragraphs, sentences

    text = project.store.get_document(doc_id).text
    anchor = _suggestion(project, span_id)
    bounds = next(
        ((s.start, s.end) for p in paragraphs(text) if p.start <= anchor.start < p.end
         for s in sentences(text, p) if s.start <= anchor.start < s.end),
        (anchor.start, anchor.end),
    )
    pending = pending_suggestions(project, doc_id=doc_id, layer=layer, from_layer=from_layer)
    return [s for s in pending if bounds[0] <= s.start < bounds[1]]
