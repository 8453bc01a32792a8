"""The same claim across documents: similar claims for a selected one, and claim clusters.

A cluster groups claim spans ("these five sentences in four outlets are one claim"); a span is in
at most one cluster. Clusters are stored in the project and exported as a `cluster` field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from annotator.core.errors import ProjectError
from annotator.core.model import Span, new_id
from annotator.project.session import Project
from annotator.store.assist import AssistTables


@dataclass(frozen=True)
class SimilarClaim:
    span: Span
    text: str
    score: float
    cluster: str | None


@dataclass
class ClusterChange:
    """What a cluster edit changed; `previous` (span id → its cluster before, or None) undoes it."""

    cluster_id: str | None = None
    previous: dict[str, str | None] = field(default_factory=dict)
    created: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


def _claim_labels(project: Project) -> list[str]:
    return [lab.name for lab in project.schema.span_labels if lab.group == "claim"]


def _claim(project: Project, span_id: str) -> Span:
    found = project.store.get_spans([span_id])
    if not found:
        raise ProjectError(f"no span {span_id!r}")
    if found[0].label not in _claim_labels(project):
        raise ProjectError(f"span {span_id!r} is a {found[0].label!r}, not a claim")
    return found[0]


def similar_claims(
    project: Project, *, span_id: str, layers: Iterable[str] | None = None, limit: int = 10, min_score: float = 0.1,
) -> list[SimilarClaim]:
    """The claims in other documents most like this one (TF-IDF cosine), best first.

    Looks in the claim's own layer unless `layers` names others."""
    from annotator.suggest.similar import rank_similar  # scikit-learn: only when asked

    claim = _claim(project, span_id)
    layer_names = list(layers) if layers is not None else [claim.layer]
    tables = AssistTables(project.store)
    texts: dict[str, str] = {}
    candidates = []
    for sid, doc_id, layer, start, end, _label in tables.claim_spans(_claim_labels(project), layer_names):
        if doc_id == claim.doc_id:
            continue
        if doc_id not in texts:
            texts[doc_id] = project.store.get_document(doc_id).text
        candidates.append((sid, texts[doc_id][start:end]))
    query = project.store.get_document(claim.doc_id).text[claim.start : claim.end]
    ranked = rank_similar(query, [t for _, t in candidates], top=limit, min_score=min_score)
    spans = {s.id: s for s in project.store.get_spans(candidates[i][0] for i, _ in ranked)}
    clusters = tables.clusters_of(spans)
    return [SimilarClaim(spans[candidates[i][0]], candidates[i][1], score, clusters.get(candidates[i][0]))
            for i, score in ranked]


def join_cluster(
    project: Project, *, span_ids: Iterable[str], cluster_id: str | None = None, name: str = "",
) -> ClusterChange:
    """Put claims into one cluster: the given one, else the cluster one of them is in, else a new one.

    A claim that was in another cluster moves; a cluster left empty is deleted."""
    ids = list(dict.fromkeys(span_ids))
    if not ids:
        raise ProjectError("no claims to cluster")
    change = ClusterChange()
    with project.store.transaction():
        tables = AssistTables(project.store)
        for sid in ids:
            _claim(project, sid)
        current = tables.clusters_of(ids)
        target = cluster_id or next((current[s] for s in ids if s in current), None)
        if target is None:
            target = new_id()
        if not tables.cluster_exists(target):
            tables.add_cluster(target, name)
            change.created.append(target)
        change.cluster_id = target
        for sid in ids:
            before = current.get(sid)
            if before == target:
                continue
            change.previous[sid] = before
            tables.set_member(sid, target)
        change.deleted = _drop_empty(tables, {c for c in change.previous.values() if c})
    return change


def leave_cluster(project: Project, *, span_id: str) -> ClusterChange:
    """Take a claim out of its cluster (a cluster left empty is deleted)."""
    with project.store.transaction():
        tables = AssistTables(project.store)
        before = tables.cluster_of(span_id)
        if before is None:
            return ClusterChange()
        tables.remove_member(span_id)
        return ClusterChange(cluster_id=before, previous={span_id: before}, deleted=_drop_empty(tables, {before}))


def set_clusters(project: Project, *, assignments: dict[str, str | None]) -> ClusterChange:
    """Put each span into the named cluster (created if missing) or none: the undo of a cluster edit."""
    change = ClusterChange()
    with project.store.transaction():
        tables = AssistTables(project.store)
        current = tables.clusters_of(assignments)
        for sid, cluster in assignments.items():
            change.previous[sid] = current.get(sid)
            if cluster is None:
                tables.remove_member(sid)
                continue
            if not tables.cluster_exists(cluster):
                tables.add_cluster(cluster)
                change.created.append(cluster)
            tables.set_member(sid, cluster)
        change.deleted = _drop_empty(tables, {c for c in change.previous.values() if c})
    return change


def _drop_empty(tables: AssistTables, clusters: set[str]) -> list[str]:
    gone = sorted(c for c in clusters if not tables.members(c))
    for c in gone:
        tables.delete_cluster(c)
    return gone


def cluster_of(project: Project, *, span_id: str) -> str | None:
    return AssistTables(project.store).cluster_of(span_id)


def cluster_members(project: Project, *, cluster_id: str) -> list[Span]:
    """The claims of a cluster, in document order."""
    ids = AssistTables(project.store).members(cluster_id)
    by_id = {s.id: s for s in project.store.get_spans(ids)}
    return [by_id[i] for i in ids]
