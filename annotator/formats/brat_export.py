"""brat standoff export: a folder per layer with `doc.txt` + `doc.ann` (T, R, A, # lines), `annotation.conf`
and `visual.conf` generated from the schema, so that each layer folder is a brat collection.

brat keeps one line per annotation, so a span that crosses a line break is written as one fragment per
line (`T1	claim 0 10;11 20	first line second line`, the way brat itself stores it); this tool's brat
importer joins fragments that only line breaks separate. Offsets are code points, as brat counts them.
"""

from __future__ import annotations

import re
from typing import Any

from annotator.core.model import AnnotatedDocument, Schema
from annotator.formats.brat import LINE_BREAKS
from annotator.formats.pipeline import ExportContext, Exporter, safe_name, where

UNANNOTATED = "(unannotated)"  # folder of documents no layer touched; never the safe_name of a layer
_BREAK = re.compile("[" + re.escape(LINE_BREAKS) + "]+")
_NOT_TYPE = re.compile(r"[\s:,|=<>\[\]!#;*]")

TRIMMED = "span(s) begin or end with a line break, which brat cannot show: written without it"
NO_TEXT = "span(s) hold nothing but line breaks and are not in the .ann files"
RENAMED = "label name(s) are not valid brat type names and were written with '_' in place of spaces or brat syntax"
NOTE_CHANGED = "note(s) hold line breaks brat cannot keep exactly (CR, U+2028 …, a leading empty line)"
ATTRS_LOST = "span attribute(s) are not a single word or true, which brat attributes cannot hold"
REL_LOST = "relation(s) lost with a span that holds only line breaks"
ESCAPED = "document id(s) are not portable file names and were %-escaped (brat and its importer take the file name as the id)"


def brat_type(name: str, ctx: ExportContext | None = None) -> str:
    clean = _NOT_TYPE.sub("_", name) or "_"
    if clean != name and ctx is not None:
        ctx.warn(RENAMED, f"{name!r} → {clean!r}")
    return clean


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at line breaks, the breaks left out."""
    out, pos = [], start
    for m in _BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def _note_lines(note: str) -> tuple[list[str], bool]:
    """The # lines for a note, and whether the importer will read back exactly `note`."""
    lines = [_BREAK.sub(" ", line) for line in note.split("\n")]
    rebuilt = ""
    for line in lines:
        rebuilt = f"{rebuilt}\n{line}" if rebuilt else line
    return lines, rebuilt == note


def _attr_value(value: Any) -> str | None:
    """An attribute brat can hold: True (binary), or one word."""
    if value is True:
        return ""
    if isinstance(value, str) and value and not re.search(r"\s", value):
        return value
    return None


def format_ann(item: AnnotatedDocument, ctx: ExportContext) -> str:
    text = item.document.text
    lines: list[str] = []
    ids: dict[str, str] = {}
    n_note = n_attr = 0
    for span in sorted(item.spans, key=lambda s: (s.start, s.end, s.label, s.id)):
        parts = fragments(text, span.start, span.end)
        if not parts:
            ctx.warn(NO_TEXT, where(item, span.start, span.end))
            continue
        if parts[0][0] != span.start or parts[-1][1] != span.end:
            ctx.warn(TRIMMED, where(item, span.start, span.end))
        tid = f"T{len(ids) + 1}"
        ids[span.id] = tid
        offsets = ";".join(f"{s} {e}" for s, e in parts)
        covered = " ".join(text[s:e] for s, e in parts)
        lines.append(f"{tid}\t{brat_type(span.label, ctx)} {offsets}\t{covered}")
        for name, value in span.attrs.items():
            word = _attr_value(value)
            if word is None:
                ctx.warn(ATTRS_LOST, f"{where(item, span.start, span.end)}: {name}={value!r}")
                continue
            n_attr += 1
            lines.append(f"A{n_attr}\t{brat_type(name, ctx)} {tid}" + (f" {word}" if word else ""))
        if span.note:
            note_lines, exact = _note_lines(span.note)
            if not exact:
                ctx.warn(NOTE_CHANGED, where(item, span.start, span.end))
            for line in note_lines:
                n_note += 1
                lines.append(f"#{n_note}\tAnnotatorNotes {tid}\t{line}")
    for n, rel in enumerate(item.relations, start=1):
        if rel.head not in ids or rel.tail not in ids:
            ctx.warn(REL_LOST, where(item))
            continue
        lines.append(f"R{n}\t{brat_type(rel.label, ctx)} Arg1:{ids[rel.head]} Arg2:{ids[rel.tail]}")
    return "".join(line + "\n" for line in lines)


def _attribute_values(items: list[AnnotatedDocument]) -> dict[str, set[str]]:
    values: dict[str, set[str]] = {}
    for item in items:
        for span in item.spans:
            for name, value in span.attrs.items():
                word = _attr_value(value)
                if word is not None:
                    values.setdefault(brat_type(name), set()).add(word)
    return values


def annotation_conf(schema: Schema, items: list[AnnotatedDocument] = ()) -> str:  # type: ignore[assignment]
    """brat's annotation.conf for the schema (plus any label the documents use that it lacks)."""
    entities = [brat_type(label.name) for label in schema.span_labels]
    relations = [brat_type(label.name) for label in schema.relation_labels]
    entities += [brat_type(s.label) for item in items for s in item.spans]
    relations += [brat_type(r.label) for item in items for r in item.relations]
    lines = ["# Generated by claim annotator from the project schema.", "[entities]"]
    lines += list(dict.fromkeys(entities))
    lines += ["", "[relations]"]
    lines += [f"{name}\tArg1:<ENTITY>, Arg2:<ENTITY>" for name in dict.fromkeys(relations)]
    # Claims, sources and cues overlap and nest by design.
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]"]
    for name, words in _attribute_values(list(items)).items():
        valued = sorted(w for w in words if w)
        lines.append(f"{name}\tArg:<ENTITY>" + (f", Value:{'|'.join(valued)}" if valued else ""))
    return "\n".join(lines) + "\n"


def visual_conf(schema: Schema) -> str:
    lines = ["# Generated by claim annotator from the project schema.", "[labels]", "", "[drawing]"]
    for label in schema.labels:
        key = "bgColor" if label.kind == "span" else "color"
        lines.append(f"{brat_type(label.name)}\t{key}:{label.color}")
    return "\n".join(lines) + "\n"


def format_brat(items: list[AnnotatedDocument], ctx: ExportContext) -> dict[str, str]:
    files: dict[str, str] = {}
    folders: list[str] = []
    for item in items:
        folder = safe_name(item.layer) if item.layer is not None else UNANNOTATED
        name = safe_name(item.document.id)
        if name != item.document.id:
            ctx.warn(ESCAPED, f"{item.document.id!r} → {name!r}")
        stem = f"{folder}/{name}"
        files[stem + ".txt"] = item.document.text
        files[stem + ".ann"] = format_ann(item, ctx)
        if folder not in folders:
            folders.append(folder)
        ctx.step(item.document.id)
    conf, visual = annotation_conf(ctx.schema, items), visual_conf(ctx.schema)
    for folder in folders or [""]:
        prefix = f"{folder}/" if folder else ""
        files[prefix + "annotation.conf"] = conf
        files[prefix + "visual.conf"] = visual
    return files


EXPORTER = Exporter(
    "brat", "", format_brat, "brat standoff: a folder per layer with .txt + .ann and annotation.conf",
    "brat; this tool's brat importer",
)
