"""Test doubles: an audio sink driven by hand and a speech engine that answers instantly.

They stand in for the sound device and espeak-ng in UI flow tests only; narration tests
synthesise real audio.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.core.speech.player import SAMPLE_RATE


class FakeSink:
    """A sink driven by hand: ``advance(seconds)`` pulls that much audio (tests, benchmarks)."""

    def __init__(self, latency_frames: int = 0, block: int = 512) -> None:
        self.latency_frames = latency_frames
        self.block = block
        self._pull: Callable[[int], bytes] | None = None
        self.received = bytearray()
        self.running = False

    def start(self, pull: Callable[[int], bytes], rate: int) -> None:
        """Begin pulling (only when advanced)."""
        self._pull = pull
        self.running = True

    def stop(self) -> None:
        """Stop pulling."""
        self.running = False

    def advance(self, seconds: float, rate: int = SAMPLE_RATE) -> None:
        """Pull ``seconds`` of audio in device-sized blocks."""
        if not self.running or self._pull is None:
            return
        remaining = int(seconds * rate)
        while remaining > 0:
            size = min(self.block, remaining)
            self.received += self._pull(size)
            remaining -= size


class FakeEngine:
    """A speech engine for UI flows: 50 ms of a constant tone per character, instantly."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def voices(self):
        from reader.core.speech.synth import Voice

        return [Voice("sit/cmn", "Chinese (Mandarin)", ("cmn",)), Voice("gmw/en", "English", ("en",))]

    def synthesize(self, text, voice, rate=220, volume=1.0):
        import numpy as np

        from reader.core.speech.synth import Clip

        self.texts.append(text)
        return Clip(np.full(int(len(text) * 0.05 * 22050), 1000, dtype="<i2").tobytes(), 22050)

    def close(self) -> None:
        pass
