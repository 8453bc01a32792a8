"""Backups as the GUI makes them (planned on the project's thread, written on another) and the
restore of an open project in place."""

from __future__ import annotations

import threading

import pytest

from safety_helpers import article_project

from annotator.core.errors import ProjectError
from annotator.project import (
    LockHeld, Project, add_span, due_backup, is_open, last_backup, list_backups,
    plan_backup, record_backup, restore_open_project,
)

TEXT = "Peskov said the meeting was useful, according to RIA Novosti."


@pytest.fixture
def path(tmp_path):
    return article_project(tmp_path, TEXT)


def mark(project, start):
    return add_span(project, doc_id="article", layer="alice", start=start, end=start + 3, label="source")


def spans_of(project):
    return [(s.start, s.end, s.label) for s in project.store.spans("article", "alice")]


def test_nothing_is_due_until_the_project_changes(path):
    with Project.open(path) as project:
        assert due_backup(project, every_minutes=0) is None
        mark(project, 0)
        planned = due_backup(project, every_minutes=0)
        assert (planned.path, planned.kind, planned.keep) == (path, "auto", 5)


def test_a_change_is_due_only_when_the_last_backup_is_old_enough(path):
    with Project.open(path) as project:
        mark(project, 0)
        opened_at = project.store.backup_time
        assert due_backup(project, every_minutes=10, now=opened_at + 599) is None
        assert due_backup(project, every_minutes=10, now=opened_at + 600) is not None


def test_a_backup_written_on_another_thread_is_verified_recorded_and_not_due_again(path):
    with Project.open(path) as project:
        mark(project, 0)
        planned = due_backup(project, every_minutes=0)
        written = []
        worker = threading.Thread(target=lambda: written.append(planned.write()))
        worker.start()
        worker.join()
        [info] = written
        record_backup(project, planned, info)
        assert last_backup(project) == info and list_backups(path)[0] == info and info.kind == "auto"
        assert due_backup(project, every_minutes=0) is None
        with Project.open(info.path, readonly=True) as copy:
            assert spans_of(copy) == [(0, 3, "source")]


def test_a_manual_backup_is_planned_with_its_kind(path):
    with Project.open(path) as project:
        info = plan_backup(project).write()
        assert info.kind == "manual" and info in list_backups(path)


def test_restoring_an_open_project_rolls_the_same_object_back_and_keeps_the_lock(path):
    with Project.open(path, user="alice") as project:
        mark(project, 0)
        kept = plan_backup(project).write()
        mark(project, 10)
        safety = restore_open_project(project, backup=kept.path)
        assert is_open(project) and spans_of(project) == [(0, 3, "source")]
        assert safety.kind == "before-restore"
        with Project.open(safety.path, readonly=True) as before:
            assert spans_of(before) == [(0, 3, "source"), (10, 13, "source")]
        with pytest.raises(LockHeld):
            Project.open(path, user="bob")
        mark(project, 20)  # the object writes to the restored file
        assert spans_of(project) == [(0, 3, "source"), (20, 23, "source")]


def test_a_failed_restore_leaves_the_project_open_on_the_file_as_it_was(path, tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database at all" * 100)
    with Project.open(path, user="alice") as project:
        mark(project, 0)
        with pytest.raises(ProjectError, match="bogus.db"):
            restore_open_project(project, backup=bogus)
        assert is_open(project) and spans_of(project) == [(0, 3, "source")]
        mark(project, 10)
        assert len(spans_of(project)) == 2
