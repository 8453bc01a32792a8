"""Chance-corrected coefficients from count tables: Cohen's kappa and Krippendorff's nominal alpha.

Both work on tables rather than on token lists, so that a corpus of a million tokens costs one
`bincount` per pair, and the per-label (one against the rest) figures are 2×2 collapses of the
same tables instead of new passes over the tokens.
"""

from __future__ import annotations

import math
import warnings
from typing import Sequence

import numpy as np


def kappa(table: np.ndarray) -> float | None:
    """Cohen's kappa of a contingency table (statsmodels); None when undefined (chance agreement is 1)."""
    table = np.asarray(table, dtype=float)
    total = table.sum()
    if total == 0:
        return None
    expected = float((table.sum(axis=0) * table.sum(axis=1)).sum() / total**2)
    if math.isclose(expected, 1.0, rel_tol=0.0, abs_tol=1e-12):
        return None  # both layers used one single value throughout: kappa is 0/0
    # Imported here: statsmodels takes about a second to import, and most commands never need it.
    from statsmodels.stats.inter_rater import cohens_kappa

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return float(cohens_kappa(table, return_results=False))


def coincidence(pair_tables: Sequence[np.ndarray], layers: int) -> np.ndarray:
    """Krippendorff's coincidence matrix when every unit has a value from every layer.

    A unit with m values adds n_c·n_k pairs of values (c ≠ k) and n_c·(n_c − 1) pairs (c = k), each
    weighted 1/(m − 1). Those are exactly the ordered pairs of layers (i ≠ j) with values (c, k), so the
    matrix is the sum of the contingency tables of all ordered pairs of layers, divided by m − 1.
    `pair_tables` holds one table per unordered pair; each counts in both directions.
    """
    if layers < 2 or not pair_tables:
        raise ValueError("coincidences need at least two layers")
    total = np.zeros_like(np.asarray(pair_tables[0], dtype=float))
    for table in pair_tables:
        table = np.asarray(table, dtype=float)
        total += table + table.T
    return total / (layers - 1)


def alpha_nominal(coincidences: np.ndarray) -> float | None:
    """Krippendorff's alpha, nominal metric, from a coincidence matrix; None when undefined.

    alpha = 1 − D_o / D_e with D_o = n − Σ_c o_cc and D_e = (n² − Σ_c n_c²) / (n − 1),
    n_c the marginals and n their sum. Undefined when every pairable value is the same (D_e = 0).
    """
    o = np.asarray(coincidences, dtype=float)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n <= 1:
        return None
    expected = (n * n - float((n_c * n_c).sum())) / (n - 1)
    if expected <= 0:
        return None
    observed = n - float(np.trace(o))
    return 1.0 - observed / expected
