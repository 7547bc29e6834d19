"""Shared fixtures: corpus location, isolated data and config directories."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "zhejiang-2024-government-work-report.html"
CORPUS = Path(os.environ.get("REPORT_READER_CORPUS", ROOT.parent / "shared" / "corpus"))

# Widget tests run without a display; e2e tests switch to xcb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def corpus_path(*parts: str) -> Path:
    """A path in the shared corpus, skipping the test visibly when it is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus not found at {CORPUS} (set REPORT_READER_CORPUS)")
    return path


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep every test away from the real user's data, config and cache."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    (home / "xdg_runtime_dir").mkdir(mode=0o700)  # PulseAudio's client puts its files here, not in /tmp
    monkeypatch.setenv("TMPDIR", str(home / "tmp"))  # and nothing a test makes is left in /tmp
    (home / "tmp").mkdir()
    tempfile.tempdir = None  # re-read TMPDIR
    monkeypatch.delenv("REPORT_READER_DATA_DIR", raising=False)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A fresh data directory."""
    path = tmp_path / "data"
    path.mkdir()
    return path
