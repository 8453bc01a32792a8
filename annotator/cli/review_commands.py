"""agreement, adjudicate and merge."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from annotator import project as service
from annotator.core.errors import AnnotatorError


def _names(text: str | None) -> list[str] | None:
    if text is None:
        return None
    names = [x.strip() for x in text.split(",") if x.strip()]
    if not names:
        raise AnnotatorError("--layers needs layer names: A,B,...")
    return names


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("agreement", help="inter-annotator agreement (definitions in DESIGN.md)")
    p.add_argument("project")
    p.add_argument("--layers", metavar="A,B,...", help="layers to compare (default: every annotator layer)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--full", action="store_true", help="with --json: add relations, α_U, documents, confusion")
    p.set_defaults(func=cmd_agreement)

    p = sub.add_parser("adjudicate", help="build the gold layer from the annotators' votes")
    p.add_argument("project")
    p.add_argument("--auto", required=True, choices=["majority", "unanimous", "threshold"],
                   help="majority: more than half of the layers that marked a document done; unanimous: all")
    p.add_argument("--threshold", type=float, help="with --auto threshold: the share of votes a span needs")
    p.add_argument("--layers", metavar="A,B,...", help="voting layers (default: every annotator layer)")
    p.add_argument("--min-voters", type=int, default=1, metavar="N", help="skip documents fewer layers marked done")
    p.add_argument("--overwrite", action="store_true", help="redo documents whose gold already holds work")
    p.set_defaults(func=cmd_adjudicate)

    p = sub.add_parser("merge", help="bring in the layers of other project files (idempotent)")
    p.add_argument("project")
    p.add_argument("others", nargs="+", metavar="OTHER.db")
    p.set_defaults(func=cmd_merge)


def _fmt(value: float | None, width: int = 0) -> str:
    text = "–" if value is None else f"{value:.3f}"
    return text.rjust(width) if width else text


def _print_tables(report: Any) -> None:
    layers = report.layers
    print(f"Agreement of {', '.join(layers)} over {len(report.documents)} document(s) marked done in every one "
          f"({report.tokens:,} tokens)")
    if not report.documents:
        print("No document is marked done in every compared layer yet.")
        return
    print()
    print(f"  token alpha (Krippendorff, nominal)   {_fmt(report.token_alpha)}")
    print(f"  unitizing alpha (α_U, characters)     {_fmt(report.unitizing_alpha)}")
    print(f"  span F1 exact / overlap (all pairs)   {_fmt(report.span_f1_exact)} / {_fmt(report.span_f1_overlap)}")
    print(f"  relation F1 (over matched spans)      {_fmt(report.relation_f1)}")
    width = max(len(f"{p.a} – {p.b}") for p in report.pairs) + 2
    print()
    print(f"{'pair':<{width}} {'F1 exact':>9} {'F1 overlap':>11} {'token κ':>8} {'relation F1':>12}")
    for p in report.pairs:
        print(f"{p.a + ' – ' + p.b:<{width}} {_fmt(p.span_f1_exact, 9)} {_fmt(p.span_f1_overlap, 11)} "
              f"{_fmt(p.token_kappa, 8)} {_fmt(p.relation_f1, 12)}")
    print()
    lw = max([len(n) for n in report.per_label] + [5]) + 2
    print(f"{'label':<{lw}} {'spans (' + '/'.join(layers) + ')':<24} {'token α':>8} {'F1 exact':>9} {'F1 overlap':>11} {'α_U':>7}")
    for name, lab in report.per_label.items():
        counts = "/".join(str(lab.spans.get(n, 0)) for n in layers)
        print(f"{name:<{lw}} {counts:<24} {_fmt(lab.token_alpha, 8)} {_fmt(lab.span_f1_exact, 9)} "
              f"{_fmt(lab.span_f1_overlap, 11)} {_fmt(lab.unitizing_alpha, 7)}")
    worst = sorted(report.per_document, key=lambda d: (-d.disagreement, d.doc_id))[:10]
    print()
    print("documents with the most disagreement (1 − mean pairwise exact span F1)")
    for d in worst:
        print(f"  {d.doc_id:<32} {d.disagreement:>6.3f}   {d.disputed_units}/{d.units} units disputed")
    print()
    print("confusion of token values (rows: one layer, columns: another; every ordered pair of layers)")
    cw = max(len(n) for n in report.confusion_labels) + 2
    print(" " * cw + "".join(f"{n:>{cw}}" for n in report.confusion_labels))
    for name, row in zip(report.confusion_labels, report.confusion):
        print(f"{name:<{cw}}" + "".join(f"{v:>{cw}}" for v in row))


def cmd_agreement(args: argparse.Namespace) -> int:
    with service.Project.open(args.project, readonly=True) as project:
        report = service.agreement(project, layers=_names(args.layers))
    if args.json:
        print(json.dumps(report.to_json(full=args.full), ensure_ascii=False, indent=2))
    else:
        _print_tables(report)
    return 0


def cmd_adjudicate(args: argparse.Namespace) -> int:
    if (args.auto == "threshold") != (args.threshold is not None):
        raise AnnotatorError("--threshold goes with --auto threshold (and only with it)")
    with service.Project.open(args.project) as project:
        report = service.adjudicate_auto(
            project, strategy=args.auto, threshold=args.threshold, layers=_names(args.layers),
            overwrite=args.overwrite, min_voters=args.min_voters,
        )
    print(f"gold: {len(report.decided)} document(s) decided by {args.auto} vote of {', '.join(report.layers)}: "
          f"{report.spans_added} span(s), {report.relations_added} relation(s)")
    for doc_id, why in report.skipped.items():
        print(f"  skipped {doc_id}: {why}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with service.Project.open(args.project) as project:
        report = service.merge_projects(project, args.others)
    for entry in report.files:
        if entry.error:
            print(f"annotator: refused {entry.error}", file=sys.stderr)
            continue
        print(f"{entry.path}: {len(entry.documents_added)} new document(s), {len(entry.layers_added)} new layer(s), "
              f"{entry.spans_added} span(s) added ({entry.spans_present} already here), {entry.relations_added} "
              f"relation(s) added, {entry.statuses_changed} status(es) moved on"
              + ("" if entry.changed else " — nothing new"))
        for doc_id, why in entry.documents_refused.items():
            print(f"annotator: refused document {doc_id} from {entry.path}: {why}", file=sys.stderr)
        for conflict in entry.conflicts:
            print(f"annotator: conflict in {entry.path}: {conflict}", file=sys.stderr)
    return 0 if report.ok else 1
