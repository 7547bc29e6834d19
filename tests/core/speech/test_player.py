"""The narrator's state machine against a fake engine and a fake sink with a controllable clock."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from reader.core.speech.player import SAMPLE_RATE, Narrator, State
from reader.core.speech.sentences import Piece
from reader.core.speech.synth import Clip, SynthesisError
from tests.fakes import FakeSink

SECONDS_PER_PIECE = 1.0


class FakeEngine:
    """Each piece becomes one second of a constant sample value: its number + 1."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.gate = threading.Event()
        self.gate.set()
        self.fail: set[str] = set()

    def synthesize(self, text, voice, rate=200, volume=1.0):
        self.gate.wait(10)
        self.calls.append(text)
        if text in self.fail:
            raise SynthesisError("engine error")
        value = int(text.split("-")[1]) + 1
        return Clip(np.full(int(SECONDS_PER_PIECE * SAMPLE_RATE), value, dtype="<i2").tobytes(), SAMPLE_RATE)


def _pieces(count=6):
    return [Piece(i, 0, 5, f"piece-{i}") for i in range(count)]


@pytest.fixture
def rig():
    engine = FakeEngine()
    sink = FakeSink()
    narrator = Narrator(engine, sink)
    narrator.load(_pieces())
    yield narrator, sink, engine
    narrator.close()


def _wait_state(narrator, state, timeout=5.0):
    """Until the narrator is in ``state`` and synthesis has caught up (the fake engine outruns playback)."""
    assert narrator.wait_for_state(state, timeout), narrator.snapshot()
    assert narrator.wait_until_caught_up(timeout), narrator.snapshot()


def _values(sink, start_seconds, seconds):
    samples = np.frombuffer(bytes(sink.received), dtype="<i2")
    begin = round(start_seconds * SAMPLE_RATE)
    return set(samples[begin : begin + round(seconds * SAMPLE_RATE)].tolist())


def test_play_highlights_the_piece_being_heard(rig):
    narrator, sink, _ = rig
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.5)
    assert narrator.snapshot().piece == 0
    sink.advance(1.0)
    snapshot = narrator.snapshot()
    assert snapshot.piece == 1 and abs(snapshot.elapsed - 1.5) < 0.05
    assert _values(sink, 1.1, 0.3) == {2}


def test_pause_and_resume_continue_mid_sentence(rig):
    narrator, sink, _ = rig
    narrator.play(2)
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.4)
    narrator.pause()
    before = narrator.snapshot()
    assert before.state is State.PAUSED and before.piece == 2
    sink.advance(1.0)  # paused: silence, position unchanged
    assert narrator.snapshot().elapsed == pytest.approx(before.elapsed, abs=0.01)
    narrator.resume()
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.3)
    after = narrator.snapshot()
    assert after.piece == 2 and after.elapsed == pytest.approx(before.elapsed + 0.3, abs=0.05)
    assert _values(sink, 1.4, 0.3) == {3}  # resumed in piece 2, not at its start over again


def test_latency_highlight_follows_what_is_heard_not_what_is_pulled():
    engine = FakeEngine()
    sink = FakeSink(latency_frames=int(0.3 * SAMPLE_RATE))
    narrator = Narrator(engine, sink)
    narrator.load(_pieces())
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    sink.advance(1.1)  # pulled into piece 1, but the device still plays piece 0
    assert narrator.snapshot().piece == 0
    sink.advance(0.3)
    assert narrator.snapshot().piece == 1
    narrator.close()


def test_seek_stop_and_steps(rig):
    narrator, sink, _ = rig
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    narrator.seek(3.5)  # estimates are used for pieces not yet synthesised
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.05)
    assert narrator.snapshot().piece == 3
    narrator.step(1)
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.05)
    assert narrator.snapshot().piece == 4
    narrator.step(-1)
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.05)
    assert narrator.snapshot().piece == 3
    narrator.stop()
    snapshot = narrator.snapshot()
    assert snapshot.state is State.STOPPED and snapshot.piece == -1 and not sink.running


def test_buffering_until_the_clip_arrives(rig):
    narrator, sink, engine = rig
    engine.gate.clear()  # synthesis stalls
    narrator.play(4)
    sink.advance(0.5)
    assert narrator.snapshot().state is State.BUFFERING
    assert _values(sink, 0, 0.5) == {0}  # silence, not garbage
    engine.gate.set()
    _wait_state(narrator, State.PLAYING)
    sink.advance(0.2)
    assert _values(sink, 0.5, 0.2) == {5}


def test_a_failed_piece_is_skipped_and_reported():
    engine = FakeEngine()
    engine.fail.add("piece-1")
    messages = []
    narrator = Narrator(engine, FakeSink(), on_error=messages.append)
    sink = narrator._sink
    narrator.load(_pieces(3))
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    sink.advance(1.5)
    assert narrator.snapshot().piece == 2
    assert messages and "skipped" in messages[0]
    narrator.close()


def test_end_of_narration_stops(rig):
    narrator, sink, _ = rig
    narrator.play(5)
    _wait_state(narrator, State.PLAYING)
    sink.advance(1.2)
    assert narrator.snapshot().state is State.STOPPED


def test_synthesis_runs_a_few_pieces_ahead(rig):
    narrator, _sink, engine = rig
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    assert narrator.wait_until_caught_up(5)
    assert engine.calls[:4] == ["piece-0", "piece-1", "piece-2", "piece-3"]
    assert "piece-5" not in engine.calls  # not the whole script at once


def test_rate_change_resynthesises_what_follows(rig):
    narrator, _sink, engine = rig
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    assert narrator.wait_until_caught_up(5)
    calls_before = len(engine.calls)
    narrator.set_rate(300)
    assert narrator.wait_until_caught_up(5)
    assert len(engine.calls) > calls_before
    assert narrator.rate == 300


def test_the_clock_keeps_counting_through_a_speed_change_and_a_resume(rig):
    narrator, sink, _ = rig
    narrator.play(0)
    _wait_state(narrator, State.PLAYING)
    sink.advance(3.4)  # heard pieces 0–2 (one second each) and part of piece 3
    narrator.pause()
    paused = narrator.snapshot().elapsed
    assert paused == pytest.approx(3.4, abs=0.05)
    narrator.set_rate(300)  # the clips of pieces already heard are dropped; their heard length stays
    assert narrator.snapshot().elapsed == pytest.approx(paused, abs=0.01)
    narrator.resume()
    readings = []
    for _ in range(5):
        _wait_state(narrator, State.PLAYING)
        sink.advance(0.2)
        readings.append(narrator.snapshot().elapsed)
    assert readings[0] >= paused - 0.01 and readings == sorted(readings)
    assert readings[-1] == pytest.approx(paused + 1.0, abs=0.06)


def test_estimated_seconds_scale_with_the_rate():
    from reader.core.speech.player import estimated_seconds

    assert estimated_seconds(100, 200) == pytest.approx(30.0)
    assert estimated_seconds(100, 400) == pytest.approx(15.0)
    assert estimated_seconds(0, 0) == 0.0
