"""Entry point: decide between a command, the self-check and the window, and start one.

Commands never import Qt, so ``report-reader export`` works on a server without
display libraries. The window's parts are put together in ``reader.ui.root``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.arguments import COMMANDS, PROG, command_of
from reader.core.sources import is_url


def _usage_error(message: str) -> int:
    print(f"{PROG}: usage error: {message}", file=sys.stderr)
    return 2


def _window_problem(args: list[str], command: str | None) -> str:
    """Why the window cannot start, decided before Qt is touched ('' when it can).

    Qt aborts the process (SIGABRT) when it finds no display; a mistyped command would
    otherwise be taken for a file to open and end that way.
    """
    if command is not None and not is_url(command) and not Path(command).expanduser().exists():
        if "/" not in command and "." not in command:
            return f"unknown command {command!r} (commands: {', '.join(COMMANDS)}; to open a file, give its path)"
        return f"no such file: {command}"
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if (
        sys.platform.startswith("linux")
        and not platform
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        return "no display to open the window on (set DISPLAY, or run a command: " + ", ".join(COMMANDS) + ")"
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``report-reader`` and ``python -m reader``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if getattr(sys, "frozen", False):  # a packaged build: let spawned helper processes start
        import multiprocessing

        multiprocessing.freeze_support()
    command = command_of(args)
    if "--self-check" in args:
        if command is not None:
            return _usage_error(f"--self-check runs alone, not with {command!r}")
        from reader.selfcheck import run

        return run()
    if command in COMMANDS or (command is None and any(a in ("-h", "--help") for a in args)):
        from reader import cli

        return cli.run(args)
    if not any(a in ("-h", "--help", "--version") for a in args):
        problem = _window_problem(args, command)
        if problem:
            return _usage_error(problem) if "display" not in problem else _no_display(problem)
    from reader.ui.launch import run_gui

    return run_gui(args)


def _no_display(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
