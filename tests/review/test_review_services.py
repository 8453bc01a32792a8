"""Agreement and headless adjudication of a project file."""

from __future__ import annotations

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.model import LayerKind
from annotator.project import adjudicate_auto, agreement, relations, spans, status
from annotator.store import review_queries as rq

SOURCE, SAID, CLAIM, CUE = (0, 5, "source"), (6, 10, "cue"), (11, 23, "attributed"), (6, 10, "cue")


def gold_keys(project, doc_id):
    return sorted(s.key for s in spans(project, doc_id=doc_id, layer="gold"))


def test_agreement_compares_annotator_layers_on_documents_all_marked_done(make_project):
    project = make_project(
        {
            "ann": {"d1": [SOURCE, CLAIM], "d2": [(0, 7, "source")]},
            "bob": {"d1": [SOURCE, (11, 28, "attributed")], "d2": [(0, 7, "source")]},
            "sug": {"d1": [SOURCE]},
        },
        done={"ann": ["d1", "d2"], "bob": ["d1"], "sug": ["d1"]},
        kinds={"sug": LayerKind.SUGGESTION},
    )
    report = agreement(project)
    assert (report.layers, report.documents) == (["ann", "bob"], ["d1"])
    assert (report.pairs[0].span_f1_exact, report.pairs[0].span_f1_overlap) == (0.5, 1.0)


def test_agreement_over_named_layers(make_project):
    project = make_project({"ann": {"d1": [SOURCE]}, "sug": {"d1": [SOURCE]}}, kinds={"sug": LayerKind.SUGGESTION})
    assert agreement(project, layers=["ann", "sug"]).pairs[0].span_f1_exact == 1.0


def test_agreement_refuses_unknown_layer_and_a_single_layer(make_project):
    project = make_project({"ann": {"d1": [SOURCE]}})
    with pytest.raises(AnnotatorError, match="no layer 'zed'"):
        agreement(project, layers=["ann", "zed"])
    with pytest.raises(AnnotatorError, match="at least two layers"):
        agreement(project)


MAJORITY = {
    "ann": {"d1": [SOURCE, CLAIM, (31, 36, "source")], "d2": [(0, 7, "source")]},
    "bob": {"d1": [SOURCE, CLAIM, CUE], "d2": [(0, 7, "source"), (8, 16, "cue")]},
    "cyd": {"d1": [SOURCE, (11, 28, "attributed"), CUE], "d2": [(8, 16, "cue")]},
}


def test_majority_gives_exactly_the_majority_spans_and_marks_gold_done(make_project):
    project = make_project(MAJORITY)
    report = adjudicate_auto(project, strategy="majority")
    assert report.decided == ["d1", "d2"]
    assert gold_keys(project, "d1") == [SOURCE, CUE, CLAIM]
    assert gold_keys(project, "d2") == [(0, 7, "source"), (8, 16, "cue")]
    assert project.layer("gold").kind == LayerKind.GOLD
    assert (status(project, doc_id="d1", layer="gold"), status(project, doc_id="d2", layer="gold")) == ("done", "done")


def test_unanimous_keeps_only_what_everyone_marked(make_project):
    project = make_project(MAJORITY)
    adjudicate_auto(project, strategy="unanimous")
    assert (gold_keys(project, "d1"), gold_keys(project, "d2")) == ([SOURCE], [])


def test_votes_count_only_layers_that_marked_the_document_done(make_project):
    # cyd has not finished d1: the majority of {ann, bob} is both of them.
    project = make_project(MAJORITY, done={"ann": ["d1"], "bob": ["d1"], "cyd": []})
    report = adjudicate_auto(project, strategy="majority")
    assert report.decided == ["d1"]
    assert gold_keys(project, "d1") == [SOURCE, CLAIM]
    assert status(project, doc_id="d2", layer="gold") == "todo"


def test_relations_follow_their_spans(make_project):
    layers = {name: {"d1": [SOURCE, CLAIM]} for name in ("ann", "bob", "cyd")}
    rels = {"ann": {"d1": [(1, 0, "said_by")]}, "bob": {"d1": [(1, 0, "said_by")]}, "cyd": {"d1": [(1, 0, "disputed_by")]}}
    project = make_project(layers, relations=rels)
    adjudicate_auto(project, strategy="majority")
    by_id = {s.id: s.key for s in spans(project, doc_id="d1", layer="gold")}
    assert [(by_id[r.head], by_id[r.tail], r.label) for r in relations(project, doc_id="d1", layer="gold")] == [
        (CLAIM, SOURCE, "said_by"),
    ]


def test_adjudication_twice_changes_nothing_and_is_logged(make_project):
    project = make_project(MAJORITY)
    adjudicate_auto(project, strategy="majority")
    first = gold_keys(project, "d1")
    again = adjudicate_auto(project, strategy="majority")
    assert (again.decided, gold_keys(project, "d1")) == ([], first)
    log = rq.decisions(project.store)
    assert [(d["doc_id"], d["action"], d["who"], d["payload"]["voters"]) for d in log] == [
        ("d1", "auto:majority", "rev", ["ann", "bob", "cyd"]), ("d2", "auto:majority", "rev", ["ann", "bob", "cyd"]),
    ]


def test_overwrite_redoes_gold(make_project):
    project = make_project(MAJORITY)
    adjudicate_auto(project, strategy="unanimous")
    adjudicate_auto(project, strategy="majority", overwrite=True)
    assert gold_keys(project, "d1") == [SOURCE, CUE, CLAIM]


def test_threshold_strategy(make_project):
    project = make_project(MAJORITY)
    adjudicate_auto(project, strategy="threshold", threshold=0.3)
    assert gold_keys(project, "d1") == [SOURCE, CUE, CLAIM, (11, 28, "attributed"), (31, 36, "source")]


def test_bad_strategy_is_a_user_error(make_project):
    project = make_project(MAJORITY)
    with pytest.raises(AnnotatorError):
        adjudicate_auto(project, strategy="threshold")
    with pytest.raises(AnnotatorError):
        adjudicate_auto(project, strategy="loudest")
