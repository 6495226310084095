"""The unit registry, stored beside the event log in the same database.

The generated city brings its own roster; units from elsewhere (another vendor's handsets, a brigade's
motorcycles) are listed here, imported from a CSV (``dispatch-desktop units import``), and the hub
registers every one of them as its own ``unit_registered`` event when it starts. A row holds what that
event carries; re-importing an id updates the row. Qt-free.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.engine import Engine

from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain.enums import UnitKind
from dispatch_desktop.store import migrate
from dispatch_desktop.store.backends import Backend
from dispatch_desktop.store.errors import StoreError
from dispatch_desktop.store.location import Found, inspect, readonly_engine
from dispatch_desktop.store.registry_table import RegistryTable, Row, Upserted
from dispatch_desktop.store.schema import units

__all__ = ["UnitStore", "Upserted", "registered_ids", "registered_units"]

_TABLE = RegistryTable(units, ("unit_kind", "station", "name", "members", "lat", "lon"), "units")


def _row(unit: ev.UnitRegistered) -> Row:
    return {
        "id": unit.unit, "unit_kind": unit.unit_kind.value, "station": unit.station, "name": unit.name,
        "members": json.dumps(list(unit.members), ensure_ascii=False), "lat": unit.lat, "lon": unit.lon,
    }


def _unit(row: sa.Row[Any]) -> ev.UnitRegistered:
    return ev.UnitRegistered(
        unit=row.id, unit_kind=UnitKind(row.unit_kind), station=row.station, name=row.name,
        members=tuple(json.loads(row.members)), lat=row.lat, lon=row.lon,
    )


class UnitStore:
    """The ``units`` table of an event-store database. Open with ``UnitStore.open(url)`` (the same URL
    as ``EventStore.open``; either one brings the schema up to date)."""

    def __init__(self, engine: Engine, backend: Backend) -> None:
        self._engine = engine
        self._backend = backend

    @classmethod
    def open(cls, url: str) -> UnitStore:
        return migrate.open_migrated(url, "the unit registry in", cls)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> UnitStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def count(self) -> int:
        with self._engine.connect() as conn:
            return int(conn.execute(select(sa.func.count()).select_from(units)).scalar_one())

    def get(self, unit_id: str) -> ev.UnitRegistered | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(units).where(units.c.id == unit_id)).first()
        return None if row is None else _unit(row)

    def all(self) -> list[ev.UnitRegistered]:
        """Every unit, by id: the ``unit_registered`` bodies the hub writes for them."""
        return list(self.iterate())

    def iterate(self) -> Iterator[ev.UnitRegistered]:
        try:
            with self._engine.connect() as conn:
                for row in conn.execute(select(units).order_by(units.c.id)):
                    yield _unit(row)
        except sa.exc.SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            raise StoreError(f"cannot read the unit registry: {reason}") from error

    def upsert(self, new: Iterable[ev.UnitRegistered], *, now_ms: int | None = None) -> Upserted:
        """Add the units, or update those whose id is known, in one transaction: all or nothing."""
        return _TABLE.upsert(self._engine, self._backend, {u.unit: _row(u) for u in new}, now_ms=now_ms)

    def preview(self, new: Iterable[ev.UnitRegistered]) -> Upserted:
        """What ``upsert`` would do, without writing."""
        return _TABLE.preview(self._engine, {u.unit: _row(u) for u in new})


def registered_units(url: str) -> list[ev.UnitRegistered]:
    """The registry's units of the event store at ``url``, by id, as the ``unit_registered`` bodies the
    hub writes when it starts. ``StoreError`` if the database cannot be opened or read."""
    with UnitStore.open(url) as store:
        return store.all()


def registered_ids(url: str) -> set[str]:
    """The unit ids on the registry at ``url``, read without writing a byte: none when there is no store
    there, or one from before the registry. ``StoreError`` (a ``StoreProblem``) if it cannot be read."""
    if inspect(url, verify_before_upgrade=False).found is not Found.STORE:
        return set()
    engine = readonly_engine(url)
    try:
        with engine.connect() as conn:
            if not sa.inspect(conn).has_table(units.name):
                return set()
            return set(conn.execute(select(units.c.id)).scalars())
    except sa.exc.SQLAlchemyError as error:
        reason = getattr(error, "orig", None) or error
        raise StoreError(f"cannot read the unit registry: {reason}") from error
    finally:
        engine.dispose()
