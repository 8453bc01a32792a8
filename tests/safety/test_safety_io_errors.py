"""A write that fails (disk full, I/O error) during a service call: a clear WriteFailed, nothing
corrupted or half-written, and the very same call succeeds when retried."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
from safety_helpers import dump, integrity

from annotator.core.errors import ProjectError
from annotator.project import Project, WriteFailed, add_span, import_files, link
from annotator.store.repo import Repository

TEXT = "Trump wrote on Truth Social that India had agreed, which India disputed on Friday."


@pytest.fixture
def proj(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "p.annotator.db"
    with Project.create(path) as project:
        assert import_files(project, [article]).ok
    project = Project.open(path, backup=False)
    yield project
    project.close()


def save_claim(project: Project) -> None:
    """One user action: a claim, its source and the link, in one transaction."""
    with project.store.transaction():
        add_span(project, doc_id="article", layer="alice", start=13, end=48, label="attributed", span_id="00000000-0000-4000-8000-000000000001")
        add_span(project, doc_id="article", layer="alice", start=0, end=5, label="source", span_id="00000000-0000-4000-8000-000000000002")
        link(project, head="00000000-0000-4000-8000-000000000001", tail="00000000-0000-4000-8000-000000000002", label="said_by")


def saved(project: Project) -> tuple[list, list]:
    return ([(s.start, s.end, s.label) for s in project.store.spans("article", "alice")],
            [r.label for r in project.store.relations("article", "alice")])


SAVED = ([(0, 5, "source"), (13, 48, "attributed")], ["said_by"])


@pytest.mark.parametrize("message", ["disk I/O error", "database or disk is full"])
def test_a_write_failing_midway_through_an_action_is_reported_and_undone(proj, monkeypatch, message, figures):
    before = dump(proj.path)

    def failing(self, relations):
        raise sqlite3.OperationalError(message)

    with monkeypatch.context() as patch:
        patch.setattr(Repository, "insert_relations", failing)  # after both spans were written
        with pytest.raises(WriteFailed) as info:
            save_claim(proj)
    text = str(info.value)
    assert isinstance(info.value, ProjectError) and str(proj.path) in text and message in text
    assert "nothing of this action was written" in text and "try again" in text
    assert not proj.store.db.conn.in_transaction
    assert dump(proj.path) == before and integrity(proj.path) == ([], [])
    save_claim(proj)  # the retry: same call, now the disk takes it
    assert saved(proj) == SAVED
    figures["injected write failures: nothing half-saved, retry succeeded"] += 1


def test_a_failing_single_service_call_is_reported_and_its_retry_succeeds(proj, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(Repository, "set_status", lambda *a: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")))
        with pytest.raises(WriteFailed):
            add_span(proj, doc_id="article", layer="alice", start=0, end=5, label="source")
    assert saved(proj) == ([], [])
    add_span(proj, doc_id="article", layer="alice", start=0, end=5, label="source")
    assert saved(proj) == ([(0, 5, "source")], [])


def test_a_bug_in_an_action_is_not_disguised_as_a_disk_error(proj, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(Repository, "insert_relations", lambda *a: (_ for _ in ()).throw(sqlite3.IntegrityError("FOREIGN KEY constraint failed")))
        with pytest.raises(sqlite3.IntegrityError):
            save_claim(proj)
    assert saved(proj) == ([], [])


@pytest.fixture
def file_size_limit():
    """Cap the size of any file this process writes (RLIMIT_FSIZE): a real, disk-full-like failure of
    SQLite's own write() calls. Python ignores SIGXFSZ, so write() just fails with EFBIG."""
    resource = pytest.importorskip("resource")
    if sys.platform == "win32":  # pragma: no cover
        pytest.skip("no RLIMIT_FSIZE")
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)

    def cap(limit: int | None) -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft if limit is None else limit, hard))

    yield cap
    cap(None)


def test_a_real_failed_write_to_the_wal_is_reported_and_nothing_is_corrupted(proj, file_size_limit, figures):
    for n in range(3):  # some committed work, so that the WAL has grown
        add_span(proj, doc_id="article", layer="bob", start=n, end=n + 4, label="cue")
    wal = Path(f"{proj.path}-wal")
    before = dump(proj.path)
    file_size_limit(wal.stat().st_size)  # the next append to the WAL fails
    try:
        with pytest.raises(WriteFailed, match="could not save"):
            save_claim(proj)
        assert not proj.store.db.conn.in_transaction
    finally:
        file_size_limit(None)
    assert dump(proj.path) == before and integrity(proj.path) == ([], [])
    save_claim(proj)
    assert saved(proj) == SAVED
    proj.close()
    with Project.open(proj.path, backup=False) as again:
        assert saved(again) == SAVED and again.store.check(full=True) == []
    figures["injected write failures: nothing half-saved, retry succeeded"] += 1


def test_an_import_hitting_a_full_disk_writes_nothing_and_can_be_retried(proj, tmp_path, file_size_limit):
    """Files share commits (import batching), so a failed write stops the whole import: it must not
    go on with the next file in a transaction SQLite may already have rolled back."""
    files = []
    for n in range(3):
        files.append(tmp_path / f"other{n}.txt")
        files[-1].write_text(f"Another article {n}, " * 2000, encoding="utf-8")
    add_span(proj, doc_id="article", layer="bob", start=0, end=4, label="cue")
    before = dump(proj.path)
    file_size_limit(Path(f"{proj.path}-wal").stat().st_size)
    try:
        with pytest.raises(WriteFailed, match="could not save"):
            import_files(proj, files)
        assert not proj.store.db.conn.in_transaction
    finally:
        file_size_limit(None)
    assert dump(proj.path) == before
    assert import_files(proj, files).ok
    assert proj.store.count_documents() == 4


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_a_failed_backup_write_is_a_clear_error(proj, monkeypatch):
    from annotator.project import StoreError, backup_now
    from annotator.store import backup

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_fsync", full)
    with pytest.raises(StoreError, match="could not write a backup .*No space left on device"):
        backup_now(proj)
    assert [p.name for p in backup.backups_dir(proj.path).iterdir()] == []
