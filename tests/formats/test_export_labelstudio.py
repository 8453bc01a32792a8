"""Label Studio export: tasks with annotations in place (code-point offsets), the labeling config, and the
round trip through this tool's labelstudio importer."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings

from annotator import project as service
from annotator.formats.base import validate
from annotator.formats.labelstudio import read_labelstudio
from annotator.formats.labelstudio_export import format_tasks
from annotator.formats.pipeline import ExportContext
from annotator.project.importing import read_file
from tests.export_samples import (
    DOC_ID, PLAIN_ID, TEXT, annotated_strategy, expected, expected_links, item_links, item_spans,
    layer_of, link_set, span_set,
)


def test_one_task_per_document_with_an_annotation_per_layer(awkward, tmp_path):
    out = tmp_path / "tasks.json"
    service.export(awkward, format="labelstudio", out=out)
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [(t["data"]["doc_id"], [a["layer"] for a in t["annotations"]]) for t in tasks] == [
        (DOC_ID, ["alice", "gold"]), (PLAIN_ID, ["alice"]),
    ]
    assert tasks[0]["data"]["text"] == TEXT
    assert [a["ground_truth"] for a in tasks[0]["annotations"]] == [False, True]


def test_regions_use_code_point_offsets_that_hold_their_text(awkward, tmp_path):
    out = tmp_path / "tasks.json"
    service.export(awkward, format="labelstudio", out=out, layer="alice")
    task = json.loads(out.read_text(encoding="utf-8"))[0]
    regions = [r for r in task["annotations"][0]["result"] if r["type"] == "labels"]
    assert {(r["value"]["start"], r["value"]["end"], r["value"]["labels"][0]) for r in regions} == {
        (s, e, label) for s, e, label, _ in expected("alice")
    }
    for region in regions:
        assert TEXT[region["value"]["start"] : region["value"]["end"]] == region["value"]["text"]


def test_read_back_exactly_by_the_importer(awkward, tmp_path):
    out = tmp_path / "tasks.json"
    service.export(awkward, format="labelstudio", out=out)
    drafts = read_file(out, "labelstudio")
    assert [d.doc_id for d in drafts] == [DOC_ID, PLAIN_ID]
    for layer in ("alice", "gold"):
        assert span_set(layer_of(drafts, DOC_ID, layer)) == expected(layer)
        assert link_set(layer_of(drafts, DOC_ID, layer)) == expected_links(layer)
    assert span_set(layer_of(drafts, PLAIN_ID, "alice")) == expected("alice", PLAIN_ID)


def test_labeling_config_lists_the_schema_labels_and_relations(awkward, tmp_path):
    out = tmp_path / "tasks.json"
    summary = service.export(awkward, format="labelstudio", out=out)
    config = tmp_path / "tasks.label_config.xml"
    assert summary.files == [str(out), str(config)]
    root = ElementTree.parse(config).getroot()
    assert [el.get("value") for el in root.iter("Label")] == ["attributed", "contested", "opinion", "source", "cue"]
    assert [el.get("value") for el in root.iter("Relation")] == ["said_by", "disputed_by"]
    assert [(el.get("name"), el.get("toName"), el.get("perRegion")) for el in root.iter("TextArea")] == [("note", "text", "true")]


def test_split_folder_holds_the_labeling_config_once(awkward, tmp_path):
    out = tmp_path / "split"
    service.export(awkward, format="labelstudio", out=out, split=(0.5, 0.5, 0.0), seed=1)
    assert sorted(p.name for p in out.iterdir()) == ["dev.json", "label_config.xml", "test.json", "train.json"]
    tasks = [t for name in ("train", "dev", "test") for t in json.loads((out / f"{name}.json").read_text(encoding="utf-8"))]
    assert sorted(t["data"]["doc_id"] for t in tasks) == [DOC_ID, PLAIN_ID]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(item=annotated_strategy())
def test_hypothesis_round_trip(item):
    data = "".join(format_tasks([item], ExportContext(total=1))).encode("utf-8")
    path = Path("h.json")
    drafts = validate(path, read_labelstudio(path, data))
    layer = layer_of(drafts, item.document.id, "alice")
    assert drafts[0].text == item.document.text
    assert span_set(layer) == item_spans(item)
    assert link_set(layer) == item_links(item)
