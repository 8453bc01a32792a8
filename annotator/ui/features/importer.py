"""File > Import files…: choose files, import them on a worker (progress, cancel), then say what came in
and which files were refused, and refresh the queue, the layers and the open document.

The import writes through the window's own Project (the GUI holds the write lock); see `jobs` for
why that is safe: a modal progress dialog and `Workspace.busy` keep every other write out meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

import annotator.project as svc
from annotator.project import ImportReport
from annotator.ui.actions import ActionSpec as A

FILTER = ("Annotations and texts (*.txt *.md *.html *.htm *.jsonl *.json *.ann *.xmi);;All files (*)")


def summary_text(report: ImportReport, cancelled: bool) -> str:
    """What an import did: documents and spans in, duplicates skipped, each refused file with its error."""
    done = [f for f in report.files if f.error is None]
    refused = [f for f in report.files if f.error is not None]
    lines = [("Cancelled after" if cancelled else "Imported") + f" {len(report.files)} file(s): "
             f"{report.total('documents_added')} new document(s), {report.total('documents_matched')} already here, "
             f"{report.total('spans_added')} span(s) and {report.total('relations_added')} link(s) added"
             + (f", {report.total('spans_skipped')} identical span(s) skipped" if report.total("spans_skipped") else "") + "."]
    for entry in done:
        if entry.documents_added:
            lines.append(f"• {Path(entry.path).name}: {', '.join(entry.documents_added[:6])}"
                         + (f" … (+{len(entry.documents_added) - 6})" if len(entry.documents_added) > 6 else ""))
        for doc_id, same in entry.duplicates:
            verb = "skipped" if entry.duplicates_skipped else "imported anyway"
            lines.append(f"• {Path(entry.path).name}: {doc_id} has the same text as {same} ({verb})")
    if refused:
        lines += ["", f"Refused {len(refused)} file(s) (nothing of them was imported):"]
        lines += [f"✗ {entry.error}" for entry in refused]
    repeats = report.repeats
    if repeats is not None and (repeats.passages or repeats.blocks):
        lines += ["", (f"Repeated passages: {repeats.passages} paragraph(s) and {repeats.blocks} block(s) occur more "
                       "than once (bars in the margin; Ctrl+Shift+P copies labels between them).")]
    return "\n".join(lines)


class ImportSummary(QDialog):
    def __init__(self, text: str, ok: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.setWindowTitle("Import finished" if ok else "Import finished — some files were refused")
        self.view = QPlainTextEdit(readOnly=True, objectName="importSummaryText")
        self.view.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Every file is imported whole or not at all."))
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(620, 380)


class ImportFeature(QObject):
    finished = Signal(object, bool)  # ImportReport, cancelled — after the window was refreshed
    failed = Signal(str)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.ws = window, window.workspace
        self.summary: ImportSummary | None = None
        self.import_files = svc.import_files  # tests slow it down to cancel half-way
        window.add_feature("import", target=self, actions=[
            A("file.import", "&Import files…", ("Ctrl+I",), "choose_files", "File",
              help="Add documents (txt, html, jsonl, brat, Label Studio, XMI) and their annotations"),
        ])

    def choose_files(self) -> None:
        if self.ws.project.readonly:
            self.ws.notice.emit("This project is open read-only.")
            return
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Import files", str(self.ws.project.path.parent), FILTER)
        if paths:
            self.start(paths)

    def start(self, paths: list[str]) -> None:
        project = self.ws.project
        labels_before = [(lab.name, lab.kind) for lab in project.schema.labels]
        self.window.jobs.run(
            "Importing files",
            lambda progress: self.import_files(project, paths, progress=progress),
            done=lambda report, cancelled: self._done(report, cancelled, labels_before),
            failed=self._failed,
        )

    def _done(self, report: ImportReport, cancelled: bool, labels_before: list) -> None:
        window, ws = self.window, self.ws
        project = ws.project
        project.invalidate_schema()
        if [(lab.name, lab.kind) for lab in project.schema.labels] != labels_before:
            ws.schema_changed.emit()  # an import may bring labels of its own
        window.refresh_lists()
        touched = {d for f in report.files for d in f.documents_matched}
        if ws.doc is None and window.queue_model.rowCount():
            window.start()
        elif ws.doc is not None and ws.doc.id in touched:
            ws.reload()  # annotations came in for the open document
        elif "repeats" in window.features:
            window.features["repeats"].refresh()  # passages are found again after every import
        text = summary_text(report, cancelled)
        self.summary = ImportSummary(text, report.ok, window)
        self.summary.show()  # not modal: the queue behind it can be used while reading it
        window.statusBar().showMessage(text.splitlines()[0], 15000)
        self.finished.emit(report, cancelled)

    def _failed(self, message: str) -> None:
        self.window.statusBar().showMessage(f"Import failed: {message}", 15000)
        self.failed.emit(message)
