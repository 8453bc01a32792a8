"""The agreement dashboard: headline figures, pairwise heatmap, per-label bars, documents by disagreement.

Computed off the UI thread with a progress bar and a Cancel button; double-click (or Enter on) a
document to ask for it in review (`document_requested`).
"""

from __future__ import annotations

import html
from typing import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QTableView, QVBoxLayout, QWidget)

from annotator.project import Project
from annotator.review.report import AgreementReport
from annotator.ui.review.charts import PAIR_MEASURES, LabelBars, PairHeatmap
from annotator.ui.review.models import DOC_ID_ROLE, DocumentAgreementModel
from annotator.ui.review.worker import AgreementJob, start_job


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


class AgreementDashboard(QWidget):
    document_requested = Signal(str)

    def __init__(self, project: Project, parent: QWidget | None = None, *, layers: Sequence[str] | None = None,
                 compute: bool = True) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.project = project
        self.report: AgreementReport | None = None
        self.job: AgreementJob | None = None
        self.thread = None
        self.setWindowTitle(f"Agreement — {project.path.name}")
        self.headline = QLabel()
        self.headline.setTextFormat(Qt.TextFormat.RichText)
        self.headline.setWordWrap(True)
        self.layers_edit = QLineEdit(",".join(layers or []))
        self.layers_edit.setPlaceholderText("layers to compare, e.g. alice,bob (empty: every annotator layer)")
        self.recompute_button = QPushButton("Compute")
        self.cancel_button = QPushButton("Cancel")
        self.bar = QProgressBar()
        self.measure = QComboBox()
        for key, title in PAIR_MEASURES.items():
            self.measure.addItem(title, key)
        self.heatmap = PairHeatmap()
        self.bars = LabelBars()
        self.model = DocumentAgreementModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.open_button = QPushButton("Open in review")
        self._build()
        self.recompute_button.clicked.connect(self.compute)
        self.cancel_button.clicked.connect(self.cancel)
        self.measure.currentIndexChanged.connect(lambda _i: self.heatmap.set_report(self.report, self.measure.currentData()))
        self.table.doubleClicked.connect(self._request)
        self.table.activated.connect(self._request)
        self.open_button.clicked.connect(lambda: self._request(self.table.currentIndex()))
        self.resize(1100, 720)
        self._busy(False)
        if compute:
            self.compute()

    def _build(self) -> None:
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Layers:"))
        controls.addWidget(self.layers_edit, 1)
        controls.addWidget(self.recompute_button)
        controls.addWidget(self.bar)
        controls.addWidget(self.cancel_button)
        grid = QGridLayout()
        heat_box = QVBoxLayout()
        heat_row = QHBoxLayout()
        heat_row.addWidget(QLabel("Pairs:"))
        heat_row.addWidget(self.measure)
        heat_row.addStretch(1)
        heat_box.addLayout(heat_row)
        heat_box.addWidget(self.heatmap, 1)
        grid.addLayout(heat_box, 0, 0)
        bars_box = QVBoxLayout()
        bars_box.addWidget(QLabel("Per label (one against the rest)"))
        bars_box.addWidget(self.bars, 1)
        grid.addLayout(bars_box, 0, 1)
        docs_box = QVBoxLayout()
        docs_row = QHBoxLayout()
        docs_row.addWidget(QLabel("Documents, most disagreement first (double-click to review):"), 1)
        docs_row.addWidget(self.open_button)
        docs_box.addLayout(docs_row)
        docs_box.addWidget(self.table, 1)
        grid.addLayout(docs_box, 1, 0, 1, 2)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        column = QVBoxLayout(self)
        column.addLayout(controls)
        column.addWidget(self.headline)
        column.addLayout(grid, 1)

    # computing ---------------------------------------------------------------------------------
    def chosen_layers(self) -> list[str] | None:
        names = [x.strip() for x in self.layers_edit.text().split(",") if x.strip()]
        return names or None

    def compute(self) -> None:
        if self.job is not None:
            return
        self._busy(True)
        self.headline.setText("Computing agreement…")
        self.job = AgreementJob(self.project.path, self.chosen_layers())
        self.job.progress.connect(self._progress)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        self.thread = start_job(self.job, self)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _done(self, report: AgreementReport) -> None:
        self._finish_job()
        self.set_report(report)

    def _failed(self, message: str) -> None:
        self._finish_job()
        self.headline.setText(f"<span style='color:#b91c1c'>{html.escape(message, quote=False)}</span>")

    def _finish_job(self) -> None:
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
        self.job = None
        self.thread = None
        self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.recompute_button.setEnabled(not busy)

    # showing -----------------------------------------------------------------------------------
    def set_report(self, report: AgreementReport) -> None:
        self.report = report
        r = report
        self.headline.setText(
            f"<b>{html.escape(', '.join(r.layers))}</b> over <b>{len(r.documents)}</b> document(s) done in every "
            f"layer ({r.tokens:,} tokens) — token α <b>{_fmt(r.token_alpha)}</b> · α_U <b>{_fmt(r.unitizing_alpha)}</b> · "
            f"span F1 exact <b>{_fmt(r.span_f1_exact)}</b> / overlap <b>{_fmt(r.span_f1_overlap)}</b> · "
            f"relation F1 <b>{_fmt(r.relation_f1)}</b>"
        )
        self.heatmap.set_report(report, self.measure.currentData())
        self.bars.set_report(report)
        self.model.set_documents(report.per_document)

    def _request(self, index: QModelIndex) -> None:
        if index.isValid():
            self.document_requested.emit(self.model.data(index, DOC_ID_ROLE))

    def closeEvent(self, event) -> None:
        if self.job is not None:
            self.job.cancel()
            self._finish_job()
        super().closeEvent(event)
