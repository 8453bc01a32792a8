"""The `annotator` command: the GUI launcher and the headless subcommands of DESIGN.md."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from annotator import __version__
from annotator.cli import project_commands, review_commands, safety_commands, suggest_commands
from annotator.core.errors import AnnotatorError

# Each module adds its subcommands with register(subparsers); features add theirs here.
COMMAND_MODULES = [project_commands, review_commands, suggest_commands, safety_commands]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Mark claims and their sources in news articles; export training data. "
        "Run without a subcommand to open the GUI.",
    )
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        usage="annotator [--screenshot OUT.png] [PROJECT] [--doc ID] [--layer NAME]\n"
        "       annotator COMMAND ...   (annotator --help lists the commands)",
        description="Open the annotation window (no PROJECT: the demo project built from the seed articles).",
    )
    parser.add_argument("project", nargs="?", help="a *.annotator.db project file")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the main window offscreen, save it, exit")
    parser.add_argument("--doc", metavar="ID", help="document to open")
    parser.add_argument("--layer", metavar="NAME", help="layer to open (default: your own)")
    parser.add_argument("--user", metavar="NAME", help="annotator name (default: the last one, or asked)")
    return parser


def _run_gui(args: argparse.Namespace) -> int:
    from annotator.ui.app import run_app  # Qt is imported only when the GUI is wanted

    return run_app(project=args.project, screenshot=args.screenshot, doc=args.doc, layer=args.layer, user=args.user)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = set(parser._subparsers._group_actions[0].choices) if parser._subparsers else set()  # type: ignore[union-attr]
    try:
        if argv and argv[0] in commands or argv[:1] in (["-h"], ["--help"], ["--version"]):
            args = parser.parse_args(argv)
            return int(args.func(args) or 0)
        return _run_gui(build_gui_parser().parse_args(argv))
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
