"""The store's tables, as SQLAlchemy Core objects; ``migrations/versions`` creates exactly these.

Compactness drives the layout (a day of Guangzhou's patrol fleet is ~19 M position reports): the
envelope's fields are integer columns (source interned to a small id, kind and mode as small codes,
``t_src`` kept as its small lag behind ``t_hub``) and ``body`` holds only the body's field values
(see ``rows``). ``gseq`` is SQLite's rowid, so the table itself is the gseq index.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    Double,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    literal_column,
)

from dispatch_desktop.domain.events import KIND_CODES

# On SQLite the gseq column must be spelled INTEGER to become the rowid (no second copy, no extra
# index); PostgreSQL needs 64 bits for it.
GSeq = BigInteger().with_variant(Integer(), "sqlite")

DRILL_CODE = 1
"""``events.mode`` for drill events (live is 0); a literal in the partial index below."""

PLUGIN_EVENT_CODE = KIND_CODES["plugin_event"]
"""``events.kind`` of plugin events; a literal in the partial index below (and migration 0007)."""

SEQ_EPOCH = 4096
"""gseqs per epoch of the (source, seq) index, whose leading key is ``gseq / SEQ_EPOCH``. Every source
reports in every batch, so an index led by the source takes each batch's entries at a thousand places
and, once big, SQLite rewrites a whole page per entry (4 KiB of log per report, a fifth of the append
rate at half a million rows). Led by the epoch, a batch lands in the newest epoch's few dozen pages
whatever the log's size; finding one (source, seq) costs a seek per epoch, newest first (see
``EventStore._lookup``)."""

SEQ_EPOCH_SQL = f"(gseq / {SEQ_EPOCH})"
"""The index's leading expression; a query uses the index only if it spells it exactly so."""

metadata = MetaData()

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("name", String(64), nullable=False, unique=True),
    # The source's highest seq as of ``store_marks['high_waters']``: saved every few tens of thousands
    # of events, so that opening a log needs to scan only the events after that for its high waters.
    Column("high_water", BigInteger, nullable=False, server_default="0"),
)

events = Table(
    "events",
    metadata,
    Column("gseq", GSeq, primary_key=True, autoincrement=False),
    # No foreign key to sources: only the store writes either table, in the same transaction, and a
    # per-row constraint check would slow PostgreSQL's COPY down.
    Column("source_id", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("t_hub", BigInteger, nullable=False),
    Column("t_lag", BigInteger, nullable=False),  # t_hub - t_src: a few hundred ms, so 2 bytes on disk
    Column("kind", SmallInteger, nullable=False),
    Column("mode", SmallInteger, nullable=False),
    Column("v", BigInteger, nullable=False),
    Column("body", LargeBinary, nullable=False),
    # Not unique: EventStore.append decides what is new (under the writers' lock), see SEQ_EPOCH.
    Index("ix_events_seq_epoch", literal_column(SEQ_EPOCH_SQL), "source_id", "seq"),
    # Drill events are rare: this index stays tiny and finds the first one at once (see state_at).
    Index(
        "ix_events_drill",
        "gseq",
        sqlite_where=literal_column("mode") == DRILL_CODE,
        postgresql_where=literal_column("mode") == DRILL_CODE,
    ),
    # Plugin events are rare too: a plugin's history is read through this one (read_plugin_events).
    Index(
        "ix_events_plugin",
        "gseq",
        sqlite_where=literal_column("kind") == PLUGIN_EVENT_CODE,
        postgresql_where=literal_column("kind") == PLUGIN_EVENT_CODE,
    ),
)

late_events = Table(
    "late_events",
    metadata,
    # Events whose hub time is earlier than that of an event stored before them (the hub's clock was
    # set back, or an unstamped event). Normally empty; it makes time-travel exact without an index
    # over (t_hub, gseq) order: see EventStore._last_gseq_at_time.
    Column("gseq", GSeq, primary_key=True, autoincrement=False),
    Column("t_hub", BigInteger, nullable=False),
)

late_seqs = Table(
    "late_seqs",
    metadata,
    # Events stored after an event of the same source with a higher seq (a report lost in flight and
    # resent after newer ones got through). Normally empty; without them, a source's seqs rise with
    # gseq, which lets a lookup stop at the first lower seq it meets (EventStore._lookup).
    Column("source_id", Integer, primary_key=True, autoincrement=False),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("gseq", GSeq, nullable=False),
)

store_marks = Table(
    "store_marks",
    metadata,
    # Named positions in the log; ``high_waters``: the gseq up to which ``sources.high_water`` is saved.
    Column("name", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("mode", SmallInteger, primary_key=True),
    Column("gseq", BigInteger, primary_key=True),
    Column("t_hub_max", BigInteger, nullable=False),  # the latest hub time among events <= gseq
    Column("data", LargeBinary, nullable=False),  # a keyframe head: see keyframes.py
)

keyframe_blocks = Table(
    "keyframe_blocks",
    metadata,
    # Blocks of incidents that keyframes share; the key is the hash of the block's content.
    Column("hash", LargeBinary(16), primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

cameras = Table(
    "cameras",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("district", String(64), nullable=False),
    Column("station", String(64), nullable=False),
    Column("lat", Double, nullable=False),
    Column("lon", Double, nullable=False),
    Column("heading", Double, nullable=True),  # NULL: a dome
    Column("fov", Double, nullable=True),
    Column("tags", Text, nullable=False),  # a JSON list of strings
    Column("stream_url", Text, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),  # when this row last changed
)
"""The camera registry (``cameras.py``): reference data, not events. Created by migration ``0002_cameras``."""

units = Table(
    "units",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("unit_kind", String(16), nullable=False),  # a ``UnitKind`` value
    Column("station", String(64), nullable=False),
    Column("name", String(200), nullable=False),
    Column("members", Text, nullable=False),  # a JSON list of strings
    Column("lat", Double, nullable=False),  # 0, 0: no position until the unit reports one
    Column("lon", Double, nullable=False),
    Column("updated_ms", BigInteger, nullable=False),  # when this row last changed
)
"""The unit registry (``units.py``): units from outside the generated city, which the hub registers when
it starts. Created by migration ``0006_units``."""
