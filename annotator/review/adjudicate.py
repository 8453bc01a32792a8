"""Merge strategies that pre-fill the gold layer from votes: unanimous, majority, threshold.

Votes are counted over the voting layers of a document (the annotator layers that marked it done).
A span (start, end, label) is gold when
- unanimous: every voting layer has it exactly;
- majority: more than half of them have it exactly;
- threshold: at least the given share of them has it.
Relations follow their spans: a relation (same label between the same two spans) is gold when both of
its spans are gold and the relation itself passes the same rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from annotator.core.model import Span
from annotator.review.data import RelKey, ReviewDocument, SpanKey

STRATEGIES = ("unanimous", "majority", "threshold")


def passes(votes: int, voters: int, strategy: str, threshold: float | None = None) -> bool:
    if voters <= 0 or votes <= 0:
        return False
    if strategy == "unanimous":
        return votes == voters
    if strategy == "majority":
        return 2 * votes > voters
    if strategy == "threshold":
        if threshold is None or not 0 < threshold <= 1:
            raise ValueError("the threshold strategy needs a share of votes in (0, 1]")
        return votes >= threshold * voters - 1e-9  # 2/3 of 3 voters is 2 votes despite rounding
    raise ValueError(f"unknown strategy {strategy!r} (expected one of {', '.join(STRATEGIES)})")


@dataclass
class GoldDecision:
    """What a strategy puts into the gold layer of one document."""

    doc_id: str
    voters: tuple[str, ...]
    spans: list[Span] = field(default_factory=list)  # representatives from the first layer having each key
    relations: list[RelKey] = field(default_factory=list)
    votes: dict[SpanKey, int] = field(default_factory=dict)


def decide(doc: ReviewDocument, voters: Sequence[str], strategy: str, threshold: float | None = None) -> GoldDecision:
    """The gold spans and relations of one document under a strategy."""
    passes(1, 1, strategy, threshold)  # validate the strategy even for a document without spans
    voters = tuple(voters)
    span_votes: dict[SpanKey, int] = {}
    first: dict[SpanKey, Span] = {}
    rel_votes: dict[RelKey, int] = {}
    for name in voters:
        view = doc.view(name)
        for key, span in view.spans.items():
            span_votes[key] = span_votes.get(key, 0) + 1
            first.setdefault(key, span)
        for rel in view.relations:
            rel_votes[rel] = rel_votes.get(rel, 0) + 1
    gold = sorted(k for k, n in span_votes.items() if passes(n, len(voters), strategy, threshold))
    chosen = set(gold)
    relations = sorted(
        r for r, n in rel_votes.items()
        if r[0] in chosen and r[1] in chosen and passes(n, len(voters), strategy, threshold)
    )
    return GoldDecision(doc.doc_id, voters, [first[k] for k in gold], relations, span_votes)
