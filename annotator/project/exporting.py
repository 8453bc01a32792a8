"""Selecting what to export (layer, status, labels) and handing it to the export pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Status
from annotator.formats.export import ExportSummary, run_export
from annotator.project.session import Project
from annotator.store.assist import AssistTables


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
        names = [lay.name for lay in store.list_layers()]
    else:
        if store.get_layer(layer) is None:
            known = ", ".join(lay.name for lay in store.list_layers()) or "none yet"
            raise AnnotatorError(f"no layer {layer!r} in {project.path.name} (layers: {known})")
        names = [layer]
    kinds = {lay.name: lay.kind for lay in store.list_layers()}
    statuses = {name: store.statuses(name) for name in names}
    for doc in store.iter_documents():
        touched = set(store.layers_of_document(doc.id)) if layer == "all" else set()
        emitted = False
        for name in names:
            state = statuses[name].get(doc.id)
            if layer == "all":
                if name not in touched or (status != "all" and state != status):
                    continue
            elif status != "all" and state != status:
                continue
            spans = store.spans(doc.id, name)
            relations = store.relations(doc.id, name)
            if wanted is not None:
                spans = [s for s in spans if s.label in wanted]
                kept = {s.id for s in spans}
                relations = [r for r in relations if r.head in kept and r.tail in kept]
            clusters = AssistTables(store).clusters_of(s.id for s in spans)
            yield AnnotatedDocument(doc, name, state or Status.TODO.value, spans, relations, kinds[name], clusters)
            emitted = True
        if layer == "all" and status == "all" and not emitted:
            yield AnnotatedDocument(doc)


def export(
    project: Project, *, format: str, out: str | Path, layer: str = "all", status: str | None = None,
    labels: Iterable[str] | None = None, split: tuple[float, float, float] | None = None, seed: int = 0,
    force: bool = False,
) -> ExportSummary:
    """Export to a file (or folder); `status` defaults to all for the jsonl dump of every layer, else done."""
    if status is None:
        status = "all" if (layer == "all" and format == "jsonl") else Status.DONE.value
    elif status != "all":
        status = Status.parse(status).value
    items = list(annotated_documents(project, layer=layer, status=status, labels=labels))
    if not items:
        raise AnnotatorError(
            f"nothing to export: no document is marked {status} in layer {layer!r} (use --status all to export all)"
        )
    return run_export(items, fmt=format, out=Path(out), schema=project.schema, force=force, split=split, seed=seed)
