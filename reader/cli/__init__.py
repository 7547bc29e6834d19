"""Command-line interface: everything the GUI does, headless, with stable JSON.

One module per command (``library_command.py``, ``search_command.py``, …), listed in
``registry.py``; ``main.run`` parses the command line and calls the command's handler.
No module here imports Qt: the CLI runs on servers and in scripts.
"""

from reader.cli.main import run

__all__ = ["run"]
