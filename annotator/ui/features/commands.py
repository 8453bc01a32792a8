"""Undo commands of the assistance features: accept / reject suggestions, copy labels to repeated
passages, cluster edits. Like `annotator.ui.commands`, each forward()/backward() is one service call.

Additions that made many spans at once are redone with `restore` (the same ids, so later commands
on the stack that name those spans still find them) and undone with `remove_added`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Callable

import annotator.project as svc
from annotator.project import ChangeSet, ClusterChange
from annotator.ui.commands import ServiceCommand


class _Addition(ServiceCommand):
    """A many-span addition: the first forward() runs `first()`, later ones restore what it added."""

    def __init__(self, workspace, text: str) -> None:
        super().__init__(workspace, text)
        self.added: ChangeSet | None = None

    def first(self) -> ChangeSet:
        raise NotImplementedError

    def forward(self) -> ChangeSet:
        if self.added is None:
            self.added = self.first()
            return self.added
        return svc.restore(self.project, spans=self.added.spans_added, relations=self.added.relations_added)

    def backward(self) -> ChangeSet:
        assert self.added is not None
        return svc.remove_added(self.project, span_ids=[s.id for s in self.added.spans_added],
                                relation_ids=[r.id for r in self.added.relations_added])


class AcceptSuggestions(_Addition):
    """Copy suggestions (each claim with its sources, links and cue) into the annotator's layer."""

    def __init__(self, workspace, span_ids: list[str], text: str) -> None:
        super().__init__(workspace, text)
        self.span_ids, self.layer = list(span_ids), workspace.layer

    def first(self) -> ChangeSet:
        return svc.accept_suggestions(self.project, span_ids=self.span_ids, layer=self.layer)


class RejectSuggestion(ServiceCommand):
    """Remove a suggestion (and the cue and sources only it used) from the suggestion layer.

    `run_count()` counts the engine's runs: a run replaces the suggestion layer, so a reject made
    before it is not undone by putting the old suggestions back beside the new ones."""

    def __init__(self, workspace, span_id: str, label: str, run_count: Callable[[], int] = lambda: 0) -> None:
        super().__init__(workspace, f"Reject suggested {label}")
        self.span_id = span_id
        self.run_count, self.runs = run_count, run_count()
        self.removed: ChangeSet | None = None

    def forward(self) -> ChangeSet:
        self.removed = svc.reject_suggestion(self.project, span_id=self.span_id)
        self.runs = self.run_count()
        return self.removed

    def backward(self) -> ChangeSet:
        assert self.removed is not None
        if self.run_count() != self.runs:
            self.ws.notice.emit("Suggestions were made again since this reject: nothing to bring back.")
            return ChangeSet(doc_id=self.removed.doc_id, layer=self.removed.layer)
        return svc.restore(self.project, spans=self.removed.spans_removed, relations=self.removed.relations_removed)


class CopyToTwins(_Addition):
    """Copy the layer's spans of one occurrence of a repeated passage to its identical twins.

    Twins may lie in other documents: the workspace is given the open document's part as the
    command's result, and each other document's part is announced at once (queue counts)."""

    def __init__(self, workspace, *, passage: str, start: int) -> None:
        super().__init__(workspace, "Copy labels to repeated passages")
        self.doc_id, self.layer, self.passage, self.start = workspace.doc.id, workspace.layer, passage, start

    def first(self) -> ChangeSet:
        return svc.copy_spans_to_twins(self.project, doc_id=self.doc_id, layer=self.layer,
                                       passage=self.passage, start=self.start)

    def forward(self) -> ChangeSet:
        return self._split(super().forward())

    def backward(self) -> ChangeSet:
        return self._split(super().backward())

    def _split(self, change: ChangeSet) -> ChangeSet:
        parts: dict[str, ChangeSet] = defaultdict(lambda: ChangeSet(layer=self.layer))
        for name in ("spans_added", "spans_removed", "relations_added", "relations_removed"):
            for item in getattr(change, name):
                part = parts[item.doc_id]
                part.doc_id = item.doc_id
                getattr(part, name).append(item)
        mine = parts.pop(self.doc_id, ChangeSet(doc_id=self.doc_id, layer=self.layer))
        for doc_id, part in parts.items():
            part.status = (None, svc.status(self.project, doc_id=doc_id, layer=self.layer))
            self.ws.apply_change(part)  # not the open document: only the queue's counts move
        return mine


class ClusterEdit(ServiceCommand):
    """A join or leave already saved by the similar-claims panel; undo and redo with `set_clusters`."""

    def __init__(self, workspace, change: ClusterChange, *, refresh: Callable[[], None]) -> None:
        joined = any(before != change.cluster_id for before in change.previous.values())
        n = len(change.previous)
        super().__init__(workspace, f"Join {n} claim(s) into a cluster" if joined else "Leave the cluster")
        self.before = dict(change.previous)
        # a join moves claims into change.cluster_id; a leave takes the claim out of it
        self.after = {sid: (None if before == change.cluster_id else change.cluster_id)
                      for sid, before in change.previous.items()}
        self.doc_id, self.layer = (workspace.doc.id if workspace.doc else None), workspace.layer
        self.refresh = refresh

    def _set(self, assignments: dict[str, str | None]) -> ChangeSet:
        svc.set_clusters(self.project, assignments=assignments)
        self.refresh()
        return ChangeSet(doc_id=self.doc_id, layer=self.layer)

    def forward(self) -> ChangeSet:
        return self._set(self.after)

    def backward(self) -> ChangeSet:
        return self._set(self.before)
