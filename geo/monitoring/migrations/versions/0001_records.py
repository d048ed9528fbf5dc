"""Monitoring records: append-only history per project and site.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from geo.monitoring.models import STATUSES, PointType

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the records table, its checks and its unique indexes."""
    statuses = ", ".join(f"'{s}'" for s in STATUSES)
    op.create_table(
        "monitoring_record",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("project_id", sa.String(80), nullable=False),
        sa.Column("site", sa.String(120), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("investor", sa.Text, nullable=False),
        sa.Column("zone_id", sa.String(80), nullable=False),
        sa.Column("location", PointType(), nullable=True),
        sa.Column("registered_bn_vnd", sa.Float, nullable=True),
        sa.Column("disbursed_bn_vnd", sa.Float, nullable=True),
        sa.Column("as_of", sa.Date, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("recorded_by", sa.String(80), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("supersedes_id", sa.Integer, sa.ForeignKey("monitoring_record.id"), nullable=True),
        sa.UniqueConstraint("supersedes_id"),
        sa.CheckConstraint(f"status IN ({statuses})", name="status_known"),
        sa.CheckConstraint("registered_bn_vnd IS NULL OR registered_bn_vnd >= 0", name="registered_positive"),
        sa.CheckConstraint("disbursed_bn_vnd IS NULL OR disbursed_bn_vnd >= 0", name="disbursed_positive"),
        sa.CheckConstraint("length(source) > 0", name="source_given"),
    )
    op.create_index(
        "one_first_record",
        "monitoring_record",
        ["project_id", "site"],
        unique=True,
        sqlite_where=sa.text("supersedes_id IS NULL"),
        postgresql_where=sa.text("supersedes_id IS NULL"),
    )
    op.create_index("record_by_project", "monitoring_record", ["project_id", "site", "as_of"])


def downgrade() -> None:
    """Drop the table (only for a throw-away database: history is never dropped in use)."""
    op.drop_table("monitoring_record")
