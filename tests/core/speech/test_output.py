"""The audio output refuses clearly when there is no sound device."""

from __future__ import annotations

import typing

import pytest

from reader.core.speech import output
from reader.core.speech.output import MiniaudioSink, NoAudioDeviceError, playback_devices


class _Devices:
    names: typing.ClassVar[list[str]] = []

    def get_playbacks(self):
        return [{"name": name} for name in self.names]


def test_the_null_device_is_not_a_sound_device(monkeypatch):
    import miniaudio

    monkeypatch.setattr(miniaudio, "Devices", _Devices)
    _Devices.names = ["Discard all samples (playback) or generate zero samples (capture)"]
    assert playback_devices() == []
    _Devices.names = ["Discard all samples (playback) or generate zero samples (capture)", "HDA Intel PCH, ALC3246"]
    assert playback_devices() == ["HDA Intel PCH, ALC3246"]


def test_no_device_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(output, "playback_devices", lambda: [])
    with pytest.raises(NoAudioDeviceError, match="exported"):
        MiniaudioSink().start(lambda frames: b"\x00\x00" * frames, 22050)


def test_this_machine(monkeypatch):
    devices = playback_devices()
    if devices:
        pytest.skip(f"this machine has sound devices: {devices}")
    with pytest.raises(NoAudioDeviceError):
        MiniaudioSink().start(lambda frames: b"\x00\x00" * frames, 22050)
