"""The annotation guidelines from resources/, rendered from Markdown."""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser

from annotator.core.resources import guidelines_text


class GuidelinesPanel(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setOpenExternalLinks(True)
        try:
            self.setMarkdown(guidelines_text())
        except OSError as exc:
            self.setPlainText(f"The guidelines could not be read: {exc}")
