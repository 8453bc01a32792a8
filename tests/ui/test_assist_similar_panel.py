"""The similar-claims panel: what it lists, and joining a cluster with a click."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.project import cluster_of, document, spans, suggest
from annotator.ui.assist import SimilarClaimsPanel

BELTA = "000_9f0322c5207143d7"
DELFI = "003_216727c9abf153cd"


def _claim(project, doc_id: str, startswith: str):
    text = document(project, doc_id).text
    return next(s for s in spans(project, doc_id=doc_id, layer="suggested") if text[s.start : s.end].startswith(startswith))


def test_panel_lists_the_same_claim_from_another_outlet_and_joins_it(qtbot, seeded):
    suggest(seeded)
    belta = _claim(seeded, BELTA, "the American missiles would not change")
    delfi = _claim(seeded, DELFI, "Tomahawk missiles, which have a range")
    panel = SimilarClaimsPanel(seeded)
    qtbot.addWidget(panel)
    panel.set_claim(belta.id)
    ids = [panel.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(panel.list.count())]
    assert delfi.id in ids[:3] and panel.heading.text() == "Not in a cluster."
    panel.list.item(ids.index(delfi.id)).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(panel.clustersChanged):
        qtbot.mouseClick(panel.join_button, Qt.MouseButton.LeftButton)
    assert cluster_of(seeded, span_id=belta.id) == cluster_of(seeded, span_id=delfi.id) is not None
    assert panel.heading.text() == "In a cluster of 2 claims." and panel.leave_button.isEnabled()
