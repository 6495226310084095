"""Attachment bytes, content-addressed on disk beside the event store.

Units upload an attachment in chunks (``UPLOAD`` messages, each at most ``MAX_CHUNK`` bytes, in order)
before they report the field record that lists it. The partial file grows in ``partial/``; when it
reaches the announced size its SHA-256 is checked and it moves to ``<aa>/<sha256>``. A chunk at the
wrong offset is refused with the offset to resume from, so an upload survives a dropped connection or
a hub restart. The event log stores only the fingerprint (``Attachment``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections import OrderedDict
from pathlib import Path

from dispatch_desktop.bus.protocol import BusError

_HASHERS_KEPT = 64  # uploads in progress with an in-memory hash; others are re-hashed from disk


class BlobStore:
    def __init__(self, root: Path | str, *, abandon_after: float = 86_400.0) -> None:
        self.root = Path(root)
        self.partial = self.root / "partial"
        self.partial.mkdir(parents=True, exist_ok=True)
        self._hashers: OrderedDict[str, tuple[int, hashlib._Hash]] = OrderedDict()
        self._prune(abandon_after)

    def _prune(self, abandon_after: float) -> None:
        """Forget uploads nobody has continued for a day: a unit that lost its file never will."""
        limit = time.time() - abandon_after
        for part in self.partial.iterdir():
            with contextlib.suppress(OSError):
                if part.stat().st_mtime < limit:
                    part.unlink()

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str, size: int) -> bool:
        try:
            return self.path(sha256).stat().st_size == size
        except FileNotFoundError:
            return False

    def receive(self, sha256: str, size: int, offset: int, chunk: bytes) -> tuple[int, bool]:
        """Store one chunk; returns (bytes received so far, complete). Raises ``BusError``."""
        if self.has(sha256, size):
            return size, True
        part = self.partial / f"{sha256}.{size}"
        have = part.stat().st_size if part.exists() else 0
        if offset != have or offset + len(chunk) > size or (not chunk and size > 0):
            raise BusError("upload_offset", sha256=sha256, expected=have, offset=offset)
        hasher = self._hasher(sha256, size, part, have)
        with open(part, "ab") as handle:
            handle.write(chunk)
        hasher.update(chunk)
        self._hashers[f"{sha256}.{size}"] = (have + len(chunk), hasher)
        received = have + len(chunk)
        if received < size:
            return received, False
        self._hashers.pop(f"{sha256}.{size}", None)
        if hasher.hexdigest() != sha256:
            part.unlink(missing_ok=True)
            raise BusError("upload_mismatch", sha256=sha256, size=size)
        with open(part, "rb+") as handle:  # evidence: on disk before the unit is told it may forget it
            os.fsync(handle.fileno())
        final = self.path(sha256)
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
        return size, True

    def _hasher(self, sha256: str, size: int, part: Path, have: int) -> hashlib._Hash:
        key = f"{sha256}.{size}"
        cached = self._hashers.pop(key, None)
        if cached is not None and cached[0] == have:
            return cached[1]
        hasher = hashlib.sha256()
        if have:
            with open(part, "rb") as handle:
                while block := handle.read(1 << 20):
                    hasher.update(block)
        while len(self._hashers) >= _HASHERS_KEPT:
            self._hashers.popitem(last=False)
        return hasher
