"""The export pipeline: documents → formatter → writer, with seeded train/dev/test splits."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Schema
from annotator.formats.jsonl import format_jsonl
from annotator.formats.writer import AtomicFolder, write_text_atomic


@dataclass
class ExportSummary:
    path: str
    documents: int = 0
    records: int = 0
    spans: int = 0
    relations: int = 0
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # file suffix, or "" for a format written as a folder
    write: Callable[[list[AnnotatedDocument], Path, Schema, bool], ExportSummary]
    description: str = ""

    @property
    def is_folder(self) -> bool:
        return self.suffix == ""


def count(items: list[AnnotatedDocument], path: Path) -> ExportSummary:
    return ExportSummary(
        path=str(path),
        documents=len({i.document.id for i in items}),
        records=len(items),
        spans=sum(len(i.spans) for i in items),
        relations=sum(len(i.relations) for i in items),
        files=[str(path)],
    )


def write_jsonl(items: list[AnnotatedDocument], out: Path, schema: Schema, force: bool) -> ExportSummary:
    write_text_atomic(out, format_jsonl(items), force=force)
    return count(items, out)


EXPORTERS: dict[str, Exporter] = {
    "jsonl": Exporter("jsonl", ".jsonl", write_jsonl, "canonical JSONL, lossless"),
}

SPLIT_NAMES = ("train", "dev", "test")


def parse_split(text: str) -> tuple[float, float, float]:
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError:
        raise AnnotatorError(f"--split {text!r}: expected three numbers such as 0.8,0.1,0.1") from None
    if len(parts) != 3 or any(p < 0 for p in parts) or abs(sum(parts) - 1.0) > 1e-6:
        raise AnnotatorError(f"--split {text!r}: expected three shares that add up to 1, such as 0.8,0.1,0.1")
    return parts  # type: ignore[return-value]


def split_documents(
    items: list[AnnotatedDocument], shares: tuple[float, float, float], seed: int
) -> dict[str, list[AnnotatedDocument]]:
    """Divide by document (all layers of a document stay together) after a seeded shuffle."""
    doc_ids = sorted({item.document.id for item in items})
    random.Random(seed).shuffle(doc_ids)
    n = len(doc_ids)
    cut1 = round(n * shares[0])
    cut2 = cut1 + round(n * shares[1])
    part_of = {}
    for i, doc_id in enumerate(doc_ids):
        part_of[doc_id] = SPLIT_NAMES[0] if i < cut1 else SPLIT_NAMES[1] if i < cut2 else SPLIT_NAMES[2]
    parts: dict[str, list[AnnotatedDocument]] = {name: [] for name in SPLIT_NAMES}
    for item in items:
        parts[part_of[item.document.id]].append(item)
    return parts


def run_export(
    items: list[AnnotatedDocument], *, fmt: str, out: Path, schema: Schema, force: bool = False,
    split: tuple[float, float, float] | None = None, seed: int = 0,
) -> ExportSummary:
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise AnnotatorError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTERS)})")
    if split is None:
        return exporter.write(items, out, schema, force)
    total = ExportSummary(path=str(out))
    with AtomicFolder(out, force=force) as folder:
        for name, part in split_documents(items, split, seed).items():
            target = folder / (name + exporter.suffix)
            summary = exporter.write(part, target, schema, False)
            total.documents += summary.documents
            total.records += summary.records
            total.spans += summary.spans
            total.relations += summary.relations
            total.files += [str(out / Path(f).relative_to(folder)) for f in summary.files]
            total.warnings += summary.warnings
    return total
