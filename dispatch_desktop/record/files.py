"""Writing an export so that it is either whole or absent: never half a file under the final name."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class ExportNotWritten(OSError):
    """The export could not be written where asked; nothing was left there."""


def write_atomically(path: str | os.PathLike[str], data: bytes | str) -> Path:
    """Writes ``data`` (text as UTF-8) to a hidden file beside ``path``, flushes it to the disk, then
    renames it over ``path``: a crash or a full disk leaves the old file or none, never a truncated one.
    Raises ``ExportNotWritten`` with a sentence naming the path and what to do."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if target.is_dir():
        raise ExportNotWritten(f"Cannot write the export to {target}: it is a folder. Give a file name in it.")
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
        temporary = ""
        _sync_folder(target.parent)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ExportNotWritten(
            f"Cannot write the export to {target}: {reason}. Choose a folder that exists, that you may write "
            "to and that has free space; nothing was written."
        ) from error
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return target


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself survive a power cut (POSIX; Windows has no folder handles to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
