"""From a reader thread to the GUI thread: one QImage at a time per stream, the newest.

The reader thread builds the ``QImage`` itself (it owns its pixels, so the GUI never touches a numpy
buffer the reader may reuse) and emits it through the wall's ``FrameRelay``. A queued
signal per frame could pile up if the GUI thread is busy, so each feed keeps at most one frame in
flight: while one is queued, newer frames only replace the feed's mailbox; when the GUI takes the
queued one it swaps in the mailbox's newer frame if there is one. Memory per stream is therefore two
thumbnails at most, however long the wall runs and however slow the GUI is.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from dispatch_desktop.video.address import StreamAddress
from dispatch_desktop.video.stream import StreamReader, StreamStatus

_tokens = itertools.count(1)


class FrameRelay(QObject):
    """Owned by the wall (GUI thread); the readers emit on it from their threads, so delivery is
    queued. Signals carry the feed's token: a frame from a feed that has since been replaced is
    recognised and dropped."""

    frame = Signal(int, QImage)
    status = Signal(int, object)  # StreamStatus


def to_qimage(frame: np.ndarray) -> QImage:
    """A QImage that owns its pixels, in the format the screen uses (32-bit RGB), so the GUI thread's
    ``QPixmap.fromImage`` has nothing to convert. OpenCV writes straight into the QImage's buffer:
    the colour conversion is the copy."""
    height, width = frame.shape[:2]
    if frame.ndim == 2:
        code = cv2.COLOR_GRAY2BGRA
    elif frame.shape[2] == 3:
        code = cv2.COLOR_BGR2BGRA
    else:
        raise ValueError(f"unsupported frame shape {frame.shape}")
    image = QImage(width, height, QImage.Format.Format_RGB32)  # rows are 4-byte aligned: no padding
    pixels = np.frombuffer(image.bits(), np.uint8).reshape(height, width, 4)
    cv2.cvtColor(frame, code, dst=pixels)
    return image


ReaderFactory = Callable[..., StreamReader]


class StreamFeed:
    """One camera's reader plus its mailbox. Not a QObject: it may outlive the wall in its thread."""

    def __init__(self, camera_id: str, address: StreamAddress, relay: FrameRelay, *, max_fps: float,
                 box: tuple[int, int], reader_factory: ReaderFactory = StreamReader) -> None:
        self.camera_id = camera_id
        self.token = next(_tokens)
        self._relay = relay
        self._lock = threading.Lock()
        self._in_flight = False
        self._newer: QImage | None = None
        self._closed = False
        self.reader = reader_factory(
            address, on_frame=self._on_frame, on_status=self._on_status, max_fps=max_fps, box=box,
            name=camera_id,
        )

    def start(self) -> None:
        self.reader.start()

    def close(self) -> None:
        """Stop without waiting: the reader notices, releases its capture and ends on its own."""
        self._closed = True
        self.reader.stop()
        with self._lock:
            self._newer = None

    @property
    def closed(self) -> bool:
        return self._closed

    def set_box(self, width: int, height: int) -> None:
        self.reader.set_box(width, height)

    def take_newer(self, delivered: QImage) -> QImage:
        """Called by the GUI with the frame the signal carried: returns the newest frame to show and
        lets the reader send the next one."""
        with self._lock:
            newer, self._newer = self._newer, None
            self._in_flight = False
        return newer if newer is not None else delivered

    # --- reader thread ------------------------------------------------------------------------

    def _on_frame(self, frame: np.ndarray, _stamp: float) -> None:
        if self._closed:
            return
        image = to_qimage(frame)
        with self._lock:
            if self._in_flight:
                self._newer = image
                return
            self._in_flight = True
        self._emit("frame", image)

    def _on_status(self, status: StreamStatus) -> None:
        if not self._closed:
            self._emit("status", status)

    def _emit(self, signal: str, payload: object) -> None:
        try:
            getattr(self._relay, signal).emit(self.token, payload)
        except RuntimeError:
            self._closed = True  # the wall is gone (deleted while we were reading): just wind down
            self.reader.stop()
