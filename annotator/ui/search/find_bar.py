"""Ctrl+F: find in the open document; Enter / F3 next, Shift+Enter / Shift+F3 previous, Esc back to the text."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from annotator.ui.document_view.view import DocumentView


class FindField(QLineEdit):
    def __init__(self, bar: "FindBar") -> None:
        super().__init__(placeholderText="Find in document")
        self.bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.bar.step(not bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))
        elif event.key() == Qt.Key.Key_Escape:
            self.bar.close_bar()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, view: DocumentView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.current = -1
        self.field = FindField(self)
        self.count = QLabel(objectName="SectionTitle")
        self.case = QPushButton("Aa", checkable=True, toolTip="Match case")
        prev_button, next_button, close = QPushButton("↑"), QPushButton("↓"), QPushButton("✕")
        prev_button.clicked.connect(lambda: self.step(False))
        next_button.clicked.connect(lambda: self.step(True))
        close.clicked.connect(self.close_bar)
        for b in (self.case, prev_button, next_button, close):
            b.setFlat(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.field.textChanged.connect(self.search)
        self.case.toggled.connect(lambda _: self.search(self.field.text()))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 16, 4)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        row.addWidget(self.case)
        row.addWidget(prev_button)
        row.addWidget(next_button)
        row.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        rng = self.view.selection_range()
        if rng and 0 < rng[1] - rng[0] < 80:
            self.field.setText(self.view.text[rng[0]:rng[1]])
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide and return the keyboard to the text, keeping the found text selected (ready for a label key)."""
        self.hide()
        self.view.setFocus()

    def search(self, query: str) -> None:
        self.matches, self.current = [], -1
        if query:
            flags = 0 if self.case.isChecked() else re.IGNORECASE
            self.matches = [m.span() for m in re.finditer(re.escape(query), self.view.text, flags)]
        if self.matches:
            here = self.view.positions.from_qt(self.view.textCursor().selectionStart())
            self.current = next((i for i, (s, _e) in enumerate(self.matches) if s >= here), 0)
            self._show()
        else:
            self.count.setText("no match" if query else "")

    def step(self, forward: bool = True) -> None:
        if not self.matches:
            self.search(self.field.text())
            return
        self.current = (self.current + (1 if forward else -1)) % len(self.matches)
        self._show()

    def _show(self) -> None:
        start, end = self.matches[self.current]
        self.view.select_range(start, end)
        self.count.setText(f"{self.current + 1} of {len(self.matches)}")
