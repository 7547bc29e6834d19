"""Narration for the GUI: the narrator, its engine and output, a clock for the UI, exports on a worker."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.speech.export import ExportResult, export_narration
from reader.core.speech.output import MiniaudioSink
from reader.core.speech.player import AudioSink, Narrator, Snapshot, State
from reader.core.speech.sentences import Piece
from reader.core.speech.synth import DEFAULT_RATE, Pyttsx3Synthesizer, mandarin_voice
from reader.services.tasks import TaskRunner

TICK_MS = 40


class NarrationService(QObject):
    """Plays and exports narration; reports what is heard.

    Args:
        make_synthesizer: Creates the speech engine (called once, on a worker).
        make_sink: Creates the audio output.

    Signals:
        voicesReady(list, object): the engine's voices and the default (Mandarin) voice or None.
        stateChanged(str): stopped / playing / paused / buffering.
        pieceChanged(int): index (in the loaded pieces) of the sentence being heard, -1 for none.
        positionChanged(float, float, bool): elapsed and total seconds, whether the total is estimated.
        message(str): a notice or error, one line.
        exportProgress(int, int): chunks done, total.
        exportFinished(object): the ExportResult, or None when it failed or was cancelled.
    """

    voicesReady = Signal(list, object)
    stateChanged = Signal(str)
    pieceChanged = Signal(int)
    positionChanged = Signal(float, float, bool)
    message = Signal(str)
    exportProgress = Signal(int, int)
    exportFinished = Signal(object)

    def __init__(
        self,
        make_synthesizer: Callable[[], object] = Pyttsx3Synthesizer,
        make_sink: Callable[[], AudioSink] = MiniaudioSink,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._make_synthesizer = make_synthesizer
        self._make_sink = make_sink
        self._synthesizer = None
        self._narrator: Narrator | None = None
        self._runner = TaskRunner(self)
        self._clock = QTimer(self, interval=TICK_MS)
        self._clock.timeout.connect(self._tick)
        self._last_state = State.STOPPED
        self._last_piece = -1
        self._export_cancel = threading.Event()
        self.voice: str | None = None
        self.rate = DEFAULT_RATE
        self.volume = 1.0
        self.pieces: list[Piece] = []

    # Engine --------------------------------------------------------------------------
    def start_engine(self) -> None:
        """Create the engine on a worker and announce its voices."""

        def create():
            synthesizer = self._make_synthesizer()
            voices = synthesizer.voices()
            return synthesizer, voices

        def ready(result) -> None:
            self._synthesizer, voices = result
            default = mandarin_voice(voices)
            if default is None:
                self.message.emit(
                    self.tr("No Mandarin voice is installed: Chinese text will be read by the default voice.")
                )
            self.voicesReady.emit(voices, default)

        self._runner.submit(create, on_done=ready, on_error=lambda error: self.message.emit(self._said(error)))

    def _said(self, error: Exception) -> str:
        """An engine or device error in the UI's language (the core's messages are English)."""
        from reader.core.speech.output import NoAudioDeviceError
        from reader.core.speech.synth import SpeechUnavailableError

        if isinstance(error, NoAudioDeviceError):
            return self.tr("No audio output device was found; the narration can still be exported to a file.")
        if isinstance(error, SpeechUnavailableError):
            return self.tr("The speech engine is not ready (or not installed).")
        return str(error)

    @property
    def available(self) -> bool:
        """Whether an engine is ready."""
        return self._synthesizer is not None

    def _ensure_narrator(self) -> Narrator | None:
        if self._narrator is None:
            if self._synthesizer is None:
                self.message.emit(self.tr("The speech engine is not ready (or not installed)."))
                return None
            self._narrator = Narrator(
                self._synthesizer, self._make_sink(), self.voice, self.rate, self.volume, on_error=self.message.emit
            )
        return self._narrator

    # Playback ---------------------------------------------------------------------------
    def load(self, pieces: list[Piece]) -> None:
        """Set what to read (stops what is playing)."""
        narrator = self._ensure_narrator()
        self.pieces = list(pieces)
        if narrator is not None:
            narrator.load(self.pieces)
        self._last_piece = -1
        self._tick()

    def play(self, piece: int | None = None) -> None:
        """Play from a piece, or resume."""
        narrator = self._ensure_narrator()
        if narrator is None or not self.pieces:
            return
        try:
            narrator.play(piece)
        except ReaderError as error:  # no audio device, typically
            narrator.stop()
            self.message.emit(self._said(error))
            self._tick()
            return
        self._clock.start()
        self._tick()

    def toggle(self) -> None:
        """Play/pause."""
        if self._narrator is None:
            return
        state = self._narrator.snapshot().state
        if state in (State.PLAYING, State.BUFFERING):
            self._narrator.pause()
            self._tick()
        else:
            self.play()

    def pause(self) -> None:
        """Pause mid-sentence."""
        if self._narrator is not None:
            self._narrator.pause()
            self._tick()

    def stop(self) -> None:
        """Stop."""
        if self._narrator is not None:
            self._narrator.stop()
        self._tick()
        self._clock.stop()

    def seek(self, seconds: float) -> None:
        """Jump to a time."""
        if self._narrator is not None:
            self._narrator.seek(seconds)
            self._tick()

    def step(self, direction: int) -> None:
        """Previous/next sentence."""
        if self._narrator is not None:
            self._narrator.step(direction)
            self._tick()

    def set_voice(self, voice: str | None) -> None:
        """Voice for what follows."""
        self.voice = voice
        if self._narrator is not None:
            self._narrator.set_voice(voice)

    def set_rate(self, rate: int) -> None:
        """Speaking rate for what follows."""
        self.rate = rate
        if self._narrator is not None:
            self._narrator.set_rate(rate)

    def set_volume(self, volume: float) -> None:
        """Volume for what follows."""
        self.volume = volume
        if self._narrator is not None:
            self._narrator.set_volume(volume)

    def snapshot(self) -> Snapshot | None:
        """The narrator's state."""
        return self._narrator.snapshot() if self._narrator is not None else None

    def _tick(self) -> None:
        snapshot = self.snapshot()
        if snapshot is None:
            return
        if snapshot.state is not self._last_state:
            self._last_state = snapshot.state
            self.stateChanged.emit(snapshot.state.value)
            if snapshot.state is State.STOPPED:
                self._clock.stop()
        if snapshot.piece != self._last_piece:
            self._last_piece = snapshot.piece
            self.pieceChanged.emit(snapshot.piece)
        self.positionChanged.emit(snapshot.elapsed, snapshot.total, snapshot.estimated)

    # Export -------------------------------------------------------------------------------
    def export(self, pieces: list[Piece], path: Path, document: Document | None) -> None:
        """Write narration to a WAV or MP3 file on a worker, with progress and cancel."""
        if self._synthesizer is None:
            self.message.emit(self.tr("The speech engine is not ready (or not installed)."))
            self.exportFinished.emit(None)
            return
        self._export_cancel.clear()

        def work() -> ExportResult:
            return export_narration(
                pieces,
                self._synthesizer,
                path,
                self.voice,
                self.rate,
                document,
                progress=self.exportProgress.emit,
                cancelled=self._export_cancel.is_set,
            )

        def failed(error: Exception) -> None:
            self.message.emit(str(error))
            self.exportFinished.emit(None)

        self._runner.submit(work, on_done=self.exportFinished.emit, on_error=failed)

    def cancel_export(self) -> None:
        """Stop a running export (its partial file is removed)."""
        self._export_cancel.set()

    def close(self) -> None:
        """Stop playback and release the engine."""
        self._clock.stop()
        self._export_cancel.set()
        if self._narrator is not None:
            self._narrator.close()
        self._runner.wait(5000)
        if self._synthesizer is not None and hasattr(self._synthesizer, "close"):
            self._synthesizer.close()
