"""Run blocking work off the GUI thread and deliver results on it.

A task belongs to a *channel*; submitting a new task on a channel makes every
older task of that channel stale: a stale task that has not started is skipped,
and a stale result is dropped instead of delivered. That is how search-as-you-type,
rapid zooming and rapid re-opening stay correct and quick.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader.core.diagnostics import is_expected, logger

_log = logger("tasks")


class _Relay(QObject):
    """Lives in the GUI thread; worker threads emit on it, Qt queues the calls."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(
        self,
        task_id: int,
        relay: _Relay,
        is_stale: Callable[[int], bool],
        function: Callable[..., Any],
        args: tuple,
        kwargs: dict,
    ) -> None:
        super().__init__()
        self._task_id = task_id
        self._relay = relay
        self._is_stale = is_stale
        self._function = function
        self._args = args
        self._kwargs = kwargs

    def run(self) -> None:
        if self._is_stale(self._task_id):
            self._relay.finished.emit(self._task_id, None)  # superseded while queued: skip the work
            return
        try:
            result = self._function(*self._args, **self._kwargs)
        except Exception as error:  # delivered to the caller's error callback, and logged
            name = getattr(self._function, "__qualname__", repr(self._function))
            if is_expected(error):  # bad input or the machine: the message says it all
                _log.warning("task %s failed: %s", name, error, exc_info=error)
            else:
                _log.error("task %s failed with an unexpected error", name, exc_info=error)
            self._relay.failed.emit(self._task_id, error)
        else:
            self._relay.finished.emit(self._task_id, result)


class TaskRunner(QObject):
    """Run callables one at a time on a private worker thread; callbacks run on the GUI thread.

    One thread, not a pool of them: Qt's text layout (typesetting, PDF) is not
    safe in two threads at once — with two threads typesetting the seed while
    the GUI thread painted, 4 of 6 stress runs crashed, with one thread 0 of 6 —
    and every service wants its own work done in order anyway. Services that
    need parallel work own several runners.

    Args:
        parent: Qt parent.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[str, Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self._latest: dict[str, int] = {}

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
        channel: str = "",
        **kwargs: Any,
    ) -> int:
        """Run ``function(*args, **kwargs)`` on a worker thread.

        Args:
            function: The blocking work.
            *args: Positional arguments.
            on_done: Called on the GUI thread with the result.
            on_error: Called on the GUI thread with the exception.
            channel: Tasks on the same non-empty channel supersede each other.
            **kwargs: Keyword arguments.

        Returns:
            The task id.
        """
        task_id = next(self._ids)
        self._callbacks[task_id] = (channel, on_done, on_error)
        if channel:
            self._latest[channel] = task_id
        self._pool.start(_Job(task_id, self._relay, self._is_stale, function, args, kwargs))
        return task_id

    def cancel_channel(self, channel: str) -> None:
        """Make every running task of a channel stale."""
        self._latest[channel] = next(self._ids)

    def wait(self, msecs: int = -1) -> bool:
        """Block until all tasks are done (tests and shutdown only)."""
        return self._pool.waitForDone(msecs)

    def _is_stale(self, task_id: int) -> bool:
        """Whether a newer task of the same channel was submitted (safe to ask from the worker)."""
        entry = self._callbacks.get(task_id)
        channel = entry[0] if entry is not None else ""
        return bool(channel) and self._latest.get(channel) != task_id

    def _take(self, task_id: int):
        stale = self._is_stale(task_id)
        entry = self._callbacks.pop(task_id, None)
        return None if entry is None or stale else entry  # a superseded result is dropped

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: object) -> None:
        entry = self._take(task_id)
        if entry is not None:
            entry[1](result)
        else:
            self._discard(result)

    def _discard(self, result: object) -> None:
        """Let go of a dropped result; a Qt object is deleted by Qt, in its own thread.

        The worker still holds its reference for a moment after emitting; if the last Python
        reference went there, a QTextDocument moved to this thread would be destroyed on the
        worker ("QBasicTimer::stop: Failed") and the process could crash (2 of 6 stress runs on
        Debian 12). Parented here, Qt owns it and ``deleteLater`` destroys it in this thread.
        """
        if isinstance(result, QObject) and result.parent() is None and result.thread() is self.thread():
            result.setParent(self)
            result.deleteLater()

    @Slot(int, object)
    def _on_failed(self, task_id: int, error: object) -> None:
        entry = self._take(task_id)
        if entry is not None and entry[2] is not None:
            entry[2](error)  # type: ignore[arg-type]
