"""An index of plugin events (kind 26, ``plugin_event``): a plugin's history is read without scanning the
day's millions of position reports.

Revision ID: 0007_plugin_events
Revises: 0006_units
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007_plugin_events"
down_revision: str | None = "0006_units"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen here, as kind codes are (docs/STORE.md section 3.1): a migration must not follow the code.
_PLUGIN_EVENTS = sa.text("kind = 26")


def upgrade() -> None:
    op.create_index("ix_events_plugin", "events", ["gseq"], sqlite_where=_PLUGIN_EVENTS,
                    postgresql_where=_PLUGIN_EVENTS)


def downgrade() -> None:
    op.drop_index("ix_events_plugin", table_name="events")
