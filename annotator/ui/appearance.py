"""Theme, zoom and label colours: applied to the application and the document view, kept in Settings."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from annotator.core.model import Schema
from annotator.ui import theme as th
from annotator.ui.document_view.view import DocumentView
from annotator.ui.settings import Settings


class Appearance:
    def __init__(self, settings: Settings, view: DocumentView) -> None:
        self.settings, self.view = settings, view

    def apply(self, schema: Schema) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            th.apply_theme(app, self.settings.theme)
        c = th.colours(self.settings.theme)
        self.view.setStyleSheet(
            f"QPlainTextEdit {{ background: {c['paper']}; color: {c['text']}; border: none;"
            f" selection-background-color: {c['highlight']}; selection-color: {c['highlight_text']}; }}"
        )
        self.view.setFont(th.text_font(self.settings.zoom))
        self.view.set_label_colours({label.name: label.color for label in schema.labels}, self.settings.theme)

    def zoom(self, step: int, schema: Schema) -> None:
        """+1 / -1 a point size step; 0 back to the default."""
        self.settings.zoom = 0 if step == 0 else self.settings.zoom + step
        self.view.setFont(th.text_font(self.settings.zoom))
        self.view.refresh()

    def set_dark(self, dark: bool, schema: Schema) -> None:
        self.settings.theme = "dark" if dark else "light"
        self.apply(schema)
