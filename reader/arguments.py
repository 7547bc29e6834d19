"""The command line's one definition: the window's arguments and every command's.

``report-reader [PATH_OR_URL]`` starts the window; ``report-reader COMMAND …`` runs a
command headless. Both forms share the global options and are described by one
``--help``. This module imports no Qt and nothing heavy: the window's start pays for
argparse only.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from reader.core.formats.registry import suffix_summary

PROG = "report-reader"
# The commands; any other first word is a document for the window.
COMMANDS = (
    "export",
    "library",
    "search",
    "bookmarks",
    "speak",
    "compare",
    "targets",
    "terms",
    "trend",
    "concordance",
    "highlights",
)
LANGUAGES = ("zh", "en")

_USAGE = (
    f"{PROG} [--data-dir DIR] [--lang {{zh,en}}] [PATH_OR_URL]\n"
    f"       {PROG} [--data-dir DIR] COMMAND ...\n"
    f"       {PROG} --version | --self-check"
)
_DESCRIPTION = (
    "Read Chinese government work reports. Without a command, the window opens PATH_OR_URL "
    "(default: the last session, else the bundled report)."
)


class UsageError(Exception):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so errors stay one line."""

    def error(self, message: str) -> None:
        raise UsageError(message)


class _VersionAction(argparse.Action):
    """``--version``, resolved only when asked (reading package metadata is slow)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        import reader

        print(f"{PROG} {reader.__version__}")
        parser.exit()


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", metavar="DIR", help="directory for library, index and bookmarks (env REPORT_READER_DATA_DIR)"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the window (default: from the system)")
    parser.add_argument("--debug", action="store_true", help="log everything, and echo the log to standard error")
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--self-check", action="store_true", help="prove that an installation works, then exit")


def command_of(argv: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor the value of ``--data-dir``/``--lang``."""
    skip_next = False
    for arg in argv:
        if skip_next:
            skip_next = False
            continue
        if arg in ("--data-dir", "--lang"):
            skip_next = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


def window_parser() -> argparse.ArgumentParser:
    """Arguments of the window: an optional document plus the global options."""
    parser = _Parser(prog=PROG, usage=_USAGE, description=_DESCRIPTION)
    parser.add_argument("source", nargs="?", metavar="PATH_OR_URL", help="a report to open")
    _global_options(parser)
    return parser


def parse_window_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the window's arguments.

    Raises:
        UsageError: The arguments are wrong.
    """
    return window_parser().parse_args(list(argv))


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options, the window's document, and the commands."""
    parser = _Parser(
        prog=PROG,
        usage=_USAGE,
        description=_DESCRIPTION,
        epilog=f"PATH_OR_URL: a file — {suffix_summary()} — or an http(s) address.",
    )
    _global_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    _export_command(commands)
    _library_command(commands)
    _search_command(commands)
    _bookmarks_command(commands)
    _highlights_command(commands)
    _speak_command(commands)
    _analysis_commands(commands)
    return parser


def _export_command(commands) -> None:
    export = commands.add_parser("export", help="parse a page or report and write it as JSON, Markdown or text")
    export.add_argument("source", help="path, http(s) URL or library id")
    export.add_argument("--format", choices=("json", "markdown", "text"), default="json")
    export.add_argument("-o", "--output", help="output file (default: standard output)")
    export.add_argument("--section", metavar="OUTLINE_ID", help="only this outline section (ids as in --format json)")


def _library_command(commands) -> None:
    library = commands.add_parser("library", help="manage imported documents")
    library_commands = library.add_subparsers(dest="library_command", parser_class=_Parser)
    add = library_commands.add_parser("add", help="import files, folders (every supported type, see --help) or URLs")
    add.add_argument("sources", nargs="+", help="paths, folders or http(s) URLs")
    add.add_argument("--replace", action="store_true", help="let a copy of a document's text replace its entry")
    listing = library_commands.add_parser("list", help="list imported documents")
    _facets(listing)
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = library_commands.add_parser("remove", help="remove a document from the library")
    remove.add_argument("id", help="document id (see library list)")


def _facets(parser: argparse.ArgumentParser, kind_default: str = "") -> None:
    parser.add_argument("--region", help="only this region (浙江, 内蒙古, 广州, 全国)")
    parser.add_argument("--year", help="only this year, or years Y1-Y2")
    default = f"; default {kind_default}" if kind_default else ""
    parser.add_argument("--kind", help=f"only this kind (政府工作报告, 决议, 通知…{default})")


def _search_command(commands) -> None:
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
    _facets(search)
    search.add_argument("--limit", type=int, default=20, help="hits to show (0 = all; default 20)")
    search.add_argument(
        "--order",
        choices=("relevance", "text"),
        default="relevance",
        help="the hits shown, best first (default) or in reading order (each document top to bottom)",
    )
    search.add_argument("--json", action="store_true", help="print JSON")


def _bookmarks_command(commands) -> None:
    bookmarks = commands.add_parser("bookmarks", help="bookmarks with notes")
    bookmark_commands = bookmarks.add_subparsers(dest="bookmarks_command", parser_class=_Parser)
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


def _highlights_command(commands) -> None:
    highlights = commands.add_parser("highlights", help="highlighted passages with notes and tags, and quotes")
    h_commands = highlights.add_subparsers(dest="highlights_command", parser_class=_Parser)
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


def _speak_command(commands) -> None:
    speak = commands.add_parser("speak", help="narrate a report into an audio file (.wav or .mp3)")
    speak.add_argument("document", metavar="PATH_OR_ID", nargs="?", help="not needed with --list-voices")
    part = speak.add_mutually_exclusive_group()
    part.add_argument("--section", metavar="OUTLINE_ID", help="only this outline section (ids as in export)")
    part.add_argument("--paragraph", metavar="ID", help="only this paragraph")
    part.add_argument(
        "--highlights", action="store_true", help="only the report's highlights, in reading order (read my highlights)"
    )
    speak.add_argument("--voice", help="voice id or part of its name (default: a Mandarin voice)")
    speak.add_argument("--rate", type=int, default=None, help="speaking rate, 80 to 450 (engine words per minute)")
    speak.add_argument("--list-voices", action="store_true", help="list the engine's voices and exit")
    speak.add_argument("-o", "--output", help="OUT.wav or OUT.mp3")


def _analysis_commands(commands) -> None:
    compare = commands.add_parser("compare", help="what changed from one report to another (新提法, 不再提及)")
    compare.add_argument("first", metavar="OLD", help="the earlier report: library id, path or URL")
    compare.add_argument(
        "second",
        metavar="NEW",
        nargs="?",
        help="the later report; with one report given, it is NEW and OLD is its region's previous year",
    )
    compare.add_argument("--json", action="store_true", help="print JSON")
    targets = commands.add_parser("targets", help="the report's 主要预期目标 and last year's achieved figures")
    targets.add_argument("document", metavar="DOC", help="library id, path or URL")
    targets.add_argument("--json", action="store_true", help="print JSON")
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
    trend = commands.add_parser("trend", help="occurrences of a word or phrase in each report of the library")
    trend.add_argument(
        "term", metavar="TERM", nargs="+", help="a word or phrase, matched exactly (several: one line each)"
    )
    _facets(trend, kind_default="政府工作报告 (all: every kind)")
    trend.add_argument("--json", action="store_true", help="print JSON")
    concordance = commands.add_parser(
        "concordance", help="every occurrence of a word or phrase across the library, in context (KWIC)"
    )
    concordance.add_argument("term", metavar="TERM", help="a word or phrase, matched exactly")
    _facets(concordance)
    concordance.add_argument("--width", type=int, default=30, help="characters of context on each side (default 30)")
    concordance.add_argument("--json", action="store_true", help="print JSON")
