"""PendingSuggestions, moved by ChangeSets, always equals the project's rule recomputed from scratch:
a suggestion is pending while the annotator's layer holds no span with its (start, end, label)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Span
from annotator.project import ChangeSet
from annotator.ui.features.pending import PendingSuggestions, order

KEYS = [(0, 4, "source"), (0, 4, "cue"), (2, 9, "attributed"), (5, 7, "source")]
SUGGESTIONS = [Span(f"g{i}", "d", "suggested", s, e, lab) for i, (s, e, lab) in enumerate(KEYS)]
SUGGESTIONS.append(Span("g-twin", "d", "suggested", 0, 4, "source"))  # two suggestions with one key

# an edit: (layer, what, key index)
edits = st.lists(st.tuples(st.sampled_from(["alice", "suggested"]), st.sampled_from(["add", "remove", "relabel"]),
                           st.integers(0, len(KEYS) - 1)), max_size=25)


def expected(held: dict[str, Span], suggestions: dict[str, Span]) -> list[Span]:
    have = {s.key for s in held.values()}
    return sorted((s for s in suggestions.values() if s.key not in have), key=order)


@settings(max_examples=150, deadline=None)
@given(edits)
def test_moved_by_changes_it_equals_the_rule_recomputed(script):
    held: dict[str, Span] = {}
    suggestions = {s.id: s for s in SUGGESTIONS}
    model = PendingSuggestions()
    model.load(suggestions.values(), [])
    for n, (layer, what, k) in enumerate(script):
        start, end, label = KEYS[k]
        pool = held if layer == "alice" else suggestions
        change = ChangeSet(doc_id="d", layer=layer)
        if what == "add":
            span = Span(f"n{n}", "d", layer, start, end, label)
            pool[span.id] = span
            change.spans_added.append(span)
        elif what == "remove" and pool:
            span = pool.pop(sorted(pool)[k % len(pool)])
            change.spans_removed.append(span)
        elif what == "relabel" and layer == "alice" and held:
            before = held[sorted(held)[k % len(held)]]
            after = Span(before.id, "d", layer, before.start, before.end, "opinion" if before.label != "opinion" else "cue")
            held[after.id] = after
            change.spans_updated.append((before, after))
        model.apply(change, layer="alice", from_layer="suggested")
        assert model.pending == expected(held, suggestions)


def test_the_changes_it_reports_are_the_ghosts_to_add_and_remove():
    model = PendingSuggestions()
    model.load(SUGGESTIONS, [(5, 7, "source")])
    taken = Span("a1", "d", "alice", 0, 4, "source")
    shown, hidden = model.apply(ChangeSet("d", "alice", spans_added=[taken]), layer="alice", from_layer="suggested")
    assert (shown, sorted(s.id for s in hidden)) == ([], ["g-twin", "g0"])
    shown, hidden = model.apply(ChangeSet("d", "alice", spans_removed=[taken]), layer="alice", from_layer="suggested")
    assert (sorted(s.id for s in shown), hidden) == (["g-twin", "g0"], [])
