"""What a service call changed, so views refresh from it instead of reloading everything."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Relation, Span


@dataclass
class ChangeSet:
    doc_id: str | None = None
    layer: str | None = None
    spans_added: list[Span] = field(default_factory=list)
    spans_removed: list[Span] = field(default_factory=list)
    spans_updated: list[tuple[Span, Span]] = field(default_factory=list)  # (before, after)
    relations_added: list[Relation] = field(default_factory=list)
    relations_removed: list[Relation] = field(default_factory=list)
    status: tuple[str | None, str] | None = None  # (before, after)
    documents_added: list[str] = field(default_factory=list)
    layers_added: list[str] = field(default_factory=list)
    schema_changed: bool = False

    def __bool__(self) -> bool:
        return any(
            (self.spans_added, self.spans_removed, self.spans_updated, self.relations_added,
             self.relations_removed, self.status, self.documents_added, self.layers_added, self.schema_changed)
        )
