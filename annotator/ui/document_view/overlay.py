"""What character formats cannot show, painted over the visible text: nesting bands, outlines, ghosts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QTextBlock

from annotator.ui import theme as th
from annotator.ui.document_view import margin

if TYPE_CHECKING:
    from annotator.ui.document_view.view import DocumentView

BAND = 2.0  # thickness of the band under a span that encloses another
BAND_GAP = 1.5


def line_rects(block: QTextBlock, geom: QRectF, a: int, b: int) -> list[QRectF]:
    """Rectangles of [a, b) (UTF-16 positions relative to the block), one per laid-out line."""
    a, b = max(a, 0), min(b, block.length() - 1)
    if a >= b:
        return []
    layout = block.layout()
    rects = []
    first = layout.lineForTextPosition(a)  # jump to the line holding `a`: a paragraph may have thousands
    for i in range(first.lineNumber() if first.isValid() else 0, layout.lineCount()):
        line = layout.lineAt(i)
        ls = line.textStart()
        if ls >= b:
            break
        le = ls + line.textLength()
        s, e = max(a, ls), min(b, le)
        if s >= e:
            continue
        x1 = line.cursorToX(s)[0]
        x2 = line.cursorToX(e)[0]
        if e == le and x2 <= x1:  # a trailing space at a wrap has no width of its own
            x2 = line.x() + line.naturalTextWidth()
        left, right = min(x1, x2), max(x1, x2)
        rects.append(QRectF(geom.left() + layout.position().x() + left, geom.top() + layout.position().y() + line.y(),
                            max(right - left, 2.0), line.height()))
    return rects


def paint(view: DocumentView, painter: QPainter, clip: QRect | None = None) -> None:
    """Draw over the visible text; `clip` (the repainted area) lets ghosts skip blocks outside it."""
    blocks = view.visible_blocks()
    if not blocks:
        return
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    _bands(view, painter, blocks)
    if view.margin_marks:
        margin.paint(view, painter, blocks)
    first, last = blocks[0][0], blocks[-1][0]
    lo = view.positions.from_qt(first.position())
    hi = view.positions.from_qt(min(last.position() + last.length() - 1, view.positions.u16_length))
    if len(view.ghosts):
        # the characters actually on screen: a block (paragraph) can be far taller than the viewport
        top = view.cursorForPosition(QPoint(0, 0)).position()
        bottom = view.cursorForPosition(QPoint(view.viewport().width(), view.viewport().height())).position()
        _ghosts(view, painter, blocks, max(lo, view.positions.from_qt(top)), min(hi, view.positions.from_qt(bottom)), clip)
    colours = th.colours(view.theme)
    for span_id in view.related:
        span = view.index.get(span_id)
        if span is not None and span.end > lo and span.start <= hi:
            _outline(painter, view.rects_for(span.start, span.end, blocks), view.label_colour(span.label), 1.6, Qt.PenStyle.SolidLine)
    for span_id in view.candidates:
        span = view.index.get(span_id)
        if span is None or span.end <= lo or span.start > hi:
            continue
        current = span_id == view.candidate
        _outline(painter, view.rects_for(span.start, span.end, blocks), QColor(colours["highlight"]),
                 2.4 if current else 1.2, Qt.PenStyle.SolidLine if current else Qt.PenStyle.DashLine)
    span = view.index.get(view.selected) if view.selected else None
    if span is not None and span.end > lo and span.start <= hi:
        _outline(painter, view.rects_for(span.start, span.end, blocks), QColor(colours["text"]), 2.0, Qt.PenStyle.SolidLine)


def _bands(view: DocumentView, painter: QPainter, blocks) -> None:
    """Under text where spans nest or overlap: one band per enclosing span, in its label colour."""
    painter.setPen(Qt.PenStyle.NoPen)
    for block, geom in blocks:
        for qs, qe, spans in view.segments.get(block.blockNumber(), ()):
            if len(spans) < 2:
                continue
            rects = line_rects(block, geom, qs, qe)
            for depth, span in enumerate(spans[1:]):
                painter.setBrush(view.label_colour(span.label))
                for r in rects:
                    y = r.bottom() - BAND - depth * (BAND + BAND_GAP)
                    painter.drawRect(QRectF(r.left(), y, r.width(), BAND))


def _ghosts(view: DocumentView, painter: QPainter, blocks, lo: int, hi: int, clip: QRect | None) -> None:
    """Suggestions: a faint tint and a dashed edge in the label's colour (real spans are solid fills
    without an edge); the one being reviewed gets a dashed edge in the text colour as well.

    Block by block, and only blocks in the repainted area: an edit repaints a few lines, and
    suggestions can be dense (one every few words)."""
    pos = view.positions
    current: list[QRectF] = []
    for block, geom in blocks:
        if clip is not None and (geom.bottom() < clip.top() - 4 or geom.top() > clip.bottom() + 4):
            continue
        b0 = block.position()
        a, b = max(lo, pos.from_qt(b0)), min(hi, pos.from_qt(b0 + block.length() - 1))
        for span in view.ghosts.overlapping(a, b + 1):
            rects = line_rects(block, geom, pos.to_qt(span.start) - b0, pos.to_qt(span.end) - b0)
            if not rects:
                continue
            colour = view.label_colour(span.label)
            fill = QColor(colour)
            fill.setAlpha(18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            for r in rects:
                painter.drawRect(r)
            edge = QColor(colour)
            edge.setAlpha(230)
            _outline(painter, rects, edge, 1.4, Qt.PenStyle.DashLine)
            if span.id == view.ghost_current:
                current += rects
    if current:
        _outline(painter, current, QColor(th.colours(view.theme)["text"]), 2.0, Qt.PenStyle.DashLine)


def _outline(painter: QPainter, rects: list[QRectF], colour: QColor, width: float, style: Qt.PenStyle) -> None:
    pen = QPen(colour, width, style)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
    for r in rects:
        painter.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 3, 3)


def centre(rects: list[QRectF]) -> QPointF | None:
    return rects[0].center() if rects else None
