"""File › Restore backup…: the list of backups, the confirmation, the rollback in place, and
everything in the window read again (queue, document, labels, undo history)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import DOC0, key, select_phrase, stored_spans

import annotator.project as svc
from annotator.project import LockHeld, Project, list_backups
from annotator.ui import dialogs, plain
from annotator.ui.features.safety.backups import when

SOURCE = "Russian president’s aide Yuri Ushakov"
CLAIM = "Vladimir Putin"
Yes, Cancel = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Cancel


class Answers(list):
    """The questions asked, in order; `reply` is the button every one is answered with."""

    reply = Yes


@pytest.fixture
def answers(monkeypatch):
    asked = Answers()
    monkeypatch.setattr(plain, "ask", lambda parent, title, text, *a, **k: asked.append(text) or asked.reply)
    return asked


@pytest.fixture
def errors(monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, message: shown.append((title, message)))
    return shown


def back_up_now(qtbot, window):
    with qtbot.waitSignal(window.features["safety"].backups.backed_up, timeout=10_000) as done:
        window.actions_by_id["file.backup"].trigger()
    return done.args[0]


def texts(path, layer="alice", doc=DOC0):
    with Project.open(path, readonly=True) as project:
        text = svc.document(project, doc).text
    return sorted(s.text_in(text) for s in stored_spans(path, layer, doc))


def choose(dialog, info) -> None:
    dialog.table.selectRow(dialog.backups.index(info))


def test_the_dialog_lists_every_backup_newest_first_with_time_kind_and_size(qtbot, make_window):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    manual = back_up_now(qtbot, window)
    window.actions_by_id["file.restore"].trigger()
    dialog = window.features["safety"].dialog
    qtbot.waitExposed(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    opened = list_backups(window.project.path)[1]
    assert rows == [[when(manual), "made by hand", f"{round(manual.size / 1024)} KB"],
                    [when(opened), "on opening", f"{round(opened.size / 1024)} KB"]]
    assert dialog.chosen() == manual and dialog.restore_button.isEnabled()


def test_restoring_rolls_back_the_file_and_refreshes_the_window(qtbot, make_window, seeded_path, answers):
    window = make_window()
    ws = window.workspace
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    kept = back_up_now(qtbot, window)
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    assert ws.stack.canUndo() and window.queue_model.rows[0]["spans"] == 2
    dialog = window.features["safety"].open_restore()
    choose(dialog, kept)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "Roll the project back to the backup of" in answers[0] and not dialog.isVisible()
    # the file
    assert texts(seeded_path) == [SOURCE]
    before = list_backups(seeded_path)[0]
    assert before.kind == "before-restore" and texts(before.path) == sorted([SOURCE, CLAIM])
    # the window: same document, its spans, the queue's counts, no undo into the old state
    assert ws.doc.id == DOC0 and [s.text_in(ws.doc.text) for s in ws.spans.values()] == [SOURCE]
    assert len(window.view.index) == 1 and window.queue_model.rows[0]["spans"] == 1
    assert not ws.stack.canUndo() and not window.actions_by_id["edit.undo"].isEnabled()
    banner = window.features["safety"].banner
    assert banner.isVisible() and f"Restored the backup of {when(kept)} (made by hand)" in banner.message.text()
    assert before.path.name in banner.message.text()
    # and it keeps working on the restored file, still the only writer
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "3")
    assert texts(seeded_path) == sorted([SOURCE, CLAIM])
    with pytest.raises(LockHeld):
        Project.open(seeded_path, user="bob")


def test_cancelling_the_confirmation_changes_nothing(qtbot, make_window, seeded_path, answers):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    answers.reply = Cancel
    dialog = window.features["safety"].open_restore()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(answers) == 1 and dialog.isVisible()
    assert texts(seeded_path) == [SOURCE] and window.workspace.stack.canUndo()
    assert [b.kind for b in list_backups(seeded_path)] == ["open"]


def test_a_document_the_backup_lacks_gives_way_to_one_it_has(qtbot, make_window, seeded_path, answers, tmp_path):
    window = make_window()
    kept = back_up_now(qtbot, window)
    extra = tmp_path / "late_article.txt"
    extra.write_text("Peskov said the call was useful.", encoding="utf-8")
    assert svc.import_files(window.project, [extra]).ok
    window.refresh_lists()
    window.navigator.open("late_article")
    dialog = window.features["safety"].open_restore()
    choose(dialog, kept)
    assert dialog.restore_selected()
    assert window.queue_model.rowCount() == 5 and window.queue_model.row_of("late_article") == -1
    assert window.workspace.doc is not None and window.workspace.doc.id != "late_article"
    assert window.view.toPlainText() == window.workspace.doc.text


def test_a_backup_that_fails_verification_is_refused_and_said(qtbot, make_window, seeded_path, answers, errors):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    folder = svc.backups_folder(seeded_path)
    (folder / "20200101T000000.000000Z-manual.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    dialog = window.features["safety"].open_restore()
    bad = next(b for b in dialog.backups if b.created.year == 2020)
    choose(dialog, bad)
    assert not dialog.restore_selected() and dialog.isVisible()
    [(title, message)] = errors
    assert title == "The backup was not restored" and bad.path.name in message
    assert texts(seeded_path) == [SOURCE]  # the project as it was, and the window still saves
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    assert texts(seeded_path) == sorted([SOURCE, CLAIM])


def test_a_failed_edit_must_be_retried_or_discarded_before_a_restore(qtbot, make_window, seeded_path, answers,
                                                                     errors, monkeypatch):
    window = make_window()
    kept = back_up_now(qtbot, window)
    monkeypatch.setattr(svc, "add_span", lambda *a, **k: (_ for _ in ()).throw(svc.WriteFailed("disk full")))
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    dialog = window.features["safety"].open_restore()
    choose(dialog, kept)
    assert not dialog.restore_selected()
    [(title, message)] = errors
    assert title == "An edit is not saved" and "Retry it (Ctrl+Shift+S) or discard it" in message
    assert window.workspace.pending is not None and [b.kind for b in list_backups(seeded_path)] == ["manual", "open"]
