"""A dismissible notice above the document: what the user should know about the project file
(it was recovered after a crash, it lies on a network share, a backup failed or was restored).

Not a dialog: it must not stop the annotator (nor `--screenshot`), and it stays until dismissed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from annotator.ui.plain import plain_label

STYLES = {
    "info": "#InfoBanner { background: #dbeafe; } #InfoBanner QLabel { color: #1e3a8a; }",
    "warning": "#InfoBanner { background: #fef3c7; } #InfoBanner QLabel { color: #78350f; }",
}


class InfoBanner(QWidget):
    """Lines of notices (newest last), shown as plain text, with a Dismiss button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InfoBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.lines: list[str] = []
        self.level = "info"
        self.message = plain_label(wordWrap=True, objectName="InfoBannerText")  # messages quote file names
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dismiss_button = QPushButton("Dismiss", objectName="InfoBannerDismiss")
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays in the document
        self.dismiss_button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(self.message, 1)
        row.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def add(self, text: str, *, warning: bool = False) -> None:
        """Show one more notice (a repeat of the last one is not added twice)."""
        if not self.lines or self.lines[-1] != text:
            self.lines.append(text)
        if warning:
            self.level = "warning"
        self.setStyleSheet(STYLES[self.level])
        self.message.setText("\n".join(self.lines))
        self.show()

    def dismiss(self) -> None:
        self.lines, self.level = [], "info"
        self.message.clear()
        self.hide()
