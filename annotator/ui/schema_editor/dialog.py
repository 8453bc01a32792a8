"""Edit labels: add, rename, recolour, re-key; saved into the project (annotations follow renames)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QPushButton, QTableView, QVBoxLayout, QWidget)

from annotator.core.errors import AnnotatorError
from annotator.ui.plain import plain_label
from annotator.ui.schema_editor.model import SchemaModel
from annotator.ui.workspace import Workspace


class SchemaEditor(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setWindowTitle("Labels of this project")
        self.resize(820, 420)
        self.model = SchemaModel(workspace.schema, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.error = plain_label(objectName="SectionTitle", wordWrap=True)  # errors quote label names
        add_span = QPushButton("Add span label")
        add_relation = QPushButton("Add link label")
        self.colour_button = QPushButton("Colour…")
        remove = QPushButton("Remove")
        add_span.clicked.connect(lambda: self._select(self.model.add_label("span")))
        add_relation.clicked.connect(lambda: self._select(self.model.add_label("relation")))
        self.colour_button.clicked.connect(self.pick_colour)
        remove.clicked.connect(self.remove_current)
        tools = QHBoxLayout()
        for b in (add_span, add_relation, self.colour_button, remove):
            tools.addWidget(b)
        tools.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Double-click a cell to edit it. Keys are single characters; renaming a label "
                                "renames it on every existing annotation."))
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _select(self, row: int) -> None:
        self.table.selectRow(row)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _double_clicked(self, index) -> None:
        if index.column() == 3:
            self.pick_colour()

    def pick_colour(self, colour: str | None = None) -> None:
        """Recolour the current label (asks with a colour dialog unless `colour` is given)."""
        row = self.current_row()
        if row < 0:
            return
        if colour is None:
            chosen = QColorDialog.getColor(QColor(self.model.labels[row].color), self, "Label colour")
            if not chosen.isValid():
                return
            colour = chosen.name()
        self.model.setData(self.model.index(row, 3), colour)

    def remove_current(self) -> None:
        self.model.remove_label(self.current_row())

    def save(self) -> None:
        try:
            self.ws.save_schema(self.model.schema(), self.model.renames())
        except AnnotatorError as exc:
            self.error.setText(f"Not saved: {exc}")
            return
        except Exception as exc:  # the project file failed (locked, full): say so, keep the edits open
            self.error.setText(f"Not saved — {type(exc).__name__}: {exc}. Your changes are still here; try again.")
            return
        self.accept()
