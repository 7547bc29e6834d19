"""``highlights``: add, list, remove highlights and export them as quotes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.arguments import Parser, UsageError
from reader.cli.common import (
    EXIT_OK,
    library_documents,
    library_id_of,
    open_bookmarks,
    output_text,
    print_json,
    resolve_document,
    say,
)
from reader.core.fileutil import write_output


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    highlights = commands.add_parser("highlights", help="highlighted passages with notes and tags, and quotes")
    h_commands = highlights.add_subparsers(dest="highlights_command", parser_class=Parser)
    h_add = h_commands.add_parser("add", help="highlight characters START..END of a paragraph")
    h_add.add_argument("document", metavar="DOC", help="library id, path or URL")
    h_add.add_argument("--paragraph", required=True, metavar="ID", help="as in export --format json")
    h_add.add_argument("--start", type=int, required=True, help="first character (0-based)")
    h_add.add_argument("--end", type=int, required=True, help="one past the last character")
    h_add.add_argument("--color", default="yellow", help="yellow, green, blue, pink or purple (default yellow)")
    h_add.add_argument("--style", default="highlight", choices=("highlight", "underline"))
    h_add.add_argument("--note", default="")
    h_add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    h_list = h_commands.add_parser("list", help="list highlights")
    h_list.add_argument("document", metavar="DOC", nargs="?", help="only this document (id or path)")
    h_list.add_argument("--color", default="")
    h_list.add_argument("--tag", default="")
    h_list.add_argument("--json", action="store_true", help="print JSON")
    h_export = h_commands.add_parser("export", help="the highlights as quotes with citations")
    h_export.add_argument("document", metavar="DOC", nargs="?", help="only this document (id or path)")
    h_export.add_argument("--format", choices=("markdown", "text", "csv", "docx"), default="markdown")
    h_export.add_argument("--order", choices=("text", "tag"), default="text", help="reading order or by tag")
    h_export.add_argument("--color", default="")
    h_export.add_argument("--tag", default="")
    h_export.add_argument("-o", "--output", help="output file (default: standard output; docx needs a file)")
    h_remove = h_commands.add_parser("remove", help="delete a highlight")
    h_remove.add_argument("id", help="highlight id (or a unique prefix of at least 4 characters)")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.bookmarks.anchors import make_highlight
    from reader.core.bookmarks.highlights_export import export, quotes
    from reader.core.library import Library

    command = args.highlights_command
    if command is None:
        raise UsageError("highlights needs a command: add, list, export or remove")
    library = Library(args.data_dir)
    store = open_bookmarks(args.data_dir)
    try:
        if command == "add":
            document = resolve_document(library, args.document)
            made = make_highlight(
                document, args.paragraph, args.start, args.end, args.color, args.note, args.tag, args.style
            )
            highlight = store.add(made)
            say(f"added {highlight.uid}  “{highlight.snippet[:40]}”")
            return EXIT_OK
        if command == "remove":
            removed = store.delete(args.id)
            say(f"removed {removed.uid}  “{removed.snippet[:40]}”")
            return EXIT_OK
        doc = library_id_of(library, args.document) if args.document else None
        items = store.highlights(doc, args.color, args.tag)
        if command == "list":
            if args.json:
                print_json([h.to_json() for h in items])
            else:
                for highlight in items:
                    flag = "  [text changed]" if highlight.detached else ""
                    tags = f"  #{' #'.join(highlight.tags)}" if highlight.tags else ""
                    say(f"{highlight.uid[:8]}  {highlight.color:<6}  “{highlight.snippet[:50]}”{tags}{flag}")
            return EXIT_OK
        data = export(quotes(items, library_documents(library), args.order), args.format)
        if args.output:
            write_output(Path(args.output), data)
            say(f"wrote {len(items)} highlights to {args.output}", file=sys.stderr)
        elif args.format == "docx":
            raise UsageError("a Word file needs -o FILE")
        else:
            output_text(data.decode("utf-8").lstrip("\ufeff"), None)
        return EXIT_OK
    finally:
        store.close()
