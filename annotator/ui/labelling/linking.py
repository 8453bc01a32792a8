"""Link mode: from a claim, cycle through nearby sources (or from a source, nearby claims) and confirm one."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.model import Schema, Span

CLAIM, SOURCE = "claim", "source"
GROUPS = (CLAIM, SOURCE)


@dataclass
class LinkSession:
    """An open link: `anchor` is the span it starts from; `candidates` nearest first; `current` an index."""

    anchor: Span
    label: str
    candidates: list[Span] = field(default_factory=list)
    current: int = 0

    @property
    def chosen(self) -> Span | None:
        return self.candidates[self.current] if self.candidates else None

    def cycle(self, forward: bool = True) -> Span | None:
        if self.candidates:
            self.current = (self.current + (1 if forward else -1)) % len(self.candidates)
        return self.chosen

    def choose(self, span_id: str) -> bool:
        for i, span in enumerate(self.candidates):
            if span.id == span_id:
                self.current = i
                return True
        return False

    def head_tail(self) -> tuple[str, str] | None:
        """(claim id, source id), whichever side the link was started from."""
        other = self.chosen
        if other is None:
            return None
        return (other.id, self.anchor.id) if self.anchor_is_source else (self.anchor.id, other.id)

    anchor_is_source: bool = False


def start(schema: Schema, anchor: Span, spans: list[Span], label: str) -> LinkSession | None:
    """Candidates for a link from `anchor`: sources for a claim, claims for a source; None for other groups."""
    group = schema.group_of(anchor.label)
    if group == CLAIM:
        wanted, from_source = SOURCE, False
    elif group == SOURCE:
        wanted, from_source = CLAIM, True
    else:
        return None
    others = [s for s in spans if s.id != anchor.id and schema.group_of(s.label) == wanted]
    # Nearest first; on a tie, the one before the anchor (a source usually precedes what it says).
    others.sort(key=lambda s: (_distance(anchor, s), s.start > anchor.start, s.start, s.id))
    return LinkSession(anchor, label, others, 0, from_source)


def _distance(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0
