"""Each importer on valid, awkward and hostile input (parsing only; writing is tested in project/)."""

import json
from pathlib import Path

import pytest

from annotator.core.errors import FormatError
from annotator.formats.base import validate
from annotator.formats.registry import IMPORTERS, detect_format, expand_paths


def read(fmt: str, path: Path):
    return validate(path, IMPORTERS[fmt].read(path, path.read_bytes()))


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_txt_document_id_is_the_stem_and_title_first_line(tmp_path):
    [doc] = read("txt", write(tmp_path / "000_x.txt", "\n\nHeadline here\r\nBody"))
    assert (doc.doc_id, doc.text, doc.meta["title"]) == ("000_x", "\n\nHeadline here\nBody", "Headline here")


def test_txt_one_megabyte_single_line(tmp_path):
    text = "ж" * 400_000 + "😀" * 100_000
    [doc] = read("txt", write(tmp_path / "big.txt", text))
    assert doc.text == text


def test_html_visible_text_only(tmp_path):
    page = (
        "<html><head><title>T &amp; U</title><style>p{}</style><script>var x='<p>';</script></head>"
        "<body><h1>Head</h1><p>One&nbsp;two &lt;b&gt;\n  three</p><div>Four<br>Five</div>"
        "<noscript>hidden</noscript><ul><li>a</li><li>b</li></ul></body></html>"
    )
    [doc] = read("html", write(tmp_path / "page.html", page))
    assert doc.text == "Head\nOne\xa0two <b> three\nFour\nFive\na\nb"
    assert doc.meta["title"] == "T & U"


def test_jsonl_line_with_spans_defaults_to_done(tmp_path):
    line = {"doc_id": "d", "text": "Ann said hi", "layer": "alice",
            "spans": [{"id": "a", "start": 0, "end": 3, "label": "source", "text": "Ann"}]}
    [doc] = read("jsonl", write(tmp_path / "x.jsonl", json.dumps(line)))
    assert (doc.layers[0].name, doc.layers[0].status, doc.layers[0].spans[0].key) == ("alice", "done", "a")


def test_jsonl_keeps_u2028_inside_strings(tmp_path):
    line = json.dumps({"doc_id": "d", "text": "a\u2028b"}, ensure_ascii=False)
    [doc] = read("jsonl", write(tmp_path / "x.jsonl", line + "\n"))
    assert doc.text == "a\u2028b"


def test_jsonl_crlf_text_is_normalised_and_offsets_follow(tmp_path):
    line = {"doc_id": "d", "text": "one\r\ntwo", "layer": "a", "spans": [{"start": 5, "end": 8, "label": "cue", "text": "two"}]}
    [doc] = read("jsonl", write(tmp_path / "x.jsonl", json.dumps(line)))
    span = doc.layers[0].spans[0]
    assert (doc.text, doc.text[span.start : span.end]) == ("one\ntwo", "two")


@pytest.mark.parametrize(
    "lines,line_no,message",
    [
        (['{"doc_id": "a", "text": "x"}', "{not json"], 2, "not valid JSON"),
        (['[1, 2]'], 1, "expected a JSON object"),
        (['{"doc_id": "a", "text": "abc", "layer": "l", "spans": [{"start": 0, "end": 2, "label": "cue", "text": "ab!"}]}'], 1, "differs"),
        (['{"doc_id": "a", "text": "abc", "layer": "l", "spans": [{"start": 0, "end": 9, "label": "cue"}]}'], 1, "out of range"),
        (['{"doc_id": "a", "text": "abc", "layer": "l", "spans": [{"start": 2, "end": 1, "label": "cue"}]}'], 1, "reversed"),
        (['{"doc_id": "a", "text": "abc", "layer": "l", "spans": [{"id": "s", "start": 0, "end": 1, "label": "cue"}], "relations": [{"head": "s", "tail": "zz", "label": "said_by"}]}'], 1, "missing span 'zz'"),
        (['', '{"doc_id": "a", "text": "   "}'], 2, "empty document"),
        (['{"doc_id": "a", "text": "a\\u0000b"}'], 1, "NUL"),
        (['{"text": "abc"}'], 1, "doc_id"),
    ],
)
def test_jsonl_bad_input_names_the_line(tmp_path, lines, line_no, message):
    path = write(tmp_path / "bad.jsonl", "\n".join(lines))
    with pytest.raises(FormatError) as info:
        read("jsonl", path)
    assert info.value.line == line_no
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))


def test_brat_fragments_events_attributes_and_notes(tmp_path):
    raw = "Ann said\r\nhello there. Bob denied it."
    write(tmp_path / "d.txt", raw)
    ann = "\n".join([
        f"T1\tsource 0 3\tAnn",
        f"T2\tcue 4 8\tsaid",
        f"T3\tattributed 10 15;16 21\thello there",
        f"T4\tcue {raw.index('denied')} {raw.index('denied') + 6}\tdenied",
        f"T5\tsource {raw.index('Bob')} {raw.index('Bob') + 3}\tBob",
        "R1\tsaid_by Arg1:T3 Arg2:T1",
        "E1\tcue:T4 Agent:T5 Theme:T3",
        "A1\tNegated T4",
        "A2\tConfidence T1 High",
        "#1\tAnnotatorNotes T3\tcheck this",
    ])
    write(tmp_path / "d.ann", ann)
    [doc] = read("brat", tmp_path / "d.ann")
    spans = {s.key: (doc.text[s.start : s.end], s.label, s.attrs, s.note) for s in doc.layers[0].spans}
    assert spans == {
        "T1": ("Ann", "source", {"Confidence": "High"}, ""),
        "T2": ("said", "cue", {}, ""),
        "T3": ("hello", "attributed", {"group": "T3"}, "check this"),
        "T3#1": ("there", "attributed", {"group": "T3"}, ""),
        "T4": ("denied", "cue", {"Negated": True}, ""),
        "T5": ("Bob", "source", {}, ""),
    }
    rels = [(r.head, r.tail, r.label) for r in doc.layers[0].relations]
    assert rels == [("T3", "T1", "said_by"), ("T4", "T5", "Agent"), ("T4", "T3", "Theme")]
    assert doc.text == "Ann said\nhello there. Bob denied it."


def test_brat_text_mismatch_names_the_ann_line(tmp_path):
    write(tmp_path / "d.txt", "Ann said hi")
    write(tmp_path / "d.ann", "T1\tsource 0 3\tAnn\nT2\tcue 4 8\tsaw\n")
    with pytest.raises(FormatError) as info:
        read("brat", tmp_path / "d.ann")
    assert (info.value.line, Path(info.value.path).name) == (2, "d.ann")


def test_brat_relation_to_missing_annotation(tmp_path):
    write(tmp_path / "d.txt", "Ann said hi")
    write(tmp_path / "d.ann", "T1\tsource 0 3\tAnn\nR1\tsaid_by Arg1:T1 Arg2:T9\n")
    with pytest.raises(FormatError, match="missing annotation 'T9'"):
        read("brat", tmp_path / "d.ann")


def test_labelstudio_regions_relations_and_notes(tmp_path):
    text = "😀 Bob said hi"
    task = [{"id": 7, "data": {"text": text, "outlet": "X"}, "annotations": [{"completed_by": {"email": "bob@x.org"}, "result": [
        {"id": "r1", "type": "labels", "value": {"start": 2, "end": 5, "text": "Bob", "labels": ["source"]}},
        {"id": "r2", "type": "labels", "value": {"start": 11, "end": 13, "text": "hi", "labels": ["attributed"]}},
        {"id": "r2", "type": "textarea", "value": {"text": ["short"]}},
        {"type": "relation", "from_id": "r2", "to_id": "r1", "labels": ["said_by"], "direction": "right"},
    ]}]}]
    [doc] = read("labelstudio", write(tmp_path / "ls.json", json.dumps(task)))
    layer = doc.layers[0]
    assert (doc.doc_id, layer.name, doc.meta) == ("ls-7", "bob", {"outlet": "X", "labelstudio_task": 7})
    assert [(doc.text[s.start : s.end], s.label, s.note) for s in layer.spans] == [("Bob", "source", ""), ("hi", "attributed", "short")]
    assert [(r.head, r.tail, r.label) for r in layer.relations] == [("r2", "r1", "said_by")]


def test_labelstudio_utf16_offsets_are_accepted(tmp_path):
    task = [{"data": {"text": "😀 Bob"}, "annotations": [{"result": [
        {"id": "r1", "type": "labels", "value": {"start": 3, "end": 6, "text": "Bob", "labels": ["source"]}}]}]}]
    [doc] = read("labelstudio", write(tmp_path / "ls.json", json.dumps(task)))
    span = doc.layers[0].spans[0]
    assert (span.start, span.end) == (2, 5)


def test_labelstudio_bad_task_names_its_line(tmp_path):
    body = '[\n  {"data": {"text": "ok"}},\n  {"data": {"text": "abc"}, "annotations": [{"result": [{"id": "x", "type": "labels", "value": {"start": 0, "end": 2, "text": "zz", "labels": ["cue"]}}]}]}\n]'
    with pytest.raises(FormatError) as info:
        read("labelstudio", write(tmp_path / "ls.json", body))
    assert info.value.line == 3


def test_detect_format_by_suffix_and_brat_pair(tmp_path):
    write(tmp_path / "a.txt", "x")
    write(tmp_path / "b.txt", "y")
    write(tmp_path / "b.ann", "")
    assert [detect_format(tmp_path / n) for n in ("a.txt", "b.txt", "b.ann")] == ["txt", "brat", "brat"]
    with pytest.raises(FormatError, match="--format"):
        detect_format(tmp_path / "c.docx")


def test_folder_expands_to_known_files_and_pairs_once(tmp_path):
    for name in ("a.txt", "b.txt", "b.ann", "README.md", "notes.docx"):
        write(tmp_path / name, "x")
    assert [p.name for p in expand_paths([tmp_path])] == ["a.txt", "b.ann"]
