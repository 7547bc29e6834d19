"""Sources read and parsed in worker processes, handed back in order, a bounded number ahead.

Parsing is the slow part of an import and needs no lock, so every core parses while
the caller stores, one document at a time, in the sources' order. The workers are
spawned, never forked: forking a process that runs Qt's or any other threads is not
safe. Only a few results wait at any time, so a folder of 10,000 reports costs the
memory of a handful. The work itself is the caller's (``library.prepare_source``).
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Below this many sources one process parses (starting the workers costs ~0.3 s).
PARALLEL_FROM = 4
# Results parsed ahead per worker while the caller stores.
AHEAD_PER_WORKER = 4


@contextlib.contextmanager
def in_order(
    work: Callable[[str], T], sources: list[str], workers: int | None = None, here: Callable[[str], T] | None = None
) -> Iterator[Iterator[T]]:
    """``work`` done on each source, in order; leaving the block stops the workers.

    Args:
        work: What a worker does with a source (picklable: a module's function or a partial of one).
        sources: Files and URLs (folders already expanded).
        workers: Worker processes; None: one per core (none for a few sources).
        here: What this process does instead when no workers are started (default: ``work``).

    Yields:
        An iterator of the results, in the order of ``sources``.
    """
    count = min(workers or os.cpu_count() or 1, len(sources))
    if len(sources) < PARALLEL_FROM or count <= 1:
        local = here or work
        yield (local(source) for source in sources)
        return
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield _in_order(pool, work, sources, count * AHEAD_PER_WORKER)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _in_order(pool: ProcessPoolExecutor, work: Callable[[str], T], sources: list[str], ahead: int) -> Iterator[T]:
    waiting = iter(sources)
    pending: deque[Future[T]] = deque(pool.submit(work, source) for source in itertools.islice(waiting, ahead))
    while pending:
        future = pending.popleft()
        following = next(waiting, None)
        if following is not None:
            pending.append(pool.submit(work, following))
        yield future.result()
