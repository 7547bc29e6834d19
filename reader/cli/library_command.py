"""``library``: import, list and remove documents, and tell what the library and its index hold."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.arguments import PROG, Parser, UsageError
from reader.cli.common import (
    EXIT_INPUT,
    EXIT_OK,
    add_facet_options,
    facet_filter,
    output_text,
    print_json,
    progress_printer,
    say,
    sync_index,
)
from reader.core.formats.registry import supported_suffixes

if TYPE_CHECKING:
    from reader.core.library import Library


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    library = commands.add_parser("library", help="manage imported documents")
    library_commands = library.add_subparsers(dest="library_command", parser_class=Parser)
    add = library_commands.add_parser("add", help="import files, folders (every supported type, see --help) or URLs")
    add.add_argument("sources", nargs="+", help="paths, folders or http(s) URLs")
    add.add_argument("--replace", action="store_true", help="let a copy of a document's text replace its entry")
    listing = library_commands.add_parser("list", help="list imported documents")
    add_facet_options(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = library_commands.add_parser("remove", help="remove a document from the library")
    remove.add_argument("id", help="document id (see library list)")
    library_commands.add_parser("compact", help="merge the search index into one segment (after big imports)")
    info = library_commands.add_parser("info", help="how many reports, paragraphs and characters; sizes on disk")
    info.add_argument("--json", action="store_true", help="print JSON")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.library import Library

    library = Library(args.data_dir)
    command = args.library_command
    if command is None:
        raise UsageError("library needs a command: add, list, remove, info or compact")
    if command == "compact":
        search_index = sync_index(args.data_dir, library, quiet=True)
        try:
            before = search_index.compact()
            after = search_index.segment_count()
        finally:
            search_index.close()
        say(f"search index: {before} segment(s) packed into {after}")
        return EXIT_OK
    if command == "info":
        return _info(args, library)
    if command == "list":
        entries = [entry for entry in library.entries() if entry.matches(*facet_filter(args))]
        if args.json:
            output_text(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=1) + "\n", None)
        else:
            for entry in entries:
                say(f"{entry.id}  {entry.year or '':>4}  {entry.display or entry.title}  ({entry.source})")
        return EXIT_OK
    if command == "remove":
        entry = library.remove(args.id)
        say(f"removed {entry.id}  {entry.title}")
        sync_index(args.data_dir, library, quiet=True).close()
        return EXIT_OK
    outcomes = library.add_many(args.sources, progress_printer("importing"), replace_duplicate=args.replace)
    failed = 0
    for outcome in outcomes:
        if outcome.error:
            failed += 1
            say(f"{PROG}: {outcome.source}: {outcome.error}", file=sys.stderr)
        elif outcome.duplicate_of:
            name, source = outcome.duplicate_name, outcome.source
            say(f"duplicate of {outcome.duplicate_of}  {name}  ({source}; --replace to replace it)")
        elif outcome.replaced:
            say(f"replaced {outcome.replaced} with {outcome.document_id}  {outcome.title}")
        else:
            say(f"{'updated' if outcome.updated else 'added'} {outcome.document_id}  {outcome.title}")
    if not outcomes:
        say(f"{PROG}: no supported files found ({' '.join(sorted(supported_suffixes()))})", file=sys.stderr)
        return EXIT_INPUT
    sync_index(args.data_dir, library).close()
    return EXIT_INPUT if failed else EXIT_OK


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file()) if folder.exists() else 0


def _info(args: argparse.Namespace, library: Library) -> int:
    """What the library holds and what it takes on disk (the index beside the text it indexes)."""
    from reader.core.paths import DataLayout

    entries = library.entries()
    layout = DataLayout(args.data_dir)
    characters = sum(entry.characters for entry in entries)
    facts = {
        "documents": len(entries),
        "paragraphs": sum(entry.paragraphs for entry in entries),
        "characters": characters,
        "library_bytes": _folder_bytes(layout.library),
        "index_bytes": _folder_bytes(layout.index),
    }
    if args.json:
        print_json(facts)
        return EXIT_OK
    text_bytes = characters * 3  # UTF-8: a Chinese character is 3 bytes
    ratio = f" ({facts['index_bytes'] / text_bytes:.1f}× the text)" if text_bytes else ""
    say(f"{facts['documents']} reports, {facts['paragraphs']} paragraphs, {characters} characters")
    say(f"library {facts['library_bytes'] / 2**20:.1f} MiB, search index {facts['index_bytes'] / 2**20:.1f} MiB{ratio}")
    return EXIT_OK
