"""`annotator suggest` and `annotator import --allow-duplicates` in a child process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def _seed_project(tmp_path_factory) -> Path:
    from support import run_cli

    path = tmp_path_factory.mktemp("seeded") / "p.annotator.db"
    assert run_cli("init", path).returncode == 0
    assert run_cli("import", path, SEEDS).returncode == 0
    return path


def _seeded(cli, tmp_path: Path, _seed_project: Path) -> Path:
    path = tmp_path / "p.annotator.db"
    shutil.copy(_seed_project, path)
    return path


def test_suggest_over_the_seeds_fills_the_default_layer(cli, tmp_path, _seed_project):
    path = _seeded(cli, tmp_path, _seed_project)
    done = cli("suggest", path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("suggested into layer 'suggested': 5 document(s)")
    stats = json.loads(cli("stats", path, "--json").stdout)
    assert stats["layers"]["suggested"]["kind"] == "suggestion" and stats["layers"]["suggested"]["spans"] > 400


def test_suggest_one_document_into_a_named_layer(cli, tmp_path, _seed_project):
    path = _seeded(cli, tmp_path, _seed_project)
    done = cli("suggest", path, "--layer", "rules", "--doc", "003_216727c9abf153cd")
    assert done.returncode == 0, done.stderr
    assert "'rules': 1 document(s)" in done.stdout


def test_suggest_into_an_annotator_layer_fails_with_one_line(cli, tmp_path, _seed_project):
    path = _seeded(cli, tmp_path, _seed_project)
    line = {"doc_id": "003_216727c9abf153cd", "text": (SEEDS / "003_216727c9abf153cd.txt").read_text(encoding="utf-8"),
            "layer": "alice", "spans": [{"id": "a", "start": 0, "end": 8, "label": "source"}]}
    (tmp_path / "a.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert cli("import", path, tmp_path / "a.jsonl").returncode == 0
    done = cli("suggest", path, "--layer", "alice")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "annotator layer" in done.stderr


def test_suggest_an_unknown_document_fails(cli, tmp_path, _seed_project):
    done = cli("suggest", _seeded(cli, tmp_path, _seed_project), "--doc", "nope")
    assert (done.returncode, done.stderr.strip()) == (1, "annotator: error: no document 'nope'")


def test_import_reports_a_duplicate_and_imports_it_when_allowed(cli, tmp_path, _seed_project):
    path = _seeded(cli, tmp_path, _seed_project)
    text = (SEEDS / "003_216727c9abf153cd.txt").read_text(encoding="utf-8")
    (tmp_path / "twin.txt").write_text(text, encoding="utf-8")
    skipped = cli("import", path, tmp_path / "twin.txt")
    assert skipped.returncode == 0
    assert "0 new document(s)" in skipped.stdout
    assert "skipped duplicate document 'twin' (same text as '003_216727c9abf153cd')" in skipped.stdout
    allowed = cli("import", path, tmp_path / "twin.txt", "--allow-duplicates")
    assert "1 new document(s)" in allowed.stdout and "imported duplicate document 'twin'" in allowed.stdout
