"""Word snapping and growing spans by words, without ever splitting a character from its combining marks."""

from __future__ import annotations

import unicodedata

from annotator.core.tokens import TOKEN, word_bounds

_JOINERS = {"\u200d", "\u200c"}  # zero-width (non-)joiner keep emoji sequences and Arabic shaping together


def _attached(ch: str) -> bool:
    """True for characters that belong to the character before them: marks, joiners, variation selectors."""
    if ch in _JOINERS:
        return True
    cat = unicodedata.category(ch)
    if cat.startswith("M"):
        return True
    code = ord(ch)
    return 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0100 <= code <= 0xE01EF


def cluster_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Move start back and end forward so that no combining mark or joiner is cut from its base."""
    while 0 < start < len(text) and _attached(text[start]):
        start -= 1
    while end < len(text) and _attached(text[end]):
        end += 1
        # a joiner pulls in the character it joins (👩‍💻)
        if text[end - 1] in _JOINERS and end < len(text):
            end += 1
    return start, end


def snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) to whole words (the agreement tokeniser's), trimming white space at its edges."""
    s, e = word_bounds(text, start, end)
    while True:  # a word may continue after combining marks (Arabic harakat, decomposed accents)
        s2, e2 = cluster_bounds(text, s, e)
        s3, e3 = word_bounds(text, s2, e2)
        if (s3, e3) == (s, e):
            return s, e
        s, e = s3, e3


def _tokens(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(m.start() + a, m.end() + a) for m in TOKEN.finditer(text[a:b])]


WINDOW = 400  # how far to look for the next word; words are never this long


def grow_end(text: str, start: int, end: int) -> int:
    nxt = _tokens(text, end, min(len(text), end + WINDOW))
    return cluster_bounds(text, start, nxt[0][1])[1] if nxt else end


def shrink_end(text: str, start: int, end: int) -> int:
    inside = _tokens(text, start, end)
    return inside[-2][1] if len(inside) >= 2 else end


def grow_start(text: str, start: int, end: int) -> int:
    prev = _tokens(text, max(0, start - WINDOW), start)
    return prev[-1][0] if prev else start


def shrink_start(text: str, start: int, end: int) -> int:
    inside = _tokens(text, start, end)
    return inside[1][0] if len(inside) >= 2 else start
