"""``python -m bench [section ...]``: print every performance figure as one JSON object.

Sections: parse, gui, search, bookmarks, narration (default: all that are available).
Each figure sits next to the baseline measured in the same run.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time

SECTIONS = ("parse", "gui", "search", "bookmarks", "narration")


def main(argv: list[str]) -> int:
    wanted = [a for a in argv if not a.startswith("-")] or list(SECTIONS)
    report: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": __import__("os").cpu_count(),
        },
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    for name in wanted:
        try:
            module = importlib.import_module(f"bench.{name}")
        except ModuleNotFoundError as error:
            report[name] = {"skipped": str(error)}
            continue
        started = time.perf_counter()
        report[name] = module.measure()
        report[name]["section_seconds"] = round(time.perf_counter() - started, 1)
        print(f"[bench] {name} done", file=sys.stderr)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
