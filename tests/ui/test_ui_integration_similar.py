"""The similar-claims dock follows the selected claim; joining a cluster is undone with Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import key

BELTA = "000_9f0322c5207143d7"
DELFI = "003_216727c9abf153cd"
CLAIMS = {BELTA: "the American missiles would not change", DELFI: "Tomahawk missiles, which have a range"}


@pytest.fixture
def claims(seeded_path):
    """The same claim as two outlets tell it, marked in alice's layer (extents from the suggestion engine)."""
    from annotator.project import Project, add_span, spans, suggest

    out = {}
    with Project.open(seeded_path, user="alice") as project:
        suggest(project, layer="machine")
        for doc_id, opening in CLAIMS.items():
            text = project.store.get_document(doc_id).text
            found = next(s for s in spans(project, doc_id=doc_id, layer="machine") if text[s.start:s.end].startswith(opening))
            change = add_span(project, doc_id=doc_id, layer="alice", start=found.start, end=found.end, label=found.label)
            out[doc_id] = change.spans_added[0]
    return out


def cluster(path, span_id):
    from annotator.project import Project, cluster_of

    with Project.open(path, readonly=True) as project:
        return cluster_of(project, span_id=span_id)


def listed(panel):
    return [panel.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.list.count())]


def test_selecting_a_claim_lists_its_twin_and_join_is_undoable(qtbot, make_window, seeded_path, claims):
    window = make_window(doc=BELTA)
    panel = window.features["similar"].panel
    window.docks["Similar claims"].raise_()  # its tab, clicked
    mine, other = claims[BELTA], claims[DELFI]
    window.view.reveal(mine.start)
    rect = window.view.rects_for(mine.start, mine.end)[0]
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    qtbot.waitUntil(lambda: panel.span_id == mine.id and other.id in listed(panel), timeout=20_000)
    assert panel.heading.text() == "Not in a cluster."
    panel.list.item(listed(panel).index(other.id)).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    joined = cluster(seeded_path, mine.id)
    assert joined is not None and cluster(seeded_path, other.id) == joined
    assert panel.heading.text() == "In a cluster of 2 claims."
    key(qtbot, window, "Ctrl+Z")
    assert (cluster(seeded_path, mine.id), cluster(seeded_path, other.id)) == (None, None)
    assert panel.heading.text() == "Not in a cluster."
    key(qtbot, window, "Ctrl+Shift+Z")
    assert (cluster(seeded_path, mine.id), cluster(seeded_path, other.id)) == (joined, joined)


def test_a_source_clears_the_panel(qtbot, make_window, claims):
    window = make_window(doc=BELTA)
    panel = window.features["similar"].panel
    window.docks["Similar claims"].raise_()
    window.labeller.select(claims[BELTA].id)
    qtbot.waitUntil(lambda: panel.span_id == claims[BELTA].id, timeout=20_000)
    window.labeller.select(None)
    qtbot.waitUntil(lambda: panel.span_id is None, timeout=5_000)
    assert panel.list.count() == 0 and not panel.join_button.isEnabled()


def test_choosing_a_claim_in_the_span_table_scrolls_the_text_to_it(qtbot, make_window, claims):
    window = make_window(doc=BELTA)
    mine = claims[BELTA]
    assert not window.view.rects_for(mine.start, mine.end)  # below the fold at first
    table = window.spans.table
    row = window.span_model.row_of(mine.id)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(row, 1)).center())
    assert window.labeller.selected == mine.id
    assert window.view.rects_for(mine.start, mine.end)  # on screen now
