"""Figures about a project: documents, layers, labels, progress."""

from __future__ import annotations

from typing import Any

from annotator.project.session import Project


def stats(project: Project) -> dict[str, Any]:
    store = project.store
    layers = store.layer_counts()
    labels: dict[str, int] = {}
    for info in layers.values():
        for label, n in info["labels"].items():
            labels[label] = labels.get(label, 0) + n
    docs = store.list_documents()
    return {
        "project": project.path.name,
        "schema_version": store.schema_version,
        "documents": len(docs),
        "characters": sum(d["length"] for d in docs),
        "layers": layers,
        "spans": sum(info["spans"] for info in layers.values()),
        "relations": sum(info["relations"] for info in layers.values()),
        "labels": labels,
    }
