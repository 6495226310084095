"""Snapshots from the wall: a frame stored beside the database, and the event body that records it.

The image goes into the attachment blob directory, named by the SHA-256 of its bytes (the same
picture taken twice is stored once, and the name proves the content), in the hub's layout
(``bus.blobs.BlobStore``: ``<root>/<first two hex digits>/<sha256>``), so a hub sharing the directory
already holds it. The event log keeps only the fingerprint.

Taking a snapshot is a dispatcher's action on an incident, so it is recorded as an ``IncidentNote``
command the caller sends through the workstation client (the hub decides whether to accept it); the
matching ``Attachment`` record is returned too for any consumer that keeps file lists.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import cv2
import msgspec
import numpy as np

from dispatch_desktop.bus.blobs import BlobStore
from dispatch_desktop.domain import localtime
from dispatch_desktop.domain.events import Attachment, IncidentNote
from dispatch_desktop.paths import data_dir

BLOB_DIR_NAME = "blobs"
MIME = "image/jpeg"
NOTE_TEMPLATE = "Video snapshot: {camera_name} ({camera_id}) at {time}, sha256 {sha256}"
"""Placeholders: camera_name, camera_id, time (local, YYYY-MM-DD hh:mm:ss), sha256, file."""


def blob_dir() -> Path:
    """The default blob directory. The hub keeps a SQLite store's blobs beside the database file
    (``paths.blob_dir_for``); pass that directory to the wall when the desk and hub share it."""
    path = data_dir() / BLOB_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Snapshot:
    path: Path
    sha256: str
    size: int
    taken_at: float  # epoch seconds

    def attachment(self, name: str = "") -> Attachment:
        return Attachment(sha256=self.sha256, mime=MIME, size=self.size, name=name or f"{self.sha256[:12]}.jpg")


def encode_jpeg(frame: np.ndarray, quality: int = 92) -> bytes:
    ok, data = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError("the frame could not be encoded as JPEG")
    return data.tobytes()


def store_blob(data: bytes, directory: Path) -> tuple[Path, str]:
    """Write ``data`` under its SHA-256 in the blob directory ``directory`` (atomically; once)."""
    sha = hashlib.sha256(data).hexdigest()
    path = BlobStore(directory).path(sha)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{sha}.{os.getpid()}.partial")
        partial.write_bytes(data)
        os.replace(partial, path)
    return path, sha


def save_snapshot(frame: np.ndarray, directory: Path, *, taken_at: float, quality: int = 92) -> Snapshot:
    """Encode a BGR frame as JPEG and store it by its fingerprint."""
    if frame.ndim not in (2, 3) or frame.size == 0:
        raise ValueError(f"not an image: array of shape {frame.shape}")
    data = encode_jpeg(frame, quality)
    path, sha = store_blob(data, directory)
    return Snapshot(path=path, sha256=sha, size=len(data), taken_at=taken_at)


def snapshot_note(
    incident_id: str,
    snapshot: Snapshot,
    *,
    camera_id: str,
    camera_name: str,
    template: str = NOTE_TEMPLATE,
) -> IncidentNote:
    """The ``IncidentNote`` recording the snapshot; raises ``ValueError`` if it would not be a valid
    event (bad incident id, text too long), so the caller learns it before sending."""
    text = template.format(
        camera_name=camera_name,
        camera_id=camera_id,
        time=localtime.date_time_text(int(snapshot.taken_at * 1000)),
        sha256=snapshot.sha256,
        file=snapshot.path.name,
    )
    body = IncidentNote(incident=incident_id, text=text, attachments=(snapshot.attachment(),))
    try:  # msgspec checks constraints when decoding, not when constructing: round-trip to check now
        msgspec.json.decode(msgspec.json.encode(body), type=IncidentNote)
    except msgspec.ValidationError as error:
        raise ValueError(f"snapshot note for incident {incident_id!r} is not valid: {error}") from None
    return body
