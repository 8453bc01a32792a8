"""What the measures read: one document's text and each compared layer's annotations, duplicates folded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from annotator.core.model import Relation, Span

SpanKey = tuple[int, int, str]  # (start, end, label): what makes two spans the same annotation
RelKey = tuple[SpanKey, SpanKey, str]  # (head key, tail key, relation label)


@dataclass
class LayerView:
    """One layer's annotations of one document; identical spans (same start, end, label) count once."""

    spans: dict[SpanKey, Span] = field(default_factory=dict)
    relations: set[RelKey] = field(default_factory=set)

    @classmethod
    def build(cls, spans: Iterable[Span], relations: Iterable[Relation] = ()) -> "LayerView":
        by_key: dict[SpanKey, Span] = {}
        key_of: dict[str, SpanKey] = {}
        # Sorted so that which duplicate represents a key (its id, note) does not depend on row order.
        for span in sorted(spans, key=lambda s: (s.start, s.end, s.label, s.id)):
            by_key.setdefault(span.key, span)
            key_of[span.id] = span.key
        rels = {
            (key_of[r.head], key_of[r.tail], r.label)
            for r in relations
            if r.head in key_of and r.tail in key_of
        }
        return cls(by_key, rels)

    @property
    def keys(self) -> list[SpanKey]:
        return sorted(self.spans)

    def keys_with_label(self, label: str) -> list[SpanKey]:
        return [k for k in self.keys if k[2] == label]

    @property
    def labels(self) -> set[str]:
        return {k[2] for k in self.spans}


@dataclass
class ReviewDocument:
    """A document and the views of the layers being compared or voted on."""

    doc_id: str
    text: str
    layers: Mapping[str, LayerView]
    title: str = ""

    @classmethod
    def build(
        cls,
        doc_id: str,
        text: str,
        spans: Mapping[str, Iterable[Span]],
        relations: Mapping[str, Iterable[Relation]] | None = None,
        title: str = "",
    ) -> "ReviewDocument":
        relations = relations or {}
        views = {name: LayerView.build(s, relations.get(name, ())) for name, s in spans.items()}
        return cls(doc_id, text, views, title or doc_id)

    def view(self, layer: str) -> LayerView:
        """The layer's view; a layer with no annotations here is an empty view, not an error."""
        return self.layers.get(layer) or LayerView()


def spans_from_keys(doc_id: str, layer: str, keys: Iterable[SpanKey], prefix: str = "") -> list[Span]:
    """Spans for hand-written cases and tests: ids are `prefix` + position."""
    return [Span(f"{prefix}{i}", doc_id, layer, s, e, lab) for i, (s, e, lab) in enumerate(keys)]
