"""Undo and redo of every command, from the keyboard; the project file follows each step."""

from __future__ import annotations

from ui_helpers import DOC0, DOC1, key, select_phrase, stored_spans

CLAIM = "Vladimir Putin congratulated Trump on his success in normalizing the situation in the Gaza sector"
SOURCE = "Russian president’s aide Yuri Ushakov"


def snapshot(path, doc=DOC0):
    """What the file holds: spans as (label, start, end, note), relations as (label, head label), status."""
    from annotator.project import Project, relations, spans, status

    with Project.open(path, readonly=True) as project:
        ss = spans(project, doc_id=doc, layer="alice")
        labels = {s.id: s.label for s in ss}
        rels = relations(project, doc_id=doc, layer="alice")
        return (sorted((s.label, s.start, s.end, s.note) for s in ss),
                sorted((r.label, labels[r.head], labels[r.tail]) for r in rels),
                status(project, doc_id=doc, layer="alice"))


def undo_redo_round_trip(qtbot, window, path, before, after):
    """Spans and relations after, undone, redone (Ctrl+Shift+Z and Ctrl+Y). The status is left out:
    the first edit moves a document to "in progress", and undoing the edit keeps it there."""
    assert snapshot(path)[:2] == after[:2]
    key(qtbot, window, "Ctrl+Z")
    assert snapshot(path)[:2] == before[:2]
    key(qtbot, window, "Ctrl+Shift+Z")
    assert snapshot(path)[:2] == after[:2]
    key(qtbot, window, "Ctrl+Z")
    key(qtbot, window, "Ctrl+Y")
    assert snapshot(path)[:2] == after[:2]


def test_undo_redo_add_span(qtbot, make_window, seeded_path):
    window = make_window()
    before = snapshot(seeded_path)
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    undo_redo_round_trip(qtbot, window, seeded_path, before, snapshot(seeded_path))
    assert len(window.view.index) == 1 and window.span_model.rowCount() == 1


def test_undo_of_add_removes_the_highlight(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    key(qtbot, window, "Ctrl+Z")
    assert len(window.view.index) == 0 and window.span_model.rowCount() == 0 and window.labeller.selected is None


def test_undo_redo_delete_restores_span_and_links(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    key(qtbot, window, "l")
    key(qtbot, window, "Return")
    before = snapshot(seeded_path)
    key(qtbot, window, "Delete")
    undo_redo_round_trip(qtbot, window, seeded_path, before, snapshot(seeded_path))
    key(qtbot, window, "Ctrl+Z")
    assert snapshot(seeded_path)[1] == [("said_by", "attributed", "source")]


def test_undo_redo_relabel(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    before = snapshot(seeded_path)
    key(qtbot, window, "2")
    undo_redo_round_trip(qtbot, window, seeded_path, before, snapshot(seeded_path))


def test_undo_redo_resize(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    before = snapshot(seeded_path)
    key(qtbot, window, "Alt+Shift+Left")
    after = snapshot(seeded_path)
    assert after != before
    undo_redo_round_trip(qtbot, window, seeded_path, before, after)


def test_undo_redo_link_and_unlink(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    unlinked = snapshot(seeded_path)
    key(qtbot, window, "l")
    key(qtbot, window, "Return")
    linked = snapshot(seeded_path)
    undo_redo_round_trip(qtbot, window, seeded_path, unlinked, linked)
    key(qtbot, window, "u")
    undo_redo_round_trip(qtbot, window, seeded_path, linked, unlinked)


def test_undo_redo_note(qtbot, make_window, seeded_path):
    from PySide6.QtCore import Qt

    window = make_window()
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    before = snapshot(seeded_path)
    key(qtbot, window, "n")
    qtbot.keyClicks(window.details.note, "check the readout")
    qtbot.keyClick(window.details.note, Qt.Key.Key_Return)
    window.view.setFocus()
    undo_redo_round_trip(qtbot, window, seeded_path, before, snapshot(seeded_path))


def test_undo_redo_status(qtbot, make_window, seeded_path):
    window = make_window()
    window.navigator.mark_in_progress()
    assert snapshot(seeded_path)[2] == "in progress"
    key(qtbot, window, "Ctrl+Z")
    assert snapshot(seeded_path)[2] == "todo" and window.header.status.text() == "todo"
    key(qtbot, window, "Ctrl+Y")
    assert snapshot(seeded_path)[2] == "in progress" and window.header.status.text() == "in progress"


def test_undo_survives_switching_documents_and_back(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    key(qtbot, window, "Ctrl+PgDown")
    assert window.workspace.doc.id == DOC1
    assert not window.actions_by_id["edit.undo"].isEnabled()  # nothing to undo in this document
    key(qtbot, window, "Ctrl+PgUp")
    assert window.workspace.doc.id == DOC0 and len(window.view.index) == 1
    key(qtbot, window, "Ctrl+Z")
    assert stored_spans(seeded_path) == [] and len(window.view.index) == 0
