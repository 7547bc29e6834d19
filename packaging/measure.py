"""Size of the one-folder build and cold start of the packaged app next to the venv, as JSON."""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: bench/ is a sibling package

from bench.common import first_paint  # noqa: E402

RUNS = 5


def _folder_mib(path: Path) -> float:
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())  # Qt's .so links count once
    return round(sum(p.stat().st_size for p in files) / 2**20, 1)


def _first_paint_ms(command: list[str], data_dir: Path) -> float:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "REPORT_READER_FIRST_PAINT_FILE": str(data_dir / "paint.txt"),
        "PYTHONPATH": str(ROOT),
    }
    elapsed, _rss = first_paint([*command, "--data-dir", str(data_dir)], env, data_dir / "paint.txt")
    return elapsed


def _median_start(command: list[str]) -> float:
    data_dir = Path(tempfile.mkdtemp(prefix="rr-start-"))
    _first_paint_ms(command, data_dir)  # first run fills the parsed cache, as every later start has it
    return round(statistics.median(_first_paint_ms(command, data_dir) for _ in range(RUNS)), 1)


def main() -> int:
    """Measure and print the figures."""
    folder = ROOT / "dist" / "report-reader"
    packaged = [str(folder / "report-reader")]
    venv = [str(ROOT / ".venv" / "bin" / "python"), "-m", "reader"]
    report = {
        "one_folder_mib": _folder_mib(folder),
        "packaged_first_paint_ms": _median_start(packaged),
        "venv_first_paint_ms": _median_start(venv),
        "runs": RUNS,
    }
    onefile = ROOT / "dist" / "report-reader-onefile"
    if onefile.exists():
        report["one_file_mib"] = round(onefile.stat().st_size / 2**20, 1)
        report["one_file_first_paint_ms"] = _median_start([str(onefile)])
    json.dump(report, sys.stdout, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
