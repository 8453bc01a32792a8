import pytest

from annotator import project as svc
from annotator.core.errors import ProjectError

DOC = "seed"
TEXT = "Russian president’s aide Yuri Ushakov reported that Putin congratulated Trump."


@pytest.fixture
def doc(project, tmp_path):
    path = tmp_path / f"{DOC}.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert svc.import_files(project, [path]).ok
    return project


def span_at(project, word, label, layer="alice"):
    start = TEXT.index(word)
    change = svc.add_span(project, doc_id=DOC, layer=layer, start=start, end=start + len(word), label=label)
    return change.spans_added[0]


def test_add_span_is_stored_and_moves_status_to_in_progress(doc):
    span = span_at(doc, "Yuri Ushakov", "source")
    assert svc.spans(doc, doc_id=DOC, layer="alice") == [span]
    assert svc.status(doc, doc_id=DOC, layer="alice") == "in progress"


def test_add_span_rejects_unknown_label_and_bad_offsets(doc):
    with pytest.raises(ProjectError, match="unknown span label"):
        svc.add_span(doc, doc_id=DOC, layer="alice", start=0, end=3, label="said_by")
    with pytest.raises(ProjectError, match="do not fit"):
        svc.add_span(doc, doc_id=DOC, layer="alice", start=0, end=len(TEXT) + 1, label="cue")
    assert svc.spans(doc, doc_id=DOC, layer="alice") == []


def test_link_and_unlink(doc):
    source = span_at(doc, "Yuri Ushakov", "source")
    claim = span_at(doc, "Putin congratulated Trump", "attributed")
    rel = svc.link(doc, head=claim.id, tail=source.id, label="said_by").relations_added[0]
    assert [(r.head, r.tail, r.label) for r in svc.relations(doc, doc_id=DOC, layer="alice")] == [(claim.id, source.id, "said_by")]
    assert svc.link(doc, head=claim.id, tail=source.id, label="said_by").relations_added == []
    svc.unlink(doc, relation_ids=[rel.id])
    assert svc.relations(doc, doc_id=DOC, layer="alice") == []


def test_link_across_layers_is_refused(doc):
    source = span_at(doc, "Yuri Ushakov", "source", layer="bob")
    claim = span_at(doc, "Putin congratulated Trump", "attributed")
    with pytest.raises(ProjectError, match="same document and layer"):
        svc.link(doc, head=claim.id, tail=source.id, label="said_by")


def test_remove_returns_what_restore_puts_back(doc):
    source = span_at(doc, "Yuri Ushakov", "source")
    claim = span_at(doc, "Putin congratulated Trump", "attributed")
    svc.link(doc, head=claim.id, tail=source.id, label="said_by")
    before = (svc.spans(doc, doc_id=DOC, layer="alice"), svc.relations(doc, doc_id=DOC, layer="alice"))
    removed = svc.remove_spans(doc, span_ids=[source.id])
    assert (len(removed.spans_removed), len(removed.relations_removed)) == (1, 1)
    assert svc.relations(doc, doc_id=DOC, layer="alice") == []
    svc.restore(doc, spans=removed.spans_removed, relations=removed.relations_removed)
    assert (svc.spans(doc, doc_id=DOC, layer="alice"), svc.relations(doc, doc_id=DOC, layer="alice")) == before


def test_update_span_reports_before_and_after(doc):
    span = span_at(doc, "Ushakov", "source")
    change = svc.update_span(doc, span_id=span.id, start=span.start - 5, label="cue", note="full name")
    before, after = change.spans_updated[0]
    assert before == span
    assert (TEXT[after.start : after.end], after.label, after.note) == ("Yuri Ushakov", "cue", "full name")
    assert svc.spans(doc, doc_id=DOC, layer="alice") == [after]


def test_failed_update_changes_nothing(doc):
    span = span_at(doc, "Ushakov", "source")
    with pytest.raises(ProjectError):
        svc.update_span(doc, span_id=span.id, label="nope")
    assert svc.spans(doc, doc_id=DOC, layer="alice") == [span]


def test_set_status(doc):
    change = svc.set_status(doc, doc_id=DOC, layer="alice", status="done")
    assert (change.status, svc.status(doc, doc_id=DOC, layer="alice")) == ((None, "done"), "done")


def test_unknown_status_is_refused(doc):
    with pytest.raises(ValueError, match="unknown status"):
        svc.set_status(doc, doc_id=DOC, layer="alice", status="finished")


def test_gold_layer_gets_gold_kind(doc):
    span_at(doc, "Ushakov", "source", layer="gold")
    assert doc.layer("gold").kind.value == "gold"


def test_every_edit_is_committed_at_once(doc, project_path):
    from annotator.project import Project

    span = span_at(doc, "Ushakov", "source")
    reader = Project.open(project_path, readonly=True)
    try:
        assert svc.spans(reader, doc_id=DOC, layer="alice") == [span]
    finally:
        reader.close()
