"""Small files the desk keeps so that nothing typed is lost: written off the GUI thread, atomically.

A draft is saved as it is typed and the outbox whenever a command comes or goes. ``LatestWriter``
keeps only the newest content per file and writes it on a thread of its own, beside the target and then
renamed over it (so a kill -9 or a full disk leaves either the old file or the new one, never half of
one), with an fsync so a power cut does not take the rename back. The GUI thread only hands bytes over.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

Content = bytes | None  # None: remove the file


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


class LatestWriter:
    """Writes the newest content given for each path, in the background; ``flush`` waits for it.

    ``on_error(path, error)`` is called (on the writer's thread) when a write fails, so the desk can say
    that drafts are not being kept — a full disk must not pass unnoticed."""

    def __init__(self, on_error: Callable[[Path, OSError], None] | None = None) -> None:
        self._on_error = on_error
        self._pending: dict[Path, Content] = {}
        self._condition = threading.Condition()
        self._busy = False
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="dispatch-persist", daemon=True)
        self._thread.start()

    def put(self, path: Path, content: Content) -> None:
        with self._condition:
            if not self._closed:
                self._pending[path] = content
                self._condition.notify_all()
                return
        self._write(path, content)  # late (the desk is closing): written here and now, still not lost

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything handed over is on disk; False on timeout."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float = 5.0) -> None:
        self.flush(timeout)
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending or self._closed)
                if not self._pending and self._closed:
                    return
                path, content = next(iter(self._pending.items()))
                del self._pending[path]
                self._busy = True
            try:
                self._write(path, content)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()

    def _write(self, path: Path, content: Content) -> None:
        try:
            if content is None:
                remove(path)
            else:
                write_atomically(path, content)
        except OSError as error:
            log.error("could not write %s: %s", path, error)
            if self._on_error is not None:
                self._on_error(path, error)
