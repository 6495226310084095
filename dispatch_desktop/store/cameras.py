"""The camera registry, stored beside the event log in the same database.

Cameras are reference data (where a video point is, what it looks at, where its stream comes from),
not events: they are edited in bulk by importing a CSV, not by dispatchers' commands, so they are a
plain table keyed by camera id rather than a stream of facts. An import is checked whole first
(``dispatch_desktop.video.registry``); its good rows are then written in one transaction, so a failure
half-way leaves the table as it was. Importing again updates cameras by id. Qt-free.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import sqlalchemy as sa
from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine

from dispatch_desktop.domain.city import Camera
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
    """What an import did: counts of written cameras and the rows that were refused."""

    added: int
    updated: int
    unchanged: int
    errors: tuple[RowError, ...]
    rows: int  # data rows read, good and bad


def _row(camera: Camera) -> dict[str, object]:
    return {
        "id": camera.id, "name": camera.name, "district": camera.district, "station": camera.station,
        "lat": camera.lat, "lon": camera.lon, "heading": camera.heading, "fov": camera.fov,
        "tags": json.dumps(list(camera.tags), ensure_ascii=False), "stream_url": camera.stream_url,
    }


def _camera(row: sa.Row) -> Camera:
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
                known = self._known(conn, list(wanted))
                added = [{**row, "updated_ms": stamp} for cid, row in wanted.items() if cid not in known]
                changed = [
                    {**row, "b_id": cid, "updated_ms": stamp}
                    for cid, row in wanted.items()
                    if cid in known and any(known[cid][f] != row[f] for f in _FIELDS)
                ]
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

    def import_csv(self, source: Path | str | TextIO, *, now_ms: int | None = None) -> CameraImport:
        """Check a camera CSV and store its good rows (one transaction); the bad rows come back as
        errors naming row, column and problem. Raises ``StoreError`` if the database fails (then
        nothing was stored), ``OSError`` / ``ValueError`` if the file cannot be read as text."""
        parsed = parse_cameras_csv(source)
        done = self.upsert(parsed.cameras, now_ms=now_ms) if parsed.cameras else Upserted(0, 0, 0)
        return CameraImport(done.added, done.updated, done.unchanged, parsed.errors, parsed.rows)

    @staticmethod
    def _known(conn: Connection, ids: list[str]) -> dict[str, dict[str, object]]:
        known: dict[str, dict[str, object]] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in conn.execute(select(cameras).where(cameras.c.id.in_(chunk))):
                known[row.id] = row._asdict()
        return known
