"""The review session window: walk the units of disagreement by keyboard and build the gold layer.

Keys: 1–9 take a variant, 0 rejects all, E edits the unit in place (Enter saves, Esc cancels),
A accepts every agreed unit of the document, N / P (or → / ←) move to the next / previous unit.
All data changes go through `annotator.project` (ReviewSession and the decision services).
"""

from __future__ import annotations

import html
from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit, QProgressBar, QSplitter, QStackedWidget,
                               QTextEdit, QVBoxLayout, QWidget)

from annotator.core.errors import AnnotatorError
from annotator.core.offsets import Utf16Map
from annotator.project import Project, ReviewSession
from annotator.review.units import Unit
from annotator.ui.plain import plain_label
from annotator.ui.review.editor import UnitEditor
from annotator.ui.review.variants import VariantsPanel

HINTS = ("<b>1–9</b> take a variant · <b>0</b> reject all · <b>E</b> edit in place · "
         "<b>A</b> accept all agreed units · <b>N</b>/<b>P</b> next / previous")
UNIT_BACKGROUND = QColor("#fff2a8")
GOLD_UNDERLINE = QColor("#2563eb")
NUMBER_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class ReviewSessionWindow(QWidget):
    gold_changed = Signal(str)  # doc id whose gold layer changed
    session_finished = Signal(dict)  # the summary, when every unit of the queue is decided

    def __init__(
        self, project: Project, parent: QWidget | None = None, *, layers: Sequence[str] | None = None,
        blind: bool = False, session: ReviewSession | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.project = project
        self.session = session or ReviewSession(project, layers=layers, blind=blind)
        self.setWindowTitle(f"Review — {project.path.name}" + (" (blind)" if self.session.blind else ""))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.progress = QProgressBar()
        self.progress.setFormat("%v / %m units decided")
        self.progress.setMinimumWidth(240)
        self.rate = QLabel()
        self.error = plain_label()  # refusals quote labels and layers
        self.error.setStyleSheet("color: #b91c1c")
        self.view = QPlainTextEdit()
        self.view.setReadOnly(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window keeps the keyboard; mouse selection still works
        self.view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.variants = VariantsPanel()
        self.editor = UnitEditor([lab.name for lab in project.schema.span_labels])
        self.editor.hide()
        self.editor.saved.connect(self._save_edit)
        self.editor.cancelled.connect(self._cancel_edit)
        self.view.selectionChanged.connect(self._selection_to_editor)
        self.hints = QLabel(HINTS)
        self.hints.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._build()
        self._doc_shown: str | None = None
        self._map: Utf16Map | None = None
        self.resize(1100, 760)
        self.refresh()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.rate)
        top.addWidget(self.progress)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.variants, 1)
        lower_layout.addWidget(self.editor, 1)
        split.addWidget(lower)
        split.setSizes([380, 320])
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(split, 1)
        column.addWidget(self.error)
        column.addWidget(self.hints)
        self.stack = QStackedWidget()
        self.stack.addWidget(page)
        self.stack.addWidget(self.summary)
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack)

    # showing ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        s = self.session
        done, total = s.progress
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.rate.setText(f"{s.units_per_minute():.1f} units/min")
        if s.review is None:
            self.header.setText("<b>Nothing to review</b>: no annotator layer has marked a document done yet.")
            self.variants.show_unit(None, "", self.project.schema, s.who, [], "", None)
            return
        review, unit = s.review, s.unit
        entry = s.queue[s.doc_index]
        if self._doc_shown != review.document.id:
            self.view.setPlainText(review.document.text)
            self._map = Utf16Map(review.document.text)
            self._doc_shown = review.document.id
        disputed = sum(not u.agreed for u in review.units)
        where = (f"unit {s.unit_index + 1}/{len(review.units)} ({disputed} disputed, "
                 f"{len(review.units) - disputed} agreed, {len(review.decisions)} decided)") if unit else "no units"
        state = ""
        if unit is not None:
            state = "agreed" if unit.agreed else "disputed"
            decision = review.decisions.get(unit.id)
            state += f", decided ({decision['action']})" if decision else ", open"
        self.header.setText(
            f"<b>{html.escape(review.document.title)}</b> — document {s.doc_index + 1}/{len(s.queue)} · "
            f"disagreement {entry.disagreement:.2f} · {where}<br>this unit: <b>{state}</b> · "
            f"gold {html.escape(review.gold_status)}"
        )
        gold = review.gold_in(unit) if unit else []
        decision = review.decisions.get(unit.id) if unit else None
        self.variants.show_unit(unit, review.document.text, self.project.schema, s.who, gold,
                                self._absent_text(unit), decision["action"] if decision else None)
        self._highlight(unit, gold)

    def _absent_text(self, unit: Unit | None) -> str:
        if unit is None or not unit.absent:
            return ""
        if self.session.blind:
            return f"<i>{len(unit.absent)} annotator(s) marked nothing here (0 rejects all).</i>"
        return f"<i>No span here: {html.escape(', '.join(unit.absent))} (0 rejects all).</i>"

    def _highlight(self, unit: Unit | None, gold: list) -> None:
        selections = []
        if unit is not None and self._map is not None:
            selections.append(self._selection(unit.start, unit.end, background=UNIT_BACKGROUND))
            for span in gold:
                selections.append(self._selection(span.start, span.end, underline=GOLD_UNDERLINE))
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(self._map.to_utf16(unit.start))
            self.view.setTextCursor(cursor)
            self.view.centerCursor()
        # A handful of selections for the current unit only, never one per span of the document.
        self.view.setExtraSelections(selections)

    def _selection(self, start: int, end: int, *, background: QColor | None = None,
                   underline: QColor | None = None) -> QTextEdit.ExtraSelection:
        assert self._map is not None
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        if background is not None:
            fmt.setBackground(background)
        if underline is not None:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(underline)
            fmt.setFontUnderline(True)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    # actions ---------------------------------------------------------------------------------
    def _run(self, action, *args) -> None:
        """Run a session action; a refused one is shown, never raised into Qt."""
        self.error.clear()
        doc_id = self.session.review.document.id if self.session.review else None
        try:
            action(*args)
        except (AnnotatorError, IndexError) as exc:
            self.error.setText(str(exc))
            return
        if doc_id is not None:
            self.gold_changed.emit(doc_id)
        self.refresh()
        if self.session.at_end:
            self.show_summary()

    def take(self, number: int) -> None:
        unit = self.session.unit
        if unit is None or number > len(unit.variants):
            self.error.setText(f"there is no variant {number} here")
            return
        self._run(self.session.take, number)

    def reject(self) -> None:
        if self.session.unit is not None:
            self._run(self.session.reject)

    def accept_agreed(self) -> None:
        if self.session.review is not None:
            self._run(self.session.accept_agreed)

    def move(self, forward: bool) -> None:
        self.error.clear()
        if self.stack.currentIndex() == 1:
            self.stack.setCurrentIndex(0)
            return
        moved = self.session.next() if forward else self.session.previous()
        self.refresh()
        if not moved and forward:
            self.show_summary()

    def start_edit(self) -> None:
        s = self.session
        unit = s.unit
        if unit is None or s.review is None:
            return
        gold = s.review.gold_in(unit)
        base = unit.variants[0] if unit.variants else None
        keys = [g.key for g in gold] if s.review.decided(unit) else list(base.spans if base else [])
        relations = [r for v in unit.variants for r in v.relations]
        self.editor.start(s.review.document.text, keys, list(dict.fromkeys(relations)), (unit.start, unit.end))
        self.variants.hide()
        self.editor.show()
        self.editor.table.setFocus()

    def _save_edit(self, spans: list, relations: list) -> None:
        self._cancel_edit()
        self._run(self.session.edit, spans, relations)

    def _cancel_edit(self) -> None:
        self.editor.hide()
        self.variants.show()
        self.setFocus()

    def _selection_to_editor(self) -> None:
        cursor = self.view.textCursor()
        if self._map is not None and cursor.hasSelection():
            self.editor.selection = (self._map.from_utf16(cursor.selectionStart()), self._map.from_utf16(cursor.selectionEnd()))

    def show_summary(self) -> None:
        info = self.session.summary()
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(info["decisions"].items())) or "none"
        self.summary.setText(
            "<h2>Review summary</h2>"
            f"<p>{info['units_decided']} of {info['units']} units decided in {info['documents']} document(s); "
            f"{info['documents_finished']} document(s) finished in this session (gold marked done).</p>"
            f"<p>Decisions: {kinds}.<br>{info['minutes']} minutes, {info['units_per_minute']} units per minute.</p>"
            "<p style='color:gray'>P goes back to the units.</p>"
        )
        self.stack.setCurrentIndex(1)
        self.session_finished.emit(info)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.editor.isVisible():
            super().keyPressEvent(event)
            return
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            super().keyPressEvent(event)
        elif key in NUMBER_KEYS and NUMBER_KEYS[key] > 0:
            self.take(NUMBER_KEYS[key])
        elif key == Qt.Key.Key_0:
            self.reject()
        elif key == Qt.Key.Key_E:
            self.start_edit()
        elif key == Qt.Key.Key_A:
            self.accept_agreed()
        elif key in (Qt.Key.Key_N, Qt.Key.Key_Right):
            self.move(True)
        elif key in (Qt.Key.Key_P, Qt.Key.Key_Left):
            self.move(False)
        else:
            super().keyPressEvent(event)
