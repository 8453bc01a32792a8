"""Repeated passages: bars in the text's left margin beside each repeated paragraph or block (the
tooltip names the twins), and an undoable action that copies the layer's labels to identical twins."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

import annotator.project as svc
from annotator.project import Repeat
from annotator.ui.actions import ActionSpec as A
from annotator.ui.document_view.margin import MarginMark
from annotator.ui.features.commands import CopyToTwins

# Not label colours (Okabe-Ito): a slate violet, darker for whole blocks of paragraphs.
COLOURS = {"block": "#6d5fd3", "paragraph": "#a79ff0"}
LANES = {"block": 0, "paragraph": 1}


class RepeatsFeature(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.ws, self.view = window, window.workspace, window.view
        self.repeats: list[Repeat] = []
        self.ws.document_opened.connect(self.refresh)
        window.add_feature("repeats", target=self, actions=[
            A("annotate.copy_twins", "Copy labels to &repeated passages", ("Ctrl+Shift+P",), "copy_to_twins", "Annotate",
              help="Copy your spans in the repeated passage at the cursor to its identical twins (bars in the margin)"),
        ])

    def refresh(self) -> None:
        """Re-read the open document's repeated passages (after opening it, or after an import)."""
        doc = self.ws.doc
        self.repeats = svc.repeats(self.ws.project, doc_id=doc.id) if doc is not None else []
        titles = {d["id"]: str(d["meta"].get("title") or d["id"]) for d in svc.documents(self.ws.project)} if self.repeats else {}
        marks = []
        for rep in self.repeats:
            for start, end in rep.here:
                marks.append(MarginMark(start, end, COLOURS.get(rep.kind, COLOURS["paragraph"]),
                                        self._tooltip(rep, start, end, titles), LANES.get(rep.kind, 1)))
        self.view.set_margin_marks(marks)

    def _tooltip(self, rep: Repeat, start: int, end: int, titles: dict[str, str]) -> str:
        doc_id = self.ws.doc.id
        kind = "block of paragraphs" if rep.kind == "block" else "paragraph"
        others = [(doc_id, s, e, True) for s, e in rep.here if (s, e) != (start, end)]
        others += [(t.doc_id, t.start, t.end, t.identical) for t in rep.twins if (t.doc_id, t.start) not in
                   {(doc_id, s) for s, _ in rep.here}]
        lines = [f"<b>Repeated {kind}</b> (characters {start}–{end}); also:"]
        for other, s, e, identical in others:
            where = "this document" if other == doc_id else html.escape(f"{titles.get(other, other)[:50]} ({other})")
            lines.append(f"• {where}, characters {s}–{e}" + ("" if identical else " — similar, not identical"))
        lines.append("<i>Ctrl+Shift+P copies your labels here to the identical twins</i>")
        return "<br>".join(lines)

    def passage_at(self, position: int) -> tuple[Repeat, int] | None:
        """The largest repeated passage with an occurrence holding `position`, and that occurrence's start."""
        found = [(e - s, rep, s) for rep in self.repeats for s, e in rep.here if s <= position < e
                 and any(t.identical for t in rep.twins)]
        if not found:
            return None
        _, rep, start = max(found, key=lambda f: f[0])
        return rep, start

    def copy_to_twins(self) -> bool:
        ws = self.ws
        if ws.doc is None:
            return False
        span = self.window.labeller.span
        rng = self.view.selection_range()
        position = span.start if span else (rng[0] if rng else self.view.positions.from_qt(self.view.textCursor().position()))
        found = self.passage_at(position)
        if found is None:
            ws.notice.emit("The cursor is not in a repeated passage (they have a bar in the left margin).")
            return False
        rep, start = found
        command = CopyToTwins(ws, passage=rep.passage, start=start)
        ok = ws.execute(command)  # a failure (e.g. stale passages) is shown by the workspace, retryable
        if ok:
            added = len(command.added.spans_added) if command.added else 0
            ws.notice.emit(f"Copied {added} span(s) to {sum(t.identical for t in rep.twins)} identical twin(s)."
                           if added else "The twins already hold these labels.")
        return ok
