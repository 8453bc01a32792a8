"""Moving through the queue: open a document, next/previous, done and next, where you left off."""

from __future__ import annotations

from PySide6.QtCore import QObject

import annotator.project as svc
from annotator.core.model import Status
from annotator.project import ChangeSet
from annotator.ui import commands as cmd
from annotator.ui.queue.model import QueueModel
from annotator.ui.queue.panel import QueuePanel
from annotator.ui.workspace import Workspace


class Navigator(QObject):
    def __init__(self, workspace: Workspace, model: QueueModel, panel: QueuePanel) -> None:
        super().__init__(panel)
        self.ws, self.model, self.panel = workspace, model, panel
        panel.document_chosen.connect(self.open)
        workspace.changed.connect(self._on_change)

    @property
    def current(self) -> str | None:
        return self.ws.doc.id if self.ws.doc else None

    def open(self, doc_id: str, layer: str | None = None) -> None:
        layer = layer or self.ws.layer
        if self.ws.doc is not None and (doc_id, layer) == (self.ws.doc.id, self.ws.layer):
            return
        if layer != self.model.layer:
            self.model.reload(layer)
        self.ws.open_document(doc_id, layer)
        self.panel.show_current(doc_id)

    def switch_layer(self, layer: str) -> None:
        if self.current is not None:
            self.open(self.current, layer)

    def start(self, *, doc: str | None = None, layer: str | None = None) -> None:
        """Open `doc` in `layer`, else where this annotator left off, else the first document not done."""
        place = svc.last_place(self.ws.project, user=self.ws.user)
        layer = layer or (place["layer"] if place and not doc else None) or self.ws.user
        if layer not in {lay.name for lay in svc.visible_layers(self.ws.project, user=self.ws.user)}:
            self.ws.notice.emit(f"The layer {layer!r} is not open to you in this project; showing your own.")
            layer = self.ws.user
        target = doc or (place["doc_id"] if place else None)
        if target is None:
            self.model.reload(layer)
            target = self.model.next_todo(None) or self.model.doc_id(0)
        if target is not None:
            self.open(target, layer)

    def step(self, delta: int) -> None:
        row = self.model.row_of(self.current) if self.current else -1
        target = self.model.doc_id(row + delta)
        if target is not None:
            self.open(target)

    def next_document(self) -> None:
        self.step(+1)

    def previous_document(self) -> None:
        self.step(-1)

    def done_and_next(self) -> bool:
        """Ctrl+Enter: mark the document done and open the next one not done."""
        if self.ws.doc is None:
            return False
        if self.ws.status != Status.DONE.value and not self.ws.execute(cmd.SetStatus(self.ws, Status.DONE.value)):
            return False
        target = self.model.next_todo(self.current)
        if target is None:
            self.ws.notice.emit(f"All {self.model.rowCount()} documents are done in this layer.")
            return True
        self.open(target)
        return True

    def mark_in_progress(self) -> bool:
        if self.ws.doc is None or self.ws.status == Status.IN_PROGRESS.value:
            return False
        return self.ws.execute(cmd.SetStatus(self.ws, Status.IN_PROGRESS.value))

    def _on_change(self, change: ChangeSet) -> None:
        self.model.apply_change(change)
