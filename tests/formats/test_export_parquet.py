"""Parquet export, read back with pyarrow, pandas and datasets.load_dataset("parquet")."""

from __future__ import annotations

import json
import os

import pandas as pd
import pyarrow.parquet as pq

from annotator import project as service
from annotator.core.model import Document
from annotator.core.resources import default_schema
from annotator.formats.export import run_export
from tests.export_samples import DOC_ID, PLAIN_ID, TEXT, awkward_items, expected, expected_links

# datasets must never reach the network in tests.
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _spans(row: dict) -> set:
    return {(s["start"], s["end"], s["label"], s["note"]) for s in row["spans"]}


def _links(row: dict) -> set:
    by_id = {s["id"]: (s["start"], s["end"], s["label"]) for s in row["spans"]}
    return {(by_id[r["head"]], by_id[r["tail"]], r["label"]) for r in row["relations"]}


def test_pyarrow_reads_one_row_per_document_and_layer(awkward, tmp_path):
    out = tmp_path / "data.parquet"
    service.export(awkward, format="parquet", out=out)
    rows = pq.read_table(out).to_pylist()
    assert [(r["doc_id"], r["layer"], r["status"]) for r in rows] == [
        (DOC_ID, "alice", "done"), (DOC_ID, "gold", "done"), (PLAIN_ID, "alice", "done"),
    ]
    assert rows[0]["text"] == TEXT
    assert json.loads(rows[0]["meta"]) == {"title": TEXT.split("\n")[0], "source": f"{DOC_ID}.txt"}
    assert _spans(rows[0]) == expected("alice") and _links(rows[0]) == expected_links("alice")
    assert all(s["text"] == TEXT[s["start"] : s["end"]] for s in rows[0]["spans"])


def test_pandas_reads_it(awkward, tmp_path):
    out = tmp_path / "data.parquet"
    service.export(awkward, format="parquet", out=out, layer="gold")
    frame = pd.read_parquet(out)
    assert list(frame.columns) == ["doc_id", "layer", "layer_kind", "status", "text", "meta", "spans", "relations"]
    row = frame.iloc[0]
    assert (row["doc_id"], row["layer_kind"]) == (DOC_ID, "gold")
    assert {(int(s["start"]), int(s["end"]), s["label"], s["note"]) for s in row["spans"]} == expected("gold")


def test_datasets_loads_the_file(awkward, tmp_path):
    import datasets

    out = tmp_path / "data.parquet"
    service.export(awkward, format="parquet", out=out, layer="alice")
    loaded = datasets.load_dataset("parquet", data_files=str(out), split="train", cache_dir=str(tmp_path / "hf"))
    rows = {row["doc_id"]: row for row in loaded}
    assert sorted(rows) == [DOC_ID, PLAIN_ID]
    assert _spans(rows[DOC_ID]) == expected("alice") and _links(rows[DOC_ID]) == expected_links("alice")


def test_datasets_loads_the_split_folder_as_train_validation_test(tmp_path):
    import datasets

    items = []
    for n in range(10):
        for item in awkward_items()[:1]:
            item.document = Document(f"doc-{n}", item.document.text, {})
            items.append(item)
    out = tmp_path / "splits"
    run_export(items, fmt="parquet", out=out, schema=default_schema(), split=(0.6, 0.2, 0.2), seed=7)
    loaded = datasets.load_dataset("parquet", data_dir=str(out), cache_dir=str(tmp_path / "hf"))
    assert {name: part.num_rows for name, part in loaded.items()} == {"train": 6, "validation": 2, "test": 2}
    row = loaded["test"][0]
    assert _spans(row) == expected("alice") and _links(row) == expected_links("alice")


def test_claim_clusters_travel_in_parquet_as_in_jsonl(tmp_path):
    from annotator.core.model import AnnotatedDocument, Span

    doc = Document("d", "Ann said hi. Bob said hi.")
    spans = [Span("s1", "d", "alice", 9, 11, "attributed"), Span("s2", "d", "alice", 22, 24, "attributed")]
    item = AnnotatedDocument(doc, "alice", "done", spans, [], clusters={"s1": "c-1"})
    out = tmp_path / "x.parquet"
    run_export([item], fmt="parquet", out=out, schema=default_schema())
    [row] = pq.read_table(out).to_pylist()
    assert [(s["id"], s["cluster"]) for s in row["spans"]] == [("s1", "c-1"), ("s2", None)]
