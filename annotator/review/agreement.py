"""Inter-annotator agreement exactly as DESIGN.md defines it, over documents every compared layer marked done.

- span_f1_exact / span_f1_overlap per pair: 2·matches / (|A| + |B|), counts pooled over documents.
- token_kappa per pair: Cohen's kappa (statsmodels) over the token values of all documents.
- token_alpha: Krippendorff's alpha, nominal, over all compared layers (coincidence matrix, see
  `coefficients`), cross-checked in the tests against nltk and the `krippendorff` package.
- per label: token figures on values mapped to label / not label; span F1s on that label's spans only,
  pooled over the pairs. Relations: F1 of relations whose two spans are matched (overlap matching).
- unitizing alpha α_U on the character continuum of the compared documents laid end to end.
Undefined figures (nothing to compare, a single value everywhere) are None.
"""

from __future__ import annotations

from itertools import combinations
from typing import Callable, Iterable, Sequence

import numpy as np

from annotator.review.coefficients import alpha_nominal, coincidence, kappa
from annotator.review.data import ReviewDocument
from annotator.review.report import AgreementReport, DocumentAgreement, LabelAgreement, PairAgreement
from annotator.review.spans import SpanCounts, count_by_label, f1, overlap_matching, relation_matches
from annotator.review.tokens import OUTSIDE, contingency, label_order, one_vs_rest, token_bounds, token_codes
from annotator.review.units import units as unit_list
from annotator.review.unitizing import unitizing_alpha

Pair = tuple[str, str]


def document_disagreement(doc: ReviewDocument, layers: Sequence[str]) -> float:
    """1 − mean exact span F1 over the pairs of layers on one document (a pair with no spans agrees).

    0 when every layer has the same spans; a single layer has nothing to disagree with.
    """
    keys = {name: set(doc.view(name).spans) for name in layers}
    scores = [f1(len(keys[a] & keys[b]), len(keys[a]), len(keys[b])) for a, b in combinations(layers, 2)]
    if not scores:
        return 0.0
    return 1.0 - sum(1.0 if s is None else s for s in scores) / len(scores)


class _Tally:
    """Running counts over the documents, turned into figures at the end."""

    def __init__(self, layers: Sequence[str]) -> None:
        self.layers = list(layers)
        self.pairs: list[Pair] = list(combinations(self.layers, 2))
        self.code_of: dict[str, int] = {OUTSIDE: 0}
        self.values: dict[str, list[np.ndarray]] = {name: [] for name in self.layers}
        self.spans: dict[Pair, dict[str, SpanCounts]] = {pair: {} for pair in self.pairs}
        self.relations: dict[Pair, list[int]] = {pair: [0, 0, 0] for pair in self.pairs}
        self.span_totals: dict[str, dict[str, int]] = {}
        self.continuum: list[tuple[int, int, int, str]] = []
        self.offset = 0
        self.documents: list[DocumentAgreement] = []

    def add(self, doc: ReviewDocument) -> None:
        starts, ends = token_bounds(doc.text)
        views = {name: doc.view(name) for name in self.layers}
        keys = {name: views[name].keys for name in self.layers}
        for rater, name in enumerate(self.layers):
            self.values[name].append(token_codes(starts, ends, keys[name], self.code_of))
            for start, end, label in keys[name]:
                self.continuum.append((rater, start + self.offset, end + self.offset, label))
                totals = self.span_totals.setdefault(label, dict.fromkeys(self.layers, 0))
                totals[name] += 1
        self.offset += len(doc.text)
        doc_counts = SpanCounts()
        for a, b in self.pairs:
            matching = overlap_matching(keys[a], keys[b])
            pair_counts = SpanCounts()
            for label, counts in count_by_label(keys[a], keys[b], matching).items():
                self.spans[(a, b)].setdefault(label, SpanCounts()).add(counts)
                pair_counts.add(counts)
            doc_counts.add(pair_counts)
            rel = self.relations[(a, b)]
            rel[0] += len(views[a].relations)
            rel[1] += len(views[b].relations)
            rel[2] += relation_matches(views[a].relations, views[b].relations, matching)
        found = unit_list(doc, self.layers)
        self.documents.append(DocumentAgreement(
            doc.doc_id, doc.title or doc.doc_id, document_disagreement(doc, self.layers), doc_counts.f1_exact,
            {name: len(keys[name]) for name in self.layers}, len(found), sum(not u.agreed for u in found),
        ))


def compute_agreement(
    docs: Iterable[ReviewDocument],
    layers: Sequence[str],
    *,
    schema_labels: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> AgreementReport:
    """The full report over `docs` (already restricted to those every layer marked done).

    `schema_labels` orders the per-label figures; `progress(n)` is called after each document
    (raise from it to cancel).
    """
    if len(layers) < 2:
        raise ValueError("agreement needs at least two layers")
    tally = _Tally(layers)
    for n, doc in enumerate(docs, 1):
        tally.add(doc)
        if progress is not None:
            progress(n)
    return _report(tally, schema_labels)


def _report(t: _Tally, schema_labels: Sequence[str]) -> AgreementReport:
    m = len(t.layers)
    k = len(t.code_of)
    values = {name: np.concatenate(v) if v else np.zeros(0, dtype=np.int64) for name, v in t.values.items()}
    tables = {pair: contingency(values[pair[0]], values[pair[1]], k) for pair in t.pairs}
    report = AgreementReport(layers=list(t.layers), documents=[d.doc_id for d in t.documents], per_document=t.documents)
    report.tokens = len(values[t.layers[0]])
    coinc = coincidence(list(tables.values()), m)
    report.token_alpha = alpha_nominal(coinc)

    totals, rel_totals = SpanCounts(), [0, 0, 0]
    for a, b in t.pairs:
        counts = SpanCounts()
        for c in t.spans[(a, b)].values():
            counts.add(c)
        ra, rb, rm = t.relations[(a, b)]
        report.pairs.append(PairAgreement(
            a, b, counts.f1_exact, counts.f1_overlap, kappa(tables[(a, b)]), f1(rm, ra, rb),
            counts.a, counts.b, counts.exact, counts.overlap, ra, rb, rm,
        ))
        totals.add(counts)
        rel_totals = [x + y for x, y in zip(rel_totals, (ra, rb, rm))]
    report.span_f1_exact, report.span_f1_overlap = totals.f1_exact, totals.f1_overlap
    report.relation_f1 = f1(rel_totals[2], rel_totals[0], rel_totals[1])

    overall_u, per_u = unitizing_alpha(t.continuum, m, 0, t.offset)
    report.unitizing_alpha = overall_u
    labels = label_order(set(t.span_totals) | set(t.code_of), schema_labels)
    for label in labels:
        report.per_label[label] = _label(t, label, tables, coinc, per_u.get(label))

    names = [OUTSIDE, *labels]
    confusion = sum((table + table.T for table in tables.values()), np.zeros((k, k), dtype=np.int64))
    index = [t.code_of.get(name) for name in names]
    report.confusion_labels = names
    report.confusion = [
        [int(confusion[i, j]) if i is not None and j is not None else 0 for j in index] for i in index
    ]
    return report


def _label(t: _Tally, label: str, tables: dict, coinc: np.ndarray, unitizing) -> LabelAgreement:
    code = t.code_of.get(label)
    out = LabelAgreement(label, spans=dict(t.span_totals.get(label, dict.fromkeys(t.layers, 0))))
    # A label whose spans cover no whole token leaves every token "not this label": alpha undefined.
    out.token_alpha = alpha_nominal(one_vs_rest(coinc, code)) if code is not None else None
    out.unitizing_alpha = unitizing.alpha if unitizing is not None else None
    pooled = SpanCounts()
    for a, b in t.pairs:
        counts = t.spans[(a, b)].get(label, SpanCounts())
        pooled.add(counts)
        token_kappa = kappa(one_vs_rest(tables[(a, b)], code)) if code is not None else None
        out.pairs.append(PairAgreement(
            a, b, counts.f1_exact, counts.f1_overlap, token_kappa, None,
            counts.a, counts.b, counts.exact, counts.overlap,
        ))
    out.span_f1_exact, out.span_f1_overlap = pooled.f1_exact, pooled.f1_overlap
    return out
