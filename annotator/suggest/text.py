"""Paragraphs, sentences and word tokens, each with code-point offsets into the document text.

Sentences come from pysbd (rule-based, its rules ship in the wheel). It runs per paragraph and its
sentences are located in the paragraph by a forward search, so offsets stay exact even when a
sentence repeats word for word (scraped pages do that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\d+(?:[.,]\d+)+|\w+(?:[’'\-]\w+)*(?:[’']s\b)?|[^\w\s]")
LINE_RE = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def bare(self) -> str:
        """Lowercase, without a possessive ending: "President’s" → "president"."""
        low = self.text.lower()
        return low[:-2] if low.endswith(("’s", "'s")) else low

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("’s", "'s", "s’", "s'"))

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(frozen=True)
class Region:
    start: int
    end: int


def paragraphs(text: str) -> list[Region]:
    """Each non-blank line, without its surrounding whitespace."""
    out = []
    for match in LINE_RE.finditer(text):
        chunk = match.group()
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Region(match.start() + lead, match.start() + len(chunk.rstrip())))
    return out


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def sentences(text: str, paragraph: Region) -> list[Region]:
    """Sentences of one paragraph, trimmed, covering it in order."""
    chunk = text[paragraph.start : paragraph.end]
    out: list[Region] = []
    cursor = 0
    for piece in _segmenter().segment(chunk):
        piece = piece.strip()
        if not piece:
            continue
        at = chunk.find(piece, cursor)
        if at < 0:  # pysbd changed the text after all: keep the rest as one sentence
            break
        out.append(Region(paragraph.start + at, paragraph.start + at + len(piece)))
        cursor = at + len(piece)
    rest = chunk[cursor:]
    if rest.strip():
        lead = len(rest) - len(rest.lstrip())
        out.append(Region(paragraph.start + cursor + lead, paragraph.start + cursor + len(rest.rstrip())))
    return out


def tokenize(text: str, start: int, end: int) -> list[Token]:
    return [Token(start + m.start(), start + m.end(), m.group()) for m in TOKEN_RE.finditer(text[start:end])]
