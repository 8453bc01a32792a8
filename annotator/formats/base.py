"""What importers produce: drafts of documents with layers of spans, checked before any write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from annotator.core.errors import FormatError
from annotator.core.model import LayerKind, Status
from annotator.core.offsets import span_error
from annotator.core.text import DecodeError, check_text, decode_bytes


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


def decode_file(path: Path, data: bytes) -> str:
    """A file's bytes as text by DESIGN.md's rules (newlines not yet normalised)."""
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise FormatError(path, exc.message, line=exc.line, byte=exc.byte) from None


def check_document_text(path: Path, text: str, *, line: int | None = None) -> None:
    try:
        check_text(text)
    except DecodeError as exc:
        raise FormatError(path, exc.message, line=line if line is not None else exc.line) from None


def validate(path: Path, drafts: list[DocumentDraft]) -> list[DocumentDraft]:
    """Offsets in range, span texts as the document says, relations between known spans."""
    seen: dict[str, DocumentDraft] = {}
    for draft in drafts:
        where = {"line": draft.line}
        if not isinstance(draft.doc_id, str) or not draft.doc_id.strip():
            raise FormatError(path, "document id is missing or empty", **where)
        check_document_text(path, draft.text, line=draft.line)
        if draft.doc_id in seen and seen[draft.doc_id].text != draft.text:
            raise FormatError(path, f"document {draft.doc_id!r} appears twice with different texts", **where)
        seen[draft.doc_id] = draft
        for layer in draft.layers:
            if layer.status is not None:
                try:
                    layer.status = Status.parse(layer.status).value
                except (ValueError, AttributeError):
                    raise FormatError(path, f"unknown status {layer.status!r}", **where) from None
            keys = set()
            for span in layer.spans:
                if not isinstance(span.label, str) or not span.label:
                    raise FormatError(path, f"span {span.key!r} has no label", **where)
                problem = span_error(draft.text, span.start, span.end, span.text)
                if problem:
                    raise FormatError(path, f"document {draft.doc_id!r}, span {span.key!r}: {problem}", **where)
                keys.add(span.key)
            for rel in layer.relations:
                for end in (rel.head, rel.tail):
                    if end not in keys:
                        raise FormatError(
                            path, f"document {draft.doc_id!r}: relation {rel.label!r} names a missing span {end!r}", **where
                        )
    return drafts
