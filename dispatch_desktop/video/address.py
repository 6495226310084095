"""Where a camera's video comes from: an RTSP or HTTP(-MJPEG) URL, a file, or a local device number."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

if TYPE_CHECKING:
    import cv2

MAX_DEVICE_INDEX = 99


class StreamKind(enum.StrEnum):
    RTSP = "rtsp"
    HTTP = "http"
    FILE = "file"
    DEVICE = "device"


@dataclass(frozen=True)
class StreamAddress:
    kind: StreamKind
    target: str | int  # URL, file path or device index, as OpenCV takes it
    text: str  # as written in the registry

    @property
    def live(self) -> bool:
        """A live source runs at its own pace; a file is paced by the reader and loops."""
        return self.kind is not StreamKind.FILE

    @classmethod
    def parse(cls, text: str) -> StreamAddress:
        """Parse a registry entry; raises ``ValueError`` saying what is wrong."""
        raw = text.strip()
        if not raw:
            raise ValueError("the stream address is empty")
        if raw.isdigit():
            index = int(raw)
            if index > MAX_DEVICE_INDEX:
                raise ValueError(f"device number {index} is out of range 0–{MAX_DEVICE_INDEX}")
            return cls(StreamKind.DEVICE, index, raw)
        parts = urlsplit(raw)
        scheme = parts.scheme.lower()
        if scheme in ("rtsp", "rtsps", "http", "https"):
            if not parts.hostname:
                raise ValueError(f"the {scheme} address {raw!r} has no host")
            try:
                parts.port  # noqa: B018 - raises ValueError for a malformed port
            except ValueError:
                raise ValueError(f"the {scheme} address {raw!r} has a malformed port") from None
            kind = StreamKind.RTSP if scheme.startswith("rtsp") else StreamKind.HTTP
            return cls(kind, raw, raw)
        if scheme == "file":
            if parts.netloc not in ("", "localhost"):
                raise ValueError(f"file address {raw!r} names a remote host; only local files can be read")
            path = url2pathname(unquote(parts.path))
            if not path:
                raise ValueError(f"file address {raw!r} has no path")
            return cls(StreamKind.FILE, path, raw)
        if scheme == "" or len(scheme) == 1:  # a plain path (a single letter is a Windows drive)
            return cls(StreamKind.FILE, str(Path(raw).expanduser()), raw)
        raise ValueError(
            f"unsupported stream address {raw!r}: use rtsp://, http(s)://, file://, a file path or a device number"
        )


def open_capture(address: StreamAddress, open_timeout_s: float, read_timeout_s: float) -> cv2.VideoCapture:
    """Open the source. Network sources get open and read timeouts so a dead camera cannot hang the
    reader thread: without them FFmpeg waits on an unanswered connection for minutes."""
    import cv2  # here, not at the top: parsing addresses (the CSV import, the store) needs no OpenCV

    if address.kind is StreamKind.DEVICE:
        return cv2.VideoCapture(int(address.target))
    if address.kind is StreamKind.FILE:
        return cv2.VideoCapture(str(address.target), cv2.CAP_FFMPEG)
    params = [
        cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, max(1, int(open_timeout_s * 1000)),
        cv2.CAP_PROP_READ_TIMEOUT_MSEC, max(1, int(read_timeout_s * 1000)),
    ]
    return cv2.VideoCapture(str(address.target), cv2.CAP_FFMPEG, params)
