"""The events table loses its index on hub time: time lookups bisect the running maximum instead (see
``EventStore._first_gseq_past``), which makes every append cheaper and a day's log ~10 B/event smaller.

Revision ID: 0004_no_t_hub_index
Revises: 0003_keyframe_blocks
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision: str = "0004_no_t_hub_index"
down_revision: str | None = "0003_keyframe_blocks"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_index("ix_events_t_hub", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_t_hub", "events", ["t_hub"])
