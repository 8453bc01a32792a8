"""Labelling by keyboard and mouse: what the view shows and what the project file holds."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_helpers import DOC0, key, place_cursor, select_by_keys, select_phrase, stored_spans

CLAIM = "Vladimir Putin congratulated Trump on his success in normalizing the situation in the Gaza sector"
SOURCE = "Russian president’s aide Yuri Ushakov"


def test_source_key_creates_a_source_span(qtbot, make_window, seeded_path):
    window = make_window()
    start, end = select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    [span] = stored_spans(seeded_path)
    assert (span.start, span.end, span.label, span.text_in(window.workspace.doc.text)) == (start, end, "source", SOURCE)
    assert [s.id for s in window.view.index] == [span.id]
    assert window.labeller.selected == span.id
    assert window.span_model.rowCount() == 1 and window.span_model.data(window.span_model.index(0, 1)) == SOURCE


def test_partial_word_selection_snaps_to_whole_words(qtbot, make_window, seeded_path):
    window = make_window()
    text = window.workspace.doc.text
    start = text.index("Ushakov") + 2  # "hakov rep" → "Ushakov reported"
    select_by_keys(qtbot, window, start, 9)
    key(qtbot, window, "c")
    [span] = stored_spans(seeded_path)
    assert span.text_in(text) == "Ushakov reported"


def test_snapping_off_labels_exact_characters(qtbot, make_window, seeded_path):
    window = make_window()
    key(qtbot, window, "Ctrl+Shift+W")
    assert window.labeller.snap is False and window.settings.snap_to_words is False
    text = window.workspace.doc.text
    start = text.index("Ushakov") + 2
    select_by_keys(qtbot, window, start, 5)
    key(qtbot, window, "s")
    [span] = stored_spans(seeded_path)
    assert span.text_in(text) == "hakov"


def test_alt_drag_selects_exact_characters_while_snapping_is_on(qtbot, make_window, seeded_path):
    window = make_window()
    view = window.view
    text = window.workspace.doc.text
    start = text.index("Ushakov") + 2
    place_cursor(window, start)
    a = view.cursorRect().center()
    place_cursor(window, start + 4)
    b = view.cursorRect().center()
    place_cursor(window, 0)
    alt = Qt.KeyboardModifier.AltModifier
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, alt, a)
    QTest.mouseMove(view.viewport(), b)
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, alt, b)
    assert view.exact_drag and view.selection_range() == (start, start + 4)
    key(qtbot, window, "s")
    [span] = stored_spans(seeded_path)
    assert span.text_in(text) == "hako"


def test_nested_spans_are_both_stored_and_both_drawn(qtbot, make_window, seeded_path):
    window = make_window()
    claim_start, claim_end = select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    select_by_keys(qtbot, window, claim_start, len("Vladimir Putin"))
    key(qtbot, window, "s")
    spans = stored_spans(seeded_path)
    assert sorted((s.label, s.text_in(window.workspace.doc.text)) for s in spans) == [
        ("attributed", CLAIM), ("source", "Vladimir Putin")]
    window.view.viewport().repaint()
    block = window.view.document().findBlock(window.view.positions.to_qt(claim_start))
    labels = [[s.label for s in seg[2]] for seg in window.view.segments[block.blockNumber()]]
    assert labels == [["source", "attributed"], ["attributed"]]  # innermost first: background, then a band


def test_label_key_relabels_the_selected_span(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    key(qtbot, window, "3")
    [span] = stored_spans(seeded_path)
    assert span.label == "opinion"
    assert window.span_model.data(window.span_model.index(0, 0)) == "opinion"


def test_delete_key_removes_the_span(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    key(qtbot, window, "Delete")
    assert stored_spans(seeded_path) == []
    assert len(window.view.index) == 0 and window.span_model.rowCount() == 0


def test_alt_arrows_grow_and_shrink_the_span_by_a_word(qtbot, make_window, seeded_path):
    window = make_window()
    text = window.workspace.doc.text
    select_phrase(qtbot, window, "Yuri Ushakov")
    key(qtbot, window, "s")
    key(qtbot, window, "Alt+Shift+Left")  # grow the start: "aide Yuri Ushakov"
    key(qtbot, window, "Alt+Right")  # grow the end: "aide Yuri Ushakov reported"
    [span] = stored_spans(seeded_path)
    assert span.text_in(text) == "aide Yuri Ushakov reported"
    key(qtbot, window, "Alt+Left")
    key(qtbot, window, "Alt+Shift+Right")
    [span] = stored_spans(seeded_path)
    assert span.text_in(text) == "Yuri Ushakov"


def test_n_focuses_the_note_and_enter_saves_it(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    key(qtbot, window, "n")
    assert window.details.note.hasFocus()
    qtbot.keyClicks(window.details.note, "paraphrase of the Kremlin readout")
    qtbot.keyClick(window.details.note, Qt.Key.Key_Return)
    [span] = stored_spans(seeded_path)
    assert span.note == "paraphrase of the Kremlin readout"
    assert window.span_model.data(window.span_model.index(0, 5)) == "paraphrase of the Kremlin readout"


def test_clicking_a_highlight_selects_its_span(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    key(qtbot, window, "Escape")
    assert window.labeller.selected is None
    [span] = stored_spans(seeded_path)
    rect = window.view.rects_for(span.start, span.end)[0]
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(rect.center().x()), int(rect.center().y())))
    assert window.labeller.selected == span.id
    assert window.details.text().startswith("■ source")


def test_tab_moves_between_spans_in_text_order(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "Vladimir Putin", 1)
    key(qtbot, window, "s")
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    first, second = sorted(stored_spans(seeded_path), key=lambda s: s.start)
    assert window.labeller.selected == first.id
    key(qtbot, window, "Tab")
    assert window.labeller.selected == second.id
    key(qtbot, window, "Shift+Tab")
    assert window.labeller.selected == first.id
