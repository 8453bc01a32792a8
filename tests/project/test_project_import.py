import json

import pytest

from annotator import project as svc
from conftest import SEEDS


def jsonl(path, *records):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return path


def counts(project):
    figures = svc.stats(project)
    return figures["documents"], figures["spans"], figures["relations"]


def test_seeds_import_unchanged(seeded):
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        assert svc.document(seeded, path.stem).text == raw
    assert counts(seeded) == (5, 0, 0)


def test_importing_the_same_file_twice_changes_nothing(project, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"doc_id": "d", "text": "Ann said hi", "layer": "alice", "spans": [
        {"id": "s", "start": 0, "end": 3, "label": "source"}, {"id": "c", "start": 9, "end": 11, "label": "attributed"}],
        "relations": [{"head": "c", "tail": "s", "label": "said_by"}]})
    first = svc.import_files(project, [path])
    second = svc.import_files(project, [path])
    assert (first.files[0].spans_added, second.files[0].spans_added, second.files[0].spans_skipped) == (2, 0, 2)
    assert counts(project) == (1, 2, 1)


def test_a_bad_file_imports_nothing_and_others_still_import(project, tmp_path):
    good = jsonl(tmp_path / "good.jsonl", {"doc_id": "g", "text": "fine"})
    bad = jsonl(tmp_path / "bad.jsonl", {"doc_id": "b1", "text": "first doc"},
                {"doc_id": "b2", "text": "abc", "layer": "x", "spans": [{"start": 0, "end": 2, "label": "cue", "text": "zz"}]})
    report = svc.import_files(project, [bad, good])
    assert [f.error is None for f in report.files] == [False, True]
    assert "bad.jsonl: line 2:" in report.files[0].error
    assert [d["id"] for d in svc.documents(project)] == ["g"]


def test_same_id_with_different_text_is_refused(project, tmp_path):
    svc.import_files(project, [jsonl(tmp_path / "a.jsonl", {"doc_id": "d", "text": "one"})])
    report = svc.import_files(project, [jsonl(tmp_path / "b.jsonl", {"doc_id": "d", "text": "two"})])
    assert "already in the project with a different text" in report.errors[0]
    assert svc.document(project, "d").text == "one"


def test_annotations_attach_to_an_existing_identical_document(seeded, tmp_path):
    path = next(SEEDS.glob("000_*.txt"))
    text = path.read_text(encoding="utf-8")
    start = text.index("Yuri Ushakov")
    jsonl(tmp_path / "a.jsonl", {"doc_id": path.stem, "text": text, "layer": "alice",
                                 "spans": [{"start": start, "end": start + 12, "label": "source", "text": "Yuri Ushakov"}]})
    report = svc.import_files(seeded, [tmp_path / "a.jsonl"])
    assert (report.files[0].documents_matched, counts(seeded)) == ([path.stem], (5, 1, 0))


def test_label_map_renames_and_drops_with_relations(project, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"doc_id": "d", "text": "Ann said hi", "layer": "a", "spans": [
        {"id": "s", "start": 0, "end": 3, "label": "PER"}, {"id": "v", "start": 4, "end": 8, "label": "VERB"},
        {"id": "c", "start": 9, "end": 11, "label": "attributed"}],
        "relations": [{"head": "c", "tail": "s", "label": "said_by"}, {"head": "c", "tail": "v", "label": "cue_of"}]})
    svc.import_files(project, [path], label_map=svc.parse_label_map("PER=source,VERB=-"))
    assert [s.label for s in svc.spans(project, doc_id="d", layer="a")] == ["source", "attributed"]
    assert [r.label for r in svc.relations(project, doc_id="d", layer="a")] == ["said_by"]


def test_layer_option_puts_everything_in_one_layer(project, tmp_path):
    path = jsonl(tmp_path / "a.jsonl",
                 {"doc_id": "d", "text": "Ann said hi", "layer": "x", "spans": [{"start": 0, "end": 3, "label": "source"}]},
                 {"doc_id": "d", "text": "Ann said hi", "layer": "y", "spans": [{"start": 4, "end": 8, "label": "cue"}]})
    svc.import_files(project, [path], layer="carol")
    assert [s.label for s in svc.spans(project, doc_id="d", layer="carol")] == ["source", "cue"]
    assert list(svc.stats(project)["layers"]) == ["carol"]


def test_unknown_labels_join_the_schema(project, tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"doc_id": "d", "text": "abc", "layer": "x", "spans": [{"start": 0, "end": 1, "label": "EVENT"}]})
    svc.import_files(project, [path])
    assert project.schema.get("EVENT").kind == "span"


def test_uuid_ids_are_kept_and_other_ids_replaced(project, tmp_path):
    keep = "0b7d5f3e-6a1d-4c5e-9f59-2a1f0c7e8d11"
    path = jsonl(tmp_path / "a.jsonl", {"doc_id": "d", "text": "abc def", "layer": "x", "spans": [
        {"id": keep, "start": 0, "end": 3, "label": "cue"}, {"id": "a1", "start": 4, "end": 7, "label": "cue"}]})
    svc.import_files(project, [path])
    ids = [s.id for s in svc.spans(project, doc_id="d", layer="x")]
    assert ids[0] == keep and ids[1] != "a1" and len(ids[1]) == 36


@pytest.mark.parametrize(
    "name,data,where",
    [
        ("latin1.txt", "café".encode("latin-1"), "byte 3"),
        ("nul.txt", b"abc\x00", "byte 3"),
        ("empty.txt", b"", "byte 0"),
        ("blank.txt", b"  \n ", "empty document"),
        ("utf32.txt", "hi".encode("utf-32"), "binary"),
        ("pic.txt", b"\x89PNG\r\n\x1a\n....", "PNG"),
    ],
)
def test_hostile_text_files_are_refused_whole(project, tmp_path, name, data, where):
    (tmp_path / name).write_bytes(data)
    report = svc.import_files(project, [tmp_path / name])
    assert where in report.errors[0] and name in report.errors[0]
    assert svc.documents(project) == []


@pytest.mark.parametrize(
    "name,text",
    [
        ("crlf.txt", "a\r\nb\rc"),
        ("emoji.txt", "👩🏽‍💻 🇺🇦 👍🏿 e\u0301 שלום مرحبا Ушаков"),
    ],
)
def test_awkward_valid_text_is_kept(project, tmp_path, name, text):
    (tmp_path / name).write_bytes(text.encode("utf-8"))
    svc.import_files(project, [tmp_path / name])
    assert svc.document(project, name[:-4]).text == text.replace("\r\n", "\n").replace("\r", "\n")


def test_utf16_file_is_kept(project, tmp_path):
    (tmp_path / "u16.txt").write_bytes("Ушаков 😀\r\nline".encode("utf-16"))
    svc.import_files(project, [tmp_path / "u16.txt"])
    assert svc.document(project, "u16").text == "Ушаков 😀\nline"
