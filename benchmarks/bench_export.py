"""Export 100,000 spans over 1,000 documents to every format; prints a Markdown table.

    python benchmarks/bench_export.py [--docs 1000] [--spans 100] [--repeat 3] [--formats jsonl,csv]

Each figure is the best of --repeat runs of `run_export` (formatter + atomic write to a temporary
folder), in-memory documents, no project file. The last rows time the whole service path
(`annotator.project.export`, reading the spans from a project file) for jsonl.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from annotator.core.model import AnnotatedDocument, Document, Relation, Span  # noqa: E402
from annotator.core.resources import default_schema  # noqa: E402
from annotator.core.tokens import tokenize  # noqa: E402
from annotator.formats.export import EXPORTERS, run_export  # noqa: E402
from annotator.formats.jsonl import format_jsonl  # noqa: E402

WORDS = ("the minister said that talks with 👍🏽 officials in Kyiv 🇺🇦 were productive and the café\u0301 "
         "owner disputed it according to Reuters while שלום reported a ceasefire").split()
LABELS = ("attributed", "contested", "opinion", "source", "cue")


def corpus(n_docs: int, n_spans: int, seed: int = 1) -> list[AnnotatedDocument]:
    rng = random.Random(seed)
    items = []
    for d in range(n_docs):
        words = [rng.choice(WORDS) for _ in range(n_spans * 6)]
        text = ". ".join(" ".join(words[i : i + 15]) for i in range(0, len(words), 15)) + ".\n"
        tokens = tokenize(text)
        doc = Document(f"doc-{d:05d}", text, {"title": f"Article {d}"})
        spans = []
        for s in range(n_spans):
            first = rng.randrange(len(tokens) - 8)
            last = first + rng.randrange(1, 8)
            spans.append(Span(f"{doc.id}-s{s}", doc.id, "gold", tokens[first][0], tokens[last][1], rng.choice(LABELS),
                              "check" if s % 10 == 0 else ""))
        relations = [Relation(f"{doc.id}-r{r}", doc.id, "gold", spans[2 * r].id, spans[2 * r + 1].id, "said_by")
                     for r in range(n_spans // 5)]
        items.append(AnnotatedDocument(doc, "gold", "done", spans, relations))
    return items


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--spans", type=int, default=100, help="spans per document")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--formats", default=",".join(EXPORTERS))
    parser.add_argument("--no-project", action="store_true", help="skip the timing through a project file")
    args = parser.parse_args()

    items = corpus(args.docs, args.spans)
    schema = default_schema()
    total_spans = sum(len(i.spans) for i in items)
    chars = sum(len(i.document.text) for i in items)
    print(f"{args.docs:,} documents, {total_spans:,} spans, {chars:,} characters; best of {args.repeat}\n")
    print("| format | seconds | spans/s | output size |")
    print("|---|---:|---:|---:|")
    tmp = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        for fmt in args.formats.split(","):
            exporter = EXPORTERS[fmt]
            out = tmp / f"out{exporter.suffix}"

            def once() -> None:
                if out.is_dir():
                    shutil.rmtree(out)
                run_export(items, fmt=fmt, out=out, schema=schema, force=True)

            seconds = best_of(args.repeat, once)
            size = sum(p.stat().st_size for p in tmp.rglob("*") if p.is_file())
            print(f"| {fmt} | {seconds:.2f} | {total_spans / seconds:,.0f} | {size / 1e6:.1f} MB |", flush=True)
            shutil.rmtree(tmp)
            tmp.mkdir()
        if not args.no_project:
            from annotator import project as service

            dump = tmp / "in.jsonl"
            dump.write_text("".join(format_jsonl(items)), encoding="utf-8")
            with service.Project.create(tmp / "bench.annotator.db") as proj:
                start = time.perf_counter()
                report = service.import_files(proj, [dump])
                assert report.ok, report.errors
                imported = time.perf_counter() - start
                out = tmp / "service.jsonl"
                seconds = best_of(args.repeat, lambda: service.export(proj, format="jsonl", out=out, layer="gold", force=True))
            print(f"| jsonl via `annotator.project.export` (project file) | {seconds:.2f} | {total_spans / seconds:,.0f} | |")
            print(f"\n(import of the same JSONL into a project, for scale: {imported:.2f} s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
