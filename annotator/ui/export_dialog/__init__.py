"""The export dialog: choose format, layer, documents, labels, split and destination; export with progress and cancel.

The main window opens it with `open_export_dialog(project, parent)`.
"""

from annotator.ui.export_dialog.dialog import ExportDialog, open_export_dialog
from annotator.ui.export_dialog.summary import summary_text
from annotator.ui.export_dialog.worker import ExportSignals, ExportWorker

__all__ = ["ExportDialog", "ExportSignals", "ExportWorker", "open_export_dialog", "summary_text"]
