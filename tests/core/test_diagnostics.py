"""The log: one rotating file in the data directory, tracebacks of bugs, quiet when it cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from reader.core.diagnostics import configure_logging, describe_error, log_file, logger
from reader.core.errors import NoBodyTextError
from reader.core.paths import DataLayout


@pytest.fixture(autouse=True)
def _no_log_left_configured():
    yield
    configure_logging(None)


def test_the_log_lives_in_the_data_directory_and_is_created_on_first_record(tmp_path):
    layout = DataLayout(tmp_path / "data")
    configure_logging(layout.log)
    assert log_file() == layout.log
    assert not layout.log.exists()  # nothing written yet: nothing created
    logger("test").warning("first record")
    assert "first record" in layout.log.read_text(encoding="utf-8")


def test_a_bug_is_described_with_the_log_and_bad_input_without(tmp_path):
    configure_logging(tmp_path / "x.log")
    assert describe_error(NoBodyTextError("the page has no readable body text")) == "the page has no readable body text"
    line = describe_error(ZeroDivisionError("division by zero"))
    assert line.startswith("internal error: ZeroDivisionError: division by zero") and str(tmp_path / "x.log") in line
    assert describe_error(FileNotFoundError(2, "No such file or directory")) == "No such file or directory"


def test_an_unwritable_log_never_adds_a_message(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    configure_logging(blocker / "logs" / "report-reader.log")
    logger("test").error("cannot be written")
    captured = capsys.readouterr()
    assert "Logging error" not in captured.err and captured.err == ""


def test_the_log_rotates_instead_of_growing(tmp_path):
    log = tmp_path / "logs" / "report-reader.log"
    configure_logging(log)
    line = "x" * 1000
    for _ in range(3000):  # ~3 MB of records
        logger("test").info(line)
    parts = sorted(path.name for path in log.parent.iterdir())
    assert parts[0] == "report-reader.log" and "report-reader.log.1" in parts
    assert all(path.stat().st_size <= 1024 * 1024 + 2000 for path in log.parent.iterdir())
    assert len(parts) <= 4


def _cli(*args: str, data_dir) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_debug_echoes_the_log_to_stderr(tmp_path):
    missing = tmp_path / "missing.html"
    quiet = _cli("export", str(missing), data_dir=tmp_path / "data")
    loud = _cli("--debug", "export", str(missing), data_dir=tmp_path / "data")
    assert quiet.returncode == loud.returncode == 1
    assert len(quiet.stderr.strip().splitlines()) == 1  # one line, nothing more
    assert "WARNING" in loud.stderr and "reader.cli" in loud.stderr
    assert "missing.html" in (tmp_path / "data" / "logs" / "report-reader.log").read_text(encoding="utf-8")
