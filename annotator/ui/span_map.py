"""Spans by id, made into Span objects only when asked for.

Opening a document with 50,000 spans reads 50,000 rows in a few tens of milliseconds but takes
several hundred to turn them all into Span objects; the screen shows a few dozen of them. So
rows stay rows until something looks at them; edits put real Span objects in.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Callable, Iterator

from annotator.core.model import Span

Brief = tuple[int, int, str, str]  # (start, end, label, id): enough to sort, index and filter


class SpanMap(MutableMapping):
    def __init__(self, rows: dict[str, tuple] | None = None, make: Callable[[tuple], Span] | None = None) -> None:
        self._rows: dict[str, tuple] = dict(rows or {})  # id → (id, start, end, label, note, attrs)
        self._made: dict[str, Span] = {}
        self._make = make

    @classmethod
    def of(cls, spans) -> "SpanMap":
        out = cls()
        for span in spans:
            out[span.id] = span
        return out

    def copy(self) -> "SpanMap":
        other = SpanMap(self._rows, self._make)
        other._made = dict(self._made)
        return other

    def __getitem__(self, span_id: str) -> Span:
        span = self._made.get(span_id)
        if span is None:
            row = self._rows.pop(span_id)  # KeyError for an unknown id, as a dict would
            span = self._made[span_id] = self._make(row)  # type: ignore[misc]
        return span

    def __setitem__(self, span_id: str, span: Span) -> None:
        self._rows.pop(span_id, None)
        self._made[span_id] = span

    def __delitem__(self, span_id: str) -> None:
        if self._made.pop(span_id, None) is None:
            del self._rows[span_id]

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._made or span_id in self._rows

    def __iter__(self) -> Iterator[str]:
        yield from list(self._made)
        yield from list(self._rows)

    def __len__(self) -> int:
        return len(self._made) + len(self._rows)

    def briefs(self) -> Iterator[Brief]:
        """(start, end, label, id) of every span without making Span objects."""
        for s in self._made.values():
            yield (s.start, s.end, s.label, s.id)
        for r in self._rows.values():
            yield (r[1], r[2], r[3], r[0])
