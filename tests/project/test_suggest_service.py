"""suggest / accept_suggestion / reject_suggestion on a project."""

from __future__ import annotations

import pytest

from annotator.core.errors import ProjectError
from annotator.core.model import LayerKind
from annotator.project import (
    accept_suggestion, accept_suggestions, add_span, document, pending_suggestions, reject_suggestion, relations,
    remove_spans, restore, spans, suggest,
)

DOC = "001_aebe9d6deb04523e"


def _claim(project, text: str, layer: str = "suggested"):
    doc = document(project, DOC).text
    return next(s for s in spans(project, doc_id=DOC, layer=layer) if doc[s.start : s.end] == text)


def test_suggest_fills_a_suggestion_layer_for_every_document(seeded):
    report = suggest(seeded)
    assert seeded.layer("suggested").kind == LayerKind.SUGGESTION
    assert len(report.documents) == 5
    stored = sum(len(spans(seeded, doc_id=d, layer="suggested")) for d in report.documents)
    assert stored == report.spans > 400


def test_suggestions_carry_confidence_and_rule(seeded):
    suggest(seeded, doc_id=DOC)
    for span in spans(seeded, doc_id=DOC, layer="suggested"):
        assert 0 < span.attrs["confidence"] < 1 and span.attrs["rule"]


def test_suggest_again_replaces_instead_of_adding(seeded):
    suggest(seeded, doc_id=DOC)
    first = [(s.start, s.end, s.label) for s in spans(seeded, doc_id=DOC, layer="suggested")]
    links = len(relations(seeded, doc_id=DOC, layer="suggested"))
    suggest(seeded, doc_id=DOC)
    assert [(s.start, s.end, s.label) for s in spans(seeded, doc_id=DOC, layer="suggested")] == first
    assert len(relations(seeded, doc_id=DOC, layer="suggested")) == links


def test_suggest_refuses_an_annotator_layer_and_leaves_it_alone(seeded):
    add_span(seeded, doc_id=DOC, layer="alice", start=0, end=5, label="source")
    with pytest.raises(ProjectError, match="annotator layer"):
        suggest(seeded, layer="alice")
    assert [(s.start, s.end) for s in spans(seeded, doc_id=DOC, layer="alice")] == [(0, 5)]


def test_suggest_refuses_the_gold_layer(seeded):
    add_span(seeded, doc_id=DOC, layer="gold", start=0, end=5, label="source")
    with pytest.raises(ProjectError, match="gold layer"):
        suggest(seeded, layer="gold")


def test_suggest_an_unknown_document_is_an_error(seeded):
    with pytest.raises(ProjectError, match="no document"):
        suggest(seeded, doc_id="nope")


def test_accept_copies_the_claim_with_its_source_cue_and_link(seeded):
    suggest(seeded, doc_id=DOC)
    text = document(seeded, DOC).text
    claim = _claim(seeded, "Indian Prime Minister Narendra Modi had agreed to stop purchasing Russian oil")
    change = accept_suggestion(seeded, span_id=claim.id, layer="alice")
    got = sorted((text[s.start : s.end], s.label, dict(s.attrs)) for s in spans(seeded, doc_id=DOC, layer="alice"))
    assert got == sorted([
        ("Indian Prime Minister Narendra Modi had agreed to stop purchasing Russian oil", "contested", {}),
        ("India’s government", "source", {}), ("Trump", "source", {}), ("disputed", "cue", {}), ("claim", "cue", {}),
    ])
    by_id = {s.id: text[s.start : s.end] for s in spans(seeded, doc_id=DOC, layer="alice")}
    assert sorted((by_id[r.tail], r.label) for r in relations(seeded, doc_id=DOC, layer="alice")) == [
        ("India’s government", "disputed_by"), ("Trump", "said_by"),
    ]
    assert len(change.spans_added) == 5 and len(change.relations_added) == 2


def test_accepting_twice_adds_nothing(seeded):
    suggest(seeded, doc_id=DOC)
    claim = _claim(seeded, "high-level delegations from both countries would meet next week to prepare for the Budapest summit")
    accept_suggestion(seeded, span_id=claim.id, layer="alice")
    again = accept_suggestion(seeded, span_id=claim.id, layer="alice")
    assert (again.spans_added, again.relations_added) == ([], [])


def test_accept_is_undone_by_removing_what_it_added(seeded):
    suggest(seeded, doc_id=DOC)
    claim = _claim(seeded, "high-level delegations from both countries would meet next week to prepare for the Budapest summit")
    change = accept_suggestions(seeded, span_ids=[claim.id], layer="alice")
    remove_spans(seeded, span_ids=[s.id for s in change.spans_added])
    assert spans(seeded, doc_id=DOC, layer="alice") == [] and relations(seeded, doc_id=DOC, layer="alice") == []


def test_accept_into_a_suggestion_layer_is_refused(seeded):
    suggest(seeded, doc_id=DOC)
    claim = _claim(seeded, "high-level delegations from both countries would meet next week to prepare for the Budapest summit")
    with pytest.raises(ProjectError, match="suggestion layer"):
        accept_suggestion(seeded, span_id=claim.id, layer="suggested")


def test_accepting_a_person_s_span_is_refused(seeded):
    made = add_span(seeded, doc_id=DOC, layer="alice", start=0, end=5, label="source").spans_added[0]
    with pytest.raises(ProjectError, match="not a suggestion"):
        accept_suggestion(seeded, span_id=made.id, layer="bob")


def test_pending_leaves_out_what_was_accepted(seeded):
    suggest(seeded, doc_id=DOC)
    before = pending_suggestions(seeded, doc_id=DOC, layer="alice")
    claim = _claim(seeded, "high-level delegations from both countries would meet next week to prepare for the Budapest summit")
    change = accept_suggestion(seeded, span_id=claim.id, layer="alice")
    after = pending_suggestions(seeded, doc_id=DOC, layer="alice")
    assert len(before) - len(after) == len(change.spans_added) == 3


def test_reject_removes_the_claim_its_cue_and_its_own_source(seeded):
    suggest(seeded, doc_id=DOC)
    text = document(seeded, DOC).text
    claim = _claim(seeded, "high-level delegations from both countries would meet next week to prepare for the Budapest summit")
    before = len(spans(seeded, doc_id=DOC, layer="suggested"))
    change = reject_suggestion(seeded, span_id=claim.id)
    assert sorted(text[s.start : s.end] for s in change.spans_removed) == [
        "He", "announced", "high-level delegations from both countries would meet next week to prepare for the Budapest summit",
    ]
    assert len(spans(seeded, doc_id=DOC, layer="suggested")) == before - 3
    restore(seeded, spans=change.spans_removed, relations=change.relations_removed)
    assert len(spans(seeded, doc_id=DOC, layer="suggested")) == before
