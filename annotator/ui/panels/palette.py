"""The label palette: one button per span label (colour, key, name) and the link keys."""

from __future__ import annotations

import html
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core.model import Schema
from annotator.ui.plain import no_mnemonic, plain_label


def swatch_css(colour: str) -> str:
    return f"background: {colour}; border-radius: 3px; min-width: 12px; max-width: 12px; min-height: 12px; max-height: 12px;"


class LabelPalette(QWidget):
    def __init__(self, on_label: Callable[[str], object], on_link: Callable[[str], object], parent=None) -> None:
        super().__init__(parent)
        self.on_label, self.on_link = on_label, on_link
        self.buttons: dict[str, QPushButton] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 8)
        self._layout.setSpacing(4)

    def set_schema(self, schema: Schema) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                _clear(item.layout())
        self.buttons.clear()
        for title, labels, action in (("Span labels", schema.span_labels, self.on_label),
                                      ("Links (claim → source)", schema.relation_labels, self.on_link)):
            if not labels:
                continue
            heading = QLabel(title, objectName="SectionTitle")
            self._layout.addWidget(heading)
            grid = QGridLayout()
            grid.setHorizontalSpacing(8)
            grid.setVerticalSpacing(2)
            for row, label in enumerate(labels):
                swatch = QLabel()
                swatch.setStyleSheet(swatch_css(label.color))
                key = plain_label(label.key or " ", objectName="PaletteKey")
                key.setAlignment(Qt.AlignmentFlag.AlignCenter)
                button = QPushButton(no_mnemonic(label.name))
                button.setFlat(True)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the keyboard in the document
                button.setStyleSheet("text-align: left; padding: 3px 4px;")
                button.setToolTip(f"<b>{html.escape(label.name)}</b> ({html.escape(label.group)})<br>"
                                  + html.escape(label.description))
                button.clicked.connect(lambda _=False, name=label.name, act=action: act(name))
                grid.addWidget(swatch, row, 0)
                grid.addWidget(key, row, 1)
                grid.addWidget(button, row, 2)
                self.buttons[label.name] = button
            grid.setColumnStretch(2, 1)
            self._layout.addLayout(grid)


def _clear(layout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()
