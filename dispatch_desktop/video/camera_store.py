"""The camera registry, stored beside the event log in the same database.

Cameras are reference data (where a video point is, what it looks at, where its stream comes from),
not events: they are edited in bulk by importing a CSV, not by dispatchers' commands, so they are a
plain table keyed by camera id rather than a stream of facts. An import is checked whole first
(``dispatch_desktop.video.registry``); its good rows are then written in one transaction, so a failure
half-way leaves the table as it was — or none of them if the caller asked for all or nothing, or for a
dry run. Importing again updates cameras by id. Qt-free.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import sqlalchemy as sa
from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine

from dispatch_desktop.domain.city import Camera, City
from dispatch_desktop.store import migrate
from dispatch_desktop.store.backends import Backend
from dispatch_desktop.store.errors import StoreError
from dispatch_desktop.store.schema import cameras
from dispatch_desktop.video.registry import RowError, parse_cameras_csv

_FIELDS = ("name", "district", "station", "lat", "lon", "heading", "fov", "tags", "stream_url")
_CHUNK = 500  # ids per lookup query: well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Upserted:
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class CameraImport:
    """What an import did: counts of good rows by what they do to the registry, and the rows that were
    refused. ``stored`` says whether the good rows were written (see ``CameraStore.import_csv``)."""

    added: int
    updated: int
    unchanged: int
    errors: tuple[RowError, ...]
    rows: int  # data rows read, good and bad
    stored: bool = True  # False: a dry run, or all or nothing with a refused row
    notes: tuple[RowError, ...] = ()  # about rows taken all the same

    @property
    def good(self) -> int:
        return self.added + self.updated + self.unchanged

    @property
    def refused(self) -> int:
        """Rows refused (a row may have several errors)."""
        return len({e.row for e in self.errors})


def _row(camera: Camera) -> dict[str, object]:
    return {
        "id": camera.id, "name": camera.name, "district": camera.district, "station": camera.station,
        "lat": camera.lat, "lon": camera.lon, "heading": camera.heading, "fov": camera.fov,
        "tags": json.dumps(list(camera.tags), ensure_ascii=False), "stream_url": camera.stream_url,
    }


def _camera(row: sa.Row[Any]) -> Camera:
    return Camera(
        id=row.id, name=row.name, district=row.district, station=row.station, lat=row.lat, lon=row.lon,
        heading=row.heading, fov=row.fov, tags=tuple(json.loads(row.tags)), stream_url=row.stream_url,
    )


class CameraStore:
    """The ``cameras`` table of an event-store database. Open with ``CameraStore.open(url)`` (the same
    URL as ``EventStore.open``; either one brings the schema up to date)."""

    def __init__(self, engine: Engine, backend: Backend) -> None:
        self._engine = engine
        self._backend = backend

    @classmethod
    def open(cls, url: str) -> CameraStore:
        return migrate.open_migrated(url, "the camera registry in", cls)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> CameraStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.execute(select(sa.func.count()).select_from(cameras)).scalar_one())

    def get(self, camera_id: str) -> Camera | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(cameras).where(cameras.c.id == camera_id)).first()
        return None if row is None else _camera(row)

    def all(self) -> list[Camera]:
        """Every camera, by id."""
        return list(self.iterate())

    def iterate(self) -> Iterator[Camera]:
        with self._engine.connect() as conn:
            for row in conn.execution_options(yield_per=10_000).execute(select(cameras).order_by(cameras.c.id)):
                yield _camera(row)

    # --- writing ------------------------------------------------------------------------------

    def upsert(self, new: Iterable[Camera], *, now_ms: int | None = None) -> Upserted:
        """Add the cameras, or replace those whose id is known, in one transaction: all or nothing."""
        stamp = int(time.time() * 1000) if now_ms is None else now_ms
        wanted = {camera.id: _row(camera) for camera in new}
        try:
            with self._backend.writing(self._engine.connect()) as conn, conn.begin():
                added, changed = self._changes(conn, wanted, stamp)
                if added:
                    conn.execute(cameras.insert(), added)
                if changed:
                    statement = (
                        cameras.update()
                        .where(cameras.c.id == bindparam("b_id"))
                        .values({f: bindparam(f) for f in (*_FIELDS, "updated_ms")})
                    )
                    conn.execute(statement, [{k: v for k, v in row.items() if k != "id"} for row in changed])
        except sa.exc.SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            raise StoreError(f"the cameras were not stored (nothing was changed): {reason}") from error
        return Upserted(len(added), len(changed), len(wanted) - len(added) - len(changed))

    def preview(self, new: Iterable[Camera]) -> Upserted:
        """What ``upsert`` would do, without writing."""
        wanted = {camera.id: _row(camera) for camera in new}
        try:
            with self._engine.connect() as conn:
                added, changed = self._changes(conn, wanted, 0)
        except sa.exc.SQLAlchemyError as error:
            raise StoreError(f"cannot read the camera registry: {getattr(error, 'orig', None) or error}") from error
        return Upserted(len(added), len(changed), len(wanted) - len(added) - len(changed))

    def import_csv(
        self, source: Path | str | TextIO, city: City, *, folder: Path | None = None, now_ms: int | None = None,
        dry_run: bool = False, all_or_nothing: bool = False,
    ) -> CameraImport:
        """Check a camera CSV against ``city`` and store its good rows (one transaction); the bad rows
        come back as errors naming row, column and problem. Nothing is stored on a ``dry_run``, nor with
        ``all_or_nothing`` when a row was refused; the counts then say what the import would have done.
        Raises ``StoreError`` if the database fails (then nothing was stored), ``OSError`` /
        ``ValueError`` if the file cannot be read as text. ``folder``: see ``parse_cameras_csv``."""
        parsed = parse_cameras_csv(source, city, folder=folder)
        store = not dry_run and not (all_or_nothing and parsed.errors)
        if not parsed.cameras:
            done = Upserted(0, 0, 0)
        else:
            done = self.upsert(parsed.cameras, now_ms=now_ms) if store else self.preview(parsed.cameras)
        return CameraImport(done.added, done.updated, done.unchanged, parsed.errors, parsed.rows, store, parsed.notes)

    def _changes(
        self, conn: Connection, wanted: dict[str, dict[str, object]], stamp: int
    ) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
        """The rows to insert and the rows to update (keyed ``b_id``) for the wanted cameras."""
        known = self._known(conn, list(wanted))
        added = [{**row, "updated_ms": stamp} for cid, row in wanted.items() if cid not in known]
        changed = [
            {**row, "b_id": cid, "updated_ms": stamp}
            for cid, row in wanted.items()
            if cid in known and any(known[cid][f] != row[f] for f in _FIELDS)
        ]
        return added, changed

    @staticmethod
    def _known(conn: Connection, ids: list[str]) -> dict[str, dict[str, object]]:
        known: dict[str, dict[str, object]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in conn.execute(select(cameras).where(cameras.c.id.in_(chunk))):
                known[row.id] = row._asdict()
        return known
