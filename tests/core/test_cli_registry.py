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
