"""Layer contracts (import-linter), QtCore-only services, and a ruff-clean tree."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if path.exists():
        return str(path)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed; run the README's test command")
    return found


def test_import_linter_contracts():
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_services_use_qtcore_only():
    for path in (ROOT / "reader" / "services").rglob("*.py"):
        qt = {name for name in _imports(path) if name.startswith("PySide6")}
        assert qt <= {"PySide6", "PySide6.QtCore"}, f"{path.name} imports {qt}"


def test_core_and_cli_import_no_qt():
    for path in [*(ROOT / "reader" / "core").rglob("*.py"), ROOT / "reader" / "cli.py"]:
        assert not any(name.startswith("PySide6") for name in _imports(path)), path.name


def test_ruff_clean():
    result = subprocess.run(
        [_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-4000:]
