"""brat export: a collection per layer, read back with this tool's brat importer; brat's own checks on T lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from annotator import project as service
from annotator.core.model import Span
from annotator.formats import brat_export
from annotator.formats.base import validate
from annotator.formats.brat import LINE_BREAKS, read_brat
from annotator.formats.pipeline import ExportContext
from annotator.formats.writer import write_tree
from annotator.project.importing import read_file
from tests.export_samples import (
    DOC_ID, PLAIN_ID, TEXT, annotated_strategy, awkward_items, expected, expected_links, item_links,
    item_spans, link_set, span_set,
)


def test_a_folder_per_layer_with_text_annotations_and_configs(awkward, tmp_path):
    out = tmp_path / "brat"
    service.export(awkward, format="brat", out=out)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "alice", "alice/annotation.conf", f"alice/{DOC_ID}.ann", f"alice/{DOC_ID}.txt", f"alice/{PLAIN_ID}.ann",
        f"alice/{PLAIN_ID}.txt", "alice/visual.conf", "gold", "gold/annotation.conf", f"gold/{DOC_ID}.ann",
        f"gold/{DOC_ID}.txt", "gold/visual.conf",
    ]
    assert (out / "alice" / f"{DOC_ID}.txt").read_text(encoding="utf-8") == TEXT


def test_spans_notes_and_relations_read_back_exactly(awkward, tmp_path):
    out = tmp_path / "brat"
    service.export(awkward, format="brat", out=out)
    for layer in ("alice", "gold"):
        (draft,) = read_file(out / layer / f"{DOC_ID}.ann", "brat")
        assert draft.doc_id == DOC_ID and draft.text == TEXT
        assert span_set(draft.layers[0]) == expected(layer)
        assert link_set(draft.layers[0]) == expected_links(layer)


def test_t_lines_pass_brats_own_text_check(awkward, tmp_path):
    """brat requires the text after the offsets to equal the fragments joined by a space, on one line."""
    out = tmp_path / "brat"
    service.export(awkward, format="brat", out=out, layer="alice")
    ann = (out / "alice" / f"{DOC_ID}.ann").read_text(encoding="utf-8")
    t_lines = [line for line in ann.split("\n") if line.startswith("T")]
    assert len(t_lines) == len(expected("alice"))
    for line in t_lines:
        ident, head, covered = line.split("\t", 2)
        offsets = [tuple(map(int, part.split(" "))) for part in head.split(" ", 1)[1].split(";")]
        assert covered == " ".join(TEXT[s:e] for s, e in offsets)
        assert not any(ch in LINE_BREAKS for ch in covered)
    across = TEXT.index('congratulated Trump".')
    assert any(f"{across} {across + 21};{across + 22} {across + 30}\t" in line for line in t_lines)


def test_annotation_conf_is_generated_from_the_schema(awkward, tmp_path):
    out = tmp_path / "brat"
    service.export(awkward, format="brat", out=out, layer="gold")
    conf = (out / "gold" / "annotation.conf").read_text(encoding="utf-8").split("\n")
    assert conf[1:8] == ["[entities]", "attributed", "contested", "opinion", "source", "cue", ""]
    assert conf[8:11] == ["[relations]", "said_by\tArg1:<ENTITY>, Arg2:<ENTITY>", "disputed_by\tArg1:<ENTITY>, Arg2:<ENTITY>"]
    visual = (out / "gold" / "visual.conf").read_text(encoding="utf-8")
    assert "attributed\tbgColor:#56B4E9" in visual


def test_attributes_become_a_lines_declared_in_the_conf():
    ctx = ExportContext(total=3)
    files = brat_export.format_brat(awkward_items(), ctx)
    assert "A1\tcertainty T3 high" in files[f"alice/{DOC_ID}.ann"].split("\n")
    assert "certainty\tArg:<ENTITY>, Value:high" in files["alice/annotation.conf"].split("\n")


def test_span_ending_in_a_line_break_is_reported():
    item = awkward_items()[0]
    end = TEXT.index("\n") + 1
    item.spans = [Span("x", DOC_ID, "alice", 0, end, "opinion")]
    item.relations = []
    ctx = ExportContext(total=1)
    ann = brat_export.format_ann(item, ctx)
    assert ann == f"T1\topinion 0 {end - 1}\t{TEXT[:end - 1]}\n"
    assert ctx.notices.count(brat_export.TRIMMED) == 1


def _edges_are_text(text: str, start: int, end: int) -> bool:
    return text[start] not in LINE_BREAKS and text[end - 1] not in LINE_BREAKS


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=annotated_strategy(keep_span=_edges_are_text, note_ok=lambda n: not n.startswith("\n")))
def test_hypothesis_round_trip(item):
    ctx = ExportContext(total=1)
    files = brat_export.format_brat([item], ctx)
    with tempfile.TemporaryDirectory() as tmp:
        write_tree(Path(tmp), files)
        ann = Path(tmp) / "alice" / "doc-h.ann"
        (draft,) = validate(ann, read_brat(ann, ann.read_bytes()))
    assert ctx.notices.lines() == []
    assert draft.text == item.document.text
    assert span_set(draft.layers[0]) == item_spans(item)
    assert link_set(draft.layers[0]) == item_links(item)


def test_document_ids_that_are_not_file_names_are_escaped_and_reported():
    item = awkward_items()[2]
    item.document = type(item.document)("news/2025 #1", item.document.text, {})
    ctx = ExportContext(total=1)
    files = brat_export.format_brat([item], ctx)
    assert "alice/news%2F2025%20%231.ann" in files
    assert ctx.notices.lines() == [
        f"1 {brat_export.ESCAPED} (first: 'news/2025 #1' → 'news%2F2025%20%231')"
    ]
