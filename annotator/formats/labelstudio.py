"""Label Studio JSON export: tasks with annotations (labels and relations) and predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotator.core.errors import FormatError
from annotator.core.model import LayerKind
from annotator.core.offsets import Utf16Map
from annotator.core.text import NewlineMap
from annotator.formats.base import DocumentDraft, Importer, LayerDraft, RelationDraft, SpanDraft, decode_file


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def json_items_with_lines(path: Path, text: str) -> list[tuple[int, Any]]:
    """The elements of a top-level JSON array (or one object), each with the line it starts on."""
    decoder = json.JSONDecoder()
    i = len(text) - len(text.lstrip())
    try:
        if text.startswith("{", i):
            return [(_line(text, i), decoder.raw_decode(text, i)[0])]
        if not text.startswith("[", i):
            raise FormatError(path, "expected a JSON array of Label Studio tasks", line=_line(text, i))
        i += 1
        items = []
        while True:
            while i < len(text) and text[i].isspace():
                i += 1
            if text.startswith("]", i):
                return items
            start = i
            obj, i = decoder.raw_decode(text, i)
            items.append((_line(text, start), obj))
            while i < len(text) and text[i].isspace():
                i += 1
            if text.startswith(",", i):
                i += 1
            elif not text.startswith("]", i):
                raise FormatError(path, "expected ',' or ']' between tasks", line=_line(text, i))
    except json.JSONDecodeError as exc:
        raise FormatError(path, f"not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno) from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number; arrays nested 100,000 deep
        why = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise FormatError(path, f"not acceptable JSON: {why}") from None


def _layer_name(annotation: dict) -> str:
    if isinstance(annotation.get("layer"), str):
        return annotation["layer"]
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    if isinstance(who, str) and who:
        return who.split("@")[0]
    return f"labelstudio-{who}" if who is not None else "labelstudio"


def _offsets(raw: str, u16: Utf16Map, value: dict) -> tuple[int, int] | None:
    """Label Studio writes code points, but some versions wrote UTF-16 units: accept what matches."""
    start, end, expected = value.get("start"), value.get("end"), value.get("text")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end:
        return None
    if end <= len(raw) and (expected is None or raw[start:end] == expected):
        return start, end
    if expected is not None and end <= u16.u16_length and u16.is_boundary(start) and u16.is_boundary(end):
        s, e = u16.from_utf16(start), u16.from_utf16(end)
        if raw[s:e] == expected:
            return s, e
    return None


def _layer(path: Path, line: int, raw: str, u16: Utf16Map, newline: NewlineMap, results: Any, name: str) -> LayerDraft:
    if not isinstance(results, list):
        raise FormatError(path, "'result' must be a list", line=line)
    layer = LayerDraft(name=name)
    notes: dict[str, str] = {}
    for item in results:
        if not isinstance(item, dict):
            raise FormatError(path, "a result is not an object", line=line)
        kind, value = item.get("type"), item.get("value") or {}
        if not isinstance(value, dict):
            raise FormatError(path, f"result {item.get('id')!r}: 'value' must be an object", line=line)
        if kind == "relation":
            direction = item.get("direction", "right")
            head, tail = str(item.get("from_id")), str(item.get("to_id"))
            if direction == "left":
                head, tail = tail, head
            labels = item.get("labels") or ["related"]
            if not isinstance(labels, list):
                raise FormatError(path, f"relation {item.get('from_id')!r} → {item.get('to_id')!r}: 'labels' must be a list", line=line)
            for label in labels:
                layer.relations.append(RelationDraft(head, tail, label))
        elif kind == "textarea" and item.get("id") is not None:
            text = value.get("text") or []
            if not isinstance(text, list) or not all(isinstance(t, str) for t in text):
                raise FormatError(path, f"textarea {item.get('id')!r}: 'text' must be a list of strings", line=line)
            notes[str(item["id"])] = "\n".join(text)
        elif "start" in value and "end" in value:
            labels = next((value[k] for k in ("labels", "hypertextlabels", "choices") if value.get(k)), None)
            if not isinstance(labels, list) or not labels or not all(isinstance(lab, str) for lab in labels):
                raise FormatError(path, f"region {item.get('id')!r} has no labels (a list of strings)", line=line)
            offsets = _offsets(raw, u16, value)
            if offsets is None:
                raise FormatError(
                    path, f"region {item.get('id')!r}: offsets [{value.get('start')}, {value.get('end')}) "
                    f"do not hold its text {value.get('text')!r}", line=line,
                )
            key = str(item.get("id"))
            for n, label in enumerate(labels):
                layer.spans.append(
                    SpanDraft(key if n == 0 else f"{key}#{n}", newline(offsets[0]), newline(offsets[1]), str(label))
                )
    for span in layer.spans:
        span.note = notes.get(span.key, "")
    if layer.spans:
        layer.status = "done"
    return layer


def read_labelstudio(path: Path, data: bytes) -> list[DocumentDraft]:
    text = decode_file(path, data)
    drafts = []
    for number, (line, task) in enumerate(json_items_with_lines(path, text)):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise FormatError(path, "a task must be an object with a 'data' object", line=line)
        data_obj = task["data"]
        raw = data_obj.get("text")
        if not isinstance(raw, str):
            raw = next((v for v in data_obj.values() if isinstance(v, str)), None)
        if raw is None:
            raise FormatError(path, "task has no text in 'data'", line=line)
        doc_id = data_obj.get("doc_id") or f"{path.stem}-{task.get('id', number)}"
        if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
            raise FormatError(path, f"'doc_id' must be a string, got {doc_id!r}", line=line)
        meta = {k: v for k, v in data_obj.items() if v is not raw and k != "doc_id" and isinstance(v, (str, int, float, bool))}
        if "id" in task:
            meta["labelstudio_task"] = task["id"]
        u16, newline = Utf16Map(raw), NewlineMap(raw)
        layers = []
        for key in ("annotations", "predictions"):
            if not isinstance(task.get(key) or [], list):
                raise FormatError(path, f"'{key}' must be a list", line=line)
        for annotation in task.get("annotations") or []:
            if isinstance(annotation, dict) and not annotation.get("was_cancelled"):
                layers.append(_layer(path, line, raw, u16, newline, annotation.get("result", []), _layer_name(annotation)))
        for prediction in task.get("predictions") or []:
            if isinstance(prediction, dict):
                name = prediction.get("layer") if isinstance(prediction.get("layer"), str) else "labelstudio-predictions"
                layer = _layer(path, line, raw, u16, newline, prediction.get("result", []), name)
                layer.kind, layer.status = LayerKind.SUGGESTION, None
                layers.append(layer)
        drafts.append(DocumentDraft(doc_id=str(doc_id), text=newline.text, meta=meta, layers=layers, line=line))
    return drafts


IMPORTER = Importer("labelstudio", (".json",), read_labelstudio, "Label Studio JSON export (tasks with annotations)")
