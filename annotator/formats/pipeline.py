"""The pieces every exporter shares: a context (schema, progress, notices), the Exporter record, the summary.

The pipeline is documents → formatter → writer. A formatter is a pure function of the documents and the
context that returns what to write: an iterable of text chunks (one text file), bytes (one binary file) or
a dict of relative paths to contents (a folder). `annotator.formats.export` picks the writer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Callable, Union
from urllib.parse import quote

from annotator.core.errors import AnnotatorError
from annotator.core.model import AnnotatedDocument, Schema

Output = Union[Iterable[str], bytes, dict]
Progress = Callable[[int, int, str], Union[bool, None]]


class ExportCancelled(AnnotatorError):
    """The user cancelled; nothing was written."""


class Notices:
    """Things an export could not represent exactly, counted by kind with the first example of each."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._examples: dict[str, str] = {}

    def add(self, kind: str, example: str = "") -> None:
        self._counts[kind] = self._counts.get(kind, 0) + 1
        if example and kind not in self._examples:
            self._examples[kind] = example

    def count(self, kind: str) -> int:
        return self._counts.get(kind, 0)

    def lines(self) -> list[str]:
        out = []
        for kind, n in self._counts.items():
            example = self._examples.get(kind)
            out.append(f"{n} {kind}" + (f" (first: {example})" if example else ""))
        return out


@dataclass
class ExportContext:
    """What a formatter may need besides the documents; `step` reports progress and honours cancel."""

    schema: Schema = field(default_factory=Schema)
    lang: str = "en"
    progress: Progress | None = None
    total: int = 0
    done: int = 0
    notices: Notices = field(default_factory=Notices)

    def step(self, what: str = "") -> None:
        self.done += 1
        if self.progress is not None and self.progress(self.done, self.total, what) is False:
            raise ExportCancelled("export cancelled; nothing was written")

    def warn(self, kind: str, example: str = "") -> None:
        self.notices.add(kind, example)


Formatter = Callable[[list[AnnotatedDocument], ExportContext], Output]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # file suffix, or "" for a format written as a folder
    format: Formatter
    description: str = ""
    reader: str = ""  # the library (or tool) its users read it with
    companions: Callable[[Schema], dict[str, str]] | None = None  # schema files written beside the output

    @property
    def is_folder(self) -> bool:
        return self.suffix == ""


@dataclass
class ExportSummary:
    path: str
    format: str = ""
    documents: int = 0
    records: int = 0
    spans: int = 0
    relations: int = 0
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def by_document(items: Iterable[AnnotatedDocument]) -> Iterator[list[AnnotatedDocument]]:
    """Items grouped by document, in first-seen order (each group holds every layer of one document)."""
    groups: dict[str, list[AnnotatedDocument]] = {}
    for item in items:
        groups.setdefault(item.document.id, []).append(item)
    yield from groups.values()


_UNSAFE_START = re.compile(r"^[.~]")


def safe_name(name: str) -> str:
    """A document id or layer name as a portable file name; ids made of letters, digits and `-_.` stay as they are."""
    quoted = quote(name, safe="-_.~")
    # A leading dot hides the file (and importers skip hidden files).
    return _UNSAFE_START.sub(lambda m: "%{:02X}".format(ord(m.group(0))), quoted) or "%00"


def where(item: AnnotatedDocument, start: int | None = None, end: int | None = None) -> str:
    """'doc 'x', layer 'y', [s, e) 'text'': where a notice applies, for the summary."""
    text = ""
    if start is not None and end is not None:
        snippet = item.document.text[start:end]
        snippet = snippet if len(snippet) <= 40 else snippet[:39] + "…"
        text = f", [{start}, {end}) {snippet!r}"
    layer = f", layer {item.layer!r}" if item.layer is not None else ""
    return f"document {item.document.id!r}{layer}{text}"
