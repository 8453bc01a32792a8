"""Headless adjudication: gold from votes (unanimous, majority, threshold), the gold layer marked done."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.errors import AnnotatorError
from annotator.core.model import Status, new_id
from annotator.project.changes import ChangeSet
from annotator.project.review_agreement import load_documents, voting_layers
from annotator.project.review_decisions import GOLD, ensure_gold, insert_gold, link_gold
from annotator.project.session import Project
from annotator.review.adjudicate import STRATEGIES, decide, passes
from annotator.review.data import ReviewDocument


@dataclass
class AdjudicationReport:
    strategy: str
    layers: list[str]
    decided: list[str] = field(default_factory=list)
    spans_added: int = 0
    relations_added: int = 0
    skipped: dict[str, str] = field(default_factory=dict)  # doc id → why


def adjudicate_auto(
    project: Project,
    *,
    strategy: str = "majority",
    threshold: float | None = None,
    layers: Iterable[str] | None = None,
    overwrite: bool = False,
    min_voters: int = 1,
) -> AdjudicationReport:
    """Write the gold layer from the votes of the layers that marked each document done.

    A span is gold when more than half (majority), all (unanimous) or at least `threshold` of those
    layers have it exactly; relations follow their spans. Every document decided is marked done in
    gold. Documents whose gold already holds work are left alone unless `overwrite`, so running it
    twice changes nothing. One transaction for the whole run.
    """
    if strategy not in STRATEGIES:
        raise AnnotatorError(f"unknown strategy {strategy!r} (expected {', '.join(STRATEGIES)})")
    try:
        passes(1, 1, strategy, threshold)
    except ValueError as exc:
        raise AnnotatorError(str(exc)) from None
    names = voting_layers(project, list(layers) if layers is not None else None)
    if not names:
        raise AnnotatorError(f"{project.path.name} has no annotator layer to adjudicate")
    report = AdjudicationReport(strategy, names)
    store = project.store
    statuses = {name: store.statuses(name) for name in names}
    gold_status = store.statuses(GOLD) if store.get_layer(GOLD) else {}
    gold_docs = {s.doc_id for s in store.spans_in_layer(GOLD)} if store.get_layer(GOLD) else set()
    voters: dict[str, list[str]] = {}
    for doc in store.list_documents():
        who = [name for name in names if statuses[name].get(doc["id"]) == Status.DONE.value]
        if len(who) < max(1, min_voters):
            if who:
                report.skipped[doc["id"]] = f"only {len(who)} layer(s) marked it done"
            continue
        if not overwrite and (doc["id"] in gold_docs or doc["id"] in gold_status):
            report.skipped[doc["id"]] = "gold already has work here (use overwrite)"
            continue
        voters[doc["id"]] = who
    with store.transaction():
        change = ChangeSet(layer=GOLD)
        ensure_gold(project, change)
        for doc in load_documents(project, list(voters), names):
            _decide_document(project, doc, voters[doc.doc_id], strategy, threshold, overwrite, report)
    return report


def _decide_document(
    project: Project, doc: ReviewDocument, who: list[str], strategy: str, threshold: float | None,
    overwrite: bool, report: AdjudicationReport,
) -> None:
    store = project.store
    change = ChangeSet(doc_id=doc.doc_id, layer=GOLD)
    if overwrite:
        old = store.spans(doc.doc_id, GOLD)
        store.delete_relations(r.id for r in store.relations(doc.doc_id, GOLD))
        store.delete_spans(s.id for s in old)
    decision = decide(doc, who, strategy, threshold)
    insert_gold(project, doc.doc_id, decision.spans, change)
    link_gold(project, doc.doc_id, decision.relations, change)
    store.set_status(doc.doc_id, GOLD, Status.DONE.value)
    store.log_decision(
        id=new_id(), doc_id=doc.doc_id, layer=GOLD, unit=None, action=f"auto:{strategy}",
        payload={"threshold": threshold, "voters": who, "spans": len(change.spans_added), "relations": len(change.relations_added)},
        who=project.user,
    )
    report.decided.append(doc.doc_id)
    report.spans_added += len(change.spans_added)
    report.relations_added += len(change.relations_added)
