"""`SuggestionKeys` on the main window's document view: decisions become undoable commands, and the
keys are shared with the labelling keys by one rule (also in the F1 sheet):

- Tab / Shift+Tab step through the pending suggestions while any are shown and no link is being
  made; otherwise they keep their labelling meaning (next span, next link target).
- Enter, Shift+Enter, Backspace and Escape act on a suggestion only while one is current (after Tab,
  or a click on a ghost, until the cursor moves off it); otherwise Enter confirms a link, Backspace deletes the selected span and
  Escape cancels, as before.
- Ctrl, Alt or Meta with any of these is never taken (Ctrl+Enter is "done, next").

The keys are claimed at ShortcutOverride, the event Qt sends before it triggers a shortcut, so the
view-wide shortcuts of the same keys stay in the action table and fire whenever this rule declines.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

import annotator.project as svc
from annotator.core.model import Span
from annotator.core.offsets import Utf16Map
from annotator.project.suggesting import DEFAULT_LAYER as SUGGESTION_LAYER
from annotator.ui.assist import SuggestionKeys
from annotator.ui.features.commands import AcceptSuggestions, RejectSuggestion
from annotator.ui.features.pending import PendingSuggestions

K = Qt.Key
TAKEN = (K.Key_Return, K.Key_Enter, K.Key_Backspace, K.Key_Escape)
NOT_OURS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class WorkspaceSuggestionKeys(SuggestionKeys):
    """Follows the workspace's open document; accepts into the annotator's own layer via the undo stack."""

    def __init__(self, workspace, view, labeller, *, from_layer: str = SUGGESTION_LAYER, shown: bool = True) -> None:
        self.ws, self.labeller = workspace, labeller
        self.shown = shown  # View > Show suggestions
        self.runs = 0  # how often the engine ran in this window (see RejectSuggestion)
        self.model = PendingSuggestions()
        super().__init__(workspace.project, view, doc_id=workspace.doc.id, layer=workspace.user, from_layer=from_layer)
        labeller.selection_changed.connect(self._span_selected)
        view.cursorPositionChanged.connect(self._cursor_moved)
        view.selectionChanged.connect(self._cursor_moved)

    @property
    def active(self) -> bool:
        return self.shown and self.ws.doc is not None and not self.ws.readonly

    def retarget(self) -> None:
        """The workspace opened another document or layer."""
        self.current = None
        if self.ws.doc is not None:
            self.doc_id, self.layer = self.ws.doc.id, self.ws.user
            self._map = Utf16Map(self.ws.doc.text)
        self.refresh()

    def refresh(self) -> None:
        """Read the open document's suggestions again (on opening it, after a run of the engine)."""
        if not self.active:
            self.model.clear()
        else:
            held = ((b[0], b[1], b[2]) for b in self.ws.spans.briefs())
            self.model.load(svc.spans(self.project, doc_id=self.doc_id, layer=self.from_layer), held)
        self._pending_moved()

    def apply(self, change) -> tuple[list[Span], list[Span]]:
        """Follow an edit of the annotator's or the suggestion layer: (ghosts to add, ghosts to remove)."""
        if not self.active:
            return [], []
        moved = self.model.apply(change, layer=self.layer, from_layer=self.from_layer)
        self._pending_moved()
        return moved

    def _pending_moved(self) -> None:
        self.pending = self.model.pending
        if self.current is not None and not self.model.is_pending(self.current):
            self._set_current(None)

    # moving: from where the cursor is when nothing is current -----------------------------------
    def _cursor(self) -> int:
        return self._map.from_utf16(self.view.textCursor().selectionStart())

    def next(self) -> Span | None:
        if self.current is None and self.pending:
            starts = [s.start for s in self.pending]
            i = bisect_left(starts, self._cursor())
            self._set_current(self.pending[i % len(self.pending)])
            return self.current
        return super().next()

    def previous(self) -> Span | None:
        if self.current is None and self.pending:
            starts = [s.start for s in self.pending]
            self._set_current(self.pending[bisect_left(starts, self._cursor()) - 1])
            return self.current
        return super().previous()

    def choose_at(self, position: int) -> Span | None:
        """A click on a ghost makes it current (the shortest one there); elsewhere, none is."""
        here = [s for s in self.pending if s.start <= position < s.end]
        self._set_current(min(here, key=lambda s: s.end - s.start) if here else None, select_text=bool(here))
        return self.current

    def _set_current(self, span: Span | None, select_text: bool = True) -> None:
        if span is not None and self.labeller.selected is not None:
            self.labeller.select(None, reveal=False)  # one thing is "current" at a time
        if span is None or select_text:
            super()._set_current(span)
        else:
            self.current = span
            self.currentChanged.emit(span)

    def _cursor_moved(self) -> None:
        """Moving the cursor off the current suggestion leaves it: Enter then means what it usually does."""
        if self.current is None:
            return
        cursor = self.view.textCursor()
        here = (self._map.from_utf16(cursor.selectionStart()), self._map.from_utf16(cursor.selectionEnd()))
        if here != (self.current.start, self.current.end):
            self.current = None
            self.currentChanged.emit(None)

    def _span_selected(self, span) -> None:
        if span is not None and self.current is not None:
            self.current = None
            self.currentChanged.emit(None)

    # deciding: through the workspace, so that each decision is one undoable command --------------
    def accept(self) -> None:
        if self.current is not None:
            self._decide(AcceptSuggestions(self.ws, [self.current.id], f"Accept suggested {self.current.label}"))

    def reject(self) -> None:
        if self.current is not None:
            self._decide(RejectSuggestion(self.ws, self.current.id, self.current.label, lambda: self.runs))

    def accept_sentence(self) -> None:
        if self.current is None:
            return
        here = svc.suggestions_in_sentence(self.project, doc_id=self.doc_id, span_id=self.current.id,
                                           layer=self.layer, from_layer=self.from_layer)
        ids = [s.id for s in here] or [self.current.id]
        self._decide(AcceptSuggestions(self.ws, ids, f"Accept {len(ids)} suggestion(s) in the sentence"))

    def _decide(self, command) -> None:
        position = self.current
        if not self.ws.execute(command):  # refused (read-only, busy) or failed: shown by the workspace
            return
        # the workspace's change signal has moved the pending list (see SuggestionsFeature._on_change)
        ahead = [s for s in self.pending if position is None or s.start >= position.start]
        self._set_current(ahead[0] if ahead else (self.pending[0] if self.pending else None))

    # keys -----------------------------------------------------------------------------------
    def takes(self, event: QKeyEvent) -> bool:
        if event.modifiers() & NOT_OURS or self.labeller.link is not None or not self.active:
            return False
        if event.key() in (K.Key_Tab, K.Key_Backtab):
            return bool(self.pending)
        return self.current is not None and event.key() in TAKEN

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not isinstance(event, QKeyEvent):
            return False
        if not self.takes(event):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to us as a KeyPress instead of triggering a shortcut
            return True
        return super().eventFilter(watched, event)
