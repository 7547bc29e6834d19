"""Locate the files shipped with the application (bundled report, icons, translations)."""

from __future__ import annotations

import sys
from pathlib import Path

BUNDLED_REPORT_NAME = "zhejiang-2024-government-work-report.html"
# The page the bundled report was saved from (its artid 5259140 is in the page).
BUNDLED_REPORT_URL = "https://www.zj.gov.cn/art/2024/1/31/art_1229019379_5259140.html"
BUNDLED_SOURCE_KEY = "bundled:" + BUNDLED_REPORT_NAME


def resources_dir() -> Path:
    """The ``resources`` folder: in the source tree, a PyInstaller bundle, or an install prefix."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parents[2] / "resources")
    candidates.append(Path(sys.prefix) / "share" / "report-reader" / "resources")
    for candidate in candidates:
        if (candidate / BUNDLED_REPORT_NAME).is_file():
            return candidate
    return candidates[0]


def bundled_report_path() -> Path:
    """Path of the default document."""
    return resources_dir() / BUNDLED_REPORT_NAME


def is_bundled(path: Path) -> bool:
    """Whether a path is the bundled report."""
    try:
        return path.resolve() == bundled_report_path().resolve()
    except OSError:
        return False
