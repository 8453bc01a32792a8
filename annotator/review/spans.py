"""Span matching between two layers: exact, overlap (one-to-one, largest overlap first), relations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from annotator.review.data import RelKey, SpanKey


def f1(matches: int, size_a: int, size_b: int) -> float | None:
    """F1 = 2·matches / (|A| + |B|); undefined (None) when neither side has anything."""
    total = size_a + size_b
    return 2.0 * matches / total if total else None


def exact_matches(a: Iterable[SpanKey], b: Iterable[SpanKey]) -> int:
    """Spans equal in start, end and label."""
    return len(set(a) & set(b))


def overlap(x: SpanKey, y: SpanKey) -> int:
    return min(x[1], y[1]) - max(x[0], y[0])


def overlap_matching(a: Sequence[SpanKey], b: Sequence[SpanKey]) -> dict[SpanKey, SpanKey]:
    """Pair spans of A with spans of B of the same label that overlap, one-to-one, largest overlap first.

    Ties go to the pair whose boundaries are closest (so identical spans always pair with each other),
    then to the earliest positions, so the matching never depends on input order.
    """
    by_label: dict[str, list[SpanKey]] = {}
    for y in sorted(set(b)):
        by_label.setdefault(y[2], []).append(y)
    candidates: list[tuple[int, int, SpanKey, SpanKey]] = []
    for x in sorted(set(a)):
        for y in by_label.get(x[2], ()):
            if y[0] >= x[1]:
                break  # sorted by start: nothing further can overlap x
            size = overlap(x, y)
            if size > 0:
                candidates.append((-size, abs(x[0] - y[0]) + abs(x[1] - y[1]), x, y))
    candidates.sort()
    pairs: dict[SpanKey, SpanKey] = {}
    taken: set[SpanKey] = set()
    for _, _, x, y in candidates:
        if x not in pairs and y not in taken:
            pairs[x] = y
            taken.add(y)
    return pairs


def relation_matches(rel_a: Iterable[RelKey], rel_b: Iterable[RelKey], matching: dict[SpanKey, SpanKey]) -> int:
    """Relations of A whose head and tail are matched to spans of B linked there with the same label."""
    target = set(rel_b)
    count = 0
    for head, tail, label in set(rel_a):
        if head in matching and tail in matching and (matching[head], matching[tail], label) in target:
            count += 1
    return count


@dataclass
class SpanCounts:
    """What the span F1s of a pair (or of one label of a pair) are computed from; counts add up."""

    a: int = 0
    b: int = 0
    exact: int = 0
    overlap: int = 0

    def add(self, other: "SpanCounts") -> None:
        self.a += other.a
        self.b += other.b
        self.exact += other.exact
        self.overlap += other.overlap

    @property
    def f1_exact(self) -> float | None:
        return f1(self.exact, self.a, self.b)

    @property
    def f1_overlap(self) -> float | None:
        return f1(self.overlap, self.a, self.b)


def count_by_label(a: Sequence[SpanKey], b: Sequence[SpanKey], matching: dict[SpanKey, SpanKey]) -> dict[str, SpanCounts]:
    """Per label: sizes, exact matches and overlap matches (the overlap matching never crosses labels)."""
    out: dict[str, SpanCounts] = {}
    set_b = set(b)
    for x in set(a):
        c = out.setdefault(x[2], SpanCounts())
        c.a += 1
        c.exact += x in set_b
        c.overlap += x in matching
    for y in set_b:
        out.setdefault(y[2], SpanCounts()).b += 1
    return out
