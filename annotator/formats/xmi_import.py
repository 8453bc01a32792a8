"""UIMA CAS XMI import (INCEpTION, DKPro, cassis, and this tool's xmi export), parsed with defusedxml.

Spans are the annotations of INCEpTION custom layers (`webanno.custom.*`) and DKPro named entities;
an annotation with `Governor` and `Dependent` features is a relation between two of them. The label is
the `label` feature, else `value`, else the first other string feature, else the type's name. UIMA
offsets count UTF-16 units; they are mapped to code points through `Utf16Map` (an offset inside a
surrogate pair is an error), then onto the text with CRLF normalised.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from annotator.core.errors import FormatError
from annotator.core.offsets import Utf16Map
from annotator.core.text import NewlineMap
from annotator.formats.base import DocumentDraft, Importer, LayerDraft, RelationDraft, SpanDraft
from annotator.formats.txt import title_of
from annotator.formats.xmi import COLLECTION_ID

XMI_NS = "http://www.omg.org/XMI"
CAS_NS = "http:///uima/cas.ecore"
CUSTOM_NS = "http:///webanno/custom.ecore"
NER_NS = "http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore"
META_NS = "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"
XMI_ID = f"{{{XMI_NS}}}id"
# Features that are not the label: structure, and what this tool's export adds beside it.
_NOT_LABEL = {XMI_ID, "sofa", "begin", "end", "note", "spanId", "relationId", "layer", "attributes", "Governor", "Dependent"}
_TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xmi", ".xml")


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


class _Reader:
    def __init__(self, path: Path, data: bytes) -> None:
        self.path, self.data = path, data

    def fail(self, message: str, xmi_id: str | None = None) -> FormatError:
        """An error at the element with this xmi:id (its line found in the raw bytes)."""
        line = None
        if xmi_id is not None:
            at = self.data.find(f'xmi:id="{xmi_id}"'.encode())
            line = self.data.count(b"\n", 0, at) + 1 if at >= 0 else None
        return FormatError(self.path, message, line=line)

    def parse(self) -> Element:
        try:
            return SafeET.fromstring(self.data, forbid_dtd=True)
        except DefusedXmlException as exc:
            raise FormatError(self.path, f"refused: the XML declares a DTD or entities ({exc.__class__.__name__})") from None
        except ParseError as exc:
            hint = "; XMI in XML 1.1 is not supported, export 'UIMA CAS XMI (XML 1.0)'" if b'version="1.1"' in self.data[:100] else ""
            raise FormatError(self.path, f"not valid XML: {exc.msg if hasattr(exc, 'msg') else exc}{hint}",
                              line=exc.position[0]) from None
        except (LookupError, ValueError) as exc:  # expat on an unknown or multi-byte declared encoding
            raise FormatError(self.path, f"not valid XML: {exc}", line=1) from None

    def offsets(self, el: Element, u16: Utf16Map, newline: NewlineMap) -> tuple[int, int]:
        xid = el.get(XMI_ID)
        try:
            begin, end = int(el.get("begin", "")), int(el.get("end", ""))
        except ValueError:
            raise self.fail(f"annotation {xid}: begin/end are not integers", xid) from None
        if not 0 <= begin < end <= u16.u16_length:
            raise self.fail(
                f"annotation {xid}: offsets [{begin}, {end}) empty or outside a text of {u16.u16_length} UTF-16 units", xid
            )
        for unit in (begin, end):
            if not u16.is_boundary(unit):
                raise self.fail(f"annotation {xid}: offset {unit} falls inside a surrogate pair (half an emoji)", xid)
        return newline(u16.from_utf16(begin)), newline(u16.from_utf16(end))

    @staticmethod
    def label(el: Element, local: str) -> str:
        for name in ("label", "value"):
            if el.get(name):
                return str(el.get(name))
        for name, value in el.attrib.items():
            if name not in _NOT_LABEL and value and not value.isdigit():
                return value
        return local

    def read(self) -> list[DocumentDraft]:
        root = self.parse()
        if root.tag != f"{{{XMI_NS}}}XMI":
            raise FormatError(self.path, f"not a UIMA CAS XMI file (the root element is {root.tag!r})", line=1)
        sofas = [el for el in root if el.tag == f"{{{CAS_NS}}}Sofa"]
        sofa = next((s for s in sofas if s.get("sofaID") == "_InitialView"), sofas[0] if sofas else None)
        if sofa is None or sofa.get("sofaString") is None:
            raise FormatError(self.path, "no document text: the XMI has no Sofa with a sofaString")
        raw, sofa_id = sofa.get("sofaString", ""), sofa.get(XMI_ID)
        u16, newline = Utf16Map(raw), NewlineMap(raw)
        meta_el = None
        spans: dict[str, tuple[SpanDraft, str | None]] = {}  # xmi:id → (span, layer)
        relation_els = []
        for el in root:
            ns, local = _split(el.tag)
            if el.get("sofa") != sofa_id:
                continue
            if ns == META_NS and local == "DocumentMetaData":
                meta_el = el
            elif ns == CUSTOM_NS or (ns == NER_NS and local == "NamedEntity"):
                if el.get("Governor") is not None and el.get("Dependent") is not None:
                    relation_els.append(el)
                    continue
                if el.get("begin") is None or el.get("end") is None:
                    continue  # a feature structure that is not an annotation (e.g. a link feature's entry)
                xid = el.get(XMI_ID) or str(len(spans))
                start, end = self.offsets(el, u16, newline)
                attrs = {}
                if el.get("attributes"):
                    try:
                        attrs = json.loads(el.get("attributes", ""))
                    except json.JSONDecodeError:
                        raise self.fail(f"annotation {xid}: 'attributes' is not JSON", xid) from None
                key = el.get("spanId") or f"xmi-{xid}"
                spans[xid] = (SpanDraft(key, start, end, self.label(el, local), el.get("note") or "", attrs), el.get("layer"))
        layers: dict[str | None, LayerDraft] = {}
        for span, layer in spans.values():
            layers.setdefault(layer, LayerDraft(name=layer)).spans.append(span)
        for el in relation_els:
            ends = []
            for feature in ("Governor", "Dependent"):
                ref = el.get(feature)
                if ref not in spans:
                    raise self.fail(f"relation {el.get(XMI_ID)}: {feature} {ref!r} is not a span of this file", el.get(XMI_ID))
                ends.append(spans[ref])
            (head, head_layer), (tail, _) = ends
            layer = el.get("layer") or head_layer
            rel = RelationDraft(head.key, tail.key, self.label(el, _split(el.tag)[1]), el.get("relationId"))
            layers.setdefault(layer, LayerDraft(name=layer)).relations.append(rel)
        for draft in layers.values():
            draft.status = "done" if draft.spans else None
        text = newline.text
        return [DocumentDraft(self.doc_id(meta_el), text, self.meta(meta_el, text), list(layers.values()))]

    def doc_id(self, meta: Element | None) -> str:
        """documentId; INCEpTION names documents after their file, so a text suffix is dropped unless we wrote it."""
        doc_id = (meta.get("documentId") if meta is not None else None) or self.path.stem
        ours = meta is not None and meta.get("collectionId") == COLLECTION_ID
        if not ours and doc_id.lower().endswith(_TEXT_SUFFIXES) and "." in doc_id[:-1]:
            doc_id = doc_id.rsplit(".", 1)[0]
        return doc_id

    def meta(self, meta: Element | None, text: str) -> dict[str, Any]:
        title = meta.get("documentTitle") if meta is not None else None
        return {"title": title or title_of(text), "source": self.path.name}


def read_xmi(path: Path, data: bytes) -> list[DocumentDraft]:
    return _Reader(path, data).read()


IMPORTER = Importer("xmi", (".xmi",), read_xmi, "UIMA CAS XMI (INCEpTION, DKPro Core, cassis)")
