"""Units of disagreement: overlapping spans of all layers of a document, clustered, with their variants.

Spans cluster when they overlap (share at least one character), whatever their label or layer, and
transitively. Within a unit each layer's version (its spans there, and the relations whose head is one
of them) is a variant; layers with the same version share one variant. A unit is agreed when every
voting layer has the same, non-empty version; otherwise it is disputed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from annotator.review.data import RelKey, ReviewDocument, SpanKey


@dataclass(frozen=True)
class Variant:
    spans: tuple[SpanKey, ...]
    relations: tuple[RelKey, ...]
    layers: tuple[str, ...]  # who chose it, in layer order

    @property
    def votes(self) -> int:
        return len(self.layers)


@dataclass(frozen=True)
class Unit:
    doc_id: str
    start: int
    end: int
    variants: tuple[Variant, ...]  # most chosen first
    absent: tuple[str, ...]  # voting layers with no span in the unit
    layers: tuple[str, ...]  # the voting layers

    @property
    def id(self) -> str:
        """Stable while the annotations stay the same: the unit's extent in the document."""
        return f"{self.start}-{self.end}"

    @property
    def agreed(self) -> bool:
        return len(self.variants) == 1 and not self.absent

    def variant_of(self, layer: str) -> Variant | None:
        for variant in self.variants:
            if layer in variant.layers:
                return variant
        return None


def _groups(keys: list[SpanKey]) -> list[list[SpanKey]]:
    groups: list[list[SpanKey]] = []
    end = -1
    for key in sorted(keys):
        if groups and key[0] < end:
            groups[-1].append(key)
            end = max(end, key[1])
        else:
            groups.append([key])
            end = key[1]
    return groups


def units(doc: ReviewDocument, layers: Sequence[str]) -> list[Unit]:
    """The units of one document over the given (voting) layers, in text order."""
    layers = list(layers)
    views = {name: doc.view(name) for name in layers}
    every = {key for view in views.values() for key in view.spans}
    out: list[Unit] = []
    for group in _groups(list(every)):
        members = set(group)
        versions: dict[tuple, list[str]] = {}
        absent: list[str] = []
        for name in layers:
            view = views[name]
            keys = tuple(sorted(k for k in view.spans if k in members))
            if not keys:
                absent.append(name)
                continue
            rels = tuple(sorted(r for r in view.relations if r[0] in members))
            versions.setdefault((keys, rels), []).append(name)
        ranked = sorted(versions.items(), key=lambda item: (-len(item[1]), layers.index(item[1][0])))
        variants = tuple(Variant(keys, rels, tuple(who)) for (keys, rels), who in ranked)
        out.append(Unit(doc.doc_id, min(k[0] for k in group), max(k[1] for k in group), variants, tuple(absent), tuple(layers)))
    return out


def disputed(all_units: Sequence[Unit]) -> list[Unit]:
    return [u for u in all_units if not u.agreed]
