"""Sign-in throttling by growing delays, kept apart from the accounts (SPEC §5).

Version 0002 locked an account for 15 minutes at its 10th failure in 5 minutes, a lock an
attacker could renew for ever. Failures are now counted per typed username (by a short
hash, never the name) and for the whole server, in their own table; the account columns
for the old lock stay but are no longer used.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 17:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sign_in_throttle",
        sa.Column("bucket", sa.String(length=40), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("first_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("bucket", name=op.f("pk_sign_in_throttle")),
    )
    op.create_index(
        op.f("ix_sign_in_throttle_last_failure_at"),
        "sign_in_throttle",
        ["last_failure_at"],
        unique=False,
    )
    # An account locked under the old rule is let go: the new rule starts from nothing.
    op.execute("UPDATE users SET locked_until = NULL, failed_attempts = 0")


def downgrade() -> None:
    op.drop_index(op.f("ix_sign_in_throttle_last_failure_at"), table_name="sign_in_throttle")
    op.drop_table("sign_in_throttle")
