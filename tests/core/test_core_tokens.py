from annotator.core.tokens import tokenize, word_bounds


def test_tokens_follow_the_design_regex():
    text = "Trump said: “no”."
    assert [text[s:e] for s, e in tokenize(text)] == ["Trump", "said", ":", "“", "no", "”", "."]


def test_word_bounds_grows_to_whole_words_and_trims_space():
    text = "Yuri Ushakov reported that"
    assert word_bounds(text, 2, 8) == (0, 12)
    assert text[slice(*word_bounds(text, 12, 22))] == "reported"


def test_word_bounds_keeps_punctuation_selection():
    text = "a, b"
    assert word_bounds(text, 1, 2) == (1, 2)


def test_word_bounds_of_whitespace_is_unchanged():
    assert word_bounds("a   b", 1, 3) == (1, 3)
