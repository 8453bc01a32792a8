"""Units of disagreement and the merge strategies (pure, no project file)."""

from __future__ import annotations

import pytest

from annotator.core.model import Relation
from annotator.review.adjudicate import decide, passes
from annotator.review.data import ReviewDocument, spans_from_keys
from annotator.review.units import Variant, units

TEXT = "Putin said the war ends soon . Trump disagreed ."


def build(layers, relations=None):
    spans = {name: spans_from_keys("d", name, keys, prefix=f"{name}") for name, keys in layers.items()}
    return ReviewDocument.build("d", TEXT, spans, relations or {})


def test_overlapping_spans_across_layers_form_one_unit():
    d = build({"a": [(0, 5, "source"), (11, 23, "attributed")], "b": [(0, 5, "source"), (11, 28, "attributed")]})
    found = units(d, ["a", "b"])
    assert [(u.id, u.agreed) for u in found] == [("0-5", True), ("11-28", False)]
    assert found[1].variants == (
        Variant(((11, 23, "attributed"),), (), ("a",)),
        Variant(((11, 28, "attributed"),), (), ("b",)),
    )


def test_clusters_are_transitive_and_touching_spans_stay_apart():
    d = build({"a": [(0, 10, "attributed"), (10, 14, "cue")], "b": [(6, 18, "attributed")]})
    assert [(u.start, u.end) for u in units(d, ["a", "b"])] == [(0, 18)]
    d = build({"a": [(0, 5, "source"), (5, 10, "cue")], "b": [(0, 5, "source"), (5, 10, "cue")]})
    assert [(u.start, u.end) for u in units(d, ["a", "b"])] == [(0, 5), (5, 10)]


def test_layers_with_the_same_version_share_a_variant_and_absent_layers_are_listed():
    d = build({"a": [(11, 23, "opinion")], "b": [(11, 23, "opinion")], "c": []})
    (unit,) = units(d, ["a", "b", "c"])
    assert (unit.variants, unit.absent, unit.agreed) == (
        (Variant(((11, 23, "opinion"),), (), ("a", "b")),), ("c",), False,
    )


def test_most_chosen_variant_comes_first():
    d = build({"a": [(11, 23, "opinion")], "b": [(11, 28, "opinion")], "c": [(11, 28, "opinion")]})
    (unit,) = units(d, ["a", "b", "c"])
    assert [v.layers for v in unit.variants] == [("b", "c"), ("a",)]


def test_relations_belong_to_the_unit_of_their_head_and_split_variants():
    rels = {
        "a": [Relation("r1", "d", "a", "a1", "a0", "said_by")],
        "b": [Relation("r2", "d", "b", "b1", "b0", "disputed_by")],
    }
    d = build({"a": [(0, 5, "source"), (11, 23, "attributed")], "b": [(0, 5, "source"), (11, 23, "attributed")]}, rels)
    source, claim = units(d, ["a", "b"])
    assert source.agreed
    assert not claim.agreed
    assert [v.relations for v in claim.variants] == [
        (((11, 23, "attributed"), (0, 5, "source"), "said_by"),),
        (((11, 23, "attributed"), (0, 5, "source"), "disputed_by"),),
    ]


@pytest.mark.parametrize(
    "votes, voters, strategy, threshold, expected",
    [
        (2, 3, "majority", None, True), (1, 2, "majority", None, False), (2, 4, "majority", None, False),
        (3, 3, "unanimous", None, True), (2, 3, "unanimous", None, False),
        (2, 3, "threshold", 2 / 3, True), (1, 3, "threshold", 0.5, False), (0, 3, "threshold", 0.1, False),
    ],
)
def test_vote_rules(votes, voters, strategy, threshold, expected):
    assert passes(votes, voters, strategy, threshold) is expected


def test_unknown_strategy_is_refused():
    with pytest.raises(ValueError):
        passes(1, 1, "loudest")


def test_majority_gives_exactly_the_majority_spans_and_their_relations():
    rels = {
        "a": [Relation("r1", "d", "a", "a1", "a0", "said_by")],
        "b": [Relation("r2", "d", "b", "b1", "b0", "said_by")],
        "c": [Relation("r3", "d", "c", "c1", "c0", "disputed_by")],
    }
    d = build({
        "a": [(0, 5, "source"), (11, 23, "attributed"), (31, 36, "source")],
        "b": [(0, 5, "source"), (11, 23, "attributed"), (6, 10, "cue")],
        "c": [(0, 5, "source"), (11, 23, "attributed"), (11, 28, "opinion")],
    }, rels)
    gold = decide(d, ["a", "b", "c"], "majority")
    assert [s.key for s in gold.spans] == [(0, 5, "source"), (11, 23, "attributed")]
    assert gold.relations == [((11, 23, "attributed"), (0, 5, "source"), "said_by")]
    unanimous = decide(d, ["a", "b", "c"], "unanimous")
    assert (len(unanimous.spans), unanimous.relations) == (2, [])
