"""Per-unit decisions and the review session controller (no Qt)."""

from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.project import (
    ReviewSession, accept_agreed, edit_unit, reject_unit, relations, review_document, review_queue, spans, status,
    take_variant,
)
from annotator.store import review_queries as rq

SOURCE, CLAIM, LONG = (0, 5, "source"), (11, 23, "attributed"), (11, 28, "attributed")


def gold(project, doc_id="d1"):
    return sorted(s.key for s in spans(project, doc_id=doc_id, layer="gold"))


def gold_links(project, doc_id="d1"):
    by_id = {s.id: s.key for s in spans(project, doc_id=doc_id, layer="gold")}
    return [(by_id[r.head], by_id[r.tail], r.label) for r in relations(project, doc_id=doc_id, layer="gold")]


@pytest.fixture
def disputed(make_project):
    """d1: source agreed, claim disputed (ann short, bob long); d2: only ann marked something."""
    return make_project(
        {"ann": {"d1": [SOURCE, CLAIM], "d2": [(0, 7, "source")]}, "bob": {"d1": [SOURCE, LONG], "d2": []}},
        relations={"ann": {"d1": [(1, 0, "said_by")]}, "bob": {"d1": [(1, 0, "said_by")]}},
    )


def test_queue_orders_documents_by_disagreement(disputed):
    queue = review_queue(disputed)
    assert [(e.doc_id, e.units, e.disputed, e.disagreement) for e in queue] == [("d2", 1, 1, 1.0), ("d1", 2, 1, 0.5)]


def test_take_variant_writes_gold_and_logs_who_when_what(disputed):
    review = review_document(disputed, doc_id="d1")
    claim = review.units[1]
    change = take_variant(disputed, unit=claim, variant=2)
    assert [s.key for s in change.spans_added] == [LONG]
    assert gold(disputed) == [LONG]
    (entry,) = rq.decisions(disputed.store, "d1")
    assert (entry["who"], entry["action"], entry["unit"], entry["payload"]["layers"], entry["payload"]["spans"]) == (
        "rev", "take", "11-28", ["bob"], [[11, 28, "attributed"]],
    )
    assert entry["at"]
    assert status(disputed, doc_id="d1", layer="gold") == "in progress"


def test_relations_arrive_when_both_of_their_spans_are_gold(disputed):
    review = review_document(disputed, doc_id="d1")
    source, claim = review.units
    take_variant(disputed, unit=claim, variant=1)
    assert gold_links(disputed) == []  # the source is not gold yet
    accept_agreed(disputed, doc_id="d1", units=review.units)
    assert gold(disputed) == [SOURCE, CLAIM]
    assert gold_links(disputed) == [(CLAIM, SOURCE, "said_by")]


def test_deciding_again_replaces_the_unit_and_its_relations(disputed):
    review = review_document(disputed, doc_id="d1")
    accept_agreed(disputed, doc_id="d1", units=review.units)
    take_variant(disputed, unit=review.units[1], variant=1)
    reject_unit(disputed, unit=review.units[1])
    assert (gold(disputed), gold_links(disputed)) == ([SOURCE], [])


def test_edit_puts_the_reviewers_version(disputed):
    review = review_document(disputed, doc_id="d1")
    edit_unit(disputed, unit=review.units[1], spans=[(11, 18, "opinion")])
    assert gold(disputed) == [(11, 18, "opinion")]
    with pytest.raises(ProjectError):
        edit_unit(disputed, unit=review.units[1], spans=[(11, 999, "opinion")])
    with pytest.raises(ProjectError):
        edit_unit(disputed, unit=review.units[1], spans=[(11, 18, "nonsense")])
    assert gold(disputed) == [(11, 18, "opinion")]


def test_accept_agreed_leaves_disputed_and_decided_units_alone(disputed):
    review = review_document(disputed, doc_id="d1")
    reject_unit(disputed, unit=review.units[0])
    accept_agreed(disputed, doc_id="d1", units=review.units)
    assert gold(disputed) == []


def test_take_refuses_a_variant_that_does_not_exist(disputed):
    unit = review_document(disputed, doc_id="d1").units[1]
    with pytest.raises(ProjectError):
        take_variant(disputed, unit=unit, variant=3)


def test_session_walks_disputed_units_first_and_finishes_documents(disputed):
    clock = iter(range(0, 10_000, 30)).__next__  # every reading of the clock is 30 s later
    session = ReviewSession(disputed, clock=lambda: float(clock()))
    assert (session.review.document.id, session.unit.id) == ("d2", "0-7")
    session.take(1)  # d2 complete → gold done, and on to d1's open disputed unit
    assert status(disputed, doc_id="d2", layer="gold") == "done"
    assert (session.review.document.id, session.unit.id) == ("d1", "11-28")
    session.take(2)
    assert session.unit.id == "0-5"  # only the agreed unit is left: A takes it
    assert status(disputed, doc_id="d1", layer="gold") == "in progress"
    session.accept_agreed()
    assert status(disputed, doc_id="d1", layer="gold") == "done"
    assert (gold(disputed), gold(disputed, "d2")) == ([SOURCE, LONG], [(0, 7, "source")])
    assert session.at_end and session.progress == (3, 3)
    summary = session.summary()
    assert (summary["documents_finished"], summary["decisions"]) == (2, {"take": 2, "accept": 1})


def test_next_and_previous_cross_documents(disputed):
    session = ReviewSession(disputed)
    assert session.next() and (session.review.document.id, session.unit.id) == ("d1", "0-5")
    assert session.next() and session.unit.id == "11-28"
    assert not session.next()
    assert session.previous() and session.unit.id == "0-5"
    assert session.previous() and (session.review.document.id, session.unit.id) == ("d2", "0-7")
    assert not session.previous()


def test_blind_session_hides_names(disputed):
    session = ReviewSession(disputed, blind=True)
    session.open_doc_id("d1")
    unit = session.review.units[1]
    assert [session.who(v) for v in unit.variants] == ["1 of 2 annotators", "1 of 2 annotators"]
    assert [ReviewSession(disputed).who(v) for v in unit.variants] == ["ann", "bob"]


def test_reopened_session_continues_where_it_stopped(disputed):
    first = ReviewSession(disputed)
    first.take(1)
    again = ReviewSession(disputed)
    assert again.progress == (1, 3)
    again.open_doc_id("d1")
    assert again.unit.id == "11-28"
