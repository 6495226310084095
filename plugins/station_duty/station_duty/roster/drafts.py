"""What a dispatcher typed into the roster panel and has not saved: one draft per (station, date, shift),
kept until it is saved or discarded. Qt-free.

The drafts live in one JSON file in the plugin's ``desk.data_dir``, written again after every change (to
a temporary file then renamed over the old one, so a crash leaves the last whole file): nothing typed is
lost by switching station or shift, closing the desk or a crash. A file that cannot be read is set aside
as ``.bad`` (never overwritten) and ``problem`` says so.
"""

from __future__ import annotations

import os
from pathlib import Path

import msgspec

from station_duty.roster.csv_read import translatable

FILE_NAME = "roster_drafts.json"
DraftKey = tuple[str, str, str]
"""(station id, date as YYYY-MM-DD, shift id)."""


class Draft(msgspec.Struct, frozen=True):
    station: str
    date: str
    shift: str
    fields: dict[str, str]  # the form's fields by CSV column, as typed
    onward: bool = False

    @property
    def key(self) -> DraftKey:
        return (self.station, self.date, self.shift)


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        # Why the drafts file could not be read: a source text with {file} and {reason}, and those.
        self.problem = ""
        self.problem_params: dict[str, str] = {}
        self._drafts: dict[DraftKey, Draft] = {}
        try:
            drafts = msgspec.json.decode(self.path.read_bytes(), type=list[Draft])
        except FileNotFoundError:
            return
        except OSError as error:
            self.problem = translatable("The unsaved roster drafts in {file} cannot be read: {reason}.")
            self.problem_params = {"file": str(self.path), "reason": error.strerror or str(error)}
            return
        except msgspec.DecodeError as error:
            bad = self.path.with_name(FILE_NAME + ".bad")
            os.replace(self.path, bad)  # kept for whoever can mend it; a new file starts empty
            self.problem = translatable("The unsaved roster drafts could not be read ({reason}); the file was "
                                        "set aside as {file}.")
            self.problem_params = {"file": str(bad), "reason": str(error)}
            return
        self._drafts = {draft.key: draft for draft in drafts}

    def get(self, key: DraftKey) -> Draft | None:
        return self._drafts.get(key)

    def put(self, draft: Draft) -> None:
        self._drafts[draft.key] = draft
        self._write()

    def discard(self, key: DraftKey) -> None:
        if self._drafts.pop(key, None) is not None:
            self._write()

    def all(self) -> list[Draft]:
        """Every draft, by date, station and shift."""
        return sorted(self._drafts.values(), key=lambda draft: (draft.date, draft.station, draft.shift))

    def _write(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(FILE_NAME + ".tmp")
        temporary.write_bytes(msgspec.json.encode(self.all()))
        os.replace(temporary, self.path)
