"""Small files the host keeps per user (which plugins are enabled, each plugin's settings, the crash
sentinel): written so that a crash or a full disk mid-write leaves the old file, never half a new one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Writes ``data`` to ``path`` through a temporary file in the same directory and a rename.
    ``durable``: also wait until the data is on the disk (an operating system crash or a power cut keeps
    it); without, a crash of the process still leaves the old file or the whole new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def set_aside(path: Path) -> Path:
    """Renames a damaged file to ``<name>.bad`` (replacing an older one) so that the next save does not
    overwrite what the user may want to look at or repair; returns the new path."""
    bad = path.with_name(path.name + ".bad")
    os.replace(path, bad)
    return bad
