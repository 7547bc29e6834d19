"""``python -m bench [section ...]``: print every performance figure as one JSON object.

Sections: parse, fidelity, formats, gui, search, bookmarks, narration, library, analysis, scale (default: all).
Each runs in its own process (one QApplication, one display each). Every figure sits next to the baseline
measured in the same run.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time

SECTIONS = ("parse", "fidelity", "formats", "gui", "search", "bookmarks", "narration", "library", "analysis", "scale")


def run_section(name: str) -> dict:
    """Run one section in a child process and return its figures."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "bench.section", name], capture_output=True, text=True, timeout=3600, env={**os.environ}
    )
    if result.returncode != 0:
        return {"failed": result.stderr.strip().splitlines()[-1:] or ["(no message)"]}
    figures = json.loads(result.stdout)
    figures["section_seconds"] = round(time.perf_counter() - started, 1)
    return figures


def main(argv: list[str]) -> int:
    wanted = [a for a in argv if not a.startswith("-")] or list(SECTIONS)
    report: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    for name in wanted:
        if name not in SECTIONS:
            print(f"unknown section {name!r}; sections: {', '.join(SECTIONS)}", file=sys.stderr)
            return 2
        report[name] = run_section(name)
        print(f"[bench] {name} done", file=sys.stderr)
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
