"""Shared fixtures: corpus location, isolated data and config directories."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "zhejiang-2024-government-work-report.html"
CORPUS = Path(os.environ.get("REPORT_READER_CORPUS", ROOT.parent / "shared" / "corpus"))

# Widget tests run without a display; e2e tests switch to xcb themselves.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def in_ci() -> bool:
    """Whether the tests run in CI, where a missing tool is a broken install, not a reason to skip."""
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def needs_tool(tool: str, package: str) -> pytest.MarkDecorator:
    """Mark a test (or module) that runs the program ``tool`` from the Debian package ``package``.

    On a developer's machine a missing tool skips the test with the reason shown; in CI
    (``CI=true``) it fails it, since set-up must have installed everything.
    """
    return pytest.mark.needs_tool(tool, package)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Apply ``needs_tool`` marks: skip, or fail in CI."""
    for mark in item.iter_markers("needs_tool"):
        tool, package = mark.args
        if shutil.which(tool) is None:
            reason = f"{tool} is not installed (package {package})"
            if in_ci():
                pytest.fail(f"{reason}: set-up must install it (scripts/bootstrap.sh)", pytrace=False)
            pytest.skip(reason)


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
