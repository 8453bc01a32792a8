"""Repeated passages in the main window: margin bars with tooltips naming the twins, and copying the
layer's labels to identical twins (in the same document or another), undone with Ctrl+Z."""

from __future__ import annotations

from ui_helpers import key, make_text_project, select_phrase, stored_spans

from annotator.ui.document_view import margin

SOURCE = "Russian president’s aide Yuri Ushakov"
BLOCK = ((677, 1869), (1870, 3062))  # the seed article repeats a block of four paragraphs
SHARED = "The ministry said on Tuesday that the new bridge would open to traffic before the winter."


def test_repeated_passages_have_margin_bars_whose_tooltips_name_the_twins(qtbot, make_window):
    window = make_window()
    marks = window.view.margin_marks
    blocks = [m for m in marks if m.lane == 0]
    assert [(m.start, m.end) for m in blocks] == list(BLOCK) and len(marks) == 10  # 2 blocks + 2 × 4 paragraphs
    assert "Repeated block of paragraphs" in blocks[0].tooltip
    assert "this document, characters 1870–3062" in blocks[0].tooltip
    window.view.reveal(BLOCK[0][0])
    rect = margin.rect_of(window.view, blocks[0], window.view.visible_blocks())
    point = rect.center().toPoint()
    assert margin.mark_at(window.view, rect.center()) == blocks[0]
    assert window.view.tooltip_at(point) == blocks[0].tooltip
    assert window.view.tooltip_at(point.__class__(point.x() + 200, point.y())) != blocks[0].tooltip


def test_ctrl_shift_p_copies_labels_to_the_twin_and_ctrl_z_takes_them_back(qtbot, make_window, seeded_path):
    window = make_window()
    start, end = select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    key(qtbot, window, "Ctrl+Shift+P")
    shift = BLOCK[1][0] - BLOCK[0][0]
    copied = sorted((s.start, s.end, s.label) for s in stored_spans(seeded_path))
    assert copied == [(start, end, "source"), (start + shift, end + shift, "source")]
    assert sorted((s.start, s.end) for s in window.view.index) == [(start, end), (start + shift, end + shift)]
    twin_id = next(s.id for s in stored_spans(seeded_path) if s.start != start)
    key(qtbot, window, "Ctrl+Z")
    assert [(s.start, s.label) for s in stored_spans(seeded_path)] == [(start, "source")]
    assert len(window.view.index) == 1
    key(qtbot, window, "Ctrl+Shift+Z")
    assert twin_id in {s.id for s in stored_spans(seeded_path)}


def test_copy_reaches_a_twin_in_another_document_and_its_queue_row(qtbot, make_window, tmp_path):
    path = make_text_project(tmp_path / "twins.annotator.db", {
        "a": f"First outlet headline here.\n{SHARED}\nOnly in the first article, a closing line.\n",
        "b": f"Second outlet, another headline.\n{SHARED}\nThe second article ends differently here.\n",
    })
    window = make_window(path, doc="a")
    select_phrase(qtbot, window, "The ministry")
    key(qtbot, window, "s")
    key(qtbot, window, "Ctrl+Shift+P")
    text_b = "Second outlet, another headline.\n"
    assert [(s.start, s.end, s.label) for s in stored_spans(path, doc="b")] == [(len(text_b), len(text_b) + 12, "source")]
    row = window.queue_model.rows[window.queue_model.row_of("b")]
    assert (row["spans"], row["status"]) == (1, "in progress")
    assert len(window.view.index) == 1  # b's span is not drawn over a's text
    key(qtbot, window, "Ctrl+Z")
    assert stored_spans(path, doc="b") == [] and window.queue_model.rows[window.queue_model.row_of("b")]["spans"] == 0


def test_outside_a_repeated_passage_the_action_says_so(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "Vladimir Putin and Donald Trump")  # the first paragraph is not repeated
    key(qtbot, window, "s")
    key(qtbot, window, "Ctrl+Shift+P")
    assert "not in a repeated passage" in window.statusBar().currentMessage()
    assert len(stored_spans(seeded_path)) == 1
