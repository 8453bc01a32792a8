"""Sentences, tokens, quotations and verb forms: the pieces the rules stand on."""

from __future__ import annotations

from annotator.suggest.lexicon import VERB_FORMS, inflections
from annotator.suggest.quotes import find_quotes
from annotator.suggest.text import Region, paragraphs, sentences, tokenize


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for p in paragraphs(text) for s in sentences(text, p)]


def test_repeated_sentences_get_their_own_offsets():
    text = "He said “it works.” He said “it works.”\nThen U.S. officials left. Dr. Smith agreed."
    found = [(s.start, s.end) for p in paragraphs(text) for s in sentences(text, p)]
    assert _sentences(text) == ["He said “it works.”", "He said “it works.”", "Then U.S. officials left.", "Dr. Smith agreed."]
    assert found[0] != found[1]


def test_paragraphs_are_lines_without_their_blanks():
    text = "  First line.  \n\n\tSecond.\n"
    assert [text[p.start : p.end] for p in paragraphs(text)] == ["First line.", "Second."]


def test_tokens_keep_abbreviations_possessives_and_numbers_whole():
    text = "The U.S. president’s aide paid 4,000.50 dollars."
    assert [t.text for t in tokenize(text, 0, len(text))] == ["The", "U.S.", "president’s", "aide", "paid", "4,000.50", "dollars", "."]


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text, 0, len(text))]


def test_quotes_of_every_style_pair_up():
    text = "“One,” he said; \"two\"; «three»; ‘four’ and 'five' ended."
    assert _quoted(text) == ["“One,”", "\"two\"", "«three»", "‘four’", "'five'"]


def test_apostrophes_are_not_quotes():
    text = "Trump’s aides can’t say the leaders' plans. It's Europeans' call."
    assert _quoted(text) == []


def test_single_quotes_nest_inside_double_ones():
    text = "“He used my motto, ‘COMMON SENSE.’ We believe it,” Trump said."
    assert _quoted(text) == ["“He used my motto, ‘COMMON SENSE.’ We believe it,”"]


def test_a_closing_mark_used_to_open_still_pairs():
    text = "”They have rare earth metals.” Then silence."
    assert _quoted(text) == ["”They have rare earth metals.”"]


def test_a_quote_left_open_ends_with_its_sentence_and_is_marked():
    text = "“We each talked, the president said. Later he left."
    quotes = find_quotes(text, 0, len(text), [text.index("Later") - 1, len(text)])
    assert [(text[q.start : q.end], q.closed) for q in quotes] == [("“We each talked, the president said.", False)]


def test_inflections_of_regular_and_irregular_verbs():
    assert inflections("say") == ("say", "says", "said", "said", "saying")
    assert inflections("deny") == ("deny", "denies", "denied", "denied", "denying")
    assert inflections("note") == ("note", "notes", "noted", "noted", "noting")
    assert inflections("stress") == ("stress", "stresses", "stressed", "stressed", "stressing")
    assert inflections("admit") == ("admit", "admits", "admitted", "admitted", "admitting")


def test_lexicon_maps_forms_to_lemmas():
    assert (VERB_FORMS["told"], VERB_FORMS["insisted"], VERB_FORMS["disputes"], VERB_FORMS["believing"]) == (
        "tell", "insist", "dispute", "believe",
    )


def test_sentences_of_a_region_inside_a_longer_text():
    text = "xx A first one. A second one. yy"
    assert [text[s.start : s.end] for s in sentences(text, Region(3, 29))] == ["A first one.", "A second one."]
