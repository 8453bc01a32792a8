"""The schema editor: rename (annotations follow), add a label with a key, recolour, refuse clashes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from ui_helpers import key, select_phrase, stored_spans


def open_editor(qtbot, window):
    window.actions_by_id["project.labels"].trigger()
    editor = window.schema_editor
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    return editor


def edit_cell(qtbot, editor, row: int, column: int, text: str) -> None:
    """Select a cell, F2, replace its text, Enter — as a user edits a table."""
    table = editor.table
    table.setFocus()
    table.setCurrentIndex(editor.model.index(row, column))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit) and field.parent() is table.viewport(), field
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def save(qtbot, editor) -> None:
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def file_schema(path):
    from annotator.project import Project

    with Project.open(path, readonly=True) as project:
        return project.schema


def row_of(editor, name):
    return [label.name for label in editor.model.labels].index(name)


def test_renaming_a_label_carries_existing_spans_along(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    editor = open_editor(qtbot, window)
    edit_cell(qtbot, editor, row_of(editor, "source"), 0, "speaker")
    save(qtbot, editor)
    assert not editor.isVisible()
    assert [s.label for s in stored_spans(seeded_path)] == ["speaker"]
    assert file_schema(seeded_path).get("speaker").key == "s"
    assert "speaker" in window.palette.buttons and "source" not in window.palette.buttons
    assert window.span_model.data(window.span_model.index(0, 0)) == "speaker"


def test_a_new_label_with_a_key_can_be_used_at_once(qtbot, make_window, seeded_path):
    window = make_window()
    editor = open_editor(qtbot, window)
    row = editor.model.add_label("span")
    edit_cell(qtbot, editor, row, 0, "quote")
    edit_cell(qtbot, editor, row, 4, "q")
    save(qtbot, editor)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.view.setFocus()
    select_phrase(qtbot, window, "Vladimir Putin")
    key(qtbot, window, "q")
    assert [s.label for s in stored_spans(seeded_path)] == ["quote"]
    assert "label.quote" in window.actions_by_id


def test_recolouring_a_label_changes_the_highlight(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    editor = open_editor(qtbot, window)
    editor.table.selectRow(row_of(editor, "source"))
    editor.pick_colour("#123456")
    save(qtbot, editor)
    assert file_schema(seeded_path).get("source").color == "#123456"
    assert window.view.label_colour("source").name() == "#123456"


def test_a_clashing_key_is_refused_and_nothing_changes(qtbot, make_window, seeded_path):
    window = make_window()
    editor = open_editor(qtbot, window)
    edit_cell(qtbot, editor, row_of(editor, "cue"), 4, "1")
    save(qtbot, editor)
    assert editor.isVisible() and "both use the key '1'" in editor.error.text()
    assert file_schema(seeded_path).get("cue").key == "c"
    editor.reject()


def test_a_label_in_use_cannot_be_removed(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    editor = open_editor(qtbot, window)
    editor.table.selectRow(row_of(editor, "source"))
    editor.remove_current()
    save(qtbot, editor)
    assert "used by 1 annotations" in editor.error.text()
    assert file_schema(seeded_path).get("source") is not None
    editor.reject()
