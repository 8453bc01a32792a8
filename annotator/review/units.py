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
    owners: dict[SpanKey, list[str]] = {}
    outgoing: dict[str, dict[SpanKey, list[RelKey]]] = {}
    for name in layers:
        view = doc.view(name)
        for key in view.spans:
            owners.setdefault(key, []).append(name)
        by_head = outgoing[name] = {}
        for rel in view.relations:
            by_head.setdefault(rel[0], []).append(rel)
    out: list[Unit] = []
    for group in _groups(list(owners)):
        keys_of: dict[str, list[SpanKey]] = {}
        for key in group:  # sorted, so each layer's keys come out sorted
            for name in owners[key]:
                keys_of.setdefault(name, []).append(key)
        versions: dict[tuple, list[str]] = {}
        for name in layers:
            if name in keys_of:
                keys = tuple(keys_of[name])
                heads = outgoing[name]
                rels = tuple(sorted(r for k in keys if k in heads for r in heads[k])) if heads else ()
                versions.setdefault((keys, rels), []).append(name)
        absent = tuple(name for name in layers if name not in keys_of)
        ranked = list(versions.items())
        if len(ranked) > 1:
            ranked.sort(key=lambda item: (-len(item[1]), layers.index(item[1][0])))
        variants = tuple(Variant(keys, rels, tuple(who)) for (keys, rels), who in ranked)
        out.append(Unit(doc.doc_id, group[0][0], max(k[1] for k in group), variants, absent, tuple(layers)))
    return out


def disputed(all_units: Sequence[Unit]) -> list[Unit]:
    return [u for u in all_units if not u.agreed]
