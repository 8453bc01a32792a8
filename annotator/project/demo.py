"""The first-run demo project, built from seeds/ in the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from annotator.core.resources import seeds_dir
from annotator.project.importing import import_files
from annotator.project.session import Project


def user_data_dir() -> Path:
    if env := os.environ.get("ANNOTATOR_DATA_DIR"):
        return Path(env)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "claim-annotator"


def demo_project_path() -> Path:
    return user_data_dir() / "demo.annotator.db"


def ensure_demo_project(path: Path | None = None) -> Path:
    """Create the demo project from the seed articles unless it exists already."""
    path = path or demo_project_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seeds_dir().glob("*.txt"))
    with Project.create(path, name="demo") as project:
        report = import_files(project, seeds)
        if not report.ok:
            raise RuntimeError("the seed corpus failed to import: " + "; ".join(report.errors))
    return path
