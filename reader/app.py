"""Composition root: decide between the CLI and the GUI and start one.

CLI commands never import Qt, so ``report-reader export`` works on a server
without display libraries.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# The CLI's commands; anything else starts the GUI (named here so the GUI's start
# does not pay for importing the CLI).
COMMANDS = ("export", "library", "search", "bookmarks", "speak")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``report-reader`` and ``python -m reader``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--self-check" in args:
        from reader.selfcheck import run

        return run()
    command = _first_positional(args)
    if command in COMMANDS or (command is None and any(a in ("-h", "--help") for a in args)):
        from reader import cli

        return cli.run(args)
    from reader.ui.launch import run_gui

    return run_gui(args)


def _first_positional(args: list[str]) -> str | None:
    """The first argument that is neither an option nor the value of ``--data-dir``."""
    skip_next = False
    for arg in args:
        if skip_next:
            skip_next = False
            continue
        if arg == "--data-dir":
            skip_next = True
            continue
        if not arg.startswith("-"):
            return arg
    return None


if __name__ == "__main__":
    sys.exit(main())
