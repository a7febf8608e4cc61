"""Idempotency keys for kiosk sends, in a table of their own.

A stalled database once committed a send after her screen had been wiped, and a Retry
could have stored it twice (issue 13). Each kiosk form now carries a random key, inserted
in the same transaction as her submission; a second send with a key already present stores
nothing. The keys have no link to the submission and no time, only the service date, and
are cleared when the day closes (SPEC §2.1).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 16:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "send_keys"
INDEX = "ix_send_keys_service_date"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("service_date", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_send_keys")),
    )
    op.create_index(op.f(INDEX), TABLE, ["service_date"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f(INDEX), table_name=TABLE)
    op.drop_table(TABLE)
