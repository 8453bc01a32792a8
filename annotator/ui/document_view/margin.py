"""Marks in the left margin of the text (inside the document margin): e.g. repeated passages.

A mark covers code points [start, end) and is drawn as a thin vertical bar beside the lines of that
range, in its own lane (so that a block and the paragraphs inside it stay apart); hovering a bar
shows its tooltip. Marks are never drawn over the text, so they cannot be mistaken for spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

if TYPE_CHECKING:
    from annotator.ui.document_view.view import DocumentView

LANE_X = (4.0, 11.0)  # left edge of each lane, in viewport pixels
BAR = 4.0


@dataclass(frozen=True)
class MarginMark:
    start: int
    end: int
    colour: str
    tooltip: str
    lane: int = 0  # 0 nearest the window's edge


def rect_of(view: DocumentView, mark: MarginMark, blocks) -> QRectF | None:
    """The bar's rectangle in viewport coordinates, or None when the range is not on screen."""
    rects = view.rects_for(mark.start, mark.end, blocks)
    if not rects:
        return None
    top = min(r.top() for r in rects)
    bottom = max(r.bottom() for r in rects)
    x = LANE_X[min(mark.lane, len(LANE_X) - 1)]
    return QRectF(x, top + 1, BAR, max(bottom - top - 2, 2.0))


def paint(view: DocumentView, painter: QPainter, blocks) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    for mark in view.margin_marks:
        rect = rect_of(view, mark, blocks)
        if rect is not None:
            painter.setBrush(QColor(mark.colour))
            painter.drawRoundedRect(rect, 1.5, 1.5)


def mark_at(view: DocumentView, point: QPointF) -> MarginMark | None:
    """The mark whose bar (give or take a few pixels) is under a viewport point."""
    if point.x() > LANE_X[-1] + BAR + 4:
        return None
    blocks = view.visible_blocks()
    for mark in view.margin_marks:
        rect = rect_of(view, mark, blocks)
        if rect is not None and rect.adjusted(-3, 0, 3, 0).contains(point):
            return mark
    return None
