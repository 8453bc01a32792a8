"""The span index behind the document view: overlap queries, segments, neighbours, lazy spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.ui.document_view.index import LONG, SpanIndex
from annotator.ui.span_map import SpanMap


def span(i: int, start: int, end: int, label: str = "source") -> Span:
    return Span(f"s{i:03d}", "d", "l", start, end, label)


spans_strategy = st.lists(
    st.tuples(st.integers(0, 3 * LONG), st.integers(1, LONG + 600)), max_size=40,
).map(lambda pairs: [span(i, s, s + n) for i, (s, n) in enumerate(pairs)])


@settings(max_examples=60, deadline=None)
@given(spans_strategy, st.integers(0, 3 * LONG), st.integers(1, 300))
def test_overlapping_equals_a_scan(spans, a, width):
    index = SpanIndex(spans)
    expected = sorted(s.id for s in spans if s.start < a + width and s.end > a)
    assert sorted(s.id for s in index.overlapping(a, a + width)) == expected


@settings(max_examples=60, deadline=None)
@given(spans_strategy, st.integers(0, 3 * LONG))
def test_segments_cover_exactly_the_covered_characters(spans, a):
    b = a + 200
    index = SpanIndex(spans)
    for s, e, covering in index.segments(a, b):
        for pos in (s, e - 1):
            assert {x.id for x in covering} == {x.id for x in spans if x.start <= pos < x.end}
        assert [x.end - x.start for x in covering] == sorted(x.end - x.start for x in covering)
    covered = {p for x in spans for p in range(max(a, x.start), min(b, x.end))}
    assert {p for s, e, _ in index.segments(a, b) for p in range(s, e)} == covered


def test_nested_segments_put_the_innermost_first():
    outer, inner = span(1, 0, 20, "attributed"), span(2, 5, 10, "source")
    assert [(s, e, [x.label for x in c]) for s, e, c in SpanIndex([outer, inner]).segments(0, 30)] == [
        (0, 5, ["attributed"]), (5, 10, ["source", "attributed"]), (10, 20, ["attributed"])]


def test_add_and_remove_keep_queries_right():
    index = SpanIndex([span(1, 0, 5)])
    index.add(span(2, 3, 9))
    index.add(span(3, 0, LONG + 10))  # a long one, kept aside
    assert [s.id for s in index.at(4)] == ["s001", "s002", "s003"]
    index.remove("s001")
    index.remove("s003")
    assert [s.id for s in index.at(4)] == ["s002"] and len(index) == 1


def test_neighbour_walks_spans_in_order_and_wraps():
    index = SpanIndex([span(1, 10, 12), span(2, 10, 20), span(3, 30, 35)])
    assert index.neighbour(0, forward=True).id == "s001"
    assert index.neighbour(0, forward=True, current="s001").id == "s002"  # same start: not skipped
    assert index.neighbour(0, forward=True, current="s003").id == "s001"
    assert index.neighbour(0, forward=False, current="s001").id == "s003"


def test_span_map_makes_span_objects_only_when_asked():
    made = []

    def make(row):
        made.append(row[0])
        return Span(row[0], "d", "l", row[1], row[2], row[3])

    rows = {f"r{i}": (f"r{i}", i * 10, i * 10 + 5, "cue", "", "{}") for i in range(1000)}
    spans = SpanMap(rows, make)
    index = SpanIndex(spans)
    assert made == [] and len(index) == 1000
    assert [s.id for s in index.overlapping(500, 505)] == ["r50"]
    assert len(made) <= 60  # only the bisect window (LONG characters back) was made, not the thousand
    assert sorted(spans.briefs())[:1] == [(0, 5, "cue", "r0")] and len(spans) == 1000
