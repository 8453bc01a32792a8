"""Details of the selected span: label, text, offsets, note (editable), links."""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from annotator.core.model import Span
from annotator.ui.panels.palette import swatch_css


class DetailsPanel(QWidget):
    def __init__(self, on_note: Callable[[str], object], parent=None) -> None:
        super().__init__(parent)
        self.on_note = on_note
        self.empty = QLabel("No span selected.\nSelect text and press a label key,\nor click a highlight.")
        self.empty.setObjectName("SectionTitle")
        self.swatch = QLabel()
        self.label = QLabel()
        self.text = QLabel(wordWrap=True)
        self.where = QLabel(objectName="SectionTitle")
        self.note = QLineEdit(placeholderText="Add a note (N), Enter to save")
        self.note.returnPressed.connect(lambda: self.on_note(self.note.text()))
        self.links = QLabel(wordWrap=True)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        head = QWidget()
        row = QHBoxLayout(head)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.label, 1)
        form.addRow(head)
        form.addRow(self.text)
        form.addRow(self.where)
        form.addRow("Note", self.note)
        form.addRow("Links", self.links)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.empty)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.show_span(None, "", [], "#999999")

    def show_span(self, span: Span | None, text: str, links: list[str], colour: str, readonly: bool = False) -> None:
        self.empty.setVisible(span is None)
        self.form.setVisible(span is not None)
        if span is None:
            return
        self.swatch.setStyleSheet(swatch_css(colour))
        self.label.setText(f"<b>{html.escape(span.label)}</b>")
        shown = " ".join(text.split())
        self.text.setText(f"“{html.escape(shown[:140])}{'…' if len(shown) > 140 else ''}”")
        self.where.setText(f"characters {span.start}–{span.end} · {span.end - span.start} long")
        self.note.setText(span.note)
        self.note.setReadOnly(readonly)
        self.links.setText("<br>".join(html.escape(x) for x in links) if links else "none — press l (said by) or d (disputed by)")

    def focus_note(self) -> None:
        if self.form.isVisible():
            self.note.setFocus()
            self.note.selectAll()
