"""The tokeniser of DESIGN.md's agreement definitions, and word snapping built on the same rule."""

from __future__ import annotations

import re

TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token offsets (start, end) as agreement and BIO exports count them."""
    return [m.span() for m in TOKEN.finditer(text)]


def _is_word(ch: str) -> bool:
    return bool(_WORD.match(ch))


def word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow [start, end) to whole tokens and trim white space at its edges."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s == e:
        return start, end
    while s > 0 and _is_word(text[s - 1]) and _is_word(text[s]):
        s -= 1
    while e < len(text) and _is_word(text[e]) and _is_word(text[e - 1]):
        e += 1
    return s, e
