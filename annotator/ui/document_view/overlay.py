"""What character formats cannot show, painted over the visible text: nesting bands, outlines, ghosts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
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
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        ls = line.textStart()
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


def paint(view: DocumentView, painter: QPainter) -> None:
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
        _ghosts(view, painter, blocks, lo, hi)
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


def _ghosts(view: DocumentView, painter: QPainter, blocks, lo: int, hi: int) -> None:
    """Suggestions: a faint fill and a dashed edge in the label's colour (real spans are solid fills);
    the one being reviewed gets a solid edge in the text colour, like a selected span."""
    current = None
    for span in view.ghosts.overlapping(lo, hi + 1):
        colour = view.label_colour(span.label)
        fill = QColor(colour)
        fill.setAlpha(18)  # a tint only: real spans are solid fills without an edge
        rects = view.rects_for(span.start, span.end, blocks)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        for r in rects:
            painter.drawRect(r)
        edge = QColor(colour)
        edge.setAlpha(230)
        _outline(painter, rects, edge, 1.4, Qt.PenStyle.DashLine)
        if span.id == view.ghost_current:
            current = rects
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
