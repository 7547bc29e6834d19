"""The command line's one definition: the window's arguments and every command's.

``report-reader [PATH_OR_URL]`` starts the window; ``report-reader COMMAND …`` runs a
command headless. Both forms share the global options and are described by one
``--help``. This module imports no Qt and nothing heavy: the window's start pays for
argparse only.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NoReturn

PROG = "report-reader"


@dataclass(frozen=True)
class CommandSpec:
    """A CLI command: its name and the module that defines it.

    The module (``reader.cli.NAME_command``) has ``add_arguments(commands)`` and
    ``handle(args) -> int``; it is imported only when the CLI runs, so the window's
    start never pays for it (and the window never imports the CLI).
    """

    name: str
    module: str


# The commands, in --help's order; any other first word is a document for the window.
# A new command: write its module, add its line.
COMMAND_SPECS = tuple(
    CommandSpec(name, f"reader.cli.{name}_command")
    for name in (
        "export",
        "outline",
        "library",
        "search",
        "bookmarks",
        "highlights",
        "speak",
        "compare",
        "targets",
        "terms",
        "trend",
        "concordance",
    )
)
COMMANDS = tuple(spec.name for spec in COMMAND_SPECS)
LANGUAGES = ("zh", "en")

USAGE = (
    f"{PROG} [--data-dir DIR] [--lang {{zh,en}}] [PATH_OR_URL]\n"
    f"       {PROG} [--data-dir DIR] COMMAND ...\n"
    f"       {PROG} --version | --self-check"
)
DESCRIPTION = (
    "Read Chinese government work reports. Without a command, the window opens PATH_OR_URL "
    "(default: the last session, else the bundled report)."
)


class UsageError(Exception):
    """The command line itself is wrong."""


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so errors stay one line."""

    def error(self, message: str) -> NoReturn:
        """Raise ``UsageError`` instead of printing usage and exiting."""
        raise UsageError(message)


class _VersionAction(argparse.Action):
    """``--version``, resolved only when asked (reading package metadata is slow)."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        import reader

        print(f"{PROG} {reader.__version__}")
        parser.exit()


def global_options(parser: argparse.ArgumentParser) -> None:
    """The options every form of the command line takes."""
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
    parser = Parser(prog=PROG, usage=USAGE, description=DESCRIPTION)
    parser.add_argument("source", nargs="?", metavar="PATH_OR_URL", help="a report to open")
    global_options(parser)
    return parser


def parse_window_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the window's arguments.

    Raises:
        UsageError: The arguments are wrong.
    """
    return window_parser().parse_args(list(argv))
