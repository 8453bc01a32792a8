"""suggest: pre-annotations into a suggestion layer."""

from __future__ import annotations

import argparse

from annotator import project as service


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="propose cues, sources and claims (with links) in a suggestion layer")
    p.add_argument("project")
    p.add_argument("--layer", default="suggested", help="the suggestion layer to (re)fill (default: suggested)")
    p.add_argument("--doc", metavar="ID", help="only this document (default: all)")
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    with service.Project.open(args.project) as project:
        report = service.suggest(project, layer=args.layer, doc_id=args.doc)
    labels = ", ".join(f"{n} {label}" for label, n in sorted(report.labels.items())) or "nothing"
    print(
        f"suggested into layer {report.layer!r}: {len(report.documents)} document(s), {report.spans} span(s) "
        f"({labels}), {report.relations} link(s) in {report.seconds:.2f} s"
    )
    return 0
