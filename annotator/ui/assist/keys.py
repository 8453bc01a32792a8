"""Reviewing suggestions by keyboard on a document view.

Tab / Shift+Tab move to the next / previous pending suggestion (it is selected in the view),
Enter accepts it (a claim with its sources, links and cue), Backspace rejects it, Shift+Enter
accepts every pending suggestion of its sentence, Escape leaves suggestion review. Keys are only
taken while a suggestion is current, so the view's own keys keep working otherwise.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from annotator import project as service
from annotator.core.model import Span
from annotator.core.offsets import Utf16Map


class SuggestionKeys(QObject):
    """An event filter for a QPlainTextEdit showing one document; accept/reject go to `layer`."""

    changed = Signal(object)  # a ChangeSet: push it on the undo stack and refresh the highlights
    currentChanged = Signal(object)  # the current suggestion (a Span) or None

    def __init__(self, project: service.Project, view: QPlainTextEdit, *, doc_id: str, layer: str,
                 from_layer: str = "suggested") -> None:
        super().__init__(view)
        self.project, self.view, self.doc_id, self.layer, self.from_layer = project, view, doc_id, layer, from_layer
        self._map = Utf16Map(service.document(project, doc_id).text)
        self.current: Span | None = None
        self.pending: list[Span] = []
        self.refresh()
        view.installEventFilter(self)

    def refresh(self) -> None:
        """Reload the pending suggestions (after an undo, or another edit of the layer)."""
        spans = service.pending_suggestions(self.project, doc_id=self.doc_id, layer=self.layer, from_layer=self.from_layer)
        self.pending = sorted(spans, key=lambda s: (s.start, -s.end, s.label))
        if self.current is not None and all(s.id != self.current.id for s in self.pending):
            self._set_current(None)

    # moving -----------------------------------------------------------------------------------
    def next(self) -> Span | None:
        """Select the pending suggestion after the current one (wrapping round), or the first."""
        if not self.pending:
            self._set_current(None)
            return None
        index = next((i for i, s in enumerate(self.pending) if self.current and s.id == self.current.id), -1)
        self._set_current(self.pending[(index + 1) % len(self.pending)])
        return self.current

    def previous(self) -> Span | None:
        if not self.pending:
            self._set_current(None)
            return None
        index = next((i for i, s in enumerate(self.pending) if self.current and s.id == self.current.id), 0)
        self._set_current(self.pending[index - 1])
        return self.current

    def _set_current(self, span: Span | None) -> None:
        self.current = span
        if span is not None:
            cursor = self.view.textCursor()
            cursor.setPosition(self._map.to_utf16(span.start))
            cursor.setPosition(self._map.to_utf16(span.end), QTextCursor.MoveMode.KeepAnchor)
            self.view.setTextCursor(cursor)
            self.view.ensureCursorVisible()
        self.currentChanged.emit(span)

    # deciding ---------------------------------------------------------------------------------
    def accept(self) -> None:
        if self.current is None:
            return
        self._apply(service.accept_suggestion(self.project, span_id=self.current.id, layer=self.layer))

    def reject(self) -> None:
        if self.current is None:
            return
        self._apply(service.reject_suggestion(self.project, span_id=self.current.id))

    def accept_sentence(self) -> None:
        if self.current is None:
            return
        here = service.suggestions_in_sentence(
            self.project, doc_id=self.doc_id, span_id=self.current.id, layer=self.layer, from_layer=self.from_layer,
        )
        self._apply(service.accept_suggestions(self.project, span_ids=[s.id for s in here], layer=self.layer))

    def _apply(self, change) -> None:
        position = self.current
        self.refresh()
        self.changed.emit(change)
        ahead = [s for s in self.pending if position is None or s.start >= position.start]
        self._set_current(ahead[0] if ahead else (self.pending[0] if self.pending else None))

    # keys -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Tab and not shift:
            self.next()
            return True
        if key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
            self.previous()
            return True
        if self.current is None:
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if shift:
                self.accept_sentence()
            else:
                self.accept()
            return True
        if key == Qt.Key.Key_Backspace:
            self.reject()
            return True
        if key == Qt.Key.Key_Escape:
            self._set_current(None)
            return True
        return False
