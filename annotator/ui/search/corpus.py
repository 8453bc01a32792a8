"""Corpus search: every occurrence in every document, with context; activate a hit to open it there."""

from __future__ import annotations

import html
from typing import Any, Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QListView, QVBoxLayout, QWidget

import annotator.project as svc
from annotator.core.errors import AnnotatorError
from annotator.project import Project, SearchHit
from annotator.ui.plain import plain_label

Index = QModelIndex | QPersistentModelIndex
LIMIT = 2000


class SearchResultsModel(QAbstractListModel):
    HIT_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.hits)):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.title[:40]} — …{hit.before[-30:]}[{hit.match}]{hit.after[:30]}…"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"<b>{html.escape(hit.title)}</b><br>…{html.escape(hit.before)}<b>{html.escape(hit.match)}</b>{html.escape(hit.after)}…"
        if role == self.HIT_ROLE:
            return hit
        return None


class CorpusSearchPanel(QWidget):
    def __init__(self, project: Project, on_open: Callable[[SearchHit], object], parent=None) -> None:
        super().__init__(parent)
        self.project, self.on_open = project, on_open
        self.field = QLineEdit(placeholderText="Search all documents (Enter)")
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.run)
        self.regex = QCheckBox("regex")
        self.case = QCheckBox("case")
        self.summary = plain_label(objectName="SectionTitle")  # may quote the query in an error
        self.model = SearchResultsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        options = QHBoxLayout()
        options.addWidget(self.regex)
        options.addWidget(self.case)
        options.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.field)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def run(self) -> None:
        query = self.field.text()
        try:
            hits = svc.search_corpus(self.project, query=query, regex=self.regex.isChecked(),
                                     case_sensitive=self.case.isChecked(), limit=LIMIT)
        except AnnotatorError as exc:
            self.model.set_hits([])
            self.summary.setText(str(exc))
            return
        self.model.set_hits(hits)
        docs = len({h.doc_id for h in hits})
        more = " (first results only)" if len(hits) >= LIMIT else ""
        self.summary.setText(f"{len(hits)} hit{'s' if len(hits) != 1 else ''} in {docs} document{'s' if docs != 1 else ''}{more}" if query else "")

    def focus(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        hit = self.model.data(index, SearchResultsModel.HIT_ROLE)
        if hit is not None:
            self.on_open(hit)
