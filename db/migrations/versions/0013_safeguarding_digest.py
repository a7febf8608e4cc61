"""The safeguarding digest (issue 15): staff e-mail addresses and the digest outbox.

Co-ordinators and admins may give an e-mail address and opt in to a digest at fixed times
("3 comments are waiting for safeguarding review"), so `users` gains `email` and
`digest_opt_in` (off for every existing account). `digest_outbox` holds each digest to
each person until it is sent: counts and a link only, never anything of a comment (SPEC
§2.5). It is unique per (slot, recipient), so several app processes can never queue the
same digest twice. The SMTP password is never stored: it comes from the environment.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08 00:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "digest_outbox"
INDEX = "ix_digest_outbox_status_next_try_at"
# Fixed here as they are at this version (db.models may grow its list later).
STATUSES = ("pending", "sending", "sent", "failed", "superseded")


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.String(length=254), nullable=True))
        batch.add_column(
            sa.Column("digest_opt_in", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recipient", sa.String(length=254), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claim", sa.String(length=32), nullable=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=80), nullable=True),
        sa.CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in STATUSES) + ")",
            name=op.f("ck_digest_outbox_status_known"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_outbox")),
        sa.UniqueConstraint("slot_at", "recipient", name=op.f("uq_digest_outbox_slot_at")),
    )
    op.create_index(INDEX, TABLE, ["status", "next_try_at"], unique=False)


def downgrade() -> None:
    op.drop_index(INDEX, table_name=TABLE)
    op.drop_table(TABLE)
    with op.batch_alter_table("users") as batch:
        batch.drop_column("digest_opt_in")
        batch.drop_column("email")
