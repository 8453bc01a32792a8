"""Repeated paragraphs, blocks and near-duplicate documents (pure functions)."""

from __future__ import annotations

from pathlib import Path

from annotator.suggest.repeats import find_repeats, near_duplicates, normalise
from annotator.suggest.similar import rank_similar

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = "000_9f0322c5207143d7"


def _seeds() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def test_the_seed_block_of_four_paragraphs_is_found_twice():
    text = (SEEDS / f"{SEED_000}.txt").read_text(encoding="utf-8")
    blocks = [p for p in find_repeats(_seeds()) if p.kind == "block"]
    assert len(blocks) == 1
    first, second = blocks[0].occurrences
    assert text[first.start : first.end] == text[second.start : second.end]
    assert text[first.start : first.end].startswith("So, here's what we need to know about the talks.")
    assert text[first.start : first.end].endswith("committed to facilitating a settlement in Ukraine.")
    assert text[first.start : first.end].count("\n") == 3
    assert (first.doc_id, second.doc_id, first.exact == second.exact) == (SEED_000, SEED_000, True)


def test_each_paragraph_of_the_block_is_a_repeat_too():
    paragraphs = [p for p in find_repeats(_seeds()) if p.kind == "paragraph"]
    assert len(paragraphs) == 4 and all(len(p.occurrences) == 2 for p in paragraphs)


def test_paragraphs_match_across_documents_despite_typography():
    a = ("a", "Intro.\nThe minister said “the talks were long and hard” on Friday evening.\n")
    b = ("b", "Other intro.\nThe  minister said \"the talks were long and hard\" on Friday evening.\n")
    found = find_repeats([a, b])
    assert [(p.kind, [(o.doc_id, o.start) for o in p.occurrences]) for p in found] == [("paragraph", [("a", 7), ("b", 13)])]
    assert found[0].occurrences[0].exact != found[0].occurrences[1].exact  # similar, not identical


def test_short_lines_do_not_count_as_repeats():
    text = "Tags\nPost a Comment\nTags\nPost a Comment\n"
    assert find_repeats([("x", text)]) == []


def test_normalise_folds_case_quotes_dashes_and_spaces():
    assert normalise("  “Peace”\u00a0— NOW ") == "\"peace\" - now"


def test_near_duplicate_documents_are_paired():
    base = (SEEDS / f"{SEED_000}.txt").read_text(encoding="utf-8")
    docs = _seeds() + [("copy", base.replace("Kiev", "Kyiv"))]
    assert near_duplicates(docs) == [(SEED_000, "copy", near_duplicates(docs)[0][2])]
    assert near_duplicates(docs)[0][2] > 0.9
    assert near_duplicates(_seeds()) == []


def test_similar_claims_rank_the_paraphrase_first():
    query = "the American missiles would not change the situation on the battlefield but would damage relations"
    candidates = [
        "the summit will take place in Budapest",
        "Tomahawk missiles would have no significant impact on the battlefield and would harm relations",
        "the call lasted two and a half hours",
    ]
    ranked = rank_similar(query, candidates)
    assert ranked[0][0] == 1 and ranked[0][1] > 0.3
    assert all(score < ranked[0][1] for _, score in ranked[1:])


def test_similar_claims_of_nothing_is_empty():
    assert rank_similar("anything", []) == [] and rank_similar("   ", ["a claim"]) == []
