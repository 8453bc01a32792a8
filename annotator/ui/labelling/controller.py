"""The labelling controller: selection, label keys, resizing, deleting, notes, linking, span navigation."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Signal

from annotator.core.model import Span
from annotator.project import ChangeSet
from annotator.ui import commands as cmd
from annotator.ui.document_view import snapping
from annotator.ui.document_view.view import DocumentView
from annotator.ui.labelling import linking
from annotator.ui.workspace import Workspace


class Labeller(QObject):
    selection_changed = Signal(object)  # the selected Span, or None
    link_mode_changed = Signal(bool)

    def __init__(self, workspace: Workspace, view: DocumentView, *, snap: bool = True) -> None:
        super().__init__(view)
        self.ws, self.view = workspace, view
        self.snap = snap
        self.selected: str | None = None
        self.link: linking.LinkSession | None = None
        view.span_clicked.connect(self._clicked)
        view.empty_clicked.connect(self._empty_click)
        view.tooltip_for = self.describe
        workspace.changed.connect(self._on_change)
        workspace.document_opened.connect(self._on_open)

    # selection --------------------------------------------------------------------------------
    @property
    def span(self) -> Span | None:
        return self.ws.spans.get(self.selected) if self.selected else None

    def select(self, span_id: str | None, *, reveal: bool = True) -> None:
        self.selected = span_id if span_id in self.ws.spans else None
        span = self.span
        related = {r.tail if r.head == span.id else r.head for r in self.ws.relations_of(span.id)} if span else set()
        self.view.set_highlight(selected=self.selected, related=related)
        if span is not None and reveal:
            self.view.reveal(span.start)
        self.selection_changed.emit(span)

    def select_next(self, forward: bool = True) -> None:
        """Tab / Shift+Tab: the next or previous span (or, in link mode, the next candidate)."""
        if self.link is not None:
            chosen = self.link.cycle(forward)
            self._show_link()
            if chosen is not None:
                self.view.reveal(chosen.start)
            return
        span = self.span
        rng = self.view.selection_range()
        pos = rng[0] if rng else self.ws.positions.from_qt(self.view.textCursor().position())
        if forward:
            pos -= 1  # a span starting right at the cursor comes first
        nxt = self.view.index.neighbour(pos, forward=forward, current=span.id if span else None)
        if nxt is not None:
            self.view.clear_selection(nxt.start)
            self.select(nxt.id)

    def _clicked(self, span_id: str) -> None:
        if self.link is not None:
            if self.link.choose(span_id):
                self.confirm()
                return
            self.cancel()
        self.select(span_id, reveal=False)

    def _empty_click(self) -> None:
        if self.link is not None:
            self.cancel()
        self.select(None)

    def describe(self, span: Span) -> str:
        """Tooltip text: label, note, and what it is linked to."""
        esc = html.escape
        lines = [f"<b>{esc(span.label)}</b> — “{esc(_short(span.text_in(self.ws.doc.text if self.ws.doc else '')))}”"]
        if span.note:
            lines.append(f"<i>Note:</i> {esc(span.note)}")
        for rel in self.ws.relations_of(span.id):
            other = self.ws.spans.get(rel.tail if rel.head == span.id else rel.head)
            if other is not None:
                arrow = "→" if rel.head == span.id else "←"
                lines.append(f"{esc(rel.label)} {arrow} “{esc(_short(other.text_in(self.ws.doc.text)))}”")
        return "<br>".join(lines)

    # labelling --------------------------------------------------------------------------------
    def apply_label(self, label: str) -> bool:
        """A label key: new span over the text selection, or relabel the selected span."""
        if self.ws.doc is None:
            return False
        rng = self.view.selection_range()
        if rng is not None:
            start, end = rng
            if self.snap and not self.view.exact_drag:
                start, end = snapping.snap(self.ws.doc.text, start, end)
            else:
                start, end = snapping.cluster_bounds(self.ws.doc.text, start, end)
            if start >= end:
                return False
            command = cmd.AddSpan(self.ws, start=start, end=end, label=label)
            if self.ws.execute(command):
                self.view.clear_selection(end)
                self.select(command.span.id, reveal=False)
                return True
            return False
        span = self.span
        if span is None:
            self.ws.notice.emit("Select some text first (mouse, or Shift+arrows), then press a label key.")
            return False
        if span.label == label:
            return False
        return self.ws.execute(cmd.RelabelSpan(self.ws, span, label))

    def delete(self) -> bool:
        span = self.span
        if span is None:
            return False
        return self.ws.execute(cmd.DeleteSpans(self.ws, [span]))

    def resize(self, how: str) -> bool:
        """how: grow_end, shrink_end, grow_start or shrink_start (by one word)."""
        span = self.span
        if span is None or self.ws.doc is None:
            return False
        text = self.ws.doc.text
        start, end = span.start, span.end
        if how.endswith("_end"):
            end = getattr(snapping, how)(text, start, end)
        else:
            start = getattr(snapping, how)(text, start, end)
        if (start, end) == (span.start, span.end) or start >= end:
            return False
        return self.ws.execute(cmd.ResizeSpan(self.ws, span, start, end))

    def set_note(self, note: str) -> bool:
        span = self.span
        if span is None or span.note == note:
            return False
        return self.ws.execute(cmd.EditNote(self.ws, span, note))

    # linking ----------------------------------------------------------------------------------
    def start_link(self, label: str) -> bool:
        span = self.span
        if span is None:
            self.ws.notice.emit("Select a claim (Tab cycles through spans), then press the link key.")
            return False
        if self.ws.readonly:
            self.ws.notice.emit(f"The layer {self.ws.layer!r} is read-only here.")
            return False
        schema = self.ws.schema
        linkable = [self.ws.spans[b[3]] for b in self.ws.spans.briefs() if schema.group_of(b[2]) in linking.GROUPS]
        session = linking.start(schema, span, linkable, label)
        if session is None:
            self.ws.notice.emit(f"A {span.label} is not linked; links go from a claim to a source.")
            return False
        if not session.candidates:
            wanted = "claim" if session.anchor_is_source else "source"
            self.ws.notice.emit(f"No {wanted} in this document yet: mark one first.")
            return False
        self.link = session
        self._show_link()
        self.link_mode_changed.emit(True)
        self.ws.notice.emit(f"Linking {label}: Tab / Shift+Tab choose, Enter confirms, Esc cancels.")
        return True

    def confirm(self) -> bool:
        session = self.link
        if session is None:
            return False
        pair = session.head_tail()
        self._end_link()
        if pair is None:
            return False
        head, tail = pair
        if any((r.head, r.tail, r.label) == (head, tail, session.label) for r in self.ws.relations.values()):
            self.ws.notice.emit("Already linked.")
            return False
        ok = self.ws.execute(cmd.Link(self.ws, head=head, tail=tail, label=session.label))
        self.select(session.anchor.id, reveal=False)
        return ok

    def cancel(self) -> None:
        if self.link is not None:
            self._end_link()
            self.ws.notice.emit("Linking cancelled.")
        elif self.selected is not None:
            self.select(None)

    def unlink(self) -> bool:
        span = self.span
        if span is None:
            return False
        relations = self.ws.relations_of(span.id)
        if not relations:
            return False
        return self.ws.execute(cmd.Unlink(self.ws, relations))

    def _show_link(self) -> None:
        if self.link is None:
            self.view.set_candidates([], None)
            return
        chosen = self.link.chosen
        self.view.set_candidates([s.id for s in self.link.candidates], chosen.id if chosen else None)

    def _end_link(self) -> None:
        self.link = None
        self.view.set_candidates([], None)
        self.link_mode_changed.emit(False)

    # keeping the view in step with the project ---------------------------------------------------
    def _on_open(self) -> None:
        self.link = None
        self.selected = None
        self.view.load(self.ws.doc.text, self.ws.spans, self.ws.positions)
        self.selection_changed.emit(None)

    def _on_change(self, change: ChangeSet) -> None:
        if self.ws.doc is None or change.doc_id != self.ws.doc.id or change.layer != self.ws.layer:
            return
        for span in change.spans_removed:
            self.view.remove_span(span.id)
        for span in change.spans_added:
            self.view.add_span(span)
        for before, after in change.spans_updated:
            self.view.update_span(before, after)
        self.select(self.selected, reveal=False)


def _short(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
