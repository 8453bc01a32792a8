"""The agreement report: figures per pair, per label, per document, and their JSON forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def _r(value: float | None, digits: int = 6) -> float | None:
    """JSON-safe figure: None stays None (undefined), floats are rounded for readability."""
    return None if value is None else round(float(value), digits)


@dataclass
class PairAgreement:
    a: str
    b: str
    span_f1_exact: float | None = None
    span_f1_overlap: float | None = None
    token_kappa: float | None = None
    relation_f1: float | None = None
    spans_a: int = 0
    spans_b: int = 0
    exact_matches: int = 0
    overlap_matches: int = 0
    relations_a: int = 0
    relations_b: int = 0
    relation_matches: int = 0

    def to_json(self, full: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "a": self.a, "b": self.b, "span_f1_exact": _r(self.span_f1_exact),
            "span_f1_overlap": _r(self.span_f1_overlap), "token_kappa": _r(self.token_kappa),
        }
        if full:
            out.update(
                relation_f1=_r(self.relation_f1), spans_a=self.spans_a, spans_b=self.spans_b,
                exact_matches=self.exact_matches, overlap_matches=self.overlap_matches,
                relations_a=self.relations_a, relations_b=self.relations_b, relation_matches=self.relation_matches,
            )
        return out


@dataclass
class LabelAgreement:
    """One label against the rest: token figures on mapped values, span F1s on that label's spans only.

    The label's span F1s pool the counts of every pair: 2·Σ matches / Σ (|A| + |B|).
    """

    label: str
    token_alpha: float | None = None
    span_f1_exact: float | None = None
    span_f1_overlap: float | None = None
    unitizing_alpha: float | None = None
    spans: dict[str, int] = field(default_factory=dict)  # per layer
    pairs: list[PairAgreement] = field(default_factory=list)

    def to_json(self, full: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"token_alpha": _r(self.token_alpha), "span_f1_exact": _r(self.span_f1_exact)}
        if full:
            out.update(
                span_f1_overlap=_r(self.span_f1_overlap), unitizing_alpha=_r(self.unitizing_alpha),
                spans=dict(self.spans), pairs=[p.to_json() for p in self.pairs],
            )
        return out


@dataclass
class DocumentAgreement:
    """How much the layers disagree on one document: 1 − mean pairwise exact span F1 (0 = identical)."""

    doc_id: str
    title: str
    disagreement: float
    span_f1_exact: float | None
    spans: dict[str, int]
    units: int = 0
    disputed_units: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "title": self.title, "disagreement": _r(self.disagreement),
            "span_f1_exact": _r(self.span_f1_exact), "spans": dict(self.spans),
            "units": self.units, "disputed_units": self.disputed_units,
        }


@dataclass
class AgreementReport:
    layers: list[str]
    documents: list[str] = field(default_factory=list)
    tokens: int = 0
    token_alpha: float | None = None
    unitizing_alpha: float | None = None
    span_f1_exact: float | None = None
    span_f1_overlap: float | None = None
    relation_f1: float | None = None
    pairs: list[PairAgreement] = field(default_factory=list)
    per_label: dict[str, LabelAgreement] = field(default_factory=dict)
    per_document: list[DocumentAgreement] = field(default_factory=list)
    confusion_labels: list[str] = field(default_factory=list)
    confusion: list[list[int]] = field(default_factory=list)

    def pair(self, a: str, b: str) -> PairAgreement | None:
        for p in self.pairs:
            if {p.a, p.b} == {a, b}:
                return p
        return None

    def to_json(self, full: bool = False) -> dict[str, Any]:
        """DESIGN.md's shape; `full` adds relations, α_U, per-document figures and the confusion matrix."""
        out: dict[str, Any] = {
            "layers": list(self.layers),
            "documents": len(self.documents),
            "token_alpha": _r(self.token_alpha),
            "pairs": [p.to_json(full) for p in self.pairs],
            "per_label": {name: lab.to_json(full) for name, lab in self.per_label.items()},
        }
        if full:
            out.update(
                tokens=self.tokens, unitizing_alpha=_r(self.unitizing_alpha), span_f1_exact=_r(self.span_f1_exact),
                span_f1_overlap=_r(self.span_f1_overlap), relation_f1=_r(self.relation_f1),
                per_document=[d.to_json() for d in self.per_document],
                confusion={"labels": list(self.confusion_labels), "matrix": [list(r) for r in self.confusion]},
            )
        return out
