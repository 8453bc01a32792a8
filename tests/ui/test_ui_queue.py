"""The queue: done and next (Ctrl+Enter), filter and progress, and reopening where you left off."""

from __future__ import annotations

from ui_helpers import DOC0, DOC1, key, select_phrase, stored_spans

SOURCE = "Russian president’s aide Yuri Ushakov"


def status_in_file(path, doc):
    from annotator.project import Project, status

    with Project.open(path, readonly=True) as project:
        return status(project, doc_id=doc, layer="alice")


def test_ctrl_enter_marks_done_and_opens_the_next_todo_document(qtbot, make_window, seeded_path):
    window = make_window()
    key(qtbot, window, "Ctrl+Return")
    assert status_in_file(seeded_path, DOC0) == "done"
    assert window.workspace.doc.id == DOC1
    model = window.queue_model
    assert model.rows[model.row_of(DOC0)]["status"] == "done"
    assert window.queue.progress_label.text() == "1 of 5 done"
    assert window.queue.table.currentIndex().data() == model.rows[model.row_of(DOC1)]["title"]


def test_done_and_next_skips_documents_already_done(qtbot, make_window, seeded_path):
    window = make_window()
    key(qtbot, window, "Ctrl+PgDown")
    key(qtbot, window, "Ctrl+Return")  # DOC1 done, on to the third
    window.navigator.open(DOC0)
    key(qtbot, window, "Ctrl+Enter")
    assert window.workspace.doc.id == window.queue_model.doc_id(2)


def test_queue_filter_narrows_the_list(qtbot, make_window):
    window = make_window()
    qtbot.keyClicks(window.queue.filter, "Hungary")
    shown = window.queue.proxy.rowCount()
    assert shown == 1
    window.queue.filter.clear()
    assert window.queue.proxy.rowCount() == 5


def test_clicking_a_queue_row_opens_that_document(qtbot, make_window):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    window = make_window()
    table = window.queue.table
    index = window.queue.proxy.mapFromSource(window.queue_model.index(window.queue_model.row_of(DOC1), 0))
    rect = table.visualRect(index)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert window.workspace.doc.id == DOC1
    assert window.header.title.text().startswith(window.workspace.doc.title[:20])


def test_span_counts_in_the_queue_follow_edits(qtbot, make_window):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    row = window.queue_model.rows[window.queue_model.row_of(DOC0)]
    assert (row["spans"], row["status"]) == (1, "in progress")


def test_reopening_after_a_restart_finds_document_spans_links_and_status(qtbot, make_window, seeded_path):
    window = make_window()
    key(qtbot, window, "Ctrl+PgDown")
    select_phrase(qtbot, window, "Trump")
    key(qtbot, window, "s")
    window.close()
    again = make_window(doc=None)  # no document asked for: where alice left off
    assert again.workspace.doc.id == DOC1
    assert [s.text_in(again.workspace.doc.text) for s in again.view.index] == ["Trump"]
    assert again.header.status.text() == "in progress"
    assert len(stored_spans(seeded_path, doc=DOC1)) == 1
