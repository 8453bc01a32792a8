"""What an export dialog offers (formats, layers, labels) and an export that opens its own connection.

A GUI runs the export on a worker thread; SQLite connections belong to the thread that made them, so
`export_project_file` opens the project file read-only for the duration (a snapshot of what is saved,
which is everything: every edit commits at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.formats.export import EXPORTERS, ExportCancelled, ExportSummary
from annotator.project.exporting import export
from annotator.project.session import Project

__all__ = [
    "ExportCancelled", "ExportChoices", "ExportSummary", "FormatChoice", "default_destination", "export_choices",
    "export_project_file",
]


@dataclass(frozen=True)
class FormatChoice:
    name: str
    description: str
    reader: str
    suffix: str  # "" for a folder format

    @property
    def is_folder(self) -> bool:
        return self.suffix == ""


@dataclass(frozen=True)
class ExportChoices:
    project_path: Path
    formats: tuple[FormatChoice, ...]
    layers: tuple[tuple[str, str], ...]  # (name, kind)
    labels: tuple[str, ...]  # span labels of the schema


def export_choices(project: Project) -> ExportChoices:
    formats = tuple(FormatChoice(e.name, e.description, e.reader, e.suffix) for e in EXPORTERS.values())
    layers = tuple(sorted((layer.name, layer.kind.value) for layer in project.store.list_layers()))
    labels = tuple(label.name for label in project.schema.span_labels)
    return ExportChoices(project.path, formats, layers, labels)


def default_destination(project_path: Path, fmt: str, *, layer: str = "all", split: bool = False) -> Path:
    """A fresh name beside the project file: `<project>-<layer>.<suffix>` (a folder for folder formats or splits)."""
    stem = project_path.name.split(".")[0] or "export"
    suffix = "" if split else EXPORTERS[fmt].suffix
    base = f"{stem}-{layer}-{fmt}" if suffix == "" else f"{stem}-{layer}"
    candidate = project_path.parent / f"{base}{suffix}"
    n = 2
    while candidate.exists():
        candidate = project_path.parent / f"{base}-{n}{suffix}"
        n += 1
    return candidate


def export_project_file(path: str | Path, **options: Any) -> ExportSummary:
    """`export` on a read-only connection of its own (for a worker thread); options as for `export`."""
    with Project.open(path, readonly=True) as project:
        return export(project, **options)
