"""Finding cues: verbs of saying in use as verbs, phrases ("according to", "made it clear"),
participles (", adding that …") and nouns of saying with an owner ("Trump's claim that …")."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.suggest.lexicon import (
    CATEGORY, CUE_NOUNS, NOUN_LIKE, PARTICIPLE_CUES, PHRASE_CUES, POST_QUOTE_ONLY, SKIP_BEFORE_VERB, VERB_FORMS,
)
from annotator.suggest.phrases import is_det, is_head, is_modifier, is_name, is_pronoun
from annotator.suggest.text import Token

PHRASES = sorted(PHRASE_CUES, key=len, reverse=True)
PASSIVE_AUX = {"was", "were", "is", "are", "been", "be", "being"}
CLOSING_MARKS = "”\"’'»"


@dataclass
class Cue:
    first: int  # token indexes, inclusive
    last: int
    lemma: str
    category: str
    kind: str  # verb, phrase, according, participle, noun, postquote
    passive: bool = False


def _prev_word(tokens: list[Token], i: int, lo: int) -> int | None:
    """Index of the nearest token left of i that is not an auxiliary or adverb."""
    k = i - 1
    while k >= lo and (tokens[k].lower in SKIP_BEFORE_VERB or (tokens[k].lower.endswith("ly") and len(tokens[k].text) > 4)):
        k -= 1
    return k if k >= lo else None


def _after_quote(tokens: list[Token], i: int, lo: int) -> bool:
    """Right after a closing quotation mark, possibly with a comma and a name between."""
    k = i - 1
    steps = 0
    while k >= lo and steps < 8:
        text = tokens[k].text
        if text in CLOSING_MARKS or text in "»":
            return True
        if text in ",.!?" or is_head(tokens[k]) or is_det(tokens[k]) or is_modifier(tokens[k]) or tokens[k].lower in ("of", "and"):
            k -= 1
            steps += 1
            continue
        return False
    return False


def find_cues(tokens: list[Token], masked: list[bool], lo: int, hi: int) -> list[Cue]:
    """Cues among tokens[lo:hi], skipping tokens inside quotations (the speaker's own words)."""
    cues: list[Cue] = []
    i = lo
    while i < hi:
        if masked[i]:
            i += 1
            continue
        tok = tokens[i]
        low = tok.lower
        if low == "according" and i + 1 < hi and tokens[i + 1].lower == "to":
            cues.append(Cue(i, i + 1, "according to", "attributed", "according"))
            i += 2
            continue
        phrase = next((p for p in PHRASES if tuple(t.lower for t in tokens[i : i + len(p)]) == p), None)
        if phrase is not None and not tok.capitalised:
            lemma = VERB_FORMS.get(phrase[0], phrase[0])
            cues.append(Cue(i, i + len(phrase) - 1, " ".join(phrase), PHRASE_CUES[phrase], "phrase"))
            i += len(phrase)
            continue
        cue = _verb_cue(tokens, i, lo) or _noun_cue(tokens, i, lo, hi)
        if cue is not None:
            cues.append(cue)
        i += 1
    return cues


def _verb_cue(tokens: list[Token], i: int, lo: int) -> Cue | None:
    tok = tokens[i]
    low = tok.lower
    if low not in VERB_FORMS or tok.capitalised:
        return None
    lemma = VERB_FORMS[low]
    category = CATEGORY.get(lemma, "attributed")
    prev = i - 1 if i - 1 >= lo else None
    if low in PARTICIPLE_CUES and prev is not None and tokens[prev].text == ",":
        return Cue(i, i, lemma, category, "participle")
    if lemma in POST_QUOTE_ONLY:
        return Cue(i, i, lemma, category, "postquote") if _after_quote(tokens, i, lo) else None
    if low.endswith("ing") and low != lemma:
        return None  # "the reporting", "while saying": only the participle after a comma counts
    subject = _prev_word(tokens, i, lo)
    if subject is not None and (is_det(tokens[subject]) or is_modifier(tokens[subject])):
        return None  # "the reported incident", "a report"
    if low in NOUN_LIKE:
        # Base forms that are usually nouns count only after a subject or a quotation.
        if subject is None or not (is_head(tokens[subject]) or is_pronoun(tokens[subject])) or is_name(tokens[subject]) and tokens[subject].possessive:
            if not _after_quote(tokens, i, lo):
                return None
    passive = any(tokens[k].lower in PASSIVE_AUX for k in range(max(lo, i - 2), i)) and low != lemma
    return Cue(i, i, lemma, category, "verb", passive=passive)


def _noun_cue(tokens: list[Token], i: int, lo: int, hi: int) -> Cue | None:
    """ "X's claim (made …) that", "the reasoning of X that": only with an owner to name the source."""
    tok = tokens[i]
    if tok.lower not in CUE_NOUNS:
        return None
    owned = i - 1 >= lo and tokens[i - 1].possessive and is_name(tokens[i - 1])
    of_owner = i + 2 < hi and tokens[i + 1].lower == "of" and (is_det(tokens[i + 2]) or is_head(tokens[i + 2]))
    if not (owned or of_owner):
        return None
    window = [t.lower for t in tokens[i + 1 : min(hi, i + 16)]]
    if "that" not in window or any(mark in window[: window.index("that")] for mark in (".", ";", "?", "!")):
        return None
    return Cue(i, i, tok.lower, "attributed", "noun")
