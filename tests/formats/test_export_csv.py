"""CSV export, read back with Python's csv module: one row per span, spreadsheet-safe cells."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from annotator import project as service
from annotator.formats.csv_table import COLUMNS, neutralise, unneutralise
from tests.export_samples import DOC_ID, PLAIN_ID, TEXT, expected


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_one_row_per_span_with_exact_offsets(awkward, tmp_path):
    out = tmp_path / "spans.csv"
    service.export(awkward, format="csv", out=out)
    rows = _rows(out)
    assert list(rows[0]) == COLUMNS
    alice = {
        (int(r["start"]), int(r["end"]), r["label"], unneutralise(r["note"]))
        for r in rows if (r["doc_id"], r["layer"]) == (DOC_ID, "alice")
    }
    assert alice == expected("alice")
    assert len(rows) == len(expected("alice")) + len(expected("gold")) + len(expected("alice", PLAIN_ID))
    for row in rows:
        if row["doc_id"] == DOC_ID:
            assert unneutralise(row["text"]) == TEXT[int(row["start"]) : int(row["end"])]


def test_formula_cells_are_neutralised(awkward, tmp_path):
    out = tmp_path / "spans.csv"
    summary = service.export(awkward, format="csv", out=out, layer="alice")
    formula = next(r for r in _rows(out) if r["text"].startswith("'="))
    assert (formula["text"], formula["note"]) == ("'=SUM(A1) is not a formula", "'=1+1")
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for r in _rows(out) for v in r.values())
    assert any(w.startswith("2 cell(s) start with = + - @ tab or CR") for w in summary.warnings)


def test_claims_list_their_linked_sources(awkward, tmp_path):
    out = tmp_path / "spans.csv"
    service.export(awkward, format="csv", out=out, layer="gold")
    rows = _rows(out)
    by_id = {r["span_id"]: r for r in rows}
    links = {(r["text"], by_id[r["source_ids"]]["text"], r["link_labels"]) for r in rows if r["source_ids"]}
    assert links == {("Putin 🇺🇦 congratulated Trump", "Ushakov", "said_by"), ("Modi agreed 🏳️\u200d🌈", "India", "disputed_by")}


@pytest.mark.parametrize("value", ["=1", "+1", "-1", "@x", "\tx", "\rx", "'=x", "'plain", "plain", ""])
def test_neutralise_is_undone_exactly(value):
    assert unneutralise(neutralise(value)) == value
