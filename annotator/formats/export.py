"""The export pipeline: documents → formatter → writer, with seeded train/dev/test splits.

Each format is a small module with a pure formatter (`annotator.formats.<module>.EXPORTER`); this module
holds the registry, checks the destination before any work, and writes atomically: a file or folder
appears complete under its name, or not at all.
"""

from __future__ import annotations

import random
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Schema
from annotator.formats import brat_export, conll, csv_table, jsonl, labelstudio_export, parquet, spacy_docbin, xmi
from annotator.formats.pipeline import (
    ExportCancelled,
    ExportContext,
    Exporter,
    ExportSummary,
    Output,
    Progress,
)
from annotator.formats.writer import AtomicFolder, check_target, write_files_atomic, write_folder_atomic, write_tree

__all__ = [
    "EXPORTERS", "ExportCancelled", "ExportContext", "ExportSummary", "Exporter", "SPLIT_NAMES",
    "parse_split", "run_export", "split_documents",
]

EXPORTERS: dict[str, Exporter] = {
    exp.name: exp
    for exp in (
        jsonl.EXPORTER, spacy_docbin.EXPORTER, conll.EXPORTER, brat_export.EXPORTER,
        labelstudio_export.EXPORTER, xmi.EXPORTER, csv_table.EXPORTER, parquet.EXPORTER,
    )
}

SPLIT_NAMES = ("train", "dev", "test")


def parse_split(text: str) -> tuple[float, float, float]:
    try:
        parts = tuple(float(p) for p in text.split(","))
    except ValueError:
        raise AnnotatorError(f"--split {text!r}: expected three numbers such as 0.8,0.1,0.1") from None
    if len(parts) != 3 or any(not p >= 0 for p in parts) or abs(sum(parts) - 1.0) > 1e-6:
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
    cut2 = min(n, cut1 + round(n * shares[1]))
    part_of = {}
    for i, doc_id in enumerate(doc_ids):
        part_of[doc_id] = SPLIT_NAMES[0] if i < cut1 else SPLIT_NAMES[1] if i < cut2 else SPLIT_NAMES[2]
    parts: dict[str, list[AnnotatedDocument]] = {name: [] for name in SPLIT_NAMES}
    for item in items:
        parts[part_of[item.document.id]].append(item)
    return parts


def _companion_name(out: Path, name: str) -> Path:
    return out.with_name(f"{out.stem}.{name}")


def _write_single(exporter: Exporter, output: Output, out: Path, schema: Schema, force: bool) -> list[Path]:
    if exporter.is_folder:
        if not isinstance(output, dict):
            raise TypeError(f"{exporter.name}: a folder format must return a dict of files")
        return write_folder_atomic(out, output, force=force)
    files: dict[Path, object] = {out: output}
    for name, text in (exporter.companions(schema) if exporter.companions else {}).items():
        files[_companion_name(out, name)] = text
    return write_files_atomic(files, force=force)  # type: ignore[arg-type]


def _write_split(
    exporter: Exporter, parts: dict[str, list[AnnotatedDocument]], out: Path, ctx: ExportContext, force: bool
) -> list[Path]:
    written: list[Path] = []
    with AtomicFolder(out, force=force) as folder:
        for name, part in parts.items():
            output = exporter.format(part, ctx)
            if exporter.is_folder:
                written += write_tree(folder / name, output)
                (folder / name).mkdir(exist_ok=True)  # an empty part is still a folder
            else:
                written += write_tree(folder, {name + exporter.suffix: output})
        if exporter.companions:
            written += write_tree(folder, exporter.companions(ctx.schema))
    return [out / p.relative_to(folder) for p in written]


def run_export(
    items: list[AnnotatedDocument], *, fmt: str, out: Path, schema: Schema, force: bool = False,
    split: tuple[float, float, float] | None = None, seed: int = 0, lang: str = "en",
    progress: Progress | None = None,
) -> ExportSummary:
    """Format and write `items`; `progress(done, total, what)` may return False to cancel (nothing is written)."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise AnnotatorError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTERS)})")
    out = Path(out)
    check_target(out, force=force, folder=exporter.is_folder or split is not None)
    ctx = ExportContext(schema=schema, lang=lang, progress=progress, total=len(items))
    summary = ExportSummary(
        path=str(out), format=fmt, documents=len({i.document.id for i in items}), records=len(items),
        spans=sum(len(i.spans) for i in items), relations=sum(len(i.relations) for i in items),
    )
    try:
        if split is None:
            written = _write_single(exporter, exporter.format(items, ctx), out, schema, force)
        else:
            parts = split_documents(items, split, seed)
            for name, part in parts.items():
                if not part:
                    ctx.warn(f"split part(s) are empty (too few documents for the shares {split}; "
                             "some trainers and datasets refuse an empty split)", name)
            written = _write_split(exporter, parts, out, ctx, force)
    except ExportCancelled:
        raise
    except UnicodeEncodeError as exc:
        raise AnnotatorError(
            f"cannot write {out}: the text holds a character UTF-8 cannot encode ({exc.object[exc.start:exc.end]!r}, "
            "a lone surrogate)"
        ) from None
    except OSError as exc:
        raise AnnotatorError(f"cannot write {out}: {exc.strerror or exc}") from None
    summary.files = [str(p) for p in written]
    summary.warnings = ctx.notices.lines()
    return summary
