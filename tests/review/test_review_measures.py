"""Hand-computed cases for every agreement measure of DESIGN.md."""

from __future__ import annotations

import pytest

from annotator.core.model import Relation
from annotator.review.agreement import compute_agreement
from annotator.review.data import ReviewDocument, spans_from_keys
from annotator.review.spans import overlap_matching
from annotator.review.tokens import token_labels

TEXT = "Putin said the war ends soon ."  # tokens: Putin said the war ends soon .
#        0     6    11  15  19   24   29


def doc(layers: dict[str, list[tuple[int, int, str]]], text: str = TEXT, doc_id: str = "d", relations=None) -> ReviewDocument:
    spans = {name: spans_from_keys(doc_id, name, keys, prefix=f"{name}-") for name, keys in layers.items()}
    return ReviewDocument.build(doc_id, text, spans, relations or {})


def test_token_value_is_label_of_covering_span_else_O():
    assert token_labels(TEXT, [(11, 23, "attributed"), (0, 5, "source")]) == [
        "source", "O", "attributed", "attributed", "attributed", "O", "O",
    ]


def test_token_partly_inside_a_span_is_not_covered():
    assert token_labels(TEXT, [(1, 13, "attributed")]) == ["O", "attributed", "O", "O", "O", "O", "O"]


def test_covering_spans_choose_earliest_start_then_longest_then_label_name():
    spans = [(6, 23, "cue"), (11, 28, "opinion"), (11, 23, "attributed"), (11, 23, "contested")]
    # said: only (6,23,cue). the/war/ends: cue starts earliest. soon: (11,28) is the only one covering it.
    assert token_labels(TEXT, spans) == ["O", "cue", "cue", "cue", "cue", "opinion", "O"]
    # Same start: the longest wins; same extent: the first label name.
    assert token_labels(TEXT, spans[1:]) == ["O", "O", "opinion", "opinion", "opinion", "opinion", "O"]
    assert token_labels(TEXT, spans[2:]) == ["O", "O", "attributed", "attributed", "attributed", "O", "O"]


def test_span_f1_exact_and_overlap_of_a_pair():
    d = doc({"a": [(0, 5, "source"), (11, 23, "attributed")], "b": [(0, 5, "source"), (11, 28, "attributed")]})
    pair = compute_agreement([d], ["a", "b"]).pairs[0]
    assert (pair.span_f1_exact, pair.span_f1_overlap) == (0.5, 1.0)


def test_overlap_matching_is_one_to_one_largest_overlap_first():
    a = [(0, 10, "x")]
    b = [(0, 4, "x"), (3, 10, "x")]
    assert overlap_matching(a, b) == {(0, 10, "x"): (3, 10, "x")}
    d = doc({"a": a, "b": b}, text="a" * 12)
    pair = compute_agreement([d], ["a", "b"]).pairs[0]
    assert pair.span_f1_overlap == pytest.approx(2 / 3)


def test_overlap_ties_prefer_identical_spans():
    # (0,4) overlaps both B spans by 4 characters; the identical one must win, leaving (2,10) for (2,9).
    assert overlap_matching([(0, 4, "x"), (2, 9, "x")], [(0, 10, "x"), (0, 4, "x")]) == {
        (0, 4, "x"): (0, 4, "x"), (2, 9, "x"): (0, 10, "x"),
    }


def test_overlapping_spans_with_different_labels_disagree():
    d = doc({"a": [(11, 23, "attributed")], "b": [(11, 23, "opinion")]})
    report = compute_agreement([d], ["a", "b"])
    pair = report.pairs[0]
    assert (pair.span_f1_exact, pair.span_f1_overlap) == (0.0, 0.0)
    assert report.per_label["attributed"].span_f1_exact == 0.0
    assert report.per_label["opinion"].spans == {"a": 0, "b": 1}


def test_identical_spans_within_a_layer_count_once():
    a = spans_from_keys("d", "a", [(0, 5, "source"), (0, 5, "source")], prefix="a-")
    b = spans_from_keys("d", "b", [(0, 5, "source")], prefix="b-")
    report = compute_agreement([ReviewDocument.build("d", TEXT, {"a": a, "b": b})], ["a", "b"])
    pair = report.pairs[0]
    assert (pair.spans_a, pair.spans_b, pair.span_f1_exact, pair.token_kappa) == (1, 1, 1.0, 1.0)


def test_missing_layer_is_empty_not_an_error():
    d = ReviewDocument.build("d", TEXT, {"a": spans_from_keys("d", "a", [(0, 5, "source")])})
    pair = compute_agreement([d], ["a", "b"]).pairs[0]
    assert (pair.spans_a, pair.spans_b, pair.span_f1_exact, pair.span_f1_overlap) == (1, 0, 0.0, 0.0)


def test_no_spans_anywhere_leaves_f1_undefined():
    report = compute_agreement([doc({"a": [], "b": []})], ["a", "b"])
    pair = report.pairs[0]
    assert (pair.span_f1_exact, pair.token_kappa, report.token_alpha) == (None, None, None)


def test_token_kappa_and_alpha_by_hand():
    # Values over "Putin said the war ends soon .": a = x x O O O O O, b = x O O O O O O.
    d = doc({"a": [(0, 10, "source")], "b": [(0, 5, "source")]})
    report = compute_agreement([d], ["a", "b"])
    # po = 6/7; pa(x) = 2/7, pb(x) = 1/7; pe = 2/49 + 30/49 = 32/49; kappa = (42/49 − 32/49) / (17/49)
    assert report.pairs[0].token_kappa == pytest.approx(10 / 17)
    # Coincidences: o_xx = 2, o_xO = o_Ox = 1, o_OO = 10; n_x = 3, n = 14;
    # alpha = 1 − (n − 1)(n − Σo_cc) / (n² − Σn_c²) = 1 − 13·2 / (196 − 9 − 121)
    assert report.token_alpha == pytest.approx(1 - 26 / 66)


def test_label_used_by_one_layer_only():
    d = doc({"a": [(0, 5, "source"), (6, 10, "cue")], "b": [(0, 5, "source")]})
    report = compute_agreement([d], ["a", "b"], schema_labels=["source", "cue"])
    cue = report.per_label["cue"]
    assert list(report.per_label) == ["source", "cue"]
    assert (cue.span_f1_exact, cue.spans) == (0.0, {"a": 1, "b": 0})
    # cue vs rest: a = 0 1 0 0 0 0 0, b = all 0. Coincidences: o_11 = 0, o_10 = o_01 = 1, o_00 = 12.
    # alpha = 1 − 13·2 / (196 − 1 − 169) = 0
    assert cue.token_alpha == pytest.approx(0.0)
    assert cue.pairs[0].token_kappa == pytest.approx(0.0)
    assert report.per_label["source"].token_alpha == pytest.approx(1.0)


def test_per_label_token_values_are_mapped_after_precedence():
    # In a the inner source is hidden by the outer claim (earliest start wins), so "source" covers no token.
    d = doc({"a": [(0, 23, "attributed"), (0, 5, "source")], "b": [(0, 23, "attributed"), (0, 5, "source")]})
    report = compute_agreement([d], ["a", "b"], schema_labels=["attributed", "source"])
    assert report.per_label["source"].span_f1_exact == 1.0
    assert report.per_label["source"].token_alpha is None


def test_relation_f1_over_matched_spans():
    a = spans_from_keys("d", "a", [(0, 5, "source"), (11, 23, "attributed")], prefix="a")
    b = spans_from_keys("d", "b", [(0, 5, "source"), (11, 28, "attributed")], prefix="b")
    c = spans_from_keys("d", "c", [(0, 5, "source"), (11, 23, "attributed")], prefix="c")
    rels = {
        "a": [Relation("ra", "d", "a", "a1", "a0", "said_by")],
        "b": [Relation("rb", "d", "b", "b1", "b0", "said_by")],
        "c": [Relation("rc", "d", "c", "c1", "c0", "disputed_by")],
    }
    report = compute_agreement([ReviewDocument.build("d", TEXT, {"a": a, "b": b, "c": c}, rels)], ["a", "b", "c"])
    assert [(p.a, p.b, p.relation_f1) for p in report.pairs] == [("a", "b", 1.0), ("a", "c", 0.0), ("b", "c", 0.0)]


def test_per_document_disagreement_is_one_minus_mean_pairwise_exact_f1():
    same = doc({"a": [(0, 5, "source")], "b": [(0, 5, "source")]}, doc_id="same")
    half = doc({"a": [(0, 5, "source"), (6, 10, "cue")], "b": [(0, 5, "source"), (6, 11, "cue")]}, doc_id="half")
    empty = doc({"a": [], "b": []}, doc_id="empty")
    report = compute_agreement([same, half, empty], ["a", "b"])
    assert [(d.doc_id, d.disagreement, d.units, d.disputed_units) for d in report.per_document] == [
        ("same", 0.0, 1, 0), ("half", 0.5, 2, 1), ("empty", 0.0, 0, 0),
    ]


def test_counts_pool_over_documents():
    one = doc({"a": [(0, 5, "source")], "b": [(0, 5, "source")]}, doc_id="one")
    two = doc({"a": [(0, 5, "source"), (6, 10, "cue")], "b": []}, doc_id="two")
    pair = compute_agreement([one, two], ["a", "b"]).pairs[0]
    assert (pair.exact_matches, pair.spans_a, pair.spans_b, pair.span_f1_exact) == (1, 3, 1, 0.5)


def test_confusion_matrix_counts_token_values_over_ordered_pairs():
    d = doc({"a": [(0, 5, "source"), (11, 14, "attributed")], "b": [(0, 5, "source"), (11, 14, "opinion")]})
    report = compute_agreement([d], ["a", "b"], schema_labels=["attributed", "opinion", "source"])
    assert report.confusion_labels == ["O", "attributed", "opinion", "source"]
    assert report.confusion == [[10, 0, 0, 0], [0, 0, 1, 0], [0, 1, 0, 0], [0, 0, 0, 2]]


def test_json_shape_is_design_shape():
    d = doc({"a": [(0, 5, "source")], "b": [(0, 5, "source")]})
    data = compute_agreement([d], ["a", "b"]).to_json()
    assert data == {
        "layers": ["a", "b"], "documents": 1, "token_alpha": 1.0,
        "pairs": [{"a": "a", "b": "b", "span_f1_exact": 1.0, "span_f1_overlap": 1.0, "token_kappa": 1.0}],
        "per_label": {"source": {"token_alpha": 1.0, "span_f1_exact": 1.0}},
    }


def test_fewer_than_two_layers_is_refused():
    with pytest.raises(ValueError):
        compute_agreement([], ["a"])


def test_no_documents_gives_undefined_figures():
    report = compute_agreement([], ["a", "b"])
    assert report.to_json() == {
        "layers": ["a", "b"], "documents": 0, "token_alpha": None,
        "pairs": [{"a": "a", "b": "b", "span_f1_exact": None, "span_f1_overlap": None, "token_kappa": None}],
        "per_label": {},
    }
    assert report.unitizing_alpha is None


def test_full_json_adds_the_other_figures():
    d = doc({"a": [(0, 5, "source")], "b": [(0, 5, "source")]})
    data = compute_agreement([d], ["a", "b"]).to_json(full=True)
    assert set(data) - {"layers", "documents", "token_alpha", "pairs", "per_label"} == {
        "tokens", "unitizing_alpha", "span_f1_exact", "span_f1_overlap", "relation_f1", "per_document", "confusion",
    }
    assert data["per_document"][0]["disagreement"] == 0.0
    assert data["confusion"] == {"labels": ["O", "source"], "matrix": [[12, 0], [0, 2]]}
