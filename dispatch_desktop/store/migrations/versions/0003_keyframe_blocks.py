"""Keyframes share blocks of incidents (see ``dispatch_desktop.store.keyframes``).

Keyframes written before stay as they are: they are still read.

Revision ID: 0003_keyframe_blocks
Revises: 0002_cameras
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_keyframe_blocks"
down_revision: str | None = "0002_cameras"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "keyframe_blocks",
        sa.Column("hash", sa.LargeBinary(16), primary_key=True),
        sa.Column("data", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    # Keyframes that refer to blocks cannot be read without them; the log itself is untouched.
    op.execute("DELETE FROM snapshots")
    op.drop_table("keyframe_blocks")
