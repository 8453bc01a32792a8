"""`annotator export`: every format with split and filters, and the bad-input cases (exit 1, one line, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.formats.export import EXPORTERS
from tests.export_samples import DOC_ID, PLAIN_ID, build_project


@pytest.fixture
def awk(tmp_path: Path) -> Path:
    path = tmp_path / "awk.annotator.db"
    build_project(path, tmp_path / "src").close()
    return path


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_with_split_and_label_filter(fmt, awk, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["export", str(awk), "--format", fmt, "--out", str(out), "--layer", "alice",
                 "--labels", "attributed,source", "--split", "0.5,0.5,0", "--seed", "4"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert printed.out.startswith(f"wrote {out}: 2 document(s), 2 record(s), 9 span(s), 3 relation(s) in ")
    suffix = EXPORTERS[fmt].suffix
    assert {f"{name}{suffix}" for name in ("train", "dev", "test")} <= {p.name for p in out.iterdir()}


def test_child_process_exports_jsonl(awk, tmp_path, cli):
    out = tmp_path / "gold.jsonl"
    result = cli("export", awk, "--format", "jsonl", "--out", out, "--layer", "gold")
    assert (result.returncode, result.stderr) == (0, "")
    assert [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()] == [DOC_ID]


def test_status_all_includes_work_in_progress_and_untouched_documents(awk, tmp_path, capsys):
    out = tmp_path / "all"
    assert main(["export", str(awk), "--format", "brat", "--out", str(out), "--status", "all"]) == 0
    files = _files(out)
    assert f"bob/{DOC_ID}.ann" in files and "(unannotated)/untouched-3.txt" in files
    assert f"alice/{PLAIN_ID}.ann" in files


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layer", "zed"], "annotator: error: no layer 'zed' in awk.annotator.db (layers: alice, bob, gold)\n"),
        (["--layer", "bob"], "annotator: error: nothing to export: no document is marked done in layer 'bob' "
                             "(use --status all to export all)\n"),
        (["--labels", "claimz"], "annotator: error: --labels: no span label 'claimz' in the schema "
                                 "(labels: attributed, contested, cue, opinion, source)\n"),
        (["--split", "0.9,0.9"], "annotator: error: --split '0.9,0.9': expected three shares that add up to 1, such as 0.8,0.1,0.1\n"),
        (["--status", "finished"], "annotator: error: --status: unknown status 'finished' (expected todo, in progress "
                                   "or done) or all\n"),
    ],
)
def test_bad_input_is_one_line_exit_1_and_writes_nothing(args, message, awk, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert main(["export", str(awk), "--format", "jsonl", "--out", str(out), *args]) == 1
    assert capsys.readouterr().err == message
    assert not out.exists()


def test_unknown_spacy_language(awk, tmp_path, capsys):
    assert main(["export", str(awk), "--format", "spacy", "--out", str(tmp_path / "x.spacy"), "--lang", "qq"]) == 1
    assert capsys.readouterr().err.startswith("annotator: error: spaCy has no language 'qq'")


def test_existing_output_needs_force(awk, tmp_path, capsys):
    out = tmp_path / "out.csv"
    out.write_text("keep", encoding="utf-8")
    assert main(["export", str(awk), "--format", "csv", "--out", str(out)]) == 1
    assert capsys.readouterr().err == f"annotator: error: {out} already exists; choose another name or pass --force\n"
    assert out.read_text(encoding="utf-8") == "keep"
    assert main(["export", str(awk), "--format", "csv", "--out", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("doc_id,layer,span_id")


def test_destination_in_a_missing_folder(awk, tmp_path, capsys):
    out = tmp_path / "missing" / "out.parquet"
    assert main(["export", str(awk), "--format", "parquet", "--out", str(out)]) == 1
    assert capsys.readouterr().err == f"annotator: error: {out.parent}: no such folder\n"
    assert not out.parent.exists()


def test_unknown_format_is_a_usage_error(awk, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(awk), "--format", "docx", "--out", str(tmp_path / "x")])
    assert exit_info.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err


def test_unwritable_destination_folder(awk, tmp_path, capsys, monkeypatch):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    real_access = os.access
    # Root may write anywhere, so the test says the folder is read-only the way os.access would.
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if Path(path) == locked else real_access(path, mode, **kw))
    assert main(["export", str(awk), "--format", "xmi", "--out", str(locked / "xmi")]) == 1
    assert capsys.readouterr().err == f"annotator: error: {locked}: the folder is not writable\n"
    assert list(locked.iterdir()) == []
