"""spaCy DocBin export, read back with spaCy itself (DocBin.from_disk + spacy.blank)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from annotator import project as service
from annotator.core.errors import AnnotatorError
from annotator.formats import spacy_docbin
from annotator.formats.pipeline import ExportContext
from tests.export_samples import DOC_ID, PLAIN_ID, TEXT, awkward_items, expected, expected_links


def _docs(path: Path) -> dict:
    docs = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    return {doc.user_data["doc_id"]: doc for doc in docs}


def _widened(spans: set) -> set:
    """What spaCy's "expand" makes of the one misaligned span ('claime' → 'claimed')."""
    start = TEXT.index("claimed")
    return {(s, start + len("claimed"), label) if (s, e, label) == (start, start + 6, "cue") else (s, e, label) for s, e, label in spans}


def test_every_layer_is_a_span_group_with_exact_or_expanded_offsets(awkward, tmp_path):
    out = tmp_path / "out.spacy"
    summary = service.export(awkward, format="spacy", out=out)
    docs = _docs(out)
    assert sorted(docs) == [DOC_ID, PLAIN_ID]
    doc = docs[DOC_ID]
    assert doc.text == TEXT
    assert sorted(doc.spans) == ["alice", "gold"]
    alice = {(s.start_char, s.end_char, s.label_) for s in doc.spans["alice"]}
    assert alice == _widened({(s, e, label) for s, e, label, _ in expected("alice")})
    assert {(s.start_char, s.end_char, s.label_) for s in doc.spans["gold"]} == {
        (s, e, label) for s, e, label, _ in expected("gold")
    }
    assert [w for w in summary.warnings if "spaCy token boundaries" in w] == [
        "1 span(s) did not fall on spaCy token boundaries and were expanded to whole tokens (first: document "
        "'awkward-1', layer 'alice', [127, 133) 'claime' → [127, 134))"
    ]


def test_exact_offsets_and_notes_are_kept_in_user_data(awkward, tmp_path):
    out = tmp_path / "out.spacy"
    service.export(awkward, format="spacy", out=out, layer="alice")
    doc = _docs(out)[DOC_ID]
    info = doc.user_data["layers"]["alice"]
    exact = {(start, end, span.label_, note) for (start, end), span, note in zip(info["offsets"], doc.spans["alice"], info["notes"])}
    assert exact == expected("alice")
    assert info["status"] == "done"
    assert [span.id_ for span in doc.spans["alice"]] == list(info["span_ids"])


def test_relations_point_into_the_span_group(awkward, tmp_path):
    out = tmp_path / "out.spacy"
    service.export(awkward, format="spacy", out=out)
    doc = _docs(out)[DOC_ID]
    info = doc.user_data["layers"]
    links = set()
    for rel in doc.user_data["relations"]:
        group, offsets = doc.spans[rel["layer"]], info[rel["layer"]]["offsets"]
        head, tail = group[rel["head"]], group[rel["tail"]]
        assert (head.id_, tail.id_) == (rel["head_id"], rel["tail_id"])
        links.add((rel["layer"], (*offsets[rel["head"]], head.label_), (*offsets[rel["tail"]], tail.label_), rel["label"]))
    assert links == {("alice", *link) for link in expected_links("alice")} | {("gold", *link) for link in expected_links("gold")}


def test_white_space_span_is_reported_not_dropped_silently():
    item = awkward_items()[0]
    gap = TEXT.index(" that")
    item.spans.append(type(item.spans[0])("ws", DOC_ID, "alice", gap, gap + 1, "cue"))
    ctx = ExportContext(total=1)
    docs = spacy_docbin.to_docs([item], ctx)
    assert "ws" not in {span.id_ for span in docs[0].spans["alice"]}
    assert any(line.startswith("1 span(s) cover no spaCy token") for line in ctx.notices.lines())


def test_unknown_language_is_a_clear_error(awkward, tmp_path):
    with pytest.raises(AnnotatorError, match="spaCy has no language 'qq'"):
        service.export(awkward, format="spacy", out=tmp_path / "x.spacy", lang="qq")
    assert not (tmp_path / "x.spacy").exists()
