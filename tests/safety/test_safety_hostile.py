"""Hostile files to import: each refused with a clear message naming the file, nothing of it kept.
And the code itself: no pickle anywhere, XML only through defusedxml."""

from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import pytest
from safety_helpers import ROOT, dump

from annotator.core.errors import FormatError
from annotator.formats.xmlsafe import check_xml, parse_xml
from annotator.project import import_files

TEXT = "Ushakov said the talks would go ahead, according to TASS."


def jsonl(**fields) -> bytes:
    record = {"doc_id": "d1", "text": TEXT, **fields}
    return (json.dumps(record) + "\n").encode()


def span(start, end, label="source", **extra) -> dict:
    return {"id": "s1", "start": start, "end": end, "label": label, **extra}


def many_labels(n: int) -> bytes:
    spans = [{"id": f"s{i}", "start": 0, "end": 7, "label": f"label-{i}"} for i in range(n)]
    return jsonl(layer="alice", spans=spans)


def labelstudio(result: list) -> bytes:
    return json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"completed_by": 1, "result": result}]}]).encode()


# file name → (bytes, what the message must say). Every one must be refused whole.
HOSTILE: dict[str, tuple[bytes, str]] = {
    "png-renamed.txt": (b"\x89PNG\r\n\x1a\n" + bytes(64), "binary content: this looks like a PNG image"),
    "sqlite-renamed.txt": (b"SQLite format 3\x00" + bytes(64), "looks like a SQLite database"),
    "latin1.txt": ("café olé".encode("latin-1"), "not valid UTF-8 .*byte 3"),
    "nul.txt": (b"abc\x00def", "NUL"),
    "utf16-without-bom.txt": ("plain".encode("utf-16-le"), "NUL"),
    "empty.txt": (b"", "empty file"),
    "blank.md": (b" \r\n\t\r\n", "empty document"),
    "scripts-only.html": (b"<html><head><title>t</title></head><body><script>alert(1)</script></body></html>", "empty document"),
    "nested-100000-deep.jsonl": (b"[" * 100_000, "line 1: not acceptable JSON: nested too deeply"),
    "number-5000-digits.jsonl": (b'{"doc_id": "d1", "text": "x", "n": ' + b"9" * 5000 + b"}\n", "line 1: not acceptable JSON: Exceeds the limit"),
    "nul-in-json.jsonl": (jsonl(text="ab\u0000cd"), "NUL"),
    "bad-utf8-line-3.jsonl": (jsonl() + jsonl(doc_id="d2") + b'{"doc_id": "d3", "text": "\xff"}\n', "line 3, byte 198: not valid UTF-8"),
    "offset-10e30.jsonl": (jsonl(layer="a", spans=[span(0, 10**30)]), "out of range"),
    "offset-true.jsonl": (jsonl(layer="a", spans=[span(True, 3)]), "offsets must be integers"),
    "offset-float.jsonl": (jsonl(layer="a", spans=[span(0.0, 3.0)]), "offsets must be integers"),
    "label-10000-chars.jsonl": (jsonl(layer="a", spans=[span(0, 7, "x" * 10_000)]), "characters long \\(at most 200\\)"),
    "layer-10000-chars.jsonl": (jsonl(layer="y" * 10_000, spans=[span(0, 7)]), "layer name .*at most 200"),
    "doc-id-2000-chars.jsonl": (jsonl(doc_id="z" * 2000), "longer than 500 characters"),
    "600-labels.jsonl": (many_labels(600), "more than 500 distinct labels"),
    "span-text-lies.jsonl": (jsonl(layer="a", spans=[span(0, 7, text="Putin")]), "differs from the document text"),
    "relation-to-nowhere.jsonl": (jsonl(layer="a", spans=[span(0, 7)], relations=[{"head": "s1", "tail": "s9", "label": "said_by"}]), "missing span 's9'"),
    "ls-nested.json": (b"[" * 100_000, "not acceptable JSON: nested too deeply"),
    "ls-relation-label-object.json": (labelstudio([
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 7, "text": "Ushakov", "labels": ["source"]}},
        {"id": "b", "type": "labels", "value": {"start": 8, "end": 12, "text": "said", "labels": ["cue"]}},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": [{"$gt": 1}]}]), "a relation has no label"),
    # Found by the fuzzer (each raised TypeError or AttributeError before):
    "ls-annotations-true.json": (json.dumps([{"data": {"text": TEXT}, "annotations": True}]).encode(), "'annotations' must be a list"),
    "ls-value-list.json": (labelstudio([{"id": "n", "type": "textarea", "value": [1]}]), "'value' must be an object"),
    "ls-note-null.json": (labelstudio([{"id": "n", "type": "textarea", "value": {"text": [None]}}]), "'text' must be a list of strings"),
    "ls-relation-labels-int.json": (labelstudio([{"type": "relation", "from_id": "a", "to_id": "b", "labels": 5}]), "'labels' must be a list"),
    "ls-label-object.json": (labelstudio([{"id": "a", "type": "labels", "value": {"start": 0, "end": 7, "labels": [{"a": 1}]}}]), "has no labels"),
    "ls-doc-id-object.json": (json.dumps([{"data": {"text": TEXT, "doc_id": {"a": 1}}}]).encode(), "'doc_id' must be a string"),
    "xmi-encoding-utf7.xmi": (b"<?xml version='1.0' encoding='UTF-7'?><a/>", "line 1: not valid XML"),
    "xmi-encoding-unknown.xmi": (b"<?xml version='1.0' encoding='UTF-0'?><a/>", "line 1: not valid XML"),
    "ls-offsets-strings.json": (labelstudio([{"id": "a", "type": "labels", "value": {"start": "0", "end": "7", "labels": ["x"]}}]), "do not hold its text"),
}
BRAT: dict[str, tuple[bytes, str]] = {
    "huge-offset": (b"T1\tsource 0 100000000000000000000\tx\n", "out of range"),
    "negative-offset": (b"T1\tsource -1 3\tx\n", "are not 'start end"),
    "dangling-attribute": (b"T1\tsource 0 7\tUshakov\nA1\tNegated T9\n", "missing annotation 'T9'"),
    "binary-ann": (b"\x1f\x8b\x08\x00" + bytes(40), "gzip archive"),
}


@pytest.fixture
def seeded_project(project, tmp_path):
    ok = tmp_path / "ok.txt"
    ok.write_text(TEXT, encoding="utf-8")
    assert import_files(project, [ok]).ok
    return project


def refuse(project, path: Path, message: str, figures) -> None:
    before = dump(project.path)
    report = import_files(project, [path])
    assert len(report.errors) == 1, report
    error = report.errors[0]
    assert error.startswith(str(path) + ": ")
    assert re.search(message, error), error
    assert dump(project.path) == before
    figures["hostile import files refused whole, with a message naming them"] += 1


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_import_file_is_refused_whole(seeded_project, tmp_path, name, figures):
    data, message = HOSTILE[name]
    path = tmp_path / name
    path.write_bytes(data)
    refuse(seeded_project, path, message, figures)


@pytest.mark.parametrize("name", sorted(BRAT))
def test_a_hostile_brat_pair_is_refused_whole(seeded_project, tmp_path, name, figures):
    ann, message = BRAT[name]
    (tmp_path / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / f"{name}.ann").write_bytes(ann)
    refuse(seeded_project, tmp_path / f"{name}.ann", message, figures)


def test_a_file_over_the_size_cap_is_refused_without_reading_it(seeded_project, tmp_path, figures):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(200 * 1024 * 1024 + 1)  # sparse: no disk used, no time spent
    refuse(seeded_project, path, r"file too large \(209,715,201 bytes; the limit is 209,715,200\)", figures)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX fifo")
def test_a_pipe_or_device_is_refused_instead_of_read_forever(seeded_project, tmp_path, figures):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # so that opening it to read does not block
    try:
        refuse(seeded_project, fifo, "not a regular file", figures)
    finally:
        os.close(writer)
    if Path("/dev/zero").exists():
        refuse(seeded_project, Path("/dev/zero"), "not a regular file|cannot tell the format", figures)


def test_html_is_imported_as_its_visible_text_only(seeded_project, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(
        b"<html><head><title>T</title><script>steal()</script><style>p{}</style></head><body>"
        b"<p onclick=\"evil()\">Peskov <b>said</b> &lt;yes&gt;</p><iframe src='x'>no</iframe>"
        b"<img src=x onerror=alert(1)><a href='javascript:alert(1)'>link</a></body></html>"
    )
    assert import_files(seeded_project, [page]).ok
    assert seeded_project.store.get_document("page").text == "Peskov said <yes>\nlink"


def test_an_old_ie_conditional_comment_is_skipped_like_a_browser_does(seeded_project, tmp_path):
    page = tmp_path / "ie.html"
    page.write_bytes(b"<p>Peskov said<![ if !IE]> yes<![endif]>.</p>")  # the stdlib parser asserted on it
    assert import_files(seeded_project, [page]).ok
    assert seeded_project.store.get_document("ie").text == "Peskov said yes."


# XML -----------------------------------------------------------------------------------------
XML_HOSTILE = {
    "billion laughs": b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                      b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>',
    "external entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    "external DTD": b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://example.com/evil.dtd"><x/>',
    "parameter entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.com/p">%p;]><x/>',
}


@pytest.mark.parametrize("name", sorted(XML_HOSTILE))
def test_hostile_xml_is_refused(name, figures):
    with pytest.raises(FormatError, match=r"^in\.xmi: refused: "):
        parse_xml("in.xmi", XML_HOSTILE[name])
    figures["hostile XML files refused"] += 1


@pytest.mark.parametrize("encoding", ["UTF-0", "UTF-7", "UTF-16"])
def test_xml_declaring_an_encoding_expat_cannot_read_is_refused(encoding):
    with pytest.raises(FormatError, match=r"^in\.xmi: line 1: not (acceptable|well-formed) XML"):
        parse_xml("in.xmi", f"<?xml version='1.0' encoding='{encoding}'?><a/>".encode())


def test_malformed_xml_names_the_line_and_good_xml_parses():
    with pytest.raises(FormatError, match=r"^in\.xmi: line 3: not well-formed XML"):
        check_xml("in.xmi", b"<a>\n<b>\n</a>")
    root = parse_xml("in.xmi", b'<xmi:XMI xmlns:xmi="http://www.omg.org/XMI"><s begin="0" end="7"/></xmi:XMI>')
    assert [(child.tag, child.attrib) for child in root] == [("s", {"begin": "0", "end": "7"})]


# The code itself -----------------------------------------------------------------------------
def sources() -> list[tuple[Path, ast.AST]]:
    return [(p, ast.parse(p.read_text(encoding="utf-8"))) for p in sorted((ROOT / "annotator").rglob("*.py"))]


PICKLE_MODULES = {"pickle", "cPickle", "_pickle", "shelve", "marshal", "dill", "cloudpickle", "joblib", "pickletools"}
PICKLE_CALLS = {"read_pickle", "to_pickle", "from_pickle"}


def test_no_pickle_anywhere_in_the_app():
    """Unpickling runs code from the file: a project or dataset must never be read that way."""
    found = []
    for path, tree in sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found += [f"{path.name}: import {a.name}" for a in node.names if a.name.split(".")[0] in PICKLE_MODULES]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in PICKLE_MODULES:
                found.append(f"{path.name}: from {node.module}")
            elif isinstance(node, ast.Attribute) and node.attr in PICKLE_CALLS:
                found.append(f"{path.name}:{node.lineno}: .{node.attr}")
            elif isinstance(node, ast.keyword) and node.arg == "allow_pickle":
                found.append(f"{path.name}:{node.lineno}: allow_pickle=")
    assert found == []


XML_PARSERS = {"parse", "fromstring", "iterparse", "XML", "XMLParser", "XMLPullParser", "parseString", "make_parser", "XMLID", "fromstringlist"}


def test_xml_is_parsed_only_through_defusedxml():
    """Building XML with ElementTree is fine (exporters); parsing it goes through formats.xmlsafe."""
    found = []
    for path, tree in sources():
        if path.name == "xmlsafe.py":
            continue
        xml_names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.startswith(("xml.", "lxml")):
                        xml_names.add(alias.asname or alias.name.split(".")[0])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(("xml", "lxml")):
                for alias in node.names:
                    if alias.name in XML_PARSERS:
                        found.append(f"{path.name}: from {node.module} import {alias.name}")
                    xml_names.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in XML_PARSERS:
                base = node.value
                while isinstance(base, ast.Attribute):
                    base = base.value
                if isinstance(base, ast.Name) and base.id in xml_names:
                    found.append(f"{path.name}:{node.lineno}: {base.id}….{node.attr}")
    assert found == []


def test_a_library_that_parses_xml_itself_gets_checked_bytes():
    """dkpro-cassis parses XMI with lxml: a module that calls it must also use formats.xmlsafe."""
    for path, tree in sources():
        calls = {n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(tree)
                 if isinstance(n, (ast.Attribute, ast.Name)) and getattr(n, "attr", getattr(n, "id", "")) in
                 ("load_cas_from_xmi", "load_typesystem")}
        if calls:
            text = path.read_text(encoding="utf-8")
            assert "xmlsafe" in text, f"{path}: {sorted(calls)} without annotator.formats.xmlsafe.check_xml first"
