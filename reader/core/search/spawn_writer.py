"""Whoosh's multi-process index writer, with its helper processes spawned instead of forked.

Whoosh starts its sub-writers with the default start method, which is ``fork`` on
Linux: forking a process that runs Qt or other threads is unsafe (Python 3.13 warns
about it), and a Ctrl+C reached every forked helper, each printing a
``KeyboardInterrupt`` traceback. Here the helpers are spawned — fresh interpreters
that import only Whoosh and the n-gram field — and ignore Ctrl+C, which the parent
handles by cancelling the writer.
"""

from __future__ import annotations

import multiprocessing
import signal
from typing import Any

from whoosh import multiproc

from reader.core.errors import ReaderError

_SPAWN = multiprocessing.get_context("spawn")


class HelperStoppedError(ReaderError):
    """A helper process of the indexer died (killed, out of memory) before it finished."""


class SpawnedSubWriter(multiproc.SubWriterTask):  # type: ignore[misc]  # Whoosh is untyped
    """A Whoosh sub-writer started as a spawned process that leaves Ctrl+C to its parent."""

    @staticmethod
    def _Popen(process_obj: Any) -> Any:
        return _SPAWN.Process._Popen(process_obj)

    def run(self) -> None:  # noqa: D102 - multiprocessing hook
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _exit_with_parent()
        super().run()


def _exit_with_parent(interval: float = 1.0) -> None:
    """End this helper when the process that started it is gone (killed, crashed).

    A helper whose parent died would wait on its job queue for ever, holding memory, and keep
    multiprocessing's resource tracker alive with it. The watch is a thread polling the
    parent's pid (a reparented process has another), portable beyond Linux's PR_SET_PDEATHSIG.
    """
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class SpawningMpWriter(multiproc.MultiSegmentWriter):  # type: ignore[misc]  # Whoosh is untyped
    """``MultiSegmentWriter`` whose helper processes are ``SpawnedSubWriter``s, with spawn-made queues."""

    def __init__(self, index: Any, procs: int, **kwargs: Any) -> None:
        super().__init__(index, procs=procs, **kwargs)
        self.jobqueue = _SPAWN.Queue(self.procs * 4)
        self.resultqueue = _SPAWN.Queue()

    def _commit(self, mergetype: Any, optimize: Any, merge: Any) -> None:
        # Whoosh commits whatever its helpers left: one that died (a crash, a kill) would leave
        # its documents out of the index without a word. Only a complete set of segments commits.
        if self.docbuffer:
            self._enqueue()
        for _task in self.tasks:
            self.jobqueue.put(None)
        for task in self.tasks:
            task.join()
        if any(task.exitcode != 0 for task in self.tasks):
            self.cancel()
            raise HelperStoppedError("a helper process of the indexer stopped before it finished; run it again")
        super()._commit(mergetype, optimize, merge)

    def cancel(self) -> None:  # noqa: D102 - Whoosh API
        # Whoosh's own cancel only flips a flag in the parent's copy of each task; the
        # helpers would wait on their queue for ever. Stop them. Cancelling twice (the commit
        # that found a dead helper, then the caller's clean-up) is harmless, not an error.
        if getattr(self, "is_closed", False):
            return
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            task.join(5)
        self.tasks: list[Any] = []
        super().cancel()

    def _new_task(self) -> Any:
        task = SpawnedSubWriter(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task
