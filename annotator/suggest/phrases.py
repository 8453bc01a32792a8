"""Noun phrases that name a source, found by walking the tokens left or right of a cue.

No tagger: a phrase is built from capitalised words (names, acronyms), role and body nouns
("aide", "ministry"), their modifiers, determiners and a few linking words ("of", "for", "and"),
and a pronoun counts on its own. Appositions are followed ("Farhan Haq, Deputy Spokesman for
the UN, said"), asides skipped (", in turn,").
"""

from __future__ import annotations

from annotator.suggest.lexicon import (
    ASIDES, CAPITAL_STOPWORDS, CONNECTORS, DETERMINERS, FUNCTION_WORDS, MODIFIERS, OBJECT_PRONOUNS,
    QUANTIFIER_SUBJECTS, ROLE_NOUNS, SKIP_BEFORE_VERB, SUBJECT_PRONOUNS, VERB_FORMS,
)
from annotator.suggest.text import Token

ROLE_SUFFIXES = ("ist", "ists", "ian", "ians", "man", "men", "woman", "women", "person", "people")


def is_name(tok: Token) -> bool:
    if not tok.is_word or not tok.capitalised:
        return False
    return tok.bare not in CAPITAL_STOPWORDS and tok.bare not in SUBJECT_PRONOUNS


def is_role(tok: Token) -> bool:
    if not tok.is_word or tok.capitalised and not is_name(tok):
        return False
    bare = tok.bare
    if bare in ROLE_NOUNS or (bare.endswith("s") and bare[:-1] in ROLE_NOUNS):
        return True
    return len(bare) > 4 and bare.endswith(ROLE_SUFFIXES) and bare not in VERB_FORMS


def is_head(tok: Token) -> bool:
    return is_name(tok) or is_role(tok)


def is_modifier(tok: Token) -> bool:
    return tok.is_word and not tok.capitalised and tok.bare in MODIFIERS


def is_det(tok: Token) -> bool:
    return tok.lower in DETERMINERS


def is_pronoun(tok: Token, objects: bool = False) -> bool:
    return tok.lower in SUBJECT_PRONOUNS or (objects and tok.lower in OBJECT_PRONOUNS)


def is_plain_noun(tok: Token) -> bool:
    """A lowercase word that may be a noun: not a function word, not a verb of saying, not an adverb."""
    low = tok.bare
    return (low.isalpha() and not tok.capitalised and low not in FUNCTION_WORDS
            and (low not in VERB_FORMS or tok.possessive) and not low.endswith("ly") and low not in DETERMINERS)


def _np_token(tok: Token) -> bool:
    return is_head(tok) or is_modifier(tok) or is_det(tok)


def _trim(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """Drop linking words and determiners at the ends; None unless a head word remains."""
    while lo <= hi and (tokens[lo].lower in CONNECTORS or tokens[lo].text in ",()"):
        lo += 1
    while hi >= lo and (tokens[hi].lower in CONNECTORS or is_det(tokens[hi]) or tokens[hi].text in ",("
                        or is_modifier(tokens[hi]) and not is_role(tokens[hi])):
        hi -= 1
    if lo > hi or not any(is_head(tokens[k]) for k in range(lo, hi + 1)):
        return None
    return lo, hi


def _walk_left(tokens: list[Token], k: int, lo: int) -> int:
    """The leftmost index of the noun phrase that ends at tokens[k] (a head word)."""
    first = k
    j = k - 1
    while j >= lo:
        tok = tokens[j]
        if tok.text == ")":
            opening = next((m for m in range(j - 1, max(lo, j - 10) - 1, -1) if tokens[m].text == "("), None)
            if opening is None or opening <= lo:
                break
            j = opening - 1
            continue
        if is_head(tok) or is_modifier(tok):
            first = j
        elif is_plain_noun(tok) and j + 1 == first and (is_role(tokens[first]) or is_modifier(tokens[first]) or is_name(tokens[first])):
            first = j  # a noun before a role noun: "shop owner", "health secretary"
        elif is_det(tok):
            first = j
            if not (j - 1 >= lo and tokens[j - 1].lower in CONNECTORS):
                break
        elif tok.lower in CONNECTORS:
            if tok.lower == "to" and not (j - 1 >= lo and is_role(tokens[j - 1])):
                break
            if not (j - 1 >= lo and (_np_token(tokens[j - 1]) or tokens[j - 1].text == ")")):
                break
        else:
            break
        j -= 1
    return first


def _aside_before(tokens: list[Token], comma: int, lo: int) -> int | None:
    """If tokens[comma] closes an aside (", in turn," / ", which …,"), the index before the aside."""
    opening = next((m for m in range(comma - 1, max(lo, comma - 12) - 1, -1) if tokens[m].text == ","), None)
    if opening is None:
        return None
    words = tuple(t.lower for t in tokens[opening + 1 : comma])
    if words in ASIDES or (words and words[0] in ("who", "which", "whose")):
        return opening - 1
    return None


def _is_plain_name(tokens: list[Token], lo: int, hi: int) -> bool:
    return 0 < hi - lo + 1 <= 4 and all(is_name(tokens[m]) for m in range(lo, hi + 1))


def np_before(tokens: list[Token], verb: int, lo: int) -> tuple[int, int] | None:
    """The subject of the verb at tokens[verb]: a token range (inclusive), or None."""
    k = verb - 1
    while k >= lo:
        tok = tokens[k]
        if tok.lower in SKIP_BEFORE_VERB or (tok.lower.endswith("ly") and len(tok.text) > 4 and not tok.capitalised):
            k -= 1
        elif tok.text == "," and (back := _aside_before(tokens, k, lo)) is not None:
            k = back
        else:
            break
    if k < lo:
        return None
    if is_pronoun(tokens[k]) or tokens[k].lower in QUANTIFIER_SUBJECTS:
        return (k, k)
    if tokens[k].text == ",":
        return _apposition(tokens, k, lo)
    if not is_head(tokens[k]):
        return _determined_noun(tokens, k, lo)
    first = _walk_left(tokens, k, lo)
    found = _trim(tokens, first, k)
    if found is None:
        return None
    start, end = found
    if start - 1 > lo and tokens[start - 1].text == "," and not is_name(tokens[start]):
        widened = _apposition(tokens, end + 1, lo, inner=(start, end))
        if widened:
            return widened
    return _listed(tokens, start, lo), end


def _determined_noun(tokens: list[Token], k: int, lo: int) -> tuple[int, int] | None:
    """ "The hospital confirmed": an unlisted noun is a subject when a determiner opens its phrase."""
    j = k
    while j >= lo and j > k - 4 and (is_plain_noun(tokens[j]) or is_modifier(tokens[j])):
        j -= 1
    if j >= lo and j < k and is_det(tokens[j]) and is_plain_noun(tokens[k]):
        return j, k
    return None


def _listed(tokens: list[Token], start: int, lo: int) -> int:
    """ "Germany, France, Poland and the UK said": the start of a list of names that opens the sentence."""
    j, first, chunks = start - 1, start, 0
    while j > lo and tokens[j].text == ",":
        m = j - 1
        while m >= lo and m > j - 5 and (is_name(tokens[m]) or is_det(tokens[m])):
            m -= 1
        if m == j - 1:
            break
        first, chunks, j = m + 1, chunks + 1, m
    return first if chunks >= 2 and first == lo else start


def _apposition(tokens: list[Token], comma: int, lo: int, inner: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """ "Name, description, verb" or "Name, description verb": the whole, when a name is found."""
    end = comma - 1
    if inner is None:
        if end < lo or not is_head(tokens[end]):
            return None
        first = _walk_left(tokens, end, lo)
        inner = _trim(tokens, first, end)
        if inner is None:
            return None
    start = inner[0]
    for _ in range(3):  # at most three descriptions between commas
        if start - 2 < lo or tokens[start - 1].text != ",":
            return None
        k = start - 2
        if not is_head(tokens[k]):
            return None
        first = _walk_left(tokens, k, lo)
        chunk = _trim(tokens, first, k)
        if chunk is None:
            return None
        opens = chunk[0] == lo or tokens[chunk[0] - 1].text in {",", ";", ":"} or not tokens[chunk[0] - 1].is_word
        if _is_plain_name(tokens, *chunk) and opens:
            return chunk[0], inner[1]
        if opens and _is_plain_name(tokens, *inner) and is_role(tokens[chunk[1]]):
            return chunk[0], inner[1]  # "His lawyer, Carla Mendes, said"
        start = chunk[0]
    return None


def np_after(tokens: list[Token], i: int, hi: int, objects: bool = False) -> tuple[int, int] | None:
    """A noun phrase starting at tokens[i] (after "according to", a verb, a quote)."""
    if i >= hi:
        return None
    if is_pronoun(tokens[i], objects=objects):
        return (i, i)
    if objects and is_plain_noun(tokens[i]) and tokens[i].bare.endswith("s") and not (i + 1 < hi and is_head(tokens[i + 1])):
        return (i, i)  # "according to figures released …", "told reporters"
    j = i
    last = None
    while j < hi:
        tok = tokens[j]
        if tok.text == "(":
            closing = next((m for m in range(j + 1, min(hi, j + 10)) if tokens[m].text == ")"), None)
            if closing is None:
                break
            j = closing + 1
            continue
        if is_head(tok):
            last = j
            if tok.possessive and not (j + 1 < hi and (is_head(tokens[j + 1]) or is_modifier(tokens[j + 1]) or is_plain_noun(tokens[j + 1]))):
                break  # "Zelensky's words": the name is the source
        elif is_modifier(tok) or is_det(tok):
            pass
        elif is_plain_noun(tok) and (j + 1 < hi and (is_role(tokens[j + 1]) or is_name(tokens[j + 1]))):
            pass  # "lead author Dr Hart", "councillor Priya Shah"
        elif is_plain_noun(tok) and j > i and (is_det(tokens[j - 1]) or is_modifier(tokens[j - 1])) and last is None:
            if not (j + 1 < hi and tokens[j + 1].lower == "of"):
                return i, j  # "the indictment", "a study": a determined noun
            last = j
        elif tok.lower in CONNECTORS:
            if tok.lower == "to" and not is_role(tokens[j - 1]):
                break
            if not (j + 1 < hi and (_np_token(tokens[j + 1]))):
                break
        else:
            break
        j += 1
    if last is None:
        return None
    return _trim(tokens, i, last)


def subject_of_sentence(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The first noun phrase of a sentence, stepping over an opening phrase ("By September, …")."""
    i = lo
    if i < hi and not (_np_token(tokens[i]) or is_pronoun(tokens[i])):
        comma = next((m for m in range(i, min(hi, i + 8)) if tokens[m].text == ","), None)
        if comma is None:
            return None
        i = comma + 1
    return np_after(tokens, i, hi)
