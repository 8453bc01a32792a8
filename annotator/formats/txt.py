"""Plain text and Markdown: the file is the document; its stem is the id."""

from __future__ import annotations

import re
from pathlib import Path

from annotator.core.text import normalise_newlines
from annotator.formats.base import DocumentDraft, Importer, decode_file


# A dateline ("Thursday, 13 February 2025", "10:40") is no headline.
_DATELINE = re.compile(
    r"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b|\b\d{1,2}:\d{2}\b"
)


def _shorten(line: str) -> str:
    return line if len(line) <= 100 else line[:99] + "…"


def title_of(text: str) -> str:
    """What a queue shows for an article: the first line that reads like a headline.

    Scraped pages start with menu items ("Projects", "All news"); a headline has several words.
    Falls back to the first non-blank line.
    """
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:25]:
        if len(line.split()) >= 5 and not line.endswith(":") and not _DATELINE.search(line):
            return _shorten(line)
    return _shorten(lines[0]) if lines else ""


def read_txt(path: Path, data: bytes) -> list[DocumentDraft]:
    text = normalise_newlines(decode_file(path, data))
    return [DocumentDraft(doc_id=path.stem, text=text, meta={"title": title_of(text), "source": path.name})]


IMPORTER = Importer("txt", (".txt", ".md", ".markdown", ".text"), read_txt, "plain text or Markdown, one document per file")
