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


# Plain ALTER TABLE, not batch mode: on SQLite batch mode copies `answers` and drops the
# old table, and with foreign keys on that DROP cascades to every row hung off an answer
# (themes, concerns, reviews, links to changes). SQLite adds and (3.35+) drops a column in
# place.
COLUMNS = ("language", "machine_read", "concern_confidence")
INDEX = "ix_answers_not_machine_read"


def upgrade() -> None:
    op.add_column("answers", sa.Column("language", sa.String(length=8), nullable=True))
    op.add_column(
        "answers",
        sa.Column("machine_read", sa.Boolean(), server_default=sa.true(), nullable=False),
    )
    op.add_column("answers", sa.Column("concern_confidence", sa.Float(), nullable=True))
    op.create_index(
        INDEX,
        "answers",
        ["machine_read"],
        unique=False,
        sqlite_where=sa.text("machine_read = 0"),
        postgresql_where=sa.text("machine_read = false"),
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="answers")
    for column in reversed(COLUMNS):  # fixed names, not input
        op.execute(f"ALTER TABLE answers DROP COLUMN {column}")
