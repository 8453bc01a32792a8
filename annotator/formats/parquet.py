"""Parquet (pyarrow): one row per document and layer, spans and relations nested as lists of structs.

Loadable by `datasets.load_dataset("parquet", data_files=...)`, `pandas.read_parquet` and any Arrow
reader. `meta` and span `attrs` are JSON strings (free-form objects do not fit one Arrow type).
With `--split` the files are train/dev/test.parquet, which `datasets` maps to its splits by name.
"""

from __future__ import annotations

import json
from typing import Any

from annotator.core.model import AnnotatedDocument
from annotator.formats.pipeline import ExportContext, Exporter


def arrow_schema() -> Any:
    import pyarrow as pa

    span = pa.struct([
        ("id", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()),
        ("text", pa.string()), ("note", pa.string()), ("attrs", pa.string()), ("cluster", pa.string()),
    ])
    relation = pa.struct([("id", pa.string()), ("head", pa.string()), ("tail", pa.string()), ("label", pa.string())])
    return pa.schema([
        ("doc_id", pa.string()), ("layer", pa.string()), ("layer_kind", pa.string()), ("status", pa.string()),
        ("text", pa.string()), ("meta", pa.string()), ("spans", pa.list_(span)), ("relations", pa.list_(relation)),
    ])


def record(item: AnnotatedDocument) -> dict[str, Any]:
    doc = item.document
    return {
        "doc_id": doc.id,
        "layer": item.layer,
        "layer_kind": getattr(item.layer_kind, "value", None) if item.layer is not None else None,
        "status": item.status if item.layer is not None else None,
        "text": doc.text,
        "meta": json.dumps(dict(doc.meta), ensure_ascii=False),
        "spans": [
            {
                "id": s.id, "start": s.start, "end": s.end, "label": s.label, "text": doc.text[s.start : s.end],
                "note": s.note, "attrs": json.dumps(dict(s.attrs), ensure_ascii=False) if s.attrs else None,
                "cluster": item.clusters.get(s.id),  # the claim cluster ("same claim in other documents"), as in jsonl
            }
            for s in item.spans
        ],
        "relations": [{"id": r.id, "head": r.head, "tail": r.tail, "label": r.label} for r in item.relations],
    }


def format_parquet(items: list[AnnotatedDocument], ctx: ExportContext) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = []
    for item in items:
        records.append(record(item))
        ctx.step(item.document.id)
    table = pa.Table.from_pylist(records, schema=arrow_schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue().to_pybytes()


EXPORTER = Exporter(
    "parquet", ".parquet", format_parquet, "Parquet: one row per document and layer, nested spans",
    "pyarrow, pandas, datasets.load_dataset('parquet')",
)
