"""Where the shipped resources and seeds are: inside the package when installed, beside it in a checkout."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from annotator.core.model import Schema

_PACKAGE = Path(__file__).resolve().parent.parent


def _find(name: str) -> Path:
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the {name}/ folder is missing from this installation ({_PACKAGE})")


def resources_dir() -> Path:
    return _find("resources")


def seeds_dir() -> Path:
    return _find("seeds")


@lru_cache(maxsize=1)
def default_schema() -> Schema:
    """The five span labels and two relation labels of DESIGN.md, from resources/schema.json."""
    data = json.loads((resources_dir() / "schema.json").read_text(encoding="utf-8"))
    return Schema.from_dicts(data["labels"])


def guidelines_text() -> str:
    return (resources_dir() / "guidelines.md").read_text(encoding="utf-8")
