"""The append-only event log: ``EventStore``.

Every stored event gets a global sequence number (``gseq``): 1, 2, 3… with no gaps, in commit order.
``(source, seq)`` is the event's identity: appending it again stores nothing and answers with the
gseq it already has, so a unit that resends after a lost acknowledgement is harmless. Whether an
event is new is decided here, under the writers' lock, from each source's high water (cached) and,
for a seq at or below it, a lookup (``_lookup``); no unique index enforces it, because one led by
the source would cost a page write per report once the log is big (see ``schema.SEQ_EPOCH``).

Time travel: ``state_at`` starts from the nearest keyframe snapshot at or before the target and
replays the tail (``domain.replay``: ``projection.apply`` with position reports folded per unit). A
time target means "every event whose hub time is at or before it", exactly, even if the hub's clock
was ever set back (see ``late_events``).
"""

from __future__ import annotations

import gc
import heapq
import logging
import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, NamedTuple

import msgspec
import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.events import KIND_CODES, Envelope
from dispatch_desktop.domain.replay import Replay
from dispatch_desktop.domain.state import State
from dispatch_desktop.store import keyframes, migrate
from dispatch_desktop.store.backends import EVENT_COLUMNS, Backend
from dispatch_desktop.store.rows import (
    MODE_CODES,
    PLUGIN_ID_POSITION,
    EncodedEvent,
    decode_position,
    decode_rows,
    encode_event,
    plugin_id_bytes,
    replay_rows,
)
from dispatch_desktop.store.schema import (
    DRILL_CODE,
    PLUGIN_EVENT_CODE,
    SEQ_EPOCH,
    SEQ_EPOCH_SQL,
    events,
    keyframe_blocks,
    late_events,
    late_seqs,
    snapshots,
    sources,
    store_marks,
)

log = logging.getLogger(__name__)

KEYFRAME_EVERY = 10_000
"""Default keyframe spacing: at Guangzhou's ~2,200 reports/s one every ~5 s, so a rebuild replays 5,000
events on average (~30 ms). Keyframes share unchanged incident blocks, so a day of them is ~10 B per
event (see bench/store.py)."""

CHUNK = 5_000
"""Rows per query when streaming: memory stays flat however long the log is."""

_SCAN_ROWS = 2 * KEYFRAME_EVERY
"""Finding the first event past an instant scans at most this many events' hub times (a keyframe's
spacing, which the rebuild reads anyway) after bisecting a wider bracket down to it."""

HIGH_WATERS_EVERY = 8 * SEQ_EPOCH
"""The sources' high waters are saved when the log passes a multiple of this many events; opening the
log scans at most this many events to bring them up to date."""

_HIGH_WATERS_MARK = "high_waters"
_LOOKUP_EPOCHS = (4, 16, 64, 256)
"""Epochs per query when looking for one (source, seq), newest first; the last size repeats."""

POSITION_CODE = KIND_CODES["position"]
_EVENT_COLUMNS = tuple(events.c[name] for name in EVENT_COLUMNS.split(", "))


RawRow = tuple[Any, ...]
"""An events row as the driver returns it, columns as in ``_EVENT_COLUMNS``."""
_GSEQ = 0

_Chunk = Callable[["RawRow | None"], sa.Select[Any]]
"""A keyset query for ``EventStore._stream``: the last row of the previous chunk -> the next query."""


def _hub_order(item: tuple[int, Envelope]) -> tuple[int, int]:
    return item[1].t_hub, item[0]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Decoding a keyframe and replaying its tail allocate ~10^5-10^6 objects, none of them in
    reference cycles: the cyclic garbage collector's passes over them cost about a third of the time
    while finding nothing. Reference counting still frees everything."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class _SourceNames(dict[int, str]):
    """Source id -> name. Ids are never reused or renamed, so this only grows; an id interned by
    another process since we last looked is fetched on first sight."""

    def __init__(self, read: Callable[[], dict[int, str]]) -> None:
        super().__init__()
        self._read = read

    def __missing__(self, source_id: int) -> str:
        self.update(self._read())
        return dict.__getitem__(self, source_id)


class Appended(NamedTuple):
    """Where an appended event is in the log; ``duplicate``: it was already there (or earlier in the
    same batch) and was not stored again."""

    gseq: int
    duplicate: bool


class Rebuilt(NamedTuple):
    """A state rebuilt from the log: it has seen the selected events up to ``gseq``, starting from
    the keyframe at ``keyframe_gseq`` (0: from the beginning) and replaying ``replayed`` events."""

    gseq: int
    state: State
    keyframe_gseq: int
    replayed: int


class Keyframe(NamedTuple):
    """A stored keyframe: the state after every event up to ``gseq``, whose hub times reach ``time_ms``."""

    gseq: int
    time_ms: int
    state: State


class _Plan(NamedTuple):
    results: list[Appended]
    rows: list[tuple[object, ...]]
    late: list[tuple[int, int]]  # (gseq, t_hub) of events stamped before an earlier one
    late_seqs: list[tuple[int, int, int]]  # (source_id, seq, gseq) of events below their source's high water
    new_sources: dict[str, int]
    high_waters: dict[str, int]
    t_hub_max: int


class EventStore:
    """Open with ``EventStore.open(url)``; see the module docstring. Thread-safe."""

    def __init__(self, engine: Engine, backend: Backend, *, snapshot_every: int) -> None:
        self._engine = engine
        self._backend = backend
        self.snapshot_every = snapshot_every
        self._lock = threading.RLock()
        self._keyframes = keyframes.KeyframeCodec()
        self._stop_maintenance: Callable[[], None] = lambda: None
        # Caches that make the common append need no lookup at all. They are valid while the log's
        # last gseq is the one we know; append checks that inside its transaction and reloads them
        # when another process has appended meanwhile.
        self._names = _SourceNames(self._read_names)
        self._ids: dict[str, int] = {}
        self._hw: dict[str, int] = {}
        self._hw_unsaved: set[str] = set()  # sources whose high water is above their saved one
        self._last = 0
        self._t_hub_max = 0

    # --- opening and closing ------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, *, snapshot_every: int = KEYFRAME_EVERY, maintenance: bool = True) -> EventStore:
        """Opens (creating it if missing) the database at ``url`` and brings its schema up to date.
        ``sqlite:///path/to/events.db`` or ``postgresql+psycopg://user@host/dbname``. Keyframes are
        written by the ``Projector`` every ``snapshot_every`` events. ``maintenance=False``: another
        process that writes the log keeps it in shape (SQLite's checkpoints), e.g. the hub's
        ``StoreWriter``; two would only compete for the disk."""
        if snapshot_every < 1:
            raise ValueError(f"snapshot_every must be at least 1, not {snapshot_every}")
        def prepare(engine: Engine, backend: Backend) -> EventStore:
            store = cls(engine, backend, snapshot_every=snapshot_every)
            with engine.connect() as conn:
                store._load_caches(conn)
            if maintenance:
                store._stop_maintenance = backend.start_maintenance(engine.url)
            return store

        return migrate.open_migrated(url, "the event store", prepare)

    @property
    def dialect(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self._backend.name

    def registered_units(self) -> list[Any]:
        """The unit registry's units (``ev.UnitRegistered`` bodies, by id) in this database: what the
        hub registers when it starts, besides the generated city's (see ``store.units``)."""
        from dispatch_desktop.store.units import UnitStore  # the registry module imports this package

        return UnitStore(self._engine, self._backend).all()

    @property
    def url(self) -> str:
        """The database this log is in (password included): to open its other parts, e.g. the camera registry."""
        return self._engine.url.render_as_string(hide_password=False)

    def close(self) -> None:
        self._stop_maintenance()
        self._engine.dispose()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # --- appending ----------------------------------------------------------------------------------

    def append(self, events: Iterable[Envelope]) -> list[Appended]:
        """Stores the events in one transaction, committed when this returns; one result per event,
        in order. Raises ``TypeError`` for something that is not an envelope (nothing is stored)."""
        encoded = [encode_event(event) for event in events]
        if not encoded:
            return []
        with self._lock:
            with self._backend.writing(self._engine.connect()) as conn, conn.begin():
                self._backend.lock_for_append(conn)
                last = self._max_gseq(conn)
                if last != self._last:
                    self._load_caches(conn)
                plan = self._plan(conn, encoded, last)
                self._write(conn, plan)
                unsaved = self._hw_unsaved | plan.high_waters.keys()
                if (last + len(plan.rows)) // HIGH_WATERS_EVERY > last // HIGH_WATERS_EVERY:
                    self._save_high_waters(conn, plan, unsaved, last + len(plan.rows))
                    unsaved = set()
            # Committed: only now do the caches learn about it.
            self._last += len(plan.rows)
            self._hw.update(plan.high_waters)
            self._hw_unsaved = unsaved
            self._t_hub_max = plan.t_hub_max
            for name, source_id in plan.new_sources.items():
                self._ids[name] = source_id
                self._names[source_id] = name
        return plan.results

    def _plan(self, conn: Connection, encoded: list[EncodedEvent], last: int) -> _Plan:
        """Decides which events are new, gives them their gseqs and builds their rows."""
        results: list[Appended | None] = [None] * len(encoded)
        fresh: list[int] = []
        batch_hw: dict[str, int] = {}  # highest seq per source, including this batch's new events
        in_batch: dict[tuple[str, int], int] | None = None  # built only if a seq is not above the hw
        late_seq: set[int] = set()
        # Runs for every stored event: locals and tuple indexing rather than attribute lookups.
        batch_top, stored_top = batch_hw.get, self._hw.get
        for index, event in enumerate(encoded):
            source, seq = event[0], event[1]
            top = batch_top(source)
            if top is None:
                top = stored_top(source, 0)
            if seq > top:  # the common case: nothing stored can have this seq
                batch_hw[source] = seq
                fresh.append(index)
                if in_batch is not None:
                    in_batch[(source, seq)] = index
                continue
            if in_batch is None:
                in_batch = {(encoded[i][0], encoded[i][1]): i for i in fresh}
            first = in_batch.get((source, seq))
            if first is not None:
                results[index] = Appended(-1 - first, True)  # resolved below, once first has its gseq
                continue
            stored = self._lookup(conn, source, seq, last)
            if stored is not None:
                results[index] = Appended(stored, True)
            else:  # late but new: an older report that never made it before
                fresh.append(index)
                in_batch[(source, seq)] = index
                late_seq.add(index)

        new_sources: dict[str, int] = {}
        next_id = max(self._names, default=0) + 1
        rows: list[tuple[object, ...]] = []
        late: list[tuple[int, int]] = []
        late_seq_rows: list[tuple[int, int, int]] = []
        t_hub_max = self._t_hub_max
        gseq = last
        known_id, new_tuple, add_row = self._ids.get, tuple.__new__, rows.append
        for index in fresh:
            source, seq, t_hub, t_lag, kind, mode, v, body = encoded[index]
            source_id = known_id(source) or new_sources.get(source)
            if source_id is None:
                source_id = new_sources[source] = next_id
                next_id += 1
            gseq += 1
            results[index] = new_tuple(Appended, (gseq, False))
            add_row((gseq, source_id, seq, t_hub, t_lag, kind, mode, v, body))
            if t_hub < t_hub_max:
                late.append((gseq, t_hub))
            else:
                t_hub_max = t_hub
            if late_seq and index in late_seq:
                late_seq_rows.append((source_id, seq, gseq))
        planned: list[Appended] = []
        for result in results:
            assert result is not None  # every event is either fresh (numbered above) or a duplicate
            # A duplicate of an event earlier in this batch points at it as -1 - its index.
            planned.append(Appended(planned[-1 - result.gseq].gseq, True) if result.gseq < 0 else result)
        return _Plan(planned, rows, late, late_seq_rows, new_sources, batch_hw, t_hub_max)

    def _write(self, conn: Connection, plan: _Plan) -> None:
        if plan.new_sources:
            conn.execute(sources.insert(), [{"id": i, "name": n} for n, i in plan.new_sources.items()])
        if plan.rows:
            self._backend.insert_events(conn, plan.rows)
        if plan.late:
            conn.execute(late_events.insert(), [{"gseq": g, "t_hub": t} for g, t in plan.late])
        if plan.late_seqs:
            conn.execute(late_seqs.insert(), [{"source_id": i, "seq": q, "gseq": g} for i, q, g in plan.late_seqs])

    def _save_high_waters(self, conn: Connection, plan: _Plan, unsaved: set[str], last: int) -> None:
        """Saves the high waters that rose since they were last saved, as of gseq ``last``."""
        hw = self._hw | plan.high_waters
        ids = self._ids | plan.new_sources
        update = sources.update().where(sources.c.id == sa.bindparam("source_id")).values(
            high_water=sa.bindparam("top"))
        if unsaved:
            conn.execute(update, [{"source_id": ids[name], "top": hw[name]} for name in sorted(unsaved)])
        mark = store_marks.c.name == _HIGH_WATERS_MARK
        if conn.execute(store_marks.update().where(mark).values(value=last)).rowcount == 0:
            conn.execute(store_marks.insert().values(name=_HIGH_WATERS_MARK, value=last))

    # --- positions in the log -----------------------------------------------------------------------

    def last_gseq(self) -> int:
        """The gseq of the newest stored event; 0 for an empty log."""
        with self._engine.connect() as conn:
            return self._max_gseq(conn)

    def high_water(self, source: str) -> int:
        """The highest seq stored for ``source``; 0 if none."""
        return self.high_waters().get(source, 0)

    def high_waters(self) -> dict[str, int]:
        """``high_water`` of every source that has stored events."""
        with self._engine.connect() as conn:
            return self._load_high_waters(conn)[0]

    def get(self, source: str, seq: int) -> tuple[int, Envelope] | None:
        """The stored event ``(source, seq)`` with its gseq, or None."""
        with self._engine.connect() as conn:
            gseq = self._lookup(conn, source, int(seq), self._max_gseq(conn))
            if gseq is None:
                return None
            rows = self._fetch_sql(conn, f"SELECT {EVENT_COLUMNS} FROM events WHERE gseq = {gseq}")
            return gseq, self._decode(rows[0])

    # --- reading ------------------------------------------------------------------------------------

    def read(self, after_gseq: int = 0, limit: int | None = None) -> Iterator[tuple[int, Envelope]]:
        """``(gseq, event)`` in gseq order from ``after_gseq + 1``, at most ``limit`` of them; streamed
        in chunks, so reading the whole log needs no more memory than reading a little of it."""
        return self._scan(after_gseq, limit=limit)

    def late_after(self, gseq: int) -> bool:
        """Whether any event after ``gseq`` was stamped earlier than one before it (a hub clock set back):
        only then does "every event up to time T" differ from a prefix of the log in gseq order, so a
        reader that walks forward in gseq order (the replay's playback) must rebuild instead."""
        with self._engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(late_events).where(late_events.c.gseq > gseq)) != 0

    def read_plugin_events(self, after_gseq: int = 0, upto: int | None = None, plugins: Collection[str] = (),
                           limit: int | None = None) -> Iterator[tuple[int, Envelope]]:
        """The plugin events (``plugin_event``) of the ``plugins`` named (every plugin's if none) with
        ``after_gseq < gseq <= upto``, at most ``limit``, in gseq order, streamed. Read through the index
        of plugin events (``ix_events_plugin``): the time it takes follows the plugin events in the range,
        not the size of the log around them."""
        if limit is not None and limit <= 0:
            return iter(())
        return self._stream(self._plugin_query(after_gseq, upto, tuple(plugins)), limit)

    def read_kinds(self, kinds: Collection[str], after_gseq: int = 0, *, upto: int | None = None,
                   mode: Mode | None = None, from_time_ms: int | None = None) -> Iterator[tuple[int, Envelope]]:
        """The events of the ``kinds`` named (``"incident_created"``…) with ``after_gseq < gseq <= upto``, only
        those of ``mode`` if it is given, in gseq order, streamed. The database picks them by their kind and
        mode columns, so the others (position reports: nearly all of a busy log) are never decoded; no index
        leads by the kind, so the time it takes follows the length of the range. ``from_time_ms``: start
        instead at the first event stamped at or after that hub time, if it comes later (the events before it,
        late ones included, are skipped). Raises ``ValueError`` for a kind this version does not know."""
        unknown = sorted(set(kinds) - KIND_CODES.keys())
        if unknown:
            raise ValueError(f"unknown event kinds {', '.join(unknown)}: known are {', '.join(sorted(KIND_CODES))}")
        if from_time_ms is not None:
            with self._engine.connect() as conn:
                after_gseq = max(after_gseq, self._first_gseq_past(conn, from_time_ms - 1) - 1)
        codes = ", ".join(str(KIND_CODES[kind]) for kind in sorted(set(kinds)))
        # Literals: every value is an int of ours, and the planner then sees the filters for what they are.
        which: list[sa.ColumnElement[bool] | sa.TextClause] = [sa.text(f"kind IN ({codes})") if codes else sa.false()]
        if mode is not None:
            which.append(sa.text(f"mode = {MODE_CODES[mode]}"))

        def chunk(after: RawRow | None) -> sa.Select[Any]:
            start = after_gseq if after is None else after[_GSEQ]
            query = select(*_EVENT_COLUMNS).where(*which, events.c.gseq > start)
            if upto is not None:
                query = query.where(events.c.gseq <= upto)
            return query.order_by(events.c.gseq)

        return self._stream(chunk)

    def _plugin_query(self, after_gseq: int, upto: int | None, plugins: tuple[str, ...]) -> _Chunk:
        # The kind as a literal, or the partial index is not used; the ids matched on the stored bytes.
        kind = sa.text(f"kind = {PLUGIN_EVENT_CODE}")
        which = [sa.text(self._backend.bytes_at("body", PLUGIN_ID_POSITION, plugin_id_bytes(plugin)))
                 for plugin in plugins]

        def chunk(after: RawRow | None) -> sa.Select[Any]:
            start = after_gseq if after is None else after[_GSEQ]
            query = select(*_EVENT_COLUMNS).where(kind, events.c.gseq > start)
            if upto is not None:
                query = query.where(events.c.gseq <= upto)
            if which:
                query = query.where(sa.or_(*which))
            return query.order_by(events.c.gseq)

        return chunk

    def read_time_range(self, t0_ms: int, t1_ms: int, *,
                        positions_of: Collection[str] | None = None) -> Iterator[tuple[int, Envelope]]:
        """Events with ``t0_ms <= t_hub < t1_ms``, in hub-time order (ties: gseq order), streamed.
        Hub time rises with gseq except at late events (``late_events``), so all the others are one
        gseq range, already in that order; the late ones with such hub times are merged in.
        ``positions_of``: only these sources' position reports (the others are left out by the database,
        before decoding: position reports are nearly all of a busy log)."""
        if t1_ms <= t0_ms:
            return iter(())
        only = None if positions_of is None else self._positions_filter(positions_of)
        with self._engine.connect() as conn:
            first = self._first_gseq_past(conn, t0_ms - 1)
            last = self._first_gseq_past(conn, t1_ms - 1) - 1
            late_in_range = set(conn.scalars(
                select(late_events.c.gseq).where(late_events.c.gseq >= first, late_events.c.gseq <= last)
            ))
            late_query = select(*_EVENT_COLUMNS).where(
                events.c.gseq.in_(select(late_events.c.gseq).where(late_events.c.t_hub >= t0_ms,
                                                                   late_events.c.t_hub < t1_ms))
            )
            late_rows = self._fetch(conn, late_query if only is None else late_query.where(only))
        scan = self._stream(self._range_query(first - 1, last, None, only))
        in_order = (item for item in scan if item[0] not in late_in_range)
        late = sorted(decode_rows(late_rows, self._names), key=_hub_order)
        return heapq.merge(in_order, late, key=_hub_order)

    def _scan(self, after_gseq: int, upto: int | None = None, t_max: int | None = None,
              limit: int | None = None) -> Iterator[tuple[int, Envelope]]:
        """gseq order, ``after_gseq < gseq <= upto``, optionally only ``t_hub <= t_max``."""
        if limit is not None and limit <= 0:
            return iter(())
        return self._stream(self._range_query(after_gseq, upto, t_max), limit)

    @staticmethod
    def _positions_filter(sources_named: Collection[str]) -> sa.ColumnElement[bool]:
        # The database resolves the names: a source first written by another process (the hub's writer)
        # since this store opened is not in this process's caches, and its positions must not vanish.
        not_position = events.c.kind != POSITION_CODE
        if not sources_named:
            return not_position
        named = select(sources.c.id).where(sources.c.name.in_(sorted(set(sources_named))))
        return sa.or_(not_position, events.c.source_id.in_(named))

    @staticmethod
    def _range_query(after_gseq: int, upto: int | None, t_max: int | None,
                     only: sa.ColumnElement[bool] | None = None) -> _Chunk:
        def chunk(after: RawRow | None) -> sa.Select[Any]:
            start = after_gseq if after is None else after[_GSEQ]
            query = select(*_EVENT_COLUMNS).where(events.c.gseq > start)
            if only is not None:
                query = query.where(only)
            if upto is not None:
                query = query.where(events.c.gseq <= upto)
            if t_max is not None:
                # "+ 0": a filter, not an index choice; the gseq range is what bounds the scan.
                query = query.where(events.c.t_hub + 0 <= t_max)
            return query.order_by(events.c.gseq)

        return chunk

    def _stream(self, chunk: _Chunk, limit: int | None = None) -> Iterator[tuple[int, Envelope]]:
        for decoded in self._chunks(chunk, limit):
            yield from decoded

    def _chunks(self, chunk: _Chunk, limit: int | None = None) -> Iterator[list[tuple[int, Envelope]]]:
        """Runs the keyset query ``chunk`` (given the last row of the previous chunk) until it runs dry,
        a list of ``(gseq, event)`` at a time."""
        for rows in self._raw_chunks(chunk, limit):
            yield decode_rows(rows, self._names)

    def _raw_chunks(self, chunk: _Chunk, limit: int | None = None) -> Iterator[Sequence[RawRow]]:
        """``_chunks`` before decoding. Each chunk is its own short read, so an abandoned iterator holds
        no connection or lock. Rows come straight from the driver as tuples: SQLAlchemy's Row objects
        would cost more than decoding the event (every replay runs this)."""
        after: RawRow | None = None
        left = limit
        while True:
            size = CHUNK if left is None else min(CHUNK, left)
            with self._engine.connect() as conn:
                rows = self._fetch(conn, chunk(after).limit(size))
            yield rows
            if left is not None:
                left -= len(rows)
            if len(rows) < size or left == 0:
                return
            after = rows[-1]

    def _fetch(self, conn: Connection, query: sa.Select[Any]) -> Sequence[RawRow]:
        # Every parameter here is an int, so inlining them is safe and makes the SQL driver-neutral.
        return self._fetch_sql(conn, str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True})))

    @staticmethod
    def _fetch_sql(conn: Connection, sql: str) -> Sequence[RawRow]:
        cursor = conn.connection.cursor()
        try:
            cursor.execute(sql)
            return cursor.fetchall()
        finally:
            cursor.close()

    # --- keyframes and time travel ------------------------------------------------------------------

    def save_snapshot(self, gseq: int, state: State) -> None:
        """Stores ``state`` as the keyframe at ``gseq`` for its mode: it must be the state after every
        event up to and including ``gseq`` (what ``Projector`` holds). Replaces an existing one."""
        packed = self._keyframes.pack(state)
        mode = MODE_CODES[state.mode]
        with (self._backend.writing(self._engine.connect()) as conn,
              self._backend.derived_transaction(conn)):
            self._backend.lock_keyframes(conn)
            last = self._max_gseq(conn)
            if not 1 <= gseq <= last:
                raise ValueError(f"no keyframe at gseq {gseq}: the log holds gseq 1..{last}")
            t_hub_max = self._t_hub_max_at(conn, gseq)
            present = self._stored_blocks(conn, set(packed.hashes))
            if not present.issuperset(set(packed.hashes) - packed.new_blocks.keys()):
                # Blocks this store remembered writing are gone (``prune_blocks`` from another process,
                # after ``db keyframes``): encode every block afresh.
                packed = self._keyframes.pack(state, remembered=False)
            missing = [{"hash": digest, "data": data} for digest, data in packed.new_blocks.items()
                       if digest not in present]
            if missing:
                conn.execute(keyframe_blocks.insert(), missing)
            conn.execute(snapshots.delete().where(snapshots.c.mode == mode, snapshots.c.gseq == gseq))
            conn.execute(snapshots.insert().values(mode=mode, gseq=gseq, t_hub_max=t_hub_max, data=packed.head))
        self._keyframes.stored(packed)

    def prune_blocks(self) -> int:
        """Deletes the incident blocks no keyframe refers to any more (after ``rewrite_keyframes``);
        returns how many."""
        with self._backend.writing(self._engine.connect()) as conn, conn.begin():
            self._backend.lock_keyframes(conn)
            referenced: set[bytes] = set()
            for data in conn.scalars(select(snapshots.c.data)):
                referenced.update(keyframes.blocks_of(bytes(data)))
            orphans = [digest for digest in map(bytes, conn.scalars(select(keyframe_blocks.c.hash)))
                       if digest not in referenced]
            for start in range(0, len(orphans), 500):
                conn.execute(keyframe_blocks.delete().where(keyframe_blocks.c.hash.in_(orphans[start:start + 500])))
        return len(orphans)

    @staticmethod
    def _stored_blocks(conn: Connection, hashes: set[bytes]) -> set[bytes]:
        if not hashes:
            return set()
        query = select(keyframe_blocks.c.hash).where(keyframe_blocks.c.hash.in_(list(hashes)))
        return {bytes(digest) for digest in conn.scalars(query)}

    def rewrite_keyframes(self, every: int, *, mode: Mode = Mode.LIVE,
                          progress: Callable[[int, int], bool] | None = None) -> int:
        """Replaces the keyframes of ``mode`` by one every ``every`` events, from one replay of the whole
        log, and returns how many it wrote. ``progress(done, total)`` is called after each; returning
        False stops there (the keyframes written so far are valid, the later ones are simply missing).
        Blocks only the replaced keyframes used are deleted at the end."""
        if every < 1:
            raise ValueError(f"keyframes every {every} events: must be at least 1")
        total = self.last_gseq() // every
        with self._backend.writing(self._engine.connect()) as conn, conn.begin():
            conn.execute(snapshots.delete().where(snapshots.c.mode == MODE_CODES[mode]))
        replay, written = Replay(State(mode=mode), decode_position), 0
        try:
            for rows in self._raw_chunks(self._range_query(0, total * every, None)):
                while rows:
                    cut = -rows[0][_GSEQ] % every + 1  # gseqs have no gaps: this reaches the next multiple
                    replay_rows(replay, rows[:cut], self._names)
                    last = rows[min(cut, len(rows)) - 1][_GSEQ]
                    if last % every == 0:
                        self.save_snapshot(last, replay.state)
                        written += 1
                        if progress is not None and progress(written, total) is False:
                            return written
                    rows = rows[cut:]
            return written
        finally:
            self.prune_blocks()

    def latest_snapshot(self, at_or_before_gseq: int | None = None, *,
                        mode: Mode = Mode.LIVE) -> tuple[int, State] | None:
        """The newest keyframe of ``mode`` at or before the gseq (default: the newest of all)."""
        with self._engine.connect() as conn:
            found = self._keyframe(conn, MODE_CODES[mode], at_or_before_gseq, None)
            return None if found is None else (found[0], self._unpack(conn, found[1]))

    def state_at(self, gseq: int | None = None, time_ms: int | None = None,
                 mode: Mode = Mode.LIVE, *, drill_start: int | None = None) -> State:
        """The state after every event up to ``gseq`` and with hub time at or before ``time_ms``
        (both optional: None, None is now), as a ``mode`` workstation sees it. ``drill_start``: the gseq of
        a drill's ``drill_started``, for that drill's own state (see ``rebuild``)."""
        return self.rebuild(gseq, time_ms, mode, drill_start=drill_start).state

    def keyframe_before(self, time_ms: int, mode: Mode = Mode.LIVE) -> Keyframe | None:
        """The stored keyframe of ``mode`` nearest at or before ``time_ms`` (None: there is none, or it is
        unreadable). Without the events after it, so it costs a fraction of ``rebuild``: what a replay's
        drag across the day previews from, as a video player scrubs on its key frames."""
        with _collector_paused(), self._engine.connect() as conn:
            row = conn.execute(
                select(snapshots.c.gseq, snapshots.c.t_hub_max, snapshots.c.data)
                .where(snapshots.c.mode == MODE_CODES[mode], snapshots.c.t_hub_max <= time_ms)
                .order_by(snapshots.c.gseq.desc()).limit(1)
            ).first()
            if row is None:
                return None
            try:
                state = self._unpack(conn, bytes(row.data))
            except LookupError:  # a damaged keyframe: the caller rebuilds from the log instead
                log.exception("keyframe at gseq %d is unreadable", row.gseq)
                return None
        return Keyframe(int(row.gseq), int(row.t_hub_max), state)

    def rebuild(self, gseq: int | None = None, time_ms: int | None = None,
                mode: Mode = Mode.LIVE, *, drill_start: int | None = None) -> Rebuilt:
        """``state_at``, with where it came from. Drill states: keyframes of drill mode are used if
        some were written; before the first drill event a drill state equals the live one, so live
        keyframes from then serve too, and only a drill's own stretch is replayed.

        ``drill_start`` (drill mode only): the state of the drill opened by the ``drill_started`` at that
        gseq, as the hub keeps it: the live state just before it (from the live keyframe before it, earlier
        drills' events ignored as a live state ignores them), in drill mode, then every event from it on."""
        if gseq is not None and gseq < 0:
            raise ValueError(f"gseq must be >= 0, not {gseq}")
        if drill_start is not None and (mode is not Mode.DRILL or drill_start < 1):
            raise ValueError(f"drill_start ({drill_start}) is a drill_started's gseq, for a drill-mode state")
        with _collector_paused():
            with self._engine.connect() as conn:
                end = self._max_gseq(conn) if gseq is None else min(gseq, self._max_gseq(conn))
                if time_ms is not None:
                    end = min(end, self._last_gseq_at_time(conn, time_ms))
                if drill_start is None:
                    start, state = self._starting_point(conn, mode, end, time_ms)
                else:  # live up to the drill's start: a live state ignores the earlier drills' events
                    start, state = self._starting_point(conn, Mode.LIVE, min(end, drill_start - 1), time_ms)
            replay = Replay(state, decode_position)
            if drill_start is None:
                replayed = self._replay(replay, start, end, time_ms)
            else:
                live_end = min(end, drill_start - 1)
                replayed = self._replay(replay, start, live_end, time_ms)
                replay = Replay(msgspec.structs.replace(replay.state, mode=Mode.DRILL), decode_position)
                replayed += self._replay(replay, live_end, end, time_ms)
        return Rebuilt(end, replay.state, start, replayed)

    def _replay(self, replay: Replay, after: int, upto: int, time_ms: int | None) -> int:
        """Folds the events ``after < gseq <= upto`` into ``replay``; returns how many."""
        replayed = 0
        for rows in self._raw_chunks(self._range_query(after, upto, time_ms)):
            replay_rows(replay, rows, self._names)
            replayed += len(rows)
        return replayed

    def _starting_point(self, conn: Connection, mode: Mode, end: int, time_ms: int | None) -> tuple[int, State]:
        found = self._keyframe(conn, MODE_CODES[mode], end, time_ms)
        if mode is Mode.DRILL:
            first_drill = conn.scalar(
                # A literal, so that the partial index on drill events is usable.
                select(func.min(events.c.gseq)).where(sa.text(f"mode = {DRILL_CODE}"))
            )
            live_end = end if first_drill is None else min(end, first_drill - 1)
            live = self._keyframe(conn, MODE_CODES[Mode.LIVE], live_end, time_ms)
            if live is not None and (found is None or live[0] > found[0]):
                return live[0], msgspec.structs.replace(self._unpack(conn, live[1]), mode=Mode.DRILL)
        if found is None:
            return 0, State(mode=mode)
        try:
            return found[0], self._unpack(conn, found[1])
        except LookupError:  # a damaged keyframe is a lost shortcut, not lost data: the log is whole
            log.exception("keyframe at gseq %d is unreadable; replaying the log from its start", found[0])
            return 0, State(mode=mode)

    def _unpack(self, conn: Connection, head: bytes) -> State:
        def fetch(hashes: Collection[bytes]) -> dict[bytes, bytes]:
            query = select(keyframe_blocks.c.hash, keyframe_blocks.c.data).where(
                keyframe_blocks.c.hash.in_(list(hashes))
            )
            return {bytes(row.hash): bytes(row.data) for row in conn.execute(query)}

        return self._keyframes.unpack(head, fetch)

    def _keyframe(self, conn: Connection, mode: int, upto: int | None,
                  time_ms: int | None) -> tuple[int, bytes] | None:
        query = select(snapshots.c.gseq, snapshots.c.data).where(snapshots.c.mode == mode)
        if upto is not None:
            query = query.where(snapshots.c.gseq <= upto)
        if time_ms is not None:
            query = query.where(snapshots.c.t_hub_max <= time_ms)
        row = conn.execute(query.order_by(snapshots.c.gseq.desc()).limit(1)).first()
        return None if row is None else (row.gseq, row.data)

    def _last_gseq_at_time(self, conn: Connection, time_ms: int) -> int:
        """The last gseq with ``t_hub <= time_ms``: the last one before the running maximum of hub time
        passes the time, unless a later event was stamped earlier than one before it: such events are
        exactly the ones in ``late_events``, so the answer is the larger of the two lookups."""
        late = conn.scalar(select(func.max(late_events.c.gseq)).where(late_events.c.t_hub <= time_ms))
        return max(self._first_gseq_past(conn, time_ms) - 1, late or 0)

    def _first_gseq_past(self, conn: Connection, time_ms: int) -> int:
        """The first gseq whose running maximum of hub time is after ``time_ms`` (one past the last
        gseq if none is). The running maximum never falls, so the live keyframes (each stored with it)
        bracket the answer within one keyframe's spacing, bisection narrows a wider bracket (a log
        without keyframes), and one scan finds it: the first event in the bracket stamped after the time.
        No index on hub time is needed, which makes every append cheaper and the log smaller. (Bisection
        all the way took ~25 queries: ~10 ms in SQLite and a round trip each in PostgreSQL.)"""
        low, high = self._keyframe_bracket(conn, time_ms)
        # Invariant: the running maximum at ``low - 1`` is at or before the time, at ``high`` after it (or
        # ``high`` is one past the last gseq).
        while high - low > _SCAN_ROWS:
            middle = (low + high) // 2
            if self._t_hub_max_at(conn, middle) > time_ms:
                high = middle
            else:
                low = middle + 1
        # A late event cannot be the first past: it is stamped before the running maximum, which up to
        # there is at or before the time. So the first event in [low, high) stamped after the time is it.
        found = conn.scalar(
            select(events.c.gseq).where(events.c.gseq >= low, events.c.gseq < high, events.c.t_hub + 0 > time_ms)
            .order_by(events.c.gseq).limit(1)
        )
        return high if found is None else int(found)

    def _keyframe_bracket(self, conn: Connection, time_ms: int) -> tuple[int, int]:
        """``(low, high)``: the first gseq past ``time_ms`` is in ``[low, high]`` (see ``_first_gseq_past``),
        from the live keyframes on either side of the time."""
        live = snapshots.c.mode == MODE_CODES[Mode.LIVE]
        before = conn.scalar(
            select(snapshots.c.gseq).where(live, snapshots.c.t_hub_max <= time_ms)
            .order_by(snapshots.c.gseq.desc()).limit(1)
        )
        low = 1 if before is None else int(before) + 1
        after = conn.scalar(  # the next keyframe: its running maximum is after the time, as it never falls
            select(snapshots.c.gseq).where(live, snapshots.c.gseq >= low).order_by(snapshots.c.gseq).limit(1)
        )
        return low, self._max_gseq(conn) + 1 if after is None else int(after)

    def _t_hub_max_at(self, conn: Connection, gseq: int) -> int:
        """The highest hub time among events up to ``gseq``: the hub time of the last event at or
        before it that is not late (each such event is a new running maximum)."""
        late = select(late_events.c.gseq).where(late_events.c.gseq <= gseq)
        query = (
            select(events.c.t_hub).where(events.c.gseq <= gseq, events.c.gseq.not_in(late))
            .order_by(events.c.gseq.desc()).limit(1)
        )
        return conn.scalar(query) or 0

    # --- helpers ------------------------------------------------------------------------------------

    def _max_gseq(self, conn: Connection) -> int:
        return self._backend.last_gseq(conn)

    def _load_caches(self, conn: Connection) -> None:
        self._names.update(self._read_names(conn))
        self._ids = {name: source_id for source_id, name in self._names.items()}
        self._hw, self._hw_unsaved = self._load_high_waters(conn)
        self._last = self._max_gseq(conn)
        self._t_hub_max = self._t_hub_max_at(conn, self._last)

    def _load_high_waters(self, conn: Connection) -> tuple[dict[str, int], set[str]]:
        """Every source's high water, and the sources whose saved one is behind it: the saved ones
        brought up to date by the events after them (at most ``HIGH_WATERS_EVERY`` of them, unless
        the log was written by a version that saved none)."""
        saved_at = conn.scalar(select(store_marks.c.value).where(store_marks.c.name == _HIGH_WATERS_MARK)) or 0
        names, hw = {}, {}
        for source_id, name, top in conn.execute(select(sources.c.id, sources.c.name, sources.c.high_water)):
            names[source_id] = name
            if top > 0:
                hw[name] = top
        unsaved = set()
        newer = select(events.c.source_id, func.max(events.c.seq)).where(events.c.gseq > saved_at)
        for source_id, top in conn.execute(newer.group_by(events.c.source_id)):
            name = names[source_id]
            if top > hw.get(name, 0):
                hw[name] = top
                unsaved.add(name)
        return hw, unsaved

    def _source_id(self, conn: Connection, name: str) -> int | None:
        source_id = self._ids.get(name)
        if source_id is None:
            source_id = conn.scalar(select(sources.c.id).where(sources.c.name == name))
        return source_id

    def _read_names(self, conn: Connection | None = None) -> dict[int, str]:
        if conn is None:
            with self._engine.connect() as own:
                return self._read_names(own)
        return {row.id: row.name for row in conn.execute(select(sources.c.id, sources.c.name))}

    def _lookup(self, conn: Connection, source: str, seq: int, last: int) -> int | None:
        """The gseq of the stored event ``(source, seq)`` among gseqs up to ``last``, or None.

        A source's events that are not in ``late_seqs`` have seqs that rise with gseq, and a late
        event is stored below every seq of its source stored after it. So, walking the source's
        events with a seq at most ``seq`` from the newest back, the first one equal to it is the
        event, and the first lower one that is not late proves the seq was never stored. The walk
        goes a few epochs at a time through the epoch-led index, normally ending in the newest
        epoch that holds the source at all."""
        source_id = self._source_id(conn, source)
        if source_id is None:
            return None
        late: set[int] | None = None
        newest = last // SEQ_EPOCH
        sizes = iter(_LOOKUP_EPOCHS)
        while newest >= 0:
            oldest = max(newest - next(sizes, _LOOKUP_EPOCHS[-1]) + 1, 0)
            epochs = ", ".join(str(epoch) for epoch in range(newest, oldest - 1, -1))
            rows = self._fetch_sql(conn, f"SELECT gseq, seq FROM events WHERE {SEQ_EPOCH_SQL} IN ({epochs}) "
                                         f"AND source_id = {int(source_id)} AND seq <= {int(seq)}")
            for gseq, stored in sorted(rows, reverse=True):
                if gseq > last:
                    continue
                if stored == seq:
                    return int(gseq)
                if late is None:
                    late = set(conn.scalars(select(late_seqs.c.gseq).where(late_seqs.c.source_id == source_id)))
                if gseq not in late:
                    return None
            newest = oldest - 1
        return None

    def _decode(self, row: RawRow) -> Envelope:
        return decode_rows([row], self._names)[0][1]
