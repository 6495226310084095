from __future__ import annotations

from pathlib import Path

import cv2
import pytest

from dispatch_desktop.city.cameras import stream_template
from dispatch_desktop.domain.city import Camera
from dispatch_desktop.video.address import StreamAddress
from dispatch_desktop.video.clips import ClipSpec, demo_stream_template, demo_stream_urls, ensure_clips, main


def test_clips_have_the_requested_shape_and_loop_length(clips: list[Path]) -> None:
    assert len(clips) == 3
    capture = cv2.VideoCapture(str(clips[0]))
    try:
        assert capture.get(cv2.CAP_PROP_FPS) == pytest.approx(12.0)
        assert int(capture.get(cv2.CAP_PROP_FRAME_COUNT)) == 24
        ok, frame = capture.read()
        assert ok and frame.shape == (180, 320, 3)
    finally:
        capture.release()


def test_clips_are_generated_once_and_reused(tmp_path: Path) -> None:
    spec = ClipSpec(count=2, width=160, height=90, fps=10.0, seconds=0.5)
    first = ensure_clips(tmp_path, spec)
    stamps = [p.stat().st_mtime_ns for p in first]
    assert ensure_clips(tmp_path, spec) == first
    assert [p.stat().st_mtime_ns for p in first] == stamps
    # Asked for something else (or a clip went missing): written again.
    first[1].unlink()
    assert ensure_clips(tmp_path, spec)[1].exists()
    bigger = ensure_clips(tmp_path, ClipSpec(count=3, width=160, height=90, fps=10.0, seconds=0.5))
    assert len(bigger) == 3


def test_stream_urls_are_file_urls(clips: list[Path]) -> None:
    urls = demo_stream_urls(clips)
    assert all(u.startswith("file:///") for u in urls) and len(set(urls)) == len(clips)


def test_bad_specs_are_refused_with_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(ValueError, match="count"):
        ClipSpec(count=0)
    assert main(["--dir", str(tmp_path), "--seconds", "0"]) == 1
    assert "clip length" in capsys.readouterr().err


def test_the_city_generator_cycles_its_cameras_over_the_clips(clips: list[Path]) -> None:
    template = demo_stream_template(clips[0].parent)
    url_for = stream_template(template, clips=len(clips))
    cams = [Camera(id=f"C{i}", name="", district="", station="", lat=23.1, lon=113.3) for i in range(5)]
    files = [StreamAddress.parse(url_for(i, cam)).target for i, cam in enumerate(cams)]
    assert files == [str(clips[i % 3]) for i in range(5)]


def test_a_smaller_set_replaces_a_larger_one(tmp_path: Path) -> None:
    ensure_clips(tmp_path, ClipSpec(count=3, width=160, height=90, fps=10.0, seconds=0.5))
    fewer = ensure_clips(tmp_path, ClipSpec(count=2, width=160, height=90, fps=10.0, seconds=0.5))
    assert sorted(tmp_path.glob("clip_*")) == fewer
