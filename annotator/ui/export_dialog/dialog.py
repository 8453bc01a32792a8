"""The export dialog: format, layer, status, labels, split and destination; runs the export off the UI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator import project as service
from annotator.ui import plain
from annotator.ui.export_dialog.summary import summary_text
from annotator.ui.export_dialog.worker import ExportWorker
from annotator.ui.plain import plain_label

ALL_LAYERS = "all"


class ExportDialog(QDialog):
    """Export a project's labels; says how each export ended with `exported(summary)`, `export_failed(message)`
    or `export_cancelled()` (emitted on the UI thread once the dialog shows the outcome)."""

    exported = Signal(object)
    export_failed = Signal(str)
    export_cancelled = Signal()

    def __init__(self, project: service.Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export dataset")
        self.setObjectName("exportDialog")
        self.choices = service.export_choices(project)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.worker: ExportWorker | None = None
        self._destination_edited = False
        self._build()
        self._update_format_hint()
        self._suggest_destination()
        self._update_ready()

    # building ---------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.format_combo = QComboBox(objectName="formatCombo")
        for choice in self.choices.formats:
            self.format_combo.addItem(f"{choice.name} — {choice.description}", choice.name)
        self.format_hint = QLabel(objectName="formatHint", wordWrap=True)
        form.addRow("&Format:", self.format_combo)
        form.addRow("", self.format_hint)

        self.layer_combo = QComboBox(objectName="layerCombo")
        self.layer_combo.addItem("All layers", ALL_LAYERS)
        for name, kind in self.choices.layers:
            self.layer_combo.addItem(f"{name} ({kind})", name)
        form.addRow("&Layer:", self.layer_combo)

        self.status_combo = QComboBox(objectName="statusCombo")
        self.status_combo.addItem("Documents marked done", "done")
        self.status_combo.addItem("All documents, any status", "all")
        form.addRow("&Documents:", self.status_combo)

        self.labels_list = QListWidget(objectName="labelsList")
        for name in self.choices.labels:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.labels_list.addItem(item)
        self.labels_list.setMaximumHeight(110)
        form.addRow("La&bels:", self.labels_list)

        self.split_check = QCheckBox("Split into train / dev / test", objectName="splitCheck")
        self.shares = [QDoubleSpinBox(objectName=f"{name}Share") for name in ("train", "dev", "test")]
        split_row = QHBoxLayout()
        split_row.addWidget(self.split_check)
        for spin, value in zip(self.shares, (0.8, 0.1, 0.1)):
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setDecimals(2)
            spin.setValue(value)
            split_row.addWidget(spin)
        self.seed_spin = QSpinBox(objectName="seedSpin", minimum=0, maximum=2**31 - 1)
        split_row.addWidget(QLabel("seed"))
        split_row.addWidget(self.seed_spin)
        form.addRow(self._buddy("&Split:", self.split_check), split_row)

        self.destination_edit = QLineEdit(objectName="destinationEdit")
        self.browse_button = QPushButton("Browse…", objectName="browseButton")
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.destination_edit, 1)
        dest_row.addWidget(self.browse_button)
        form.addRow(self._buddy("Des&tination:", self.destination_edit), dest_row)

        self.progress_bar = QProgressBar(objectName="progressBar", textVisible=False)
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.status_label = plain_label(objectName="statusLabel", wordWrap=True)  # paths, file and document names
        self.summary_view = QPlainTextEdit(objectName="summaryView", readOnly=True)
        self.summary_view.setPlaceholderText("What was written, and anything the format could not represent, appears here.")

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = self.buttons.addButton("&Cancel export", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addWidget(self.summary_view, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 620)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.layer_combo.currentIndexChanged.connect(self._suggest_destination)
        self.split_check.toggled.connect(self._split_toggled)
        self.labels_list.itemChanged.connect(self._update_ready)
        for spin in self.shares:
            spin.valueChanged.connect(self._update_ready)
        self.destination_edit.textEdited.connect(self._destination_typed)
        self.destination_edit.textChanged.connect(self._update_ready)
        self.browse_button.clicked.connect(self._browse)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self.cancel_export)
        self.close_button.clicked.connect(self.close)
        self._split_toggled(False)

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    # state ------------------------------------------------------------------------------
    @property
    def format_name(self) -> str:
        return str(self.format_combo.currentData())

    def _format(self) -> service.FormatChoice:
        return next(c for c in self.choices.formats if c.name == self.format_name)

    def _format_changed(self) -> None:
        self._update_format_hint()
        self._suggest_destination()

    def _update_format_hint(self) -> None:
        choice = self._format()
        kind = "a folder" if choice.is_folder else f"a {choice.suffix} file"
        self.format_hint.setText(f"Writes {kind}. Read with: {choice.reader}.")

    def _split_toggled(self, on: bool) -> None:
        for spin in self.shares:
            spin.setEnabled(on)
        self.seed_spin.setEnabled(on)
        self._suggest_destination()
        self._update_ready()

    def _destination_typed(self) -> None:
        self._destination_edited = True

    def _suggest_destination(self) -> None:
        if self._destination_edited:
            return
        path = service.default_destination(
            self.choices.project_path, self.format_name, layer=str(self.layer_combo.currentData()),
            split=self.split_check.isChecked(),
        )
        self.destination_edit.setText(str(path))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export to", self.destination_edit.text(), options=QFileDialog.Option.DontConfirmOverwrite
        )
        if path:
            self._destination_edited = True
            self.destination_edit.setText(path)

    def selected_labels(self) -> list[str] | None:
        """The checked labels, or None when all are (no filter)."""
        items = [self.labels_list.item(i) for i in range(self.labels_list.count())]
        checked = [item.text() for item in items if item.checkState() == Qt.CheckState.Checked]
        return None if len(checked) == len(items) else checked

    def _problem(self) -> str | None:
        labels = self.selected_labels()
        if labels is not None and not labels:
            return "Choose at least one label."
        if self.split_check.isChecked() and abs(sum(s.value() for s in self.shares) - 1.0) > 1e-6:
            return "The train, dev and test shares must add up to 1."
        if not self.destination_edit.text().strip():
            return "Choose where to write the export."
        return None

    def _update_ready(self) -> None:
        running = self.worker is not None
        problem = self._problem()
        self.export_button.setEnabled(problem is None and not running)
        if not running:
            self.status_label.setText(problem or "")

    def options(self) -> dict[str, Any]:
        """The keyword arguments for `annotator.project.export`."""
        split = tuple(round(s.value(), 6) for s in self.shares) if self.split_check.isChecked() else None
        return {
            "format": self.format_name, "out": Path(self.destination_edit.text().strip()).expanduser(),
            "layer": str(self.layer_combo.currentData()), "status": str(self.status_combo.currentData()),
            "labels": self.selected_labels(), "split": split, "seed": self.seed_spin.value(), "force": False,
        }

    # running ----------------------------------------------------------------------------
    def confirm_replace(self, path: Path) -> bool:
        answer = plain.ask(
            self, "Replace export?", f"{path} already exists.\nReplace it with this export?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def start_export(self) -> None:
        if self.worker is not None or self._problem() is not None:
            return
        options = self.options()
        if options["out"].exists():
            if not self.confirm_replace(options["out"]):
                return
            options["force"] = True
        self.worker = ExportWorker(self.choices.project_path, options)
        self.worker.signals.progress.connect(self._on_progress)
        self.worker.signals.finished.connect(self._on_finished)
        self.worker.signals.failed.connect(self._on_failed)
        self.worker.signals.cancelled.connect(self._on_cancelled)
        self._set_running(True)
        self.summary_view.clear()
        self.status_label.setText(f"Exporting to {options['out']} …")
        self.pool.start(self.worker)

    def cancel_export(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText("Cancelling …")

    def _set_running(self, running: bool) -> None:
        for widget in (self.format_combo, self.layer_combo, self.status_combo, self.labels_list, self.split_check,
                       self.destination_edit, self.browse_button, *self.shares, self.seed_spin):
            widget.setEnabled(not running)
        if not running:
            for spin in (*self.shares, self.seed_spin):
                spin.setEnabled(self.split_check.isChecked())
        self.cancel_button.setEnabled(running)
        self.export_button.setEnabled(not running)  # _finish then re-checks the form
        self.progress_bar.setRange(0, 0 if running else 1)  # busy until the first progress report
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(running)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        if self.worker is not None and not self.worker.cancel_requested:
            self.status_label.setText(f"Exporting {done} of {total}: {what}")

    def _finish(self, message: str) -> None:
        self.worker = None
        self._set_running(False)
        self._update_ready()
        self.status_label.setText(message)

    def _on_finished(self, summary: service.ExportSummary) -> None:
        self.summary_view.setPlainText(summary_text(summary))
        self._finish(f"Export finished: {summary.path}" + (f" ({len(summary.warnings)} warning(s))" if summary.warnings else ""))
        self.progress_bar.setRange(0, max(summary.records, 1))
        self.progress_bar.setValue(max(summary.records, 1))
        self.progress_bar.setTextVisible(True)
        self._suggest_destination()  # a fresh name for the next export (unless the user chose one)
        self.exported.emit(summary)

    def _on_failed(self, message: str) -> None:
        self.summary_view.setPlainText(f"Nothing was written.\n\n{message}")
        self._finish(f"Export failed: {message}")
        self.export_failed.emit(message)

    def _on_cancelled(self) -> None:
        self.summary_view.setPlainText("Export cancelled; nothing was written.")
        self._finish("Export cancelled.")
        self.export_cancelled.emit()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt name)
        """Closing while an export runs cancels it and waits, so no thread outlives the dialog."""
        if self.worker is not None:
            self.worker.cancel()
            self.pool.waitForDone()
        super().closeEvent(event)


def open_export_dialog(project: service.Project, parent: QWidget | None = None) -> ExportDialog:
    """Show the export dialog for `project` (non-modal) and return it; what the main window's menu calls."""
    dialog = ExportDialog(project, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, parent is not None)
    dialog.show()
    dialog.raise_()
    return dialog
