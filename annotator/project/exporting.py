"""Selecting what to export (layer, status, labels) and handing it to the export pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Relation, Span, Status
from annotator.formats.export import EXPORTERS, ExportSummary, run_export
from annotator.formats.pipeline import Progress
from annotator.formats.writer import check_target
from annotator.project.session import Project


def annotated_documents(
    project: Project, *, layer: str = "all", status: str = "done", labels: Iterable[str] | None = None
) -> Iterator[AnnotatedDocument]:
    """Documents with one layer's annotations each.

    `layer="all"` is the lossless dump unless a status is asked for: every document in every layer
    that touched it, and a document no layer touched once, bare. For a named layer only the
    documents done in it, unless `status="all"`.
    """
    store = project.store
    wanted = set(labels) if labels else None
    if layer == "all":
        # By name, so that the same project content always exports the same bytes.
        names = sorted(lay.name for lay in store.list_layers())
    else:
        if store.get_layer(layer) is None:
            known = ", ".join(lay.name for lay in store.list_layers()) or "none yet"
            raise AnnotatorError(f"no layer {layer!r} in {project.path.name} (layers: {known})")
        names = [layer]
    kinds = {lay.name: lay.kind for lay in store.list_layers()}
    # One query per layer rather than two per document: reading 100k spans this way is several times faster.
    cache: dict[str, tuple[dict[str, list[Span]], dict[str, list[Relation]]]] = {}

    def by_layer(name: str) -> tuple[dict[str, list[Span]], dict[str, list[Relation]]]:
        if name not in cache:
            spans: dict[str, list[Span]] = {}
            for span in store.spans_in_layer(name):
                spans.setdefault(span.doc_id, []).append(span)
            relations: dict[str, list[Relation]] = {}
            for rel in store.relations_in_layer(name):
                relations.setdefault(rel.doc_id, []).append(rel)
            cache[name] = (spans, relations)
        return cache[name]

    statuses = {name: store.statuses(name) for name in names}
    for doc in store.iter_documents():
        emitted = False
        for name in names:
            state = statuses[name].get(doc.id)
            if status != "all" and state != status:
                continue
            layer_spans, layer_relations = by_layer(name)
            # A layer touched a document when it has a status or spans there (as store.layers_of_document).
            if layer == "all" and state is None and doc.id not in layer_spans:
                continue
            spans, relations = list(layer_spans.get(doc.id, ())), list(layer_relations.get(doc.id, ()))
            if wanted is not None:
                spans = [s for s in spans if s.label in wanted]
                kept = {s.id for s in spans}
                relations = [r for r in relations if r.head in kept and r.tail in kept]
            yield AnnotatedDocument(doc, name, state or Status.TODO.value, spans, relations, kinds[name])
            emitted = True
        if layer == "all" and status == "all" and not emitted:
            yield AnnotatedDocument(doc)


def export(
    project: Project, *, format: str, out: str | Path, layer: str = "all", status: str | None = None,
    labels: Iterable[str] | None = None, split: tuple[float, float, float] | None = None, seed: int = 0,
    force: bool = False, lang: str | None = None, progress: Progress | None = None,
) -> ExportSummary:
    """Export to a file (or folder); `status` defaults to all for the jsonl dump of every layer, else done.

    `progress(done, total, what)` is called per document and layer; returning False cancels the export
    and nothing is written (ExportCancelled). `lang` is spaCy's language (default: the project's
    `language` setting, else en).
    """
    if format not in EXPORTERS:
        raise AnnotatorError(f"unknown export format {format!r} (known: {', '.join(EXPORTERS)})")
    if status is None:
        status = "all" if (layer == "all" and format == "jsonl") else Status.DONE.value
    elif status != "all":
        try:
            status = Status.parse(status).value
        except ValueError as exc:
            raise AnnotatorError(f"--status: {exc} or all") from None
    if labels is not None:
        labels = list(labels)
        known = {label.name for label in project.schema.span_labels}
        unknown = [name for name in labels if name not in known]
        if unknown:
            raise AnnotatorError(f"--labels: no span label {unknown[0]!r} in the schema (labels: {', '.join(sorted(known))})")
    exporter = EXPORTERS[format]
    out = Path(out)
    # Refuse an existing or unwritable destination before reading anything.
    check_target(out, force=force, folder=exporter.is_folder or split is not None)
    items = list(annotated_documents(project, layer=layer, status=status, labels=labels))
    if not items:
        raise AnnotatorError(
            f"nothing to export: no document is marked {status} in layer {layer!r} (use --status all to export all)"
        )
    language = lang or project.setting("language") or "en"
    return run_export(
        items, fmt=format, out=out, schema=project.schema, force=force, split=split, seed=seed,
        lang=str(language), progress=progress,
    )
