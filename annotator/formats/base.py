"""What importers produce: drafts of documents with layers of spans, checked before any write."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from annotator.core.errors import FormatError
from annotator.core.model import LayerKind, Status
from annotator.core.offsets import span_error
from annotator.core.text import DecodeError, check_text, decode_bytes, iter_decoded_lines

# Caps on what one imported file may bring in.
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_NAME_CHARS = 200  # a label or layer name: it is shown in menus and legends
MAX_DOC_ID_CHARS = 500
MAX_LABELS_PER_FILE = 500  # distinct labels in one file; a schema is a handful of labels, not thousands


@dataclass
class SpanDraft:
    key: str  # the id the file gives it; relations refer to it
    start: int
    end: int
    label: str
    note: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)
    text: str | None = None  # what the file says the span covers, checked against the document
    cluster: str | None = None  # the claim cluster the span belongs to (canonical JSONL)


@dataclass
class RelationDraft:
    head: str
    tail: str
    label: str
    key: str | None = None


@dataclass
class LayerDraft:
    name: str | None
    status: str | None = None
    spans: list[SpanDraft] = field(default_factory=list)
    relations: list[RelationDraft] = field(default_factory=list)
    kind: LayerKind | None = None


@dataclass
class DocumentDraft:
    doc_id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    layers: list[LayerDraft] = field(default_factory=list)
    line: int | None = None  # where the document starts in the file, for error messages


@dataclass(frozen=True)
class Importer:
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[Path, bytes], list[DocumentDraft]]
    description: str = ""


def read_capped(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_FILE_BYTES: never a device or pipe that reads forever."""
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise FormatError(path, "not a regular file (a device, pipe or socket cannot be imported)")
            if info.st_size > MAX_FILE_BYTES:
                raise FormatError(path, f"file too large ({info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,})", byte=MAX_FILE_BYTES)
            data = fh.read(MAX_FILE_BYTES + 1)  # the file may grow while we read it
    except OSError as exc:
        raise FormatError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise FormatError(path, f"file too large (more than {MAX_FILE_BYTES:,} bytes)", byte=MAX_FILE_BYTES)
    return data


def decode_file(path: Path, data: bytes) -> str:
    """A file's bytes as text by DESIGN.md's rules (newlines not yet normalised)."""
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise FormatError(path, exc.message, line=exc.line, byte=exc.byte) from None


def decode_lines(path: Path, data: bytes) -> Iterator[tuple[int, str]]:
    """A file's lines (numbered from 1, split on LF only), decoded one at a time by DESIGN.md's rules."""
    try:
        yield from iter_decoded_lines(data)
    except DecodeError as exc:
        raise FormatError(path, exc.message, line=exc.line, byte=exc.byte) from None


def _check_name(path: Path, what: str, name: Any, where: dict) -> None:
    if isinstance(name, str) and len(name) > MAX_NAME_CHARS:
        raise FormatError(path, f"{what} {name[:40]!r}… is {len(name):,} characters long (at most {MAX_NAME_CHARS})", **where)


def check_document_text(path: Path, text: str, *, line: int | None = None) -> None:
    try:
        check_text(text)
    except DecodeError as exc:
        raise FormatError(path, exc.message, line=line if line is not None else exc.line) from None


def validate(path: Path, drafts: list[DocumentDraft]) -> list[DocumentDraft]:
    """Offsets in range, span texts as the document says, relations between known spans."""
    seen: dict[str, DocumentDraft] = {}
    labels: set[str] = set()
    for draft in drafts:
        where = {"line": draft.line}
        if not isinstance(draft.doc_id, str) or not draft.doc_id.strip():
            raise FormatError(path, "document id is missing or empty", **where)
        if len(draft.doc_id) > MAX_DOC_ID_CHARS:
            raise FormatError(path, f"document id {draft.doc_id[:40]!r}… is longer than {MAX_DOC_ID_CHARS} characters", **where)
        check_document_text(path, draft.text, line=draft.line)
        if draft.doc_id in seen and seen[draft.doc_id].text != draft.text:
            raise FormatError(path, f"document {draft.doc_id!r} appears twice with different texts", **where)
        seen[draft.doc_id] = draft
        for layer in draft.layers:
            _check_name(path, "layer name", layer.name, where)
            if layer.status is not None:
                try:
                    layer.status = Status.parse(layer.status).value
                except (ValueError, AttributeError):
                    raise FormatError(path, f"unknown status {layer.status!r}", **where) from None
            keys = set()
            for span in layer.spans:
                if not isinstance(span.label, str) or not span.label:
                    raise FormatError(path, f"span {span.key!r} has no label", **where)
                _check_name(path, "label", span.label, where)
                labels.add(span.label)
                problem = span_error(draft.text, span.start, span.end, span.text)
                if problem:
                    raise FormatError(path, f"document {draft.doc_id!r}, span {span.key!r}: {problem}", **where)
                keys.add(span.key)
            for rel in layer.relations:
                if not isinstance(rel.label, str) or not rel.label:
                    raise FormatError(path, f"document {draft.doc_id!r}: a relation has no label (got {rel.label!r})", **where)
                _check_name(path, "relation label", rel.label, where)
                labels.add(rel.label)
                for end in (rel.head, rel.tail):
                    if end not in keys:
                        raise FormatError(
                            path, f"document {draft.doc_id!r}: relation {rel.label!r} names a missing span {end!r}", **where
                        )
        if len(labels) > MAX_LABELS_PER_FILE:
            raise FormatError(path, f"more than {MAX_LABELS_PER_FILE} distinct labels; is this an annotation file?", **where)
    return drafts
