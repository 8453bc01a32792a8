"""The same claim across documents: similar claims, clusters, and their round trip through JSONL."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import ProjectError
from annotator.project import (
    Project, add_span, cluster_members, cluster_of, document, export, import_files, join_cluster, leave_cluster,
    remove_spans, set_clusters, similar_claims, spans,
)

BELTA = "000_9f0322c5207143d7"
DELFI = "003_216727c9abf153cd"
IZVESTIA = "002_8c0f25a86a7d46b7"
CLAIM_BELTA = "the American missiles would not change the situation on the battlefield but would damage U.S.-Russia relations"
CLAIM_DELFI = "Tomahawk missiles, which have a range that can reach major Russian cities such as Moscow and St. Petersburg, would have no significant impact on the battlefield"
OTHER = "the presidents discussed the settlement in Ukraine"


def _mark(project, doc_id: str, claim: str, label: str = "opinion"):
    text = document(project, doc_id).text
    start = text.index(claim)
    return add_span(project, doc_id=doc_id, layer="alice", start=start, end=start + len(claim), label=label).spans_added[0]


@pytest.fixture
def claims(seeded):
    return _mark(seeded, BELTA, CLAIM_BELTA), _mark(seeded, DELFI, CLAIM_DELFI), _mark(seeded, IZVESTIA, OTHER, "attributed")


def test_similar_claims_put_the_same_claim_in_another_outlet_first(seeded, claims):
    belta, delfi, _ = claims
    found = similar_claims(seeded, span_id=belta.id)
    assert found[0].span.id == delfi.id and found[0].score > 0.1
    assert all(f.span.doc_id != BELTA for f in found)


def test_similar_claims_of_a_source_is_an_error(seeded):
    made = add_span(seeded, doc_id=BELTA, layer="alice", start=0, end=5, label="source").spans_added[0]
    with pytest.raises(ProjectError, match="not a claim"):
        similar_claims(seeded, span_id=made.id)


def test_join_makes_a_cluster_and_members_are_in_document_order(seeded, claims):
    belta, delfi, _ = claims
    change = join_cluster(seeded, span_ids=[delfi.id, belta.id])
    assert change.created == [change.cluster_id]
    assert [s.id for s in cluster_members(seeded, cluster_id=change.cluster_id)] == [belta.id, delfi.id]


def test_joining_a_clustered_claim_extends_its_cluster(seeded, claims):
    belta, delfi, other = claims
    first = join_cluster(seeded, span_ids=[belta.id, delfi.id])
    second = join_cluster(seeded, span_ids=[other.id, belta.id])
    assert second.cluster_id == first.cluster_id and second.created == []
    assert cluster_of(seeded, span_id=other.id) == first.cluster_id


def test_moving_the_last_member_deletes_the_empty_cluster(seeded, claims):
    belta, delfi, other = claims
    old = join_cluster(seeded, span_ids=[other.id]).cluster_id
    moved = join_cluster(seeded, span_ids=[belta.id, delfi.id, other.id], cluster_id="missiles")
    assert (moved.previous[other.id], moved.deleted) == (old, [old])


def test_leave_and_undo_with_set_clusters(seeded, claims):
    belta, delfi, _ = claims
    cluster = join_cluster(seeded, span_ids=[belta.id, delfi.id]).cluster_id
    change = leave_cluster(seeded, span_id=delfi.id)
    assert cluster_of(seeded, span_id=delfi.id) is None and change.previous == {delfi.id: cluster}
    set_clusters(seeded, assignments=change.previous)
    assert cluster_of(seeded, span_id=delfi.id) == cluster


def test_a_removed_span_leaves_its_cluster(seeded, claims):
    belta, delfi, _ = claims
    cluster = join_cluster(seeded, span_ids=[belta.id, delfi.id]).cluster_id
    remove_spans(seeded, span_ids=[delfi.id])
    assert [s.id for s in cluster_members(seeded, cluster_id=cluster)] == [belta.id]


def test_clusters_round_trip_through_jsonl(seeded, claims, tmp_path):
    belta, delfi, _ = claims
    cluster = join_cluster(seeded, span_ids=[belta.id, delfi.id], cluster_id="tomahawks").cluster_id
    out = tmp_path / "dump.jsonl"
    export(seeded, format="jsonl", out=out, layer="alice", status="all")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    exported = {(r["doc_id"], s["text"], s.get("cluster")) for r in records for s in r["spans"]}
    assert (BELTA, CLAIM_BELTA, cluster) in exported and (DELFI, CLAIM_DELFI, cluster) in exported
    assert (IZVESTIA, OTHER, None) in exported
    with Project.create(tmp_path / "again.annotator.db") as again:
        assert import_files(again, [out]).ok
        members = cluster_members(again, cluster_id=cluster)
        texts = [document(again, s.doc_id).text[s.start : s.end] for s in members]
        assert texts == [CLAIM_BELTA, CLAIM_DELFI]
        other = next(s for s in spans(again, doc_id=IZVESTIA, layer="alice"))
        assert cluster_of(again, span_id=other.id) is None


def test_a_cluster_that_is_not_a_string_is_refused_on_import(project, tmp_path):
    line = {"doc_id": "d", "text": "Some text here.", "layer": "alice",
            "spans": [{"id": "a", "start": 0, "end": 4, "label": "opinion", "cluster": 3}]}
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    report = import_files(project, [path])
    assert "line 1" in report.files[0].error and "cluster" in report.files[0].error
