"""Agreement over 1,000 documents × 3 layers, adjudication, merge, and review latency per decision.

Run from the repository root:  QT_QPA_PLATFORM=offscreen python benchmarks/bench_agreement.py [--docs 1000]
Prints a Markdown table (the figures in benchmarks/README.md come from it).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.model import Document, Relation, Span  # noqa: E402
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.project import Project, ReviewSession, adjudicate_auto, agreement, merge_projects  # noqa: E402
from annotator.project.review_agreement import done_documents, load_documents  # noqa: E402
from annotator.review.agreement import compute_agreement  # noqa: E402

WORDS = ("the president said that talks with Moscow would resume soon , according to officials in Kyiv and "
         "Washington who spoke on condition of anonymity . Trump wrote on Truth Social that").split()
LABELS = ["attributed", "contested", "opinion", "source", "cue"]
LAYERS = ["alice", "bob", "carol"]


def build(path: Path, docs: int, seed: int = 7, layers=LAYERS, chars: int = 3000) -> None:
    """`docs` news-sized documents (~`chars` characters, ~15 spans and 3 relations per layer), all done."""
    rng = random.Random(seed)
    project = Project.create(path)
    store = project.store
    with store.transaction():
        texts = []
        for d in range(docs):
            words, size = [], 0
            while size < chars:
                words.append(rng.choice(WORDS))
                size += len(words[-1]) + 1
            texts.append(" ".join(words))
        store.add_documents([Document(f"doc-{d:05d}", t, {"title": f"Article {d}"}) for d, t in enumerate(texts)])
        for name in layers:
            project.ensure_layer(name)
        for d, text in enumerate(texts):
            toks = tokenize(text)
            base = []
            for _ in range(15):
                i = rng.randrange(len(toks) - 20)
                base.append((toks[i][0], toks[i + rng.randrange(0, 15)][1], rng.choice(LABELS)))
            for name in layers:
                spans = []
                for k, (s, e, label) in enumerate(base):
                    roll = rng.random()
                    if roll < 0.1:
                        continue
                    if roll < 0.25:
                        e = min(len(text), e + rng.randrange(1, 8))
                    if roll > 0.93:
                        label = rng.choice(LABELS)
                    spans.append(Span(f"{name}-{d}-{k}", f"doc-{d:05d}", name, s, e, label))
                store.insert_spans(spans)
                claims = [s for s in spans if s.label in ("attributed", "contested", "opinion")]
                sources = [s for s in spans if s.label == "source"]
                store.insert_relations(
                    Relation(f"{name}-{d}-r{k}", f"doc-{d:05d}", name, c.id, sources[0].id, "said_by")
                    for k, c in enumerate(claims[:3]) if sources
                )
                store.set_status(f"doc-{d:05d}", name, "done")
    project.close()


def timed(fn, repeat: int = 3) -> tuple[str, object]:
    """Best of `repeat` runs as "wall s (CPU s)": on a shared machine the CPU time is what an idle one would take."""
    best, cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        best = min(best, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return f"{best:.2f} s ({cpu:.2f} s CPU)", result


def decision_latency(path: Path, count: int) -> list[float]:
    """Service + session bookkeeping per decision (take / reject / accept in turn), in seconds."""
    with Project.open(path) as project:
        session = ReviewSession(project)
        times = []
        for i in range(count):
            if session.unit is None or session.at_end:
                break
            t0 = time.perf_counter()
            if i % 3 == 0:
                session.take(1)
            elif i % 3 == 1:
                session.reject()
            else:
                session.accept_agreed()
            times.append(time.perf_counter() - t0)
    return times


def gui_latency(path: Path, count: int) -> tuple[float, list[float]]:
    """Key press → decision saved → window refreshed, in the real window (offscreen)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.ui.review import ReviewSessionWindow

    app = QApplication.instance() or QApplication([])
    with Project.open(path) as project:
        t0 = time.perf_counter()
        window = ReviewSessionWindow(project)
        window.show()
        app.processEvents()
        opened = time.perf_counter() - t0
        times = []
        for i in range(count):
            t0 = time.perf_counter()
            QTest.keyClick(window, Qt.Key.Key_1 if i % 2 == 0 else Qt.Key.Key_0)
            app.processEvents()
            times.append(time.perf_counter() - t0)
        window.close()
    return opened, times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--decisions", type=int, default=150)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.annotator.db"
        t0 = time.perf_counter()
        build(path, args.docs)
        rows.append(("build the project (not part of any figure)", f"{time.perf_counter() - t0:.2f} s"))
        with Project.open(path, readonly=True) as project:
            ids = done_documents(project, LAYERS)
            docs = list(load_documents(project, ids, LAYERS))
            chars = sum(len(d.text) for d in docs)
            spans = sum(len(d.view(n).spans) for d in docs for n in LAYERS)
            t_compute, report = timed(lambda: compute_agreement(docs, LAYERS, schema_labels=LABELS))
            t_load, _ = timed(lambda: list(load_documents(project, ids, LAYERS)))
            t_total, _ = timed(lambda: agreement(project))
        rows.insert(0, ("corpus", f"{len(docs)} documents, {chars:,} characters, {report.tokens:,} tokens, "
                                  f"{spans:,} spans in {len(LAYERS)} layers"))
        rows.append(("agreement, measures only (documents in memory)", t_compute))
        rows.append(("agreement, reading the project file", t_load))
        rows.append(("**agreement end to end** (`agreement(project)`, goal ≤ 2 s)", f"**{t_total}**"))
        rows.append(("token α / α_U of the benchmark corpus", f"{report.token_alpha:.3f} / {report.unitizing_alpha:.3f}"))

        other = Path(tmp) / "other.annotator.db"
        build(other, args.docs, seed=7, layers=["dave"])
        with Project.open(path) as project:
            t_merge, merged = timed(lambda: merge_projects(project, [other]).files[0], repeat=1)
            t_again, again = timed(lambda: merge_projects(project, [other]).files[0], repeat=1)
            t_adj, adjudicated = timed(lambda: adjudicate_auto(project, strategy="majority", layers=LAYERS), repeat=1)
        rows.append((f"merge another file ({merged.spans_added:,} spans, {merged.relations_added:,} relations)", t_merge))
        rows.append((f"merge it again (nothing new: {not again.changed})", t_again))
        rows.append((f"adjudicate --auto majority ({len(adjudicated.decided)} documents, {adjudicated.spans_added:,} gold spans)",
                     t_adj))

        fresh = Path(tmp) / "review.annotator.db"
        build(fresh, args.docs)
        with Project.open(fresh) as project:
            t_open, _ = timed(lambda: ReviewSession(project), repeat=1)
        rows.append(("open a review session (queue of all documents by disagreement)", t_open))
        lat = decision_latency(fresh, args.decisions)
        rows.append((f"decision latency, service + session ({len(lat)} decisions)",
                     f"median {statistics.median(lat) * 1000:.1f} ms, p95 {sorted(lat)[int(len(lat) * 0.95)] * 1000:.1f} ms"))
        opened, keys = gui_latency(fresh, 60)
        rows.append(("review window: open (queue + first document)", f"{opened:.2f} s"))
        rows.append((f"review window: key press → saved → repainted ({len(keys)} keys)",
                     f"median {statistics.median(keys) * 1000:.1f} ms, p95 {sorted(keys)[int(len(keys) * 0.95)] * 1000:.1f} ms"))
    print("| measurement | figure |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
