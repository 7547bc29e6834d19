"""``bookmarks``: list, add, remove, export and import bookmarks."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from reader.arguments import Parser, UsageError
from reader.cli.common import (
    EXIT_OK,
    library_documents,
    library_id_of,
    open_bookmarks,
    output_text,
    resolve_document,
    say,
)
from reader.core.fileutil import read_input, write_output


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    bookmarks = commands.add_parser("bookmarks", help="bookmarks with notes")
    bookmark_commands = bookmarks.add_subparsers(dest="bookmarks_command", parser_class=Parser)
    b_list = bookmark_commands.add_parser("list", help="list bookmarks")
    b_list.add_argument("--doc", help="only this document (id or path)")
    b_list.add_argument("--json", action="store_true", help="print JSON")
    b_add = bookmark_commands.add_parser("add", help="bookmark a paragraph, or a whole section with --section")
    b_add.add_argument("document", metavar="DOC_ID_OR_PATH")
    b_add.add_argument("paragraph", metavar="PARAGRAPH_ID", nargs="?", help="as in export --format json")
    b_add.add_argument("--section", metavar="OUTLINE_ID", help="bookmark this outline section (书签本节)")
    b_add.add_argument("--title", default="")
    b_add.add_argument("--note", default="")
    b_remove = bookmark_commands.add_parser("remove", help="delete a bookmark")
    b_remove.add_argument("id", help="bookmark id (or a unique prefix of at least 4 characters)")
    b_export = bookmark_commands.add_parser("export", help="write every bookmark to a file")
    b_export.add_argument("file")
    b_export.add_argument("--format", choices=("json", "markdown"), default="json")
    b_import = bookmark_commands.add_parser("import", help="merge bookmarks from an exported JSON file")
    b_import.add_argument("file")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.bookmarks.anchors import make_bookmark
    from reader.core.bookmarks.model import BookmarkError
    from reader.core.library import Library

    command = args.bookmarks_command
    if command is None:
        raise UsageError("bookmarks needs a command: list, add, remove, export or import")
    library = Library(args.data_dir)
    store = open_bookmarks(args.data_dir)
    try:
        if command == "list":
            doc = library_id_of(library, args.doc) if args.doc else None
            items = [b for b in store.list(doc) if not b.is_highlight]  # highlights: `highlights list`
            if args.json:
                output_text(json.dumps([b.to_json() for b in items], ensure_ascii=False, indent=1) + "\n", None)
            else:
                for bookmark in items:
                    flag = "  [detached]" if bookmark.detached else ""
                    say(f"{bookmark.uid[:8]}  {bookmark.doc_title}  {bookmark.title}{flag}")
                    if bookmark.note:
                        say(f"          {bookmark.note.splitlines()[0]}")
            return EXIT_OK
        if command == "add":
            if bool(args.paragraph) == bool(args.section):
                raise UsageError("give a PARAGRAPH_ID or --section OUTLINE_ID (one of them)")
            document = resolve_document(library, args.document)
            if args.section:
                from reader.core.bookmarks.anchors import make_section_bookmark
                from reader.core.sections import section_node

                section_node(document, args.section)  # an unknown id: the one-line error naming the command
                made = make_section_bookmark(document, args.section, title=args.title, note=args.note)
            else:
                made = make_bookmark(document, args.paragraph, title=args.title, note=args.note)
            bookmark = store.add(made)
            say(f"added {bookmark.uid}  {bookmark.title}")
            return EXIT_OK
        if command == "remove":
            removed = store.delete(args.id)
            say(f"removed {removed.uid}  {removed.title}")
            return EXIT_OK
        if command == "export":
            if args.format == "json":
                text = json.dumps(store.export_json(), ensure_ascii=False, indent=1) + "\n"
            else:
                from reader.core.bookmarks.export import bookmarks_markdown

                text = bookmarks_markdown(store.list(), library_documents(library))
            write_output(Path(args.file), text.encode("utf-8"))
            say(f"wrote {store.count()} bookmarks to {args.file}")
            return EXIT_OK
        from reader.core.bookmarks.model import MAX_IMPORT_BYTES

        raw = read_input(Path(args.file), MAX_IMPORT_BYTES, "a bookmark file")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
            reason = "nested too deeply" if isinstance(error, RecursionError) else error.__class__.__name__
            raise BookmarkError(f"{args.file} is not a bookmarks JSON file ({reason})") from None
        added, updated = store.import_json(data)
        say(f"imported {added} new and {updated} updated bookmarks")
        return EXIT_OK
    finally:
        store.close()
