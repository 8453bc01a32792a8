"""Krippendorff's unitizing alpha (α_U) on the character continuum.

Follows Krippendorff (1995, "On the reliability of unitizing continuous data"; 2004, Content Analysis,
2nd ed., ch. 12) as DKPro Agreement (used by INCEpTION) implements it. Per category c, with R layers
("raters") over a continuum of length L, each rater's units of c and the gaps between them partition it:

- observed disagreement D_o(c) = 2 · Σ_{rater pairs} Σ δ² / (R (R − 1) L²), where δ² is
  (b_g − b_h)² + (e_g − e_h)² for two intersecting units g, h of the pair, l_g² for a unit g lying
  wholly in a gap of the other rater (it intersects none of their units), and 0 otherwise;
- expected disagreement D_e(c) = (2 / L) · Σ_u [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps ≥ l} (gap − l + 1) ]
  / (R L (R L − 1) − Σ_u l (l − 1)), over the N_c units u of c (length l) and the gaps of all raters;
- α_U(c) = 1 − D_o(c) / D_e(c); over all categories α_U = 1 − Σ_c D_o(c) / Σ_c D_e(c).

α_U needs each rater's units of one category to be disjoint, so overlapping spans of one label in
one layer are merged into their union first (`disjoint`). Undefined (None) when D_e is 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np


@dataclass(frozen=True)
class CategoryAlpha:
    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return 1.0 - self.observed / self.expected if self.expected > 0 else None


def disjoint(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted intervals with overlapping ones merged (touching ones stay apart: two units, no gap)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _pair_observed(a: np.ndarray, b: np.ndarray) -> float:
    """Σ δ² between two raters' disjoint, sorted units of one category (arrays of shape (n, 2))."""
    total = 0.0
    for x, y in ((a, b), (b, a)):
        if len(x) and len(y):
            first = np.searchsorted(y[:, 1], x[:, 0], side="right")  # first unit of y ending after x starts
            last = np.searchsorted(y[:, 0], x[:, 1], side="left")  # units of y starting before x ends
            counts = np.maximum(last - first, 0)
        else:
            counts = np.zeros(len(x), dtype=np.int64)
        lengths = (x[:, 1] - x[:, 0]).astype(float) if len(x) else np.zeros(0)
        total += float((lengths[counts == 0] ** 2).sum())  # units lying wholly in the other's gaps
        if x is a and counts.sum():
            # Intersecting pairs are counted once (from a's side); expand them to index arrays.
            ix = np.repeat(np.arange(len(x)), counts)
            iy = np.repeat(first - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
            d_start = (x[ix, 0] - y[iy, 0]).astype(float)
            d_end = (x[ix, 1] - y[iy, 1]).astype(float)
            total += float((d_start**2 + d_end**2).sum())
    return total


def _gaps(units: np.ndarray, begin: int, length: int) -> np.ndarray:
    """Lengths of the stretches of the continuum that hold none of the (disjoint, sorted) units."""
    edges_start = np.concatenate(([begin], units[:, 1])) if len(units) else np.array([begin])
    edges_end = np.concatenate((units[:, 0], [begin + length])) if len(units) else np.array([begin + length])
    gaps = edges_end - edges_start
    return gaps[gaps > 0]


def category_alpha(units_by_rater: Sequence[Sequence[tuple[int, int]]], begin: int, length: int) -> CategoryAlpha:
    """D_o and D_e of one category; `units_by_rater` holds each rater's units (merged if they overlap)."""
    raters = len(units_by_rater)
    arrays = [np.array(disjoint(u), dtype=np.int64).reshape(-1, 2) for u in units_by_rater]
    observed = 0.0
    for i in range(raters):
        for j in range(i + 1, raters):
            observed += _pair_observed(arrays[i], arrays[j])
    observed = 2.0 * observed / (raters * (raters - 1) * float(length) ** 2)

    lengths = np.concatenate([a[:, 1] - a[:, 0] for a in arrays]).astype(float)
    n_c = len(lengths)
    gaps = np.sort(np.concatenate([_gaps(a, begin, length) for a in arrays]).astype(float))
    # Σ over gaps ≥ l of (gap − l + 1) = (sum of those gaps) − count · (l − 1), via suffix sums.
    suffix = np.concatenate((np.cumsum(gaps[::-1])[::-1], [0.0]))
    first = np.searchsorted(gaps, lengths, side="left")
    count = len(gaps) - first
    fit = suffix[first] - count * (lengths - 1.0)
    numerator = ((n_c - 1) * (2 * lengths**3 - 3 * lengths**2 + lengths) / 3.0 + lengths**2 * fit).sum()
    denominator = raters * float(length) * (raters * float(length) - 1) - float((lengths * (lengths - 1)).sum())
    expected = (2.0 / length) * float(numerator) / denominator if denominator > 0 and n_c else 0.0
    return CategoryAlpha(observed, expected)


def unitizing_alpha(
    units: Iterable[tuple[int, int, int, str]], raters: int, begin: int, length: int
) -> tuple[float | None, dict[str, CategoryAlpha]]:
    """α_U over all categories and per category; `units` are (rater index, start, end, category)."""
    if raters < 2:
        raise ValueError("α_U needs at least two raters")
    if length <= 0:
        return None, {}
    grouped: dict[str, list[list[tuple[int, int]]]] = {}
    for rater, start, end, category in units:
        grouped.setdefault(category, [[] for _ in range(raters)])[rater].append((start, end))
    per = {cat: category_alpha(by_rater, begin, length) for cat, by_rater in grouped.items()}
    observed = sum(c.observed for c in per.values())
    expected = sum(c.expected for c in per.values())
    return (1.0 - observed / expected if expected > 0 else None), per
