"""Quotations in a paragraph, in every style: " “ ” « » „ ‘ ’ and '.

Curly and angled marks say which way they face; straight marks alternate; a ’ or ' between letters
is an apostrophe. Scraped text is sloppy (“… closed by ", a ” that opens), so the pairing forgives
that. Only top-level quotations are returned; one left open ends with its first sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_OPEN = "“„"
DOUBLE_CLOSE = "”"
GUILLEMET_OPEN, GUILLEMET_CLOSE = "«", "»"
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (or where an unclosed quote is cut)
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return (self.start + 1, self.end - 1 if self.closed else self.end)


def _letter(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(text: str, start: int, end: int, sentence_ends: list[int] | None = None) -> list[Quote]:
    """Top-level quotations inside text[start:end]."""
    stack: list[tuple[str, int]] = []  # (kind, position); kind in "d" (double), "g", "s" (single), "'"
    found: list[Quote] = []

    def close(position: int) -> None:
        kind, opened = stack.pop()
        if not stack:
            found.append(Quote(opened, position + 1))

    for i in range(start, end):
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        top = stack[-1][0] if stack else None
        if ch in DOUBLE_OPEN:
            stack.append(("d", i))
        elif ch == DOUBLE_CLOSE:
            if top == "d":
                close(i)
            elif top in ("s", "'") and any(k == "d" for k, _ in stack):
                while stack[-1][0] != "d":  # an inner single quote left open
                    stack.pop()
                close(i)
            elif not stack and _letter(after) and not _letter(before):
                stack.append(("d", i))  # a ” used as an opening mark
        elif ch == '"':
            if top == "d" or (top in ("s", "'") and any(k == "d" for k, _ in stack)):
                while stack[-1][0] != "d":
                    stack.pop()
                close(i)
            else:
                stack.append(("d", i))
        elif ch == GUILLEMET_OPEN:
            stack.append(("g", i))
        elif ch == GUILLEMET_CLOSE:
            if top == "g":
                close(i)
        elif ch == SINGLE_OPEN:
            if not _letter(before):
                stack.append(("s", i))
        elif ch == SINGLE_CLOSE or ch == "'":
            if _letter(before) and _letter(after):
                continue  # apostrophe inside a word
            if top in ("s", "'") and not _letter(after):
                close(i)
            elif ch == "'" and not _letter(before) and _letter(after):
                stack.append(("'", i))
    # Quotes left open: a double or angled one runs to the end of its sentence; singles were apostrophes.
    for kind, opened in stack[:1]:
        if kind in ("d", "g"):
            cut = end
            for boundary in sentence_ends or []:
                if boundary > opened + 1:
                    cut = min(cut, boundary)
                    break
            found.append(Quote(opened, cut, closed=False))
    found.sort(key=lambda q: q.start)
    return found
