"""Entry point: decide between a command, the self-check and the window, and start one.

Commands never import Qt, so ``report-reader export`` works on a server without
display libraries. The window's parts are put together in ``reader.ui.root``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader.arguments import COMMANDS, command_of


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``report-reader`` and ``python -m reader``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False):  # a packaged build: let spawned helper processes start
        import multiprocessing

        multiprocessing.freeze_support()
    if "--self-check" in args:
        from reader.selfcheck import run

        return run()
    command = command_of(args)
    if command in COMMANDS or (command is None and any(a in ("-h", "--help") for a in args)):
        from reader import cli

        return cli.run(args)
    from reader.ui.launch import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
