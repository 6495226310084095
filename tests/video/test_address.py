from __future__ import annotations

import pytest

from dispatch_desktop.video.address import StreamAddress, StreamKind


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("rtsp://admin:pw@10.1.2.3:554/Streaming/Channels/101", StreamKind.RTSP,
         "rtsp://admin:pw@10.1.2.3:554/Streaming/Channels/101"),
        ("http://127.0.0.1:8080/video.mjpg", StreamKind.HTTP, "http://127.0.0.1:8080/video.mjpg"),
        ("file:///var/video/%E5%A4%A9%E6%B2%B3.avi", StreamKind.FILE, "/var/video/天河.avi"),
        ("/var/video/clip.avi", StreamKind.FILE, "/var/video/clip.avi"),
        (" 0 ", StreamKind.DEVICE, 0),
    ],
)
def test_every_kind_of_source_is_recognised(text: str, kind: StreamKind, target: object) -> None:
    address = StreamAddress.parse(text)
    assert (address.kind, address.target) == (kind, target)
    assert address.live is (kind is not StreamKind.FILE)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("ftp://host/x.avi", "unsupported"),
        ("rtsp:///nohost", "no host"),
        ("http://host:notaport/", "port"),
        ("file://otherhost/x.avi", "remote host"),
        ("1000", "out of range"),
    ],
)
def test_bad_addresses_say_what_is_wrong(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        StreamAddress.parse(text)
