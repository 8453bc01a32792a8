"""One paragraph read for attribution: tokens, sentences, quotations, and the helpers the rules
share (claim trimming, spans, quotations next to a cue, platform and document phrases)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from annotator.suggest.lexicon import DETERMINERS, DOCUMENT_NOUNS, PLATFORM_WORDS, SKIP_BEFORE_VERB
from annotator.suggest.phrases import is_det, is_head, is_modifier, is_plain_noun, is_pronoun, np_after
from annotator.suggest.quotes import Quote, find_quotes
from annotator.suggest.text import Region, Token, sentences, tokenize

Span = tuple[int, int]
PAIRS = {"”": "“", "»": "«", "\"": "\"", "’": "‘", "'": "'"}
OPENING = "“„«\"‘'"
CLOSING = "”»\"’'"
TRAILING = " \t\n\u00a0.,;:"
# A sentence that pysbd left joined: ends with a closing quote, the next opens one.
MISSED_BREAK = re.compile(r"[.!?][”\"»’]?\s+(?=[“\"«])")
PREPOSITIONS = {"in", "on", "at", "to", "with", "during", "after", "before", "from", "by", "about", "later", "earlier"}


@dataclass
class Attribution:
    claim: Span
    cues: list[Span] = field(default_factory=list)
    sources: list[Span] = field(default_factory=list)
    disputers: list[Span] = field(default_factory=list)
    category: str = "attributed"
    lemma: str = ""
    rule: str = ""
    confidence: float = 0.5
    from_quote: bool = False
    frame: int = 0  # where the attribution's own words begin (for cutting an enclosing claim)


class ParagraphText:
    """The tokens, sentences and quotations of one paragraph."""

    def __init__(self, text: str, region: Region) -> None:
        self.text = text
        self.tokens: list[Token] = tokenize(text, region.start, region.end)
        self.sentences = sentences(text, region)
        self.quotes = find_quotes(text, region.start, region.end, [s.end for s in self.sentences])
        self.closed = [q for q in self.quotes if q.closed]
        starts = [t.start for t in self.tokens]
        self.masked = [False] * len(self.tokens)
        for q in self.closed:
            for k in range(bisect_right(starts, q.start), bisect_right(starts, q.end - 1)):
                self.masked[k] = True
        self.bounds: list[tuple[int, int]] = []
        for s in self.sentences:
            self.bounds.append((bisect_right(starts, s.start - 1), bisect_right(starts, s.end - 1)))

    # spans -----------------------------------------------------------------------------------
    def span(self, rng: tuple[int, int]) -> Span:
        start, end = self.tokens[rng[0]].start, self.tokens[rng[1]].end
        if self.tokens[rng[1]].text.endswith(("’s", "'s")):
            end -= 2  # "Trump’s claim": the source is "Trump"
        return start, end

    def claim(self, start: int, end: int) -> Span | None:
        """Trimmed claim text between two character offsets: no complementiser, no final stop."""
        text = self.text
        if (cut := MISSED_BREAK.search(text, start, end)) and cut.start() > start + 1:
            end = cut.start() + 1
        while start < end and text[start] in " \t\u00a0":
            start += 1
        if text.startswith("that ", start):
            start += 5
        while True:
            while end > start and text[end - 1] in TRAILING:
                end -= 1
            if end - start < 2 or text[end - 1] not in CLOSING:
                break
            mark = text[end - 1]
            opening = PAIRS[mark]
            unbalanced = text.count(opening, start, end - 1) < text.count(mark, start, end) if mark != opening else text.count(mark, start, end) % 2 == 1
            if text[end - 2] in ".,;:!?" or unbalanced:
                end -= 1  # the quotation closes with the sentence, or opened before the claim
            else:
                break
        if end > start + 1 and text[start] in OPENING:
            closing = [c for c, o in PAIRS.items() if o == text[start]]
            inner = text[start + 1 : end - 1]
            if text[end - 1] in closing and not any(mark in inner for mark in "“”\"«»"):
                start, end = start + 1, end - 1  # the claim is one quotation: its words
                while end > start and text[end - 1] in TRAILING:
                    end -= 1
            elif not any(c in text[start + 1 : end] for c in closing):
                start += 1  # opened in the claim and closed after it
        if end - start < 2 or not any(ch.isalpha() for ch in text[start:end]):
            return None
        return start, end

    def sentence_of(self, i: int) -> tuple[int, int]:
        for lo, hi in self.bounds:
            if lo <= i < hi:
                return lo, hi
        return 0, len(self.tokens)

    def quote_before(self, i: int) -> Quote | None:
        """A closed quotation that ends just before token i (with only a name and commas between)."""
        at = self.tokens[i].start
        for q in reversed(self.closed):
            if q.end > at:
                continue
            tail = self.text[q.end - 2 : q.end + 1]
            if not (tail[0] in ",.!?" or tail[-1:] == ","):
                return None  # “a mixed quote” and also said …: not the end of a quotation
            between = [t for t in self.tokens if q.end <= t.start < at]
            if len(between) > 10:
                return None
            for t in between:
                if not (t.text in ",.!?" or is_head(t) or is_det(t) or is_modifier(t) or is_pronoun(t)
                        or is_plain_noun(t) or t.lower in ("of", "and", "later", "also", "then")):
                    return None
            return q
        return None

    def quote_at(self, k: int) -> Quote | None:
        if k >= len(self.tokens):
            return None
        return next((q for q in self.closed if q.start == self.tokens[k].start), None)

    # cue extensions ------------------------------------------------------------------------------
    def platform(self, k: int, hi: int) -> int:
        """ "on Truth Social", "in a post on X": the index after it (k when there is none)."""
        toks = self.tokens
        j = k
        if j + 2 < hi and toks[j].lower == "in" and toks[j + 1].lower in DETERMINERS and toks[j + 2].lower in ("post", "message", "video", "tweet"):
            j += 3
        if j < hi and toks[j].lower == "on":
            m = j + 1
            while m < hi and toks[m].lower in PLATFORM_WORDS:
                m += 1
            if m > j + 1 and toks[m - 1].lower not in DETERMINERS:
                return m
        return k if j == k else j

    def document_source(self, k: int, hi: int) -> tuple[Span | None, int]:
        """ "in a statement to CBS" after a cue: the document as a source, and the index after it."""
        toks = self.tokens
        if not (k + 2 < hi and toks[k].lower == "in" and toks[k + 1].lower in DETERMINERS):
            return None, k
        m = k + 2
        if m < hi and toks[m].lower in ("joint", "written", "separate", "short", "brief", "exclusive"):
            m += 1
        if m >= hi or toks[m].lower not in DOCUMENT_NOUNS:
            return None, k
        last = m
        if m + 2 < hi and toks[m + 1].lower in ("to", "with", "for", "on") and (owner := np_after(toks, m + 2, hi)):
            last = owner[1]
        return self.span((k + 1, last)), last + 1

    def leading_document_source(self, lo: int, subject_start: int) -> Span | None:
        """ "In a commentary to TASS, X said …": the opening phrase, when it names a document."""
        if subject_start - 1 <= lo or self.tokens[subject_start - 1].text != ",":
            return None
        found, after = self.document_source(lo, subject_start - 1)
        return found if found and after == subject_start - 1 else None

    # rules -------------------------------------------------------------------------------------
    def coordinated(self, i: int, lo: int) -> int | None:
        """ "… and (also) said …": the index of the "and" that joins this verb to an earlier one."""
        k = i - 1
        while k >= lo and self.tokens[k].lower in SKIP_BEFORE_VERB:
            k -= 1
        return k if k >= lo and self.tokens[k].lower == "and" else None

    def _only_trailer(self, k: int, hi: int) -> bool:
        """Only an addressee, a time or a place is left before the end of the sentence."""
        rest = self.tokens[k:hi]
        if len(rest) > 7 or not rest or rest[-1].text not in ".!":
            return len(rest) == 0
        return all(t.text in ".!," or is_head(t) or is_det(t) or is_modifier(t) or t.lower in PREPOSITIONS for t in rest)
