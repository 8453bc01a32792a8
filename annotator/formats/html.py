"""HTML: the visible text only (no script or style), block elements as line breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from annotator.core.errors import FormatError
from annotator.formats.base import DocumentDraft, Importer, decode_file

BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tr", "ul", "caption", "tbody", "thead", "tfoot",
}
HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.pre = 0
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        if tag in HIDDEN and tag not in VOID:
            self.hidden += 1
        if tag == "pre":
            self.pre += 1
        if tag in BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag in BLOCK:
            self.parts.append("\n")

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # Python's parser asserts on a malformed `<![ … ]>` (old IE conditional comments such as
        # `<![ if !IE]>`); a browser skips it, and so do we.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            return -1 if end < 0 else end + 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.hidden:
            return
        self.parts.append(data if self.pre else re.sub(r"[ \t\r\n\f\v]+", " ", data))


def visible_text(markup: str) -> tuple[str, str]:
    """(text, title) of an HTML page as a reader sees it."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip(" ") for line in text.split("\n")]
    text = re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip("\n")
    return text, re.sub(r"\s+", " ", parser.title).strip()


def read_html(path: Path, data: bytes) -> list[DocumentDraft]:
    try:
        text, title = visible_text(decode_file(path, data))
    except AssertionError as exc:  # the stdlib parser's way of giving up on some malformed markup
        raise FormatError(path, f"malformed HTML the parser cannot read ({exc})") from None
    meta = {"title": title or path.stem, "source": path.name}
    return [DocumentDraft(doc_id=path.stem, text=text, meta=meta)]


IMPORTER = Importer("html", (".html", ".htm", ".xhtml"), read_html, "web page: visible text only")
