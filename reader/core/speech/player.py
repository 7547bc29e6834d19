"""The narrator: a playback timeline over synthesised pieces, fed to an audio sink.

Synthesis runs on its own thread a few pieces ahead of playback; the audio sink
pulls samples from the narrator on its own (device) thread. What is *heard* is
what the sink has consumed, so the highlighted sentence is the one playing,
not the one being synthesised. Pause keeps the position inside the sentence;
stop and seek take effect at the sink's next pull (a few tens of milliseconds).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from reader.core.speech.sentences import Piece
from reader.core.speech.synthesis_ahead import State, SynthesisAhead, Synthesizer

SAMPLE_RATE = 22050
# Until a piece is synthesised its length is estimated from its characters at the speaking rate.
SECONDS_PER_CHAR_AT_200 = 0.30


def estimated_seconds(characters: int, rate: int) -> float:
    """How long narrating ``characters`` characters of Chinese takes at ``rate`` (before synthesis tells).

    Args:
        characters: Characters of text.
        rate: Engine speaking rate (words per minute, as pyttsx3 counts them).

    Returns:
        Seconds.
    """
    return characters * SECONDS_PER_CHAR_AT_200 * 200 / max(rate, 1)


class AudioSink(Protocol):
    """An audio output that pulls 16-bit mono samples from a callback."""

    latency_frames: int

    def start(self, pull: Callable[[int], bytes], rate: int) -> None:
        """Begin pulling samples at ``rate``."""

    def stop(self) -> None:
        """Stop pulling."""


@dataclass(frozen=True)
class Snapshot:
    """The narrator's state for the UI."""

    state: State
    piece: int  # index of the piece being heard (-1 when none)
    elapsed: float
    total: float
    estimated: bool  # whether total still includes estimates


class Narrator(SynthesisAhead):
    """Plays a list of pieces through a sink, synthesising ahead.

    Args:
        synthesizer: Makes clips (the real engine or a fake).
        sink: The audio output (or a fake with a controllable clock).
        voice: Voice id for the engine.
        rate: Speaking rate (engine words per minute).
        volume: 0..1.
        on_error: Called (on the synthesis thread) with a message when a piece fails.
    """

    def __init__(
        self,
        synthesizer: Synthesizer,
        sink: AudioSink,
        voice: str | None = None,
        rate: int = 220,
        volume: float = 1.0,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(synthesizer, voice, rate, volume, on_error)
        self._sink = sink
        # Seconds of pieces already played whose clips were dropped (a new rate or voice): the clock
        # keeps counting what was heard instead of falling back to estimates and jumping.
        self._played_lengths: dict[int, float] = {}
        self._frame = 0  # position inside the current piece's clip
        self._pulled = 0  # frames handed to the sink since start
        self._marks: list[tuple[int, int, int]] = []  # (pulled frame count, piece, frame in piece)
        self._sink_running = False
        self._chunk_taken = 0
        self.first_sample_at: float | None = None  # perf_counter when real audio was first handed over
        self._start_worker()

    # Script ------------------------------------------------------------------------------
    def load(self, pieces: list[Piece]) -> None:
        """Set what to narrate (stops playback)."""
        self.stop()
        with self._lock:
            self._pieces = list(pieces)
            self._clips.clear()
            self._played_lengths.clear()
            self._failed.clear()
            self._piece = 0
            self._frame = 0
            self._generation += 1
            self._lock.notify_all()

    @property
    def pieces(self) -> list[Piece]:
        """The script."""
        return self._pieces

    def _estimate(self, index: int) -> float:
        clip = self._clips.get(index)
        if clip is not None:
            return clip.seconds
        played = self._played_lengths.get(index)
        if played is not None:
            return played
        return estimated_seconds(len(self._pieces[index].text), self.rate)

    # Controls ----------------------------------------------------------------------------
    def play(self, piece: int | None = None) -> None:
        """Start or resume; with ``piece``, start at the beginning of that piece."""
        with self._lock:
            if not self._pieces:
                return
            if piece is not None:
                self._jump(piece, 0)
            else:  # resume where the read position is (after a pause it was rewound to what was heard)
                self._jump(self._piece, self._frame)
            self._state = State.PLAYING if self._piece in self._clips else State.BUFFERING
            self.first_sample_at = None
            self._lock.notify_all()
        self._ensure_sink()

    def pause(self) -> None:
        """Pause inside the current sentence."""
        with self._lock:
            if self._state in (State.PLAYING, State.BUFFERING):
                self._rewind_to_heard()
                self._state = State.PAUSED

    def resume(self) -> None:
        """Continue after a pause, from the same place."""
        if self._state is State.PAUSED:
            self.play()

    def toggle(self) -> None:
        """Play/pause (the Space key)."""
        if self._state in (State.PLAYING, State.BUFFERING):
            self.pause()
        else:
            self.play()

    def stop(self) -> None:
        """Stop and go back to the start of the current piece's script position 0."""
        with self._lock:
            self._state = State.STOPPED
            self._piece = 0
            self._frame = 0
            self._marks.clear()
        self._stop_sink()

    def seek(self, seconds: float) -> None:
        """Move to a time in the whole narration (estimates for pieces not yet synthesised)."""
        with self._lock:
            if not self._pieces:
                return
            position = 0.0
            for index in range(len(self._pieces)):
                length = self._estimate(index)
                if position + length > seconds or index == len(self._pieces) - 1:
                    clip = self._clips.get(index)
                    offset = int(max(0.0, seconds - position) * (clip.rate if clip else SAMPLE_RATE))
                    self._jump(index, min(offset, clip.frames - 1) if clip else 0)
                    break
                position += length
            if self._state is State.PLAYING and self._piece not in self._clips:
                self._state = State.BUFFERING
            self._lock.notify_all()

    def step(self, direction: int) -> None:
        """Previous (-1) or next (+1) sentence."""
        with self._lock:
            heard = self._heard_piece()
            target = min(max((heard if heard >= 0 else self._piece) + direction, 0), len(self._pieces) - 1)
            self._jump(target, 0)
            if self._state is State.PLAYING and target not in self._clips:
                self._state = State.BUFFERING
            self._lock.notify_all()

    def set_rate(self, rate: int) -> None:
        """Speaking rate for what is synthesised next (the current sentence finishes as it is)."""
        with self._lock:
            if rate == self.rate:
                return
            self.rate = rate
            self._drop_future_clips()

    def set_voice(self, voice: str | None) -> None:
        """Voice for what is synthesised next."""
        with self._lock:
            if voice == self.voice:
                return
            self.voice = voice
            self._drop_future_clips()

    def set_volume(self, volume: float) -> None:
        """Volume for what is synthesised next."""
        with self._lock:
            self.volume = volume
            self._drop_future_clips()

    def _drop_future_clips(self) -> None:
        keep = self._piece
        self._played_lengths.update((i, c.seconds) for i, c in self._clips.items() if i < keep)
        self._clips = {i: c for i, c in self._clips.items() if i == keep}
        self._failed.clear()
        self._generation += 1
        self._lock.notify_all()

    def _jump(self, piece: int, frame: int) -> None:
        self._piece = piece
        self._frame = frame
        self._marks.clear()
        self._marks.append((self._pulled, piece, frame))

    def _rewind_to_heard(self) -> None:
        """Put the read position back to what was heard (the sink had samples queued)."""
        heard = self._heard_position()
        if heard is not None:
            self._piece, self._frame = heard
            self._marks.clear()

    # The sink's thread ---------------------------------------------------------------------
    def pull(self, frames: int) -> bytes:
        """Hand the sink its next ``frames`` samples (silence while paused or buffering)."""
        with self._lock:
            if self._state is not State.PLAYING:
                self._pulled += frames
                return b"\x00\x00" * frames
            out = bytearray()
            self._chunk_taken = 0
            while len(out) < frames * 2:
                clip = self._clips.get(self._piece)
                if clip is None:
                    if self._piece in self._failed:
                        self._advance()
                        continue
                    self._state = State.BUFFERING
                    self._lock.notify_all()
                    break
                wanted = frames - len(out) // 2
                chunk = clip.samples[self._frame * 2 : (self._frame + wanted) * 2]
                if chunk and self.first_sample_at is None:
                    self.first_sample_at = time.perf_counter()
                out += chunk
                self._frame += len(chunk) // 2
                self._chunk_taken = len(out) // 2
                if self._frame >= clip.frames and not self._advance():
                    break
            taken = len(out) // 2
            self._pulled += frames
            if taken < frames:
                out += b"\x00\x00" * (frames - taken)
            return bytes(out)

    def _advance(self) -> bool:
        """Go to the next piece; False (and stop) at the end."""
        if self._piece + 1 >= len(self._pieces):
            self._state = State.STOPPED
            self._piece, self._frame = 0, 0
            self._marks.clear()
            return False
        self._piece += 1
        self._frame = 0
        # The next piece's first sample is the one after what this pull has already produced.
        self._marks.append((self._pulled + self._chunk_taken, self._piece, 0))
        self._lock.notify_all()
        return True

    # What is heard ------------------------------------------------------------------------------
    def _heard_position(self) -> tuple[int, int] | None:
        """(piece, frame) being heard now: what was pulled, minus the sink's latency."""
        if not self._marks:
            return None
        played = self._pulled - getattr(self._sink, "latency_frames", 0)
        current = self._marks[0]
        for mark in self._marks:
            if mark[0] <= played:
                current = mark
            else:
                break
        pulled_at, piece, frame = current
        while len(self._marks) > 1 and self._marks[0] is not current:
            self._marks.pop(0)  # older marks are behind what is heard: drop them
        return piece, frame + max(0, played - pulled_at)

    def _heard_piece(self) -> int:
        heard = self._heard_position()
        return heard[0] if heard else -1

    def snapshot(self) -> Snapshot:
        """State, heard piece, elapsed and total time."""
        with self._lock:
            if not self._pieces:
                return Snapshot(self._state, -1, 0.0, 0.0, False)
            heard = self._heard_position() if self._state is not State.STOPPED else None
            piece, frame = heard if heard else (self._piece, self._frame)
            piece = min(piece, len(self._pieces) - 1)
            elapsed = sum(self._estimate(i) for i in range(piece))
            clip = self._clips.get(piece)
            if clip is not None:
                elapsed += min(frame, clip.frames) / clip.rate
            total = sum(self._estimate(i) for i in range(len(self._pieces)))
            estimated = len(self._clips) < len(self._pieces)
            return Snapshot(self._state, piece if self._state is not State.STOPPED else -1, elapsed, total, estimated)

    # Sink management ----------------------------------------------------------------------------------
    def _ensure_sink(self) -> None:
        if not self._sink_running:
            self._sink.start(self.pull, SAMPLE_RATE)
            self._sink_running = True

    def _stop_sink(self) -> None:
        if self._sink_running:
            self._sink.stop()
            self._sink_running = False

    def close(self) -> None:
        """Stop playback and the synthesis thread."""
        self.stop()
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._worker.join(5)
