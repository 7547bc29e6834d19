"""Command-line interface: everything the GUI does, headless, with stable JSON.

This module must not import Qt: the CLI runs on servers and in scripts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.paths import resolve_data_dir

PROG = "report-reader"
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2
COMMANDS = ("export",)


class UsageError(Exception):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so errors stay one line."""

    def error(self, message: str) -> None:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """The CLI's argument parser."""
    parser = _Parser(prog=PROG, description="Read Chinese government work reports.")
    parser.add_argument("--data-dir", help="directory for library, index and bookmarks (env REPORT_READER_DATA_DIR)")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    export = commands.add_parser("export", help="parse a page or report and write it as JSON, Markdown or text")
    export.add_argument("source", help="path or http(s) URL")
    export.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    export.add_argument("-o", "--output", help="output file (default: standard output)")
    return parser


def _write_output(text: str, output: str | None) -> None:
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _cmd_export(args: argparse.Namespace) -> int:
    from reader.core.export import to_json, to_markdown, to_text
    from reader.core.loader import load_source

    document = load_source(args.source)
    if args.format == "json":
        text = json.dumps(to_json(document), ensure_ascii=False, indent=1) + "\n"
    elif args.format == "markdown":
        text = to_markdown(document)
    else:
        text = to_text(document)
    _write_output(text, args.output)
    return EXIT_OK


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {"export": _cmd_export}


def run(argv: Sequence[str]) -> int:
    """Run a CLI command.

    Args:
        argv: Arguments without the program name.

    Returns:
        The exit status: 0 success, 1 bad input, 2 bad usage.

    """
    try:
        args = build_parser().parse_args(list(argv))
        if not args.command:
            raise UsageError("a command is required: " + ", ".join(COMMANDS))
        args.data_dir = resolve_data_dir(args.data_dir)
        return HANDLERS[args.command](args)
    except UsageError as error:
        print(f"{PROG}: usage error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ReaderError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_INPUT
    except OSError as error:
        print(f"{PROG}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
