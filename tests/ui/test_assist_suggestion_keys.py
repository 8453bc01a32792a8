"""Reviewing suggestions by keyboard on a real QPlainTextEdit, checked against the project file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from annotator.project import document, spans, suggest
from annotator.ui.assist import SuggestionKeys

DOC = "003_216727c9abf153cd"


@pytest.fixture
def review(qtbot, seeded):
    suggest(seeded, doc_id=DOC)
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.setPlainText(document(seeded, DOC).text)
    qtbot.addWidget(view)
    view.show()
    keys = SuggestionKeys(seeded, view, doc_id=DOC, layer="alice")
    return seeded, view, keys


def test_tab_selects_the_first_suggestion_in_the_view(qtbot, review):
    project, view, keys = review
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = min(spans(project, doc_id=DOC, layer="suggested"), key=lambda s: (s.start, -s.end, s.label))
    assert keys.current.id == first.id
    assert view.textCursor().selectedText() == document(project, DOC).text[first.start : first.end]


def test_enter_accepts_into_the_annotator_layer(qtbot, review):
    project, view, keys = review
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    chosen = keys.current
    with qtbot.waitSignal(keys.changed) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    stored = spans(project, doc_id=DOC, layer="alice")
    assert (chosen.start, chosen.end, chosen.label) in {(s.start, s.end, s.label) for s in stored}
    assert {s.id for s in signal.args[0].spans_added} == {s.id for s in stored}


def test_backspace_rejects_and_moves_on(qtbot, review):
    project, view, keys = review
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    chosen = keys.current
    before = len(spans(project, doc_id=DOC, layer="suggested"))
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert chosen.id not in {s.id for s in spans(project, doc_id=DOC, layer="suggested")}
    assert len(spans(project, doc_id=DOC, layer="suggested")) < before
    assert keys.current is not None and keys.current.id != chosen.id
    assert spans(project, doc_id=DOC, layer="alice") == []


def test_shift_enter_accepts_the_whole_sentence(qtbot, review):
    project, view, keys = review
    text = document(project, DOC).text
    start = text.index("Ukrainian officials gathered in Washington say")
    while keys.current is None or keys.current.start < start:
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    end = text.index("\n", start)
    in_sentence = sorted((s.start, s.end, s.label) for s in spans(project, doc_id=DOC, layer="suggested") if start <= s.start < end)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    accepted = sorted((s.start, s.end, s.label) for s in spans(project, doc_id=DOC, layer="alice"))
    assert accepted == in_sentence and len(accepted) == 3


def test_keys_pass_through_when_no_suggestion_is_current(qtbot, review):
    project, view, keys = review
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_Backspace)
    assert keys.current is None and spans(project, doc_id=DOC, layer="alice") == []
