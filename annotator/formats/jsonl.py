"""Canonical JSONL (DESIGN.md): one object per document and layer. Reads and writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from annotator.core.errors import FormatError
from annotator.core.model import AnnotatedDocument
from annotator.core.offsets import span_error
from annotator.core.text import NewlineMap
from annotator.formats.base import DocumentDraft, Importer, LayerDraft, RelationDraft, SpanDraft, decode_lines
from annotator.formats.pipeline import ExportContext, Exporter


def _why(exc: BaseException) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def _need(path: Path, line: int, obj: dict, key: str, kind: type | tuple, what: str) -> Any:
    value = obj.get(key)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise FormatError(path, f"{what} {key!r} must be {getattr(kind, '__name__', 'valid')}, got {value!r}", line=line)
    return value


def _spans(path: Path, line: int, doc_id: str, raw: str, items: Any) -> list[SpanDraft]:
    if not isinstance(items, list):
        raise FormatError(path, "'spans' must be a list", line=line)
    newline = NewlineMap(raw) if "\r" in raw else None
    spans = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise FormatError(path, f"span {i} is not an object", line=line)
        key = str(item.get("id", f"#{i}"))
        start, end = item.get("start"), item.get("end")
        expected = item.get("text")
        if expected is not None and not isinstance(expected, str):
            raise FormatError(path, f"span {key!r}: 'text' must be a string", line=line)
        problem = span_error(raw, start, end, expected)
        if problem:
            raise FormatError(path, f"document {doc_id!r}, span {key!r}: {problem}", line=line)
        label = _need(path, line, item, "label", str, f"span {key!r}:")
        note = item.get("note") or ""
        attrs = item.get("attrs") or {}
        if not isinstance(note, str) or not isinstance(attrs, dict):
            raise FormatError(path, f"span {key!r}: 'note' must be a string and 'attrs' an object", line=line)
        cluster = item.get("cluster")
        if cluster is not None and (not isinstance(cluster, str) or not cluster):
            raise FormatError(path, f"span {key!r}: 'cluster' must be a non-empty string", line=line)
        if newline:
            start, end = newline(start), newline(end)
        spans.append(SpanDraft(key, start, end, label, note, attrs, cluster=cluster))
    return spans


def _relations(path: Path, line: int, items: Any) -> list[RelationDraft]:
    if not isinstance(items, list):
        raise FormatError(path, "'relations' must be a list", line=line)
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise FormatError(path, f"relation {i} is not an object", line=line)
        head, tail = item.get("head"), item.get("tail")
        label = _need(path, line, item, "label", str, f"relation {i}:")
        if head is None or tail is None:
            raise FormatError(path, f"relation {i} needs 'head' and 'tail'", line=line)
        out.append(RelationDraft(str(head), str(tail), label, item.get("id")))
    return out


def parse_line(path: Path, line: int, obj: Any) -> DocumentDraft:
    if not isinstance(obj, dict):
        raise FormatError(path, f"expected a JSON object, got {type(obj).__name__}", line=line)
    doc_id = obj.get("doc_id", obj.get("id"))
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id:
        raise FormatError(path, "'doc_id' must be a non-empty string", line=line)
    raw = _need(path, line, obj, "text", str, "")
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise FormatError(path, "'meta' must be an object", line=line)
    layers: list[LayerDraft] = []
    layer = obj.get("layer")
    if layer is not None:
        if not isinstance(layer, str) or not layer.strip():
            raise FormatError(path, "'layer' must be a non-empty string", line=line)
        spans = _spans(path, line, doc_id, raw, obj.get("spans", []))
        relations = _relations(path, line, obj.get("relations", []))
        status = obj.get("status")
        if status is not None and not isinstance(status, str):
            raise FormatError(path, "'status' must be a string", line=line)
        layers.append(LayerDraft(layer, status or ("done" if spans else None), spans, relations))
    elif obj.get("spans"):
        raise FormatError(path, "a line with spans must name its 'layer'", line=line)
    text = NewlineMap(raw).text if "\r" in raw else raw
    return DocumentDraft(doc_id=doc_id, text=text, meta=meta, layers=layers, line=line)


def read_jsonl(path: Path, data: bytes) -> list[DocumentDraft]:
    drafts = []
    # Line by line, split on LF only: str.splitlines would also break on U+2028 inside JSON strings.
    for number, line in decode_lines(path, data):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=number) from None
        except (ValueError, RecursionError) as exc:  # a 5,000-digit number; arrays nested 100,000 deep
            raise FormatError(path, f"not acceptable JSON: {_why(exc)}", line=number) from None
        drafts.append(parse_line(path, number, obj))
    if not drafts:
        raise FormatError(path, "empty file: no JSON lines", byte=0)
    return drafts


def to_record(item: AnnotatedDocument) -> dict[str, Any]:
    """One canonical JSONL object for one document and layer (a bare document when layer is None)."""
    doc = item.document
    record: dict[str, Any] = {"doc_id": doc.id, "text": doc.text, "meta": dict(doc.meta)}
    if item.layer is None:
        return record
    spans = []
    for span in item.spans:
        entry: dict[str, Any] = {
            "id": span.id, "start": span.start, "end": span.end, "label": span.label,
            "text": doc.text[span.start : span.end], "note": span.note,
        }
        if span.attrs:
            entry["attrs"] = dict(span.attrs)
        if span.id in item.clusters:
            entry["cluster"] = item.clusters[span.id]
        spans.append(entry)
    record.update(
        layer=item.layer,
        status=item.status or "todo",
        spans=spans,
        relations=[{"id": r.id, "head": r.head, "tail": r.tail, "label": r.label} for r in item.relations],
    )
    return record


def format_jsonl(items: Iterable[AnnotatedDocument], ctx: ExportContext | None = None) -> Iterator[str]:
    for item in items:
        yield json.dumps(to_record(item), ensure_ascii=False) + "\n"
        if ctx is not None:
            ctx.step(item.document.id)


EXPORTER = Exporter("jsonl", ".jsonl", format_jsonl, "canonical JSONL, lossless", "json (any JSON Lines reader); this tool's importer")

IMPORTER = Importer("jsonl", (".jsonl", ".ndjson"), read_jsonl, "canonical JSONL: one document and layer per line")
