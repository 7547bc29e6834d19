"""Fixtures for analysis tests: corpus reports and a small library of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import cli
from reader.core.loader import load_source
from tests.conftest import corpus_path

NATIONAL_YEARS = range(2015, 2027)


def report(*parts: str):
    """A corpus report, parsed."""
    return load_source(str(corpus_path("text", *parts)))


@pytest.fixture(scope="module")
def analysis_library(tmp_path_factory) -> Path:
    """A data directory whose library holds national 2015–2026 and Zhejiang 2023–2025 (and the seed)."""
    sources = [str(corpus_path("text", "national", f"gwy_{year}.md")) for year in NATIONAL_YEARS]
    sources += [str(corpus_path("text", "province", f"zhejiang_{year}.md")) for year in (2023, 2025)]
    data_dir = tmp_path_factory.mktemp("analysis") / "data"
    assert cli.run(["--data-dir", str(data_dir), "library", "add", *sources]) == 0
    return data_dir


def run_json(capsys, *args: str) -> dict:
    """Run a CLI command with --json and return what it printed."""
    capsys.readouterr()
    assert cli.run([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)
