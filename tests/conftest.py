"""Fixtures shared by every test: temp projects, the seed corpus, a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from support import ROOT, SEEDS, run_cli  # noqa: F401  (re-exported for older imports)

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


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def awkward(tmp_path: Path):
    """A project with the awkward export sample (emoji, CRLF, combining marks, RTL, overlaps, relations)."""
    from tests.export_samples import build_project

    proj = build_project(tmp_path / "awk.annotator.db", tmp_path / "src")
    yield proj
    proj.close()
