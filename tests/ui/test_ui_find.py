"""Find in the document (Ctrl+F) and search across the corpus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import DOC0, key, stored_spans


def test_ctrl_f_selects_the_match_and_a_label_key_labels_it(qtbot, make_window, seeded_path):
    window = make_window()
    key(qtbot, window, "Ctrl+F")
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "yuri ushakov")
    text = window.workspace.doc.text
    first = text.index("Yuri Ushakov")
    assert window.view.selection_range() == (first, first + 12)
    assert window.find_bar.count.text().startswith("1 of ")
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert window.view.hasFocus() and not window.find_bar.isVisible()
    key(qtbot, window, "s")
    [span] = stored_spans(seeded_path)
    assert (span.start, span.label) == (first, "source")


def test_enter_and_f3_step_through_matches(qtbot, make_window):
    window = make_window()
    key(qtbot, window, "Ctrl+F")
    qtbot.keyClicks(window.find_bar.field, "Ushakov")
    total = int(window.find_bar.count.text().split(" of ")[1])
    assert total >= 2
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {total}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.find_bar.count.text() == f"1 of {total}"
    text = window.workspace.doc.text
    start, _end = window.view.selection_range()
    assert text[start:start + 7] == "Ushakov"


def test_corpus_search_lists_hits_with_context_and_opens_one(qtbot, make_window):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+F")
    panel = window.corpus
    assert panel.field.hasFocus()
    qtbot.keyClicks(panel.field, "Truth Social")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    hits = panel.model.hits
    assert hits and panel.summary.text().startswith(f"{len(hits)} hit")
    other = next(h for h in hits if h.doc_id != DOC0)
    row = hits.index(other)
    assert "[Truth Social]" in panel.model.data(panel.model.index(row))
    panel.list.activated.emit(panel.model.index(row))
    assert window.workspace.doc.id == other.doc_id
    assert window.view.selection_range() == (other.start, other.end)


def test_corpus_search_reports_a_bad_pattern(qtbot, make_window):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+F")
    panel = window.corpus
    panel.regex.setChecked(True)
    qtbot.keyClicks(panel.field, "(unclosed")
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 0 and "bad search pattern" in panel.summary.text()
