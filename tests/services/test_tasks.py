"""The task runner: one task at a time, results on the GUI thread, stale results dropped."""

from __future__ import annotations

import hashlib
import threading

from PySide6.QtCore import QCoreApplication, QThread

from reader.services.tasks import TaskRunner


def test_tasks_run_one_at_a_time_and_report_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    lock = threading.Lock()
    running, most = [0], [0]
    delivered: list[tuple[int, bool]] = []

    def work(number: int) -> int:
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        hashlib.sha256(bytes(4_000_000)).digest()  # real work, with the GIL released: room to overlap
        with lock:
            running[0] -= 1
        return number

    gui = QThread.currentThread()
    for number in range(8):
        runner.submit(work, number, on_done=lambda n: delivered.append((n, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: len(delivered) == 8, timeout=5000)
    assert most[0] == 1, "two tasks ran at once"
    assert delivered == [(n, True) for n in range(8)]


def test_only_the_newest_task_of_a_channel_is_delivered(qtbot):
    runner = TaskRunner()
    delivered: list[int] = []
    for number in range(5):
        runner.submit(lambda n=number: n, on_done=delivered.append, channel="typeset")
    runner.wait(5000)
    QCoreApplication.processEvents()  # the queued outcomes of finished tasks
    assert delivered == [4]


def test_superseded_tasks_that_have_not_started_are_skipped(qtbot):
    runner = TaskRunner()
    started: list[int] = []
    gate = threading.Event()
    delivered: list[int] = []

    def work(number: int) -> int:
        started.append(number)
        if number == 0:
            gate.wait(5)
        return number

    runner.submit(work, 0, on_done=delivered.append, channel="typeset")
    qtbot.waitUntil(lambda: started == [0], timeout=5000)  # 0 runs (and blocks) before the others queue
    for number in range(1, 6):
        runner.submit(work, number, on_done=delivered.append, channel="typeset")
    gate.set()
    runner.wait(5000)
    qtbot.waitUntil(lambda: delivered == [5], timeout=5000)
    assert started == [0, 5], "queued, superseded tasks should not run"


def test_one_task_at_a_time_even_across_submissions():
    """The guard against Qt's text layout running in two threads: a second task never starts while
    the first runs. Deterministic: the first task waits for the second to start; with two worker
    threads it would see it at once, with one it never does."""
    runner = TaskRunner()
    second_started = threading.Event()
    overlapped: list[bool] = []

    def first() -> None:
        overlapped.append(second_started.wait(0.5))

    runner.submit(first, on_done=lambda _r: None)
    runner.submit(second_started.set, on_done=lambda _r: None)
    runner.wait(5000)
    assert overlapped == [False], "two tasks of one runner ran at once"
    assert second_started.is_set()


def test_a_worker_exception_reaches_the_log_with_its_traceback(qtbot, tmp_path):
    from reader.core.diagnostics import configure_logging, describe_error

    log = tmp_path / "logs" / "report-reader.log"
    configure_logging(log)
    try:
        runner = TaskRunner()
        failures: list[Exception] = []

        def index_the_library() -> None:
            {}["missing key"]

        runner.submit(index_the_library, on_done=lambda _r: None, on_error=failures.append)
        qtbot.waitUntil(lambda: bool(failures), timeout=5000)
        text = log.read_text(encoding="utf-8")
        assert "index_the_library" in text and "Traceback (most recent call last)" in text
        assert "KeyError: 'missing key'" in text
        assert str(log) in describe_error(failures[0])  # the person is pointed to the log
    finally:
        configure_logging(None)


def test_a_dropped_qt_result_is_destroyed_by_qt_in_the_gui_thread(qtbot):
    """A stale QTextDocument typeset on the worker is never destroyed there (that crashed Qt)."""
    from PySide6.QtCore import QThread
    from PySide6.QtGui import QTextDocument

    runner = TaskRunner()
    gui = QThread.currentThread()
    made: list = []
    destroyed_in: list = []

    started, go = threading.Event(), threading.Event()

    def typeset() -> QTextDocument:
        started.set()
        go.wait(5)  # running when the next task supersedes it: its result is dropped, not skipped
        document = QTextDocument()
        document.setPlainText("稳中求进")
        document.documentLayout().documentSize()
        document.moveToThread(gui)
        document.destroyed.connect(lambda: destroyed_in.append(QThread.currentThread() is gui))
        made.append(document)  # a reference the worker lets go of last, as a worker's frame can
        return document

    delivered: list = []
    runner.submit(typeset, on_done=delivered.append, channel="typeset")
    assert started.wait(5)
    runner.submit(lambda: None, on_done=delivered.append, channel="typeset")  # supersedes the first
    go.set()
    qtbot.waitUntil(lambda: delivered == [None], timeout=5000)  # the first result was dropped before this
    runner.submit(made.clear, on_done=delivered.append)  # the worker's reference goes last
    qtbot.waitUntil(lambda: len(delivered) == 2 and bool(destroyed_in), timeout=5000)
    assert destroyed_in == [True]
    runner.wait()
