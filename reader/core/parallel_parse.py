"""Sources read and parsed in worker processes, handed back in order, a bounded number ahead.

Parsing is the slow part of an import and needs no lock, so every core parses while
the caller stores, one document at a time, in the sources' order. The workers are
spawned, never forked: forking a process that runs Qt's or any other threads is not
safe. Only a few results wait at any time, so a folder of 10,000 reports costs the
memory of a handful.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from reader.core.library import ImportOutcome, Prepared, prepare_source

# Below this many sources one process parses (starting the workers costs ~0.3 s).
PARALLEL_FROM = 4
# Results parsed ahead per worker while the caller stores.
AHEAD_PER_WORKER = 4


@contextlib.contextmanager
def prepared_sources(
    data_dir: Path,
    sources: list[str],
    workers: int | None = None,
    here: Callable[[str], Prepared | ImportOutcome] | None = None,
) -> Iterator[Iterator[Prepared | ImportOutcome]]:
    """Each source prepared (``library.prepare_source``), in order; leaving the block stops the workers.

    Args:
        data_dir: The library's data directory.
        sources: Files and URLs (folders already expanded).
        workers: Worker processes; None: one per core (one process for a few sources).
        here: Prepares a source in this process when no workers are started (default: a
            ``Library`` of ``data_dir``).

    Yields:
        An iterator of the prepared sources, or of the outcome of each that failed.
    """
    count = min(workers or os.cpu_count() or 1, len(sources))
    if len(sources) < PARALLEL_FROM or count <= 1:
        prepare = here or (lambda source: prepare_source(data_dir, source))
        yield (prepare(source) for source in sources)
        return
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield _in_order(pool, data_dir, sources, count * AHEAD_PER_WORKER)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _in_order(
    pool: ProcessPoolExecutor, data_dir: Path, sources: list[str], ahead: int
) -> Iterator[Prepared | ImportOutcome]:
    waiting = iter(sources)
    pending: deque[Future[Prepared | ImportOutcome]] = deque(
        pool.submit(prepare_source, data_dir, source) for source in itertools.islice(waiting, ahead)
    )
    while pending:
        future = pending.popleft()
        following = next(waiting, None)
        if following is not None:
            pending.append(pool.submit(prepare_source, data_dir, following))
        yield future.result()
