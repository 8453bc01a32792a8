"""Linking claims to sources by keyboard (l / d, Tab, Enter) and by mouse; what lights up."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from ui_helpers import DOC0, key, select_phrase

CLAIM = "Vladimir Putin congratulated Trump on his success in normalizing the situation in the Gaza sector"
SOURCE = "Russian president’s aide Yuri Ushakov"


def stored(path):
    from annotator.project import Project, relations, spans

    with Project.open(path, readonly=True) as project:
        by_id = {s.id: s for s in spans(project, doc_id=DOC0, layer="alice")}
        return by_id, relations(project, doc_id=DOC0, layer="alice")


def label_pair(qtbot, window, claim_key="1"):
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, claim_key)


def test_l_then_enter_links_the_claim_to_the_nearest_source(qtbot, make_window, seeded_path):
    window = make_window()
    label_pair(qtbot, window)
    key(qtbot, window, "l")
    assert window.labeller.link is not None and len(window.view.candidates) == 1
    key(qtbot, window, "Return")
    spans, [rel] = stored(seeded_path)
    assert (spans[rel.head].label, spans[rel.tail].text_in(window.workspace.doc.text), rel.label) == (
        "attributed", SOURCE, "said_by")
    assert window.labeller.link is None and window.view.candidates == []


def test_d_with_tab_links_disputed_by_to_the_chosen_source(qtbot, make_window, seeded_path):
    window = make_window()
    text = window.workspace.doc.text
    select_phrase(qtbot, window, "Donald Trump")  # farther from the claim than Ushakov: second candidate
    key(qtbot, window, "s")
    label_pair(qtbot, window, claim_key="2")
    key(qtbot, window, "d")
    first = window.view.candidate
    key(qtbot, window, "Tab")
    second = window.view.candidate
    assert first != second
    key(qtbot, window, "Enter")
    spans, [rel] = stored(seeded_path)
    assert rel.label == "disputed_by" and rel.tail == second
    assert spans[rel.tail].text_in(text) == "Donald Trump"


def test_link_started_from_a_source_points_from_claim_to_source(qtbot, make_window, seeded_path):
    window = make_window()
    label_pair(qtbot, window)
    key(qtbot, window, "Shift+Tab")  # from the claim back to the source
    assert window.labeller.span.label == "source"
    key(qtbot, window, "l")
    key(qtbot, window, "Return")
    spans, [rel] = stored(seeded_path)
    assert (spans[rel.head].label, spans[rel.tail].label) == ("attributed", "source")


def test_clicking_a_candidate_confirms_the_link(qtbot, make_window, seeded_path):
    window = make_window()
    label_pair(qtbot, window)
    key(qtbot, window, "l")
    source = next(s for s in window.workspace.spans.values() if s.label == "source")
    rect = window.view.rects_for(source.start, source.end)[0]
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(int(rect.center().x()), int(rect.center().y())))
    _spans, [rel] = stored(seeded_path)
    assert rel.tail == source.id


def test_selecting_a_claim_lights_up_its_source_and_back(qtbot, make_window, seeded_path):
    window = make_window()
    label_pair(qtbot, window)
    key(qtbot, window, "l")
    key(qtbot, window, "Return")
    claim = window.labeller.span
    source = next(s for s in window.workspace.spans.values() if s.label == "source")
    assert window.view.related == {source.id}
    key(qtbot, window, "Shift+Tab")
    assert window.labeller.selected == source.id and window.view.related == {claim.id}
    assert "said_by" in window.details.text()


def test_escape_cancels_linking_without_a_link(qtbot, make_window, seeded_path):
    window = make_window()
    label_pair(qtbot, window)
    key(qtbot, window, "l")
    key(qtbot, window, "Escape")
    assert window.labeller.link is None
    assert stored(seeded_path)[1] == []


def test_u_removes_the_links_of_the_selected_span(qtbot, make_window, seeded_path):
    window = make_window()
    label_pair(qtbot, window)
    key(qtbot, window, "l")
    key(qtbot, window, "Return")
    assert len(stored(seeded_path)[1]) == 1
    key(qtbot, window, "u")
    assert stored(seeded_path)[1] == [] and window.view.related == set()


def test_link_key_on_a_cue_explains_instead_of_linking(qtbot, make_window, seeded_path):
    window = make_window()
    select_phrase(qtbot, window, "reported")
    key(qtbot, window, "c")
    key(qtbot, window, "l")
    assert window.labeller.link is None
    assert "claim to a source" in window.statusBar().currentMessage()
