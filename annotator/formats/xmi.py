"""UIMA CAS XMI (XML 1.0) with its TypeSystem.xml, as INCEpTION imports it, written with dkpro-cassis.

A folder per layer holds `<doc>.xmi` files and the `TypeSystem.xml` they use. The types follow
INCEpTION's conventions for custom layers, so a project with a span layer `ClaimSpan` (string feature
`label`) and a relation layer `ClaimRelation` on it receives the annotations:

- `webanno.custom.ClaimSpan` (label, note, spanId, layer, attributes as JSON)
- `webanno.custom.ClaimRelation` (Governor, Dependent: ClaimSpan; label, relationId, layer), placed on its
  Dependent as INCEpTION places relations
- `de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData` (documentId = our document id)

UIMA counts offsets in UTF-16 units; cassis converts from Python's code points when it writes (tests check
the raw XMI against `annotator.core.offsets.Utf16Map`). XML 1.0 cannot hold most control characters:
they are written as U+FFFD (one unit in both counts, so no offset moves) and reported.
"""

from __future__ import annotations

import json
import re
from typing import Any

from annotator.core.model import AnnotatedDocument, Schema
from annotator.formats.pipeline import ExportContext, Exporter, safe_name, where

SPAN_TYPE = "webanno.custom.ClaimSpan"
RELATION_TYPE = "webanno.custom.ClaimRelation"
METADATA_TYPE = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
COLLECTION_ID = "claim-annotator"  # marks our own exports, whose documentId is the document id exactly
UNANNOTATED = "(unannotated)"
STRING, BOOLEAN = "uima.cas.String", "uima.cas.Boolean"

_NOT_XML10 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
REPLACED = "text(s) or note(s) hold characters XML 1.0 cannot carry; written as U+FFFD (offsets unchanged)"


def _labels_text(labels: Any) -> str:
    return ", ".join(f"{label.name} ({label.group})" if label.kind == "span" else label.name for label in labels)


def typesystem_for(schema: Schema) -> Any:
    """The cassis TypeSystem for a project schema (the labels are listed in the feature descriptions)."""
    from cassis import TypeSystem

    ts = TypeSystem()
    meta = ts.create_type(METADATA_TYPE, supertypeName="uima.tcas.DocumentAnnotation",
                          description="DKPro Core document metadata (as INCEpTION writes it)")
    for name in ("documentTitle", "documentId", "documentUri", "documentBaseUri", "collectionId"):
        ts.create_feature(meta, name, STRING)
    ts.create_feature(meta, "isLastSegment", BOOLEAN)
    span = ts.create_type(SPAN_TYPE, description="A claim annotator span: claim, source or cue.")
    ts.create_feature(span, "label", STRING, description="Span label: " + _labels_text(schema.span_labels))
    ts.create_feature(span, "note", STRING, description="Free-text note")
    ts.create_feature(span, "spanId", STRING, description="Span id (UUID) in the claim annotator project")
    ts.create_feature(span, "layer", STRING, description="Annotator, gold or suggestion layer it belongs to")
    ts.create_feature(span, "attributes", STRING, description="Span attributes as a JSON object")
    rel = ts.create_type(RELATION_TYPE, description="A claim → source link.")
    ts.create_feature(rel, "Governor", SPAN_TYPE, description="The claim (head)")
    ts.create_feature(rel, "Dependent", SPAN_TYPE, description="The source (tail)")
    ts.create_feature(rel, "label", STRING, description="Relation label: " + _labels_text(schema.relation_labels))
    ts.create_feature(rel, "relationId", STRING, description="Relation id (UUID) in the claim annotator project")
    ts.create_feature(rel, "layer", STRING, description="Layer it belongs to")
    return ts


def _xml_safe(value: str, item: AnnotatedDocument, ctx: ExportContext) -> str:
    if _NOT_XML10.search(value) is None:
        return value
    ctx.warn(REPLACED, where(item))
    return _NOT_XML10.sub("\ufffd", value)


def to_cas(item: AnnotatedDocument, ts: Any, ctx: ExportContext) -> Any:
    """One document and layer as a CAS; offsets stay code points here (cassis writes UTF-16)."""
    from cassis import Cas

    doc = item.document
    text = _xml_safe(doc.text, item, ctx)
    cas = Cas(typesystem=ts)
    cas.sofa_string = text
    cas.sofa_mime = "text/plain"
    # DocumentMetaData is the CAS's document annotation (a subtype), as in DKPro and INCEpTION.
    cas.add(ts.get_type(METADATA_TYPE)(
        begin=0, end=len(text), language=ctx.lang, documentId=_xml_safe(doc.id, item, ctx),
        documentTitle=_xml_safe(doc.title, item, ctx), collectionId=COLLECTION_ID, isLastSegment=False,
    ))
    span_type, rel_type = ts.get_type(SPAN_TYPE), ts.get_type(RELATION_TYPE)
    made: dict[str, Any] = {}
    layer = _xml_safe(item.layer, item, ctx) if item.layer is not None else None
    for span in item.spans:
        fs = span_type(begin=span.start, end=span.end, label=_xml_safe(span.label, item, ctx), spanId=span.id, layer=layer)
        if span.note:
            fs.note = _xml_safe(span.note, item, ctx)
        if span.attrs:
            fs.attributes = _xml_safe(json.dumps(dict(span.attrs), ensure_ascii=False), item, ctx)
        made[span.id] = fs
    cas.add_all(list(made.values()))
    for rel in item.relations:
        if rel.head not in made or rel.tail not in made:
            ctx.warn("relation(s) name a span that is not in the layer and were left out", where(item))
            continue
        head, tail = made[rel.head], made[rel.tail]
        cas.add(rel_type(begin=tail.begin, end=tail.end, Governor=head, Dependent=tail,
                         label=_xml_safe(rel.label, item, ctx), relationId=rel.id, layer=layer))
    return cas


def format_xmi(items: list[AnnotatedDocument], ctx: ExportContext) -> dict[str, str]:
    ts = typesystem_for(ctx.schema)
    files: dict[str, str] = {}
    folders: list[str] = []
    for item in items:
        folder = safe_name(item.layer) if item.layer is not None else UNANNOTATED
        files[f"{folder}/{safe_name(item.document.id)}.xmi"] = to_cas(item, ts, ctx).to_xmi()
        if folder not in folders:
            folders.append(folder)
        ctx.step(item.document.id)
    schema_xml = ts.to_xml()
    for folder in folders or [""]:
        files[(f"{folder}/" if folder else "") + "TypeSystem.xml"] = schema_xml
    return files


EXPORTER = Exporter(
    "xmi", "", format_xmi, "UIMA CAS XMI + TypeSystem.xml (INCEpTION), a folder per layer",
    "INCEpTION, dkpro-cassis (load_typesystem + load_cas_from_xmi); this tool's xmi importer",
)
