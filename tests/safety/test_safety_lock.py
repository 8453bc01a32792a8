"""One writer at a time, across processes; readers meanwhile; a dead writer's lock taken over."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading

import pytest

from annotator.project import LockHeld, Project, add_span, check_project, import_files, stats
from annotator.store import ProjectStore

TEXT = "Ushakov said the talks would go ahead, according to TASS, and Peskov agreed."


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture
def held(tmp_path, article, zygote):
    """A project held for writing by another process, in the middle of an uncommitted action."""
    path = tmp_path / "held.annotator.db"
    with Project.create(path) as project:
        assert import_files(project, [article]).ok
        add_span(project, doc_id="article", layer="alice", start=0, end=7, label="source")
    pending = {"doc_id": "article", "layer": "alice", "start": 8, "end": 12, "label": "cue"}
    run = zygote.start({"op": "hold", "project": str(path), "user": "alice", "pending": pending})
    zygote.follow(run, 30)
    assert run.saw("held"), run.errors()
    yield path, run
    if run.exit is None:
        zygote.end(run, kill=True)


def test_a_second_writer_is_told_which_process_holds_the_project(held):
    path, run = held
    with pytest.raises(LockHeld) as info:
        Project.open(path)
    message = str(info.value)
    assert f"process {run.pid}" in message and socket.gethostname() in message
    assert "reading commands (stats, export) work meanwhile" in message


def test_the_cli_refuses_a_second_writer_in_one_line(held, cli, article):
    path, run = held
    result = cli("import", path, article)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.count("\n") == 1 and f"process {run.pid}" in result.stderr


def test_stats_and_export_read_while_another_process_writes(held, cli, tmp_path):
    path, _ = held
    result = cli("stats", path, "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert (figures["documents"], figures["spans"]) == (1, 1)  # the uncommitted span is not seen
    out = tmp_path / "dump.jsonl"
    result = cli("export", path, "--format", "jsonl", "--out", out)
    assert result.returncode == 0, result.stderr
    assert [len(json.loads(line).get("spans", [])) for line in out.read_text().splitlines()] == [1]


def test_service_readers_work_while_another_process_writes(held):
    path, _ = held
    with Project.open(path, readonly=True) as project:
        assert stats(project)["spans"] == 1
    assert check_project(path)["documents"] == 1


def test_a_killed_writers_lock_is_taken_over_and_its_unfinished_action_dropped(held, zygote):
    path, run = held
    zygote.end(run, kill=True)
    lock = path.with_name(path.name + ".lock")
    assert json.loads(lock.read_text())["pid"] == run.pid  # the dead holder's note remains
    with Project.open(path) as project:
        assert project.recovered
        assert [(s.start, s.end, s.label) for s in project.store.spans("article", "alice")] == [(0, 7, "source")]
        assert json.loads(lock.read_text())["pid"] == os.getpid()


def test_a_cleanly_closed_project_is_not_reported_as_recovered(tmp_path):
    path = tmp_path / "p.annotator.db"
    Project.create(path).close()
    with Project.open(path) as project:
        assert not project.recovered
    assert path.with_name(path.name + ".lock").read_bytes() == b""


def test_every_connection_waits_for_a_busy_file_instead_of_failing(tmp_path):
    path = tmp_path / "p.annotator.db"
    writer = ProjectStore(path, create=True)
    reader = ProjectStore(path, readonly=True)
    try:
        timeouts = [s.db.execute("PRAGMA busy_timeout").fetchone()[0] for s in (writer, reader)]
        assert timeouts == [5000, 5000]
    finally:
        reader.close()
        writer.close()


def test_an_action_starts_with_begin_immediate(project):
    statements = []
    project.store.db.conn.set_trace_callback(statements.append)
    with project.store.transaction():
        project.store.set_setting("k", 1)
    project.store.db.conn.set_trace_callback(None)
    assert statements[0] == "BEGIN IMMEDIATE" and statements[-1] == "COMMIT"


def test_an_action_queues_behind_another_connections_write_and_then_succeeds(project):
    """A second connection (a GUI worker, a backup) writing: the action waits for it, it does not fail."""
    other = sqlite3.connect(project.path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO project (key, value) VALUES ('other', '1')")
    release = threading.Timer(0.3, other.commit)
    release.start()
    try:
        with project.store.transaction():
            project.store.set_setting("mine", 2)
    finally:
        release.join()
        other.close()
    assert (project.setting("other"), project.setting("mine")) == (1, 2)
