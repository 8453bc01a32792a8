"""Label Studio JSON tasks with the annotations in place, and the labeling config they need.

One task per document (`data.text`, `data.doc_id` so that this tool's importer finds the document again,
and the document's scalar meta); one annotation per layer (`layer` names it; the gold layer is marked
`ground_truth`). Regions are `labels` results with code-point offsets, as Label Studio counts them in
its JSON; notes are per-region `textarea` results with the region's id; relations are `relation` results.
Import into a project whose labeling config is the generated `label_config.xml`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import quoteattr

from annotator.core.model import AnnotatedDocument, LayerKind, Schema
from annotator.formats.pipeline import ExportContext, Exporter, by_document, where

FROM_LABELS, FROM_NOTE, TO_NAME = "label", "note", "text"
ATTRS_LOST = "span attribute(s) have no place in Label Studio results (kept in jsonl and parquet)"


def _region(item: AnnotatedDocument, span: Any) -> dict[str, Any]:
    return {
        "id": span.id, "from_name": FROM_LABELS, "to_name": TO_NAME, "type": "labels",
        "value": {
            "start": span.start, "end": span.end, "text": item.document.text[span.start : span.end],
            "labels": [span.label],
        },
    }


def annotation(item: AnnotatedDocument, ctx: ExportContext | None = None) -> dict[str, Any]:
    """One layer of one document as a Label Studio annotation."""
    result: list[dict[str, Any]] = []
    for span in item.spans:
        result.append(_region(item, span))
        if span.note:
            note = _region(item, span)
            note.update(from_name=FROM_NOTE, type="textarea")
            note["value"] = {k: v for k, v in note["value"].items() if k != "labels"}
            note["value"]["text"] = [span.note]
            result.append(note)
        if span.attrs and ctx is not None:
            ctx.warn(ATTRS_LOST, where(item, span.start, span.end))
    for rel in item.relations:
        result.append({
            "id": rel.id, "from_id": rel.head, "to_id": rel.tail, "type": "relation", "direction": "right",
            "labels": [rel.label],
        })
    return {
        "layer": item.layer, "status": item.status, "ground_truth": item.layer_kind == LayerKind.GOLD,
        "was_cancelled": False, "result": result,
    }


def task(group: list[AnnotatedDocument], ctx: ExportContext | None = None) -> dict[str, Any]:
    document = group[0].document
    data: dict[str, Any] = {
        k: v for k, v in document.meta.items() if isinstance(v, (str, int, float, bool)) and k not in ("text", "doc_id")
    }
    data.update(text=document.text, doc_id=document.id)
    layers = [item for item in group if item.layer is not None]
    annotations = [annotation(item, ctx) for item in layers if item.layer_kind != LayerKind.SUGGESTION]
    predictions = [
        {"model_version": item.layer, "layer": item.layer, "result": annotation(item, ctx)["result"]}
        for item in layers if item.layer_kind == LayerKind.SUGGESTION
    ]
    out: dict[str, Any] = {"data": data, "annotations": annotations}
    if predictions:
        out["predictions"] = predictions
    return out


def format_tasks(items: list[AnnotatedDocument], ctx: ExportContext) -> Iterator[str]:
    """A JSON array of tasks, written one task per line so that large exports stream."""
    yield "["
    first = True
    for group in by_document(items):
        yield ("\n" if first else ",\n") + json.dumps(task(group, ctx), ensure_ascii=False)
        first = False
        for item in group:
            ctx.step(item.document.id)
    yield "\n]\n"


def label_config(schema: Schema) -> str:
    """The labeling config (XML) that the exported tasks fit: labels, relations and a per-region note."""
    lines = ["<View>", "  <Relations>"]
    lines += [f"    <Relation value={quoteattr(label.name)}/>" for label in schema.relation_labels]
    lines += ["  </Relations>", f'  <Labels name="{FROM_LABELS}" toName="{TO_NAME}">']
    lines += [
        f"    <Label value={quoteattr(label.name)} background={quoteattr(label.color)}"
        + (f" hotkey={quoteattr(label.key)}" if label.key else "") + "/>"
        for label in schema.span_labels
    ]
    lines += [
        "  </Labels>",
        f'  <Text name="{TO_NAME}" value="$text"/>',
        '  <View visibleWhen="region-selected">',
        f'    <TextArea name="{FROM_NOTE}" toName="{TO_NAME}" perRegion="true" editable="true" placeholder="note"/>',
        "  </View>",
        "</View>",
    ]
    return "\n".join(lines) + "\n"


EXPORTER = Exporter(
    "labelstudio", ".json", format_tasks, "Label Studio tasks with annotations, plus its labeling config",
    "Label Studio (import); this tool's labelstudio importer",
    companions=lambda schema: {"label_config.xml": label_config(schema)},
)
