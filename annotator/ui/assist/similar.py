"""The same claim across documents, for the details panel: similar claims and the claim's cluster."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from annotator import project as service


class SimilarClaimsPanel(QWidget):
    """Lists the claims of other documents most like the selected one; tick some and join a cluster."""

    clustersChanged = Signal(object)  # a ClusterChange (its `previous` undoes it via set_clusters)

    def __init__(self, project: service.Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.span_id: str | None = None
        self.heading = QLabel("Select a claim to see similar claims in other documents.")
        self.heading.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)  # claims are sentences: wrap them rather than scroll sideways
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.join_button = QPushButton("Join cluster")
        self.leave_button = QPushButton("Leave cluster")
        self.join_button.clicked.connect(self.join_checked)
        self.leave_button.clicked.connect(self.leave)
        buttons = QHBoxLayout()
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_claim(self, span_id: str | None, layers: list[str] | None = None) -> None:
        """Show the claims most like this one (None clears the panel)."""
        self.span_id = span_id
        self.list.clear()
        if span_id is None:
            self.heading.setText("Select a claim to see similar claims in other documents.")
            self._update_buttons()
            return
        cluster = service.cluster_of(self.project, span_id=span_id)
        members = len(service.cluster_members(self.project, cluster_id=cluster)) if cluster else 0
        self.heading.setText(f"In a cluster of {members} claims." if cluster else "Not in a cluster.")
        for found in service.similar_claims(self.project, span_id=span_id, layers=layers):
            mark = " ●" if cluster and found.cluster == cluster else ""
            item = QListWidgetItem(f"{found.score:.2f}  {found.span.doc_id}{mark}\n{found.text}")
            item.setData(Qt.ItemDataRole.UserRole, found.span.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._update_buttons()

    def checked(self) -> list[str]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [it.data(Qt.ItemDataRole.UserRole) for it in items if it.checkState() == Qt.CheckState.Checked]

    def join_checked(self) -> None:
        if self.span_id is None:
            return
        change = service.join_cluster(self.project, span_ids=[self.span_id, *self.checked()])
        self.set_claim(self.span_id)
        self.clustersChanged.emit(change)

    def leave(self) -> None:
        if self.span_id is None:
            return
        change = service.leave_cluster(self.project, span_id=self.span_id)
        self.set_claim(self.span_id)
        self.clustersChanged.emit(change)

    def _update_buttons(self) -> None:
        has = self.span_id is not None
        self.join_button.setEnabled(has)
        self.leave_button.setEnabled(has and service.cluster_of(self.project, span_id=self.span_id) is not None)
