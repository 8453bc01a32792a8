"""The document header above the text: title, outlet and length, status and layer badges."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from annotator.core.model import Document
from annotator.ui.plain import plain_label, tip
from annotator.ui.queue.model import STATUS_COLOURS


class DocumentHeader(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("DocHeader")
        self.setAutoFillBackground(True)
        # titles, outlets, ids and layer names come from the files imported: never read as HTML
        self.title = plain_label(objectName="DocTitle", wordWrap=True)
        self.meta = plain_label(objectName="DocMeta")
        # Text that changes with every edit must not resize anything: a relayout repaints the whole window.
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status = plain_label(objectName="Badge")
        self.layer = plain_label(objectName="Badge")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.meta)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 12, 24, 10)
        row.addLayout(text, 1)
        for badge in (self.layer, self.status):
            badge.setFixedHeight(22)
            row.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)

    def show_document(self, doc: Document | None, *, status: str, layer: str, readonly: bool, spans: int = 0) -> None:
        if doc is None:
            self.title.setText("No document")
            self.meta.setText("Import articles with: annotator import PROJECT FILES…")
            self.status.hide()
            self.layer.hide()
            return
        title = doc.title if len(doc.title) <= 72 else doc.title[:71] + "…"
        self.title.setText(title)
        self.title.setToolTip(tip(doc.title))
        outlet = str(doc.meta.get("outlet") or "")
        bits = [outlet] if outlet else []
        bits += [doc.id, f"{len(doc.text):,} characters"]  # counts live in the queue: no relayout per edit
        self.meta.setText(" · ".join(bits))
        colour = STATUS_COLOURS.get(status, "#9aa1ab")
        self.status.setText(status)
        _style(self.status, f"background: {colour}; color: white;")
        self.status.show()
        self.layer.setText(f"{layer}'s layer · read-only" if readonly else f"layer: {layer}")
        _style(self.layer, "background: #6b7280; color: white;" if readonly else "background: #e5e7eb; color: #1d2126;")
        self.layer.show()


def _style(widget: QWidget, sheet: str) -> None:
    if widget.styleSheet() != sheet:  # re-polishing costs a millisecond per call; edits call this often
        widget.setStyleSheet(sheet)
