"""``outline``: a report's outline (一、 （一） 一是 … 第X章 第X条), indented, with each section's length."""

from __future__ import annotations

import argparse

from reader.cli.common import EXIT_OK, print_json, resolve_document, say


def add_arguments(commands: argparse._SubParsersAction) -> None:
    """The command's arguments."""
    outline = commands.add_parser("outline", help="a report's outline, indented, with each section's length")
    outline.add_argument("document", metavar="DOC", help="library id, path or URL")
    outline.add_argument("--json", action="store_true", help="print JSON (id, level, title, paragraph, characters)")


def handle(args: argparse.Namespace) -> int:
    """Run the command; returns the exit status."""
    from reader.core.library import Library

    document = resolve_document(Library(args.data_dir), args.document)
    rows = []
    for node in document.nodes():
        start, end = document.node_paragraph_range(node.id)
        characters = sum(len(p.text) for p in document.paragraphs[start:end])
        rows.append({"id": node.id, "level": node.level, "title": node.title, "paragraph": node.paragraph,
                     "characters": characters})  # fmt: skip
    if args.json:
        print_json(rows)
        return EXIT_OK
    for row in rows:
        say(f"{'  ' * (int(row['level']) - 1)}{row['title']}  ({row['characters']} 字)")
    return EXIT_OK
