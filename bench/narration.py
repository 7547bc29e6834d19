"""Narration figures: Play → first audio sample at several positions, and whole-report export speed,
next to espeak-ng itself writing the same text to a WAV (the floor), in the same run.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import wave
from pathlib import Path

from bench.common import SEED

POSITIONS = (0.0, 0.25, 0.5, 0.75, 0.98)


class _ClockSink:
    """Pulls like a sound card: 10 ms of samples every 10 ms, on its own thread."""

    latency_frames = 0

    def __init__(self) -> None:
        self._running = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, pull, rate: int) -> None:
        self._running.set()

        def loop() -> None:
            block = rate // 100
            while self._running.is_set():
                pull(block)
                time.sleep(0.01)

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._running.clear()
        if self._thread is not None:
            self._thread.join(1)


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as audio:
        return audio.getnframes() / audio.getframerate()


def measure() -> dict:
    if shutil.which("espeak-ng") is None:
        return {"skipped": "espeak-ng is not installed"}
    from reader.core.loader import load_path
    from reader.core.speech import sentences
    from reader.core.speech.export import export_narration
    from reader.core.speech.player import Narrator
    from reader.core.speech.spoken import spoken
    from reader.core.speech.synth import DEFAULT_RATE, Pyttsx3Synthesizer, mandarin_voice

    document = load_path(SEED)
    engine = Pyttsx3Synthesizer()
    voice = mandarin_voice(engine.voices())
    voice_id = voice.id if voice else None
    pieces = sentences.whole_document(document)

    latencies = {}
    sink = _ClockSink()
    narrator = Narrator(engine, sink, voice_id, DEFAULT_RATE)
    narrator.load(pieces)
    for fraction in POSITIONS:
        index = min(int(fraction * len(pieces)), len(pieces) - 1)
        samples = []
        for _ in range(3):
            narrator.stop()
            narrator.load(pieces)  # nothing cached: the piece is synthesised after Play
            started = time.perf_counter()
            narrator.play(index)
            while narrator.first_sample_at is None and time.perf_counter() - started < 5:
                time.sleep(0.002)
            samples.append(((narrator.first_sample_at or time.perf_counter()) - started) * 1000)
        latencies[f"{int(fraction * 100)}%"] = round(statistics.median(samples), 1)
    narrator.close()

    work = Path(tempfile.mkdtemp(prefix="rr-narration-"))
    try:
        timings = {}
        for suffix in ("wav", "mp3"):
            started = time.perf_counter()
            result = export_narration(pieces, engine, work / f"report.{suffix}", voice_id, DEFAULT_RATE, document)
            timings[suffix] = (time.perf_counter() - started, result.seconds)
        text = work / "report.txt"
        text.write_text("\n".join(spoken(p.text) for p in pieces), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run(
            [
                "espeak-ng",
                "-v",
                voice_id or "cmn",
                "-s",
                str(DEFAULT_RATE),
                "-w",
                str(work / "floor.wav"),
                "-f",
                str(text),
            ],
            check=True,
            capture_output=True,
        )
        floor = time.perf_counter() - started
        floor_audio = _wav_seconds(work / "floor.wav")
    finally:
        engine.close()
        shutil.rmtree(work, ignore_errors=True)
    wav_s, audio_s = timings["wav"]
    mp3_s, _ = timings["mp3"]
    return {
        "play_to_first_sample_ms": latencies,
        "play_to_first_sample_max_ms": max(latencies.values()),
        "target_play_ms": 500,
        "report_audio_s": round(audio_s, 1),
        "export_wav_s": round(wav_s, 2),
        "export_mp3_s": round(mp3_s, 2),
        "export_wav_x_realtime": round(audio_s / wav_s),
        "export_mp3_x_realtime": round(audio_s / mp3_s),
        "espeak_ng_floor_s": round(floor, 2),
        "espeak_ng_floor_audio_s": round(floor_audio, 1),
        "export_wav_vs_floor": round(wav_s / floor, 2),
        "export_mp3_vs_floor": round(mp3_s / floor, 2),
        "targets": {"x_realtime": 100, "vs_floor": 3},
    }
