"""A bad PySide6 wheel (6.12.0 on Python 3.11) aborts after a few hundred emits: fail loudly here."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    moved = Signal(int, int)
    flagged = Signal(bool)


def test_thousands_of_signal_emits_survive(qapp):
    emitter = _Emitter()
    received: list[int] = []
    flags: list[bool] = []
    emitter.moved.connect(lambda a, b: received.append(a + b))
    emitter.flagged.connect(flags.append)
    for index in range(5000):
        emitter.moved.emit(index, 1)
        emitter.flagged.emit(index % 2 == 0)
    assert len(received) == 5000 and received[-1] == 5000
    assert flags.count(True) == 2500
