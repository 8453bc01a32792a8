"""Quality and speed of the suggestion engine against the hand-made gold sets.

    python benchmarks/suggest_quality.py [--details] [--write]

Precision, recall and F1 per label with overlap matching (same label, overlapping, matched one
to one, largest overlap first — DESIGN.md's span_f1_overlap), for cue, source, any claim (the
three claim labels as one) and each claim category; links count when both ends are matched.
Speed: the engine over the seeds, the `suggest` service into a project, and the
`annotator suggest` command in a child process. --write puts the figures into
benchmarks/README.md under "Suggestions".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from annotator.suggest import suggest_text  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
CLAIMS = {"attributed", "contested", "opinion"}
ROWS = ["cue", "source", "claim", "attributed", "contested", "opinion", "links"]


def match(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), one to one, largest overlap first."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def score(records: list[dict]) -> tuple[dict[str, list[int]], list[str]]:
    """Counts [true positives, predicted, gold] per row, and notes on the misses."""
    counts = {row: [0, 0, 0] for row in ROWS}
    notes = []
    for record in records:
        text = record["text"]
        result = suggest_text(text)
        gold_spans = record["spans"]
        for row in ROWS[:-1]:
            labels = CLAIMS if row == "claim" else {row}
            gold = [(s["start"], s["end"]) for s in gold_spans if s["label"] in labels]
            pred = [(s.start, s.end) for s in result.spans if s.label in labels]
            pairs = match(gold, pred)
            counts[row][0] += len(pairs)
            counts[row][1] += len(pred)
            counts[row][2] += len(gold)
            if row in ("cue", "source", "claim"):
                hit_g, hit_p = {g for g, _ in pairs}, {p for _, p in pairs}
                notes += [f"{record['doc_id']} MISS {row}: {text[s:e][:90]!r}" for i, (s, e) in enumerate(gold) if i not in hit_g]
                notes += [f"{record['doc_id']} EXTRA {row}: {text[s:e][:90]!r}" for i, (s, e) in enumerate(pred) if i not in hit_p]
        # links: a predicted link is right when its claim and source match a gold link's ends
        by_id = {s["id"]: s for s in gold_spans}
        gold_links = [((by_id[r["head"]]["start"], by_id[r["head"]]["end"]), (by_id[r["tail"]]["start"], by_id[r["tail"]]["end"]), r["label"]) for r in record["relations"]]
        key = {s.key: (s.start, s.end) for s in result.spans}
        pred_links = [(key[l.head], key[l.tail], l.label) for l in result.links]
        claim_pairs = match([(s["start"], s["end"]) for s in gold_spans if s["label"] in CLAIMS],
                            [(s.start, s.end) for s in result.spans if s.label in CLAIMS])
        source_pairs = match([(s["start"], s["end"]) for s in gold_spans if s["label"] == "source"],
                             [(s.start, s.end) for s in result.spans if s.label == "source"])
        gc = [(s["start"], s["end"]) for s in gold_spans if s["label"] in CLAIMS]
        pc = [(s.start, s.end) for s in result.spans if s.label in CLAIMS]
        gsrc = [(s["start"], s["end"]) for s in gold_spans if s["label"] == "source"]
        psrc = [(s.start, s.end) for s in result.spans if s.label == "source"]
        to_gold = {pc[p]: gc[g] for g, p in claim_pairs} | {psrc[p]: gsrc[g] for g, p in source_pairs}
        gold_set = set(gold_links)
        hits = sum(1 for h, t, lab in pred_links if (to_gold.get(h), to_gold.get(t), lab) in gold_set)
        counts["links"][0] += hits
        counts["links"][1] += len(pred_links)
        counts["links"][2] += len(gold_links)
    return counts, notes


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def table(name: str, counts: dict[str, list[int]]) -> str:
    lines = [f"| {name} | precision | recall | F1 | gold | suggested |", "|---|---|---|---|---|---|"]
    for row in ROWS:
        tp, pred, gold = counts[row]
        p, r, f = prf(tp, pred, gold)
        lines.append(f"| {row} | {p:.2f} | {r:.2f} | {f:.2f} | {gold} | {pred} |")
    return "\n".join(lines)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def timings() -> list[str]:
    from annotator.project import Project, import_files
    from annotator.project.suggesting import suggest

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    start = time.perf_counter()
    for text in texts:
        suggest_text(text)
    engine = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.annotator.db"
        with Project.create(path) as project:
            import_files(project, seeds)
            start = time.perf_counter()
            report = suggest(project)
            service = time.perf_counter() - start
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "annotator", "suggest", str(path)], env=env, capture_output=True, text=True)
        command = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        with Project.open(path) as project:
            from annotator.project import detect_repeats, similar_claims, spans

            start = time.perf_counter()
            detect_repeats(project)
            repeats_seeds = time.perf_counter() - start
            claim = next(s for s in spans(project, doc_id=seeds[0].stem, layer="suggested") if s.label == "attributed")
            start = time.perf_counter()
            similar_claims(project, span_id=claim.id)
            similar_first = time.perf_counter() - start
            start = time.perf_counter()
            similar_claims(project, span_id=claim.id)
            similar = time.perf_counter() - start
    corpus = _synthetic_corpus(texts, 500)
    from annotator.suggest.repeats import find_repeats, near_duplicates

    start = time.perf_counter()
    found = find_repeats(corpus)
    pairs = near_duplicates(corpus)
    repeats_big = time.perf_counter() - start
    big_chars = sum(len(t) for _, t in corpus)
    chars = sum(len(t) for t in texts)
    return [
        f"- engine alone over the {len(texts)} seeds ({chars:,} characters): {engine:.2f} s",
        f"- `suggest(project)` (engine + writing {report.spans} spans, {report.relations} links): {service:.2f} s",
        f"- `annotator suggest PROJECT` in a child process (start-up included): {command:.2f} s",
        f"- `detect_repeats` over the seeds (paragraph hashing, MinHash, storing): {repeats_seeds:.2f} s",
        f"- `similar_claims` for one claim against the suggested claims of the other seeds: {similar:.2f} s "
        f"({similar_first:.2f} s the first time, scikit-learn loading)",
        f"- repeats and near duplicates over a synthetic corpus of {len(corpus)} documents ({big_chars:,} characters, "
        f"paragraphs of the seeds shuffled): {repeats_big:.2f} s, {len(found)} passages, {len(pairs)} near-duplicate pairs",
    ]


def _synthetic_corpus(texts: list[str], size: int) -> list[tuple[str, str]]:
    """Documents made of seed paragraphs in a seeded random order: many repeats, few near duplicates."""
    import random

    pool = [p for t in texts for p in t.split("\n") if p.strip()]
    rng = random.Random(7)
    return [(f"syn-{i}", "\n".join(rng.sample(pool, 12)) + "\n") for i in range(size)]


def main() -> int:
    details = "--details" in sys.argv
    sections = []
    for name in ("seeds", "varied", "heldout", "heldout2"):
        counts, notes = score(load(DATA / f"{name}_gold.jsonl"))
        sections.append(table(f"{name} gold", counts))
        if details:
            print("\n".join(notes))
    speed = timings()
    report = "\n\n".join(sections) + "\n\nSpeed (2 shared cores):\n\n" + "\n".join(speed) + "\n"
    print(report)
    if "--write" in sys.argv:
        readme = ROOT / "benchmarks" / "README.md"
        head = "## Suggestions (issue 7)"
        old = readme.read_text(encoding="utf-8") if readme.exists() else "# Benchmarks\n"
        intro = (
            f"{head}\n\n`python benchmarks/suggest_quality.py --write` — the rule engine of `annotator/suggest` "
            "against hand-made gold attributions (canonical JSONL in `benchmarks/data/`, built from the `*_gold.txt` "
            "files by `benchmarks/build_gold.py`). Overlap matching, one to one, largest overlap first; \"claim\" "
            "counts the three claim labels as one; a link counts when both its ends are matched.\n\n"
            "- `seeds`: the five seed articles, 167 claims (the repeated block of 000 in both occurrences). The rules "
            "were developed on these, so their figures are optimistic.\n"
            "- `varied`: 25 claims in sentences written for the purpose (other quote styles, denials, pronouns); "
            "also used while developing.\n"
            "- `heldout`, `heldout2`: written before a round of rule changes and scored once as they were; the "
            "fixes they prompted came after. **First scores** (the honest estimate for unseen news): heldout cue "
            "0.81 / source 0.80 / claim 0.81 (precision 1.00, recall 0.68); heldout2 cue 0.89 / source 0.86 / "
            "claim 0.92. The tables below are after those fixes.\n\n"
            "All gold was made by the engineer who wrote the rules, following `resources/guidelines.md`; the claim "
            "categories (opinion vs attributed above all) are the least certain part of it, and the external "
            "evaluation's annotators will draw those lines differently.\n\n"
        )
        section = intro + report
        if head in old:
            before, _, rest = old.partition(head)
            after = rest.split("\n## ", 1)
            old = before + section + ("\n## " + after[1] if len(after) > 1 else "")
        else:
            old = old.rstrip("\n") + "\n\n" + section
        readme.write_text(old, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
