"""CoNLL BIO export, read back with Python's csv module (tab-separated) and decoded from its BIO columns."""

from __future__ import annotations

import csv
from pathlib import Path


from annotator import project as service
from annotator.core.resources import default_schema
from annotator.core.tokens import tokenize
from tests.export_samples import DOC_ID, PLAIN_ID, TEXT, expected


def read_conll(path: Path) -> tuple[list[str], dict[tuple[str, str], dict[str, set]]]:
    """The header's columns, and per (document, layer) per column the (start, end, label) chunks of its BIO tags."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0][0]
    assert header.startswith("# global.columns = ")
    columns = header.removeprefix("# global.columns = ").split(" ")
    blocks: dict[tuple[str, str], dict[str, set]] = {}
    open_chunk: dict[str, list] = {}
    key = None

    def close_all():
        for name, chunk in open_chunk.items():
            if chunk:
                blocks[key][name].add(tuple(chunk))
        open_chunk.clear()

    doc_id = None
    for row in rows[1:]:
        if not row:
            close_all()
            continue
        if row[0].startswith("# newdoc id = "):
            doc_id = row[0].removeprefix("# newdoc id = ")
            continue
        if row[0].startswith("# layer = "):
            key = (doc_id, row[0].removeprefix("# layer = "))
            blocks[key] = {name: set() for name in columns[4:]}
            continue
        values = dict(zip(columns, row))
        start, end = int(values["START"]), int(values["END"])
        assert TEXT[start:end] == values["FORM"] or key[0] != DOC_ID
        for name in columns[4:]:
            tag, chunk = values[name], open_chunk.get(name)
            if tag.startswith("I-") and chunk and chunk[2] == tag[2:]:
                chunk[1] = end
                continue
            if chunk:
                blocks[key][name].add(tuple(chunk))
            open_chunk[name] = [start, end, tag[2:]] if tag != "O" else None
    close_all()
    return columns, blocks


def _widen(start: int, end: int) -> tuple[int, int]:
    tokens = [t for t in tokenize(TEXT) if t[0] < end and t[1] > start]
    return tokens[0][0], tokens[-1][1]


def test_header_names_one_tag_column_per_label_group(awkward, tmp_path):
    out = tmp_path / "out.conll"
    service.export(awkward, format="conll", out=out)
    columns, blocks = read_conll(out)
    assert columns == ["ID", "FORM", "START", "END", "CLAIM", "SOURCE", "CUE"]
    assert sorted(blocks) == [(DOC_ID, "alice"), (DOC_ID, "gold"), (PLAIN_ID, "alice")]


def test_overlapping_claims_sources_and_cues_all_survive(awkward, tmp_path):
    out = tmp_path / "out.conll"
    summary = service.export(awkward, format="conll", out=out, layer="alice")
    _, blocks = read_conll(out)
    across = TEXT.index('congratulated Trump".')
    schema = default_schema()
    want: dict[str, set] = {"CLAIM": set(), "SOURCE": set(), "CUE": set()}
    for start, end, label, _ in expected("alice"):
        if start != across:  # overlaps an earlier claim: reported, not tagged
            want[schema.group_of(label).upper()].add((*_widen(start, end), label))
    assert blocks[(DOC_ID, "alice")] == want
    assert any(w.startswith("1 span(s) overlap an earlier span of the same label group") for w in summary.warnings)
    assert any(w.startswith("1 span(s) did not fall on token boundaries") for w in summary.warnings)
    assert any(w.startswith("4 relation(s) are not represented in CoNLL") for w in summary.warnings)


def test_documents_are_separated_and_sentences_break_at_free_line_breaks(awkward, tmp_path):
    out = tmp_path / "out.conll"
    service.export(awkward, format="conll", out=out, layer="gold")
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[:3] == ["# global.columns = ID FORM START END CLAIM SOURCE CUE", f"# newdoc id = {DOC_ID}", "# layer = gold"]
    # Gold has no span across a line break, so each of the four lines of the text is a sentence.
    assert sum(1 for line in lines if line.startswith("1\t")) == 4
    assert lines[-2:] == ["", ""]
