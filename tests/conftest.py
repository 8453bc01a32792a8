"""Fixtures shared by every test: temp projects, the seed corpus, a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Keep the demo project and settings of a test out of the real user's folders."""
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "test.annotator.db"


@pytest.fixture
def project(project_path: Path):
    from annotator.project import Project

    proj = Project.create(project_path)
    yield proj
    proj.close()


@pytest.fixture
def seeded(project):
    """A project holding the five seed articles."""
    from annotator.project import import_files

    report = import_files(project, sorted(SEEDS.glob("*.txt")))
    assert report.ok, report.errors
    return project


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run `python -m annotator` in a child process, as a user's shell would."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "annotator", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=env, timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli
