"""The document view: a read-only QPlainTextEdit that formats only the blocks on screen.

Spans live in a SpanIndex (code points). Before each paint, every visible block that is not yet
formatted for the current generation gets one QTextLayout format range per overlap segment
(background of the innermost span); `overlay.paint` then draws what formats cannot: bands under
nested spans, the selected span's outline, linked spans, link candidates and ghost spans.
"""

from __future__ import annotations

from typing import Callable, Iterable

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QRegion, QTextBlock, QTextCharFormat, QTextCursor, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from annotator.core.model import Span
from annotator.ui import theme as th
from annotator.ui.document_view import margin, overlay
from annotator.ui.document_view.index import SpanIndex
from annotator.ui.document_view.margin import MarginMark
from annotator.ui.offsets import TextPositions
from annotator.ui.plain import tip

class DocumentView(QPlainTextEdit):
    span_clicked = Signal(str)  # a click (no drag) on a span: its id
    empty_clicked = Signal()  # a click outside any span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(24)
        self.setMouseTracking(True)
        self.positions = TextPositions("")
        self.text = ""
        self.index = SpanIndex()
        self.ghosts = SpanIndex()
        self.ghost_current: str | None = None  # the ghost being reviewed: outlined solid
        self.ghost_tooltip_for: Callable[[Span], str] = lambda span: tip(f"suggested {span.label}")
        self.margin_marks: list[MarginMark] = []
        self.theme = "light"
        self._label_colours: dict[str, str] = {}
        self._formats: dict[str, QTextCharFormat] = {}
        self._generation = 0
        self._formatted: dict[int, int] = {}  # block number → generation it was formatted for
        self.segments: dict[int, list[tuple[int, int, list[Span]]]] = {}  # block number → (u16 start, end, spans)
        self.selected: str | None = None
        self.related: set[str] = set()
        self.candidates: list[str] = []
        self.candidate: str | None = None
        self.exact_drag = False  # the last mouse selection was made with Alt held: no snapping
        self.tooltip_for: Callable[[Span], str] = lambda span: tip(span.label)
        self._press: QPoint | None = None
        self._margins = (0, 0, 0, 0)

    # content ----------------------------------------------------------------------------------
    def load(self, text: str, spans: Iterable[Span], positions: TextPositions | None = None) -> None:
        """Show a document and its spans; scrolls to the top."""
        self.text = text
        self.positions = positions or TextPositions(text)
        self.index = SpanIndex(spans)
        self.ghosts = SpanIndex()
        self.ghost_current = None
        self.margin_marks = []
        self.selected, self.related, self.candidates, self.candidate = None, set(), [], None
        self._formatted.clear()
        self.segments.clear()
        self.setPlainText(text)

    def set_label_colours(self, colours: dict[str, str], theme: str) -> None:
        self._label_colours, self.theme = dict(colours), theme
        self._formats.clear()
        self.refresh()

    def label_colour(self, label: str) -> QColor:
        return QColor(self._label_colours.get(label, "#999999"))

    def refresh(self) -> None:
        """Re-format every block when next painted (colours or theme changed)."""
        self._generation += 1
        self.segments.clear()
        self.viewport().update()

    def add_span(self, span: Span) -> None:
        self.index.add(span)
        self._invalidate(span.start, span.end)

    def remove_span(self, span_id: str) -> None:
        span = self.index.remove(span_id)
        if span is not None:
            self._invalidate(span.start, span.end)

    def update_span(self, before: Span, after: Span) -> None:
        self.index.remove(before.id)
        self.index.add(after)
        self._invalidate(min(before.start, after.start), max(before.end, after.end))

    def set_ghost_spans(self, spans: Iterable[Span]) -> None:
        """Extra spans drawn dashed and faded (suggestions, another layer); never edited here."""
        self.ghosts = SpanIndex(spans)
        self.viewport().update()

    def update_ghosts(self, *, added: Iterable[Span] = (), removed: Iterable[Span] = ()) -> None:
        """Add and remove a few ghosts (an edit's worth) without rebuilding the index; repaint only them."""
        ranges = []
        for span in removed:
            gone = self.ghosts.remove(span.id)
            if gone is not None:
                ranges.append((gone.start, gone.end))
        for span in added:
            self.ghosts.add(span)
            ranges.append((span.start, span.end))
        self._update_ranges(ranges)

    def clear_ghost_spans(self) -> None:
        self.set_ghost_spans(())

    def set_ghost_current(self, span_id: str | None) -> None:
        if span_id == self.ghost_current:
            return
        ranges = [(g.start, g.end) for g in (self.ghosts.get(i) for i in (self.ghost_current, span_id) if i) if g]
        self.ghost_current = span_id
        self._update_ranges(ranges)

    def _update_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """Repaint only where these code point ranges are on screen."""
        if not ranges:
            return
        blocks = self.visible_blocks()
        region = QRegion()
        for start, end in ranges:
            for r in self.rects_for(start, end, blocks):
                region += r.adjusted(-4, -3, 4, 3).toAlignedRect()
        if not region.isEmpty():
            self.viewport().update(region)

    def set_margin_marks(self, marks: Iterable[MarginMark]) -> None:
        """Bars in the left margin beside ranges of the text (e.g. repeated passages), with tooltips."""
        self.margin_marks = list(marks)
        self.viewport().update()

    def set_highlight(self, *, selected: str | None, related: Iterable[str] = ()) -> None:
        related = set(related)
        touched = {self.selected, selected} | self.related | related
        self.selected, self.related = selected, related
        self._update_spans(touched)

    def _update_spans(self, span_ids: Iterable[str | None]) -> None:
        """Repaint only where these spans are on screen (their outlines may have changed)."""
        blocks = self.visible_blocks()
        region = QRegion()
        for span_id in span_ids:
            span = self.index.get(span_id) if span_id else None
            if span is not None:
                for r in self.rects_for(span.start, span.end, blocks):
                    region += r.adjusted(-4, -3, 4, 3).toAlignedRect()
        if not region.isEmpty():
            self.viewport().update(region)

    def set_candidates(self, candidates: list[str], current: str | None) -> None:
        touched = set(self.candidates) | set(candidates)
        self.candidates, self.candidate = list(candidates), current
        self._update_spans(touched)

    def _invalidate(self, start: int, end: int) -> None:
        doc = self.document()
        first = doc.findBlock(self.positions.to_qt(start)).blockNumber()
        last = doc.findBlock(self.positions.to_qt(max(start, end - 1))).blockNumber()
        for number in range(first, last + 1):
            self._formatted.pop(number, None)
            self.segments.pop(number, None)
        # repaint only those blocks, where they are on screen
        region = QRegion()
        offset = self.contentOffset()
        block = doc.findBlockByNumber(first)
        while block.isValid() and block.blockNumber() <= last:
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.bottom() >= 0 and rect.top() <= self.viewport().height():
                region += rect.toAlignedRect().adjusted(0, -2, 0, 2)
            block = block.next()
        if not region.isEmpty():
            self.viewport().update(region)

    # formats for the blocks on screen ----------------------------------------------------------
    def visible_blocks(self) -> list[tuple[QTextBlock, QRectF]]:
        out = []
        block = self.firstVisibleBlock()
        offset = self.contentOffset()
        height = self.viewport().height()
        while block.isValid():
            geom = self.blockBoundingGeometry(block).translated(offset)
            if geom.top() > height:
                break
            if block.isVisible():
                out.append((block, geom))
            block = block.next()
        return out

    def _format_for(self, label: str) -> QTextCharFormat:
        fmt = self._formats.get(label)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(th.span_background(self._label_colours.get(label, "#999999"), self.theme))
            self._formats[label] = fmt
        return fmt

    def format_block(self, block: QTextBlock) -> None:
        number = block.blockNumber()
        start = block.position()
        length = block.length() - 1
        pos = self.positions
        a, b = pos.from_qt(start), pos.from_qt(start + length)
        segs = []
        ranges = []
        for s, e, spans in self.index.segments(a, b):
            qs, qe = pos.to_qt(s) - start, pos.to_qt(e) - start
            segs.append((qs, qe, spans))
            fr = QTextLayout.FormatRange()
            fr.start, fr.length, fr.format = qs, qe - qs, self._format_for(spans[0].label)
            ranges.append(fr)
        self.segments[number] = segs
        self._formatted[number] = self._generation
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)

    def format_visible(self) -> None:
        for block, _geom in self.visible_blocks():
            if self._formatted.get(block.blockNumber()) != self._generation:
                self.format_block(block)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.format_visible()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        try:
            overlay.paint(self, painter, event.rect())
        finally:
            painter.end()

    # geometry ---------------------------------------------------------------------------------
    def rects_for(self, start: int, end: int, blocks: list[tuple[QTextBlock, QRectF]] | None = None) -> list[QRectF]:
        """Viewport rectangles (one per line) covering code points [start, end), visible lines only."""
        qs, qe = self.positions.to_qt(start), self.positions.to_qt(end)
        rects = []
        for block, geom in blocks if blocks is not None else self.visible_blocks():
            rects += overlay.line_rects(block, geom, qs - block.position(), qe - block.position())
        return rects

    def cursor_position_at(self, point: QPoint) -> int:
        return self.cursorForPosition(point).position()

    def span_at_point(self, point: QPoint) -> Span | None:
        """The innermost span under a viewport point (only if the point is on its text)."""
        cursor = self.cursorForPosition(point)
        qt_pos = cursor.position()
        rect = self.cursorRect(cursor)
        # cursorForPosition gives the nearest boundary; the character is the one left or right of it
        candidates = [qt_pos, qt_pos - 1] if point.x() < rect.x() else [qt_pos, qt_pos - 1][::-1]
        for q in candidates:
            if 0 <= q < self.positions.u16_length:
                spans = self.index.at(self.positions.from_qt(q))
                if spans:
                    rects = self.rects_for(spans[0].start, spans[0].end)
                    if any(r.adjusted(-1, -1, 1, 1).contains(point.toPointF()) for r in rects):
                        return spans[0]
        return None

    # selection in code points -----------------------------------------------------------------
    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a, b = sorted((cursor.selectionStart(), cursor.selectionEnd()))
        return self.positions.from_qt(a), self.positions.from_qt(b)

    def select_range(self, start: int, end: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.positions.to_qt(start))
        cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def clear_selection(self, at: int | None = None) -> None:
        cursor = self.textCursor()
        position = cursor.position() if at is None else self.positions.to_qt(at)
        cursor.setPosition(position)
        self.setTextCursor(cursor)

    def reveal(self, start: int) -> None:
        """Scroll so that code point `start` is on screen (centred when it was not)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.positions.to_qt(start))
        rect = self.cursorRect(cursor)
        if not self.viewport().rect().contains(rect):
            keep = self.textCursor()
            self.setTextCursor(cursor)
            self.centerCursor()
            value = self.verticalScrollBar().value()
            self.setTextCursor(keep)  # this scrolls back to `keep`: the centred position is put back below
            self.verticalScrollBar().setValue(value)

    # mouse, tooltips, layout --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        self.exact_drag = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        if self._press is not None and (point - self._press).manhattanLength() < 4 and not self.textCursor().hasSelection():
            span = self.span_at_point(point)
            if span is not None:
                self.span_clicked.emit(span.id)
            else:
                self.empty_clicked.emit()
        self._press = None

    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            point = self.viewport().mapFromGlobal(event.globalPos())
            text = self.tooltip_at(point)
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering a viewport point explains: a margin mark, a span, else a ghost span."""
        mark = margin.mark_at(self, point.toPointF())
        if mark is not None:
            return mark.tooltip
        span = self.span_at_point(point)
        if span is not None:
            return self.tooltip_for(span)
        ghost = self.ghost_at_point(point)
        return self.ghost_tooltip_for(ghost) if ghost is not None else ""

    def ghost_at_point(self, point: QPoint) -> Span | None:
        q = self.cursorForPosition(point).position()
        for pos in (q, q - 1):
            if 0 <= pos < self.positions.u16_length:
                for ghost in self.ghosts.at(self.positions.from_qt(pos)):
                    if any(r.contains(point.toPointF()) for r in self.rects_for(ghost.start, ghost.end)):
                        return ghost
        return None

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._centre_column()  # margins first, so that the layout below wraps at the new width
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoom: the column is measured in characters
            self._centre_column()

    def _centre_column(self) -> None:
        spare = max(0, self.width() - self.verticalScrollBar().sizeHint().width() - self.text_column())
        margins = (spare // 2, 0, spare - spare // 2, 0)
        if margins != self._margins:
            self._margins = margins
            self.setViewportMargins(*margins)

    def text_column(self) -> int:
        """Column width in pixels: ~85 average characters of the current font, margins included."""
        return int(self.fontMetrics().averageCharWidth() * 85 + 2 * self.document().documentMargin() + 20)
