"""Builders for review tests: small projects with several annotator layers."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import Document, LayerKind, Relation, Span
from annotator.project import Project

TEXTS = {
    "d1": "Putin said the war ends soon . Trump disagreed .",
    "d2": "Ushakov reported that talks failed , according to TASS .",
}


def build_project(path: Path, layers: dict, *, done=None, relations=None, kinds=None, texts=None, user="rev") -> Project:
    """layers: {layer: {doc: [(start, end, label), ...]}}; done: {layer: [doc, ...]} (default: every doc listed);
    relations: {layer: {doc: [(head index, tail index, label)]}} indexing that layer's span list."""
    project = Project.create(path)
    project.user = user
    store = project.store
    texts = texts or TEXTS
    with store.transaction():
        store.add_documents([Document(i, t, {"title": f"Title {i}"}) for i, t in texts.items()])
        for name, docs in layers.items():
            project.ensure_layer(name, (kinds or {}).get(name, LayerKind.ANNOTATOR))
            for doc_id, keys in docs.items():
                spans = [Span(f"{name}-{doc_id}-{i}", doc_id, name, s, e, lab) for i, (s, e, lab) in enumerate(keys)]
                store.insert_spans(spans)
                rels = ((relations or {}).get(name) or {}).get(doc_id, [])
                store.insert_relations(
                    Relation(f"{name}-{doc_id}-r{i}", doc_id, name, spans[h].id, spans[t].id, lab)
                    for i, (h, t, lab) in enumerate(rels)
                )
            for doc_id in (done or {}).get(name, list(docs)):
                store.set_status(doc_id, name, "done")
    return project


@pytest.fixture
def make_project(tmp_path):
    opened = []

    def make(layers, name="p.annotator.db", **kwargs):
        project = build_project(tmp_path / name, layers, **kwargs)
        opened.append(project)
        return project

    yield make
    for project in opened:
        project.close()


@pytest.fixture
def other_file(tmp_path):
    """Another annotator's project file, built and closed (as it arrives from their machine)."""

    def make(name, layers, **kwargs) -> Path:
        build_project(tmp_path / name, layers, **kwargs).close()
        return tmp_path / name

    return make
