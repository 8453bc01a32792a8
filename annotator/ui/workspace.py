"""The open project as the window sees it: current document and layer, its spans, undo stacks, save state.

Every edit goes through `execute`, which calls the service API at once (one transaction per action).
A failed call is never swallowed: the edit is kept as `pending`, shown, and can be retried or discarded.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

import annotator.project as svc
from annotator.core.model import Document, Relation, Status
from annotator.project import ChangeSet, Project
from annotator.ui.offsets import TextPositions
from annotator.ui.span_map import SpanMap

log = logging.getLogger(__name__)


@dataclass
class SaveState:
    """What the status bar shows: "saved" (with the time), "failed" (with the error) or "idle"."""

    state: str = "idle"
    message: str = ""
    at: float = field(default_factory=time.time)


@dataclass
class Pending:
    """An edit whose service call failed: kept so that it can be retried."""

    kind: str  # "do", "undo" or "redo"
    command: QUndoCommand
    stack: QUndoStack
    error: BaseException | None = None


class Workspace(QObject):
    document_opened = Signal()
    changed = Signal(object)  # ChangeSet, after the workspace's own copy was updated
    save_state_changed = Signal(object)  # SaveState
    schema_changed = Signal()
    notice = Signal(str)  # a short message for the status bar

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.user = project.user
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[tuple[str, str], QUndoStack] = {}
        self.doc: Document | None = None
        self.layer: str = self.user
        self.positions = TextPositions("")
        self.spans: SpanMap = SpanMap()
        self.relations: dict[str, Relation] = {}
        self.status: str = Status.TODO.value
        self.pending: Pending | None = None
        self._place: tuple[str, str] | None = None
        self.save_state = SaveState()
        # Set while a long job (import, suggestions) writes through this project on a worker thread:
        # the connection is shared, so no edit may start on the UI thread until it ends.
        self.busy = ""

    # the current document ---------------------------------------------------------------------
    @property
    def readonly(self) -> bool:
        """Another annotator's layer (or a project opened read-only) is shown but never edited."""
        return self.project.readonly or self.layer != self.user

    @property
    def schema(self):
        return self.project.schema

    def open_document(self, doc_id: str, layer: str | None = None) -> None:
        layer = layer or self.layer or self.user
        doc = svc.document(self.project, doc_id)
        content = svc.load_layer(self.project, doc_id=doc_id, layer=layer)
        self.doc, self.layer = doc, layer
        self.positions = TextPositions(doc.text)
        self.spans = SpanMap({row[0]: row for row in content.span_rows}, content.span)
        self.relations = {r.id: r for r in content.relations}
        self.status = content.status
        self.undo_group.setActiveStack(self.stack_for(doc_id, layer))
        self.document_opened.emit()
        if not self.project.readonly:
            # after the first paint: the write (and its fsync) need not delay the text appearing
            self._place = (doc_id, layer)
            QTimer.singleShot(0, self.flush_place)

    def flush_place(self) -> None:
        """Store where the annotator is (deferred from open_document; also run on close)."""
        if self.busy:
            return  # kept for after the job: its transaction must not take in this write
        place, self._place = self._place, None
        if place is None or self.project.store.db is None:
            return
        try:
            svc.remember_place(self.project, user=self.user, doc_id=place[0], layer=place[1])
        except Exception as exc:  # where we are is a convenience; edits report their own failures
            log.warning("could not remember the place: %s", exc)
            self.notice.emit(f"Could not remember the open document: {exc}")

    def forget_history(self) -> None:
        """The project file was replaced (a backup restored): undo stacks, a failed edit and the open
        document all refer to the old state, so they go; open a document again afterwards."""
        self.undo_group.setActiveStack(None)
        for stack in self._stacks.values():
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._stacks.clear()
        self.pending = None
        self._place = None
        self.doc = None
        self.spans = SpanMap()
        self.relations = {}
        self.status = Status.TODO.value
        self._set_save_state(SaveState("idle", ""))

    def reload(self) -> None:
        if self.doc is not None:
            self.open_document(self.doc.id, self.layer)

    def stack_for(self, doc_id: str, layer: str) -> QUndoStack:
        """One undo stack per document and layer: undo follows you back to a document within a session."""
        key = (doc_id, layer)
        stack = self._stacks.get(key)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[key] = stack
        return stack

    @property
    def stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def relations_of(self, span_id: str) -> list[Relation]:
        return [r for r in self.relations.values() if r.head == span_id or r.tail == span_id]

    # edits ------------------------------------------------------------------------------------
    def execute(self, command: QUndoCommand) -> bool:
        """Run a new user action now; on success it goes on the undo stack."""
        if self.readonly:
            self.notice.emit(f"The layer {self.layer!r} is read-only here; switch to your own layer to edit.")
            return False
        if self.pending is not None or self._busy():
            self._blocked()
            return False
        stack = self.stack
        if stack is None:
            return False
        return self._run(Pending("do", command, stack))

    def record(self, command: QUndoCommand) -> bool:
        """Put on the undo stack an action a standalone widget has already saved (its redo is not run now)."""
        stack = self.stack
        if stack is None:
            return False
        command.applied = True  # type: ignore[attr-defined]
        stack.push(command)
        command.applied = False  # type: ignore[attr-defined]
        self._set_save_state(SaveState("saved", command.text()))
        return True

    def undo(self) -> bool:
        stack = self.stack
        if stack is None or not stack.canUndo() or self.readonly:
            return False
        if self.pending is not None or self._busy():
            self._blocked()
            return False
        return self._run(Pending("undo", stack.command(stack.index() - 1), stack))

    def redo(self) -> bool:
        stack = self.stack
        if stack is None or not stack.canRedo() or self.readonly:
            return False
        if self.pending is not None or self._busy():
            self._blocked()
            return False
        return self._run(Pending("redo", stack.command(stack.index()), stack))

    def retry(self) -> bool:
        """Run the failed edit again."""
        if self.pending is None or self._busy():
            return False
        return self._run(self.pending)

    def discard_pending(self) -> None:
        """Give up a failed edit (the project keeps what it had before it)."""
        if self.pending is not None:
            self.pending = None
            self._set_save_state(SaveState("idle", "Failed edit discarded; the project is as it was before it."))

    def _busy(self) -> bool:
        if self.busy:
            self.notice.emit(f"{self.busy} is running; edits wait until it ends.")
        return bool(self.busy)

    def _blocked(self) -> None:
        if self.busy:
            return  # _busy() has said why
        self.notice.emit("An edit could not be saved: retry it (Ctrl+Shift+S) or discard it first.")

    def _run(self, p: Pending) -> bool:
        command = p.command
        try:
            change = command.backward() if p.kind == "undo" else command.forward()  # type: ignore[attr-defined]
        except Exception as exc:  # any failure of the project file: shown, kept, retryable
            log.exception("saving %r failed", command.text())
            p.error = exc
            self.pending = p
            self._set_save_state(SaveState("failed", f"{command.text()}: not saved — {type(exc).__name__}: {exc}"))
            return False
        self.pending = None
        command.applied = True  # type: ignore[attr-defined]  # the stack's redo()/undo() call is then a no-op
        if p.kind == "do":
            p.stack.push(command)
        elif p.kind == "undo":
            p.stack.undo()
        else:
            p.stack.redo()
        command.applied = False  # type: ignore[attr-defined]
        self.apply_change(change)
        verb = {"do": "", "undo": "Undid ", "redo": "Redid "}[p.kind]
        self._set_save_state(SaveState("saved", f"{verb}{command.text()}"))
        return True

    def apply_change(self, change: ChangeSet) -> None:
        """Update the workspace's copy from what a service call changed, then tell the views."""
        if self.doc is not None and change.doc_id == self.doc.id and change.layer == self.layer:
            for span in change.spans_removed:
                self.spans.pop(span.id, None)
            for span in change.spans_added:
                self.spans[span.id] = span
            for _before, after in change.spans_updated:
                self.spans[after.id] = after
            for rel in change.relations_removed:
                self.relations.pop(rel.id, None)
            for rel in change.relations_added:
                self.relations[rel.id] = rel
            if change.status is not None:
                self.status = change.status[1]
        self.changed.emit(change)

    def _set_save_state(self, state: SaveState) -> None:
        self.save_state = state
        self.save_state_changed.emit(state)

    # the schema -------------------------------------------------------------------------------
    def save_schema(self, schema, renames=None) -> None:
        """Store an edited schema (raises ProjectError when it is not acceptable) and refresh everything."""
        svc.save_schema(self.project, schema=schema, renames=renames)
        for stack in self._stacks.values():  # old commands name labels that may no longer exist
            stack.clear()
        self._set_save_state(SaveState("saved", "Labels saved"))
        self.reload()
        self.schema_changed.emit()
