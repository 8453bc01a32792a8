"""spaCy DocBin: one Doc per document, each layer's spans in a span group, relations in doc.user_data.

Tokens come from `spacy.blank(lang)` (no model download). A span whose edges fall inside a spaCy token
is expanded to whole tokens (`alignment_mode="expand"`) and counted in the summary; its exact offsets
stay in `doc.user_data["layers"][layer]["offsets"]`. Nothing is dropped silently: a span that covers
no token at all (white space only) is reported.

`doc.user_data` (DocBin with store_user_data=True; lists come back as tuples):
  "doc_id": str, "meta": dict,
  "layers": {layer: {"status": str, "kind": str, "span_ids": [...], "offsets": [[start, end], ...], "notes": [...]}},
  "relations": [{"id", "layer", "label", "head", "tail", "head_id", "tail_id"}]  (head/tail index doc.spans[layer])
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument
from annotator.formats.pipeline import ExportContext, Exporter, by_document, where

EXPANDED = "span(s) did not fall on spaCy token boundaries and were expanded to whole tokens"
UNALIGNED = "span(s) cover no spaCy token (white space only) and are not in doc.spans (kept in user_data offsets)"


def blank(lang: str) -> Any:
    """`spacy.blank(lang)`, with a clear error for a language spaCy does not know."""
    import spacy

    try:
        return spacy.blank(lang)
    except (ImportError, KeyError, ValueError) as exc:
        raise AnnotatorError(f"spaCy has no language {lang!r} ({exc.__class__.__name__}); use e.g. en, de, xx") from None


def _layer_spans(doc: Any, item: AnnotatedDocument, ctx: ExportContext) -> tuple[list[Any], dict[str, Any]]:
    spans, kept_ids, offsets, notes = [], [], [], []
    for span in sorted(item.spans, key=lambda s: (s.start, s.end, s.label, s.id)):
        made = doc.char_span(span.start, span.end, label=span.label, span_id=span.id)
        if made is None:
            made = doc.char_span(span.start, span.end, label=span.label, span_id=span.id, alignment_mode="expand")
            if made is None or len(made) == 0:
                ctx.warn(UNALIGNED, where(item, span.start, span.end))
                continue
            ctx.warn(EXPANDED, f"{where(item, span.start, span.end)} → [{made.start_char}, {made.end_char})")
        spans.append(made)
        kept_ids.append(span.id)
        offsets.append([span.start, span.end])
        notes.append(span.note)
    info = {
        "status": item.status or "", "kind": getattr(item.layer_kind, "value", str(item.layer_kind)),
        "span_ids": kept_ids, "offsets": offsets, "notes": notes,
    }
    return spans, info


def to_docs(items: list[AnnotatedDocument], ctx: ExportContext, nlp: Any = None) -> list[Any]:
    """The spaCy Docs for `items` (several layers of one document become one Doc)."""
    nlp = nlp if nlp is not None else blank(ctx.lang)
    docs = []
    for group in by_document(items):
        document = group[0].document
        doc = nlp.make_doc(document.text)
        layers: dict[str, Any] = {}
        relations: list[dict[str, Any]] = []
        for item in group:
            if item.layer is not None:
                spans, info = _layer_spans(doc, item, ctx)
                doc.spans[item.layer] = spans
                layers[item.layer] = info
                index = {span_id: i for i, span_id in enumerate(info["span_ids"])}
                for rel in item.relations:
                    if rel.head in index and rel.tail in index:
                        relations.append({
                            "id": rel.id, "layer": item.layer, "label": rel.label, "head": index[rel.head],
                            "tail": index[rel.tail], "head_id": rel.head, "tail_id": rel.tail,
                        })
                    else:
                        ctx.warn("relation(s) lost with a span that covers no token", where(item))
            ctx.step(document.id)
        doc.user_data["doc_id"] = document.id
        doc.user_data["meta"] = dict(document.meta)
        doc.user_data["layers"] = layers
        doc.user_data["relations"] = relations
        docs.append(doc)
    return docs


def format_docbin(items: list[AnnotatedDocument], ctx: ExportContext) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(docs=to_docs(items, ctx), store_user_data=True).to_bytes()


EXPORTER = Exporter(
    "spacy", ".spacy", format_docbin, "spaCy DocBin: span groups per layer, relations in user_data",
    "spaCy (DocBin.from_disk + spacy.blank)",
)
