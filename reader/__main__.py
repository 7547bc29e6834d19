"""``python -m reader``."""

import sys

from reader.app import main

if __name__ == "__main__":  # a spawned child process (the speech probe) imports this module too
    sys.exit(main())
