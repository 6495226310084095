"""A registry's stream address must mean a source the wall can open; a refusal says what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.video.address import StreamAddress
from dispatch_desktop.video.stream_check import check_stream


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ftp://host/x.avi", "ftp:// is not a source the wall can pull video from; expected an rtsp://"),
        ("rtmp://live.example/app/key", "rtmp:// is not a source"),
        ("rtsp:///Streaming/101", "has no host"),
        ("http://cam.example:http/", "malformed port"),
        ("rtsp://10.0.0.1/ch 1", "holds a space"),
        ("rtsp://cam!01/ch1", "neither an IP address nor a host name"),
        ("-1", "device number -1 is negative"),
        ("100", "device number 100 is out of range 0–99"),
        ("C:\\video\\a.avi", "is a Windows path"),
        ("10.0.0.1:554/ch1", "needs its scheme, e.g. rtsp://10.0.0.1:554/ch1"),
        ("camera one", "a relative path is looked up in the CSV's folder); expected an rtsp://"),
        ("file:clip.avi", "relative file URL"),
        ("file://nas/clip.avi", "names a remote host"),
        ("rtsp://10.0.0.1/\tch1", "control character"),
    ],
)
def test_an_address_that_means_nothing_the_wall_can_open_is_refused(text: str, words: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError) as refused:
        check_stream(text, tmp_path)
    assert words in str(refused.value)


def test_network_addresses_and_device_numbers_are_taken_as_written(tmp_path: Path) -> None:
    for text in ("rtsp://admin:pw@10.1.2.3:554/Streaming/Channels/101", "rtsps://nvr-3.tianhe.gz/live",
                 "http://127.0.0.1:8080/video.mjpg", "https://[::1]:8443/hls/cam.m3u8"):
        assert check_stream(text, tmp_path).text == text
    assert check_stream(" 0 ", tmp_path).text == "0"
    assert check_stream("+2", tmp_path).text == "2"  # as OpenCV's VideoCapture(2) takes it
    assert check_stream("", tmp_path).text == ""  # no stream configured yet


def test_a_relative_path_must_exist_beside_the_csv_and_is_stored_absolute(tmp_path: Path) -> None:
    (tmp_path / "clips").mkdir()
    clip = tmp_path / "clips" / "天河.avi"
    clip.write_bytes(b"x")
    checked = check_stream("clips/天河.avi", tmp_path)
    assert checked.text == str(clip) and checked.note == ""
    assert StreamAddress.parse(checked.text).target == str(clip)  # the desk opens it wherever it runs
    with pytest.raises(ValueError, match=f"no file {tmp_path}/clips/missing.avi"):
        check_stream("clips/missing.avi", tmp_path)
    with pytest.raises(ValueError, match="is a folder"):
        check_stream("clips", tmp_path)


def test_an_absolute_file_elsewhere_is_taken_with_a_note(tmp_path: Path) -> None:
    clip = tmp_path / "a.avi"
    clip.write_bytes(b"x")
    assert check_stream(clip.as_uri(), Path("/")) == check_stream(clip.as_uri(), tmp_path)
    assert check_stream(clip.as_uri(), tmp_path).note == ""
    missing = check_stream("/srv/video/没有.avi", tmp_path)
    assert missing.text == "/srv/video/没有.avi"
    assert "not on this machine" in missing.note
    with pytest.raises(ValueError, match="is a folder"):
        check_stream("/srv/video/", tmp_path)
