"""The CLI's commands come from one registry: each is a module with its arguments and its handler."""

from __future__ import annotations

import argparse
import inspect

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
