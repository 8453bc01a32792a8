"""Item model of the dashboard's per-document list: most disagreement first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.review.report import DocumentAgreement
from annotator.ui.plain import tip

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("document", "disagreement", "disputed units", "units", "span F1 exact")
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentAgreementModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentAgreement] = []

    def set_documents(self, documents: list[DocumentAgreement]) -> None:
        self.beginResetModel()
        self.rows = sorted(documents, key=lambda d: (-d.disagreement, -d.disputed_units, d.doc_id))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        doc = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                doc.title if doc.title != doc.doc_id else doc.doc_id,
                f"{doc.disagreement:.3f}",
                str(doc.disputed_units),
                str(doc.units),
                "–" if doc.span_f1_exact is None else f"{doc.span_f1_exact:.3f}",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return tip(doc.doc_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOC_ID_ROLE:
            return doc.doc_id
        return None
