"""Rotating verified backups (on open, on a timer, by hand) and rolling a project back to one."""

from __future__ import annotations

import sqlite3

import pytest
from safety_helpers import article_project, dump

from annotator.store import SCHEMA_VERSION
from annotator.project import (
    LockHeld, Project, StoreError, add_span, backup_if_due, backup_now, backups_folder, list_backups,
    restore_backup,
)
from annotator.store.backup import verify_copy

TEXT = "Peskov said the meeting was useful, according to RIA Novosti."


@pytest.fixture
def path(tmp_path):
    return article_project(tmp_path, TEXT)


def spans_of(path, layer="alice"):
    with Project.open(path, readonly=True) as project:
        return [(s.start, s.end, s.label) for s in project.store.spans("article", layer)]


def mark(project, start, end=None, label="source"):
    return add_span(project, doc_id="article", layer="alice", start=start, end=end or start + 3, label=label)


def test_opening_for_writing_makes_a_verified_backup_of_the_file_as_it_was(path):
    before = dump(path)
    with Project.open(path) as project:
        mark(project, 0)
        made = project.store.last_backup
    assert [(b.path, b.kind) for b in list_backups(path)] == [(made.path, "open")]
    assert made.path.parent == backups_folder(path) == path.with_name("p.annotator.db.backups")
    assert verify_copy(made.path) == SCHEMA_VERSION and dump(made.path) == before


def test_reopening_an_unchanged_project_keeps_the_backups_it_has(path):
    for _ in range(3):
        Project.open(path).close()
    assert len(list_backups(path)) == 1
    with Project.open(path) as project:
        mark(project, 0)
    Project.open(path).close()
    assert [b.kind for b in list_backups(path)] == ["open", "open"]


def test_automatic_backups_rotate_and_manual_ones_stay(path):
    with Project.open(path) as project:
        project.store.set_setting("backups_keep", 2)
    with Project.open(path) as project:
        manual = backup_now(project)
    for n in range(4):
        with Project.open(path) as project:
            mark(project, n)
    kinds = [b.kind for b in list_backups(path)]
    assert sorted(kinds) == ["manual", "open", "open"]
    assert manual.path.exists()
    newest = list_backups(path)[0]
    assert [(s[0], s[1]) for s in _spans_in(newest.path)] == [(0, 3), (1, 4), (2, 5)]


def _spans_in(db_path):
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT start, end FROM spans ORDER BY start").fetchall()
    finally:
        conn.close()


def test_a_timer_backs_up_after_n_minutes_of_changes_and_not_otherwise(path):
    with Project.open(path) as project:
        opened = project.store.last_backup
        t0 = project.store.backup_time
        assert backup_if_due(project, every_minutes=10, now=t0 + 3600) is None  # nothing changed
        mark(project, 0)
        assert backup_if_due(project, every_minutes=10, now=t0 + 60) is None  # changed, not yet due
        due = backup_if_due(project, every_minutes=10, now=t0 + 601)
        assert due is not None and due.kind == "auto" and due.path != opened.path
        assert _spans_in(due.path) == [(0, 3)]  # the committed change, still in the WAL, is in it
        assert backup_if_due(project, every_minutes=10, now=t0 + 2000) is None  # nothing new since
        mark(project, 5)
        assert backup_if_due(project, every_minutes=10, now=t0 + 2000).kind == "auto"


def test_restore_rolls_back_and_keeps_the_state_it_replaced(path):
    with Project.open(path) as project:
        mark(project, 0)
    with Project.open(path) as project:  # its backup holds the span at 0
        mark(project, 10, label="cue")
    target = list_backups(path)[0]
    assert target.kind == "open"
    safety = restore_backup(path, backup=target.path)
    assert spans_of(path) == [(0, 3, "source")]
    assert safety.kind == "before-restore" and [s[:2] for s in _spans_in(safety.path)] == [(0, 3), (10, 13)]
    with Project.open(path) as project:  # the restored file opens for writing as usual
        assert not project.recovered and project.store.schema_version == SCHEMA_VERSION


def test_restore_refuses_while_the_project_is_open(path):
    with Project.open(path) as project:
        mark(project, 0)
        with pytest.raises(LockHeld):
            restore_backup(path, backup=list_backups(path)[0].path)
        assert spans_of(path) == [(0, 3, "source")]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(path, tmp_path):
    with Project.open(path) as project:
        mark(project, 0)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + bytes(100))
    before = dump(path)
    with pytest.raises(StoreError, match="bad.db"):
        restore_backup(path, backup=bad)
    assert dump(path) == before


def test_a_damaged_project_can_still_be_restored_and_its_bytes_are_kept(path):
    Project.open(path).close()
    good = list_backups(path)[0]
    damaged = b"SQLite format 3\x00" + b"\xff" * 5000
    path.write_bytes(damaged)
    with pytest.raises(StoreError, match="damaged"):
        Project.open(path)
    safety = restore_backup(path, backup=good.path)
    assert safety.kind == "damaged" and safety.path.read_bytes() == damaged
    assert spans_of(path) == []


def test_an_unfinished_backup_is_ignored_and_swept_away(path):
    Project.open(path).close()
    leftover = backups_folder(path) / ".20250101T000000.000000Z-open.db.part"
    leftover.write_bytes(b"half")
    assert [b.kind for b in list_backups(path)] == ["open"]
    with Project.open(path) as project:
        backup_now(project)
    assert not leftover.exists()


def test_a_failed_backup_on_open_warns_and_the_project_still_opens(path):
    backups_folder(path).write_text("a file where the backups folder should be")
    with Project.open(path) as project:
        mark(project, 0)
        assert len(project.warnings) == 1 and "no backup was made on opening" in project.warnings[0]
    assert spans_of(path) == [(0, 3, "source")]


def test_the_cli_lists_backups_restores_one_and_checks_the_result(path, cli):
    with Project.open(path) as project:
        mark(project, 0)
    result = cli("backup", path)
    assert result.returncode == 0 and "-manual.db" in result.stdout and "verified" in result.stdout
    with Project.open(path) as project:
        mark(project, 9)
    listing = cli("restore", path)
    assert listing.returncode == 0
    rows = [line.split() for line in listing.stdout.splitlines()[1:]]
    assert [(r[0], r[4]) for r in rows] == [("1", "open"), ("2", "manual"), ("3", "open")]
    result = cli("restore", path, "2")
    assert result.returncode == 0, result.stderr
    assert "-manual.db" in result.stdout and "-before-restore.db" in result.stdout
    assert spans_of(path) == [(0, 3, "source")]
    result = cli("check", path)
    assert result.returncode == 0 and "ok (integrity_check and foreign_key_check clean)" in result.stdout


def test_the_cli_check_reports_a_damaged_project_in_one_line(path, cli):
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    result = cli("check", path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "damaged" in result.stderr


def test_the_cli_restore_names_an_unknown_backup(path, cli):
    result = cli("restore", path, "7")
    assert (result.returncode, result.stderr.strip()) == (1, f"annotator: error: no backup number 7: {path} has 0 backup(s)")
