from __future__ import annotations

import hashlib
from pathlib import Path

import cv2
import msgspec
import numpy as np
import pytest

from dispatch_desktop.bus.blobs import BlobStore
from dispatch_desktop.domain.events import Attachment, IncidentNote
from dispatch_desktop.video.clips import render_frame
from dispatch_desktop.video.snapshot import save_snapshot, snapshot_note


def test_a_snapshot_is_stored_by_its_fingerprint_and_recorded_as_a_note(tmp_path: Path) -> None:
    frame = render_frame(5, label="GZ-CAM 05", variant=5)
    snap = save_snapshot(frame, tmp_path / "blobs", taken_at=1_714_527_000.0)
    data = snap.path.read_bytes()
    assert snap.path == tmp_path / "blobs" / snap.sha256[:2] / snap.sha256  # the hub's blob layout
    assert hashlib.sha256(data).hexdigest() == snap.sha256
    assert BlobStore(tmp_path / "blobs").has(snap.sha256, snap.size)
    assert snap.size == len(data)
    assert cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR).shape == frame.shape
    body = snapshot_note("INC-20240501-0007", snap, camera_id="GZ-0001", camera_name="天河路口东")
    assert isinstance(body, IncidentNote) and body.incident == "INC-20240501-0007"
    assert "天河路口东" in body.text and "GZ-0001" in body.text and snap.sha256 in body.text
    assert snap.attachment() == Attachment(sha256=snap.sha256, mime="image/jpeg", size=snap.size,
                                           name=f"{snap.sha256[:12]}.jpg")
    msgspec.json.decode(msgspec.json.encode(snap.attachment()), type=Attachment)  # valid on the wire


def test_the_same_picture_is_stored_once(tmp_path: Path) -> None:
    frame = render_frame(0, label="x")
    first = save_snapshot(frame, tmp_path, taken_at=0.0)
    second = save_snapshot(frame, tmp_path, taken_at=1.0)
    assert first.path == second.path and [p for p in tmp_path.rglob("*") if p.is_file()] == [first.path]


def test_a_note_that_would_be_refused_on_the_wire_is_caught_early(tmp_path: Path) -> None:
    snap = save_snapshot(render_frame(0, label="x"), tmp_path, taken_at=0.0)
    with pytest.raises(ValueError, match="not valid"):
        snapshot_note("bad id with spaces", snap, camera_id="c", camera_name="n")
    with pytest.raises(ValueError, match="not an image"):
        save_snapshot(np.zeros((0, 0, 3), np.uint8), tmp_path, taken_at=0.0)
