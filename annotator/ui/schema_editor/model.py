"""The schema being edited, as a table model: name, kind, group, colour, key, description."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.core.model import LabelDef, Schema
from annotator.ui.plain import tip

from annotator.ui.table_model import Index, ListTableModel

COLUMNS = ("Name", "Kind", "Group", "Colour", "Key", "Description")
FIELDS = ("name", "kind", "group", "color", "key", "description")


class SchemaModel(ListTableModel):
    """Edits a copy of the schema; remembers renames so that existing annotations follow them."""

    columns = COLUMNS

    def __init__(self, schema: Schema, parent=None) -> None:
        super().__init__(parent)
        self.labels: list[LabelDef] = list(schema.labels)
        self.original: list[str | None] = [label.name for label in schema.labels]  # name when loaded, None if new

    def schema(self) -> Schema:
        return Schema(tuple(self.labels))

    def renames(self) -> dict[str, str]:
        return {old: new.name for old, new in zip(self.original, self.labels) if old and old != new.name}

    def row_count(self) -> int:
        return len(self.labels)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.labels)):
            return None
        label = self.labels[index.row()]
        value = getattr(label, FIELDS[index.column()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 3:
            return QColor(label.color)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 5:
            return tip(label.description)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() != 1:  # kind is fixed once a label exists
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() == 1:
            return False
        text = str(value)
        if index.column() == 0:
            text = text.strip()
        if index.column() == 3 and not QColor.isValidColorName(text):
            return False
        if index.column() == 3:
            text = QColor(text).name()
        row = index.row()
        self.labels[row] = replace(self.labels[row], **{FIELDS[index.column()]: text})
        self.dataChanged.emit(index, index)
        return True

    def add_label(self, kind: str = "span") -> int:
        used = {label.name for label in self.labels}
        n = 1
        while f"new_label_{n}" in used:
            n += 1
        row = len([label for label in self.labels if label.kind == "span"]) if kind == "span" else len(self.labels)
        self.beginInsertRows(QModelIndex(), row, row)
        self.labels.insert(row, LabelDef(name=f"new_label_{n}", kind=kind, group="claim" if kind == "span" else "relation",
                                         color="#999999"))
        self.original.insert(row, None)
        self.endInsertRows()
        return row

    def remove_label(self, row: int) -> None:
        if 0 <= row < len(self.labels):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.labels[row], self.original[row]
            self.endRemoveRows()
