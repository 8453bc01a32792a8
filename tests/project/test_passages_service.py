"""Repeated passages on import, and copying labels to identical twins."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import ProjectError
from annotator.project import (
    add_span, copy_spans_to_twins, detect_repeats, document, import_files, link, near_duplicates, relations,
    remove_spans, repeats, spans,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_000 = "000_9f0322c5207143d7"


def _block(project):
    return next(r for r in repeats(project, doc_id=SEED_000) if r.kind == "block")


def test_import_finds_the_repeated_four_paragraph_block(seeded):
    block = _block(seeded)
    text = document(seeded, SEED_000).text
    (start, end), twin = block.here[0], block.twins[0]
    assert len(block.here) == 2 and len(block.twins) == 1
    assert (twin.doc_id, twin.identical) == (SEED_000, True)
    assert text[start:end] == text[twin.start : twin.end] and text[start:end].count("\n") == 3


def test_documents_without_repeats_list_none(seeded):
    assert repeats(seeded, doc_id="003_216727c9abf153cd") == []


def test_repeats_of_an_unknown_document_is_an_error(seeded):
    with pytest.raises(ProjectError, match="no document"):
        repeats(seeded, doc_id="nope")


def test_copy_to_twins_shifts_offsets_exactly(seeded):
    block = _block(seeded)
    text = document(seeded, SEED_000).text
    start, end = block.here[0]
    ushakov = text.index("Russian president’s aide Yuri Ushakov", start)
    claim = text.index("Vladimir Putin congratulated Trump", start)
    source = add_span(seeded, doc_id=SEED_000, layer="alice", start=ushakov, end=ushakov + 38, label="source").spans_added[0]
    made = add_span(seeded, doc_id=SEED_000, layer="alice", start=claim, end=claim + 34, label="attributed").spans_added[0]
    link(seeded, head=made.id, tail=source.id, label="said_by")
    add_span(seeded, doc_id=SEED_000, layer="alice", start=0, end=5, label="cue")  # outside the block: stays
    change = copy_spans_to_twins(seeded, doc_id=SEED_000, layer="alice", passage=block.passage, start=start)
    shift = block.twins[0].start - start
    assert sorted((s.start, s.end, s.label) for s in change.spans_added) == sorted(
        [(ushakov + shift, ushakov + 38 + shift, "source"), (claim + shift, claim + 34 + shift, "attributed")]
    )
    for s in change.spans_added:
        assert text[s.start : s.end] == text[s.start - shift : s.end - shift]
    assert len(change.relations_added) == 1 and len(relations(seeded, doc_id=SEED_000, layer="alice")) == 2


def test_copy_to_twins_twice_adds_nothing_more(seeded):
    block = _block(seeded)
    start = block.here[0][0]
    add_span(seeded, doc_id=SEED_000, layer="alice", start=start, end=start + 5, label="cue")
    copy_spans_to_twins(seeded, doc_id=SEED_000, layer="alice", passage=block.passage, start=start)
    again = copy_spans_to_twins(seeded, doc_id=SEED_000, layer="alice", passage=block.passage, start=start)
    assert again.spans_added == [] and len(spans(seeded, doc_id=SEED_000, layer="alice")) == 2


def test_copy_to_twins_is_undone_by_remove_spans(seeded):
    block = _block(seeded)
    start = block.here[0][0]
    add_span(seeded, doc_id=SEED_000, layer="alice", start=start, end=start + 5, label="cue")
    change = copy_spans_to_twins(seeded, doc_id=SEED_000, layer="alice", passage=block.passage, start=start)
    remove_spans(seeded, span_ids=[s.id for s in change.spans_added])
    assert [(s.start, s.end) for s in spans(seeded, doc_id=SEED_000, layer="alice")] == [(start, start + 5)]


def test_copy_from_the_second_occurrence_goes_back_to_the_first(seeded):
    block = _block(seeded)
    (first, _), (second, _) = block.here
    add_span(seeded, doc_id=SEED_000, layer="alice", start=second, end=second + 5, label="cue")
    change = copy_spans_to_twins(seeded, doc_id=SEED_000, layer="alice", passage=block.passage, start=second)
    assert [(s.start, s.end) for s in change.spans_added] == [(first, first + 5)]


def test_copy_reaches_identical_twins_in_other_documents(project, tmp_path):
    shared = "The minister said on Friday that the bridge would reopen in the spring of next year.\n"
    (tmp_path / "a.txt").write_text("Alpha intro line.\n" + shared, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Beta has another, longer intro line.\n" + shared, encoding="utf-8")
    import_files(project, [tmp_path / "a.txt", tmp_path / "b.txt"])
    rep = repeats(project, doc_id="a")[0]
    at = rep.here[0][0]
    add_span(project, doc_id="a", layer="alice", start=at + 4, end=at + 12, label="source")
    change = copy_spans_to_twins(project, doc_id="a", layer="alice", passage=rep.passage)
    b_text = document(project, "b").text
    assert [(s.doc_id, b_text[s.start : s.end]) for s in change.spans_added] == [("b", "minister")]


def test_copy_with_an_unknown_passage_is_an_error(seeded):
    with pytest.raises(ProjectError, match="no repeated passage"):
        copy_spans_to_twins(seeded, doc_id=SEED_000, layer="alice", passage="p-nope")


def test_identical_documents_are_reported_and_skipped(project, tmp_path):
    (tmp_path / "copy.txt").write_text((SEEDS / f"{SEED_000}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    import_files(project, [SEEDS / f"{SEED_000}.txt"])
    report = import_files(project, [tmp_path / "copy.txt"])
    entry = report.files[0]
    assert (entry.error, entry.documents_added, entry.duplicates, entry.duplicates_skipped) == (
        None, [], [("copy", SEED_000)], True,
    )
    assert project.store.count_documents() == 1


def test_identical_documents_import_when_allowed(project, tmp_path):
    (tmp_path / "copy.txt").write_text((SEEDS / f"{SEED_000}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    import_files(project, [SEEDS / f"{SEED_000}.txt"])
    report = import_files(project, [tmp_path / "copy.txt"], allow_duplicates=True)
    assert (report.files[0].documents_added, report.files[0].duplicates) == (["copy"], [("copy", SEED_000)])
    assert near_duplicates(project, doc_id="copy") == [(SEED_000, 1.0)]


def test_near_duplicates_are_stored_for_both_documents(project, tmp_path):
    text = (SEEDS / f"{SEED_000}.txt").read_text(encoding="utf-8")
    (tmp_path / "edited.txt").write_text(text.replace("Kiev", "Kyiv"), encoding="utf-8")
    import_files(project, [SEEDS / f"{SEED_000}.txt", tmp_path / "edited.txt"])
    (other, similarity), = near_duplicates(project, doc_id=SEED_000)
    assert other == "edited" and similarity > 0.9
    assert near_duplicates(project, doc_id="edited")[0][0] == SEED_000


def test_detect_repeats_again_reports_the_same(seeded):
    report = detect_repeats(seeded)
    assert (report.passages, report.blocks, report.occurrences, report.near_duplicates) == (4, 1, 10, [])
