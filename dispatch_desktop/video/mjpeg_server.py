"""A small HTTP-MJPEG camera for tests and the demo: ``multipart/x-mixed-replace`` JPEG frames.

The server binds 127.0.0.1 on a random port (or a given one), serves every client its own paced
stream, and can be stopped and started again on the same port (``SO_REUSEADDR``) — which is how the
tests make a camera drop out and come back. Stopping closes the client connections too, so a reader
sees the stream end at once, as when a real camera loses power.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import threading
import time
from collections.abc import Callable, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import BufferedIOBase
from pathlib import Path
from typing import Self

import cv2
import numpy as np

from dispatch_desktop.video.clips import render_frame

BOUNDARY = "frame"

FrameSource = Callable[[int], bytes]
"""Returns the JPEG bytes of frame ``n`` (n counts up from 0 for each client)."""


def encode_jpeg(frame: np.ndarray, quality: int = 80) -> bytes:
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("OpenCV could not encode the frame as JPEG")
    return data.tobytes()


def clip_frames(path: Path, quality: int = 80) -> FrameSource:
    """Frames of a video file, looping; the file is decoded and re-encoded once, up front."""
    capture = cv2.VideoCapture(str(path))
    frames: list[bytes] = []
    try:
        while True:
            ok, frame = capture.read()
            if not ok:
                break
            frames.append(encode_jpeg(frame, quality))
    finally:
        capture.release()
    if not frames:
        raise ValueError(f"no frames could be read from {path}")
    return lambda n: frames[n % len(frames)]


def generated_frames(
    label: str, *, width: int = 640, height: int = 360, fps: float = 12.0, variant: int = 0, quality: int = 80
) -> FrameSource:
    """Synthetic street frames drawn on demand, with the current wall-clock time burned in."""

    def frame(n: int) -> bytes:
        image = render_frame(
            n, label=label, width=width, height=height, fps=fps, variant=variant, clock=dt.datetime.now()
        )
        return encode_jpeg(image, quality)

    return frame


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, address: tuple[str, int], owner: MjpegServer) -> None:
        self.owner = owner
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        owner = self.server.owner
        self.send_response(200)
        self.send_header("Content-Type", f"multipart/x-mixed-replace; boundary={BOUNDARY}")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        self.end_headers()
        owner._track(self.connection, add=True)
        try:
            owner._stream_to(self.wfile)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client went away (or we closed its socket while stopping)
        finally:
            owner._track(self.connection, add=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # a test camera has nothing worth logging per request


class MjpegServer:
    """Serves ``frames`` at ``fps`` on ``http://127.0.0.1:<port>/``.

    ``start()`` binds (port 0 picks a free one, kept for later restarts); ``stop()`` closes the listening
    socket and every client connection and waits for the server threads; ``start()`` again reopens the
    same port. Also a context manager.
    """

    def __init__(self, frames: FrameSource | Sequence[bytes], *, fps: float = 12.0, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        if fps <= 0:
            raise ValueError(f"fps must be positive, not {fps}")
        if not callable(frames):
            stored = list(frames)
            if not stored:
                raise ValueError("an MJPEG server needs at least one frame")
            frames = lambda n: stored[n % len(stored)]  # noqa: E731 - a one-line adapter
        self._frames: FrameSource = frames
        self.fps = fps
        self.host = host
        self.port = port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._clients: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.frames_sent = 0

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    @property
    def running(self) -> bool:
        return self._server is not None

    def start(self) -> Self:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((self.host, self.port), self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name=f"mjpeg:{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        server.shutdown()
        server.server_close()
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)
        if thread is not None:
            thread.join()
        self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- used by the handler threads ----------------------------------------------------------

    def _track(self, connection: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._clients.add(connection)
            else:
                self._clients.discard(connection)

    def _stream_to(self, out: BufferedIOBase) -> None:
        period = 1.0 / self.fps
        deadline = time.monotonic()
        n = 0
        write = out.write
        flush = out.flush
        while not self._stopping.is_set():
            jpeg = self._frames(n)
            write(
                f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(jpeg)}\r\n\r\n".encode("ascii")
                + jpeg
                + b"\r\n"
            )
            flush()
            with self._lock:
                self.frames_sent += 1
            n += 1
            deadline += period
            delay = deadline - time.monotonic()
            if delay < -period:
                deadline = time.monotonic()  # a slow client: don't burst to catch up
            elif delay > 0 and self._stopping.wait(delay):
                return
