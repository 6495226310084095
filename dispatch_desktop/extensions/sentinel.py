"""The crash sentinel (QGIS's habit): before activating each plugin the desk writes that plugin's id to a
file in the user's state dir (``arm``), and removes the file once the desk has started cleanly
(``disarm``). A file found at the next start (``left_by_last_run``) names the plugin that was being
activated when the process died: a segfault in an extension module, a kill after a hang. That plugin is
then disabled with ``state.CRASHED_MESSAGE`` (``status.start_plugins`` does it).

The functions take the directory for tests; by default it is ``paths.state_dir()``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from dispatch_desktop.extensions import paths
from dispatch_desktop.extensions.files import write_atomically
from dispatch_desktop.extensions.manifest import PLUGIN_ID

log = logging.getLogger(__name__)

SENTINEL_FILE = "plugin-starting"


def _path(directory: Path | None) -> Path:
    return (directory if directory is not None else paths.state_dir()) / SENTINEL_FILE


def arm(plugin_id: str, directory: Path | None = None) -> None:
    """Records that ``plugin_id`` is being activated now (replacing the previous one). OSError if the
    state dir cannot be written; the desk may go on without the protection."""
    # Not durable: the sentinel guards against the desk's process dying, after which the page cache still
    # holds the file; waiting for the disk once per plugin would slow every start.
    write_atomically(_path(directory), plugin_id.encode() + b"\n", durable=False)


class Sentinel:
    """The sentinel kept open for a whole start-up: ``arm`` rewrites the open file in place (one system
    call, no new file per plugin), ``disarm`` removes it. A write of a few bytes is never seen half done
    after the process dies; a start that dies before the first ``arm`` leaves no file."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = _path(directory)
        self._fd: int | None = None

    def arm(self, plugin_id: str) -> None:
        """As the module's ``arm``; OSError if the state dir cannot be written."""
        if self._fd is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        data = plugin_id.encode() + b"\n"
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, data, 0)

    def disarm(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        disarm(self.path.parent)


def disarm(directory: Path | None = None) -> None:
    """The desk started cleanly: no plugin is to blame at the next start."""
    path = _path(directory)
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as error:  # the next start would blame the last plugin activated: say why
        log.warning("cannot remove the crash sentinel %s: %s", path, error)


def left_by_last_run(directory: Path | None = None) -> str | None:
    """The plugin that was being activated when the last run ended, None after a clean start."""
    path = _path(directory)
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("cannot read the crash sentinel %s: %s", path, error)
        return None
    if not PLUGIN_ID.match(text):  # not ours (or cut short by a full disk): blame no one
        log.warning("the crash sentinel %s holds %r, not a plugin id; ignored", path, text[:80])
        return None
    return text
