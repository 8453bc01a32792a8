"""Windows of their own, opened from the main window: the export dialog and the review windows."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.project import GOLD, ExportSummary
from annotator.ui.actions import ActionSpec as A
from annotator.ui.export_dialog import ExportDialog, open_export_dialog
from annotator.ui.review import ReviewLauncher


class ExportFeature(QObject):
    """File > Export dataset…: the export dialog (its own read-only connection, its own worker)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ExportDialog | None = None
        window.add_feature("export", target=self, actions=[
            A("file.export", "&Export dataset…", ("Ctrl+Shift+E",), "open_dialog", "File",
              help="Write the labels as a training dataset (jsonl, spaCy, CoNLL, brat, Label Studio, XMI, csv, parquet)"),
        ])

    def open_dialog(self) -> ExportDialog:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        self.dialog = dialog = open_export_dialog(self.window.project, self.window)
        dialog.exported.connect(self._exported)
        dialog.export_failed.connect(lambda message: self._say(f"Export failed: {message}"))
        dialog.export_cancelled.connect(lambda: self._say("Export cancelled; nothing was written."))
        dialog.destroyed.connect(self._forget)
        return dialog

    def _forget(self) -> None:
        self.dialog = None

    def _exported(self, summary: ExportSummary) -> None:
        warned = f", {len(summary.warnings)} warning(s)" if summary.warnings else ""
        self._say(f"Exported {summary.documents} document(s), {summary.spans} span(s) as {summary.format} "
                  f"to {summary.path}{warned}")

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    def shutdown(self) -> None:
        if self.dialog is not None:
            self.dialog.close()  # cancels and waits for a running export


class ReviewFeature(QObject):
    """Project > Review session… and Agreement…; gold decided there reloads the view when it shows gold."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.launcher = ReviewLauncher(window.project, window, on_gold_changed=self.gold_changed)
        window.add_feature("review", target=self.launcher, actions=[
            A("project.review", "&Review session…", ("Ctrl+Shift+R",), "open_session", "Project",
              help="Adjudicate the annotators' disagreements into the gold layer"),
            A("project.agreement", "&Agreement…", ("Ctrl+Shift+G",), "open_dashboard", "Project",
              help="Inter-annotator agreement per label, per pair and per document"),
        ])

    def gold_changed(self, doc_id: str) -> None:
        ws = self.window.workspace
        if ws.doc is not None and ws.doc.id == doc_id and ws.layer == GOLD:
            ws.reload()
        if self.window.queue_model.layer == GOLD:  # its status and counts moved
            self.window.queue_model.reload()
            if ws.doc is not None:
                self.window.queue.show_current(ws.doc.id)

    def shutdown(self) -> None:
        for child in (self.launcher.session, self.launcher.dashboard):
            if child is not None:
                child.close()
