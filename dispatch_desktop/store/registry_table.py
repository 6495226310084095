"""Reference-data tables keyed by id (registries): add new rows and update changed ones in one go.

A registry is edited in bulk by importing a file, not by dispatchers' commands, so it is a plain table
rather than a stream of facts. Writing a batch is one transaction, so a failure half-way leaves the
table as it was; a preview says what the batch would do without writing. Qt-free.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import bindparam, select
from sqlalchemy.engine import Connection, Engine

from dispatch_desktop.store.backends import Backend
from dispatch_desktop.store.errors import StoreError

Row = dict[str, object]
_CHUNK = 500  # ids per lookup query: well under SQLite's bound-parameter limit


@dataclass(frozen=True)
class Upserted:
    added: int
    updated: int
    unchanged: int


class RegistryTable:
    """One registry table: ``id`` is its key, ``fields`` the columns an import sets, ``updated_ms`` the
    time a row last changed; ``what`` names the rows in errors ("units")."""

    def __init__(self, table: sa.Table, fields: Sequence[str], what: str) -> None:
        self.table = table
        self.fields = tuple(fields)
        self.what = what

    def upsert(self, engine: Engine, backend: Backend, wanted: Mapping[str, Row], *,
               now_ms: int | None = None) -> Upserted:
        """Add the rows (by id), or replace those whose id is known, in one transaction: all or nothing."""
        stamp = int(time.time() * 1000) if now_ms is None else now_ms
        try:
            with backend.writing(engine.connect()) as conn, conn.begin():
                added, changed = self._changes(conn, wanted, stamp)
                if added:
                    conn.execute(self.table.insert(), added)
                if changed:
                    statement = (
                        self.table.update()
                        .where(self.table.c.id == bindparam("b_id"))
                        .values({f: bindparam(f) for f in (*self.fields, "updated_ms")})
                    )
                    conn.execute(statement, [{k: v for k, v in row.items() if k != "id"} for row in changed])
        except sa.exc.SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            raise StoreError(f"the {self.what} were not stored (nothing was changed): {reason}") from error
        return Upserted(len(added), len(changed), len(wanted) - len(added) - len(changed))

    def preview(self, engine: Engine, wanted: Mapping[str, Row]) -> Upserted:
        """What ``upsert`` would do, without writing."""
        try:
            with engine.connect() as conn:
                added, changed = self._changes(conn, wanted, 0)
        except sa.exc.SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            raise StoreError(f"cannot read the {self.what} registry: {reason}") from error
        return Upserted(len(added), len(changed), len(wanted) - len(added) - len(changed))

    def _changes(self, conn: Connection, wanted: Mapping[str, Row], stamp: int) -> tuple[list[Row], list[Row]]:
        """The rows to insert and the rows to update (keyed ``b_id``)."""
        known = self._known(conn, list(wanted))
        added = [{**row, "updated_ms": stamp} for key, row in wanted.items() if key not in known]
        changed = [
            {**row, "b_id": key, "updated_ms": stamp}
            for key, row in wanted.items()
            if key in known and any(known[key][f] != row[f] for f in self.fields)
        ]
        return added, changed

    def _known(self, conn: Connection, ids: list[str]) -> dict[str, Row]:
        known: dict[str, Row] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            for row in conn.execute(select(self.table).where(self.table.c.id.in_(chunk))):
                known[row.id] = row._asdict()
        return known
