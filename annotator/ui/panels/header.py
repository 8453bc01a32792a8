"""The document header above the text: title, outlet and length, status and layer badges."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from annotator.core.model import Document
from annotator.ui.queue.model import STATUS_COLOURS


class DocumentHeader(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("DocHeader")
        self.setAutoFillBackground(True)
        self.title = QLabel(objectName="DocTitle", wordWrap=True)
        self.meta = QLabel(objectName="DocMeta")
        self.status = QLabel(objectName="Badge")
        self.layer = QLabel(objectName="Badge")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.meta)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 10)
        row.addLayout(text, 1)
        row.addWidget(self.layer)
        row.addWidget(self.status)

    def show_document(self, doc: Document | None, *, status: str, layer: str, readonly: bool, spans: int = 0) -> None:
        if doc is None:
            self.title.setText("No document")
            self.meta.setText("Import articles with: annotator import PROJECT FILES…")
            self.status.hide()
            self.layer.hide()
            return
        self.title.setText(html.escape(doc.title))
        outlet = doc.meta.get("outlet") or doc.meta.get("source") or ""
        bits = [str(outlet)] if outlet else []
        bits += [doc.id, f"{len(doc.text):,} characters", f"{spans} span{'s' if spans != 1 else ''}"]
        self.meta.setText(" · ".join(html.escape(b) for b in bits))
        colour = STATUS_COLOURS.get(status, "#9aa1ab")
        self.status.setText(status)
        self.status.setStyleSheet(f"background: {colour}; color: white;")
        self.status.show()
        self.layer.setText(f"layer: {layer}" + (" · read-only" if readonly else ""))
        self.layer.setStyleSheet("background: #6b7280; color: white;" if readonly else "background: #e5e7eb; color: #1d2126;")
        self.layer.show()
