"""``CountCache``: the hourly counts of a log kept in a file, brought up to date by reading only the events
the log gained since.

The file (numpy ``.npz``, no pickles) holds the counts, the gseq they were read up to, the incidents of the
last week (a reclassification still moves them, see ``counts.RECLASSIFY_WINDOW_MS``) and the log's
identity: a digest of its first event and of the last event read. A different log at the same URL, or the
same one rewritten (``db generate`` into a fresh file, a restored backup) fails that check and is counted
again from its start: counts of two logs are never mixed. So is a cache of another city (other areas) or
one this version cannot read. The file is replaced atomically, so a crash leaves the old one whole.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import zipfile
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec
import numpy as np

from dispatch_desktop.analytics.counts import (
    HourlyCounts,
    Remembered,
    Tally,
    city_areas,
    count_into,
)

if TYPE_CHECKING:
    from dispatch_desktop.domain.city import City
    from dispatch_desktop.store import EventStore

log = logging.getLogger(__name__)

_Kept = tuple[Tally, int, str, str]
"""The tally, the gseq it was read up to, the digests of the log's first event and of that one."""

FORMAT = 1
"""Bumped when the file's layout changes: an older file is then recounted, not misread."""


def _event_digest(store: EventStore, gseq: int) -> str:
    """A digest of the event at ``gseq`` ("" when there is none)."""
    if gseq < 1:
        return ""
    for _gseq, event in store.read(gseq - 1, limit=1):
        return hashlib.sha256(msgspec.msgpack.encode(event)).hexdigest()
    return ""


class CountCache:
    """Counts of the log at ``url`` kept under ``directory`` (one file per log, named by a digest of the
    URL, which may hold a password); see the module docstring."""

    def __init__(self, directory: Path, url: str, city: City) -> None:
        self.city = city
        self.areas = city_areas(city)
        self.url = url
        self.path = Path(directory) / f"counts-{hashlib.sha256(url.encode()).hexdigest()[:20]}.npz"
        self._memory: _Kept | None = None  # what the file holds, once read or written by this object

    def update(self, store: EventStore, *, progress: Callable[[float], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> HourlyCounts:
        """The counts of the whole log, reading only the events after those the file has counted (all of
        them when the file is missing, unreadable, of another log or another city). The file is written
        only when the counting ran to its end: ``CountingCancelled`` leaves it as it was. The counts stay in
        memory too, so the next update of this object does not read the file again."""
        kept = self._memory or self._load()
        reused = kept is not None and self._same_log(store, kept)
        tally, after = (kept[0], kept[1]) if kept is not None and reused else (Tally(self.areas), 0)
        self._memory = None  # the tally is added to in place: a cancelled count must not be kept
        upto = count_into(store, self.city, tally, after_gseq=after, progress=progress, cancelled=cancelled)
        first, last = _event_digest(store, 1), _event_digest(store, upto)
        if upto != after or not reused:
            self._save(tally, upto, first, last)
        self._memory = (tally, upto, first, last)
        return tally.counts(upto)

    # --- the file ---------------------------------------------------------------------------------

    def _same_log(self, store: EventStore, kept: _Kept) -> bool:
        _tally, last_gseq, first, last = kept
        if store.last_gseq() < last_gseq:
            return False
        return _event_digest(store, 1) == first and _event_digest(store, last_gseq) == last

    def _load(self) -> _Kept | None:
        """(tally, gseq read up to, digest of event 1, digest of that event), or None to count afresh."""
        if not self.path.exists():
            return None
        try:
            with np.load(self.path, allow_pickle=False) as data:
                if int(data["format"]) != FORMAT or tuple(map(str, data["areas"])) != tuple(map(str, self.areas)):
                    return None
                remembered = Remembered.empty()
                for incident, slot, drow, srow, flag in zip(data["rem_ids"].tolist(), data["rem_slots"].tolist(),
                                                            data["rem_drows"].tolist(), data["rem_srows"].tolist(),
                                                            data["rem_flags"].tolist(), strict=True):
                    remembered.entries[incident] = (slot, drow, srow, bool(flag))
                remembered.order = deque((entry[0], incident) for incident, entry in remembered.entries.items())
                tally = Tally(self.areas, int(data["first_slot"]), data["valid"].astype(np.int32),
                              data["non_police"].astype(np.int32), data["calls"].astype(np.int32), remembered)
                return tally, int(data["last_gseq"]), str(data["first_event"]), str(data["last_event"])
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
            log.warning("the count cache %s is unreadable (%s): counting the log again", self.path, error)
            return None

    def _save(self, tally: Tally, last_gseq: int, first_event: str, last_event: str) -> None:
        entries = tally.remembered.entries
        arrays: dict[str, Any] = {
            "format": np.int64(FORMAT),
            "areas": np.array([str(area) for area in self.areas]),
            "first_slot": np.int64(tally.first_slot),
            "valid": tally.valid, "non_police": tally.non_police, "calls": tally.calls,
            "last_gseq": np.int64(last_gseq),
            "first_event": np.str_(first_event), "last_event": np.str_(last_event),
            "rem_ids": np.array(list(entries), dtype=np.str_),
            "rem_slots": np.array([e[0] for e in entries.values()], np.int64),
            "rem_drows": np.array([e[1] for e in entries.values()], np.int64),
            "rem_srows": np.array([e[2] for e in entries.values()], np.int64),
            "rem_flags": np.array([e[3] for e in entries.values()], np.bool_),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=self.path.stem, suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                np.savez(out, **arrays)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

