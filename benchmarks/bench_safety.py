"""What data safety costs: opening a project for writing (checks + verified backup), a timer backup,
a save (one fsync'd transaction), and reading JSONL line by line versus whole.

Run: python benchmarks/bench_safety.py [DOCS]   (from the repository root; default 10,000 documents)
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.text import decode_bytes, iter_decoded_lines  # noqa: E402
from annotator.project import Project, add_span, backup_now, import_files  # noqa: E402

WORDS = "the minister said on Tuesday that talks were useful according to officials 😀 Ушаков".split()


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def make_jsonl(path: Path, n: int) -> None:
    rng = random.Random(0)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(rng.choice(WORDS) for _ in range(800))
            spans = [{"id": f"s{j}", "start": 4 * j, "end": 4 * j + 3, "label": "source"} for j in range(5)]
            fh.write(json.dumps({"doc_id": f"d{i}", "text": text, "layer": "alice", "spans": spans}, ensure_ascii=False) + "\n")


def peak(fn) -> float:
    tracemalloc.start()
    fn()
    _, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 1e6


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "corpus.jsonl"
        make_jsonl(source, n)
        data = source.read_bytes()
        whole = peak(lambda: decode_bytes(data).split("\n"))
        by_line = peak(lambda: sum(1 for _ in iter_decoded_lines(data)))
        print(f"JSONL of {len(data) / 1e6:.0f} MB: extra memory to decode whole and split {whole:.0f} MB, line by line {by_line:.1f} MB")
        path = folder / "p.annotator.db"
        with Project.create(path) as project:
            assert import_files(project, [source]).ok
        size = path.stat().st_size / 1e6
        print(f"project: {n:,} documents, {size:.0f} MB")
        print(f"open for writing, no backup (lock, quick_check, WAL): {best(lambda: Project.open(path, backup=False).close()):.3f} s")
        with Project.open(path) as project:  # the first backup
            add_span(project, doc_id="d0", layer="bob", start=0, end=3, label="cue")
        print(f"open for writing after a change (checks + new verified backup): {best(lambda: _open_changed(path)):.3f} s")
        print(f"open for writing, unchanged (checks + backup found identical): {best(lambda: Project.open(path).close()):.3f} s")
        print(f"open read-only (quick_check): {best(lambda: Project.open(path, readonly=True).close()):.3f} s")
        with Project.open(path, backup=False) as project:
            print(f"backup now (copy, quick_check of the copy, fsync): {best(lambda: backup_now(project)):.3f} s")
            starts = iter(range(10, 10**9, 7))
            t = best(lambda: [add_span(project, doc_id="d1", layer="bob", start=(s := next(starts)) % 3000, end=s % 3000 + 3, label="cue") for _ in range(100)], 1)
            print(f"one save (add_span, its own fsync'd transaction): {t / 100 * 1000:.2f} ms")


def _open_changed(path: Path) -> None:
    with Project.open(path) as project:
        add_span(project, doc_id="d2", layer="bob", start=random.randrange(0, 3000), end=3001, label="cue")


if __name__ == "__main__":
    main()
