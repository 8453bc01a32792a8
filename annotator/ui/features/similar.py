"""The same claim across documents: the similar-claims panel as a dock, following the selected claim;
joining or leaving a cluster goes on the undo stack."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from annotator.core.model import Span
from annotator.project import ClusterChange
from annotator.ui.assist import SimilarClaimsPanel
from annotator.ui.features.commands import ClusterEdit

DOCK = "Similar claims"


class SimilarClaimsFeature(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window, self.ws = window, window.workspace
        self.panel = SimilarClaimsPanel(self.ws.project)
        self.panel.setObjectName("similarClaims")
        self.span_id: str | None = None
        # Ranking loads scikit-learn and reads every claim: wait until the selection settles (Tab
        # held down), and only while the dock can be seen.
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.update_panel)
        window.add_feature("similar", docks=[(DOCK, self.panel)])
        self.dock = window.docks[DOCK]
        window.tabifyDockWidget(window.docks["Guidelines"], self.dock)  # beside Spans and Guidelines
        window.docks["Spans"].raise_()
        self.dock.visibilityChanged.connect(lambda visible: visible and self.timer.start())
        window.labeller.selection_changed.connect(self._on_selection)
        self.panel.clustersChanged.connect(self._on_clusters)

    def _on_selection(self, span: Span | None) -> None:
        claim = span is not None and self.ws.schema.group_of(span.label) == "claim"
        self.span_id = span.id if claim else None
        self.timer.start()

    def update_panel(self) -> None:
        if not self.dock.isVisible():
            return  # brought up to date when it is shown
        if self.ws.busy:  # a job holds the project connection: no reads until it ends
            self.timer.start()
            return
        self.panel.set_claim(self.span_id)
        if self.ws.readonly:  # another annotator's layer: look, do not regroup their claims
            self.panel.join_button.setEnabled(False)
            self.panel.leave_button.setEnabled(False)

    def _on_clusters(self, change: ClusterChange) -> None:
        if change.previous:  # a join of claims already together changes nothing: nothing to undo
            self.ws.record(ClusterEdit(self.ws, change, refresh=self._refresh_now))

    def _refresh_now(self) -> None:
        if self.panel.span_id is not None:
            self.panel.set_claim(self.panel.span_id)
