"""Attachment uploads: chunks in order, verified by SHA-256 and size, resumable."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from dispatch_desktop.bus.blobs import BlobStore
from dispatch_desktop.bus.protocol import BusError


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_a_chunked_upload_is_verified_and_kept_under_its_hash(tmp_path: Path) -> None:
    data = os.urandom(100_000)
    blobs = BlobStore(tmp_path)
    sha = _digest(data)
    assert blobs.receive(sha, len(data), 0, data[:40_000]) == (40_000, False)
    assert not blobs.has(sha, len(data))
    assert blobs.receive(sha, len(data), 40_000, data[40_000:]) == (100_000, True)
    assert blobs.has(sha, len(data)) and blobs.path(sha).read_bytes() == data
    assert blobs.receive(sha, len(data), 0, data[:10]) == (100_000, True)  # already there: done


def test_a_chunk_at_the_wrong_offset_says_where_to_resume(tmp_path: Path) -> None:
    data = os.urandom(1000)
    blobs = BlobStore(tmp_path)
    blobs.receive(_digest(data), 1000, 0, data[:300])
    with pytest.raises(BusError) as raised:
        blobs.receive(_digest(data), 1000, 600, data[600:])
    assert raised.value.code == "upload_offset" and raised.value.params["expected"] == "300"
    # a new BlobStore (the hub restarted) resumes from the partial file
    assert BlobStore(tmp_path).receive(_digest(data), 1000, 300, data[300:]) == (1000, True)


def test_bytes_that_do_not_match_the_hash_are_discarded(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    claimed = _digest(b"the real photo")
    with pytest.raises(BusError) as raised:
        blobs.receive(claimed, 5, 0, b"fake!")
    assert raised.value.code == "upload_mismatch"
    assert not blobs.has(claimed, 5)
    assert blobs.receive(claimed, 14, 0, b"the real photo") == (14, True)


def test_a_chunk_beyond_the_announced_size_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BusError) as raised:
        BlobStore(tmp_path).receive(_digest(b"abc"), 3, 0, b"abcdef")
    assert raised.value.code == "upload_offset"


def test_abandoned_partial_uploads_are_cleared_at_start(tmp_path: Path) -> None:
    blobs = BlobStore(tmp_path)
    blobs.receive(_digest(b"abcdef"), 6, 0, b"abc")
    part = next(blobs.partial.iterdir())
    os.utime(part, (0, 0))  # untouched for decades
    BlobStore(tmp_path)
    assert not part.exists()
