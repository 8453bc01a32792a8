"""The current document's spans and links as a table model, kept in step with edits row by row."""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor

from annotator.core.model import Span
from annotator.project import ChangeSet
from annotator.ui.table_model import Index, ListTableModel
from annotator.ui import commands as cmd
from annotator.ui.plain import tip
from annotator.ui.span_map import SpanMap
from annotator.ui.workspace import Workspace

COLUMNS = ("Label", "Text", "Start", "End", "Links", "Note")


def _key(span: Span) -> tuple:
    return (span.start, span.end, span.label, span.id)  # the same order as SpanMap.briefs() sorted


class SpanTableModel(ListTableModel):
    columns = COLUMNS
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._keys: list[tuple] = []  # (start, end, label, id) of each row, sorted; Spans come from the workspace
        self._stale = False
        workspace.document_opened.connect(self._document_opened)
        workspace.changed.connect(self.apply_change)
        workspace.schema_changed.connect(self.reload)
        self.reload()

    def _document_opened(self) -> None:
        """Empty at once, filled right after the text's first paint (sorting 50k rows takes a while)."""
        self.beginResetModel()
        self._keys, self._stale = [], True
        self.endResetModel()
        QTimer.singleShot(0, self.ensure_loaded)

    def ensure_loaded(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._keys = sorted(self.ws.spans.briefs()) if isinstance(self.ws.spans, SpanMap) else sorted(map(_key, self.ws.spans.values()))
        self._stale = False
        self.endResetModel()

    def row_of(self, span_id: str) -> int:
        self.ensure_loaded()
        span = self.ws.spans.get(span_id)
        if span is None:
            return -1
        i = bisect_left(self._keys, _key(span))
        return i if i < len(self._keys) and self._keys[i][3] == span_id else -1

    def span_at(self, row: int) -> Span:
        return self.ws.spans[self._keys[row][3]]

    def _remove(self, span: Span) -> None:
        i = bisect_left(self._keys, _key(span))
        if i < len(self._keys) and self._keys[i][3] == span.id:
            self.beginRemoveRows(QModelIndex(), i, i)
            del self._keys[i]
            self.endRemoveRows()

    def _insert(self, span: Span) -> None:
        i = bisect_left(self._keys, _key(span))
        self.beginInsertRows(QModelIndex(), i, i)
        self._keys.insert(i, _key(span))
        self.endInsertRows()

    def apply_change(self, change: ChangeSet) -> None:
        if self.ws.doc is None or change.doc_id != self.ws.doc.id or change.layer != self.ws.layer:
            return
        if self._stale:  # the workspace already holds this change: a fresh load includes it
            self.reload()
            return
        for span in change.spans_removed:
            self._remove(span)
        for before, after in change.spans_updated:
            self._remove(before)
            self._insert(after)
        for span in change.spans_added:
            self._insert(span)
        touched = {r.head for r in change.relations_added + change.relations_removed}
        touched |= {r.tail for r in change.relations_added + change.relations_removed}
        for span_id in touched:
            row = self.row_of(span_id)
            if row >= 0:
                self.dataChanged.emit(self.index(row, 4), self.index(row, 4))

    # Qt model API -----------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._keys)

    def links_text(self, span: Span) -> str:
        parts = []
        text = self.ws.doc.text if self.ws.doc else ""
        for rel in self.ws.relations_of(span.id):
            other = self.ws.spans.get(rel.tail if rel.head == span.id else rel.head)
            if other is not None:
                arrow = "→" if rel.head == span.id else "←"
                snippet = " ".join(other.text_in(text).split())
                parts.append(f"{rel.label} {arrow} {snippet[:30]}{'…' if len(snippet) > 30 else ''}")
        return "; ".join(parts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._keys)):
            return None
        span, col = self.span_at(index.row()), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == 0:
                return span.label
            if col == 1:
                text = " ".join(span.text_in(self.ws.doc.text if self.ws.doc else "").split())
                return text if len(text) <= 120 or role == Qt.ItemDataRole.EditRole else text[:119] + "…"
            return (None, None, span.start, span.end, self.links_text(span), span.note)[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            entry = self.ws.schema.get(span.label)
            return QColor(entry.color if entry else "#999999")
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 4, 5):
            return tip(str(self.data(index)))  # span text, links, note: shown literally
        if role == self.ID_ROLE:
            return span.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == 0 and not self.ws.readonly:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        """Inline relabel: an undoable command through the workspace."""
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.EditRole:
            return False
        span = self.span_at(index.row())
        entry = self.ws.schema.get(str(value))
        if entry is None or entry.kind != "span" or span.label == value:
            return False
        return self.ws.execute(cmd.RelabelSpan(self.ws, span, str(value)))
