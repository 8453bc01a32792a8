"""Properties every measure must have, on generated annotations."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.review.agreement import compute_agreement
from annotator.review.data import ReviewDocument, spans_from_keys

TEXT = "Ushakov said the talks in Budapest would start soon , TASS reported , citing officials ."
LABELS = ["attributed", "source", "cue"]


@st.composite
def layer(draw):
    keys = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(TEXT) - 2))
        end = draw(st.integers(start + 1, min(len(TEXT), start + 40)))
        keys.append((start, end, draw(st.sampled_from(LABELS))))
    return keys


def build(a, b):
    spans = {"a": spans_from_keys("d", "a", a, prefix="a"), "b": spans_from_keys("d", "b", b, prefix="b")}
    return ReviewDocument.build("d", TEXT, spans)


@settings(max_examples=60, deadline=None)
@given(layer(), layer())
def test_measures_do_not_depend_on_the_order_of_layers(a, b):
    one = compute_agreement([build(a, b)], ["a", "b"]).pairs[0]
    two = compute_agreement([build(a, b)], ["b", "a"]).pairs[0]
    assert (one.span_f1_exact, one.span_f1_overlap, one.token_kappa, one.relation_f1) == (
        two.span_f1_exact, two.span_f1_overlap, two.token_kappa, two.relation_f1,
    )


@settings(max_examples=60, deadline=None)
@given(layer())
def test_a_layer_agrees_perfectly_with_a_copy_of_itself(a):
    report = compute_agreement([build(a, list(reversed(a)))], ["a", "b"])
    pair = report.pairs[0]
    defined = [v for v in (pair.span_f1_exact, pair.span_f1_overlap, pair.token_kappa, report.token_alpha,
                           report.unitizing_alpha) if v is not None]
    assert defined == [1.0] * len(defined)
    assert (pair.span_f1_exact is None) == (not a)


@settings(max_examples=60, deadline=None)
@given(layer(), layer())
def test_overlap_f1_is_never_below_exact_f1(a, b):
    pair = compute_agreement([build(a, b)], ["a", "b"]).pairs[0]
    if pair.span_f1_exact is not None:
        assert pair.span_f1_overlap >= pair.span_f1_exact
