"""The real audio output: miniaudio (a small, self-contained C library), or a clear refusal.

miniaudio was chosen over QtMultimedia because it ships inside a small wheel
(no PySide6-Addons, no libpulse requirement), pulls samples from a callback
(what the narrator needs for exact "what is heard" tracking) and also decodes
MP3 for the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from reader.core.errors import ReaderError

_NULL_DEVICE_NAMES = ("discard all samples", "null")
BUFFER_MSEC = 120


class NoAudioDeviceError(ReaderError):
    """There is no sound output on this machine (as on a server)."""


def playback_devices() -> list[str]:
    """Names of real playback devices (the null/discard device is not one)."""
    try:
        import miniaudio
    except ImportError:
        return []
    try:
        names = [str(device["name"]) for device in miniaudio.Devices().get_playbacks()]
    except Exception:  # no backend at all
        return []
    return [n for n in names if not any(marker in n.lower() for marker in _NULL_DEVICE_NAMES)]


class MiniaudioSink:
    """Plays 16-bit mono samples pulled from a callback on miniaudio's thread.

    Raises:
        NoAudioDeviceError: On ``start`` when no real output device exists.
    """

    def __init__(self, buffer_msec: int = BUFFER_MSEC) -> None:
        self.buffer_msec = buffer_msec
        self.latency_frames = 0
        self._device: Any = None

    def start(self, pull: Callable[[int], bytes], rate: int) -> None:
        """Open the default device and start pulling."""
        if not playback_devices():
            raise NoAudioDeviceError("no audio output device was found; narration can still be exported to a file")
        import miniaudio

        self.latency_frames = rate * self.buffer_msec // 1000

        def generator() -> Generator[bytes, int, None]:
            required = yield b""
            while True:
                required = yield pull(required)

        stream = generator()
        next(stream)
        self._device = miniaudio.PlaybackDevice(
            output_format=miniaudio.SampleFormat.SIGNED16,
            nchannels=1,
            sample_rate=rate,
            buffersize_msec=self.buffer_msec,
            app_name="Report Reader",
        )
        self._device.start(stream)

    def stop(self) -> None:
        """Stop and close the device."""
        if self._device is not None:
            self._device.close()
            self._device = None
