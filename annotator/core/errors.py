"""Errors a user can cause; the CLI prints them without a traceback."""

from __future__ import annotations

from pathlib import Path


class AnnotatorError(Exception):
    """Base of every error caused by user input rather than by a bug."""


class ProjectError(AnnotatorError):
    """The project file cannot be opened or changed as asked."""


class FormatError(AnnotatorError):
    """A file to import is malformed; names the file and where it went wrong."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        byte: int | None = None,
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.byte = byte
        super().__init__(str(self))

    def __str__(self) -> str:
        places = []
        if self.line is not None:
            places.append(f"line {self.line}")
        if self.byte is not None:
            places.append(f"byte {self.byte}")
        where = ", ".join(places) + ": " if places else ""
        return f"{self.path}: {where}{self.message}"
