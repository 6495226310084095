"""The call being taken, kept on disk as it is typed, so that a crash or a kill -9 does not lose it.

The intake form hands its fields over after each edit; ``DraftKeeper`` writes them (off the GUI
thread, atomically, see ``persist``) to one file per workstation in the data directory. An empty form
removes the file. At the next start the form is offered the draft back.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path

import msgspec

from dispatch_desktop.controllers.persist import LatestWriter

log = logging.getLogger(__name__)

DRAFT_VERSION = 1


class Draft(msgspec.Struct, frozen=True):
    saved_at: float  # wall-clock seconds
    fields: dict[str, str]
    version: int = DRAFT_VERSION


class DraftKeeper:
    def __init__(self, path: Path, writer: LatestWriter, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._writer = writer
        self._clock = clock
        self._last: dict[str, str] | None = None  # None: what is on disk is unknown, the next save writes

    def save(self, fields: Mapping[str, str]) -> None:
        """Keep these fields (empty values dropped); nothing left removes the draft."""
        kept = {name: value for name, value in fields.items() if value}
        if kept == self._last:
            return
        self._last = kept
        draft = Draft(self._clock(), kept) if kept else None
        self._writer.put(self.path, msgspec.json.encode(draft) if draft is not None else None)

    def clear(self) -> None:
        self.save({})

    def load(self) -> Draft | None:
        """The draft left by an earlier run, if any; an unreadable one is set aside, never deleted."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            log.error("cannot read the call draft %s: %s", self.path, error)
            return None
        try:
            draft = msgspec.json.decode(data, type=Draft)
        except (msgspec.DecodeError, msgspec.ValidationError) as error:
            aside = self.path.with_name(self.path.name + ".unreadable")
            log.error("the call draft %s cannot be read (%s); kept as %s", self.path, error, aside)
            self.path.replace(aside)
            return None
        self._last = dict(draft.fields)
        return draft if draft.fields else None
