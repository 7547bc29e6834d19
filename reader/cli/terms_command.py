"""``terms``: the words a report stresses (高频词, 关键词)."""

from __future__ import annotations

import argparse
import sys

from reader.arguments import UsageError
from reader.cli.common import EXIT_OK, jieba_cache, print_json, resolve_document, say
from reader.core.paths import DataLayout


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    terms = commands.add_parser("terms", help="the words a report stresses (高频词)")
    terms.add_argument("document", metavar="DOC", help="library id, path or URL")
    terms.add_argument("--top", type=int, default=50, help="how many words (0 = all; default 50)")
    terms.add_argument("--section", metavar="OUTLINE_ID", help="only this outline section (ids as in export)")
    terms.add_argument(
        "--order",
        choices=("count", "keyness"),
        default="count",
        help="most frequent first (高频词, default) or most distinctive against general Chinese (关键词)",
    )
    terms.add_argument("--json", action="store_true", help="print JSON")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.analysis.terms import top_terms
    from reader.core.library import Library

    if args.top < 0:
        raise UsageError("--top must be 0 (all) or more")
    document = resolve_document(Library(args.data_dir), args.document)
    try:
        terms = top_terms(
            document,
            args.top,
            args.section,
            jieba_cache(args.data_dir),
            DataLayout(args.data_dir).analysis,
            order=args.order,
        )
    except KeyError:
        raise UsageError(f"no outline section {args.section} in this document") from None
    if args.json:
        # count: at word boundaries; occurrences: every substring, as search counts; score: keyness
        print_json({"doc": document.id, "order": args.order, "terms": [t.to_json() for t in terms]})
    else:
        say(f"{'words':>6}  {'search':>6}  {'keyness':>8}  term", file=sys.stderr)
        for term in terms:
            say(f"{term.count:6}  {term.occurrences:6}  {term.score:8.1f}  {term.term}")
    return EXIT_OK
