"""Merging other annotators' project files: read-only and checked, refusals, conflicts, idempotence."""

from __future__ import annotations

import hashlib
import sqlite3

from annotator.project import merge_projects, relations, spans, status

SOURCE, CLAIM = (0, 5, "source"), (11, 23, "attributed")


def keys(project, layer, doc_id="d1"):
    return sorted(s.key for s in spans(project, doc_id=doc_id, layer=layer))


def test_merge_brings_layers_spans_relations_statuses_and_new_documents(make_project, other_file, tmp_path):
    mine = make_project({"ann": {"d1": [SOURCE, CLAIM]}})
    texts = {"d1": "Putin said the war ends soon . Trump disagreed .", "d3": "A new article ."}
    theirs = other_file("bob.db", {"bob": {"d1": [SOURCE, CLAIM], "d3": [(2, 5, "source")]}},
                        relations={"bob": {"d1": [(1, 0, "said_by")]}}, texts=texts)
    report = merge_projects(mine, [theirs])
    (entry,) = report.files
    assert (entry.error, entry.documents_added, entry.layers_added, entry.spans_added, entry.relations_added) == (
        None, ["d3"], ["bob"], 3, 1,
    )
    assert keys(mine, "bob") == [SOURCE, CLAIM]
    assert keys(mine, "bob", "d3") == [(2, 5, "source")]
    assert len(relations(mine, doc_id="d1", layer="bob")) == 1
    assert status(mine, doc_id="d1", layer="bob") == "done"


def test_merging_the_same_file_twice_changes_nothing(make_project, other_file, tmp_path):
    mine = make_project({"ann": {"d1": [SOURCE]}})
    theirs = other_file("bob.db", {"bob": {"d1": [SOURCE, CLAIM]}}, relations={"bob": {"d1": [(1, 0, "said_by")]}})
    merge_projects(mine, [theirs])
    before = mine.store.db.execute("SELECT count(*) FROM spans").fetchone()[0]
    again = merge_projects(mine, [theirs]).files[0]
    assert (again.changed, again.spans_present, again.relations_present, again.conflicts) == (False, 2, 1, [])
    assert mine.store.db.execute("SELECT count(*) FROM spans").fetchone()[0] == before


def test_same_span_id_with_other_content_is_a_conflict_and_ours_stays(make_project, other_file, tmp_path):
    mine = make_project({"ann": {"d1": [SOURCE, CLAIM]}})
    theirs = other_file("old.db", {"ann": {"d1": [(0, 4, "source"), CLAIM]}})
    entry = merge_projects(mine, [theirs]).files[0]
    assert entry.conflicts == ["span ann-d1-0 (d1, layer ann): here [0, 5) source, there [0, 4) source — kept ours"]
    assert keys(mine, "ann") == [SOURCE, CLAIM]


def test_document_with_another_text_is_refused_with_its_annotations(make_project, other_file, tmp_path):
    mine = make_project({"ann": {"d1": [SOURCE]}})
    texts = {"d1": "Putin said the war ends soon . Trump agreed .", "d2": "Ushakov reported that talks failed , according to TASS ."}
    theirs = other_file("bob.db", {"bob": {"d1": [SOURCE], "d2": [(0, 7, "source")]}}, texts=texts)
    entry = merge_projects(mine, [theirs]).files[0]
    assert entry.documents_refused == {"d1": "its text differs from ours"}
    assert (keys(mine, "bob"), keys(mine, "bob", "d2")) == ([], [(0, 7, "source")])


def test_other_file_is_only_read(make_project, other_file, tmp_path):
    mine = make_project({"ann": {"d1": [SOURCE]}})
    theirs = other_file("bob.db", {"bob": {"d1": [SOURCE]}})
    digest = hashlib.sha256(theirs.read_bytes()).hexdigest()
    merge_projects(mine, [theirs])
    assert hashlib.sha256(theirs.read_bytes()).hexdigest() == digest


def test_damaged_file_is_refused_before_anything_is_read(make_project, other_file, tmp_path):
    mine = make_project({"ann": {"d1": [SOURCE]}})
    theirs = other_file("bad.db", {"bob": {"d1": [SOURCE]}})
    conn = sqlite3.connect(theirs)
    conn.execute("INSERT INTO spans VALUES ('x', 'nowhere', 'bob', 0, 1, 'source', '', '{}', '', '')")
    conn.commit()
    conn.close()
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 10)
    report = merge_projects(mine, [theirs, garbage])
    assert not report.ok
    assert "damaged" in report.files[0].error and "not a project file" in report.files[1].error
    assert mine.layer("bob") is None


def test_status_only_moves_forward(make_project, other_file, tmp_path):
    mine = make_project({"bob": {"d1": [SOURCE]}})
    theirs = other_file("bob.db", {"bob": {"d1": [SOURCE]}}, done={"bob": []})
    merge_projects(mine, [theirs])
    assert status(mine, doc_id="d1", layer="bob") == "done"
