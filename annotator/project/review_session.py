"""The review session without Qt: the queue of documents by disagreement, units, decisions, figures.

The GUI drives a `ReviewSession`; tests and scripts can drive it the same way.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from annotator.core.errors import ProjectError
from annotator.core.model import Document, Span, Status
from annotator.project.changes import ChangeSet
from annotator.project.review_agreement import load_documents, voting_layers
from annotator.project.review_decisions import (
    GOLD, accept_agreed, edit_unit, finish_document, latest_decisions, reject_unit, take_variant,
)
from annotator.project.session import Project
from annotator.review.agreement import document_disagreement
from annotator.review.data import RelKey, ReviewDocument, SpanKey
from annotator.review.units import Unit, Variant, units
from annotator.store import review_queries as rq


@dataclass
class QueueEntry:
    doc_id: str
    title: str
    voters: list[str]
    units: int
    disputed: int
    disagreement: float
    decided: int = 0
    gold_status: str = Status.TODO.value


@dataclass
class DocumentReview:
    """One document under review: its units over the layers that marked it done, and what is decided."""

    document: Document
    voters: list[str]
    units: list[Unit]
    decisions: dict[str, dict[str, Any]] = field(default_factory=dict)
    gold: list[Span] = field(default_factory=list)
    gold_status: str = Status.TODO.value

    def decided(self, unit: Unit) -> bool:
        return unit.id in self.decisions

    @property
    def complete(self) -> bool:
        return all(self.decided(u) for u in self.units)

    def gold_in(self, unit: Unit) -> list[Span]:
        return [s for s in self.gold if s.start < unit.end and s.end > unit.start]


def _voters(project: Project, names: Sequence[str]) -> dict[str, list[str]]:
    statuses = {name: project.store.statuses(name) for name in names}
    out: dict[str, list[str]] = {}
    for doc in project.store.list_documents():
        who = [n for n in names if statuses[n].get(doc["id"]) == Status.DONE.value]
        if who:
            out[doc["id"]] = who
    return out


def _restricted(doc: ReviewDocument, who: Sequence[str]) -> ReviewDocument:
    return ReviewDocument(doc.doc_id, doc.text, {n: doc.view(n) for n in who}, doc.title)


def review_queue(project: Project, *, layers: Sequence[str] | None = None) -> list[QueueEntry]:
    """Documents at least one voting layer marked done, most disagreement first (then most disputed units)."""
    names = voting_layers(project, layers)
    voters = _voters(project, names)
    decided: dict[str, set[str]] = {}
    for item in rq.decisions(project.store):
        if item["layer"] == GOLD and item["unit"]:
            decided.setdefault(item["doc_id"], set()).add(item["unit"])
    gold_status = project.store.statuses(GOLD) if project.store.get_layer(GOLD) else {}
    entries = []
    for position, doc in enumerate(load_documents(project, list(voters), names, text=False)):
        who = voters[doc.doc_id]
        found = units(_restricted(doc, who), who)
        done = sum(u.id in decided.get(doc.doc_id, ()) for u in found)
        entry = QueueEntry(
            doc.doc_id, doc.title, who, len(found), sum(not u.agreed for u in found),
            document_disagreement(doc, who), done, gold_status.get(doc.doc_id, Status.TODO.value),
        )
        entries.append((-entry.disagreement, -entry.disputed, position, entry))
    return [e for *_, e in sorted(entries, key=lambda t: t[:3])]


def review_document(project: Project, *, doc_id: str, layers: Sequence[str] | None = None) -> DocumentReview:
    names = voting_layers(project, layers)
    who = [n for n in names if project.store.get_status(doc_id, n) == Status.DONE.value]
    loaded = list(load_documents(project, [doc_id], who))
    if not loaded:
        raise ProjectError(f"no document {doc_id!r}")
    doc = loaded[0]
    found = units(doc, who)
    review = DocumentReview(project.store.get_document(doc_id), who, found)  # type: ignore[arg-type]
    _refresh(project, review)
    return review


def _refresh(project: Project, review: DocumentReview) -> None:
    ids = {u.id for u in review.units}
    review.decisions = {k: v for k, v in latest_decisions(project, review.document.id).items() if k in ids}
    review.gold = project.store.spans(review.document.id, GOLD) if project.store.get_layer(GOLD) else []
    review.gold_status = project.store.get_status(review.document.id, GOLD) or Status.TODO.value


class ReviewSession:
    """Walk the queue unit by unit; every decision goes through the service functions and is logged."""

    def __init__(
        self, project: Project, *, layers: Sequence[str] | None = None, blind: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.project = project
        self.layers = voting_layers(project, layers)
        self.blind = blind
        self.clock = clock
        self.queue = review_queue(project, layers=self.layers)
        self.started = clock()
        self.counts: Counter[str] = Counter()
        self.finished: list[str] = []
        self.doc_index = -1
        self.unit_index = 0
        self.review: DocumentReview | None = None
        if self.queue:
            self.open_document(0)

    # navigation ---------------------------------------------------------------------------
    def open_document(self, index: int) -> None:
        if not 0 <= index < len(self.queue):
            raise IndexError(index)
        self.doc_index = index
        self.review = review_document(self.project, doc_id=self.queue[index].doc_id, layers=self.layers)
        self.unit_index = self._first_open(0) or 0
        self._maybe_finish()

    def _first_open(self, start: int) -> int | None:
        """From `start` on: the first undecided disputed unit, else the first undecided agreed one (A takes those)."""
        review = self._need_review()
        pending = [i for i in range(start, len(review.units)) if not review.decided(review.units[i])]
        disputed = [i for i in pending if not review.units[i].agreed]
        return (disputed or pending or [None])[0]

    def open_doc_id(self, doc_id: str) -> None:
        for i, entry in enumerate(self.queue):
            if entry.doc_id == doc_id:
                self.open_document(i)
                return
        raise ProjectError(f"document {doc_id!r} has nothing to review (no voting layer marked it done)")

    @property
    def unit(self) -> Unit | None:
        if self.review is None or not self.review.units:
            return None
        return self.review.units[self.unit_index]

    def next(self) -> bool:
        """The next unit, crossing into the next document; False at the very end."""
        if self.review is not None and self.unit_index + 1 < len(self.review.units):
            self.unit_index += 1
            return True
        if self.doc_index + 1 < len(self.queue):
            self.open_document(self.doc_index + 1)
            self.unit_index = 0
            return True
        return False

    def previous(self) -> bool:
        if self.unit_index > 0:
            self.unit_index -= 1
            return True
        if self.doc_index > 0:
            self.open_document(self.doc_index - 1)
            self.unit_index = max(0, len(self.review.units) - 1) if self.review else 0
            return True
        return False

    def next_pending(self) -> bool:
        """Move to the next undecided unit (disputed ones first), here or in a later document; False when none is left."""
        while self.review is not None:
            found = self._first_open(self.unit_index)
            if found is None:
                found = self._first_open(0)
            if found is not None:
                self.unit_index = found
                return True
            if self.doc_index + 1 >= len(self.queue):
                return False
            self.open_document(self.doc_index + 1)
        return False

    # decisions ----------------------------------------------------------------------------
    def take(self, number: int) -> ChangeSet:
        unit = self._need_unit()
        return self._after(take_variant(self.project, unit=unit, variant=number), "take")

    def reject(self) -> ChangeSet:
        return self._after(reject_unit(self.project, unit=self._need_unit()), "reject")

    def edit(self, spans: Sequence[SpanKey], relations: Sequence[RelKey] = ()) -> ChangeSet:
        return self._after(edit_unit(self.project, unit=self._need_unit(), spans=spans, relations=relations), "edit")

    def accept_agreed(self) -> ChangeSet:
        review = self._need_review()
        before = len(review.decisions)
        change = accept_agreed(self.project, doc_id=review.document.id, units=review.units)
        _refresh(self.project, review)
        self.counts["accept"] += len(review.decisions) - before
        self._sync_entry()
        self._maybe_finish()
        return change

    def _after(self, change: ChangeSet, kind: str) -> ChangeSet:
        review = self._need_review()
        _refresh(self.project, review)
        self.counts[kind] += 1
        self._sync_entry()
        self._maybe_finish()
        self.next_pending()
        return change

    def _maybe_finish(self) -> None:
        review = self.review
        if review is not None and review.complete and review.gold_status != Status.DONE.value:
            finish_document(self.project, doc_id=review.document.id)
            review.gold_status = Status.DONE.value
            self.finished.append(review.document.id)
            self._sync_entry()

    def _sync_entry(self) -> None:
        if self.review is not None:
            entry = self.queue[self.doc_index]
            entry.decided = len(self.review.decisions)
            entry.gold_status = self.review.gold_status

    def _need_review(self) -> DocumentReview:
        if self.review is None:
            raise ProjectError("nothing to review")
        return self.review

    def _need_unit(self) -> Unit:
        unit = self.unit
        if unit is None:
            raise ProjectError("this document has no unit to decide")
        return unit

    # figures ------------------------------------------------------------------------------
    def who(self, variant: Variant) -> str:
        """Who chose a variant: names, or in blind mode only how many."""
        voters = len(self.review.voters) if self.review else len(variant.layers)
        if self.blind:
            return f"{variant.votes} of {voters} annotators"
        return ", ".join(variant.layers)

    @property
    def progress(self) -> tuple[int, int]:
        """(units decided, units in the queue)."""
        return sum(e.decided for e in self.queue), sum(e.units for e in self.queue)

    @property
    def decisions_made(self) -> int:
        return sum(self.counts.values())

    def units_per_minute(self) -> float:
        minutes = max(self.clock() - self.started, 1e-9) / 60.0
        return self.decisions_made / minutes

    @property
    def at_end(self) -> bool:
        done, total = self.progress
        return done >= total

    def summary(self) -> dict[str, Any]:
        done, total = self.progress
        return {
            "documents": len(self.queue), "documents_finished": len(self.finished), "units_decided": done,
            "units": total, "decisions": dict(self.counts), "minutes": round((self.clock() - self.started) / 60.0, 2),
            "units_per_minute": round(self.units_per_minute(), 1),
        }
