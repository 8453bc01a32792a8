"""CSV: one row per span, safe to open in a spreadsheet.

Columns: doc_id, layer, span_id, start, end, label, text, note, source_ids, link_labels (the spans this
one is linked to, as head, and the relation labels, `;`-separated and in the same order). UTF-8 with a
BOM (so spreadsheets detect the encoding), RFC 4180 quoting.

A cell that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, tab or CR — gets a
leading apostrophe, as does a cell that already starts with one (so `unneutralise` is exact). The exact
text is also in jsonl and parquet.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from annotator.core.model import AnnotatedDocument
from annotator.formats.pipeline import ExportContext, Exporter

COLUMNS = ["doc_id", "layer", "span_id", "start", "end", "label", "text", "note", "source_ids", "link_labels"]
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")
NEUTRALISED = "cell(s) start with = + - @ tab or CR and were prefixed with ' so spreadsheets show them as text"


def neutralise(value: str) -> str:
    return "'" + value if value.startswith(_TRIGGERS) else value


def unneutralise(value: str) -> str:
    """The exact value of a cell written by `neutralise`."""
    return value[1:] if value.startswith("'") and value[1:].startswith(_TRIGGERS) else value


def rows(item: AnnotatedDocument, ctx: ExportContext | None = None) -> Iterator[list[object]]:
    """The rows of one document and layer, cells already neutralised."""
    links: dict[str, list[tuple[str, str]]] = {}
    for rel in item.relations:
        links.setdefault(rel.head, []).append((rel.tail, rel.label))
    text = item.document.text
    for span in sorted(item.spans, key=lambda s: (s.start, s.end, s.label, s.id)):
        linked = links.get(span.id, [])
        cells = [
            item.document.id, item.layer or "", span.id, span.start, span.end, span.label, text[span.start : span.end],
            span.note, ";".join(t for t, _ in linked), ";".join(label for _, label in linked),
        ]
        out: list[object] = []
        for cell in cells:
            if isinstance(cell, str):
                safe = neutralise(cell)
                if safe is not cell and ctx is not None and not cell.startswith("'"):
                    ctx.warn(NEUTRALISED, f"{item.document.id}: {cell[:30]!r}")
                cell = safe
            out.append(cell)
        yield out


def format_csv(items: list[AnnotatedDocument], ctx: ExportContext) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerows(rows(item, ctx))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        ctx.step(item.document.id)
    yield buffer.getvalue()


EXPORTER = Exporter("csv", ".csv", format_csv, "CSV, one row per span, spreadsheet-safe", "Python csv, pandas, spreadsheets")
