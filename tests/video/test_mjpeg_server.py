from __future__ import annotations

import socket
from pathlib import Path

import cv2
import numpy as np

from dispatch_desktop.video.mjpeg_server import MjpegServer, clip_frames


def _get(port: int) -> socket.socket:
    client = socket.create_connection(("127.0.0.1", port), timeout=5)
    client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    return client


def _read_until(client: socket.socket, marker: bytes, buffer: bytes = b"") -> bytes:
    while marker not in buffer:
        chunk = client.recv(65536)
        assert chunk, "the server closed the stream early"
        buffer += chunk
    return buffer


def test_serves_multipart_jpeg_frames_of_a_clip(clips: list[Path]) -> None:
    with MjpegServer(clip_frames(clips[0]), fps=25) as server, _get(server.port) as client:
        data = _read_until(client, b"--frame", _read_until(client, b"\r\n\r\n"))
        head, _, rest = data.partition(b"\r\n\r\n")
        assert b"200 OK" in head and b"multipart/x-mixed-replace; boundary=frame" in head
        part = _read_until(client, b"\r\n--frame", rest)
        headers, _, body = part.split(b"--frame\r\n", 1)[1].partition(b"\r\n\r\n")
        length = int(headers.split(b"Content-Length: ")[1].split(b"\r\n")[0])
        image = cv2.imdecode(np.frombuffer(body[:length], np.uint8), cv2.IMREAD_COLOR)
        assert image.shape == (180, 320, 3)


def test_stopping_cuts_the_viewers_off_and_restarting_reuses_the_port(clips: list[Path]) -> None:
    server = MjpegServer(clip_frames(clips[1]), fps=25).start()
    try:
        port = server.port
        client = _get(port)
        _read_until(client, b"--frame")
        server.stop()
        client.settimeout(5)
        while client.recv(65536):  # drains what was in flight, then sees the end of the stream
            pass
        client.close()
        server.start()
        assert server.port == port
        with _get(port) as again:
            _read_until(again, b"--frame")
    finally:
        server.stop()
