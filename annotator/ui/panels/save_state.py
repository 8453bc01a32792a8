"""Save state: a status-bar label and, after a failed save, a banner over the document with Retry."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from annotator.ui.plain import plain_label, tip
from annotator.ui.workspace import SaveState, Workspace


class SaveIndicator(QLabel):
    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages name labels, notes and files
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("✗ Not saved — Retry: Ctrl+Shift+S") + 20)
        workspace.save_state_changed.connect(self.show_state)
        self.show_state(workspace.save_state)

    def show_state(self, state: SaveState) -> None:
        stamp = time.strftime("%H:%M:%S", time.localtime(state.at))
        if state.state == "failed":
            self.setObjectName("SaveFailed")
            self.setText("✗ Not saved — Retry: Ctrl+Shift+S")
            self.setToolTip(tip(state.message))
        elif state.state == "saved":
            self.setObjectName("SaveOk")
            self.setText(f"✓ Saved {stamp}")
            self.setToolTip(tip(f"{state.message} — committed to {self.ws.project.path.name}"))
        else:
            self.setObjectName("")
            self.setText("All changes saved" if not state.message else state.message)
            self.setToolTip(tip(str(self.ws.project.path)))
        if self.objectName() != getattr(self, "_polished_as", None):
            self._polished_as = self.objectName()
            self.style().unpolish(self)
            self.style().polish(self)


class ErrorBanner(QWidget):
    """Shown while an edit could not be saved: what failed, and Retry / Discard."""

    def __init__(self, workspace: Workspace, parent=None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.setObjectName("ErrorBanner")
        self.setAutoFillBackground(True)
        self.message = plain_label(wordWrap=True)
        self.retry = QPushButton("Retry")
        self.discard = QPushButton("Discard edit")
        self.retry.clicked.connect(workspace.retry)
        self.discard.clicked.connect(workspace.discard_pending)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 16, 6)
        row.addWidget(self.message, 1)
        row.addWidget(self.retry)
        row.addWidget(self.discard)
        workspace.save_state_changed.connect(self.show_state)
        self.hide()

    def show_state(self, state: SaveState) -> None:
        if state.state == "failed":
            why = state.message.rstrip(". ")
            self.message.setText(f"Could not save — {why}. Your edit is kept: retry when the problem is fixed.")
            self.show()
        else:
            self.hide()
