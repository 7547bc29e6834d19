"""``trend``: a word's occurrences in each report of the library."""

from __future__ import annotations

import argparse
import sys

from reader.arguments import UsageError
from reader.cli.common import (
    EXIT_OK,
    REPORT_KIND,
    add_facet_options,
    facet_filter,
    print_json,
    refuse_damaged,
    say,
    sync_index,
)


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    trend = commands.add_parser("trend", help="occurrences of a word or phrase in each report of the library")
    trend.add_argument(
        "term", metavar="TERM", nargs="+", help="a word or phrase, matched exactly (several: one line each)"
    )
    add_facet_options(trend, kind_default="政府工作报告 (all: every kind)")
    trend.add_argument("--json", action="store_true", help="print JSON")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.analysis.trend import term_trend, trend_json
    from reader.core.library import Library

    terms = [term.strip() for term in args.term if term.strip()]
    if not terms:
        raise UsageError("TERM is empty")
    library = Library(args.data_dir)
    region, years, kind = facet_filter(args)
    kind = "" if kind == "all" else kind or REPORT_KIND  # a term across the years of the reports themselves
    entries = [entry for entry in library.entries() if entry.matches(region, years, kind)]
    search_index = sync_index(args.data_dir, library, quiet=args.json)
    try:
        found = {term: term_trend(search_index, term, entries) for term in terms}
        refuse_damaged(search_index)
    finally:
        search_index.close()
    points = found[terms[0]]
    if args.json:
        print_json(trend_json(terms[0], points, {term: found[term] for term in terms[1:]}))
        return EXIT_OK
    header = "  ".join(f"{term:>6}" for term in terms)
    say(f"{'year':>4}  {header}  per 10,000 characters  report", file=sys.stderr)
    for number, point in enumerate(points):
        counts = "  ".join(f"{found[term][number].count:>6}" for term in terms)
        rates = " ".join(f"{found[term][number].per_10k or 0:>5.2f}" for term in terms)
        say(f"{point.year or '':>4}  {counts}  {rates}  {point.title}")
    return EXIT_OK
