"""Blind layers: an annotator sees their own layer; others' open read-only, and only when allowed."""

from __future__ import annotations

from ui_helpers import DOC0, key, select_phrase, stored_spans


def give_bob_a_span(path):
    from annotator.project import Project, add_span

    with Project.open(path, user="bob") as project:
        text = project.store.get_document(DOC0).text
        start = text.index("Yuri Ushakov")
        add_span(project, doc_id=DOC0, layer="bob", start=start, end=start + 12, label="source")


def allow_layers(path, allowed):
    from annotator.project import Project, set_other_layers_allowed

    with Project.open(path) as project:
        set_other_layers_allowed(project, allowed=allowed)


def test_own_layer_only_by_default(make_window, seeded_path):
    give_bob_a_span(seeded_path)
    window = make_window()
    assert window.workspace.layer == "alice" and not window.workspace.readonly
    assert len(window.view.index) == 0 and window.span_model.rowCount() == 0


def test_other_layer_opens_read_only_when_the_project_allows(qtbot, make_window, seeded_path):
    give_bob_a_span(seeded_path)
    window = make_window()
    box = window.layer_box
    assert [box.itemData(i) for i in range(box.count())] == ["alice", "bob"]
    box.setCurrentIndex(1)
    box.activated.emit(1)
    assert window.workspace.layer == "bob" and window.workspace.readonly
    assert [s.text_in(window.workspace.doc.text) for s in window.view.index] == ["Yuri Ushakov"]
    assert "read-only" in window.header.layer.text()
    select_phrase(qtbot, window, "Vladimir Putin")
    key(qtbot, window, "1")
    assert len(stored_spans(seeded_path, layer="bob")) == 1 and stored_spans(seeded_path) == []
    assert "read-only" in window.statusBar().currentMessage()


def test_other_layers_are_not_offered_when_the_project_is_blind(make_window, seeded_path):
    give_bob_a_span(seeded_path)
    allow_layers(seeded_path, False)
    window = make_window(layer="bob")
    assert window.workspace.layer == "alice"
    assert [window.layer_box.itemData(i) for i in range(window.layer_box.count())] == ["alice"]
    assert len(window.view.index) == 0


def test_switching_back_to_own_layer_allows_editing_again(qtbot, make_window, seeded_path):
    give_bob_a_span(seeded_path)
    window = make_window(layer="bob")
    assert window.workspace.readonly
    index = window.layer_box.findData("alice")
    window.layer_box.setCurrentIndex(index)
    window.layer_box.activated.emit(index)
    select_phrase(qtbot, window, "Vladimir Putin")
    key(qtbot, window, "s")
    assert [s.label for s in stored_spans(seeded_path)] == ["source"]
