"""``concordance``: every occurrence of a word across the library, in context (KWIC)."""

from __future__ import annotations

import argparse
import sys

from reader.arguments import UsageError
from reader.cli.common import EXIT_OK, add_facet_options, facet_filter, print_json, refuse_damaged, say, sync_index


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    concordance = commands.add_parser(
        "concordance", help="every occurrence of a word or phrase across the library, in context (KWIC)"
    )
    concordance.add_argument("term", metavar="TERM", help="a word or phrase, matched exactly")
    add_facet_options(concordance)
    concordance.add_argument("--width", type=int, default=30, help="characters of context on each side (default 30)")
    concordance.add_argument("--json", action="store_true", help="print JSON")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.analysis.concordance import concordance, concordance_json
    from reader.core.library import Library

    if not args.term.strip():
        raise UsageError("TERM is empty")
    if not 1 <= args.width <= 200:
        raise UsageError("--width must be from 1 to 200")
    library = Library(args.data_dir)
    entries = [entry for entry in library.entries() if entry.matches(*facet_filter(args))]
    search_index = sync_index(args.data_dir, library, quiet=args.json)
    try:
        lines = concordance(search_index, args.term.strip(), entries, args.width)
        refuse_damaged(search_index)
    finally:
        search_index.close()
    if args.json:
        print_json(concordance_json(args.term.strip(), lines))
        return EXIT_OK
    for line in lines:
        say(f"{line.left:>{args.width}}【{line.match}】{line.right:<{args.width}}  {line.year or '':>4} {line.title}")
    say(f"{len(lines)} occurrences", file=sys.stderr)
    return EXIT_OK
