"""The CLI's entry: parse the command line, run the command's handler, turn errors into one line and an exit status."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from types import ModuleType

from reader.arguments import COMMAND_SPECS, COMMANDS, DESCRIPTION, PROG, USAGE, Parser, UsageError, global_options
from reader.cli.common import EXIT_INPUT, EXIT_OK, EXIT_USAGE, say
from reader.core.diagnostics import configure_logging, describe_error, logger
from reader.core.errors import ReaderError
from reader.core.formats.registry import suffix_summary
from reader.core.paths import DataLayout, checked_data_dir, resolve_data_dir


def _option_value(argv: Sequence[str], name: str) -> str | None:
    """The value given to an option, found even when the rest of the command line is wrong."""
    arguments = list(argv)
    for index, argument in enumerate(arguments):
        if argument == name and index + 1 < len(arguments):
            return arguments[index + 1]
        if argument.startswith(name + "="):
            return argument.split("=", 1)[1]
    return None


def command_module(name: str) -> ModuleType:
    """The module that defines a command (``add_arguments`` and ``handle``)."""
    spec = next(spec for spec in COMMAND_SPECS if spec.name == name)
    return importlib.import_module(spec.module)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line: global options, the window's document, and every command."""
    parser = Parser(
        prog=PROG,
        usage=USAGE,
        description=DESCRIPTION,
        epilog=f"PATH_OR_URL: a file — {suffix_summary()} — or an http(s) address.",
    )
    global_options(parser)
    commands = parser.add_subparsers(dest="command", parser_class=Parser, metavar="COMMAND")
    for spec in COMMAND_SPECS:
        command_module(spec.name).add_arguments(commands)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run a CLI command.

    Args:
        argv: Arguments without the program name.

    Returns:
        The exit status: 0 success, 1 bad input, 2 bad usage.

    """
    for stream in (sys.stdout, sys.stderr):  # a lone surrogate in a file name must not end the run
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    configure_logging(DataLayout(resolve_data_dir(_option_value(argv, "--data-dir"))).log, debug="--debug" in argv)
    try:
        args = build_parser().parse_args(list(argv))
        if not args.command:
            raise UsageError("a command is required: " + ", ".join(COMMANDS))
        args.data_dir = checked_data_dir(resolve_data_dir(args.data_dir))
        return int(command_module(args.command).handle(args))
    except UsageError as error:
        say(f"{PROG}: usage error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except ReaderError as error:
        logger("cli").warning("%s: %s", " ".join(argv), error)
        say(f"{PROG}: {error}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error worth a message.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:
        say(f"{PROG}: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line for the person, the traceback in the log
        logger("cli").error("command %s failed", " ".join(argv), exc_info=error)
        say(f"{PROG}: {describe_error(error)}", file=sys.stderr)
        return EXIT_INPUT
