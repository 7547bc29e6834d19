"""Run ``report-reader`` with the given arguments and print its wall time and peak memory (VmHWM) as JSON on stderr.

Used by the scale bench: one cold process per query, as a person or a script runs the CLI.
"""

import json
import sys
import time

started = time.perf_counter()


def _report() -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next((int(line.split()[1]) for line in status if line.startswith("VmHWM")), 0)
    sys.stderr.write("\n" + json.dumps({"ms": (time.perf_counter() - started) * 1000, "rss_mib": peak / 1024}) + "\n")


if __name__ == "__main__":
    from reader.app import main

    try:
        code = main(sys.argv[1:])
    finally:
        _report()
    sys.exit(code)
