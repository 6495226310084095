"""Whether a registry's stream address means a source the video wall can open.

Accepted, and why:

- ``rtsp://`` and ``rtsps://`` (TLS): what IP cameras and recorders (NVRs) serve their video over;
- ``http://`` and ``https://``: MJPEG cameras and video platforms that hand out HTTP(-MJPEG) or HLS;
- a video file: ``file:///…``, an absolute path, or a path relative to the CSV's folder (then stored as
  an absolute path, since the desk reading the registry does not know where the CSV was). A relative
  file must exist. An absolute one may be missing here: the file may be on the playing desk only, so it
  is taken with a note;
- a device number 0–99, the camera index OpenCV's ``VideoCapture`` opens.

The wall pulls each camera's video when it wants it. Other schemes are refused: ``rtmp://`` is a
camera pushing to a server, ``udp://`` / ``srt://`` need a sender aimed at this desk, ``ftp://`` holds
files, not streams. Qt-free.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from dispatch_desktop.video.address import MAX_DEVICE_INDEX, StreamAddress

URL_SCHEMES = ("rtsp", "rtsps", "http", "https")
EXPECTED = (f"expected an rtsp://, rtsps://, http:// or https:// URL, a video file (file:///…, an absolute path "
            f"or a path relative to the CSV's folder) or a device number 0–{MAX_DEVICE_INDEX}")

_INTEGER = re.compile(r"[+-]?[0-9]+")
_WINDOWS = re.compile(r"^(?:[A-Za-z]:[\\/]|\\\\)")
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*\.?")
_BARE_HOST = re.compile(r"^(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?$")  # 10.0.0.1 or 10.0.0.1:554 without a scheme


@dataclass(frozen=True)
class CheckedStream:
    text: str  # what to store
    note: str = ""  # taken, but worth telling the user


def check_stream(text: str, folder: Path) -> CheckedStream:
    """The address to store for ``text``, or ``ValueError`` saying what is wrong and what was expected.
    Relative paths are looked up in ``folder``."""
    raw = text.strip()
    if not raw:
        return CheckedStream("")  # no stream configured yet
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise ValueError(f"{raw!r} holds a control character (a tab or line break?); {EXPECTED}")
    if _INTEGER.fullmatch(raw):
        return _device(raw)
    if raw.isdigit():
        raise ValueError(f"{raw!r}: write a device number with the digits 0–9")
    if _WINDOWS.match(raw):
        raise ValueError(f"{raw} is a Windows path; give the file's path on the desk (e.g. /srv/video/a.mp4) "
                         "or a file:/// URL")
    scheme = urlsplit(raw).scheme.lower()
    if scheme in URL_SCHEMES:
        return _url(raw)
    if scheme == "file":
        path = Path(str(StreamAddress.parse(raw).target))
        if not path.is_absolute():
            raise ValueError(f"{raw} is a relative file URL; write file:///absolute/path")
        return _file(path, raw, raw)
    if "://" in raw:
        raise ValueError(f"{scheme}:// is not a source the wall can pull video from; {EXPECTED}")
    try:
        path = Path(raw).expanduser()
    except RuntimeError:  # ~someone who has no home here
        raise ValueError(f"{raw}: no such user's home folder on this machine; give an absolute path") from None
    if path.is_absolute():
        return _file(path, raw, raw)
    found = Path(os.path.normpath(folder.absolute() / path))
    if not _exists(found):
        if _BARE_HOST.match(raw.split("/", 1)[0]):
            raise ValueError(f"{raw} is not a file in the CSV's folder; a camera's address needs its scheme, "
                             f"e.g. rtsp://{raw}")
        raise ValueError(f"no file {found} (a relative path is looked up in the CSV's folder); {EXPECTED}")
    return _file(found, raw, str(found))


def _device(raw: str) -> CheckedStream:
    index = int(raw)
    if index < 0:
        raise ValueError(f"device number {raw} is negative: OpenCV numbers a machine's cameras 0, 1, 2 …; "
                         f"{EXPECTED}")
    if index > MAX_DEVICE_INDEX:
        raise ValueError(f"device number {index} is out of range 0–{MAX_DEVICE_INDEX}; {EXPECTED}")
    return CheckedStream(str(index))


def _url(raw: str) -> CheckedStream:
    if any(c.isspace() for c in raw):
        raise ValueError(f"the URL {raw!r} holds a space; write it as %20")
    parts = urlsplit(raw)
    try:
        StreamAddress.parse(raw)  # a host, and a port that is a number
    except ValueError as error:
        raise ValueError(f"{error}; expected {parts.scheme}://host[:port]/path") from None
    host = parts.hostname or ""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        if not _HOSTNAME.fullmatch(host):
            raise ValueError(f"{host!r} in {raw} is neither an IP address nor a host name") from None
    return CheckedStream(raw)


def _file(path: Path, raw: str, stored: str) -> CheckedStream:
    if raw.endswith(("/", "\\")) or (_exists(path) and path.is_dir()):
        raise ValueError(f"{path} is a folder; give the video file in it")
    if _exists(path):
        return CheckedStream(stored)
    return CheckedStream(stored, f"{path} is not on this machine; taken, since the desk that plays it may have it")


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError as error:  # a name too long, a folder we may not look into
        raise ValueError(f"cannot look at {path}: {error.strerror}") from None
