"""Finding cues: verbs of saying in use as verbs, phrases ("according to", "made it clear"),
participles (", adding that …") and nouns of saying with an owner ("Trump's claim that …")."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.suggest.lexicon import (
    CATEGORY, CUE_NOUNS, NEGATIONS, NOUN_LIKE, PARTICIPLE_CUES, PHRASE_CUES, POST_QUOTE_ONLY, QUANTIFIER_SUBJECTS,
    SKIP_BEFORE_VERB,
    VERB_FORMS, WEAK_VERBS,
)
from annotator.suggest.phrases import is_det, is_head, is_modifier, is_name, is_plain_noun, is_pronoun
from annotator.suggest.text import Token

PHRASES: dict[str, list[tuple[str, ...]]] = {}
for _phrase in sorted(PHRASE_CUES, key=len, reverse=True):
    PHRASES.setdefault(_phrase[0], []).append(_phrase)
# Words without which a paragraph holds no cue (quotations aside): lets the engine skip it.
CUE_WORDS = frozenset(VERB_FORMS) | frozenset(PHRASES) | frozenset(CUE_NOUNS) | {"according"}
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
    weak: bool = False  # counts only with a "that" clause


def after_comma(tokens: list[Token], i: int, lo: int) -> bool:
    """Token i follows a comma, also one inside a closing quotation (“…,” adding that …)."""
    if i - 1 < lo:
        return False
    if tokens[i - 1].text == ",":
        return True
    return i - 2 >= lo and tokens[i - 1].text in CLOSING_MARKS and tokens[i - 2].text == ","


def _participle_position(tokens: list[Token], i: int, lo: int) -> bool:
    if after_comma(tokens, i, lo):
        return True
    k = _prev_word(tokens, i, lo)
    return k is not None and tokens[k].lower in ("while", "when", "before", "after", "by")


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
        if text in ",.!?" or is_head(tokens[k]) or is_det(tokens[k]) or is_modifier(tokens[k]) or is_pronoun(tokens[k]) or is_plain_noun(tokens[k]) or tokens[k].lower in ("of", "and"):
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
        phrase = next((p for p in PHRASES.get(low, ()) if tuple(t.lower for t in tokens[i : i + len(p)]) == p), None)
        if phrase is not None and not tok.capitalised and _verb_position(tokens, i, lo, phrase[0]):
            kind = "participle" if phrase[0].endswith("ing") and _participle_position(tokens, i, lo) else "phrase"
            cues.append(Cue(i, i + len(phrase) - 1, " ".join(phrase), PHRASE_CUES[phrase], kind))
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
    weak = lemma in WEAK_VERBS
    if low in PARTICIPLE_CUES and _participle_position(tokens, i, lo):
        return Cue(i, i, lemma, category, "participle", weak=weak)
    if lemma in POST_QUOTE_ONLY:
        return Cue(i, i, lemma, category, "postquote") if _after_quote(tokens, i, lo) else None
    if low.endswith("ing") and low != lemma:
        return None  # "the reporting", "while saying": only the participle after a comma counts
    if not _verb_position(tokens, i, lo, low):
        return None
    subject = _prev_word(tokens, i, lo)
    if any(tokens[k].lower in NEGATIONS for k in range((lo - 1 if subject is None else subject) + 1, i)):
        return None  # "has not indicated": nothing was said
    passive = any(tokens[k].lower in PASSIVE_AUX for k in range(max(lo, i - 2), i)) and low != lemma
    return Cue(i, i, lemma, category, "verb", passive=passive, weak=weak)


def _verb_position(tokens: list[Token], i: int, lo: int, word: str) -> bool:
    """Whether a form that could be a noun or an adjective is used as a verb here."""
    subject = _prev_word(tokens, i, lo)
    standalone = subject is not None and tokens[subject].lower in QUANTIFIER_SUBJECTS and word not in NOUN_LIKE
    if subject is not None and (is_det(tokens[subject]) or is_modifier(tokens[subject])) and not standalone:
        return False  # "the reported incident", "his earlier calls for" (but "some said", "others said")
    if word in NOUN_LIKE:
        # Base forms that are usually nouns count only after a subject or a quotation.
        if subject is None or not (is_head(tokens[subject]) or is_pronoun(tokens[subject])) or is_name(tokens[subject]) and tokens[subject].possessive:
            return _after_quote(tokens, i, lo)
    return True


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
