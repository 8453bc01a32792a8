"""Pure domain: documents, spans, relations, schema, offsets, tokens. No Qt, no SQL."""

from annotator.core.errors import AnnotatorError, FormatError, ProjectError
from annotator.core.model import (
    AnnotatedDocument,
    Document,
    LabelDef,
    Layer,
    LayerKind,
    Relation,
    Schema,
    Span,
    Status,
    new_id,
)

__all__ = [
    "AnnotatedDocument",
    "AnnotatorError",
    "Document",
    "FormatError",
    "LabelDef",
    "Layer",
    "LayerKind",
    "ProjectError",
    "Relation",
    "Schema",
    "Span",
    "Status",
    "new_id",
]
