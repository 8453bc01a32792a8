"""Adjudication decisions on units of disagreement: each one transaction, logged (who, when, what).

A unit's gold is the gold spans overlapping its extent; every decision replaces it. Relations follow
their spans: a decision records the relations of its variant (those whose head lies in the unit), and
after every decision each recorded relation whose two spans are both in gold is put into gold.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from annotator.core.errors import ProjectError
from annotator.core.model import Layer, LayerKind, Relation, Span, Status, new_id
from annotator.project.changes import ChangeSet
from annotator.project.session import Project
from annotator.review.data import LayerView, RelKey, SpanKey
from annotator.review.units import Unit
from annotator.store import review_queries as rq

GOLD = "gold"
TAKEN = ("take", "edit", "accept")  # decisions whose spans (and relations) are in gold


def ensure_gold(project: Project, change: ChangeSet | None = None) -> None:
    """Create the gold layer (kind gold) inside the caller's transaction; refuse a non-gold layer of that name."""
    layer = project.store.get_layer(GOLD)
    if layer is None:
        project.store.add_layer(Layer(GOLD, LayerKind.GOLD))
        if change is not None:
            change.layers_added.append(GOLD)
    elif layer.kind != LayerKind.GOLD:
        raise ProjectError(f"the layer named {GOLD!r} is an {layer.kind.value} layer, not a gold layer")


def _key_json(key: SpanKey) -> list:
    return [key[0], key[1], key[2]]


def _rel_json(rel: RelKey) -> list:
    return [_key_json(rel[0]), _key_json(rel[1]), rel[2]]


def _rel_from_json(item: Sequence) -> RelKey:
    head, tail, label = item
    return (tuple(head), tuple(tail), label)  # type: ignore[return-value]


def latest_decisions(project: Project, doc_id: str) -> dict[str, dict[str, Any]]:
    """The last decision on each unit of a document, by unit id."""
    latest: dict[str, dict[str, Any]] = {}
    for item in rq.decisions(project.store, doc_id):
        if item["layer"] == GOLD and item["unit"]:
            latest[item["unit"]] = item
    return latest


def insert_gold(project: Project, doc_id: str, templates: Iterable[Span], change: ChangeSet) -> None:
    """Copy spans (offsets, label, note, attributes) into gold under new ids, skipping keys already there."""
    present = {s.key for s in project.store.spans(doc_id, GOLD)}
    fresh = []
    for span in templates:
        if span.key not in present:
            present.add(span.key)
            fresh.append(Span(new_id(), doc_id, GOLD, span.start, span.end, span.label, span.note, dict(span.attrs)))
    project.store.insert_spans(fresh)
    change.spans_added += fresh


def link_gold(project: Project, doc_id: str, wanted: Iterable[RelKey], change: ChangeSet) -> None:
    """Put each wanted relation into gold when both of its spans are there and it is not yet."""
    gold = project.store.spans(doc_id, GOLD)
    id_of = {s.key: s.id for s in sorted(gold, key=lambda s: s.id, reverse=True)}  # lowest id per key
    have = {(r.head, r.tail, r.label) for r in project.store.relations(doc_id, GOLD)}
    fresh = []
    for head, tail, label in wanted:
        if head in id_of and tail in id_of and (id_of[head], id_of[tail], label) not in have:
            have.add((id_of[head], id_of[tail], label))
            fresh.append(Relation(new_id(), doc_id, GOLD, id_of[head], id_of[tail], label))
    project.store.insert_relations(fresh)
    change.relations_added += fresh


def _sync_relations(project: Project, doc_id: str, change: ChangeSet) -> None:
    wanted = [
        _rel_from_json(item)
        for decision in latest_decisions(project, doc_id).values() if decision["action"] in TAKEN
        for item in decision["payload"].get("relations", [])
    ]
    link_gold(project, doc_id, wanted, change)


def _clear_unit(project: Project, unit: Unit, change: ChangeSet) -> None:
    old = [s for s in project.store.spans(unit.doc_id, GOLD) if s.start < unit.end and s.end > unit.start]
    relations = project.store.relations_touching([s.id for s in old])
    project.store.delete_relations(r.id for r in relations)
    project.store.delete_spans(s.id for s in old)
    change.spans_removed += old
    change.relations_removed += relations


def _decide(
    project: Project, unit: Unit, change: ChangeSet, action: str, spans: list[Span], relations: Sequence[RelKey], **extra: Any
) -> None:
    """The body shared by every decision; runs inside the caller's transaction."""
    ensure_gold(project, change)
    _clear_unit(project, unit, change)
    insert_gold(project, unit.doc_id, spans, change)
    payload = {**extra, "spans": [_key_json(s.key) for s in spans], "relations": [_rel_json(r) for r in relations]}
    project.store.log_decision(id=new_id(), doc_id=unit.doc_id, layer=GOLD, unit=unit.id, action=action, payload=payload, who=project.user)
    _sync_relations(project, unit.doc_id, change)
    before = project.store.get_status(unit.doc_id, GOLD)
    if before in (None, Status.TODO.value):
        project.store.set_status(unit.doc_id, GOLD, Status.IN_PROGRESS.value)
        change.status = (before, Status.IN_PROGRESS.value)


def _templates(project: Project, unit: Unit, layer: str, keys: Iterable[SpanKey]) -> list[Span]:
    view = LayerView.build(project.store.spans(unit.doc_id, layer))
    missing = [k for k in keys if k not in view.spans]
    if missing:
        raise ProjectError(f"layer {layer!r} no longer has the span {missing[0]} in {unit.doc_id!r}; reload the unit")
    return [view.spans[k] for k in keys]


def take_variant(project: Project, *, unit: Unit, variant: int) -> ChangeSet:
    """Make variant number `variant` (1-based, as the keys 1–9) the unit's gold, with its relations."""
    if not 1 <= variant <= len(unit.variants):
        raise ProjectError(f"unit {unit.id} of {unit.doc_id!r} has {len(unit.variants)} variant(s), not {variant}")
    chosen = unit.variants[variant - 1]
    change = ChangeSet(doc_id=unit.doc_id, layer=GOLD)
    with project.store.transaction():
        spans = _templates(project, unit, chosen.layers[0], chosen.spans)
        _decide(project, unit, change, "take", spans, chosen.relations, variant=variant, layers=list(chosen.layers))
    return change


def reject_unit(project: Project, *, unit: Unit) -> ChangeSet:
    """Nothing in this unit is gold."""
    change = ChangeSet(doc_id=unit.doc_id, layer=GOLD)
    with project.store.transaction():
        _decide(project, unit, change, "reject", [], ())
    return change


def edit_unit(project: Project, *, unit: Unit, spans: Sequence[SpanKey], relations: Sequence[RelKey] = ()) -> ChangeSet:
    """The reviewer's own version of the unit: these spans (start, end, label) and relations become gold."""
    length = project.store.document_length(unit.doc_id)
    labels = {lab.name for lab in project.schema.span_labels}
    for start, end, label in spans:
        if label not in labels:
            raise ProjectError(f"unknown span label {label!r}")
        if length is None or not 0 <= start < end <= length:
            raise ProjectError(f"offsets [{start}, {end}) do not fit document {unit.doc_id!r}")
    templates = [Span("", unit.doc_id, GOLD, s, e, lab) for s, e, lab in dict.fromkeys(map(tuple, spans))]
    change = ChangeSet(doc_id=unit.doc_id, layer=GOLD)
    with project.store.transaction():
        _decide(project, unit, change, "edit", templates, list(relations))
    return change


def accept_agreed(project: Project, *, doc_id: str, units: Sequence[Unit]) -> ChangeSet:
    """Take the single variant of every agreed unit of the document not decided yet (one transaction)."""
    change = ChangeSet(doc_id=doc_id, layer=GOLD)
    with project.store.transaction():
        decided = latest_decisions(project, doc_id)
        for unit in units:
            if unit.doc_id != doc_id or not unit.agreed or unit.id in decided:
                continue
            chosen = unit.variants[0]
            spans = _templates(project, unit, chosen.layers[0], chosen.spans)
            _decide(project, unit, change, "accept", spans, chosen.relations, variant=1, layers=list(chosen.layers))
    return change


def finish_document(project: Project, *, doc_id: str) -> ChangeSet:
    """Mark the document's gold done (every unit decided); logged like the decisions."""
    change = ChangeSet(doc_id=doc_id, layer=GOLD)
    with project.store.transaction():
        ensure_gold(project, change)
        before = project.store.get_status(doc_id, GOLD)
        project.store.set_status(doc_id, GOLD, Status.DONE.value)
        project.store.log_decision(id=new_id(), doc_id=doc_id, layer=GOLD, unit=None, action="finish", payload={}, who=project.user)
    change.status = (before, Status.DONE.value)
    return change
