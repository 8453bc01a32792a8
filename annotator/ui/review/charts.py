"""Painted charts for the agreement dashboard: pairwise heatmap and per-label bars (no QtCharts needed)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from annotator.review.report import AgreementReport

PAIR_MEASURES = {"span_f1_exact": "span F1 exact", "span_f1_overlap": "span F1 overlap",
                 "token_kappa": "token κ", "relation_f1": "relation F1"}
LABEL_MEASURES = {"token_alpha": ("token α", QColor("#0072B2")), "span_f1_exact": ("span F1 exact", QColor("#E69F00")),
                  "unitizing_alpha": ("α_U", QColor("#009E73"))}
UNDEFINED = QColor("#d9dce1")


def scale_colour(value: float | None) -> QColor:
    """Red (≤ 0) through yellow to green (1); grey when undefined. Agreement below 0 is as bad as 0."""
    if value is None:
        return UNDEFINED
    v = max(0.0, min(1.0, value))
    hue = v * 120.0 / 360.0  # 0 = red, 1/3 = green
    return QColor.fromHslF(hue, 0.65, 0.72)


class PairHeatmap(QWidget):
    """Layers × layers, each cell one pair's figure for the chosen measure; the diagonal is blank."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AgreementReport | None = None
        self.measure = "span_f1_exact"
        self.setMinimumSize(280, 220)

    def set_report(self, report: AgreementReport | None, measure: str | None = None) -> None:
        self.report = report
        if measure is not None:
            self.measure = measure
        self.update()

    def value(self, a: str, b: str) -> float | None:
        pair = self.report.pair(a, b) if self.report else None
        return getattr(pair, self.measure) if pair else None

    def sizeHint(self) -> QSize:
        return QSize(360, 300)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        layers = self.report.layers if self.report else []
        if len(layers) < 2:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "no pairs to show")
            return
        margin = max(painter.fontMetrics().horizontalAdvance(n) for n in layers) + 12
        top = painter.fontMetrics().height() * 2
        n = len(layers)
        cell = max(8.0, min((self.width() - margin - 8) / n, (self.height() - top - 8) / n))
        painter.drawText(QRectF(margin, 0, n * cell, top * 0.5), Qt.AlignmentFlag.AlignCenter,
                         PAIR_MEASURES.get(self.measure, self.measure))
        for i, a in enumerate(layers):
            painter.drawText(QRectF(0, top + i * cell, margin - 6, cell), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, a)
            painter.save()
            painter.translate(margin + i * cell + cell / 2, top - 2)
            painter.drawText(QRectF(-cell / 2, -top * 0.45, cell, top * 0.45), Qt.AlignmentFlag.AlignCenter, a[:8])
            painter.restore()
            for j, b in enumerate(layers):
                rect = QRectF(margin + j * cell, top + i * cell, cell - 2, cell - 2)
                value = None if i == j else self.value(a, b)
                painter.fillRect(rect, QColor("#ffffff") if i == j else scale_colour(value))
                if i != j:
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "–" if value is None else f"{value:.2f}")


class LabelBars(QWidget):
    """Per label, grouped horizontal bars of token α, span F1 exact and α_U on a 0–1 scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: AgreementReport | None = None
        self.setMinimumSize(320, 200)

    def set_report(self, report: AgreementReport | None) -> None:
        self.report = report
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        labels = len(self.report.per_label) if self.report else 3
        return QSize(420, 40 + labels * 16 * (len(LABEL_MEASURES) + 1))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        labels = list(self.report.per_label.items()) if self.report else []
        if not labels:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "no labels to show")
            return
        fm = painter.fontMetrics()
        name_width = max(fm.horizontalAdvance(name) for name, _ in labels) + 12
        legend_height = fm.height() + 8
        x = name_width
        for key, (title, colour) in LABEL_MEASURES.items():
            painter.fillRect(QRectF(x, 4, 10, 10), colour)
            painter.drawText(int(x + 14), 4 + fm.ascent() - 1, title)
            x += fm.horizontalAdvance(title) + 30
        bar_area = self.width() - name_width - 48
        group = (self.height() - legend_height) / len(labels)
        bar = max(3.0, min(16.0, (group - 6) / len(LABEL_MEASURES)))
        small = QFont(painter.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.85))
        for g, (name, figures) in enumerate(labels):
            y0 = legend_height + g * group
            painter.setFont(self.font())
            painter.drawText(QRectF(0, y0, name_width - 6, bar * len(LABEL_MEASURES)),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, name)
            painter.setFont(small)
            for k, (key, (_, colour)) in enumerate(LABEL_MEASURES.items()):
                value = getattr(figures, key)
                y = y0 + k * bar
                width = bar_area * max(0.0, min(1.0, value)) if value is not None else 0.0
                painter.fillRect(QRectF(name_width, y, width, bar - 1), colour if value is not None else UNDEFINED)
                painter.drawText(QRectF(name_width + width + 4, y, 44, bar), Qt.AlignmentFlag.AlignVCenter,
                                 "n/a" if value is None else f"{value:.2f}")
