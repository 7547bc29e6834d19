"""``targets``: a report's main targets and last year's achieved figures."""

from __future__ import annotations

import argparse
import sys

from reader.arguments import PROG
from reader.cli.common import EXIT_OK, print_json, resolve_document, say


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    targets = commands.add_parser("targets", help="the report's 主要预期目标 and last year's achieved figures")
    targets.add_argument("document", metavar="DOC", help="library id, path or URL")
    targets.add_argument("--json", action="store_true", help="print JSON")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.analysis.targets import extract_targets
    from reader.core.library import Library

    document = resolve_document(Library(args.data_dir), args.document)
    result = extract_targets(document)
    if args.json:
        print_json(result.to_json(document.id))
        return EXIT_OK
    if not result.targets:
        say(f"{PROG}: no 主要预期目标 found in this report", file=sys.stderr)
        return EXIT_OK
    achieved = {t.indicator: t for t in result.achieved}
    for target in result.targets:
        done = achieved.get(target.indicator)
        last = f"   (last year {done.figure()})" if done else ""
        say(f"{target.indicator}  {target.figure() or '—'}{last}")
    return EXIT_OK
