"""The issue's "done when": demo project, label a claim and its source, link them by keyboard alone,
undo and redo, mark done, quit, reopen and find it all there."""

from __future__ import annotations

from ui_helpers import DOC0, DOC1, key, select_phrase

CLAIM = "Vladimir Putin congratulated Trump on his success in normalizing the situation in the Gaza sector"
SOURCE = "Russian president’s aide Yuri Ushakov"


def test_a_new_user_labels_links_finishes_quits_and_finds_it_all_again(qtbot, make_window):
    from annotator.project import Project, ensure_demo_project, relations, spans, status

    demo = ensure_demo_project()
    window = make_window(demo, user="newbie", doc=None)
    assert window.workspace.doc.id == DOC0  # the first document not done
    select_phrase(qtbot, window, CLAIM)
    key(qtbot, window, "1")
    select_phrase(qtbot, window, SOURCE)
    key(qtbot, window, "s")
    key(qtbot, window, "l")  # from the source: the nearest claim is offered
    key(qtbot, window, "Return")
    key(qtbot, window, "Ctrl+Z")
    assert window.workspace.relations == {}
    key(qtbot, window, "Ctrl+Shift+Z")
    assert len(window.workspace.relations) == 1
    key(qtbot, window, "Ctrl+Return")
    assert window.workspace.doc.id == DOC1
    key(qtbot, window, "Ctrl+Q")
    assert not window.isVisible()

    again = make_window(demo, user="newbie", doc=None)
    assert again.workspace.doc.id == DOC1  # where the user left off
    key(qtbot, again, "Ctrl+PgUp")
    text = again.workspace.doc.text
    shown = sorted((s.label, s.text_in(text)) for s in again.view.index)
    assert shown == [("attributed", CLAIM), ("source", SOURCE)]
    assert again.header.status.text() == "done"
    with Project.open(demo, readonly=True) as project:
        by_id = {s.id: s for s in spans(project, doc_id=DOC0, layer="newbie")}
        [rel] = relations(project, doc_id=DOC0, layer="newbie")
        assert (by_id[rel.head].label, by_id[rel.tail].label, rel.label) == ("attributed", "source", "said_by")
        assert status(project, doc_id=DOC0, layer="newbie") == "done"
