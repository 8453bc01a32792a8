"""Suggestions wired into the main window: the action runs the engine, pending suggestions are ghosts
over the annotator's layer, Tab / Enter / Backspace / Shift+Enter review them, Ctrl+Z undoes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import key, place_cursor, select_phrase

DOC3 = "003_216727c9abf153cd"
CLAIM = "Tomahawk missiles, which have a range"  # an opinion, said_by "Putin", cue "stressed"
SENTENCE = "Ukrainian officials gathered in Washington say"


def stored(path, layer="alice", doc=DOC3):
    from annotator.project import Project, relations, spans

    with Project.open(path, readonly=True) as project:  # by id: a restored link is stored again, later
        return (sorted(spans(project, doc_id=doc, layer=layer), key=lambda s: s.id),
                sorted(relations(project, doc_id=doc, layer=layer), key=lambda r: r.id))


def keys_of(spans, text):
    return sorted((s.label, text[s.start:s.end]) for s in spans)


@pytest.fixture
def suggested_path(seeded_path):
    from annotator.project import Project, suggest

    with Project.open(seeded_path, user="alice") as project:
        suggest(project)
    return seeded_path


@pytest.fixture
def window(make_window, suggested_path):
    return make_window(doc=DOC3)


def pending_ids(path):
    from annotator.project import Project, pending_suggestions

    with Project.open(path, readonly=True) as project:
        return {s.id for s in pending_suggestions(project, doc_id=DOC3, layer="alice")}


def go_to_claim(qtbot, window):
    text = window.workspace.doc.text
    place_cursor(window, text.index(CLAIM))
    key(qtbot, window, "Tab")
    return window.features["suggestions"].keys.current


def test_suggest_action_runs_on_a_worker_and_draws_the_pending_suggestions(qtbot, make_window, seeded_path):
    window = make_window(doc=DOC3)
    assert len(window.view.ghosts) == 0
    with qtbot.waitSignal(window.jobs.ended, timeout=60_000):
        key(qtbot, window, "Ctrl+Shift+A")
    assert {s.id for s in window.view.ghosts} == pending_ids(seeded_path) != set()
    assert stored(seeded_path)[0] == []  # suggestions never go into the annotator's layer
    assert "pending here" in window.statusBar().currentMessage()


def test_tab_then_enter_accepts_the_claim_with_its_source_link_and_cue(qtbot, window, suggested_path):
    text = window.workspace.doc.text
    current = go_to_claim(qtbot, window)
    assert text[current.start:current.end].startswith(CLAIM)
    assert window.view.ghost_current == current.id and window.view.textCursor().selectedText().startswith(CLAIM)
    key(qtbot, window, "Return")
    spans, [rel] = stored(suggested_path)
    by_id = {s.id: s for s in spans}
    assert keys_of(spans, text) == [("cue", "stressed"), ("opinion", text[current.start:current.end]), ("source", "Putin")]
    assert (by_id[rel.head].label, text[by_id[rel.tail].start:by_id[rel.tail].end], rel.label) == ("opinion", "Putin", "said_by")
    assert {s.id for s in window.view.index} == set(by_id)  # shown as ordinary spans
    assert {s.id for s in window.view.ghosts} == pending_ids(suggested_path)  # the ghosts are what is pending
    assert current.id not in {s.id for s in window.view.ghosts}
    assert window.features["suggestions"].keys.current.start >= current.start  # moved on to the next one


def test_ctrl_z_removes_the_accepted_spans_and_link_and_redo_brings_the_same_ones(qtbot, window, suggested_path):
    current = go_to_claim(qtbot, window)
    key(qtbot, window, "Return")
    accepted = stored(suggested_path)
    key(qtbot, window, "Ctrl+Z")
    assert stored(suggested_path) == ([], [])
    assert len(window.view.index) == 0 and current.id in {s.id for s in window.view.ghosts}
    assert {s.id for s in window.view.ghosts} == pending_ids(suggested_path)
    key(qtbot, window, "Ctrl+Shift+Z")
    assert stored(suggested_path) == accepted
    assert {s.id for s in window.view.ghosts} == pending_ids(suggested_path)


def test_backspace_rejects_and_ctrl_z_restores_the_suggestion(qtbot, window, suggested_path):
    current = go_to_claim(qtbot, window)
    before = stored(suggested_path, layer="suggested")
    key(qtbot, window, "Backspace")
    after, _ = stored(suggested_path, layer="suggested")
    assert current.id not in {s.id for s in after} and current.id not in {s.id for s in window.view.ghosts}
    assert stored(suggested_path) == ([], [])  # nothing came into alice's layer
    key(qtbot, window, "Ctrl+Z")
    assert stored(suggested_path, layer="suggested") == before
    assert {s.id for s in window.view.ghosts} == pending_ids(suggested_path) >= {current.id}


def test_a_reject_made_before_suggestions_were_made_again_is_not_brought_back(qtbot, window, suggested_path):
    go_to_claim(qtbot, window)
    key(qtbot, window, "Backspace")
    with qtbot.waitSignal(window.jobs.ended, timeout=60_000):
        key(qtbot, window, "Ctrl+Shift+A")
    fresh = stored(suggested_path, layer="suggested")
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    key(qtbot, window, "Ctrl+Z")
    assert stored(suggested_path, layer="suggested") == fresh  # no stale copies beside the new run
    assert "nothing to bring back" in window.statusBar().currentMessage()


def test_shift_enter_accepts_every_suggestion_of_the_sentence(qtbot, window, suggested_path):
    text = window.workspace.doc.text
    start = text.index(SENTENCE)
    end = text.index("\n", start)
    expected = sorted((s.label, text[s.start:s.end]) for s in stored(suggested_path, layer="suggested")[0]
                      if start <= s.start < end)
    place_cursor(window, start)
    key(qtbot, window, "Tab")
    key(qtbot, window, "Shift+Return")
    assert keys_of(stored(suggested_path)[0], text) == expected and len(expected) == 3


def test_escape_leaves_the_suggestion_and_enter_then_does_nothing(qtbot, window, suggested_path):
    go_to_claim(qtbot, window)
    key(qtbot, window, "Escape")
    assert window.features["suggestions"].keys.current is None and window.view.ghost_current is None
    key(qtbot, window, "Return")
    key(qtbot, window, "Backspace")
    assert stored(suggested_path) == ([], [])
    assert len(stored(suggested_path, layer="suggested")[0]) == len(window.view.ghosts)


def test_moving_the_cursor_off_the_suggestion_leaves_it(qtbot, window, suggested_path):
    go_to_claim(qtbot, window)
    key(qtbot, window, "Right")
    assert window.features["suggestions"].keys.current is None and window.view.ghost_current is None
    key(qtbot, window, "Return")
    assert stored(suggested_path) == ([], [])


def test_tab_chooses_link_targets_while_a_link_is_open(qtbot, window, suggested_path):
    text = window.workspace.doc.text
    select_phrase(qtbot, window, "a Kremlin aide")
    key(qtbot, window, "s")
    select_phrase(qtbot, window, "Putin")
    key(qtbot, window, "s")
    select_phrase(qtbot, window, "Trump as a peacemaker in the Middle East")
    key(qtbot, window, "1")
    key(qtbot, window, "l")
    first = window.view.candidate
    key(qtbot, window, "Tab")
    second = window.view.candidate
    assert second != first and window.features["suggestions"].keys.current is None
    key(qtbot, window, "Return")
    spans, [rel] = stored(suggested_path)
    by_id = {s.id: s for s in spans}
    assert (text[by_id[rel.head].start:by_id[rel.head].end], rel.tail, rel.label) == (
        "Trump as a peacemaker in the Middle East", second, "said_by")


def test_hiding_suggestions_gives_tab_back_to_the_spans(qtbot, window, suggested_path):
    select_phrase(qtbot, window, "a Kremlin aide")
    key(qtbot, window, "s")
    key(qtbot, window, "Escape")
    key(qtbot, window, "Ctrl+Shift+H")
    assert len(window.view.ghosts) == 0 and not window.actions_by_id["view.suggestions"].isChecked()
    place_cursor(window, 0)
    key(qtbot, window, "Tab")
    assert window.labeller.span is not None and window.labeller.span.label == "source"
    key(qtbot, window, "Ctrl+Shift+H")
    assert len(window.view.ghosts) == len(pending_ids(suggested_path))


def test_clicking_a_ghost_makes_it_current(qtbot, window):
    ghost = next(s for s in window.view.ghosts if window.workspace.doc.text[s.start:s.end] == "a Kremlin aide")
    window.view.reveal(ghost.start)
    rect = window.view.rects_for(ghost.start, ghost.end)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.features["suggestions"].keys.current.id == ghost.id
    assert "suggested source" in window.view.tooltip_at(rect.center().toPoint())


def test_shortcut_sheet_explains_the_suggestion_keys(qtbot, window):
    key(qtbot, window, "F1")
    text = window.shortcut_sheet.browser.toPlainText()
    assert "Accept every suggestion in its sentence" in text and "Shift+Enter" in text
    assert "Tab and Shift+Tab step through the suggestions" in text
    window.shortcut_sheet.close()
