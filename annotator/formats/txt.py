"""Plain text and Markdown: the file is the document; its stem is the id."""

from __future__ import annotations

from pathlib import Path

from annotator.core.text import normalise_newlines
from annotator.formats.base import DocumentDraft, Importer, decode_file


def title_of(text: str) -> str:
    """The first non-blank line, shortened: what a queue shows for an article."""
    for line in text.split("\n"):
        if line.strip():
            line = line.strip()
            return line if len(line) <= 100 else line[:99] + "…"
    return ""


def read_txt(path: Path, data: bytes) -> list[DocumentDraft]:
    text = normalise_newlines(decode_file(path, data))
    return [DocumentDraft(doc_id=path.stem, text=text, meta={"title": title_of(text), "source": path.name})]


IMPORTER = Importer("txt", (".txt", ".md", ".markdown", ".text"), read_txt, "plain text or Markdown, one document per file")
