"""Suggestions in the main window: run the engine, draw pending suggestions as ghosts over the
annotator's own layer, and review them by keyboard (see suggestion_keys for the key rule)."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

import annotator.project as svc
from annotator.core.model import Span
from annotator.project import ChangeSet
from annotator.project.suggesting import DEFAULT_LAYER as SUGGESTION_LAYER
from annotator.ui.actions import ActionSpec as A
from annotator.ui.features.suggestion_keys import WorkspaceSuggestionKeys

KEY_NOTES = [
    ("Suggestions", "Next / previous suggestion (while suggestions are shown and no link is open)", "Tab / Shift+Tab"),
    ("Suggestions", "Accept the current suggestion, with its source, link and cue", "Enter"),
    ("Suggestions", "Accept every suggestion in its sentence", "Shift+Enter"),
    ("Suggestions", "Reject the current suggestion", "Backspace"),
    ("Suggestions", "Leave the suggestion (Tab, Enter, Backspace, Esc work on spans again)", "Esc"),
]


class SuggestionsFeature(QObject):
    def __init__(self, window, *, from_layer: str = SUGGESTION_LAYER) -> None:
        super().__init__(window)
        self.window, self.ws, self.view = window, window.workspace, window.view
        self.from_layer = from_layer
        self.keys: WorkspaceSuggestionKeys | None = None
        self.last_report: svc.SuggestReport | None = None
        self.view.ghost_tooltip_for = self.describe
        self.ws.document_opened.connect(self._on_open)
        self.ws.changed.connect(self._on_change)
        window.add_feature("suggestions", target=self, actions=[
            A("annotate.suggest", "Suggest &annotations", ("Ctrl+Shift+A",), "suggest_document", "Annotate",
              help="Propose claims, sources, cues and links for this document (shown as dashed ghosts)"),
            A("annotate.suggest_all", "Suggest annotations in all documents", (), "suggest_all", "Annotate"),
            A("view.suggestions", "Show &suggestions", ("Ctrl+Shift+H",), "set_shown", "View", checkable=True,
              help="Draw pending suggestions over your layer and review them with Tab / Enter / Backspace"),
        ])
        window.actions_by_id["view.suggestions"].setChecked(True)
        window.key_notes += KEY_NOTES

    # running the engine ----------------------------------------------------------------------
    def suggest_document(self) -> None:
        if self.ws.doc is not None:
            self._run(self.ws.doc.id)

    def suggest_all(self) -> None:
        self._run(None)

    def _run(self, doc_id: str | None) -> None:
        project = self.ws.project
        if project.readonly:
            self.ws.notice.emit("This project is open read-only.")
            return
        self.window.jobs.run(
            "Suggesting annotations",
            lambda progress: svc.suggest(project, layer=self.from_layer, doc_id=doc_id, progress=progress),
            done=self._done, failed=lambda message: self.ws.notice.emit(f"Suggesting failed: {message}"),
        )

    def _done(self, report: svc.SuggestReport, cancelled: bool) -> None:
        self.last_report = report
        if self.keys is not None:
            self.keys.runs += 1
        self.refresh()
        pending = len(self.keys.pending) if self.keys else 0
        self.window.statusBar().showMessage(
            f"{'Cancelled: ' if cancelled else ''}{report.spans} suggestion(s) in {len(report.documents)} document(s); "
            f"{pending} pending here — Tab to the first, Enter accepts, Backspace rejects.", 10000)

    # ghosts and keys ---------------------------------------------------------------------------
    def set_shown(self, shown: bool) -> None:
        if self.keys is not None:
            self.keys.shown = shown
        self.refresh()

    def refresh(self) -> None:
        """Re-read the pending suggestions of the open document and redraw them."""
        if self.keys is not None:
            self.keys.refresh()
            self._draw()

    def _draw(self) -> None:
        keys = self.keys
        self.window.show_ghost_spans(keys.pending)
        self.view.set_ghost_current(keys.current.id if keys.current else None)

    def _on_open(self) -> None:
        if self.ws.doc is None:
            return
        if self.keys is None:  # made on the first document: SuggestionKeys follows one document
            self.keys = WorkspaceSuggestionKeys(self.ws, self.view, self.window.labeller, from_layer=self.from_layer,
                                                shown=self.window.actions_by_id["view.suggestions"].isChecked())
            self.keys.currentChanged.connect(self._current_changed)
            self.view.empty_clicked.connect(self._clicked_outside_spans)
        else:
            self.keys.retarget()
        self._draw()

    def _on_change(self, change: ChangeSet) -> None:
        keys = self.keys
        if keys is None or self.ws.doc is None or change.doc_id != self.ws.doc.id:
            return
        shown, hidden = keys.apply(change)
        if shown or hidden:
            self.view.update_ghosts(added=shown, removed=hidden)
        self.view.set_ghost_current(keys.current.id if keys.current else None)

    def _clicked_outside_spans(self) -> None:
        if self.keys is not None and self.keys.active:
            rng = self.view.selection_range()
            if rng is None:
                self.keys.choose_at(self.view.positions.from_qt(self.view.textCursor().position()))

    def _current_changed(self, span: Span | None) -> None:
        self.view.set_ghost_current(span.id if span else None)
        if span is not None and self.keys is not None:
            n = next((i for i, s in enumerate(self.keys.pending) if s.id == span.id), 0) + 1
            self.window.statusBar().showMessage(
                f"Suggestion {n} of {len(self.keys.pending)}: {self._summary(span)} — Enter accepts, "
                "Shift+Enter accepts the sentence, Backspace rejects, Esc leaves", 0)
        else:
            self.window.statusBar().clearMessage()

    def _summary(self, span: Span) -> str:
        rule, confidence = span.attrs.get("rule"), span.attrs.get("confidence")
        extra = ", ".join(x for x in (f"rule {rule}" if rule else "",
                                       f"confidence {confidence:.2f}" if isinstance(confidence, (int, float)) else "") if x)
        return f"{span.label}" + (f" ({extra})" if extra else "")

    def describe(self, span: Span) -> str:
        """Tooltip of a ghost."""
        text = self.ws.doc.text[span.start:span.end] if self.ws.doc else ""
        short = " ".join(text.split())
        short = short if len(short) <= 80 else short[:79] + "…"
        return (f"<b>suggested {html.escape(self._summary(span))}</b> — “{html.escape(short)}”<br>"
                "<i>Tab to it (or click it), Enter accepts, Backspace rejects</i>")
