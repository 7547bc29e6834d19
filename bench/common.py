"""Timing helpers shared by the benchmark sections."""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "zhejiang-2024-government-work-report.html"
CORPUS = Path(os.environ.get("REPORT_READER_CORPUS", ROOT.parent / "shared" / "corpus"))


def cold_process_env() -> dict[str, str]:
    """The environment of a measured new process: this checkout's code, its bytecode compiled once.

    A new process measures what a person's installed app does. Its code is this
    checkout's (``PYTHONPATH``; the venv's editable install may point at another), and
    compiled ahead, as an installer compiles it: a shell's ``PYTHONDONTWRITEBYTECODE``
    would otherwise have every process compile each module again.
    """
    import compileall

    compileall.compile_dir(str(ROOT / "reader"), quiet=1)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    return env


def median_ms(function: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``repeat`` calls, in milliseconds."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(samples), 3)


def percentile(samples: list[float], fraction: float) -> float:
    """The ``fraction`` percentile of samples (nearest rank)."""
    ordered = sorted(samples)
    if not ordered:
        return 0.0
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return round(ordered[index], 3)


def corpus_files() -> list[Path]:
    """Every corpus file (HTML pages and text reports), or [] when the corpus is absent."""
    if not CORPUS.exists():
        return []
    return sorted(CORPUS.glob("html/*.html")) + sorted(CORPUS.glob("text/*/*"))


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def first_paint(
    command: list[str], env: dict, out: Path, cwd: Path = ROOT, settled: list[int] | None = None
) -> tuple[float, int]:
    """Start ``command`` and wait for it to write its first-paint stamp to ``out``.

    The app (or the bare window) writes "<wall-clock time> <RSS KiB>" when its
    text is first painted; the process is then asked to quit.

    Args:
        command: The program to start.
        env: Its environment.
        out: Where it writes its stamp.
        cwd: Its working directory.
        settled: When given, the resident memory (KiB) two seconds after the first
            paint is appended to it (the app has built its panels and started its
            background services by then).

    Returns:
        Milliseconds from start to first paint, and the resident memory then (KiB).
    """
    out.unlink(missing_ok=True)
    started = time.time()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not out.exists() or not out.read_text():
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError(f"{command[0]} did not paint")
            time.sleep(0.005)
        stamp, rss = out.read_text().split()
        if settled is not None:
            time.sleep(2)
            settled.append(_rss_kib(process.pid))
        return (float(stamp) - started) * 1000, int(rss)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()


# The corpus names each text <region in pinyin>_<year>…: what it says the text is, to check identity against.
_CORPUS_PINYIN = {
    "anhui": "安徽", "beijing": "北京", "chongqing": "重庆", "fujian": "福建", "gansu": "甘肃", "guangdong": "广东",
    "guangxi": "广西", "guizhou": "贵州", "hainan": "海南", "hebei": "河北", "heilongjiang": "黑龙江", "henan": "河南",
    "hubei": "湖北", "hunan": "湖南", "jiangsu": "江苏", "jiangxi": "江西", "jilin": "吉林", "liaoning": "辽宁",
    "neimenggu": "内蒙古", "ningxia": "宁夏", "qinghai": "青海", "shaanxi": "陕西", "shandong": "山东",
    "shanghai": "上海", "shanxi": "山西", "sichuan": "四川", "tianjin": "天津", "xinjiang": "新疆", "xizang": "西藏",
    "yunnan": "云南", "zhejiang": "浙江", "gwy": "全国", "npc": "全国",
}  # fmt: skip


def corpus_region_and_year(stem: str) -> tuple[str, int]:
    """The region and year a corpus file name states ("zhejiang_2024" → ("浙江", 2024))."""
    return _CORPUS_PINYIN[stem.split("_")[0]], int(re.search(r"_(\d{4})", stem).group(1))
