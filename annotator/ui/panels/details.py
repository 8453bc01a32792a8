"""Details of the selected span: label, text, offsets, links, and its note (editable)."""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QTextBrowser, QVBoxLayout, QWidget

from annotator.core.model import Span


class DetailsPanel(QWidget):
    """Rendered as one rich-text view: changing it never resizes anything, so selecting a span repaints
    this panel only (a QLabel's new text would relayout, and so repaint, the whole main window)."""

    def __init__(self, on_note: Callable[[str], object], parent=None) -> None:
        super().__init__(parent)
        self.on_note = on_note
        self.info = QTextBrowser()
        self.info.setFrameShape(QFrame.Shape.NoFrame)
        self.info.setOpenLinks(False)
        self.info.viewport().setAutoFillBackground(False)
        self.note = QLineEdit(placeholderText="Add a note (N), Enter to save")
        self.note.returnPressed.connect(lambda: self.on_note(self.note.text()))
        note_title = QLabel("Note", objectName="SectionTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(self.info, 1)
        layout.addWidget(note_title)
        layout.addWidget(self.note)
        self.span: Span | None = None
        self.show_span(None, "", [], "#999999")

    def show_span(self, span: Span | None, text: str, links: list[str], colour: str, readonly: bool = False) -> None:
        self.span = span
        if span is None:
            self.info.setHtml("<p style='color: gray'>No span selected.<br>Select text and press a label key, "
                              "or click a highlight.</p>")
            self.note.setText("")
            self.note.setEnabled(False)
            return
        shown = " ".join(text.split())
        quote = html.escape(shown[:300]) + ("…" if len(shown) > 300 else "")
        linked = "<br>".join(html.escape(x) for x in links) if links else \
            "<span style='color: gray'>none — press l (said by) or d (disputed by)</span>"
        self.info.setHtml(
            f"<p><span style='color: {colour}'>■</span> <b>{html.escape(span.label)}</b> "
            f"<span style='color: gray'>· characters {span.start}–{span.end}</span></p>"
            f"<p>“{quote}”</p><p><span style='color: gray'>Links</span><br>{linked}</p>"
        )
        if self.note.text() != span.note:
            self.note.setText(span.note)
        self.note.setEnabled(True)
        self.note.setReadOnly(readonly)

    def text(self) -> str:
        """What the panel shows, as plain text."""
        return self.info.toPlainText()

    def focus_note(self) -> None:
        if self.span is not None:
            self.note.setFocus()
            self.note.selectAll()
