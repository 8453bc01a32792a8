"""The xmi importer on files as INCEpTION writes them, and on bad or unsafe XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import project as service
from annotator.core.errors import FormatError
from annotator.project.importing import read_file

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<xmi:XMI xmlns:xmi="http://www.omg.org/XMI" xmlns:cas="http:///uima/cas.ecore" '
    'xmlns:type2="http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore" '
    'xmlns:type4="http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore" '
    'xmlns:custom="http:///webanno/custom.ecore" xmi:version="2.0">\n'
    '<cas:NULL xmi:id="0"/>\n'
)
# "Hi 👍 Ann said: peace\r\nnear" — the emoji is two UTF-16 units; INCEpTION keeps the CRLF of its source file.
SOFA = '<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="Hi 👍 Ann said: peace&#13;&#10;near"/>\n'
META = '<type2:DocumentMetaData xmi:id="2" sofa="1" begin="0" end="27" documentTitle="art.txt" documentId="art.txt"/>\n'
TEXT = "Hi 👍 Ann said: peace\nnear"


def _write(tmp_path: Path, body: str, name: str = "art.xmi") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body + "</xmi:XMI>\n", encoding="utf-8")
    return path


def test_inception_custom_layers_and_named_entities(tmp_path):
    path = _write(tmp_path, SOFA + META + (
        '<custom:Claim xmi:id="10" sofa="1" begin="16" end="27" value="attributed"/>\n'
        '<type4:NamedEntity xmi:id="11" sofa="1" begin="6" end="9" value="source"/>\n'
        '<custom:ClaimSource xmi:id="12" sofa="1" begin="6" end="9" Governor="10" Dependent="11" role="said_by"/>\n'
    ))
    (draft,) = read_file(path, "xmi")
    assert (draft.doc_id, draft.text) == ("art", TEXT)
    (layer,) = draft.layers
    assert (layer.name, layer.status) == (None, "done")
    assert [(s.start, s.end, s.label) for s in layer.spans] == [(15, 25, "attributed"), (5, 8, "source")]
    assert [draft.text[s.start : s.end] for s in layer.spans] == ["peace\nnear", "Ann"]
    assert [(r.label, r.head, r.tail) for r in layer.relations] == [("said_by", "xmi-10", "xmi-11")]


def test_imports_into_a_project(tmp_path, project):
    path = _write(tmp_path, SOFA + META + '<custom:Claim xmi:id="10" sofa="1" begin="6" end="9" label="source"/>\n')
    report = service.import_files(project, [path], layer="inception")
    assert report.ok, report.errors
    (span,) = service.spans(project, doc_id="art", layer="inception")
    assert (span.start, span.end, span.label) == (5, 8, "source")


def test_offset_inside_a_surrogate_pair_is_refused(tmp_path):
    path = _write(tmp_path, SOFA + META + '<custom:Claim xmi:id="10" sofa="1" begin="4" end="9" label="source"/>\n')
    with pytest.raises(FormatError, match=r"line 6: annotation 10: offset 4 falls inside a surrogate pair"):
        read_file(path, "xmi")


def test_offsets_past_the_text_are_refused(tmp_path):
    path = _write(tmp_path, SOFA + META + '<custom:Claim xmi:id="10" sofa="1" begin="20" end="99" label="x"/>\n')
    with pytest.raises(FormatError, match=r"annotation 10: offsets \[20, 99\) empty or outside a text of 27 UTF-16 units"):
        read_file(path, "xmi")


def test_relation_to_an_unknown_annotation_is_refused(tmp_path):
    path = _write(tmp_path, SOFA + META + (
        '<custom:Claim xmi:id="10" sofa="1" begin="6" end="9" label="source"/>\n'
        '<custom:Rel xmi:id="12" sofa="1" begin="6" end="9" Governor="10" Dependent="77" label="said_by"/>\n'
    ))
    with pytest.raises(FormatError, match="relation 12: Dependent '77' is not a span of this file"):
        read_file(path, "xmi")


def test_entities_and_dtds_are_refused(tmp_path):
    path = tmp_path / "bomb.xmi"
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaa">]>\n<x>&a;</x>\n', encoding="utf-8")
    with pytest.raises(FormatError, match="refused: the XML declares a DTD or entities"):
        read_file(path, "xmi")


def test_broken_xml_names_the_line(tmp_path):
    path = tmp_path / "broken.xmi"
    path.write_text(HEAD + SOFA + "<custom:Claim begin=>\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken.xmi: line 5: not valid XML"):
        read_file(path, "xmi")


def test_a_file_without_text_is_refused(tmp_path):
    path = _write(tmp_path, META)
    with pytest.raises(FormatError, match="no document text: the XMI has no Sofa with a sofaString"):
        read_file(path, "xmi")


def test_other_xml_is_not_taken_for_xmi(tmp_path):
    path = tmp_path / "other.xmi"
    path.write_text("<html><body/></html>", encoding="utf-8")
    with pytest.raises(FormatError, match="not a UIMA CAS XMI file"):
        read_file(path, "xmi")
