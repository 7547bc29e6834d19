"""Errors on the GUI thread and foreign threads: logged with their traceback, announced with the log's path."""

from __future__ import annotations

import sys

import pytest

from reader.core.diagnostics import configure_logging


@pytest.fixture(autouse=True)
def _no_log_left_configured():
    yield
    configure_logging(None)


def test_a_gui_thread_error_goes_to_the_log_and_a_banner_naming_it(tmp_path, monkeypatch, qapp):
    import threading

    from reader.ui import launch

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    log = tmp_path / "logs" / "report-reader.log"
    configure_logging(log)

    class Notifier:
        def __init__(self) -> None:
            self.messages: list[str] = []

        def banner(self, text: str) -> None:
            self.messages.append(text)

    notifier = Notifier()
    launch._install_excepthook(notifier)
    try:
        raise RuntimeError("a slot went wrong")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    text = log.read_text(encoding="utf-8")
    assert "RuntimeError: a slot went wrong" in text and "Traceback (most recent call last)" in text
    assert notifier.messages and str(log) in notifier.messages[0]
