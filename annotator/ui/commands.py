"""One QUndoCommand per user action; forward() and backward() each make one service call.

The workspace calls forward()/backward() itself (so that a failure can be kept and retried) and
then moves the stack with `applied` set, which turns the stack's own redo()/undo() call into a no-op.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

import annotator.project as svc
from annotator.core.model import Relation, Span, new_id
from annotator.project import ChangeSet


class ServiceCommand(QUndoCommand):
    def __init__(self, workspace, text: str) -> None:
        super().__init__(text)
        self.ws = workspace
        self.applied = False

    @property
    def project(self):
        return self.ws.project

    def forward(self) -> ChangeSet:
        raise NotImplementedError

    def backward(self) -> ChangeSet:
        raise NotImplementedError

    # Called by QUndoStack; only does work when something other than the workspace drives the stack.
    def redo(self) -> None:
        if not self.applied:
            self.ws.apply_change(self.forward())

    def undo(self) -> None:
        if not self.applied:
            self.ws.apply_change(self.backward())


class AddSpan(ServiceCommand):
    def __init__(self, workspace, *, start: int, end: int, label: str, note: str = "") -> None:
        super().__init__(workspace, f"Add {label}")
        self.span = Span(new_id(), workspace.doc.id, workspace.layer, start, end, label, note)

    def forward(self) -> ChangeSet:
        s = self.span
        return svc.add_span(self.project, doc_id=s.doc_id, layer=s.layer, start=s.start, end=s.end,
                            label=s.label, note=s.note, span_id=s.id)

    def backward(self) -> ChangeSet:
        return svc.remove_spans(self.project, span_ids=[self.span.id])


class DeleteSpans(ServiceCommand):
    def __init__(self, workspace, spans: list[Span]) -> None:
        super().__init__(workspace, f"Delete {spans[0].label}" if len(spans) == 1 else f"Delete {len(spans)} spans")
        self.spans = spans
        self.removed: ChangeSet | None = None

    def forward(self) -> ChangeSet:
        self.removed = svc.remove_spans(self.project, span_ids=[s.id for s in self.spans])
        return self.removed

    def backward(self) -> ChangeSet:
        assert self.removed is not None
        return svc.restore(self.project, spans=self.removed.spans_removed, relations=self.removed.relations_removed)


class RelabelSpan(ServiceCommand):
    def __init__(self, workspace, span: Span, label: str) -> None:
        super().__init__(workspace, f"Relabel {span.label} as {label}")
        self.span_id, self.before, self.after = span.id, span.label, label

    def forward(self) -> ChangeSet:
        return svc.relabel_span(self.project, span_id=self.span_id, label=self.after)

    def backward(self) -> ChangeSet:
        return svc.relabel_span(self.project, span_id=self.span_id, label=self.before)


class ResizeSpan(ServiceCommand):
    def __init__(self, workspace, span: Span, start: int, end: int) -> None:
        super().__init__(workspace, f"Resize {span.label}")
        self.span_id, self.before, self.after = span.id, (span.start, span.end), (start, end)

    def forward(self) -> ChangeSet:
        return svc.resize_span(self.project, span_id=self.span_id, start=self.after[0], end=self.after[1])

    def backward(self) -> ChangeSet:
        return svc.resize_span(self.project, span_id=self.span_id, start=self.before[0], end=self.before[1])


class EditNote(ServiceCommand):
    def __init__(self, workspace, span: Span, note: str) -> None:
        super().__init__(workspace, f"Note on {span.label}")
        self.span_id, self.before, self.after = span.id, span.note, note

    def forward(self) -> ChangeSet:
        return svc.set_note(self.project, span_id=self.span_id, note=self.after)

    def backward(self) -> ChangeSet:
        return svc.set_note(self.project, span_id=self.span_id, note=self.before)


class Link(ServiceCommand):
    def __init__(self, workspace, *, head: str, tail: str, label: str) -> None:
        super().__init__(workspace, f"Link {label}")
        self.relation = Relation(new_id(), workspace.doc.id, workspace.layer, head, tail, label)

    def forward(self) -> ChangeSet:
        r = self.relation
        return svc.link(self.project, head=r.head, tail=r.tail, label=r.label, relation_id=r.id)

    def backward(self) -> ChangeSet:
        return svc.unlink(self.project, relation_ids=[self.relation.id])


class Unlink(ServiceCommand):
    def __init__(self, workspace, relations: list[Relation]) -> None:
        super().__init__(workspace, f"Unlink {relations[0].label}" if len(relations) == 1 else f"Unlink {len(relations)} links")
        self.relations = [replace(r) for r in relations]

    def forward(self) -> ChangeSet:
        return svc.unlink(self.project, relation_ids=[r.id for r in self.relations])

    def backward(self) -> ChangeSet:
        return svc.restore(self.project, relations=self.relations)


class SetStatus(ServiceCommand):
    def __init__(self, workspace, status: str) -> None:
        super().__init__(workspace, f"Mark {status}")
        self.doc_id, self.layer = workspace.doc.id, workspace.layer
        self.before, self.after = workspace.status, status

    def forward(self) -> ChangeSet:
        return svc.set_status(self.project, doc_id=self.doc_id, layer=self.layer, status=self.after)

    def backward(self) -> ChangeSet:
        return svc.set_status(self.project, doc_id=self.doc_id, layer=self.layer, status=self.before)
