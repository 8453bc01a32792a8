"""Property: any acceptable text and valid spans survive import → store → export unchanged."""

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator import project as svc
from annotator.project import Project

LABELS = ["attributed", "contested", "opinion", "source", "cue"]
# Awkward characters on purpose: astral emoji, ZWJ sequences, flags, combining marks, RTL, Cyrillic, U+2028.
ALPHABET = st.sampled_from(list("ab ,.\n\t“”«»") + ["😀", "👩🏽‍💻", "🇺🇦", "e\u0301", "ש", "م", "Ж", "\u2028", "\u200d", "\ufeff"])
texts = st.lists(ALPHABET, min_size=1, max_size=40).map("".join).filter(lambda t: t.strip() and "\x00" not in t)


@st.composite
def documents(draw):
    text = draw(texts)
    n = len(text)
    spans = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, n - 1))
        end = draw(st.integers(start + 1, n))
        spans.append({"id": f"s{i}", "start": start, "end": end, "label": draw(st.sampled_from(LABELS)), "text": text[start:end],
                      "note": draw(st.sampled_from(["", "n\u2028ote", "=SUM(A1)"]))})
    relations = []
    if len(spans) >= 2:
        relations.append({"head": spans[0]["id"], "tail": spans[1]["id"], "label": "said_by"})
    return {"doc_id": "d", "text": text, "meta": {"title": "t"}, "layer": "alice", "status": "done", "spans": spans, "relations": relations}


def canonical(record):
    spans = sorted({(s["start"], s["end"], s["label"], s["text"], s["note"]) for s in record.get("spans", [])})
    return record["text"], spans


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_jsonl_round_trip_keeps_text_and_spans(record):
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        with Project.create(Path(tmp) / "p.annotator.db") as project:
            report = svc.import_files(project, [src])
            assert report.ok, report.errors
            svc.export(project, format="jsonl", out=out, layer="alice")
        [line] = out.read_text(encoding="utf-8").split("\n")[:-1]
        exported = json.loads(line)
        # identical (start, end, label) spans within a layer count once (DESIGN.md)
        unique = {}
        for s in record["spans"]:
            unique.setdefault((s["start"], s["end"], s["label"]), s)
        assert canonical(exported) == canonical({**record, "spans": list(unique.values())})
        assert len(exported["relations"]) == len(record["relations"])


@settings(max_examples=60, deadline=None)
@given(texts, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), st.sampled_from(["\n", "\r\n", "\r"]))
def test_text_file_round_trip(text, encoding, newline):
    raw = text.replace("\n", newline)
    expected = raw.replace("\r\n", "\n").replace("\r", "\n")
    if encoding == "utf-8" and raw.startswith("\ufeff"):
        expected = expected[1:]  # a leading U+FEFF in UTF-8 is a BOM by definition
    assume(expected.strip())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_bytes(raw.encode(encoding))
        with Project.create(Path(tmp) / "p.annotator.db") as project:
            report = svc.import_files(project, [path])
            assert report.ok, report.errors
            stored = svc.document(project, "doc").text
    assert stored == expected
