"""Turning a file's bytes into a document's reference text (the offset rule of DESIGN.md)."""

from __future__ import annotations

import codecs
import re
from typing import Iterator

_BINARY_MAGIC = {
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"SQLite format 3\x00": "a SQLite database",
}

_NEWLINES = re.compile(r"\r\n?")


class DecodeError(ValueError):
    """The bytes are not acceptable text; `byte` and `line` say where (1-based line)."""

    def __init__(self, message: str, *, byte: int | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.byte = byte
        self.line = line


def _line_of(data: bytes, byte: int) -> int:
    return data.count(b"\n", 0, byte) + 1


def decode_bytes(data: bytes) -> str:
    """Decode UTF-8, UTF-8 with BOM or UTF-16 with BOM; drop the BOM. Raises DecodeError."""
    if not data:
        raise DecodeError("empty file", byte=0)
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary content: this looks like {what}, not text", byte=0)
    if data.startswith(codecs.BOM_UTF8):
        body, offset, encoding = data[3:], 3, "utf-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        body, offset, encoding = data, 0, "utf-16"
    else:
        body, offset, encoding = data, 0, "utf-8"
    if encoding == "utf-8":
        nul = body.find(b"\x00")
        if nul >= 0:
            at = nul + offset
            raise DecodeError(
                "binary content (NUL byte); only UTF-8 or UTF-16 text with a BOM is accepted",
                byte=at,
                line=_line_of(data, at),
            )
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        at = exc.start + offset
        bad = data[at : at + 1].hex().upper()
        what = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise DecodeError(
            f"not valid {what} (byte 0x{bad} at byte {at}); the file must be UTF-8, "
            "UTF-8 with BOM or UTF-16 with BOM: re-save it in one of those",
            byte=at,
            line=_line_of(data, at) if encoding == "utf-8" else None,
        ) from None
    if encoding == "utf-16":
        nul = text.find("\x00")
        if nul >= 0:
            raise DecodeError("binary content (NUL character in UTF-16 text)", byte=2 + 2 * nul)
    return text


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def check_text(text: str) -> None:
    """Refuse text no document may hold: NUL characters, nothing but white space."""
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError("binary content (NUL character)", line=text.count("\n", 0, nul) + 1)
    if not text.strip():
        raise DecodeError("empty document (no text, or white space only)")


def text_from_bytes(data: bytes) -> str:
    """Bytes of a text file → the reference text of a document."""
    text = normalise_newlines(decode_bytes(data))
    check_text(text)
    return text


class NewlineMap:
    """Maps offsets into a raw text (with CRLF/CR) onto its normalised form (LF only).

    Each CRLF becomes one LF: its LF is dropped and its CR turns into LF, so a raw offset p
    moves left by the number of dropped LFs before it.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.text = normalise_newlines(raw)
        self._dropped = [m.start() + 1 for m in re.finditer(r"\r\n", raw)]

    def __call__(self, offset: int) -> int:
        from bisect import bisect_left

        return offset - bisect_left(self._dropped, offset)


def iter_decoded_lines(data: bytes) -> Iterator[tuple[int, str]]:
    """(line number from 1, line without its LF) of a text file, decoded one line at a time.

    The rules and messages of `decode_bytes`, without holding the whole decoded text: lines are
    split on LF only (a CR stays at the end of its line; U+2028 inside JSON strings is no break).
    UTF-8 never uses the byte 0x0A inside a character, so splitting the bytes first is exact.
    """
    if not data:
        raise DecodeError("empty file", byte=0)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Rare for line formats; UTF-16 bytes cannot be split on 0x0A, so decode it whole.
        yield from enumerate(decode_bytes(data).split("\n"), start=1)
        return
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary content: this looks like {what}, not text", byte=0)
    pos = 3 if data.startswith(codecs.BOM_UTF8) else 0
    number = 0
    while True:
        number += 1
        end = data.find(b"\n", pos)
        stop = len(data) if end < 0 else end
        chunk = data[pos:stop]
        nul = chunk.find(b"\x00")
        if nul >= 0:
            raise DecodeError(
                "binary content (NUL byte); only UTF-8 or UTF-16 text with a BOM is accepted",
                byte=pos + nul, line=number,
            )
        try:
            line = chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            at = pos + exc.start
            raise DecodeError(
                f"not valid UTF-8 (byte 0x{data[at:at + 1].hex().upper()} at byte {at}); the file must be UTF-8, "
                "UTF-8 with BOM or UTF-16 with BOM: re-save it in one of those",
                byte=at, line=number,
            ) from None
        yield number, line
        if end < 0:
            return
        pos = end + 1
