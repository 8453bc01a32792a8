"""Import 10,000 documents of about 5 KB each into a new project; report seconds and peak memory.

Run: python benchmarks/bench_import.py [N]   (from the repository root)
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator import project as svc  # noqa: E402
from annotator.project import Project  # noqa: E402

WORDS = ("the president said on Tuesday that talks with Moscow were productive according to "
         "officials Ушаков заявил 😀 “quoted” rejected the claim").split()


def make_corpus(folder: Path, n: int, as_txt: bool) -> int:
    rng = random.Random(0)
    total = 0
    lines = []
    for i in range(n):
        words = []
        while sum(len(w) + 1 for w in words) < 5000:
            words.append(rng.choice(WORDS))
        text = " ".join(words)
        total += len(text.encode("utf-8"))
        if as_txt:
            (folder / f"doc-{i:05d}.txt").write_text(text, encoding="utf-8")
        else:
            lines.append(f'{{"doc_id": "doc-{i:05d}", "text": "{text}"}}')
    # As JSONL: ten files of n/10 documents; each file is one transaction.
    for k in range(10 if lines else 0):
        chunk = lines[k * n // 10 : (k + 1) * n // 10]
        (folder / f"part{k}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return total


def import_folder(folder: Path) -> None:
    """Runs in a fresh process so that its peak memory is the import's own."""
    with Project.create(folder / "bench.annotator.db") as project:
        t0 = time.perf_counter()
        report = svc.import_files(project, [folder])
        elapsed = time.perf_counter() - t0
        assert report.ok, report.errors
        docs = svc.stats(project)["documents"]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{docs} documents from {len(report.files)} file(s) in {elapsed:.2f} s ({docs / elapsed:,.0f} docs/s), peak RSS {peak:.0f} MB")


def main() -> None:
    if sys.argv[1:2] == ["--import"]:
        import_folder(Path(sys.argv[2]))
        return
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    for as_txt in (False, True):
        with tempfile.TemporaryDirectory() as tmp:
            size = make_corpus(Path(tmp), n, as_txt)
            print(f"{'txt files' if as_txt else 'jsonl (10 files)'}, {size / 1e6:.1f} MB of UTF-8: ", end="", flush=True)
            subprocess.run([sys.executable, __file__, "--import", tmp], check=True)


if __name__ == "__main__":
    main()
