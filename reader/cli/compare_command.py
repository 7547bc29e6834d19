"""``compare``: what changed from one report to another (新提法, 不再提及)."""

from __future__ import annotations

import argparse

from reader.arguments import UsageError
from reader.cli.common import EXIT_OK, jieba_cache, print_json, resolve_document, say, sync_index


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    compare = commands.add_parser("compare", help="what changed from one report to another (新提法, 不再提及)")
    compare.add_argument("first", metavar="OLD", help="the earlier report: library id, path or URL")
    compare.add_argument(
        "second",
        metavar="NEW",
        nargs="?",
        help="the later report; with one report given, it is NEW and OLD is its region's previous year",
    )
    compare.add_argument("--json", action="store_true", help="print JSON")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.analysis.compare import compare, describe
    from reader.core.analysis.history import comparison_context
    from reader.core.analysis.segment import tokenizer
    from reader.core.library import Library

    library = Library(args.data_dir)
    if args.second:
        old, new = resolve_document(library, args.first), resolve_document(library, args.second)
    else:
        from reader.core.analysis.years import previous_report

        new = resolve_document(library, args.first)
        earlier = previous_report(library.entries(), new)
        if earlier is None:
            raise UsageError("give OLD and NEW: the library has no earlier report of this region and kind")
        old = library.document(earlier.id)
    tokenizer(jieba_cache(args.data_dir))
    search_index = sync_index(args.data_dir, library, quiet=True)
    try:
        context = comparison_context(library.entries(), new.meta, {old.id, new.id}, search_index.document_text)
    finally:
        search_index.close()
    result = compare(old, new, history=context.history, spread_new=context.spread_new, spread_old=context.spread_old)
    if args.json:
        print_json(result.to_json())
        return EXIT_OK
    a, b = describe(old), describe(new)
    counts = result.counts()
    say(f"{a['title']} → {b['title']}")
    say(
        f"paragraphs: {counts['same']} same, {counts['changed']} changed, "
        f"{counts['added']} added, {counts['removed']} removed"
    )
    say("新提法: " + "  ".join(f"{t.term}({t.count})" for t in result.new_terms[:30]))
    say("不再提及: " + "  ".join(f"{t.term}({t.count})" for t in result.dropped_terms[:30]))
    return EXIT_OK
