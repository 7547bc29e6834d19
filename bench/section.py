"""Run one benchmark section and print its figures as JSON (used by ``python -m bench``)."""

import importlib
import json
import sys

if __name__ == "__main__":
    module = importlib.import_module(f"bench.{sys.argv[1]}")
    json.dump(module.measure(), sys.stdout, ensure_ascii=False)
