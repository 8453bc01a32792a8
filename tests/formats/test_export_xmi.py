"""UIMA CAS XMI export, read back with dkpro-cassis and with this tool's xmi importer; raw offsets are UTF-16."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from cassis import load_cas_from_xmi, load_typesystem

from annotator import project as service
from annotator.core.model import AnnotatedDocument, Document
from annotator.core.offsets import Utf16Map
from annotator.formats import xmi
from annotator.formats.pipeline import ExportContext
from annotator.project.importing import read_file
from tests.export_samples import DOC_ID, PLAIN_ID, TEXT, expected, expected_links, layer_of, link_set, span_set

CUSTOM = "{http:///webanno/custom.ecore}"


@pytest.fixture
def exported(awkward, tmp_path) -> Path:
    out = tmp_path / "xmi"
    service.export(awkward, format="xmi", out=out)
    return out


def _cas(folder: Path, doc_id: str):
    with open(folder / "TypeSystem.xml", "rb") as fh:
        ts = load_typesystem(fh)
    with open(folder / f"{doc_id}.xmi", "rb") as fh:
        return load_cas_from_xmi(fh, typesystem=ts)


def test_a_folder_per_layer_with_its_type_system(exported):
    assert sorted(str(p.relative_to(exported)) for p in exported.rglob("*.*")) == [
        "alice/TypeSystem.xml", f"alice/{DOC_ID}.xmi", f"alice/{PLAIN_ID}.xmi", "gold/TypeSystem.xml", f"gold/{DOC_ID}.xmi",
    ]


def test_cassis_reads_the_same_spans_notes_and_relations(exported):
    for layer in ("alice", "gold"):
        cas = _cas(exported / layer, DOC_ID)
        assert cas.sofa_string == TEXT
        spans = cas.select(xmi.SPAN_TYPE)
        assert {(s.begin, s.end, s.label, s.note or "") for s in spans} == expected(layer)
        assert all(s.get_covered_text() == TEXT[s.begin : s.end] for s in spans)
        links = {
            ((r.Governor.begin, r.Governor.end, r.Governor.label), (r.Dependent.begin, r.Dependent.end, r.Dependent.label), r.label)
            for r in cas.select(xmi.RELATION_TYPE)
        }
        assert links == expected_links(layer)
        (meta,) = cas.select(xmi.METADATA_TYPE)
        assert (meta.documentId, meta.collectionId, meta.language) == (DOC_ID, xmi.COLLECTION_ID, "en")


def test_offsets_in_the_file_are_utf16_units(exported):
    """Astral characters (emoji, flags) take two UTF-16 units: every offset after one shifts, exactly."""
    root = ElementTree.parse(exported / "alice" / f"{DOC_ID}.xmi").getroot()
    u16 = Utf16Map(TEXT)
    found = {(int(el.get("begin")), int(el.get("end")), el.get("label")) for el in root.iter(f"{CUSTOM}ClaimSpan")}
    assert found == {(u16.to_utf16(s), u16.to_utf16(e), label) for s, e, label, _ in expected("alice")}
    assert u16.u16_length > len(TEXT)  # the sample does hold astral characters


def test_type_system_describes_the_schema_labels(exported):
    ts = load_typesystem((exported / "gold" / "TypeSystem.xml").read_text(encoding="utf-8"))
    label = ts.get_type(xmi.SPAN_TYPE).get_feature("label")
    assert label.description == (
        "Span label: attributed (claim), contested (claim), opinion (claim), source (source), cue (cue)"
    )
    assert ts.get_type(xmi.RELATION_TYPE).get_feature("Governor").rangeType.name == xmi.SPAN_TYPE


def test_own_importer_reads_back_exactly(exported):
    (draft,) = read_file(exported / "alice" / f"{DOC_ID}.xmi", "xmi")
    assert (draft.doc_id, draft.text) == (DOC_ID, TEXT)
    layer = layer_of([draft], DOC_ID, "alice")
    assert span_set(layer) == expected("alice")
    assert link_set(layer) == expected_links("alice")
    assert {s.attrs.get("certainty") for s in layer.spans} == {None, "high"}


def test_characters_xml_cannot_carry_are_replaced_in_place_and_reported():
    doc = Document("ctl", "bell \x07 then 👍 end", {})
    ctx = ExportContext(total=1)
    files = xmi.format_xmi([AnnotatedDocument(doc, "alice", "done")], ctx)
    ts = load_typesystem(files["alice/TypeSystem.xml"])
    cas = load_cas_from_xmi(files["alice/ctl.xmi"], typesystem=ts)
    assert cas.sofa_string == "bell \ufffd then 👍 end"
    assert ctx.notices.count(xmi.REPLACED) == 1
