"""Speech synthesis to clips with pyttsx3, engineered around its Linux quirks.

pyttsx3 on Linux (espeak-ng) returns from ``runAndWait`` before synthesis ends,
speaks only the last queued utterance, cannot interrupt, crashes on very long
text and calls back on a foreign thread. So: one engine lives on one dedicated
thread; each short piece is rendered with ``save_to_file`` and the thread waits
for ``finished-utterance`` (with a time-out) before reading the file. Calls from
any thread are queued to that engine thread.
"""

from __future__ import annotations

import contextlib
import queue
import re
import shutil
import tempfile
import threading
import wave
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError

DEFAULT_RATE = 220  # words per minute for espeak; ~220 hanzi a minute reads naturally
SILENCE_SECONDS = 0.25
_SPEAKABLE_RE = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")


# How often a piece the engine cut off is rendered before it is given up as silent.
RENDER_ATTEMPTS = 3


class SpeechUnavailableError(ReaderError):
    """No speech engine can be used (not installed, failed to start, stopped responding)."""


class SynthesisError(ReaderError):
    """One piece could not be synthesised (it is skipped; the rest goes on)."""


@dataclass(frozen=True)
class Clip:
    """Synthesised audio: signed 16-bit little-endian mono PCM."""

    samples: bytes
    rate: int

    @property
    def frames(self) -> int:
        """Number of samples."""
        return len(self.samples) // 2

    @property
    def seconds(self) -> float:
        """Duration."""
        return self.frames / self.rate if self.rate else 0.0

    @staticmethod
    def silence(seconds: float, rate: int = 22050) -> Clip:
        """A silent clip."""
        return Clip(b"\x00\x00" * int(seconds * rate), rate)


@dataclass(frozen=True)
class Voice:
    """A voice the engine offers."""

    id: str
    name: str
    languages: tuple[str, ...] = ()

    @property
    def is_chinese(self) -> bool:
        """Whether it speaks a Chinese language (Mandarin, Cantonese, Hakka, Min…)."""
        ident = self.id.lower().rsplit("/", 1)[-1]
        return (
            self.is_mandarin
            or ident.split("-")[0] in ("zh", "yue", "hak", "nan", "cmn")
            or any(language.lower().startswith(("zh", "yue", "cmn")) for language in self.languages)
        )

    @property
    def is_mandarin(self) -> bool:
        """Whether it speaks Mandarin Chinese."""
        ident = self.id.lower().rsplit("/", 1)[-1]
        names = " ".join((self.name, *self.languages)).lower()
        return (
            ident == "cmn"
            or ident.startswith("cmn-")
            or any(tag in names for tag in ("zh-cn", "zh_cn", "cmn", "mandarin", "huihui", "ting-ting", "yaoyao"))
            or any(lang.lower().startswith(("zh", "cmn")) for lang in self.languages)
        )


_MANDARIN_PREFERENCE = {"cmn-latn-pinyin": 0, "cmn": 1}


def voice_order(voice: Voice) -> tuple[bool, int, str]:
    """Sort key for voice lists: Mandarin first, the best Mandarin voice at the top.

    espeak-ng's ``cmn-latn-pinyin`` leads: plain ``cmn`` reads many hanzi it
    lacks in its dictionary as English-spelled pinyin with tone numbers
    ("zeng one"), while the pinyin variant says them in Mandarin.
    """
    ident = voice.id.lower().rsplit("/", 1)[-1]
    return (not voice.is_mandarin, _MANDARIN_PREFERENCE.get(ident, 2), voice.name.lower())


def mandarin_voice(voices: list[Voice]) -> Voice | None:
    """The Mandarin voice to use by default (see :func:`voice_order`)."""
    candidates = sorted((v for v in voices if v.is_mandarin), key=voice_order)
    return candidates[0] if candidates else None


def has_speech(text: str) -> bool:
    """Whether a piece has anything to say (punctuation alone is silence)."""
    return bool(_SPEAKABLE_RE.search(text))


_PROBE_TEXT = "测试"
_probe_result: list[str | None] = []  # one probe per process: "" when the engine works, else why not


def _probe_child() -> None:
    """In a child process: start the engine and render one word (espeak-ng exits if its data is missing)."""
    import os

    quiet = os.open(os.devnull, os.O_WRONLY)  # espeak-ng's and pyttsx3's chatter is not the user's business
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    import pyttsx3

    engine = pyttsx3.init()
    voices = [Voice(str(v.id), str(v.name or v.id)) for v in engine.getProperty("voices")]
    voice = mandarin_voice(voices)
    if voice is not None:
        engine.setProperty("voice", voice.id)
    handle, path = tempfile.mkstemp(suffix=".wav", prefix="report-reader-probe-")
    os.close(handle)
    done = threading.Event()
    engine.connect("finished-utterance", lambda name, completed: done.set())
    engine.save_to_file(_PROBE_TEXT, path)
    engine.runAndWait()
    done.wait(20)
    os.unlink(path)


def probe_engine(timeout: float = 30.0) -> str:
    """Whether the speech engine can run here, tried in a separate process; '' when it can.

    espeak-ng ends the whole process (exit status 1) when its voice data is missing:
    tried in-process, that would close the app. The child is spawned, not forked
    (forking a process that runs Qt or other threads is unsafe).
    """
    if _probe_result:
        return _probe_result[0] or ""
    import multiprocessing

    child = multiprocessing.get_context("spawn").Process(target=_probe_child, name="speech-probe", daemon=True)
    try:
        child.start()
        child.join(timeout)
        if child.is_alive():
            child.kill()
            reason = f"the speech engine did not answer within {timeout:g} s"
        elif child.exitcode != 0:
            reason = (
                "the speech engine (espeak-ng) cannot start: its voice data is missing or broken "
                "(on Debian/Ubuntu: apt install --reinstall espeak-ng-data)"
            )
        else:
            reason = ""
    except OSError as error:
        reason = f"the speech engine could not be tried ({error})"
    _probe_result.append(reason)
    return reason


class Pyttsx3Synthesizer:
    """A pyttsx3 engine confined to its own thread.

    Args:
        timeout: Seconds a piece may take before it is abandoned.
        probe: Try the engine in a child process first (``probe_engine``).

    Raises:
        SpeechUnavailableError: When the engine cannot start (raised on first use).
    """

    def __init__(self, timeout: float = 20.0, probe: bool = True) -> None:
        self.timeout = timeout
        self._probe = probe
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._started = threading.Event()
        self._error: Exception | None = None
        self._broken = ""
        self._voices: list[Voice] = []
        self._thread = threading.Thread(target=self._run, name="speech-engine", daemon=True)
        self._thread.start()
        self._started.wait(30)

    # The engine thread -----------------------------------------------------------------
    def _run(self) -> None:
        try:
            reason = probe_engine() if self._probe else ""
            if reason:
                raise SpeechUnavailableError(reason)
            import pyttsx3
            import pyttsx3.drivers.espeak as espeak_driver

            # The espeak driver prints "Audio saved to …" on stdout; the CLI's stdout is for data.
            espeak_driver.print = lambda *args, **kwargs: None
            engine = pyttsx3.init()
            finished = threading.Event()
            engine.connect("finished-utterance", lambda name, completed: finished.set())
            self._voices = [
                Voice(str(v.id), str(v.name or v.id), tuple(str(x) for x in (v.languages or ())))
                for v in engine.getProperty("voices")
            ]
        except Exception as error:  # any failure means: no engine
            self._error = error
            self._started.set()
            return
        self._started.set()
        workdir = Path(tempfile.mkdtemp(prefix="report-reader-tts-"))
        counter = 0
        while True:
            job = self._jobs.get()
            if job is None:
                shutil.rmtree(workdir, ignore_errors=True)
                break
            future, text, voice, rate, volume = job
            if not future.set_running_or_notify_cancel():
                continue
            try:
                if voice:
                    engine.setProperty("voice", voice)
                engine.setProperty("rate", int(rate))
                engine.setProperty("volume", float(volume))
                clip = None
                for _attempt in range(RENDER_ATTEMPTS):
                    counter += 1
                    clip = self._render(engine, finished, text, workdir / f"piece-{counter}.wav")
                    # An empty clip for text with speech means the engine reported the end of an
                    # utterance too early (seen in CI: a piece's audio missing, twice in a row once);
                    # render it again.
                    if clip.frames:
                        break
                future.set_result(clip)
            except Exception as error:  # reported to the caller of this piece
                future.set_exception(error if isinstance(error, ReaderError) else SynthesisError(str(error)))

    def _render(self, engine: Any, finished: threading.Event, text: str, path: Path) -> Clip:
        """Synthesise ``text`` to ``path`` with the engine (on the engine thread) and read it back."""
        try:
            finished.clear()
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            if not finished.wait(self.timeout):
                raise SynthesisError(f"the speech engine did not finish a piece within {self.timeout:g} s")
            return _read_wav(path)
        finally:
            with contextlib.suppress(OSError):
                path.unlink()

    # Any thread --------------------------------------------------------------------------
    def _check(self) -> None:
        if isinstance(self._error, SpeechUnavailableError):
            raise self._error
        if self._error is not None:
            raise SpeechUnavailableError(
                f"no speech engine: {self._error.__class__.__name__}: {self._error} "
                "(on Debian/Ubuntu: apt install espeak-ng)"
            )
        if self._broken:
            raise SpeechUnavailableError(self._broken)

    def voices(self) -> list[Voice]:
        """Voices the engine offers.

        Raises:
            SpeechUnavailableError: No engine.
        """
        self._check()
        return list(self._voices)

    def synthesize(self, text: str, voice: str | None, rate: int = DEFAULT_RATE, volume: float = 1.0) -> Clip:
        """Render one piece.

        Raises:
            SpeechUnavailableError: No engine, or it stopped responding earlier.
            SynthesisError: This piece failed or timed out (later pieces may work).
        """
        self._check()
        if not has_speech(text):
            return Clip.silence(SILENCE_SECONDS)
        future: Future[Any] = Future()
        self._jobs.put((future, text, voice, rate, volume))
        try:
            clip: Clip = future.result(timeout=self.timeout + 5)
            return clip
        except FutureTimeout:
            self._broken = "the speech engine stopped responding"
            raise SynthesisError(self._broken) from None

    def close(self) -> None:
        """Stop the engine thread."""
        self._jobs.put(None)


def _read_wav(path: Path) -> Clip:
    try:
        with wave.open(str(path), "rb") as audio:
            if audio.getsampwidth() != 2:
                raise SynthesisError("the speech engine wrote an unexpected sample format")
            frames = audio.readframes(audio.getnframes())
            channels = audio.getnchannels()
            if channels > 1:  # mix down: the player and the exports are mono
                import numpy as np

                mixed = np.frombuffer(frames, dtype="<i2").reshape(-1, channels).mean(axis=1)
                frames = mixed.astype("<i2").tobytes()
            return Clip(frames, audio.getframerate())
    except (OSError, EOFError, wave.Error) as error:
        raise SynthesisError(f"the speech engine wrote no audio ({error})") from None
