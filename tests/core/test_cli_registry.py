"""The CLI's commands come from one registry: each is a module with its arguments and its handler."""

from __future__ import annotations

import argparse
import inspect
import json

import pytest

from reader.arguments import COMMAND_SPECS, COMMANDS
from reader.cli.main import build_parser, command_module


def _subcommands(parser: argparse.ArgumentParser) -> list[str]:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return list(actions[0].choices)


def test_the_parser_offers_exactly_the_registered_commands_in_order():
    assert _subcommands(build_parser()) == list(COMMANDS)
    assert len(set(COMMANDS)) == len(COMMANDS)


@pytest.mark.parametrize("spec", COMMAND_SPECS, ids=lambda spec: spec.name)
def test_every_command_has_a_handler_taking_the_parsed_arguments(spec):
    module = command_module(spec.name)
    assert module.__name__ == spec.module
    assert list(inspect.signature(module.handle).parameters) == ["args"]
    assert list(inspect.signature(module.add_arguments).parameters) == ["commands"]


def test_outline_prints_the_reports_sections_indented_and_as_json(tmp_path, capsys):
    from reader.cli import run
    from tests.conftest import SEED

    assert run(["--data-dir", str(tmp_path), "outline", str(SEED)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("一、2023年工作回顾") and lines[0].endswith("字)")
    assert any(line.startswith("  ") for line in lines), "sub-sections are indented"
    assert run(["--data-dir", str(tmp_path), "outline", str(SEED), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["level"] == 1 and rows[0]["title"] == "一、2023年工作回顾"
    assert set(rows[0]) == {"id", "level", "title", "paragraph", "characters"}
    top = [row for row in rows if row["level"] == 1]
    assert all(row["characters"] > 0 for row in top)


def test_library_info_counts_the_reports_and_sizes_the_index(tmp_path, capsys):
    from reader.cli import run

    report = tmp_path / "r.txt"
    report.write_text(
        "某市2025年政府工作报告\n\n各位代表：\n\n一、过去一年的工作\n\n经济运行总体平稳。\n", encoding="utf-8"
    )
    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "library", "add", str(report)]) == 0
    capsys.readouterr()
    assert run(["--data-dir", str(data), "library", "info", "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert facts["documents"] == 2  # the bundled report and this one
    assert facts["characters"] > 10_000 and facts["index_bytes"] > 0 and facts["library_bytes"] > 0
    assert run(["--data-dir", str(data), "library", "info"]) == 0
    assert "× the text" in capsys.readouterr().out
    assert run(["--data-dir", str(data), "library", "compact"]) == 0
    assert "packed into 1" in capsys.readouterr().out
    assert run(["--data-dir", str(data), "search", "经济运行总体平稳", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 1
