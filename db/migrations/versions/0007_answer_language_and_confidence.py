"""Each answer's language, whether the analysis could read it, and P(concern).

Analysis version 10 detects the language an answer is written in; one the analysis does
not read goes to the safeguarding review queue marked "not read automatically" (SPEC §2.5,
§4). It also gives each safeguarding flag a confidence. Answers stored before this have
none of the three until they are re-analysed: they are taken as read (machine_read true),
language and confidence unknown (NULL).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch_op.add_column(
            sa.Column("machine_read", sa.Boolean(), server_default=sa.true(), nullable=False)
        )
        batch_op.add_column(sa.Column("concern_confidence", sa.Float(), nullable=True))
        batch_op.create_index(
            "ix_answers_not_machine_read",
            ["machine_read"],
            unique=False,
            sqlite_where=sa.text("machine_read = 0"),
            postgresql_where=sa.text("machine_read = false"),
        )


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_not_machine_read")
        batch_op.drop_column("concern_confidence")
        batch_op.drop_column("machine_read")
        batch_op.drop_column("language")
