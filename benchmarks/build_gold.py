"""Turn a hand-written gold file (benchmarks/data/*_gold.txt) into canonical JSONL.

    python benchmarks/build_gold.py            # rebuilds every benchmarks/data/*_gold.jsonl

The text format is described at the top of seeds_gold.txt. A document is either a seed
(`seeds/<doc_id>.txt`) or written inline with `~ TEXT` lines (one paragraph each).
Every snippet must be found after its anchor, or the build stops naming the line.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CLAIMS = ("attributed", "contested", "opinion")
LABELS = CLAIMS + ("source", "dsource", "cue")


@dataclass
class Doc:
    doc_id: str
    paragraphs: list[str] = field(default_factory=list)
    blocks: list[tuple[int, str, int, list[tuple[int, str, str, int]]]] = field(default_factory=list)


def _find(text: str, snippet: str, start: int, nth: int) -> int:
    left = r"\b" if re.match(r"\w", snippet) else ""
    right = r"\b" if re.search(r"\w$", snippet) else ""
    pattern = re.compile(left + re.escape(snippet) + right)
    for i, match in enumerate(pattern.finditer(text, start), start=1):
        if i == nth:
            return match.start()
    return -1


def parse(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            docs.append(Doc(line[3:].strip()))
        elif line.startswith("~ "):
            docs[-1].paragraphs.append(line[2:])
        elif line.startswith("@"):
            head, _, anchor = line.partition(" ")
            docs[-1].blocks.append((number, anchor, int(head[1:] or 1), []))
        else:
            label, sep, snippet = line.partition(": ")
            if not sep or label not in LABELS:
                sys.exit(f"{path}:{number}: expected 'label: text' with a label in {LABELS}")
            nth = 1
            if m := re.search(r" #(\d+)$", snippet):
                snippet, nth = snippet[: m.start()], int(m.group(1))
            docs[-1].blocks[-1][3].append((number, label, snippet, nth))
    return docs


def build(doc: Doc, where: Path) -> dict:
    if doc.paragraphs:
        text = "\n".join(doc.paragraphs) + "\n"
    else:
        text = (ROOT / "seeds" / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
    spans: dict[tuple[int, int, str], str] = {}
    relations: list[tuple[str, str, str]] = []
    for number, anchor, occurrence, items in doc.blocks:
        at = _find(text, anchor, 0, occurrence)
        if at < 0:
            sys.exit(f"{where}:{number}: anchor {anchor!r} (occurrence {occurrence}) not found in {doc.doc_id}")
        claims, sources, disputers = [], [], []
        for line, label, snippet, nth in items:
            start = _find(text, snippet, at, nth)
            if start < 0:
                sys.exit(f"{where}:{line}: {snippet!r} not found after the anchor in {doc.doc_id}")
            stored = "source" if label == "dsource" else label
            key = (start, start + len(snippet), stored)
            span_id = spans.setdefault(key, f"g{len(spans) + 1}")
            if label in CLAIMS:
                claims.append(span_id)
            elif label == "source":
                sources.append(span_id)
            elif label == "dsource":
                disputers.append(span_id)
        for claim in claims:
            relations += [(claim, s, "said_by") for s in sources]
            relations += [(claim, s, "disputed_by") for s in disputers]
    ordered = sorted(spans.items(), key=lambda kv: kv[0])
    return {
        "doc_id": doc.doc_id, "text": text, "meta": {}, "layer": "gold", "status": "done",
        "spans": [
            {"id": sid, "start": s, "end": e, "label": lab, "text": text[s:e], "note": ""}
            for (s, e, lab), sid in ordered
        ],
        "relations": [
            {"head": h, "tail": t, "label": lab} for h, t, lab in dict.fromkeys(relations)
        ],
    }


def main() -> int:
    for source in sorted(DATA.glob("*_gold.txt")):
        out = source.with_suffix(".jsonl")
        records = [build(doc, source) for doc in parse(source)]
        with out.open("w", encoding="utf-8") as fh:
            for record in records:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        spans = sum(len(r["spans"]) for r in records)
        print(f"{out.relative_to(ROOT)}: {len(records)} documents, {spans} spans")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
