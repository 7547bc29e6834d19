"""How fast an import goes and how long it has left: documents per second over the recent past."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

# The rate is measured over the last documents, so that it follows a change of pace
# (small files after big ones) instead of the whole run's average.
WINDOW = 50


class ImportPace:
    """Documents per second and seconds left, from the documents done so far.

    Args:
        total: Documents the import will handle.
        clock: Seconds (monotonic); tests pass their own.
    """

    def __init__(self, total: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self._clock = clock
        self._marks: deque[tuple[int, float]] = deque([(0, clock())], maxlen=WINDOW + 1)

    def update(self, done: int) -> tuple[float, float | None]:
        """Note that ``done`` documents are done; returns (documents per second, seconds left or None)."""
        now = self._clock()
        self._marks.append((done, now))
        first_done, first_time = self._marks[0]
        elapsed = now - first_time
        if elapsed <= 0 or done <= first_done:
            return 0.0, None
        rate = (done - first_done) / elapsed
        return rate, max(0.0, (self.total - done) / rate)
