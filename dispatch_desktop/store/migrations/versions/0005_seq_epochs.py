"""The (source, seq) index is led by the gseq's epoch instead of the source, so that appends write a few
pages per batch however big the log grows (see ``schema.SEQ_EPOCH``). Late events get a table of their
own, and the sources their saved high waters.

Revision ID: 0005_seq_epochs
Revises: 0004_no_t_hub_index
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005_seq_epochs"
down_revision: str | None = "0004_no_t_hub_index"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen here: the code's constant may change later, a migration must not.
_EPOCH_SQL = "(gseq / 4096)"
_GSeq = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("sources", sa.Column("high_water", sa.BigInteger(), nullable=False, server_default="0"))
    op.create_table(
        "late_seqs",
        sa.Column("source_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("gseq", _GSeq, nullable=False),
    )
    op.create_table(
        "store_marks",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )
    # While the old index still serves: every event stored after a higher seq of its source is late.
    op.execute(
        "INSERT INTO late_seqs (source_id, seq, gseq) "
        "SELECT source_id, seq, gseq FROM ("
        "  SELECT source_id, seq, gseq, max(seq) OVER ("
        "    PARTITION BY source_id ORDER BY gseq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING"
        "  ) AS above FROM events"
        ") AS ordered WHERE seq < above"
    )
    op.execute("UPDATE sources SET high_water = "
               "coalesce((SELECT max(seq) FROM events WHERE events.source_id = sources.id), 0)")
    op.execute("INSERT INTO store_marks (name, value) SELECT 'high_waters', coalesce(max(gseq), 0) FROM events")
    op.drop_index("ux_events_source_seq", table_name="events")
    op.create_index("ix_events_seq_epoch", "events", [sa.text(_EPOCH_SQL), "source_id", "seq"])


def downgrade() -> None:
    op.drop_index("ix_events_seq_epoch", table_name="events")
    op.create_index("ux_events_source_seq", "events", ["source_id", "seq"], unique=True)
    op.drop_table("store_marks")
    op.drop_table("late_seqs")
    with op.batch_alter_table("sources") as batch:
        batch.drop_column("high_water")
