"""A failed save is shown, the edit kept, and Retry saves it; nothing is swallowed."""

from __future__ import annotations

import sqlite3

import annotator.project as svc
from PySide6.QtCore import Qt
from annotator.core.errors import ProjectError
from ui_helpers import key, select_phrase, stored_spans

SOURCE = "Russian president’s aide Yuri Ushakov"


def test_failed_write_is_shown_and_retry_saves_it(qtbot, make_window, seeded_path, monkeypatch):
    window = make_window()
    store = window.project.store
    real = store.insert_spans
    calls = []

    def disk_full(spans):
        calls.append(1)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "insert_spans", disk_full)
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    assert calls == [1]
    assert window.banner.isVisible() and "database or disk is full" in window.banner.message.text()
    assert window.save_indicator.text().startswith("✗ Not saved")
    assert window.actions_by_id["edit.retry"].isEnabled()
    assert stored_spans(seeded_path) == [] and len(window.view.index) == 0  # rolled back, nothing shown as saved
    monkeypatch.setattr(store, "insert_spans", real)  # the disk has room again
    key(qtbot, window, "Ctrl+Shift+S")
    [span] = stored_spans(seeded_path)
    assert span.text_in(window.workspace.doc.text) == SOURCE
    assert not window.banner.isVisible() and window.save_indicator.text().startswith("✓ Saved")
    assert [s.id for s in window.view.index] == [span.id]
    key(qtbot, window, "Ctrl+Z")  # the retried edit is an ordinary undoable one
    assert stored_spans(seeded_path) == []


def test_new_edits_wait_while_a_failed_one_is_pending(qtbot, make_window, seeded_path, monkeypatch):
    window = make_window()
    monkeypatch.setattr(svc, "add_span", lambda *a, **k: (_ for _ in ()).throw(ProjectError("locked by a backup")))
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    select_phrase(qtbot, window, "Vladimir Putin")
    key(qtbot, window, "1")
    assert "retry it" in window.statusBar().currentMessage()
    assert window.workspace.pending.command.span.label == "source"


def test_failed_undo_is_kept_and_retried(qtbot, make_window, seeded_path, monkeypatch):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    real = svc.remove_spans
    monkeypatch.setattr(svc, "remove_spans", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("disk I/O error")))
    key(qtbot, window, "Ctrl+Z")
    assert len(stored_spans(seeded_path)) == 1 and len(window.view.index) == 1
    assert window.workspace.stack.canUndo()  # the stack did not move past a change the file never got
    assert "disk I/O error" in window.banner.message.text()
    monkeypatch.setattr(svc, "remove_spans", real)
    qtbot.mouseClick(window.banner.retry, Qt.MouseButton.LeftButton)
    assert stored_spans(seeded_path) == [] and len(window.view.index) == 0
    assert not window.workspace.stack.canUndo() and window.workspace.stack.canRedo()


def test_discarding_a_failed_edit_leaves_the_project_as_it_was(qtbot, make_window, seeded_path, monkeypatch):
    window = make_window()
    monkeypatch.setattr(svc, "add_span", lambda *a, **k: (_ for _ in ()).throw(sqlite3.OperationalError("readonly database")))
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    qtbot.mouseClick(window.banner.discard, Qt.MouseButton.LeftButton)
    assert window.workspace.pending is None and not window.banner.isVisible()
    assert stored_spans(seeded_path) == []
