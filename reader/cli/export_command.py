"""``export``: parse a page or report and write it as JSON, Markdown or text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.arguments import PROG
from reader.cli.common import EXIT_OK, output_text, resolve_document, say


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    export = commands.add_parser("export", help="parse a page or report and write it as JSON, Markdown or text")
    export.add_argument("source", help="path, http(s) URL or library id")
    export.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    export.add_argument("-o", "--output", help="output file (default: standard output)")
    export.add_argument("--section", metavar="OUTLINE_ID", help="only this outline section (ids as in --format json)")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.export import to_json, to_markdown, to_text

    document = _export_source(args)
    for note in document.notes:
        say(f"{PROG}: {note}", file=sys.stderr)
    if args.section:
        from reader.core.sections import section_document

        document = section_document(document, args.section)
    if args.format == "json":
        text = json.dumps(to_json(document), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "markdown":
        text = to_markdown(document)
    else:
        text = to_text(document)
    output_text(text, args.output)
    return EXIT_OK


def _export_source(args: argparse.Namespace):
    """The document to export: a path or URL, or else a library id (as every other command takes)."""
    from reader.core.loader import load_source
    from reader.core.sources import is_url

    source = args.source
    if not is_url(source) and not Path(source).exists():
        from reader.core.library import Library

        return resolve_document(Library(args.data_dir), source)  # neither a file nor an id: "no such file"
    return load_source(source)  # a file is parsed as it is now, not as the library holds it
