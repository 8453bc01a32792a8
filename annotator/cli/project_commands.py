"""init, import, export and stats."""

from __future__ import annotations

import argparse
import json
import sys

from annotator import project as service
from annotator.formats.export import EXPORTERS, parse_split
from annotator.formats.registry import IMPORTERS


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create an empty project file with the default schema")
    p.add_argument("project")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("import", help="import documents and annotations (each file whole or not at all)")
    p.add_argument("project")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--format", default="auto", choices=["auto", *IMPORTERS])
    p.add_argument("--layer", help="put every imported annotation into this layer")
    p.add_argument("--label-map", metavar="FROM=TO,...", help="rename labels on the way in; TO '-' drops a label")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="export labels as a training dataset")
    p.add_argument("project")
    p.add_argument("--format", required=True, choices=list(EXPORTERS))
    p.add_argument("--out", required=True, metavar="PATH", help="file (folder for brat, xmi, or with --split)")
    p.add_argument("--layer", default="all", help="a layer name, gold, or all (default)")
    p.add_argument("--status", default=None, help="done (default, except for the jsonl dump of all layers) or all")
    p.add_argument("--labels", metavar="A,B", help="export only these labels")
    p.add_argument("--split", metavar="0.8,0.1,0.1", help="train,dev,test shares; --out is then a folder")
    p.add_argument("--seed", type=int, default=0, help="seed of the document shuffle for --split")
    p.add_argument("--force", action="store_true", help="overwrite an existing output")
    p.add_argument("--lang", metavar="CODE", help="spaCy language for --format spacy (default: the project's, else en)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("stats", help="figures about a project")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stats)


def cmd_init(args: argparse.Namespace) -> int:
    with service.Project.create(args.project):
        pass
    print(f"created {args.project}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    label_map = service.parse_label_map(args.label_map)
    with service.Project.open(args.project) as project:
        report = service.import_files(project, args.paths, format=args.format, layer=args.layer, label_map=label_map)
    for entry in report.files:
        if entry.error:
            print(f"annotator: refused {entry.error}", file=sys.stderr)
        else:
            print(
                f"{entry.path}: {entry.format}, {len(entry.documents_added)} new document(s), "
                f"{len(entry.documents_matched)} existing, {entry.spans_added} span(s) added, "
                f"{entry.spans_skipped} already present, {entry.relations_added} relation(s)"
            )
    return 0 if report.ok else 1


def cmd_export(args: argparse.Namespace) -> int:
    labels = [x.strip() for x in args.labels.split(",") if x.strip()] if args.labels else None
    split = parse_split(args.split) if args.split else None
    with service.Project.open(args.project, readonly=True) as project:
        summary = service.export(
            project, format=args.format, out=args.out, layer=args.layer, status=args.status,
            labels=labels, split=split, seed=args.seed, force=args.force, lang=args.lang,
        )
    print(
        f"wrote {summary.path}: {summary.documents} document(s), {summary.records} record(s), "
        f"{summary.spans} span(s), {summary.relations} relation(s) in {len(summary.files)} file(s)"
    )
    for warning in summary.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with service.Project.open(args.project, readonly=True) as project:
        figures = service.stats(project)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"{figures['project']}: {figures['documents']} documents, {figures['characters']:,} characters")
    print(f"{figures['spans']} spans, {figures['relations']} relations")
    for name, info in figures["layers"].items():
        print(
            f"  {name:<20} {info['kind']:<10} {info['spans']:>6} spans {info['relations']:>5} relations "
            f"{info['done']:>4} done {info['in progress']:>4} in progress"
        )
    return 0
