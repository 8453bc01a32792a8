"""Formats by name, and which one a path is in."""

from __future__ import annotations

from pathlib import Path

from annotator.core.errors import FormatError
from annotator.formats import brat, html, jsonl, labelstudio, txt, xmi_import
from annotator.formats.base import Importer

IMPORTERS: dict[str, Importer] = {
    imp.name: imp
    for imp in (txt.IMPORTER, html.IMPORTER, jsonl.IMPORTER, brat.IMPORTER, labelstudio.IMPORTER, xmi_import.IMPORTER)
}


def detect_format(path: Path) -> str:
    """The importer for a file by its suffix; a .txt with an .ann beside it is brat."""
    suffix = path.suffix.lower()
    if suffix == ".txt" and path.with_suffix(".ann").exists():
        return "brat"
    for importer in IMPORTERS.values():
        if suffix in importer.suffixes:
            return importer.name
    raise FormatError(path, f"cannot tell the format from the suffix {suffix!r}; name it with --format")


def expand_paths(paths: list[Path], *, pair_brat: bool = True) -> list[Path]:
    """Folders become their files (sorted); a brat pair counts once, by its .ann."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            known = {s for imp in IMPORTERS.values() for s in imp.suffixes}
            # A folder's README or LICENSE describes the corpus; it is not one of its documents.
            out += [p for p in files if p.suffix.lower() in known and not p.stem.upper().startswith(("README", "LICENSE"))]
        else:
            out.append(path)
    seen: set[Path] = set()
    result = []
    for path in out:
        paired = pair_brat and path.suffix.lower() in (".txt", ".ann") and path.with_suffix(".ann").exists()
        key = path.with_suffix(".ann") if paired else path
        if key not in seen:
            seen.add(key)
            result.append(key if key.suffix == ".ann" else path)
    return result
