"""Narration to an audio file (WAV, or MP3 through LAME), with a chapter cue sheet beside it."""

from __future__ import annotations

import contextlib
import os
import queue
import shutil
import tempfile
import threading
import wave
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.fileutil import FILE_MODE, special_file, write_atomic
from reader.core.speech.player import SAMPLE_RATE
from reader.core.speech.sentences import Piece
from reader.core.speech.spoken import spoken
from reader.core.speech.synth import Clip, SpeechUnavailableError, SynthesisError

# Pieces of one paragraph are rendered together up to this length: fewer engine calls,
# still far below the lengths where espeak slows down quadratically.
EXPORT_CHUNK = 400
MP3_KBPS = 64


class ExportCancelledError(ReaderError):
    """The export was cancelled; the partial file was removed."""


@dataclass
class ExportResult:
    """What an export wrote."""

    path: Path
    seconds: float
    cue: Path | None
    chapters: list[tuple[float, str]] = field(default_factory=list)
    skipped: int = 0


def _chunks(pieces: list[Piece]) -> list[tuple[int, str]]:
    """Group consecutive pieces of one paragraph into chunks: (first piece index, text)."""
    chunks: list[tuple[int, str]] = []
    current_paragraph, text, first = None, "", 0
    for index, piece in enumerate(pieces):
        if (
            piece.paragraph == current_paragraph
            and piece.paragraph >= 0
            and len(text) + len(piece.text) <= EXPORT_CHUNK
        ):
            text += piece.text
            continue
        if text:
            chunks.append((first, text))
        current_paragraph, text, first = piece.paragraph, piece.text, index
    if text:
        chunks.append((first, text))
    return chunks


def chapter_titles(document: Document | None, pieces: list[Piece]) -> dict[int, str]:
    """Piece index -> chapter title, where an outline node starts (and the header at 0)."""
    titles: dict[int, str] = {}
    if pieces and pieces[0].paragraph < 0:
        titles[0] = document.title if document is not None else "标题"
    if document is None:
        return titles
    starts = {document.paragraph_index(node.paragraph): node.title for node in document.nodes()}
    seen: set[int] = set()
    for index, piece in enumerate(pieces):
        if piece.paragraph in starts and piece.paragraph not in seen:
            seen.add(piece.paragraph)
            titles[index] = starts[piece.paragraph]
    return titles


class _Writer:
    """Encodes and writes on its own thread, so MP3 encoding overlaps synthesis (LAME releases the GIL).

    It writes a temporary file beside ``path`` and puts it in place only when complete
    (``commit``): an existing file of that name is never cut short by a failed export.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".partial")
        self.temporary = Path(temporary)
        os.chmod(temporary, FILE_MODE)
        self._raw = os.fdopen(handle, "wb")
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=8)
        self._error: BaseException | None = None
        self.mp3 = path.suffix.lower() == ".mp3"
        if self.mp3:
            import lameenc

            self._encoder = lameenc.Encoder()
            self._encoder.set_bit_rate(MP3_KBPS)
            self._encoder.set_in_sample_rate(SAMPLE_RATE)
            self._encoder.set_channels(1)
            self._encoder.set_quality(7)  # LAME: fast, transparent enough for speech; q5 doubles the time
            self._file = self._raw
        else:
            self._wave = wave.open(self._raw, "wb")  # noqa: SIM115 - held open across write() calls
            self._wave.setnchannels(1)
            self._wave.setsampwidth(2)
            self._wave.setframerate(SAMPLE_RATE)
        self.frames = 0
        self._thread = threading.Thread(target=self._drain, name="audio-export-writer", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        while True:
            samples = self._queue.get()
            if samples is None:
                break
            if self._error is not None:
                continue
            try:
                if self.mp3:
                    self._file.write(self._encoder.encode(samples))
                else:
                    self._wave.writeframes(samples)
            except BaseException as error:  # reported by close()
                self._error = error

    def write(self, clip: Clip) -> None:
        samples = clip.samples if clip.rate == SAMPLE_RATE else _resample(clip)
        self.frames += len(samples) // 2
        self._queue.put(samples)

    def close(self) -> None:
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()
        try:
            if self.mp3:
                self._file.write(self._encoder.flush())
            else:
                self._wave.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
        finally:
            self._raw.close()
        if self._error is not None:
            raise self._error

    def commit(self) -> None:
        """Put the finished file in place of ``path`` (a device or a pipe is written to, never replaced)."""
        if special_file(self.path):
            try:
                with self.temporary.open("rb") as finished, self.path.open("wb") as target:
                    shutil.copyfileobj(finished, target)
            finally:
                self.temporary.unlink(missing_ok=True)
            return
        os.replace(self.temporary, self.path)

    def discard(self) -> None:
        """Drop the unfinished file (``path``, if it existed, is untouched)."""
        with contextlib.suppress(Exception):
            self.close()
        self.temporary.unlink(missing_ok=True)


def _resample(clip: Clip) -> bytes:
    import numpy as np

    source = np.frombuffer(clip.samples, dtype="<i2").astype(np.float32)
    length = int(len(source) * SAMPLE_RATE / clip.rate)
    positions = np.linspace(0, len(source) - 1, num=length)
    return np.interp(positions, np.arange(len(source)), source).astype("<i2").tobytes()


def write_cue(audio: Path, chapters: list[tuple[float, str]]) -> Path:
    """A CUE sheet naming each chapter's start (mm:ss:ff, 75 frames a second)."""
    kind = "MP3" if audio.suffix.lower() == ".mp3" else "WAVE"
    lines = [f'FILE "{audio.name}" {kind}']
    for number, (seconds, title) in enumerate(chapters, start=1):
        minutes, rest = divmod(seconds, 60)
        frames = round((rest - int(rest)) * 75) % 75
        clean = title.replace('"', "'")
        lines += [
            f"  TRACK {number:02d} AUDIO",
            f'    TITLE "{clean}"',
            f"    INDEX 01 {int(minutes):02d}:{int(rest):02d}:{frames:02d}",
        ]
    cue = audio.with_suffix(".cue")
    write_atomic(cue, ("\n".join(lines) + "\n").encode("utf-8"))
    return cue


def export_narration(
    pieces: list[Piece],
    synthesizer: Any,
    path: Path,
    voice: str | None,
    rate: int,
    document: Document | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Synthesise pieces into one audio file and a cue sheet.

    Args:
        pieces: What to read.
        synthesizer: The engine (``synthesize(text, voice, rate)``).
        path: ``.wav`` or ``.mp3``.
        voice: Voice id.
        rate: Speaking rate.
        document: For chapter titles (outline nodes).
        progress: Called with (done, total) chunks.
        cancelled: Polled between chunks; True stops and removes the partial file.

    Returns:
        What was written.

    Raises:
        ReaderError: Unsupported format, no engine, cancelled.
    """
    if path.suffix.lower() not in (".wav", ".mp3"):
        raise ReaderError("the audio file must end in .wav or .mp3")
    chunks = _chunks(pieces)
    titles = chapter_titles(document, pieces)
    chapter_at: dict[int, str] = {}
    for chunk_index, (first, _text) in enumerate(chunks):
        following = chunks[chunk_index + 1][0] if chunk_index + 1 < len(chunks) else len(pieces)
        for piece_index in range(first, following):
            if piece_index in titles:
                chapter_at.setdefault(chunk_index, titles[piece_index])
    writer = _Writer(path)
    chapters: list[tuple[float, str]] = []
    skipped = 0
    try:
        for number, (_first, text) in enumerate(chunks):
            if cancelled is not None and cancelled():
                raise ExportCancelledError("the audio export was cancelled")
            if number in chapter_at:
                chapters.append((writer.frames / SAMPLE_RATE, chapter_at[number]))
            try:
                clip = synthesizer.synthesize(spoken(text), voice, rate)
            except SpeechUnavailableError:
                raise
            except SynthesisError:
                skipped += 1
                clip = Clip.silence(0.5, SAMPLE_RATE)
            writer.write(clip)
            if progress is not None:
                progress(number + 1, len(chunks))
        writer.close()
        writer.commit()
    except BaseException:
        writer.discard()
        raise
    cue = write_cue(path, chapters) if chapters else None
    return ExportResult(path, writer.frames / SAMPLE_RATE, cue, chapters, skipped)
