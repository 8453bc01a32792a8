"""SIGKILL an import at random moments: each file is wholly in the project or wholly out."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from safety_helpers import integrity

from annotator.project import Project

DOCS_PER_FILE = 120
FILES_PER_RUN = 2
RUNS_PER_PROJECT = 25
SENTENCE = "The minister said on Monday that the deal was off, according to Reuters. "


def write_file(path: Path, prefix: str) -> None:
    """A canonical JSONL file: DOCS_PER_FILE documents, each with 4 spans and 2 relations."""
    lines = []
    for n in range(DOCS_PER_FILE):
        text = f"{prefix} {n}. " + SENTENCE * 8
        base = len(f"{prefix} {n}. ")
        spans, relations = [], []
        for j in range(2):
            at = base + j * len(SENTENCE)
            claim = {"id": f"c{j}", "start": at + 4, "end": at + 12, "label": "attributed"}
            source = {"id": f"s{j}", "start": at + 62, "end": at + 69, "label": "source"}
            spans += [claim, source]
            relations.append({"head": f"c{j}", "tail": f"s{j}", "label": "said_by"})
        for span in spans:
            span["text"] = text[span["start"]:span["end"]]
        lines.append(json.dumps({"doc_id": f"{prefix}-{n}", "text": text, "layer": "imp", "spans": spans,
                                 "relations": relations}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def verify(path: Path, run_no: int, run, figures) -> None:
    acked = {e["ack"] for e in run.acks()}
    assert all(e["ok"] for e in run.acks()), run.acks()
    with Project.open(path, backup=False) as project:
        store = project.store
        docs = [d["id"] for d in store.list_documents()]
        states = []
        for k in range(FILES_PER_RUN):
            mine = [d for d in docs if d.startswith(f"r{run_no}f{k}-")]
            assert len(mine) in (0, DOCS_PER_FILE), f"run {run_no} file {k}: {len(mine)} of {DOCS_PER_FILE} documents"
            if mine:
                counts = {(len(store.spans(d, "imp")), len(store.relations(d, "imp")), store.get_status(d, "imp")) for d in mine}
                assert counts == {(4, 2, "done")}, f"run {run_no} file {k}: {counts}"
            states.append(bool(mine))
    lost = sum(1 for k in acked if not states[k])
    figures["crash imports: acknowledged files lost"] += lost
    assert lost == 0, f"run {run_no}: an acknowledged file is missing"
    assert states == sorted(states, reverse=True)  # files go in one after the other
    assert integrity(path) == ([], [])
    figures["crash imports: kill runs survived"] += 1
    figures["crash imports: files wholly in"] += sum(states)
    figures["crash imports: files wholly out"] += FILES_PER_RUN - sum(states)
    begun = {e["begin"] for e in run.events if "begin" in e}
    figures["crash imports: killed while a file was being imported"] += bool(begun - acked)


def crash_imports(folder: Path, zygote, figures, *, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    for run_no in range(runs):
        if run_no % RUNS_PER_PROJECT == 0:  # a fresh project now and then keeps each run's cost flat
            path = folder / f"imports-{run_no}.annotator.db"
            Project.create(path).close()
        files = []
        for k in range(FILES_PER_RUN):
            files.append(folder / f"r{run_no}f{k}.jsonl")
            write_file(files[-1], f"r{run_no}f{k}")
        run = zygote.start({"op": "import", "project": str(path), "files": [str(f) for f in files]})
        zygote.follow(run, 30, until="open")
        zygote.follow(run, rng.uniform(0, 0.1))  # one file takes 25-50 ms here
        zygote.end(run, kill=True)
        assert not run.errors(), run.errors()[0]
        verify(path, run_no, run, figures)
        for f in files:
            f.unlink()


def test_killed_imports_leave_each_file_whole_or_out_40_runs(tmp_path, zygote, figures):
    crash_imports(tmp_path, zygote, figures, runs=40, seed=60)


@pytest.mark.slow
def test_killed_imports_leave_each_file_whole_or_out_300_runs(tmp_path, zygote, figures):
    crash_imports(tmp_path, zygote, figures, runs=300, seed=1060)


def test_an_import_left_alone_brings_in_every_file(tmp_path, zygote):
    """The harness itself: without a kill both files are acknowledged and wholly in."""
    path = tmp_path / "imports.annotator.db"
    Project.create(path).close()
    files = [tmp_path / f"r0f{k}.jsonl" for k in range(FILES_PER_RUN)]
    for k, f in enumerate(files):
        write_file(f, f"r0f{k}")
    run = zygote.run({"op": "import", "project": str(path), "files": [str(f) for f in files]}, kill_after=None)
    assert (run.exit, sorted(e["ack"] for e in run.acks())) == (0, [0, 1])
    with Project.open(path, readonly=True) as project:
        assert project.store.count_documents() == DOCS_PER_FILE * FILES_PER_RUN
