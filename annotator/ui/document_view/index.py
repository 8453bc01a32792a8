"""A sorted interval index of spans (starts + bisect): hit tests and overlap segments in microseconds."""

from __future__ import annotations

from bisect import bisect_left, insort
from typing import Iterable, Iterator

from annotator.core.model import Span
from annotator.ui.span_map import SpanMap

# Spans longer than this (whole paragraphs, whole documents) are few; keeping them aside lets the
# bisect window for the rest stay narrow, so a query never degrades to a scan of every span.
LONG = 4096


def innermost_first(span: Span) -> tuple:
    """Shortest first, then by start, label and id: the order segments and hit tests report."""
    return (span.end - span.start, span.start, span.label, span.id)


class SpanIndex:
    """Spans of one document and layer, by code point offsets.

    Built from a SpanMap it makes Span objects only for the spans a query touches.
    """

    def __init__(self, spans: Iterable[Span] | SpanMap = ()) -> None:
        self._spans = spans.copy() if isinstance(spans, SpanMap) else SpanMap.of(spans)
        self._long: set[str] = set()
        keys = []
        for start, end, _label, span_id in self._spans.briefs():
            if end - start > LONG:
                self._long.add(span_id)
            else:
                keys.append((start, span_id))
        keys.sort()
        self._keys: list[tuple[int, str]] = keys

    def __len__(self) -> int:
        return len(self._spans)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._spans

    def __iter__(self) -> Iterator[Span]:
        return iter(self.ordered())

    def get(self, span_id: str) -> Span | None:
        return self._spans.get(span_id)

    def add(self, span: Span) -> None:
        if span.id in self._spans:
            self.remove(span.id)
        self._spans[span.id] = span
        if span.end - span.start > LONG:
            self._long.add(span.id)
        else:
            insort(self._keys, (span.start, span.id))

    def remove(self, span_id: str) -> Span | None:
        span = self._spans.pop(span_id, None)
        if span is None:
            return None
        if span_id in self._long:
            self._long.discard(span_id)
        else:
            i = bisect_left(self._keys, (span.start, span.id))
            if i < len(self._keys) and self._keys[i] == (span.start, span.id):
                del self._keys[i]
        return span

    def overlapping(self, a: int, b: int) -> list[Span]:
        """Spans sharing at least one character with [a, b), in start order."""
        lo = bisect_left(self._keys, (a - LONG + 1,))
        hi = bisect_left(self._keys, (b,))
        found = [self._spans[sid] for _, sid in self._keys[lo:hi]]
        found = [s for s in found if s.end > a]
        if self._long:
            found += [s for s in map(self._spans.__getitem__, self._long) if s.start < b and s.end > a]
            found.sort(key=lambda s: (s.start, s.end, s.id))
        return found

    def at(self, pos: int) -> list[Span]:
        """Spans covering the character at `pos`, innermost first."""
        return sorted(self.overlapping(pos, pos + 1), key=innermost_first)

    def segments(self, a: int, b: int) -> list[tuple[int, int, list[Span]]]:
        """Split [a, b) where the set of covering spans changes; each piece lists its spans innermost first."""
        spans = self.overlapping(a, b)
        if not spans:
            return []
        points = sorted({a, b, *(max(a, s.start) for s in spans), *(min(b, s.end) for s in spans)})
        out = []
        for p, q in zip(points, points[1:]):
            cover = [s for s in spans if s.start <= p and s.end >= q]
            if cover:
                cover.sort(key=innermost_first)
                out.append((p, q, cover))
        return out

    def ordered(self) -> list[Span]:
        """Every span by start, then end."""
        return sorted(self._spans.values(), key=lambda s: (s.start, s.end, s.label, s.id))

    def neighbour(self, pos: int, *, forward: bool, current: str | None = None) -> Span | None:
        """The span after (or before) `current`, or the first starting after (before) `pos`; wraps around."""
        if not self._spans:
            return None
        if self._long:  # rare: whole-paragraph spans; fall back to a full ordering
            spans = self.ordered()
            if current is not None and current in self._spans:
                i = [s.id for s in spans].index(current)
                return spans[(i + (1 if forward else -1)) % len(spans)]
            if forward:
                return next((s for s in spans if s.start > pos), spans[0])
            return next((s for s in reversed(spans) if s.start < pos), spans[-1])
        keys = self._keys
        if current is not None and current in self._spans:
            i = bisect_left(keys, (self._spans[current].start, current))
            j = (i + (1 if forward else -1)) % len(keys)
        elif forward:
            j = bisect_left(keys, (pos + 1,)) % len(keys)
        else:
            j = bisect_left(keys, (pos,)) - 1
        return self._spans[keys[j][1]]
