"""Backups from the main window: a timer, a worker thread that never shares the project's
connection, "Backed up HH:MM" in the status bar, File › Back up now, failures shown."""

from __future__ import annotations

import threading

from ui_helpers import key, select_phrase

import annotator.project as svc
from annotator.project import PlannedBackup, Project, list_backups
from annotator.ui.features.safety.backups import when

SOURCE = "Russian president’s aide Yuri Ushakov"


def label_source(qtbot, window) -> None:
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")


def backup_spans(info) -> list[str]:
    with Project.open(info.path, readonly=True) as copy:
        doc = svc.document(copy, "000_9f0322c5207143d7")
        return [s.text_in(doc.text) for s in svc.spans(copy, doc_id=doc.id, layer="alice")]


class ThreadSpy:
    """Stands in for the store's sqlite-utils Database and notes which threads used it."""

    def __init__(self, db) -> None:
        self.__dict__.update(_db=db, threads=set())

    def __getattr__(self, name):
        self.threads.add(threading.get_ident())
        return getattr(self._db, name)

    def __getitem__(self, name):
        self.threads.add(threading.get_ident())
        return self._db[name]


def test_the_timer_runs_every_minute_and_the_status_bar_shows_the_backup_on_opening(make_window):
    window = make_window()
    backups = window.features["safety"].backups
    assert backups.timer.isActive() and backups.timer.interval() == 60_000 and backups.every_minutes == 10
    [opened] = list_backups(window.project.path)
    assert opened.kind == "open" and window.features["safety"].indicator.text() == f"Backed up {when(opened)}"


def test_a_due_backup_is_written_on_a_worker_while_the_ui_keeps_saving(qtbot, make_window, monkeypatch):
    window = make_window()
    safety = window.features["safety"]
    label_source(qtbot, window)
    safety.backups.every_minutes = 0
    spy = ThreadSpy(window.project.store.db)
    monkeypatch.setattr(window.project.store, "db", spy)
    release, workers = threading.Event(), []
    real_write = PlannedBackup.write

    def slow_write(planned):
        workers.append(threading.get_ident())
        assert release.wait(10)
        return real_write(planned)

    monkeypatch.setattr(PlannedBackup, "write", slow_write)
    with qtbot.waitSignal(safety.backups.backed_up, timeout=10_000) as done:
        assert safety.backups.tick()
        qtbot.waitUntil(lambda: bool(workers))
        select_phrase(qtbot, window, "Vladimir Putin")  # the window saves while the copy is under way
        key(qtbot, window, "1")
        assert window.save_indicator.text().startswith("✓ Saved")
        release.set()
    info = done.args[0]
    assert info.kind == "auto" and info == list_backups(window.project.path)[0]
    assert sorted(backup_spans(info)) == sorted([SOURCE, "Vladimir Putin"])
    assert workers[0] != threading.get_ident() and spy.threads == {threading.get_ident()}
    assert safety.indicator.text() == f"Backed up {when(info)}"


def test_nothing_is_due_again_until_the_next_change(qtbot, make_window):
    window = make_window()
    backups = window.features["safety"].backups
    backups.every_minutes = 0
    label_source(qtbot, window)
    window.workspace.flush_place()  # the deferred "where I am" write, so that nothing writes after the backup
    with qtbot.waitSignal(backups.backed_up, timeout=10_000):
        assert backups.tick()
    assert not backups.tick()
    assert [b.kind for b in list_backups(window.project.path)] == ["auto", "open"]


def test_no_backup_is_planned_while_a_job_holds_the_connection(qtbot, make_window, monkeypatch):
    window = make_window()
    backups = window.features["safety"].backups
    backups.every_minutes = 0
    label_source(qtbot, window)
    asked = []
    monkeypatch.setattr(svc, "due_backup", lambda *a, **k: asked.append(1))
    window.workspace.busy = "Importing files"
    try:
        assert not backups.tick()
    finally:
        window.workspace.busy = ""
    assert asked == []


def test_back_up_now_keeps_a_manual_backup_and_says_so(qtbot, make_window):
    window = make_window()
    safety = window.features["safety"]
    label_source(qtbot, window)
    with qtbot.waitSignal(safety.backups.backed_up, timeout=10_000) as done:
        window.actions_by_id["file.backup"].trigger()
    info = done.args[0]
    assert info.kind == "manual" and backup_spans(info) == [SOURCE]
    assert info.path.name in window.statusBar().currentMessage()
    assert safety.indicator.text() == f"Backed up {when(info)}"


def test_a_failed_backup_is_shown_once_in_the_banner_and_in_the_status_bar(qtbot, make_window, monkeypatch):
    window = make_window()
    safety = window.features["safety"]
    backups = safety.backups
    backups.every_minutes = 0

    def no_room(planned):
        raise svc.StoreError(f"{planned.path}: could not write a backup (No space left on device)")

    monkeypatch.setattr(PlannedBackup, "write", no_room)
    for span in (SOURCE, "Vladimir Putin"):
        select_phrase(qtbot, window, span)
        key(qtbot, window, "s")
        with qtbot.waitSignal(backups.failed, timeout=10_000):
            assert backups.tick()
    assert safety.indicator.text() == "⚠ Backup failed" and "No space left" in safety.indicator.toolTip()
    assert safety.banner.isVisible() and len(safety.banner.lines) == 1
    assert "No space left on device" in safety.banner.message.text()
    assert window.save_indicator.text().startswith("✓ Saved")  # the saves themselves are not affected


def test_a_read_only_window_never_backs_up(qtbot, seeded_path):
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    window = MainWindow(Project.open(seeded_path, readonly=True, user="alice"), Settings())
    try:
        safety = window.features["safety"]
        assert not safety.backups.timer.isActive() and not safety.backups.tick()
        assert safety.indicator.text() == "Read-only" and not safety.back_up_now()
    finally:
        window.close()


def test_an_error_while_planning_is_reported_not_raised_into_the_timer(qtbot, make_window, monkeypatch):
    import sqlite3

    window = make_window()
    safety = window.features["safety"]
    monkeypatch.setattr(svc, "due_backup", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")))
    with qtbot.waitSignal(safety.backups.failed) as failed:
        assert not safety.backups.tick()
    assert failed.args == ["OperationalError: disk I/O error"] and safety.indicator.text() == "⚠ Backup failed"
