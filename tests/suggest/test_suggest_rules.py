"""The rule engine on sentences written for these tests: what it proposes, exactly where."""

from __future__ import annotations

import pytest

from annotator.suggest import suggest_text

CLAIMS = ("attributed", "contested", "opinion")


def _found(text: str) -> dict[str, list[str]]:
    """Label -> the texts of the suggested spans with that label, in text order."""
    out: dict[str, list[str]] = {}
    for span in suggest_text(text).spans:
        out.setdefault(span.label, []).append(text[span.start : span.end])
    return out


def _links(text: str) -> set[tuple[str, str, str]]:
    result = suggest_text(text)
    by_key = {s.key: text[s.start : s.end] for s in result.spans}
    return {(by_key[link.head], by_key[link.tail], link.label) for link in result.links}


def test_reported_that_clause_gives_cue_source_claim_and_link():
    text = "Russian president’s aide Yuri Ushakov reported that Vladimir Putin congratulated Trump on his success."
    assert _found(text) == {
        "source": ["Russian president’s aide Yuri Ushakov"],
        "cue": ["reported"],
        "attributed": ["Vladimir Putin congratulated Trump on his success"],
    }
    assert _links(text) == {("Vladimir Putin congratulated Trump on his success", "Russian president’s aide Yuri Ushakov", "said_by")}


@pytest.mark.parametrize(
    "text",
    [
        "“The talks went well,” the minister said.",
        "\"The talks went well,\" the minister said.",
        "«The talks went well», the minister said.",
        "‘The talks went well,’ the minister said.",
        "'The talks went well,' the minister said.",
    ],
)
def test_every_quote_style_gives_the_quoted_words(text):
    assert _found(text) == {"attributed": ["The talks went well"], "source": ["the minister"], "cue": ["said"]}


def test_speaker_after_the_verb():
    text = "“We will appeal,” said Governor Maria Lopez."
    assert _found(text) == {"attributed": ["We will appeal"], "cue": ["said"], "source": ["Governor Maria Lopez"]}


def test_speaker_and_colon_before_a_quotation():
    text = "The agency wrote on Telegram: “Two drones were shot down overnight.”"
    assert _found(text) == {
        "source": ["The agency"], "cue": ["wrote on Telegram"], "attributed": ["Two drones were shot down overnight"],
    }


def test_pronoun_source_with_a_bare_clause():
    assert _found("She said she had never seen the documents.") == {
        "source": ["She"], "cue": ["said"], "attributed": ["she had never seen the documents"],
    }


def test_organisation_source_and_addressee_skipped():
    text = "The Kremlin told reporters that the meeting would take place in Budapest."
    assert _found(text) == {
        "source": ["The Kremlin"], "cue": ["told"], "attributed": ["the meeting would take place in Budapest"],
    }


def test_according_to_opening_the_sentence():
    text = "According to TASS, the delegations will meet next week."
    assert _found(text) == {"cue": ["According to"], "source": ["TASS"], "attributed": ["the delegations will meet next week"]}


def test_according_to_closing_the_sentence():
    text = "The talks lasted two hours, according to a Kremlin aide."
    assert _found(text) == {"attributed": ["The talks lasted two hours"], "cue": ["according to"], "source": ["a Kremlin aide"]}


def test_denial_is_contested_and_linked_to_the_party_that_denies():
    text = "The finance ministry denied that it had pressured the bank to act."
    assert _found(text)["contested"] == ["it had pressured the bank to act"]
    assert _links(text) == {("it had pressured the bank to act", "The finance ministry", "disputed_by")}


def test_not_aware_of_any_such_is_contested():
    text = "A foreign ministry spokesperson stated they were “not aware of any such conversation” between the leaders."
    found = _found(text)
    assert found["contested"] == ["they were “not aware of any such conversation” between the leaders"]
    assert found["source"] == ["A foreign ministry spokesperson"]


def test_disputed_claim_links_both_the_author_and_the_disputer():
    text = "India’s government has disputed Trump’s claim made earlier this week that Modi had agreed to stop buying oil."
    assert _links(text) == {
        ("Modi had agreed to stop buying oil", "India’s government", "disputed_by"),
        ("Modi had agreed to stop buying oil", "Trump", "said_by"),
    }


def test_belief_verb_makes_an_opinion():
    assert _found("Officials believe the damage will cost two million euros.")["opinion"] == [
        "the damage will cost two million euros"
    ]


def test_it_is_unrealistic_makes_an_opinion():
    assert _found("He stated that Ukraine's return to the 2014 borders is unrealistic.")["opinion"] == [
        "Ukraine's return to the 2014 borders is unrealistic"
    ]


def test_clause_then_speaker_without_quotes():
    text = "We devoted significant attention to trade after the war, Trump wrote."
    assert _found(text) == {"attributed": ["We devoted significant attention to trade after the war"], "source": ["Trump"], "cue": ["wrote"]}


def test_participle_takes_the_main_clause_speaker():
    text = "“Inflation remains far too high,” said Governor Maria Lopez, adding that rates could rise again."
    assert ("rates could rise again", "Governor Maria Lopez", "said_by") in _links(text)


def test_apposition_with_a_title_is_one_source():
    text = "Farhan Haq, Deputy Spokesman for the UN Secretary-General, said that the UN welcomes any efforts."
    assert _found(text)["source"] == ["Farhan Haq, Deputy Spokesman for the UN Secretary-General"]


def test_continued_quotation_keeps_the_speaker():
    text = "“We will protect our money,” Trump said. “Ukraine has agreed to that.”"
    assert ("Ukraine has agreed to that", "Trump", "said_by") in _links(text)


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain flooded several streets in the old town overnight.",
        "The Kremlin has not indicated it is prepared to compromise.",
        "Trump and Putin Plan Summit in Budapest",
        "What did Trump say?",
        "Troops maintain the initiative along the front.",
    ],
)
def test_sentences_without_attribution_give_nothing(text):
    assert suggest_text(text).spans == []


def test_every_span_text_is_exact_and_carries_confidence_and_rule():
    text = "Intro 😀 line.\r\nThe mayor said that 🇺🇦 flags flew, “as always,” he added. He said: «Done.»"
    result = suggest_text(text)
    assert result.spans
    for span in result.spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == text[span.start : span.end].strip()
        assert 0 < span.confidence < 1 and span.rule


def test_offsets_count_code_points_after_emoji():
    text = "👍🏽 Fine. The mayor said the bridge is closed."
    spans = {s.label: s for s in suggest_text(text).spans}
    assert text[spans["attributed"].start : spans["attributed"].end] == "the bridge is closed"
    assert spans["source"].start == text.index("The mayor")
