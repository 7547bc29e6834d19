"""``search``: full-text search of the library or one document, exact on Chinese."""

from __future__ import annotations

import argparse
import json

from reader.arguments import UsageError
from reader.cli.common import (
    EXIT_OK,
    add_facet_options,
    facet_filter,
    output_text,
    refuse_damaged,
    resolve_document,
    say,
    sync_index,
)


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    search = commands.add_parser("search", help="full-text search, exact on Chinese")
    search.add_argument("query", help='terms (all must occur), "exact phrase", A OR B, -excluded')
    search.add_argument(
        "--in",
        dest="scope",
        action="append",
        metavar="PATH_OR_ID",
        help="search only this document (repeatable; default: the whole library)",
    )
    search.add_argument(
        "--section",
        metavar="OUTLINE_ID",
        help="only this outline section (and its sub-sections) of the one --in document",
    )
    add_facet_options(search)
    search.add_argument("--limit", type=int, default=20, help="hits to show (0 = all; default 20)")
    search.add_argument(
        "--order",
        choices=("relevance", "text"),
        default="relevance",
        help="the hits shown, best first (default) or in reading order (each document top to bottom)",
    )
    search.add_argument("--json", action="store_true", help="print JSON")


def _format_hit(hit) -> str:
    snippet = hit.snippet
    for start, end in reversed(hit.highlights):
        snippet = snippet[:start] + "【" + snippet[start:end] + "】" + snippet[end:]
    path = " › ".join(hit.section_path)
    return f"{hit.title}{' › ' + path if path else ''}  [{hit.paragraph}, {hit.matches}×]\n    {snippet}"


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.library import Library
    from reader.core.search.query import parse_query
    from reader.core.search.results import SearchResult, search_document

    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    library = Library(args.data_dir)
    parsed = parse_query(args.query)
    scope: set[str] | None = None
    outside = []
    if args.scope:
        scope = set()
        for reference in args.scope:
            found = library.resolve(reference)
            if found:
                scope.add(found)
            else:
                from reader.core.loader import load_source

                outside.append(load_source(reference))
    if args.section:
        return _search_section(args, library, parsed)
    region, years, kind = facet_filter(args)
    if region or years or kind:
        chosen = {entry.id for entry in library.entries() if entry.matches(region, years, kind)}
        scope = chosen if scope is None else scope & chosen
        if args.scope and outside:
            raise UsageError("--region, --year and --kind choose among library documents; import the others first")
    hits, total, elapsed = [], 0, 0.0
    if scope is None or scope:
        search_index = sync_index(args.data_dir, library)
        try:
            result = search_index.search(parsed, scope, args.limit)
            refuse_damaged(search_index)
        finally:
            search_index.close()
        hits.extend(result.hits)
        total += result.total
        elapsed += result.elapsed_ms
    for document in outside:
        result = search_document(document, parsed, args.limit)
        hits.extend(result.hits)
        total += result.total
        elapsed += result.elapsed_ms
    hits.sort(key=lambda h: -h.score)
    if args.limit:
        hits = hits[: args.limit]
    # elapsed_ms is the time spent answering the query, without opening the library and index.
    _print_search(args, SearchResult(args.query, total, tuple(hits), elapsed))
    return EXIT_OK


def _search_section(args: argparse.Namespace, library, parsed) -> int:
    """``search QUERY --in DOC --section NODE``: one section of one document, with its sub-sections."""
    from reader.core.search.results import search_document
    from reader.core.sections import section_range

    if not args.scope or len(args.scope) != 1:
        raise UsageError("--section needs exactly one --in document")
    document = resolve_document(library, args.scope[0])
    result = search_document(document, parsed, args.limit, within=section_range(document, args.section))
    _print_search(args, result)
    return EXIT_OK


def _print_search(args: argparse.Namespace, result) -> None:
    if args.order == "text":
        from dataclasses import replace

        from reader.core.search.results import in_reading_order

        result = replace(result, hits=tuple(in_reading_order(result.hits)))
    if args.json:
        output_text(json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n", None)
    else:
        say(f"{result.total} paragraphs match {args.query!r} ({result.elapsed_ms:.1f} ms)")
        for hit in result.hits:
            say(_format_hit(hit))
