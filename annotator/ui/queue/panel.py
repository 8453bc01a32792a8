"""The queue panel: filter box, progress (n of N done) and the document table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QProgressBar, QTableView, QVBoxLayout, QWidget

from annotator.ui.queue.model import QueueModel


class QueuePanel(QWidget):
    document_chosen = Signal(str)

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.filter = QLineEdit(placeholderText="Filter documents (title, outlet, status)…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.progress_label = QLabel(objectName="SectionTitle")
        self.progress = QProgressBar(textVisible=False, maximumHeight=6)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setIconSize(QSize(12, 12))
        for col in (1, 2, 5):  # outlet, length and links: in the tooltip and the header; keep the panel narrow
            self.table.setColumnHidden(col, True)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        model.modelReset.connect(self.update_progress)
        model.dataChanged.connect(self.update_progress)
        self.update_progress()

    def _activated(self, index: QModelIndex) -> None:
        doc_id = self.proxy.data(index, QueueModel.ID_ROLE)
        if doc_id:
            self.document_chosen.emit(doc_id)

    def update_progress(self, *args) -> None:
        done, total = self.model.done_count(), self.model.rowCount()
        self.progress_label.setText(f"{done} of {total} done")
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def show_current(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, self.table.selectionModel().SelectionFlag.ClearAndSelect | self.table.selectionModel().SelectionFlag.Rows
            )
            self.table.scrollTo(index)
