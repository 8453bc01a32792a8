"""The export pipeline without a project: splits, atomic writes, cancel, existing and unwritable targets."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Document
from annotator.core.resources import default_schema
from annotator.formats.export import EXPORTERS, ExportCancelled, parse_split, run_export, split_documents
from annotator.formats.pipeline import safe_name
from tests.export_samples import awkward_items

SCHEMA = default_schema()


def many(n: int = 20) -> list[AnnotatedDocument]:
    template = awkward_items()[0]
    return [AnnotatedDocument(Document(f"doc-{i:02d}", template.document.text), "alice", "done", template.spans,
                              template.relations) for i in range(n)]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_split_and_files(tmp_path):
    a = run_export(many(), fmt="jsonl", out=tmp_path / "a", schema=SCHEMA, split=(0.8, 0.1, 0.1), seed=5)
    run_export(many(), fmt="jsonl", out=tmp_path / "b", schema=SCHEMA, split=(0.8, 0.1, 0.1), seed=5)
    assert _tree(tmp_path / "a") == _tree(tmp_path / "b")
    assert sorted(_tree(tmp_path / "a")) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    assert a.files == [str(tmp_path / "a" / f"{n}.jsonl") for n in ("train", "dev", "test")]


def test_another_seed_another_split():
    first = split_documents(many(), (0.5, 0.25, 0.25), 1)
    second = split_documents(many(), (0.5, 0.25, 0.25), 2)
    ids = lambda parts: {k: sorted(i.document.id for i in v) for k, v in parts.items()}  # noqa: E731
    assert ids(first) != ids(second)
    assert [len(first[k]) for k in ("train", "dev", "test")] == [10, 5, 5]


def test_all_layers_of_a_document_stay_in_one_part():
    items = awkward_items()
    parts = split_documents(items, (0.5, 0.5, 0.0), 0)
    where = {(i.document.id, i.layer): name for name, part in parts.items() for i in part}
    assert where[("awkward-1", "alice")] == where[("awkward-1", "gold")]


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_writes_a_split_folder(fmt, tmp_path):
    out = tmp_path / "split"
    summary = run_export(many(6), fmt=fmt, out=out, schema=SCHEMA, split=(0.5, 0.25, 0.25), seed=1)
    exporter = EXPORTERS[fmt]
    names = {p.name for p in out.iterdir()}
    assert {f"{n}{exporter.suffix}" for n in ("train", "dev", "test")} <= names
    assert summary.records == 6 and all(Path(f).exists() for f in summary.files)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("text", ["0.8,0.1", "a,b,c", "0.5,0.5,0.5", "-0.1,0.6,0.5", "nan,0.5,0.5"])
def test_bad_split_is_a_clear_error(text):
    with pytest.raises(AnnotatorError, match=r"--split"):
        parse_split(text)


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_existing_output_is_refused_without_force_and_kept(fmt, tmp_path):
    out = tmp_path / "out"
    out.mkdir() if EXPORTERS[fmt].is_folder else out.write_text("keep me")
    before = _tree(tmp_path)
    with pytest.raises(AnnotatorError, match="already exists; choose another name or pass --force"):
        run_export(many(2), fmt=fmt, out=out, schema=SCHEMA)
    assert _tree(tmp_path) == before


def test_force_replaces_a_folder_whole(tmp_path):
    out = tmp_path / "brat"
    run_export(many(3), fmt="brat", out=out, schema=SCHEMA)
    run_export(many(1), fmt="brat", out=out, schema=SCHEMA, force=True)
    assert sorted(p.name for p in (out / "alice").glob("*.ann")) == ["doc-00.ann"]
    assert [p.name for p in tmp_path.iterdir()] == ["brat"]


def test_a_file_format_will_not_replace_a_folder(tmp_path):
    (tmp_path / "x.jsonl").mkdir()
    with pytest.raises(AnnotatorError, match="is a folder; this format writes a file"):
        run_export(many(1), fmt="jsonl", out=tmp_path / "x.jsonl", schema=SCHEMA, force=True)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(AnnotatorError, match="no such folder"):
        run_export(many(1), fmt="csv", out=tmp_path / "nope" / "x.csv", schema=SCHEMA)


def test_unwritable_folder_is_a_clear_error(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    # Root may write anywhere, so the permission answer is simulated for every user alike.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: False if str(path) == str(locked) else real_access(path, mode, **kw))
    with pytest.raises(AnnotatorError, match="the folder is not writable"):
        run_export(many(1), fmt="csv", out=locked / "x.csv", schema=SCHEMA)


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_cancel_leaves_nothing_behind(fmt, tmp_path):
    calls = []

    def progress(done: int, total: int, what: str) -> bool:
        calls.append((done, total))
        return done < 2

    with pytest.raises(ExportCancelled):
        run_export(many(4), fmt=fmt, out=tmp_path / f"out{EXPORTERS[fmt].suffix}", schema=SCHEMA, progress=progress)
    assert list(tmp_path.iterdir()) == []
    assert calls == [(1, 4), (2, 4)]


def test_progress_counts_every_record(tmp_path):
    seen = []
    run_export(many(3), fmt="conll", out=tmp_path / "x.conll", schema=SCHEMA, progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen == [(1, 3, "doc-00"), (2, 3, "doc-01"), (3, 3, "doc-02")]


def test_a_failure_mid_write_leaves_nothing_behind(tmp_path, monkeypatch):
    from annotator.formats import jsonl

    def broken(items, ctx):
        yield "{}\n"
        raise OSError(28, "No space left on device")

    monkeypatch.setitem(EXPORTERS, "jsonl", jsonl.EXPORTER.__class__("jsonl", ".jsonl", broken))
    with pytest.raises(AnnotatorError, match="cannot write .*x.jsonl: No space left on device"):
        run_export(many(2), fmt="jsonl", out=tmp_path / "x.jsonl", schema=SCHEMA)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "safe"), [("plain-id_1.2", "plain-id_1.2"), ("a/b c", "a%2Fb%20c"), (".hidden", "%2Ehidden"), ("", "%00")])
def test_safe_name(name, safe):
    assert safe_name(name) == safe
