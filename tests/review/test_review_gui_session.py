"""The review session window driven by keys; the gold layer checked in the project file."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from annotator.project import relations, spans, status
from annotator.store import review_queries as rq
from annotator.ui.review import ReviewSessionWindow, open_review_session

SOURCE, CLAIM, LONG = (0, 5, "source"), (11, 23, "attributed"), (11, 28, "attributed")


@pytest.fixture
def project(make_project):
    """d2: only ann marked a source; d1: source agreed, claim disputed, both link claim → source."""
    return make_project(
        {"ann": {"d1": [SOURCE, CLAIM], "d2": [(0, 7, "source")]}, "bob": {"d1": [SOURCE, LONG], "d2": []}},
        relations={"ann": {"d1": [(1, 0, "said_by")]}, "bob": {"d1": [(1, 0, "said_by")]}},
    )


@pytest.fixture
def window(qtbot, project):
    win = open_review_session(project)
    qtbot.addWidget(win)
    qtbot.waitExposed(win)
    return win


def gold(project, doc_id):
    return sorted(s.key for s in spans(project, doc_id=doc_id, layer="gold"))


def key(qtbot, win, k):
    qtbot.keyClick(win, k)


def test_keys_build_the_gold_layer_and_end_with_a_summary(qtbot, window, project):
    assert "document 1/2" in window.header.text() and len(window.variants.cards) == 1
    assert "No span here: bob" in window.variants.absent.text()
    key(qtbot, window, Qt.Key.Key_1)  # d2: take ann's source
    assert gold(project, "d2") == [(0, 7, "source")]
    assert status(project, doc_id="d2", layer="gold") == "done"
    assert "document 2/2" in window.header.text()
    assert [c.who for c in window.variants.cards] == ["ann", "bob"]
    assert all(c.who in c.title.text() for c in window.variants.cards)
    key(qtbot, window, Qt.Key.Key_2)  # d1 claim: bob's longer version
    key(qtbot, window, Qt.Key.Key_A)  # the agreed source
    assert gold(project, "d1") == [SOURCE, LONG]
    by_id = {s.id: s.key for s in spans(project, doc_id="d1", layer="gold")}
    assert [(by_id[r.head], by_id[r.tail], r.label) for r in relations(project, doc_id="d1", layer="gold")] == [
        (LONG, SOURCE, "said_by"),
    ]
    assert (window.progress.value(), window.progress.maximum()) == (3, 3)
    assert window.stack.currentIndex() == 1 and "3 of 3 units decided" in window.summary.text()
    log = rq.decisions(project.store)
    assert [(d["action"], d["who"]) for d in log] == [("take", "rev"), ("finish", "rev"), ("take", "rev"), ("accept", "rev"), ("finish", "rev")]


def test_zero_rejects_all_variants(qtbot, window, project):
    key(qtbot, window, Qt.Key.Key_N)  # to d1's source
    key(qtbot, window, Qt.Key.Key_N)  # to d1's claim
    assert "11-28" == window.session.unit.id
    key(qtbot, window, Qt.Key.Key_0)
    assert gold(project, "d1") == []
    assert rq.decisions(project.store, "d1")[-1]["action"] == "reject"


def test_n_and_p_move_between_units(qtbot, window):
    key(qtbot, window, Qt.Key.Key_N)
    assert (window.session.review.document.id, window.session.unit.id) == ("d1", "0-5")
    key(qtbot, window, Qt.Key.Key_P)
    assert (window.session.review.document.id, window.session.unit.id) == ("d2", "0-7")


def test_a_variant_number_that_does_not_exist_says_so(qtbot, window, project):
    key(qtbot, window, Qt.Key.Key_5)
    assert window.error.text() == "there is no variant 5 here"
    assert gold(project, "d2") == []


def test_e_edits_in_place(qtbot, window, project):
    key(qtbot, window, Qt.Key.Key_N)
    key(qtbot, window, Qt.Key.Key_N)  # d1 claim, variants ann / bob
    key(qtbot, window, Qt.Key.Key_E)
    assert window.editor.isVisible() and not window.variants.isVisible()
    assert window.editor.spans() == [CLAIM]  # starts from the first variant
    end_box = window.editor.table.cellWidget(0, 1)
    end_box.setValue(18)
    window.editor.table.cellWidget(0, 2).setCurrentText("opinion")
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert not window.editor.isVisible()
    assert gold(project, "d1") == [(11, 18, "opinion")]
    assert rq.decisions(project.store, "d1")[-1]["action"] == "edit"


def test_escape_leaves_the_editor_without_a_change(qtbot, window, project):
    key(qtbot, window, Qt.Key.Key_E)
    qtbot.keyClick(window.editor, Qt.Key.Key_Escape)
    assert not window.editor.isVisible() and window.variants.isVisible()
    assert gold(project, "d2") == [] and rq.decisions(project.store) == []


def test_blind_mode_hides_who_chose_what(qtbot, project):
    win = ReviewSessionWindow(project, blind=True)
    qtbot.addWidget(win)
    win.show()
    key(qtbot, win, Qt.Key.Key_N)
    key(qtbot, win, Qt.Key.Key_N)
    shown = " ".join(c.title.text() for c in win.variants.cards) + win.variants.absent.text()
    assert "1 of 2 annotators" in shown
    assert not re.search(r"\b(ann|bob)\b", shown)


def test_opening_at_a_document(qtbot, project):
    win = open_review_session(project, doc_id="d1")
    qtbot.addWidget(win)
    assert (win.session.review.document.id, win.session.unit.id) == ("d1", "11-28")
    # The unit is highlighted in the text: one selection for the unit (no gold yet).
    assert len(win.view.extraSelections()) == 1


def test_nothing_to_review(qtbot, make_project):
    empty = make_project({"ann": {"d1": [SOURCE]}}, name="e.db", done={"ann": []})
    win = open_review_session(empty)
    qtbot.addWidget(win)
    assert "Nothing to review" in win.header.text()
    key(qtbot, win, Qt.Key.Key_1)
    assert win.error.text() == "there is no variant 1 here"


def test_enter_in_an_offset_box_saves_the_edit(qtbot, window, project):
    key(qtbot, window, Qt.Key.Key_E)  # d2: ann's source [0, 7)
    end_box = window.editor.table.cellWidget(0, 1)
    end_box.selectAll()
    qtbot.keyClicks(end_box, "5")
    qtbot.keyClick(end_box, Qt.Key.Key_Return)
    assert not window.editor.isVisible()
    assert gold(project, "d2") == [(0, 5, "source")]


def test_add_selection_maps_qt_positions_to_code_points(qtbot, make_project):
    from PySide6.QtGui import QTextCursor

    text = "🇺🇦 Zelensky 👍🏽 said peace talks are near ."
    start = text.index("said")
    project = make_project({"ann": {"d": [(start, start + 4, "cue")]}, "bob": {"d": []}}, name="emoji.db", texts={"d": text})
    win = open_review_session(project)
    qtbot.addWidget(win)
    key(qtbot, win, Qt.Key.Key_E)
    cursor = QTextCursor(win.view.document())
    u16 = lambda cp: cp + sum(1 for ch in text[:cp] if ord(ch) > 0xFFFF)  # noqa: E731
    zelensky = text.index("Zelensky")
    cursor.setPosition(u16(zelensky))
    cursor.setPosition(u16(zelensky + 8), QTextCursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)  # as a mouse selection would
    qtbot.mouseClick(win.editor.add_button, Qt.MouseButton.LeftButton)
    win.editor.table.cellWidget(1, 2).setCurrentText("source")
    qtbot.keyClick(win.editor, Qt.Key.Key_Return)
    assert gold(project, "d") == [(zelensky, zelensky + 8, "source"), (start, start + 4, "cue")]
    assert [text[s:e] for s, e, _ in gold(project, "d")] == ["Zelensky", "said"]
