"""Undoing an addition that made several spans and links at once (accepted suggestions, labels copied
to repeated passages): everything it added goes in one transaction.

`remove_spans` alone is not enough there: an accepted suggestion may link two spans the layer
already had, and that new link must go while both spans stay.
"""

from __future__ import annotations

from typing import Iterable

from annotator.project.changes import ChangeSet
from annotator.project.session import Project


def remove_added(project: Project, *, span_ids: Iterable[str] = (), relation_ids: Iterable[str] = ()) -> ChangeSet:
    """Delete these spans (with every link touching them) and these links, in one transaction.

    Ids that are already gone are skipped, so running it again after a failure is safe. Undo with
    `restore(spans=spans_removed, relations=relations_removed)`. The ChangeSet names the first
    span's (or link's) document and layer; each Span and Relation carries its own."""
    span_ids, relation_ids = list(dict.fromkeys(span_ids)), list(dict.fromkeys(relation_ids))
    with project.store.transaction():
        spans = project.store.get_spans(span_ids)
        found = {s.id for s in spans}
        touching = project.store.relations_touching(found) if found else []
        named = project.store.get_relations(relation_ids) if relation_ids else []
        relations = list({r.id: r for r in [*named, *touching]}.values())
        project.store.delete_relations(r.id for r in relations)
        project.store.delete_spans(found)
    first = (spans or relations or [None])[0]
    return ChangeSet(doc_id=getattr(first, "doc_id", None), layer=getattr(first, "layer", None),
                     spans_removed=spans, relations_removed=relations)
