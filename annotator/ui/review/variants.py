"""The variants of one unit side by side: key, who chose it, its spans and relations."""

from __future__ import annotations

import html
from typing import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from annotator.core.model import Schema, Span
from annotator.review.data import RelKey, SpanKey
from annotator.review.units import Unit, Variant

MAX_KEYED = 9  # keys 1–9


def _snippet(text: str, start: int, end: int, limit: int = 140) -> str:
    piece = text[start:end].replace("\n", " ")
    if len(piece) > limit:
        piece = piece[: limit // 2 - 1] + " … " + piece[-(limit // 2 - 1):]
    return piece


def _chip(label: str, schema: Schema) -> str:
    entry = schema.get(label)
    colour = QColor(entry.color if entry else "#bbbbbb")
    ink = "#000000" if colour.lightnessF() > 0.55 else "#ffffff"
    return (f'<span style="background:{colour.name()}; color:{ink}; font-weight:600">'
            f"&nbsp;{html.escape(label)}&nbsp;</span>")


def spans_html(text: str, spans: Sequence[SpanKey], relations: Sequence[RelKey], schema: Schema) -> str:
    """Rich text for a list of spans (label chip, quoted text, offsets) and their relations."""
    rows = []
    for start, end, label in spans:
        rows.append(f"{_chip(label, schema)} «{html.escape(_snippet(text, start, end))}» "
                    f'<span style="color:gray">[{start}, {end})</span>')
    for head, tail, label in relations:
        rows.append(f"&nbsp;&nbsp;↳ <i>{html.escape(label)}</i> → «{html.escape(_snippet(text, tail[0], tail[1], 60))}»"
                    f' <span style="color:gray">({html.escape(tail[2])})</span>')
    return "<br>".join(rows) or '<span style="color:gray">nothing</span>'


class VariantCard(QFrame):
    def __init__(self, number: int, variant: Variant, who: str, text: str, schema: Schema, chosen: bool) -> None:
        super().__init__()
        self.number = number
        self.variant = variant
        self.who = who
        self.setObjectName("variantCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        border = "#2563eb" if chosen else "#c8ccd2"
        self.setStyleSheet(f"#variantCard {{ border: 2px solid {border}; border-radius: 6px; background: palette(base); }}")
        layout = QVBoxLayout(self)
        key = str(number) if number <= MAX_KEYED else "–"
        self.title = QLabel(f"<b style='font-size:14pt'>{key}</b>&nbsp;&nbsp; {html.escape(who)}"
                            + ("&nbsp;&nbsp;<span style='color:#2563eb'>✓ in gold</span>" if chosen else ""))
        self.body = QLabel(spans_html(text, variant.spans, variant.relations, schema))
        for label in (self.title, self.body):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        self.setMinimumWidth(260)


class VariantsPanel(QWidget):
    """Cards for the variants of the current unit, plus what gold holds there and who marked nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[VariantCard] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.row_widget = QWidget()
        self.row = QHBoxLayout(self.row_widget)
        self.row.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.scroll.setWidget(self.row_widget)
        self.absent = QLabel()
        self.gold = QLabel()
        for label in (self.absent, self.gold):
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.absent)
        outer.addWidget(self.gold)

    def clear(self) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = []
        self.absent.clear()
        self.gold.clear()

    def show_unit(
        self, unit: Unit | None, text: str, schema: Schema, who: Callable[[Variant], str],
        gold: Sequence[Span], absent_text: str, decision: str | None,
    ) -> None:
        self.clear()
        if unit is None:
            self.gold.setText("<i>No unit here: nothing was marked in this document.</i>")
            return
        gold_keys = tuple(sorted(s.key for s in gold))
        for number, variant in enumerate(unit.variants, 1):
            card = VariantCard(number, variant, who(variant), text, schema, decision is not None and gold_keys == variant.spans)
            self.cards.append(card)
            self.row.addWidget(card)
        self.absent.setText(absent_text)
        state = f"decided: <b>{html.escape(decision)}</b>" if decision else "<b>not decided yet</b>"
        self.gold.setText(f"Gold here ({state}): " + spans_html(text, list(gold_keys), [], schema))
