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
    for path in [*(ROOT / "reader" / "core").rglob("*.py"), *(ROOT / "reader" / "cli").rglob("*.py")]:
        assert not any(name.startswith("PySide6") for name in _imports(path)), path.name


def test_ruff_clean():
    result = subprocess.run(
        [_tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-4000:]


def _module_graph() -> dict[str, set[str]]:
    """Every module of reader/ and the modules of reader/ it imports (at any depth in the file:
    imports inside functions and under TYPE_CHECKING count too)."""
    modules: dict[str, set[str]] = {}
    for path in (ROOT / "reader").rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        package = parts if is_package else parts[:-1]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
                found.add(base)
                found.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        modules[".".join(parts)] = found
    return {name: {d for d in found if d in modules and d != name} for name, found in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """The groups of modules that reach each other through imports."""

    def reachable(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for target in graph[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    reach = {name: reachable(name) for name in graph}
    return sorted({tuple(sorted(n for n in graph if n in reach[m] and m in reach[n])) for m in graph if m in reach[m]})


def test_no_import_cycles_in_the_package():
    graph = _module_graph()
    assert "reader.ui.reading.reading_view" in graph["reader.ui.reading.navigator"]  # the graph sees real imports
    cycles = _cycles(graph)
    assert cycles == [], "modules that import each other: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_the_cycle_check_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [("a", "b", "c")]


def test_the_window_and_its_services_do_not_import_the_analysis_libraries() -> None:
    """jieba (a second of dictionary loading) and pyqtgraph load only when an analysis is asked for."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import reader.app, reader.ui.launch, reader.ui.root, reader.ui.analysis.controller\n"
        "import reader.services.library, reader.services.bookmarks, reader.services.narration\n"
        "import reader.services.analysis, reader.cli\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jieba', 'pyqtgraph')\n"
        "             or m in ('reader.core.analysis.compare', 'reader.ui.analysis.window')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]", result.stdout


def test_tests_wait_for_events_never_for_a_guessed_time():
    """No test sleeps: each waits for what it needs (a signal, an event line, a pipe, a condition)."""
    sleepers = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (ROOT / "tests").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "time.sleep(" in line and path.name != "test_architecture.py"
    ]
    assert sleepers == []


def test_no_module_over_500_lines_and_no_class_over_300():
    too_long = []
    for path in (ROOT / "reader").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > 500:
            too_long.append(f"{path.relative_to(ROOT)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 300:
                too_long.append(
                    f"{path.relative_to(ROOT)}: class {node.name}, {node.end_lineno - node.lineno + 1} lines"
                )
    assert too_long == []
