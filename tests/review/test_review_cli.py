"""annotator agreement / adjudicate / merge, run as a user's shell would."""

from __future__ import annotations

import json

SOURCE, CLAIM, LONG = (0, 5, "source"), (11, 23, "attributed"), (11, 28, "attributed")
LAYERS = {"ann": {"d1": [SOURCE, CLAIM]}, "bob": {"d1": [SOURCE, LONG]}, "cyd": {"d1": [SOURCE, CLAIM]}}


def test_agreement_json_has_the_design_shape(make_project, cli):
    project = make_project(LAYERS)
    project.close()
    result = cli("agreement", project.path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["layers", "documents", "token_alpha", "pairs", "per_label"]
    assert (data["layers"], data["documents"]) == (["ann", "bob", "cyd"], 1)
    assert [list(p) for p in data["pairs"]] == [["a", "b", "span_f1_exact", "span_f1_overlap", "token_kappa"]] * 3
    assert [(p["a"], p["b"], p["span_f1_exact"]) for p in data["pairs"]] == [("ann", "bob", 0.5), ("ann", "cyd", 1.0), ("bob", "cyd", 0.5)]
    assert data["per_label"]["source"] == {"token_alpha": 1.0, "span_f1_exact": 1.0}
    assert list(data["per_label"]) == ["attributed", "source"]


def test_agreement_tables_and_layers_option(make_project, cli):
    project = make_project(LAYERS)
    project.close()
    result = cli("agreement", project.path, "--layers", "ann,cyd")
    assert result.returncode == 0, result.stderr
    assert "Agreement of ann, cyd over 1 document(s)" in result.stdout
    assert "ann – cyd" in result.stdout and "bob" not in result.stdout
    assert "confusion of token values" in result.stdout


def test_agreement_with_unknown_layer_is_a_one_line_error(make_project, cli):
    project = make_project(LAYERS)
    project.close()
    result = cli("agreement", project.path, "--layers", "ann,zed")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith("annotator: error: no layer 'zed'") and result.stderr.count("\n") == 1


def test_adjudicate_majority_then_export_gold(make_project, cli, tmp_path):
    project = make_project(LAYERS)
    project.close()
    result = cli("adjudicate", project.path, "--auto", "majority")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("gold: 1 document(s) decided by majority vote of ann, bob, cyd: 2 span(s)")
    out = tmp_path / "gold.jsonl"
    assert cli("export", project.path, "--format", "jsonl", "--layer", "gold", "--out", out).returncode == 0
    line = json.loads(out.read_text().splitlines()[0])
    assert [(s["start"], s["end"], s["label"]) for s in line["spans"]] == [(0, 5, "source"), (11, 23, "attributed")]


def test_adjudicate_needs_a_strategy(make_project, cli):
    project = make_project(LAYERS)
    project.close()
    assert cli("adjudicate", project.path).returncode == 2


def test_merge_reports_and_is_idempotent(make_project, other_file, cli):
    project = make_project({"ann": {"d1": [SOURCE]}})
    project.close()
    theirs = other_file("bob.db", {"bob": {"d1": [SOURCE, CLAIM]}})
    first = cli("merge", project.path, theirs)
    assert first.returncode == 0, first.stderr
    assert "2 span(s) added" in first.stdout
    second = cli("merge", project.path, theirs)
    assert second.returncode == 0 and "nothing new" in second.stdout


def test_merge_of_a_broken_file_exits_1(make_project, tmp_path, cli):
    project = make_project({"ann": {"d1": [SOURCE]}})
    project.close()
    bad = tmp_path / "bad.db"
    bad.write_text("hello")
    result = cli("merge", project.path, bad)
    assert result.returncode == 1
    assert result.stderr.startswith(f"annotator: refused {bad}: not a project file")


def test_agreement_without_common_done_documents(make_project, cli):
    project = make_project(LAYERS, done={"ann": ["d1"], "bob": [], "cyd": []})
    project.close()
    result = cli("agreement", project.path)
    assert result.returncode == 0, result.stderr
    assert "No document is marked done in every compared layer yet." in result.stdout
