"""Synthesis ahead of playback: a script of pieces, synthesised a few pieces ahead on a thread of its own.

The base of the narrator (``player.Narrator``): it holds the script, the clips made so
far and the state under one lock; the narrator plays the clips through a sink.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from enum import Enum
from typing import Protocol

from reader.core.speech.sentences import Piece
from reader.core.speech.spoken import spoken
from reader.core.speech.synth import Clip, SpeechUnavailableError, SynthesisError

LOOKAHEAD = 3


class State(Enum):
    """What the narrator is doing."""

    STOPPED = "stopped"
    PLAYING = "playing"
    PAUSED = "paused"
    BUFFERING = "buffering"  # playing, waiting for the next piece to be synthesised


class Synthesizer(Protocol):
    """What the narrator needs from a speech engine."""

    def synthesize(self, text: str, voice: str | None, rate: int = ..., volume: float = ...) -> Clip:
        """Render one piece to a clip."""


class SynthesisAhead:
    """Pieces and their clips, synthesised ahead of the piece being played.

    Args:
        synthesizer: Makes clips (the real engine or a fake).
        voice: Voice id for the engine.
        rate: Speaking rate (engine words per minute).
        volume: 0..1.
        on_error: Called (on the synthesis thread) with a message when a piece fails.
    """

    def __init__(
        self,
        synthesizer: Synthesizer,
        voice: str | None,
        rate: int,
        volume: float,
        on_error: Callable[[str], None] | None,
    ) -> None:
        self._synth = synthesizer
        self.voice, self.rate, self.volume = voice, rate, volume
        self._on_error = on_error or (lambda message: None)
        self._lock = threading.Condition()
        self._pieces: list[Piece] = []
        self._clips: dict[int, Clip] = {}
        self._failed: set[int] = set()
        self._state = State.STOPPED
        self._piece = 0  # the piece being played
        self._generation = 0  # bumps on seek, voice or rate change: older syntheses are dropped
        self._closed = False
        self._synthesizing = False  # a piece is with the engine now
        self._worker = threading.Thread(target=self._synthesis_loop, name="narration-synthesis", daemon=True)

    def wait_for_state(self, state: State, timeout: float) -> bool:
        """Whether the narrator is in ``state``, or gets there within ``timeout`` seconds."""
        with self._lock:
            return self._lock.wait_for(lambda: self._state is state, timeout)

    def wait_until_caught_up(self, timeout: float) -> bool:
        """Whether synthesis has made every clip it makes ahead of playback, within ``timeout`` seconds."""
        with self._lock:
            return self._lock.wait_for(self._caught_up, timeout)

    def _caught_up(self) -> bool:
        return not self._synthesizing and (self._state is State.STOPPED or self._next_job() is None)

    def _start_worker(self) -> None:
        """Start synthesising (once the subclass has set up what the loop reads)."""
        self._worker.start()

    def _next_job(self) -> tuple[int, int, str, str | None, int, float] | None:
        if self._state is State.STOPPED and not self._pieces:
            return None
        start = self._piece
        for index in range(start, min(start + LOOKAHEAD + 1, len(self._pieces))):
            if index not in self._clips and index not in self._failed:
                piece = self._pieces[index]
                return index, self._generation, spoken(piece.text), self.voice, self.rate, self.volume
        return None

    def _synthesis_loop(self) -> None:
        while True:
            with self._lock:
                job = None
                while not self._closed:
                    if self._state is not State.STOPPED:
                        job = self._next_job()
                        if job is not None:
                            self._synthesizing = True
                            break
                    self._lock.wait(0.5)
                if self._closed or job is None:
                    return
            index, generation, text, voice, rate, volume = job
            try:
                clip = self._synth.synthesize(text, voice, rate, volume)
            except SpeechUnavailableError as error:
                with self._lock:
                    self._state = State.STOPPED
                    self._synthesizing = False
                    self._lock.notify_all()
                self._on_error(str(error))
                continue
            except SynthesisError as error:
                with self._lock:
                    if generation == self._generation:
                        self._failed.add(index)
                    self._synthesizing = False
                    self._lock.notify_all()
                self._on_error(f"skipped a sentence: {error}")
                continue
            with self._lock:
                self._synthesizing = False
                if generation == self._generation:
                    self._clips[index] = clip
                    if self._state is State.BUFFERING and index == self._piece:
                        self._state = State.PLAYING
                self._lock.notify_all()
