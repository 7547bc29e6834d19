"""Real synthesis with espeak-ng's Mandarin voice: durations, loudness, WAV and MP3 exports."""

from __future__ import annotations

import subprocess
import sys
import wave

import numpy as np
import pytest

from reader.core.loader import load_path
from reader.core.speech import sentences
from reader.core.speech.export import ExportCancelledError, export_narration
from reader.core.speech.spoken import spoken
from reader.core.speech.synth import (
    Pyttsx3Synthesizer,
    SpeechUnavailableError,
    SynthesisError,
    Voice,
    mandarin_voice,
)
from tests.conftest import SEED, needs_tool

pytestmark = needs_tool("espeak-ng", "espeak-ng")
RATE = 200


@pytest.fixture(scope="module")
def engine():
    synthesizer = Pyttsx3Synthesizer()
    yield synthesizer
    synthesizer.close()


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED)


def _wav(path):
    with wave.open(str(path)) as audio:
        frames = audio.readframes(audio.getnframes())
        return np.frombuffer(frames, dtype="<i2"), audio.getframerate()


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))


def test_mandarin_voice_is_found(engine):
    voice = mandarin_voice(engine.voices())
    assert voice is not None and voice.id.endswith(("cmn", "cmn-latn-pinyin"))


def test_pinyin_variant_is_preferred_over_plain_cmn():
    voices = [
        Voice("gmw/en", "English"),
        Voice("sit/cmn", "Chinese (Mandarin)"),
        Voice("sit/cmn-latn-pinyin", "Chinese"),
    ]
    assert mandarin_voice(voices).id == "sit/cmn-latn-pinyin"
    assert mandarin_voice(voices[:2]).id == "sit/cmn"
    assert mandarin_voice(voices[:1]) is None


def test_default_voice_reads_the_report_in_mandarin_not_spelled_pinyin(engine, seed):
    """Plain ``cmn`` switches to English for hanzi it lacks ("增" -> "zeng one")."""
    voice = mandarin_voice(engine.voices())
    text = "\n".join(spoken(p.text) for p in sentences.document_pieces(seed, 0, 10))
    phonemes = subprocess.run(
        ["espeak-ng", "-q", "--ipa", "-v", voice.id],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert phonemes.strip(), "espeak-ng produced no phonemes"
    assert phonemes.count("(en)") <= 2, phonemes.count("(en)")


def test_section_export_matches_espeak_duration_and_is_not_silent(engine, seed, tmp_path):
    voice = mandarin_voice(engine.voices())
    section_id = seed.outline[1].children[0].id  # （一）聚焦聚力提升政策引导保障成效 and its leads
    pieces = sentences.section(seed, section_id)
    ours = tmp_path / "section.wav"
    result = export_narration(pieces, engine, ours, voice.id, RATE, seed)
    samples, rate = _wav(ours)
    ours_seconds = len(samples) / rate
    assert abs(result.seconds - ours_seconds) < 0.05
    text = "\n".join(spoken(p.text) for p in pieces)
    reference = tmp_path / "espeak.wav"
    (tmp_path / "text.txt").write_text(text, encoding="utf-8")
    subprocess.run(
        ["espeak-ng", "-v", voice.id, "-s", str(RATE), "-w", str(reference), "-f", str(tmp_path / "text.txt")],
        check=True,
        capture_output=True,
    )
    ref_samples, ref_rate = _wav(reference)
    ref_seconds = len(ref_samples) / ref_rate
    assert abs(ours_seconds - ref_seconds) / ref_seconds < 0.20, (ours_seconds, ref_seconds)
    assert _rms(samples) > 500, "the export is (nearly) silent"
    # Speech, not noise: loud syllables and quiet pauses between sentences (50 ms windows).
    step = rate // 20
    windows = np.array([_rms(samples[i : i + step]) for i in range(0, len(samples) - step, step)])
    assert windows.max() > 2000
    assert np.mean(windows < 0.05 * windows.max()) > 0.02
    assert result.cue is not None and "TRACK 01" in result.cue.read_text(encoding="utf-8")


def test_mp3_decodes_to_the_same_length(engine, seed, tmp_path):
    import miniaudio

    voice = mandarin_voice(engine.voices())
    pieces = sentences.document_pieces(seed, 5, 7)
    wav = export_narration(pieces, engine, tmp_path / "p.wav", voice.id, RATE, seed)
    mp3 = export_narration(pieces, engine, tmp_path / "p.mp3", voice.id, RATE, seed)
    decoded = miniaudio.mp3_read_file_s16(str(tmp_path / "p.mp3"))
    decoded_seconds = decoded.num_frames / decoded.sample_rate
    assert abs(decoded_seconds - wav.seconds) < 0.15, (decoded_seconds, wav.seconds)
    assert abs(mp3.seconds - wav.seconds) < 0.1  # espeak varies by a few milliseconds between runs
    assert _rms(np.array(decoded.samples, dtype=np.int16)) > 500


def test_a_piece_the_engine_cuts_off_is_rendered_again(engine, monkeypatch):
    # The engine once reported an utterance finished before its audio was written (a piece of a CI
    # export was silent): an empty result for text with speech is rendered once more.
    from reader.core.speech import synth

    real_read, reads = synth._read_wav, []

    def cut_off_once(path):
        reads.append(path)
        return synth.Clip(b"", 22050) if len(reads) == 1 else real_read(path)

    monkeypatch.setattr(synth, "_read_wav", cut_off_once)
    clip = engine.synthesize("各位代表，现在我代表省人民政府向大会报告工作。", mandarin_voice(engine.voices()).id, RATE)
    # Rendered again until it has audio: a render right after another can be cut off by the engine too
    # (a late "finished" of the one before), which the second try sometimes is.
    assert 2 <= len(reads) <= synth.RENDER_ATTEMPTS
    assert clip.seconds > 2 and _rms(np.frombuffer(clip.samples, dtype="<i2")) > 500


def test_punctuation_only_piece_is_silence_without_calling_the_engine(engine):
    clip = engine.synthesize("……", None)
    assert clip.seconds > 0 and set(clip.samples) == {0}


def test_cancel_removes_the_partial_file(engine, seed, tmp_path):
    target = tmp_path / "cancelled.wav"
    calls = []
    with pytest.raises(ExportCancelledError):
        export_narration(
            sentences.whole_document(seed),
            engine,
            target,
            None,
            RATE,
            seed,
            cancelled=lambda: calls.append(1) or len(calls) > 3,
        )
    assert not target.exists()


def test_missing_engine_is_a_clear_error(monkeypatch):
    import pyttsx3

    def broken_init(*args, **kwargs):
        raise RuntimeError("libespeak-ng.so.1: cannot open shared object file")

    monkeypatch.setattr(pyttsx3, "init", broken_init)
    synthesizer = Pyttsx3Synthesizer()
    with pytest.raises(SpeechUnavailableError, match="espeak-ng"):
        synthesizer.voices()
    with pytest.raises(SpeechUnavailableError):
        synthesizer.synthesize("你好。", None)


def test_hanging_engine_times_out_and_is_reported(monkeypatch):
    import pyttsx3

    class Hanging:
        def connect(self, name, callback):
            pass  # never calls back: the piece never finishes

        def getProperty(self, name):
            return []

        def setProperty(self, name, value):
            pass

        def save_to_file(self, text, path):
            pass

        def runAndWait(self):
            pass

    monkeypatch.setattr(pyttsx3, "init", lambda *a, **k: Hanging())
    synthesizer = Pyttsx3Synthesizer(timeout=0.3)
    with pytest.raises(SynthesisError, match="did not finish"):
        synthesizer.synthesize("你好。", None)
    synthesizer.close()


def test_cli_speak_writes_audio(tmp_path, seed):
    import os

    from tests.conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "para.wav"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(tmp_path / "d"),
            "speak",
            str(SEED),
            "--paragraph",
            seed.paragraphs[5].id,
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout and "Audio saved" not in result.stdout
    samples, rate = _wav(out)
    assert len(samples) / rate > 2 and _rms(samples) > 500
    bad = subprocess.run(
        [sys.executable, "-m", "reader", "speak", str(SEED), "-o", str(tmp_path / "x.ogg")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_cli_speak_reads_my_highlights_and_only_them(tmp_path, seed, capsys):
    """speak --highlights: the report's highlights in reading order, as audio; none is a one-line error."""
    from reader import cli
    from reader.core.bookmarks.store import BookmarkStore
    from reader.core.paths import DataLayout

    data = tmp_path / "d"
    base = ["--data-dir", str(data)]
    out = tmp_path / "highlights.wav"
    assert cli.run([*base, "speak", str(SEED), "--highlights", "-o", str(out)]) == 1
    assert "no highlights" in capsys.readouterr().err
    paragraph = seed.paragraphs[8]
    for start in (20, 0):  # added back to front
        assert cli.run([*base, "highlights", "add", str(SEED), "--paragraph", paragraph.id,
                        "--start", str(start), "--end", str(start + 8)]) == 0  # fmt: skip
    capsys.readouterr()
    assert cli.run([*base, "speak", str(SEED), "--highlights", "-o", str(out)]) == 0
    samples, rate = _wav(out)
    both = len(samples) / rate
    assert both > 1 and _rms(samples) > 500
    store = BookmarkStore(DataLayout(data).bookmarks)
    assert [h.offset for h in sorted(store.highlights(), key=lambda h: h.offset)] == [0, 20]
    store.close()
    # Sixteen characters read take far less time than the paragraph they come from.
    assert cli.run([*base, "speak", str(SEED), "--paragraph", paragraph.id, "-o", str(tmp_path / "p.wav")]) == 0
    whole, whole_rate = _wav(tmp_path / "p.wav")
    assert both < len(whole) / whole_rate
