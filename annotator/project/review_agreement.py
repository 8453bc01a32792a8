"""Agreement of a project's layers: which layers and documents are compared, loading, the report."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, Sequence

from annotator.core.errors import AnnotatorError
from annotator.core.model import LayerKind, Relation, Span, Status
from annotator.project.session import Project
from annotator.review.agreement import compute_agreement
from annotator.review.data import ReviewDocument
from annotator.review.report import AgreementReport
from annotator.store import review_queries as rq


def voting_layers(project: Project, layers: Sequence[str] | None = None) -> list[str]:
    """The named layers (checked), or every annotator layer of the project in creation order."""
    known = project.store.list_layers()
    if layers is None:
        return [lay.name for lay in known if lay.kind == LayerKind.ANNOTATOR]
    names = {lay.name for lay in known}
    missing = [name for name in layers if name not in names]
    if missing:
        have = ", ".join(sorted(names)) or "none yet"
        raise AnnotatorError(f"no layer {missing[0]!r} in {project.path.name} (layers: {have})")
    return list(dict.fromkeys(layers))


def done_documents(project: Project, layers: Sequence[str]) -> list[str]:
    """Ids of the documents every one of `layers` marked done, in project order."""
    statuses = [project.store.statuses(name) for name in layers]
    return [
        d["id"] for d in project.store.list_documents()
        if all(s.get(d["id"]) == Status.DONE.value for s in statuses)
    ]


def load_documents(
    project: Project, doc_ids: Sequence[str], layers: Sequence[str], *, text: bool = True
) -> Iterator[ReviewDocument]:
    """The documents with the given layers' spans and relations; `text=False` skips the texts (units need none).

    Many documents: one query per layer for the whole layer; a few: only theirs.
    """
    wanted = set(doc_ids)
    few = len(wanted) <= 50
    spans: dict[str, dict[str, list[Span]]] = {}
    relations: dict[str, dict[str, list[Relation]]] = {}
    for name in layers:
        for span in rq.spans_of(project.store, name, wanted if few else None):
            if span.doc_id in wanted:
                spans.setdefault(span.doc_id, {}).setdefault(name, []).append(span)
        rels = rq.relations_of(project.store, name, wanted) if few else rq.relations_in_layer(project.store, name)
        for rel in rels:
            if rel.doc_id in wanted:
                relations.setdefault(rel.doc_id, {}).setdefault(name, []).append(rel)
    for doc in rq.documents_by_id(project.store, wanted, text=text):
        by_layer = spans.get(doc.id, {})
        yield ReviewDocument.build(
            doc.id, doc.text, {name: by_layer.get(name, []) for name in layers}, relations.get(doc.id, {}), doc.title,
        )


def agreement(
    project: Project,
    *,
    layers: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AgreementReport:
    """Agreement over the documents every compared layer marked done (default: all annotator layers).

    `progress(done, total)` is called per document; raise from it to cancel.
    """
    names = voting_layers(project, list(layers) if layers is not None else None)
    if len(names) < 2:
        have = ", ".join(names) or "none"
        raise AnnotatorError(f"agreement needs at least two layers to compare (annotator layers: {have}); name them with --layers")
    doc_ids = done_documents(project, names)
    total = len(doc_ids)
    step = (lambda n: progress(n, total)) if progress is not None else None
    schema = [lab.name for lab in project.schema.span_labels]
    return compute_agreement(load_documents(project, doc_ids, names), names, schema_labels=schema, progress=step)
