"""Offsets: Python str indices (code points), half-open. Conversions to UTF-16 units live here only."""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def span_error(text: str, start: object, end: object, expected: str | None = None) -> str | None:
    """Why [start, end) is not a valid span of `text` (None when it is)."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return f"offsets must be integers, got start={start!r} end={end!r}"
    if start < 0 or end > len(text):
        return f"offsets [{start}, {end}) out of range for a text of {len(text)} characters"
    if start >= end:
        return f"offsets [{start}, {end}) are reversed or empty"
    if expected is not None and text[start:end] != expected:
        return (
            f"span text {expected!r} differs from the document text {text[start:end]!r} "
            f"at offsets [{start}, {end})"
        )
    return None


class Utf16Map:
    """Code point ↔ UTF-16 unit positions for one text, O(log n) per conversion.

    Qt (QTextCursor), UIMA/INCEpTION and JavaScript tools count UTF-16 units; astral characters
    (emoji, flags, some CJK) take two units there and one code point here.
    """

    def __init__(self, text: str) -> None:
        self._astral_cp = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        # UTF-16 position of each astral character: k astral characters precede the k-th.
        self._astral_u16 = [p + k for k, p in enumerate(self._astral_cp)]
        self.cp_length = len(text)
        self.u16_length = len(text) + len(self._astral_cp)

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self.cp_length:
            raise IndexError(f"code point offset {cp} outside 0..{self.cp_length}")
        return cp + bisect_left(self._astral_cp, cp)

    def from_utf16(self, unit: int) -> int:
        """A UTF-16 position to code points; a position inside a surrogate pair snaps to its start."""
        if not 0 <= unit <= self.u16_length:
            raise IndexError(f"UTF-16 offset {unit} outside 0..{self.u16_length}")
        before = bisect_right(self._astral_u16, unit - 2)  # astral chars wholly before `unit`
        if before < len(self._astral_u16) and self._astral_u16[before] == unit - 1:
            return unit - 1 - before
        return unit - before

    def is_boundary(self, unit: int) -> bool:
        """False for a UTF-16 position that falls between the two halves of a surrogate pair."""
        i = bisect_left(self._astral_u16, unit - 1)
        return not (i < len(self._astral_u16) and self._astral_u16[i] == unit - 1)


def to_utf16(text: str, cp: int) -> int:
    return Utf16Map(text).to_utf16(cp)


def from_utf16(text: str, unit: int) -> int:
    return Utf16Map(text).from_utf16(unit)
