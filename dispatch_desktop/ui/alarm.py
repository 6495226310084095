"""The alarm sound: an overdue timer or an SOS can be heard, not only seen.

A short two-tone chime (generated once into the cache directory: no sound file to ship), played through
``QSoundEffect`` at most once every ``MIN_INTERVAL_MS`` however many things went overdue at once. It is
switched in the Settings menu (kept per user), and silent on Qt's offscreen platform (tests, screenshots):
nobody is there to hear it. A machine without sound (no PulseAudio library, no output device) stays
silent with a line in the log; the alarm is an addition to the red rows and the alerts panel, never
their substitute.
"""

from __future__ import annotations

import logging
import math
import struct
import wave
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)

MIN_INTERVAL_MS = 10_000
_RATE = 22_050


def write_chime(path: Path) -> Path:
    """Two short tones (880 Hz, then 660 Hz) as a 16-bit mono WAV file."""
    frames = bytearray()
    for frequency, seconds in ((880.0, 0.18), (0.0, 0.06), (660.0, 0.28)):
        count = int(_RATE * seconds)
        for n in range(count):
            fade = min(1.0, n / 200, (count - n) / 200)  # no clicks at the edges
            value = 0.45 * fade * math.sin(2 * math.pi * frequency * n / _RATE) if frequency else 0.0
            frames += struct.pack("<h", int(value * 32767))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(_RATE)
        out.writeframes(bytes(frames))
    return path


class Alarm(QObject):
    def __init__(self, cache_dir: Path, *, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache_dir = cache_dir
        self._enabled = enabled
        self._effect: QSoundEffect | None = None
        self._last_ms = -MIN_INTERVAL_MS
        self.rings = 0  # how many times it would have sounded (tests, diagnostics)
        self.audible = QGuiApplication.platformName() != "offscreen"

    @property
    def enabled(self) -> bool:
        return self._enabled

    def set_enabled(self, enabled: bool) -> None:
        self._enabled = enabled

    def ring(self, now_ms: int) -> bool:
        """Sound once, unless switched off or it sounded less than ``MIN_INTERVAL_MS`` ago."""
        if not self._enabled or now_ms - self._last_ms < MIN_INTERVAL_MS:
            return False
        self._last_ms = now_ms
        self.rings += 1
        if self.audible:
            self._play()
        return True

    def _play(self) -> None:
        effect = self._effect or self._make_effect()
        if effect is not None:
            effect.play()

    def _make_effect(self) -> QSoundEffect | None:
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as error:  # no libpulse0 on this machine
            log.warning("no alarm sound: Qt Multimedia cannot load (%s)", error)
            self.audible = False
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(write_chime(self._cache_dir / "alarm.wav"))))
        effect.setVolume(0.8)
        self._effect = effect
        return effect
