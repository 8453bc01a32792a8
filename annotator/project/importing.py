"""Importing files: each file is parsed and checked whole, then written in one transaction or not at all."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from annotator.core.errors import AnnotatorError, FormatError
from annotator.core.model import Document, Relation, Span, is_uuid, new_id
from annotator.formats.base import DocumentDraft, LayerDraft, read_capped, validate
from annotator.formats.registry import IMPORTERS, detect_format, expand_paths
from annotator.project.session import Project
from annotator.store.assist import AssistTables

DEFAULT_IMPORT_LAYER = "imported"
BATCH_SECONDS = 0.5


@dataclass
class FileReport:
    path: str
    format: str = ""
    documents_added: list[str] = field(default_factory=list)
    documents_matched: list[str] = field(default_factory=list)
    spans_added: int = 0
    spans_skipped: int = 0
    relations_added: int = 0
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (document, the one with the same text)
    duplicates_skipped: bool = True
    error: str | None = None


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)
    repeats: Any = None  # a passages.RepeatsReport when repeated passages were looked for

    @property
    def ok(self) -> bool:
        return all(f.error is None for f in self.files)

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.files if f.error]

    def total(self, name: str) -> int:
        return sum(len(v) if isinstance(v := getattr(f, name), list) else v for f in self.files)


def parse_label_map(text: str | None) -> dict[str, str]:
    """'FROM=TO,OTHER=-' → {'FROM': 'TO', 'OTHER': '-'}; '-' drops a label and its relations."""
    mapping: dict[str, str] = {}
    for item in (text or "").split(","):
        if not item.strip():
            continue
        source, sep, target = item.partition("=")
        if not sep or not source.strip() or not target.strip():
            raise AnnotatorError(f"--label-map entry {item!r} is not FROM=TO")
        mapping[source.strip()] = target.strip()
    return mapping


def _apply_label_map(layer: LayerDraft, mapping: dict[str, str]) -> None:
    if not mapping:
        return
    kept = []
    for span in layer.spans:
        span.label = mapping.get(span.label, span.label)
        if span.label != "-":
            kept.append(span)
    keys = {span.key for span in kept}
    layer.spans = kept
    relations = []
    for rel in layer.relations:
        rel.label = mapping.get(rel.label, rel.label)
        if rel.label != "-" and rel.head in keys and rel.tail in keys:
            relations.append(rel)
    layer.relations = relations


def resolve_format(path: Path, fmt: str = "auto") -> str:
    name = detect_format(path) if fmt == "auto" else fmt
    if name not in IMPORTERS:
        raise AnnotatorError(f"unknown import format {fmt!r} (known: auto, {', '.join(IMPORTERS)})")
    return name


def read_file(path: Path, fmt: str = "auto") -> list[DocumentDraft]:
    """Parse and check one file completely; raises FormatError naming the file and line or byte."""
    name = resolve_format(path, fmt)
    data = read_capped(path)
    return validate(path, IMPORTERS[name].read(path, data))


def _fresh_ids(project: Project, table: str, wanted: list[str | None]) -> list[str]:
    """Keep a file's ids when they are UUIDs not used yet (lossless round trips), else make new ones."""
    candidates = [w for w in wanted if w and is_uuid(w)]
    taken = project.store.existing_ids(table, candidates)
    out, seen = [], set()
    for w in wanted:
        keep = w and is_uuid(w) and w not in taken and w not in seen
        out.append(w if keep else new_id())
        seen.add(out[-1])
    return out


def _write_layer(project: Project, doc: Document, layer: LayerDraft, report: FileReport) -> None:
    name = layer.name or DEFAULT_IMPORT_LAYER
    project.ensure_layer(name, layer.kind)
    existing = {s.key: s.id for s in project.store.spans(doc.id, name)}
    # Identical (start, end, label) spans in a layer count once: against the project and within the file.
    first_of: dict[tuple[int, int, str], str] = {}
    new_drafts = []
    for draft in layer.spans:
        triple = (draft.start, draft.end, draft.label)
        if triple in existing or triple in first_of:
            report.spans_skipped += 1
        else:
            first_of[triple] = draft.key
            new_drafts.append(draft)
    ids = _fresh_ids(project, "spans", [d.key for d in new_drafts])
    new_spans = []
    for draft, span_id in zip(new_drafts, ids):
        existing[(draft.start, draft.end, draft.label)] = span_id
        new_spans.append(Span(span_id, doc.id, name, draft.start, draft.end, draft.label, draft.note, draft.attrs))
    key_to_id = {draft.key: existing[(draft.start, draft.end, draft.label)] for draft in layer.spans}
    project.store.insert_spans(new_spans)
    report.spans_added += len(new_spans)
    clustered = [(key_to_id[d.key], d.cluster) for d in layer.spans if d.cluster]
    if clustered:
        tables = AssistTables(project.store)
        for span_id, cluster in clustered:
            tables.add_cluster(cluster)
            tables.set_member(span_id, cluster)
    have = {(r.head, r.tail, r.label) for r in project.store.relations(doc.id, name)}
    fresh = []
    for rel in layer.relations:
        triple = (key_to_id[rel.head], key_to_id[rel.tail], rel.label)
        if triple not in have:
            have.add(triple)
            fresh.append((rel, triple))
    rel_ids = _fresh_ids(project, "relations", [rel.key for rel, _ in fresh])
    project.store.insert_relations(Relation(rid, doc.id, name, *triple) for rid, (_, triple) in zip(rel_ids, fresh))
    report.relations_added += len(fresh)
    if layer.status is not None:
        project.store.set_status(doc.id, name, layer.status)


def _write_file(
    project: Project, path: Path, drafts: list[DocumentDraft], report: FileReport, allow_duplicates: bool = False,
) -> None:
    store = project.store
    with store.transaction():
        labels = [(s.label, "span") for d in drafts for lay in d.layers for s in lay.spans]
        labels += [(r.label, "relation") for d in drafts for lay in d.layers for r in lay.relations]
        schema = project.schema
        for kind in ("span", "relation"):
            schema = schema.with_labels((name for name, k in labels if k == kind), kind)
        if schema is not project.schema:
            store.save_schema(schema)
            project.invalidate_schema()
        new_docs: dict[str, Document] = {}
        new_by_sha: dict[str, str] = {}
        skipped: set[str] = set()
        for draft in drafts:
            doc = Document(draft.doc_id, draft.text, draft.meta)
            sha = doc.sha256
            known = store.document_sha256(doc.id)
            if known is None and doc.id not in new_docs and doc.id not in skipped:
                same = store.documents_with_sha256(sha) + ([new_by_sha[sha]] if sha in new_by_sha else [])
                if same:
                    report.duplicates.append((doc.id, same[0]))
                    report.duplicates_skipped = not allow_duplicates
                    if not allow_duplicates:
                        skipped.add(doc.id)  # identical text already here under another id
                        continue
                new_docs[doc.id] = doc
                new_by_sha.setdefault(sha, doc.id)
                report.documents_added.append(doc.id)
            elif known is not None and known != sha:
                raise FormatError(path, f"document {doc.id!r} is already in the project with a different text", line=draft.line)
            elif known is not None and doc.id not in report.documents_matched:
                report.documents_matched.append(doc.id)
        store.add_documents(list(new_docs.values()))
        for draft in drafts:
            if draft.doc_id in skipped:
                continue
            doc = Document(draft.doc_id, draft.text, draft.meta)
            for layer in draft.layers:
                _write_layer(project, doc, layer, report)


def import_files(
    project: Project,
    paths: Iterable[str | Path],
    *,
    format: str = "auto",
    layer: str | None = None,
    label_map: dict[str, str] | None = None,
    progress: Callable[[int, int, str], bool | None] | None = None,
    allow_duplicates: bool = False,
    find_repeats: bool = True,
) -> ImportReport:
    """Import each file whole or not at all; a refused file is reported and the others go on.

    `progress(done, total, path)` may return False to cancel before the next file.
    A document whose text is already in the project under another id is reported in
    `FileReport.duplicates` and skipped, unless `allow_duplicates`. After documents are added,
    repeated passages and near-duplicate documents are found again (`find_repeats=False` skips that).
    """
    report = ImportReport()
    files = expand_paths([Path(p) for p in paths], pair_brat=format in ("auto", "brat"))
    index, cancelled = 0, False
    while index < len(files) and not cancelled:
        # Many small files share one commit (one fsync) of at most BATCH_SECONDS of work; each file
        # still runs in its own savepoint, so a refused file leaves nothing and the others stay.
        with project.store.transaction():
            started = time.monotonic()
            while index < len(files) and time.monotonic() - started < BATCH_SECONDS:
                path = files[index]
                if progress is not None and progress(index, len(files), str(path)) is False:
                    cancelled = True
                    break
                report.files.append(_import_one(project, path, format, layer, label_map or {}, allow_duplicates))
                index += 1
    if progress is not None and not cancelled:
        progress(len(files), len(files), "")
    if find_repeats and report.total("documents_added"):
        from annotator.project.passages import detect_repeats

        report.repeats = detect_repeats(project)
    return report


def _import_one(
    project: Project, path: Path, format: str, layer: str | None, label_map: dict[str, str], allow_duplicates: bool
) -> FileReport:
    entry = FileReport(str(path))
    try:
        entry.format = resolve_format(path, format)
        drafts = read_file(path, entry.format)
        for draft in drafts:
            for lay in draft.layers:
                if layer is not None:
                    lay.name = layer
                _apply_label_map(lay, label_map)
        _write_file(project, path, drafts, entry, allow_duplicates)
    except AnnotatorError as exc:
        entry = FileReport(str(path), entry.format, error=str(exc))
    return entry
