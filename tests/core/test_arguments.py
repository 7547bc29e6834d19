"""One command line: the window's arguments and the commands' share one definition and one --help."""

from __future__ import annotations

import pytest

from reader.app import main
from reader.arguments import COMMANDS, UsageError, command_of, parse_window_args


def test_help_describes_the_window_and_every_command(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    for word in ("PATH_OR_URL", "--lang", "--version", "--data-dir", "--self-check", *COMMANDS):
        assert word in text, word


def test_version_prints_one_line(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    out = capsys.readouterr().out.strip()
    assert out.startswith("report-reader ") and "\n" not in out


def test_a_document_is_not_a_command():
    assert command_of(["--data-dir", "search", "report.html"]) == "report.html"
    assert command_of(["--lang", "en", "export", "x.html"]) == "export"
    assert command_of(["--lang", "zh"]) is None


def test_window_arguments():
    args = parse_window_args(["--lang", "en", "--data-dir", "/tmp/d", "https://www.zj.gov.cn/a.html"])
    assert (args.source, args.lang, args.data_dir) == ("https://www.zj.gov.cn/a.html", "en", "/tmp/d")
    with pytest.raises(UsageError):
        parse_window_args(["--lang", "fr"])
