"""The document queue as a table model: title, outlet, length, status in the current layer, counts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

import annotator.project as svc
from annotator.project import ChangeSet, Project
from annotator.ui.plain import tip

from annotator.ui.table_model import Index, ListTableModel

COLUMNS = ("Title", "Outlet", "Length", "Status", "Spans", "Links")
STATUS_COLOURS = {"todo": "#9aa1ab", "in progress": "#E69F00", "done": "#009E73"}
_DOTS: dict[str, QIcon] = {}


def status_dot(status: str) -> QIcon:
    """A small filled circle in the status colour (cached)."""
    icon = _DOTS.get(status)
    if icon is None:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLOURS.get(status, "#9aa1ab")))
        painter.drawEllipse(2, 2, 8, 8)
        painter.end()
        icon = _DOTS[status] = QIcon(pixmap)
    return icon


class QueueModel(ListTableModel):
    columns = COLUMNS
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, project: Project, layer: str, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.layer = layer
        self.rows: list[dict[str, Any]] = []
        self._row_of: dict[str, int] = {}
        self.reload()

    def reload(self, layer: str | None = None) -> None:
        self.beginResetModel()
        if layer is not None:
            self.layer = layer
        self.rows = svc.document_overview(self.project, layer=self.layer)
        self._row_of = {row["id"]: i for i, row in enumerate(self.rows)}
        self.endResetModel()

    # Qt model API -----------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row["title"], row["outlet"], f"{row['length']:,}", row["status"], row["spans"], row["relations"])[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip(f"{row['title']}\n{row['id']} · {row['length']:,} characters · {row['status']}")
        if role == Qt.ItemDataRole.DecorationRole and col == 3:
            return status_dot(row["status"])
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return (row["title"].lower(), row["outlet"].lower(), row["length"], row["status"], row["spans"], row["relations"])[col]
        return None

    # queue logic ------------------------------------------------------------------------------
    def row_of(self, doc_id: str) -> int:
        return self._row_of.get(doc_id, -1)

    def doc_id(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def done_count(self) -> int:
        return sum(1 for row in self.rows if row["status"] == "done")

    def next_todo(self, after: str | None) -> str | None:
        """The next document not done, after `after` in queue order, wrapping around."""
        start = self.row_of(after) + 1 if after else 0
        order = self.rows[start:] + self.rows[:start]
        return next((row["id"] for row in order if row["status"] != "done" and row["id"] != after), None)

    def apply_change(self, change: ChangeSet) -> None:
        """Keep counts and status in step with an edit, without re-reading the queue."""
        if change.layer != self.layer or change.doc_id not in self._row_of:
            return
        i = self._row_of[change.doc_id]
        row = self.rows[i]
        row["spans"] += len(change.spans_added) - len(change.spans_removed)
        row["relations"] += len(change.relations_added) - len(change.relations_removed)
        if change.status is not None:
            row["status"] = change.status[1]
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))
