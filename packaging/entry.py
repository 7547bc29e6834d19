"""Entry point of the packaged application (PyInstaller)."""

import multiprocessing
import sys

from reader.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # Whoosh's multi-process writer on Windows/macOS spawn
    sys.exit(main())
