"""Readers against real sources: an HTTP-MJPEG server on 127.0.0.1 and MJPG files."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from dispatch_desktop.video.address import StreamAddress
from dispatch_desktop.video.mjpeg_server import MjpegServer, generated_frames
from dispatch_desktop.video.stream import StreamReader, StreamState, StreamStatus, fit_frame, fit_size


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


class Recorder:
    """Collects what a reader reports, as the wall would."""

    def __init__(self) -> None:
        self.statuses: list[StreamStatus] = []
        self.shapes: list[tuple[int, ...]] = []
        self.lock = threading.Lock()

    def frame(self, frame: np.ndarray, _stamp: float) -> None:
        with self.lock:
            self.shapes.append(frame.shape)

    def status(self, status: StreamStatus) -> None:
        with self.lock:
            self.statuses.append(status)

    @property
    def state(self) -> StreamState | None:
        return self.statuses[-1].state if self.statuses else None


@pytest.fixture
def reader_for() -> Iterator[Callable[..., tuple[StreamReader, Recorder]]]:
    readers: list[StreamReader] = []

    def make(address: str, **options: object) -> tuple[StreamReader, Recorder]:
        recorder = Recorder()
        reader = StreamReader(StreamAddress.parse(address), on_frame=recorder.frame, on_status=recorder.status,
                              **options)
        readers.append(reader)
        reader.start()
        return reader, recorder

    yield make
    for reader in readers:
        reader.stop()
    for reader in readers:
        assert reader.join(5.0), "a reader thread did not end"


def test_a_dropped_stream_goes_offline_and_comes_back_after_the_camera_returns(reader_for) -> None:
    with MjpegServer(generated_frames("T", width=320, height=180), fps=15) as server:
        reader, seen = reader_for(server.url, box=(160, 90))
        assert wait_for(lambda: seen.state is StreamState.LIVE and len(seen.shapes) > 3, 5.0)
        assert seen.statuses[0].state is StreamState.CONNECTING
        assert seen.shapes[-1] == (90, 160, 3)  # shrunk in the reader thread
        port = server.port
        server.stop()
        assert wait_for(lambda: seen.state is StreamState.OFFLINE, 5.0)
        lost = seen.statuses[-1]
        assert lost.detail == "stream ended"
        time.sleep(1.0)
        assert seen.state is StreamState.OFFLINE and seen.statuses[-1].since == lost.since  # one outage
        server.start()
        assert server.port == port
        frames_before = len(seen.shapes)
        assert wait_for(lambda: seen.state is StreamState.LIVE, 5.0), "not live again within 5 s"
        assert wait_for(lambda: len(seen.shapes) > frames_before, 1.0)
        assert reader.reconnects >= 1


def test_a_file_is_paced_and_loops(reader_for, clips: list[Path]) -> None:
    reader, seen = reader_for(str(clips[0]), box=(640, 360))
    assert wait_for(lambda: reader.frames_delivered > 30, 6.0)  # the clip has 24 frames
    assert seen.state is StreamState.LIVE
    assert seen.shapes[0] == (360, 640, 3)  # fitted to the box, aspect kept


def test_the_frame_rate_cap_drops_frames_instead_of_delivering_them(reader_for) -> None:
    with MjpegServer(generated_frames("T", width=160, height=90), fps=30) as server:
        reader, _ = reader_for(server.url, max_fps=8.0)
        assert wait_for(lambda: reader.frames_read >= 45, 6.0)
        assert reader.frames_delivered < reader.frames_read * 0.5


def test_an_unreachable_camera_is_offline_and_retried(reader_for, tmp_path: Path) -> None:
    reader, seen = reader_for(str(tmp_path / "missing.avi"), backoff=(0.05,))
    assert wait_for(lambda: reader.reconnects >= 3, 5.0)
    assert seen.state is StreamState.OFFLINE and seen.statuses[-1].detail == "cannot open"
    assert [s.state for s in seen.statuses] == [StreamState.CONNECTING, StreamState.OFFLINE]


def test_stopping_never_waits_for_a_hanging_camera(reader_for) -> None:
    # A camera that accepts the connection and never answers: the open hangs until its timeout.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        reader, seen = reader_for(f"http://127.0.0.1:{silent.getsockname()[1]}/", open_timeout_s=1.5)
        time.sleep(0.2)
        reader.stop()
        assert reader.alive  # stop() returned while the thread is still stuck in the open
        assert reader.join(5.0)  # … which the timeout ends
        assert seen.state is not StreamState.LIVE


def test_frames_fill_the_tile_with_their_aspect_ratio_kept() -> None:
    assert fit_size(640, 360, (320, 320)) == (320, 180)
    assert fit_size(640, 360, (1920, 1200)) == (1920, 1080)
    assert fit_size(360, 640, (200, 200)) == (112, 200)
    frame = np.zeros((360, 640, 3), np.uint8)
    for box, shape in (((300, 300), (169, 300, 3)), ((160, 90), (90, 160, 3)), ((1280, 800), (720, 1280, 3))):
        assert fit_frame(frame, box).shape == shape
    assert fit_frame(frame, (640, 360)) is frame
