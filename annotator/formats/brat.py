"""brat standoff: `doc.txt` with `doc.ann` (T, R, E, A, # and * lines)."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.errors import FormatError
from annotator.core.text import NewlineMap
from annotator.formats.base import DocumentDraft, Importer, LayerDraft, RelationDraft, SpanDraft, decode_file, read_capped
from annotator.formats.txt import title_of

_FRAGMENT = re.compile(r"^(\d+) (\d+)$")
# What Python's str.splitlines (and so brat, reading .ann files line by line) treats as a line break.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def _flat(text: str) -> str:
    return re.sub(r"\r\n|\r|\n", " ", text)


def text_path_for(ann: Path) -> Path:
    return ann.with_suffix(".txt")


def _text_bound(path: Path, number: int, raw: str, ident: str, rest: str, newline: NewlineMap) -> list[SpanDraft]:
    head, _, covered = rest.partition("\t")
    label, _, offsets = head.partition(" ")
    fragments = []
    for part in offsets.split(";"):
        match = _FRAGMENT.match(part.strip())
        if not match:
            raise FormatError(path, f"{ident}: offsets {offsets!r} are not 'start end[;start end…]'", line=number)
        start, end = int(match.group(1)), int(match.group(2))
        if not 0 <= start < end <= len(raw):
            raise FormatError(path, f"{ident}: offsets [{start}, {end}) out of range or reversed for a text of {len(raw)} characters", line=number)
        fragments.append((start, end))
    actual = " ".join(raw[s:e] for s, e in fragments)
    if _flat(actual) != _flat(covered):
        raise FormatError(path, f"{ident}: text {covered!r} differs from the document text {actual!r} at its offsets", line=number)
    gaps = [raw[e:s] for (_, e), (s, _) in zip(fragments, fragments[1:])]
    if gaps and all(gap and not gap.strip(LINE_BREAKS) for gap in gaps):
        # brat cannot hold a line break inside a fragment, so a span across lines is written as one
        # fragment per line: fragments apart only by line breaks are one span.
        fragments = [(fragments[0][0], fragments[-1][1])]
    attrs = {"group": ident} if len(fragments) > 1 else {}
    keys = [ident] + [f"{ident}#{i}" for i in range(1, len(fragments))]
    return [SpanDraft(key, newline(s), newline(e), label, "", dict(attrs)) for key, (s, e) in zip(keys, fragments)]


def parse_ann(path: Path, ann_text: str, raw: str) -> LayerDraft:
    newline = NewlineMap(raw)
    layer = LayerDraft(name=None)
    spans: dict[str, SpanDraft] = {}
    events: dict[str, str] = {}  # event id -> trigger span id
    later: list[tuple[int, str, str]] = []
    for number, line in enumerate(ann_text.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if kind == "T":
            for span in _text_bound(path, number, raw, ident, rest, newline):
                spans[span.key] = span
                layer.spans.append(span)
        elif kind == "E":
            trigger = rest.split(" ")[0].partition(":")[2]
            events[ident] = trigger
            later.append((number, ident, rest))
        elif kind in "RA#*N":
            later.append((number, ident, rest))
        else:
            raise FormatError(path, f"unknown annotation line {ident!r}", line=number)

    def target(number: int, ref: str) -> str:
        ref = events.get(ref, ref)
        if ref not in spans:
            raise FormatError(path, f"refers to a missing annotation {ref!r}", line=number)
        return ref

    for number, ident, rest in later:
        fields = rest.split("\t")[0].split(" ")
        kind = ident[:1]
        if kind == "R":
            if len(fields) != 3 or not all(":" in f for f in fields[1:]):
                raise FormatError(path, f"{ident}: expected 'Label Arg1:T1 Arg2:T2'", line=number)
            layer.relations.append(
                RelationDraft(target(number, fields[1].partition(":")[2]), target(number, fields[2].partition(":")[2]), fields[0], ident)
            )
        elif kind == "E":
            trigger = target(number, fields[0].partition(":")[2])
            for arg in fields[1:]:
                if not arg:
                    continue
                role, sep, ref = arg.partition(":")
                if not sep:
                    raise FormatError(path, f"{ident}: argument {arg!r} is not 'Role:T1'", line=number)
                layer.relations.append(RelationDraft(trigger, target(number, ref), role, f"{ident}-{role}"))
        elif kind == "A":
            if len(fields) < 2:
                raise FormatError(path, f"{ident}: expected 'Name T1 [value]'", line=number)
            span = spans[target(number, fields[1])]
            span.attrs[fields[0]] = " ".join(fields[2:]) if len(fields) > 2 else True
        elif kind == "#":
            if len(fields) < 2:
                raise FormatError(path, f"{ident}: expected 'AnnotatorNotes T1<TAB>note'", line=number)
            note = rest.partition("\t")[2]
            span = spans[target(number, fields[1])]
            span.note = f"{span.note}\n{note}" if span.note else note
        elif kind == "N":
            if len(fields) < 3:
                raise FormatError(path, f"{ident}: expected 'Reference T1 db:id'", line=number)
            spans[target(number, fields[1])].attrs.setdefault("norm", []).append(fields[2])
        elif kind == "*":
            members = [target(number, ref) for ref in fields[1:] if ref]
            for a, b in zip(members, members[1:]):
                layer.relations.append(RelationDraft(a, b, fields[0], None))
    if layer.spans:
        layer.status = "done"
    return layer


def read_brat(path: Path, data: bytes) -> list[DocumentDraft]:
    """Read a brat document from its .ann (or its .txt; the other file must lie beside it)."""
    ann_path = path.with_suffix(".ann")
    txt_path = text_path_for(ann_path)
    if not txt_path.exists():
        raise FormatError(path, f"brat text file {txt_path.name} not found beside it")
    txt_bytes = data if path == txt_path else read_capped(txt_path)
    raw = decode_file(txt_path, txt_bytes)
    if not ann_path.exists():
        raise FormatError(path, f"brat annotation file {ann_path.name} not found beside it")
    ann_bytes = data if path == ann_path else read_capped(ann_path)
    ann_text = decode_file(ann_path, ann_bytes) if ann_bytes else ""
    layer = parse_ann(ann_path, ann_text, raw)
    text = NewlineMap(raw).text
    return [DocumentDraft(doc_id=txt_path.stem, text=text, meta={"title": title_of(text), "source": txt_path.name}, layers=[layer])]


IMPORTER = Importer("brat", (".ann",), read_brat, "brat standoff: .txt with .ann beside it")
