"""restore, backup and check: rolling a project back, backing it up now, and checking it."""

from __future__ import annotations

import argparse
import json
import sys

from annotator import project as service


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "restore", help="list a project's backups, or roll it back to one (the current state is kept first)"
    )
    p.add_argument("project")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="number from the list (1 = newest), file name or path")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backup", help="write a verified backup of a project now (kept until you delete it)")
    p.add_argument("project")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", help="check a project file (integrity_check, foreign_key_check) without changing it")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_check)


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{n / 1024:.0f} kB"


def cmd_restore(args: argparse.Namespace) -> int:
    if args.backup is None:
        backups = service.list_backups(args.project)
        if not backups:
            print(f"{args.project}: no backups yet (they are made in {service.backups_folder(args.project)})")
            return 0
        print(f"backups of {args.project}, newest first (restore one with: annotator restore {args.project} N):")
        for n, info in enumerate(backups, start=1):
            print(f"{n:>4}  {info.created:%Y-%m-%d %H:%M:%S} UTC  {info.kind:<14} {_size(info.size):>9}  {info.path.name}")
        return 0
    chosen = service.find_backup(args.project, args.backup)
    safety = service.restore_backup(args.project, backup=chosen)
    print(f"restored {args.project} from {chosen}")
    if safety is not None:
        print(f"the state before the restore is kept in {safety.path}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with service.Project.open(args.project, backup=False) as project:
        info = service.backup_now(project)
    print(f"wrote {info.path} ({_size(info.size)}, verified)")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    report = service.check_project(args.project)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(
        f"{report['path']}: ok (integrity_check and foreign_key_check clean), schema {report['schema_version']}, "
        f"{report['documents']} document(s), {report['backups']} backup(s)"
    )
    for warning in report["warnings"]:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
