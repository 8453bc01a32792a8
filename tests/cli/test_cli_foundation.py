"""The command line as a user's shell sees it: exit codes, messages, files."""

import json

from conftest import SEEDS


def test_init_import_stats_export(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    assert cli("init", db).returncode == 0
    imported = cli("import", db, SEEDS)
    assert imported.returncode == 0, imported.stderr
    stats = json.loads(cli("stats", db, "--json").stdout)
    assert (stats["documents"], stats["spans"], stats["layers"]) == (5, 0, {})
    out = tmp_path / "all.jsonl"
    exported = cli("export", db, "--format", "jsonl", "--out", out)
    assert exported.returncode == 0, exported.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["doc_id"] for line in lines] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all("layer" not in line for line in lines)


def test_jsonl_round_trip_between_projects(cli, tmp_path):
    src = tmp_path / "in.jsonl"
    record = {"doc_id": "d", "text": "Ann 😀 said “hi”", "meta": {"outlet": "X"}, "layer": "alice", "status": "done",
              "spans": [{"id": "4f0c2a52-7f43-4a57-9d0e-1f9b8e0c2a11", "start": 0, "end": 3, "label": "source", "text": "Ann", "note": ""},
                        {"id": "2b1d7c0e-3f0a-4d8e-8f44-93c4b1a0de22", "start": 12, "end": 14, "label": "attributed", "text": "hi", "note": "q"}],
              "relations": [{"id": "9d3e1c55-2a6b-4c1f-b7e8-0a9c5d4e3f33", "head": "2b1d7c0e-3f0a-4d8e-8f44-93c4b1a0de22",
                             "tail": "4f0c2a52-7f43-4a57-9d0e-1f9b8e0c2a11", "label": "said_by"}]}
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    for name in ("a", "b"):
        cli("init", tmp_path / f"{name}.annotator.db")
    cli("import", tmp_path / "a.annotator.db", src)
    cli("export", tmp_path / "a.annotator.db", "--format", "jsonl", "--out", tmp_path / "a.jsonl")
    cli("import", tmp_path / "b.annotator.db", tmp_path / "a.jsonl")
    cli("export", tmp_path / "b.annotator.db", "--format", "jsonl", "--out", tmp_path / "b.jsonl")
    assert json.loads((tmp_path / "b.jsonl").read_text(encoding="utf-8")) == record


def test_refused_file_exit_1_named_with_line_and_nothing_imported(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    cli("init", db)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a", "text": "x"}\n{"doc_id": "b", "text": "abc", "layer": "l", "spans": [{"start": 0, "end": 2, "label": "cue", "text": "zz"}]}\n')
    good = tmp_path / "good.txt"
    good.write_text("fine")
    result = cli("import", db, bad, good)
    assert result.returncode == 1
    assert f"{bad}: line 2:" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(cli("stats", db, "--json").stdout)["documents"] == 1


def test_user_error_exit_1_without_traceback(cli, tmp_path):
    result = cli("stats", tmp_path / "missing.annotator.db")
    assert (result.returncode, "Traceback" in result.stderr) == (1, False)
    assert "no such project" in result.stderr


def test_wrong_usage_exit_2(cli, tmp_path):
    assert cli("export", tmp_path / "p.db").returncode == 2
    assert cli("import").returncode == 2


def test_init_refuses_an_existing_file(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    cli("init", db)
    result = cli("init", db)
    assert (result.returncode, "already exists" in result.stderr) == (1, True)


def test_export_refuses_to_overwrite_without_force(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    cli("init", db)
    cli("import", db, SEEDS)
    out = tmp_path / "x.jsonl"
    out.write_text("keep me")
    result = cli("export", db, "--format", "jsonl", "--out", out)
    assert (result.returncode, out.read_text()) == (1, "keep me")
    assert cli("export", db, "--format", "jsonl", "--out", out, "--force").returncode == 0


def test_export_unknown_layer_is_a_clear_error(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    cli("init", db)
    cli("import", db, SEEDS)
    result = cli("export", db, "--format", "jsonl", "--out", tmp_path / "x.jsonl", "--layer", "nobody")
    assert result.returncode == 1 and "no layer 'nobody'" in result.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_label_map_and_layer_options(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    cli("init", db)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"doc_id": "d", "text": "Ann said", "layer": "x", "spans": [{"start": 0, "end": 3, "label": "PER"}]}))
    assert cli("import", db, src, "--layer", "bob", "--label-map", "PER=source").returncode == 0
    stats = json.loads(cli("stats", db, "--json").stdout)
    assert stats["layers"]["bob"]["labels"] == {"source": 1}


def test_split_export_is_seeded(cli, tmp_path):
    db = tmp_path / "p.annotator.db"
    cli("init", db)
    cli("import", db, SEEDS)
    args = ["export", db, "--format", "jsonl", "--status", "all", "--split", "0.6,0.2,0.2", "--seed", "7"]
    cli(*args, "--out", tmp_path / "s1")
    cli(*args, "--out", tmp_path / "s2")
    parts = [[(tmp_path / s / f"{n}.jsonl").read_text() for n in ("train", "dev", "test")] for s in ("s1", "s2")]
    assert parts[0] == parts[1]
    assert [p.count("\n") for p in parts[0]] == [3, 1, 1]


def test_python_dash_m_and_version(cli):
    result = cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("annotator ")
