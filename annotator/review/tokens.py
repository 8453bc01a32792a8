"""Token values of DESIGN.md: each token takes the label of the span that covers it, else "O"."""

from __future__ import annotations

from itertools import chain
from typing import Iterable, Sequence

import numpy as np

from annotator.core.tokens import tokenize
from annotator.review.data import SpanKey

OUTSIDE = "O"


def token_bounds(text: str) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the tokens of `annotator.core.tokens.tokenize`, as arrays."""
    tokens = tokenize(text)
    if not tokens:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    # fromiter over the flattened pairs is several times faster than np.array on a list of tuples.
    flat = np.fromiter(chain.from_iterable(tokens), dtype=np.int64, count=2 * len(tokens))
    return flat[0::2], flat[1::2]


def precedence(key: SpanKey) -> tuple[int, int, str]:
    """Which covering span names a token: earliest start, then longest, then label name."""
    return (key[0], -(key[1] - key[0]), key[2])


def token_codes(
    starts: np.ndarray, ends: np.ndarray, spans: Iterable[SpanKey], code_of: dict[str, int]
) -> np.ndarray:
    """Integer token values (0 is "O"); `code_of` maps labels to codes and grows with new labels.

    A span covers the tokens lying wholly inside it: tokens are sorted and do not overlap, so
    they form one run [first token starting at or after its start, last token ending at or before its end].
    Spans are painted from the lowest precedence to the highest, so the last paint wins.
    """
    values = np.zeros(len(starts), dtype=np.int64)
    ordered = sorted(spans, key=precedence, reverse=True)
    if not ordered or not len(starts):
        return values
    span_starts = np.fromiter((k[0] for k in ordered), dtype=np.int64, count=len(ordered))
    span_ends = np.fromiter((k[1] for k in ordered), dtype=np.int64, count=len(ordered))
    first = np.searchsorted(starts, span_starts, side="left")
    last = np.searchsorted(ends, span_ends, side="right")
    for key, lo, hi in zip(ordered, first.tolist(), last.tolist()):
        if lo < hi:
            code = code_of.get(key[2])
            if code is None:
                code = code_of[key[2]] = len(code_of)
            values[lo:hi] = code
    return values


def token_labels(text: str, spans: Iterable[SpanKey]) -> list[str]:
    """The token values as label names (readable form, for tests and inspection)."""
    code_of = {OUTSIDE: 0}
    starts, ends = token_bounds(text)
    codes = token_codes(starts, ends, list(spans), code_of)
    names = {code: name for name, code in code_of.items()}
    return [names[c] for c in codes.tolist()]


def contingency(a: np.ndarray, b: np.ndarray, k: int) -> np.ndarray:
    """k×k table: how many tokens layer A gave value i and layer B value j."""
    return np.bincount(a * k + b, minlength=k * k).reshape(k, k)


def one_vs_rest(table: np.ndarray, code: int) -> np.ndarray:
    """Collapse a k×k table (contingency or coincidence) to 2×2: [not label, label] on each axis."""
    inside = table[code, code]
    row = table[code, :].sum() - inside
    col = table[:, code].sum() - inside
    rest = table.sum() - inside - row - col
    return np.array([[rest, col], [row, inside]], dtype=table.dtype)


def label_order(used: Iterable[str], preferred: Sequence[str] = ()) -> list[str]:
    """Labels in schema order, unknown ones after them alphabetically."""
    used = set(used) - {OUTSIDE}
    known = [name for name in preferred if name in used]
    return known + sorted(used - set(known))
