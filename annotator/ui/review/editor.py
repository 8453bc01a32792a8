"""Editing a unit in place: the reviewer's own spans for it (offsets, label), relations kept with their spans."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QTableWidget, QVBoxLayout,
                               QWidget)

from annotator.review.data import RelKey, SpanKey
from annotator.ui.plain import plain_label


class UnitEditor(QWidget):
    """Rows of (start, end, label); Enter saves, Escape cancels. `saved` carries spans and surviving relations."""

    saved = Signal(list, list)
    cancelled = Signal()

    def __init__(self, labels: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = list(labels)
        self.text = ""
        self.relations: list[RelKey] = []
        self.extent = (0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["start", "end", "label", "text"])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel("Edit the unit: change offsets or labels, add the text selected above, "
                           "<b>Enter</b> saves into gold, <b>Esc</b> cancels.")
        self.add_button = QPushButton("Add selection")
        self.remove_button = QPushButton("Remove row")
        self.save_button = QPushButton("Save (Enter)")
        self.cancel_button = QPushButton("Cancel (Esc)")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.save_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.selection: tuple[int, int] | None = None  # code point offsets of the text view's selection
        self.add_button.clicked.connect(self.add_selection)

    def start(self, text: str, spans: Sequence[SpanKey], relations: Sequence[RelKey], extent: tuple[int, int]) -> None:
        self.text = text
        self.extent = extent
        self.relations = list(relations)
        self.table.setRowCount(0)
        for key in spans:
            self.add_row(*key)
        self.table.setFocus()

    def add_row(self, start: int, end: int, label: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in ((0, start), (1, end)):
            box = QSpinBox()
            box.setRange(0, len(self.text))
            box.setValue(value)
            box.valueChanged.connect(lambda _v, r=row: self._show_text(r))
            self.table.setCellWidget(row, column, box)
        combo = QComboBox()
        combo.addItems(self.labels if label in self.labels else [*self.labels, label])
        combo.setCurrentText(label)
        self.table.setCellWidget(row, 2, combo)
        self.table.setCellWidget(row, 3, plain_label())  # the document's text
        self._show_text(row)

    def _show_text(self, row: int) -> None:
        start, end, _ = self.row_key(row)
        label = self.table.cellWidget(row, 3)
        if isinstance(label, QLabel):
            label.setText(self.text[start:end].replace("\n", " ") if start < end else "(empty)")

    def row_key(self, row: int) -> SpanKey:
        start = self.table.cellWidget(row, 0).value()  # type: ignore[union-attr]
        end = self.table.cellWidget(row, 1).value()  # type: ignore[union-attr]
        label = self.table.cellWidget(row, 2).currentText()  # type: ignore[union-attr]
        return (start, end, label)

    def spans(self) -> list[SpanKey]:
        return [self.row_key(r) for r in range(self.table.rowCount())]

    def add_selection(self) -> None:
        if self.selection and self.selection[0] < self.selection[1]:
            self.add_row(self.selection[0], self.selection[1], self.labels[0] if self.labels else "")

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)

    def save(self) -> None:
        spans = [k for k in self.spans() if k[0] < k[1]]
        keep = set(spans)
        # A relation stays when its head survived and its tail either survived or lies outside the unit
        # (another unit's span: it is linked once that span is gold).
        relations = [r for r in self.relations if r[0] in keep and (r[1] in keep or not self._inside(r[1]))]
        self.saved.emit(spans, relations)

    def _inside(self, key: SpanKey) -> bool:
        return key[0] < self.extent[1] and key[1] > self.extent[0]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)
