"""Krippendorff's unitizing alpha against the published examples, and on the character continuum."""

from __future__ import annotations

import pytest

from annotator.review.agreement import compute_agreement
from annotator.review.data import ReviewDocument, spans_from_keys
from annotator.review.unitizing import disjoint, unitizing_alpha

# Krippendorff (2004), Content Analysis, 2nd ed., p. 254: two observers on the continuum [150, 450).
EXAMPLE_2004 = [
    (0, 225, 295, "c"), (0, 370, 400, "c"), (1, 220, 300, "c"), (1, 355, 375, "c"), (1, 400, 420, "c"),
    (0, 180, 240, "k"), (0, 300, 350, "k"), (1, 180, 240, "k"), (1, 300, 350, "k"),
]


def test_krippendorff_2004_example():
    overall, per = unitizing_alpha(EXAMPLE_2004, 2, 150, 300)
    assert per["c"].observed == pytest.approx(0.0144, abs=1e-4)
    assert per["c"].expected == pytest.approx(0.0532, abs=1e-4)
    assert per["c"].alpha == pytest.approx(0.7286, abs=1e-4)
    assert (per["k"].observed, per["k"].alpha) == (0.0, 1.0)
    assert per["k"].expected == pytest.approx(0.0490, abs=1e-4)
    assert overall == pytest.approx(0.8591, abs=5e-4)


def test_krippendorff_1995_observed_disagreements():
    # Krippendorff (1995), p. 57, observers Bertha and Bill, categories A (as DKPro's test transcribes it).
    units = [(0, 2, 10, "A"), (0, 14, 20, "A"), (1, 4, 8, "A"), (1, 15, 17, "A")]
    _, per = unitizing_alpha(units, 2, 0, 24)
    assert per["A"].observed == pytest.approx(0.03125, abs=1e-5)


def test_distance_of_a_hand_sized_case():
    # Unit [0,4) vs [1,4): δ² = 1 + 0, counted for both orders of the pair: D_o = 2·1 / (2·1·10²).
    _, per = unitizing_alpha([(0, 0, 4, "x"), (1, 1, 4, "x")], 2, 0, 10)
    assert per["x"].observed == pytest.approx(0.01)


def test_unit_alone_in_the_other_gap_costs_its_squared_length():
    _, per = unitizing_alpha([(0, 2, 5, "x")], 2, 0, 10)
    assert per["x"].observed == pytest.approx(2 * 9 / (2 * 100))


def test_overlapping_units_of_one_rater_are_merged():
    assert disjoint([(5, 9), (0, 3), (2, 4), (9, 10)]) == [(0, 4), (5, 9), (9, 10)]


def test_identical_layers_have_alpha_u_one():
    text = "Putin said the war ends soon ."
    spans = {n: spans_from_keys("d", n, [(0, 5, "source"), (11, 23, "attributed")], prefix=n) for n in "ab"}
    report = compute_agreement([ReviewDocument.build("d", text, spans)], ["a", "b"])
    assert report.unitizing_alpha == 1.0
    assert report.per_label["source"].unitizing_alpha == 1.0


def test_documents_are_laid_end_to_end():
    # The same two-document study as one continuum: [0,5) in "d1" and [31+0, 31+4) in "d2".
    text = "Putin said the war ends soon ."
    one = ReviewDocument.build("d1", text, {"a": spans_from_keys("d1", "a", [(0, 5, "source")]), "b": []})
    two = ReviewDocument.build("d2", text, {"a": [], "b": spans_from_keys("d2", "b", [(0, 4, "source")])})
    report = compute_agreement([one, two], ["a", "b"])
    expected, _ = unitizing_alpha([(0, 0, 5, "source"), (1, 30, 34, "source")], 2, 0, 60)
    assert report.unitizing_alpha == pytest.approx(expected)
