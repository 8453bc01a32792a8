"""SIGKILL a process that is saving annotations, at random moments: nothing acknowledged is lost,
nothing is half-saved, the file stays sound, and the next open takes over the dead writer's lock."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from safety_helpers import integrity
from safety_zygote import save_ids, save_offsets

from annotator.project import Project, import_files

# A quarter of the kills fall anywhere in the worker's opening (lock, checks, backup on open,
# WAL switch); the rest within its first saves (a save is 1-5 ms here, fsync included).
OPENING_SHARE = 0.25
MAX_DELAY_AFTER_OPEN = 0.04
RUNS_PER_PROJECT = 100
DOC_TEXT = ("Ushakov said on Tuesday that the talks would go ahead, according to TASS. " * 40).strip()


def make_project(folder: Path) -> tuple[Path, str, int]:
    path = folder / "crash.annotator.db"
    source = folder / "article.txt"
    source.write_text(DOC_TEXT, encoding="utf-8")
    with Project.create(path) as project:
        assert import_files(project, [source]).ok
    return path, "article", len(DOC_TEXT)


class Ledger:
    """What the file must hold: every save committed so far, run by run."""

    def __init__(self, path: Path, doc: str, length: int) -> None:
        self.path, self.doc, self.length = path, doc, length
        self.saves = 0

    def verify(self, run_no: int, run, figures, *, killed: bool = True) -> None:
        acked = [e["ack"] for e in run.acks()]
        assert acked == list(range(len(acked)))
        lock = self.path.with_name(self.path.name + ".lock")
        held = lock.exists() and bool(lock.read_bytes().strip())
        with Project.open(self.path, backup=False) as project:
            # The dead worker's lock is taken over, and the file checked before use.
            assert project.recovered == held
            spans = {s.id: s for s in project.store.spans(self.doc, "crash")}
            relations = {r.id: r for r in project.store.relations(self.doc, "crash")}
        present = 0
        while True:
            claim, source, relation = save_ids(run_no, present)
            found = (claim in spans, source in spans, relation in relations)
            if not any(found):
                break
            assert all(found), f"run {run_no} save {present} is partial: {found}"
            cs, ce, ss, se = save_offsets(present, self.length)
            assert (spans[claim].start, spans[claim].end, spans[claim].label, spans[claim].note) == (cs, ce, "attributed", f"{run_no}:{present}")
            assert (spans[source].start, spans[source].end, spans[source].label) == (ss, se, "source")
            assert (relations[relation].head, relations[relation].tail, relations[relation].label) == (claim, source, "said_by")
            present += 1
        lost = max(0, len(acked) - present)
        figures["crash saves: acknowledged saves lost"] += lost
        assert lost == 0, f"run {run_no}: {lost} acknowledged save(s) lost"
        assert present <= len(acked) + 1  # at most the one committed just before its acknowledgement
        self.saves += present
        # Nothing else: no orphan span or relation from a half-done save of any run.
        assert (len(spans), len(relations)) == (2 * self.saves, self.saves)
        assert integrity(self.path) == ([], [])
        if not killed:
            return
        figures["crash saves: kill runs survived"] += 1
        figures["crash saves: acknowledged saves checked"] += len(acked)
        figures["crash saves: saved, then killed before acknowledging (kept)"] += present - len(acked)
        figures["crash saves: killed before the project was open"] += not run.saw("open")


def crash_saves(folder: Path, zygote, figures, *, runs: int, seed: int) -> None:
    rng = random.Random(seed)
    backups = []
    for run_no in range(runs):
        if run_no % RUNS_PER_PROJECT == 0:  # a fresh project now and then keeps each run's cost flat
            sub = folder / f"p{run_no}"
            sub.mkdir()
            path, doc, length = make_project(sub)
            ledger = Ledger(path, doc, length)
            backups.append(path)
        cmd = {"op": "saves", "project": str(path), "run": run_no, "doc": doc, "length": length}
        run = zygote.start(cmd)
        if rng.random() < OPENING_SHARE:
            zygote.follow(run, rng.uniform(0, 0.06))
        else:
            zygote.follow(run, 30, until="open")
            zygote.follow(run, rng.uniform(0, MAX_DELAY_AFTER_OPEN))
        zygote.end(run, kill=True)
        assert not run.errors(), run.errors()[0]
        assert run.killed and run.exit == -9
        ledger.verify(run_no, run, figures)
    # Every backup the killed workers left behind is complete and verified; unfinished ones are hidden.
    from annotator.project import list_backups
    from annotator.store.backup import verify_copy

    for path in backups:
        for info in list_backups(path):
            verify_copy(info.path)


def test_killed_saves_lose_nothing_acknowledged_200_runs(tmp_path, zygote, figures):
    crash_saves(tmp_path, zygote, figures, runs=200, seed=6)


@pytest.mark.slow
def test_killed_saves_lose_nothing_acknowledged_1000_runs(tmp_path, zygote, figures):
    crash_saves(tmp_path, zygote, figures, runs=1000, seed=1006)


def test_a_worker_left_alone_acknowledges_every_save(tmp_path, zygote, figures):
    """The harness itself: without a kill, all saves are acknowledged and present (so it can fail)."""
    path, doc, length = make_project(tmp_path)
    run = zygote.run({"op": "saves", "project": str(path), "run": 0, "doc": doc, "length": length, "count": 25}, kill_after=None)
    assert (run.exit, [e["ack"] for e in run.acks()]) == (0, list(range(25)))
    Ledger(path, doc, length).verify(0, run, figures, killed=False)
