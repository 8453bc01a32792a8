"""remove_added: the undo of a many-span addition, one transaction, safe to run twice."""

from __future__ import annotations

from annotator.project import add_span, link, relations, remove_added, restore, spans

DOC = "000_9f0322c5207143d7"


def test_removes_the_spans_their_links_and_a_new_link_between_spans_that_stay(seeded):
    keep_a = add_span(seeded, doc_id=DOC, layer="alice", start=0, end=2, label="source").spans_added[0]
    keep_b = add_span(seeded, doc_id=DOC, layer="alice", start=7, end=14, label="attributed").spans_added[0]
    new = add_span(seeded, doc_id=DOC, layer="alice", start=20, end=30, label="source").spans_added[0]
    between = link(seeded, head=keep_b.id, tail=keep_a.id, label="said_by").relations_added[0]
    to_new = link(seeded, head=keep_b.id, tail=new.id, label="said_by").relations_added[0]
    change = remove_added(seeded, span_ids=[new.id], relation_ids=[between.id])
    assert sorted(s.id for s in spans(seeded, doc_id=DOC, layer="alice")) == sorted([keep_a.id, keep_b.id])
    assert relations(seeded, doc_id=DOC, layer="alice") == []
    assert (change.spans_removed, sorted(r.id for r in change.relations_removed)) == ([new], sorted([between.id, to_new.id]))
    assert (change.doc_id, change.layer) == (DOC, "alice")


def test_running_it_again_changes_nothing_and_restore_undoes_it(seeded):
    span = add_span(seeded, doc_id=DOC, layer="alice", start=0, end=2, label="source").spans_added[0]
    first = remove_added(seeded, span_ids=[span.id])
    again = remove_added(seeded, span_ids=[span.id])
    assert (again.spans_removed, again.relations_removed) == ([], [])
    restore(seeded, spans=first.spans_removed, relations=first.relations_removed)
    assert spans(seeded, doc_id=DOC, layer="alice") == [span]
