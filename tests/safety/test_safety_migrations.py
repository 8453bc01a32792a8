"""Every shipped schema version's fixture opens, migrates and reads back the same; a migration that
fails leaves the file exactly as it was."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from safety_helpers import HERE, digest, folder_state

from annotator.project import Project, StoreError, list_backups
from annotator.store import SCHEMA_VERSION
from annotator.store import db as store_db

FIXTURES = HERE / "fixtures"
FIXTURE_SCRIPT = FIXTURES / "make_fixture.py"


def fixture_versions() -> list[int]:
    return sorted(int(m.group(1)) for p in FIXTURES.glob("schema_v*.db") if (m := re.match(r"schema_v(\d+)\.db$", p.name)))


def expected_of(version: int) -> dict:
    return json.loads((FIXTURES / f"schema_v{version}.json").read_text(encoding="utf-8"))


def read_back(path: Path) -> dict:
    """The same reading as make_fixture.expected, through the service API of this version."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("safety_make_fixture", FIXTURE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return json.loads(json.dumps(module.expected(path), ensure_ascii=False))


def copy_fixture(version: int, folder: Path, *, wal: bool = False) -> Path:
    path = folder / f"v{version}.annotator.db"
    shutil.copyfile(FIXTURES / f"schema_v{version}.db", path)
    if wal:  # as a file last closed by the app looks: WAL mode, no -wal left
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
    return path


def test_every_shipped_schema_version_has_a_fixture():
    """When a schema version ships, run tests/safety/fixtures/make_fixture.py and commit its output."""
    assert fixture_versions() == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", fixture_versions())
def test_a_fixture_opens_migrates_and_reads_back_the_same(tmp_path, version, figures):
    path = copy_fixture(version, tmp_path)
    with Project.open(path) as project:
        assert project.store.schema_version == SCHEMA_VERSION
        assert project.store.check(full=True) == []
    assert read_back(path) == expected_of(version)
    opened = [b for b in list_backups(path) if b.kind == "open"]
    assert len(opened) == 1  # the file as it was before any migration
    conn = sqlite3.connect(f"{opened[0].path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()
    figures["schema fixtures migrated and read back unchanged"] += 1


def fail_in_python(db) -> None:
    db.execute("CREATE TABLE passages (id TEXT PRIMARY KEY)")
    db.execute("UPDATE spans SET label = 'broken'")
    db.execute("DELETE FROM relations")
    raise RuntimeError("step 2 of the migration hit a bug")


def fail_in_sql(db) -> None:
    db.execute("ALTER TABLE spans ADD COLUMN passage TEXT")
    db.execute("INSERT INTO no_such_table VALUES (1)")


@pytest.fixture
def next_schema(monkeypatch):
    """Pretend this app knows one more schema version, whose migration is `step`."""

    def install(step) -> None:
        monkeypatch.setattr(store_db, "MIGRATIONS", [*store_db.MIGRATIONS, step])
        monkeypatch.setattr(store_db, "SCHEMA_VERSION", store_db.SCHEMA_VERSION + 1)

    return install


@pytest.mark.parametrize("wal", [False, True], ids=["rollback-journal file", "WAL file"])
@pytest.mark.parametrize("step", [fail_in_python, fail_in_sql], ids=["python error", "sql error"])
def test_a_failed_migration_leaves_the_file_as_it_was(tmp_path, next_schema, step, wal, figures):
    version = fixture_versions()[-1]
    path = copy_fixture(version, tmp_path, wal=wal)
    before = digest(path)
    next_schema(step)
    with pytest.raises(StoreError, match=f"migration from schema {SCHEMA_VERSION} to {SCHEMA_VERSION + 1} failed, file left as it was"):
        Project.open(path)
    assert digest(path) == before
    leftovers = {name for name in folder_state(tmp_path) if not name.startswith(path.name + ".backups/")}
    assert leftovers <= {path.name, path.name + ".lock", path.name + "-wal", path.name + "-shm"}
    figures["failed migrations that left the file byte-for-byte as it was"] += 1


def test_after_a_failed_migration_the_file_opens_with_the_app_that_knows_its_schema(tmp_path, next_schema, monkeypatch):
    version = fixture_versions()[-1]
    path = copy_fixture(version, tmp_path)
    with monkeypatch.context():
        next_schema(fail_in_python)
        with pytest.raises(StoreError):
            Project.open(path)
    monkeypatch.undo()
    with Project.open(path) as project:
        assert project.store.schema_version == SCHEMA_VERSION
    assert read_back(path) == expected_of(version)


def test_a_successful_migration_keeps_the_data_and_backs_up_the_old_file_first(tmp_path, next_schema):
    version = fixture_versions()[-1]
    path = copy_fixture(version, tmp_path, wal=True)

    def add_table(db) -> None:
        db.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL)")

    next_schema(add_table)
    with Project.open(path) as project:
        assert project.store.schema_version == SCHEMA_VERSION + 1
        assert project.store.db["notes"].exists()
    backup = list_backups(path)[0]  # taken on open, before the migration ran
    conn = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == 8
    conn.close()


def test_a_reader_asks_for_an_older_schema_to_be_migrated_first(tmp_path, next_schema):
    path = copy_fixture(fixture_versions()[-1], tmp_path)
    before = digest(path)
    next_schema(lambda db: None)
    with pytest.raises(StoreError, match="older schema; open it for writing once to migrate it"):
        Project.open(path, readonly=True)
    assert digest(path) == before
