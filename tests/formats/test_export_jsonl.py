"""jsonl export: the lossless dump, read back by this tool's importer, and a hypothesis round trip."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from annotator import project as service
from annotator.formats.base import validate
from annotator.formats.jsonl import format_jsonl, read_jsonl
from annotator.formats.pipeline import ExportContext
from annotator.project.importing import read_file
from tests.export_samples import (
    BARE_ID, DOC_ID, PLAIN_ID, TEXT, annotated_strategy, expected, expected_links, item_links,
    item_spans, layer_of, link_set, span_set,
)


def test_dump_of_all_layers_reads_back_exactly(awkward, tmp_path):
    out = tmp_path / "dump.jsonl"
    service.export(awkward, format="jsonl", out=out)
    drafts = read_file(out, "jsonl")
    assert [(d.doc_id, [lay.name for lay in d.layers]) for d in drafts] == [
        (DOC_ID, ["alice"]), (DOC_ID, ["bob"]), (DOC_ID, ["gold"]), (PLAIN_ID, ["alice"]), (BARE_ID, []),
    ]
    assert drafts[0].text == TEXT
    assert span_set(layer_of(drafts, DOC_ID, "alice")) == expected("alice")
    assert link_set(layer_of(drafts, DOC_ID, "alice")) == expected_links("alice")
    assert span_set(layer_of(drafts, DOC_ID, "gold")) == expected("gold")
    assert layer_of(drafts, DOC_ID, "bob").status == "in progress"


def test_dump_imported_into_a_new_project_exports_the_same_bytes(awkward, tmp_path):
    first = tmp_path / "first.jsonl"
    service.export(awkward, format="jsonl", out=first)
    with service.Project.create(tmp_path / "copy.annotator.db") as copy:
        report = service.import_files(copy, [first])
        assert report.ok, report.errors
        second = tmp_path / "second.jsonl"
        service.export(copy, format="jsonl", out=second)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_named_layer_exports_only_documents_done_in_it(awkward, tmp_path):
    out = tmp_path / "gold.jsonl"
    summary = service.export(awkward, format="jsonl", out=out, layer="gold")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["layer"], r["status"]) for r in records] == [(DOC_ID, "gold", "done")]
    assert (summary.documents, summary.records, summary.spans, summary.relations) == (1, 1, 4, 2)


def test_label_filter_keeps_those_labels_and_the_relations_between_them(awkward, tmp_path):
    out = tmp_path / "sources.jsonl"
    service.export(awkward, format="jsonl", out=out, layer="alice", labels=["source", "contested"])
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {s["label"] for s in record["spans"]} == {"source", "contested"}
    assert [r["label"] for r in record["relations"]] == ["disputed_by"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=annotated_strategy())
def test_hypothesis_round_trip(item):
    data = "".join(format_jsonl([item], ExportContext())).encode("utf-8")
    drafts = validate(Path("h.jsonl"), read_jsonl(Path("h.jsonl"), data))
    layer = layer_of(drafts, item.document.id, "alice")
    assert drafts[0].text == item.document.text
    assert span_set(layer) == item_spans(item)
    assert link_set(layer) == item_links(item)
