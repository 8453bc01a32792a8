"""File › Restore backup…: the project's backups (time, kind, size), and rolling back to one.

Restoring closes the project in the window, puts the backup in place (the current file is kept
first as a `before-restore` backup), opens it again, and refreshes every part of the window: the
queue, the layers, the labels, the document, and the undo stacks, which referred to the old state.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QMessageBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

import annotator.project as svc
from annotator.project import BackupInfo
from annotator.ui import plain
from annotator.ui.features.safety.backups import KIND_NAMES, when
from annotator.ui.plain import plain_label, tip

COLUMNS = ("When", "Kind", "Size")


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def describe(info: BackupInfo) -> str:
    """How a backup is named to the user: "21 Nov 14:32 (automatic)"."""
    return f"{when(info)} ({KIND_NAMES.get(info.kind, info.kind)})"


class RestoreDialog(QDialog):
    """Lists the backups, newest first; Restore… asks, then hands the chosen one to `on_restore`."""

    def __init__(self, project_path: Path, on_restore: Callable[[BackupInfo], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore a backup")
        self.project_path, self.on_restore = Path(project_path), on_restore
        self.backups: list[BackupInfo] = []
        intro = plain_label(
            "Verified copies of the project file, newest first. Restoring one replaces the project with it; "
            "what the project holds now is first kept as a \u201cbefore a restore\u201d backup, so a restore can be "
            "undone by restoring that one.", wordWrap=True)
        self.table = QTableWidget(0, len(COLUMNS), objectName="backupTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.empty = plain_label("No backups yet: one is made each time the project is opened.", objectName="noBackups")
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("&Restore…", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setObjectName("restoreButton")
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.resize(560, 380)
        self.reload()

    def reload(self) -> None:
        self.backups = svc.list_backups(self.project_path)
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            cells = (when(info), KIND_NAMES.get(info.kind, info.kind), size_text(info.size))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip(str(info.path)))  # the folder is named after the project: user text
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def restore_selected(self) -> bool:
        """Ask, then restore the selected backup; True when it was restored (the dialog then closes)."""
        info = self.chosen()
        if info is None:
            return False
        answer = plain.ask(
            self, "Restore this backup?",
            f"Roll the project back to the backup of {describe(info)}?\n\n"
            "Everything saved after it is replaced, and the undo history is cleared. What the project holds now is "
            "kept first as a \u201cbefore a restore\u201d backup.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
            icon=QMessageBox.Icon.Warning,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if self.on_restore(info):
            self.accept()
            return True
        self.reload()  # a failed restore may still have kept a safety copy
        return False
