"""The event log: sources, events, late events, snapshots.

Revision ID: 0001
Revises:
Create Date: 2025-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# The rowid on SQLite (see schema.py), 64 bits on PostgreSQL.
GSEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
    )
    op.create_table(
        "events",
        sa.Column("gseq", GSEQ, primary_key=True, autoincrement=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("t_hub", sa.BigInteger(), nullable=False),
        sa.Column("t_lag", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("mode", sa.SmallInteger(), nullable=False),
        sa.Column("v", sa.BigInteger(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
    )
    op.create_index("ux_events_source_seq", "events", ["source_id", "seq"], unique=True)
    op.create_index("ix_events_t_hub", "events", ["t_hub"])
    drill = sa.text("mode = 1")
    op.create_index("ix_events_drill", "events", ["gseq"], sqlite_where=drill, postgresql_where=drill)
    op.create_table(
        "late_events",
        sa.Column("gseq", GSEQ, primary_key=True, autoincrement=False),
        sa.Column("t_hub", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "snapshots",
        sa.Column("mode", sa.SmallInteger(), primary_key=True),
        sa.Column("gseq", sa.BigInteger(), primary_key=True),
        sa.Column("t_hub_max", sa.BigInteger(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("snapshots")
    op.drop_table("late_events")
    op.drop_table("events")
    op.drop_table("sources")
