"""The label model: documents, layers, spans, relations and the schema."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterable, Mapping


def new_id() -> str:
    """A fresh span/relation id; UUIDs so that project files merge without collisions."""
    return str(uuid.uuid4())


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value.lower()
    except (ValueError, AttributeError, TypeError):
        return False


class LayerKind(str, Enum):
    ANNOTATOR = "annotator"
    GOLD = "gold"
    SUGGESTION = "suggestion"


class Status(str, Enum):
    TODO = "todo"
    IN_PROGRESS = "in progress"
    DONE = "done"

    @classmethod
    def parse(cls, value: str) -> "Status":
        normal = value.strip().lower().replace("_", " ").replace("-", " ")
        for status in cls:
            if status.value == normal:
                return status
        raise ValueError(f"unknown status {value!r} (expected todo, in progress or done)")


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)

    @property
    def title(self) -> str:
        return str(self.meta.get("title") or self.id)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Layer:
    name: str
    kind: LayerKind = LayerKind.ANNOTATOR


@dataclass(frozen=True)
class Span:
    id: str
    doc_id: str
    layer: str
    start: int
    end: int
    label: str
    note: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def key(self) -> tuple[int, int, str]:
        """What makes two spans of one layer the same annotation."""
        return (self.start, self.end, self.label)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class Relation:
    id: str
    doc_id: str
    layer: str
    head: str
    tail: str
    label: str


@dataclass(frozen=True)
class LabelDef:
    """One label of the schema: a span label (with a group) or a relation label."""

    name: str
    kind: str = "span"  # "span" or "relation"
    group: str = "other"
    color: str = "#bbbbbb"
    key: str = ""
    description: str = ""
    example: str = ""

    def to_dict(self) -> dict[str, str]:
        return {
            "name": self.name,
            "kind": self.kind,
            "group": self.group,
            "color": self.color,
            "key": self.key,
            "description": self.description,
            "example": self.example,
        }


@dataclass(frozen=True)
class Schema:
    labels: tuple[LabelDef, ...] = ()

    @property
    def span_labels(self) -> tuple[LabelDef, ...]:
        return tuple(label for label in self.labels if label.kind == "span")

    @property
    def relation_labels(self) -> tuple[LabelDef, ...]:
        return tuple(label for label in self.labels if label.kind == "relation")

    def get(self, name: str) -> LabelDef | None:
        for label in self.labels:
            if label.name == name:
                return label
        return None

    def by_key(self, key: str) -> LabelDef | None:
        for label in self.span_labels:
            if label.key and label.key == key:
                return label
        return None

    def group_of(self, name: str) -> str:
        label = self.get(name)
        return label.group if label else "other"

    def with_labels(self, names: Iterable[str], kind: str) -> "Schema":
        """This schema plus a plain entry for every unknown name (so no imported label is lost)."""
        known = {(label.name, label.kind) for label in self.labels}
        extra = tuple(
            LabelDef(name=name, kind=kind)
            for name in dict.fromkeys(names)
            if (name, kind) not in known
        )
        return Schema(self.labels + extra) if extra else self

    @classmethod
    def from_dicts(cls, items: Iterable[Mapping[str, Any]]) -> "Schema":
        fields = LabelDef.__dataclass_fields__
        return cls(tuple(LabelDef(**{k: v for k, v in item.items() if k in fields}) for item in items))


@dataclass
class AnnotatedDocument:
    """A document with one layer's annotations: the unit that exports and imports pass around."""

    document: Document
    layer: str | None = None
    status: str | None = None
    spans: list[Span] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    layer_kind: LayerKind = LayerKind.ANNOTATOR
    clusters: dict[str, str] = field(default_factory=dict)  # span id -> claim cluster id
