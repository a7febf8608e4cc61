"""Random ids for submissions, answers and consultation responses (SPEC §2.1).

Sequential ids told the order a night's women came in: the Comments page put them in
widget keys and sorted by them, so someone who knew she was the third at the van could
find her words. From here each of these rows takes a random 53-bit id (db.models.random_id)
and the close-of-day step (db.close_day) rewrites each closed day's rows in a random order
under new ids, which also renumbers the rows stored before this version.

On PostgreSQL the ids and every column that points at them become BIGINT and the id
sequences go. On SQLite nothing changes in the schema: an INTEGER PRIMARY KEY is already a
64-bit rowid, and the application now chooses it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 17:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column) pairs holding a random id: the ids, then what points at them.
COLUMNS = (
    ("submissions", "id"),
    ("answers", "id"),
    ("consultation_responses", "id"),
    ("submission_services", "submission_id"),
    ("submission_provisions", "submission_id"),
    ("submission_slots", "submission_id"),
    ("submission_places", "submission_id"),
    ("answers", "submission_id"),
    ("consultation_responses", "submission_id"),
    ("answer_themes", "answer_id"),
    ("answer_concerns", "answer_id"),
    ("comment_reviews", "answer_id"),
    ("action_comments", "answer_id"),
    ("consultation_responses", "answer_id"),
)
SEQUENCED = ("submissions", "answers", "consultation_responses")


INDEX = "ix_submissions_not_closed"


def upgrade() -> None:
    # Every row stored so far is still to be rewritten: the first close-of-day run gives
    # the rows of every finished day new random ids in a random order.
    op.add_column(
        "submissions",
        sa.Column("closed", sa.Boolean(), server_default=sa.false(), nullable=False),
    )
    op.create_index(
        INDEX,
        "submissions",
        ["service_date"],
        unique=False,
        sqlite_where=sa.text("closed = 0"),
        postgresql_where=sa.text("closed = false"),
    )
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in SEQUENCED:  # fixed names, not input
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id DROP DEFAULT")
        op.execute(f"DROP SEQUENCE IF EXISTS {table}_id_seq")
    for table, column in COLUMNS:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT")


def downgrade() -> None:
    op.drop_index(INDEX, table_name="submissions")
    op.execute("ALTER TABLE submissions DROP COLUMN closed")  # in place, as in 0007
    if op.get_bind().dialect.name != "postgresql":
        return
    # The columns stay BIGINT: random ids do not fit 32 bits, and the older code works the
    # same on BIGINT. The id sequences come back, starting past the largest id in use.
    for table in SEQUENCED:
        op.execute(f"CREATE SEQUENCE {table}_id_seq AS BIGINT OWNED BY {table}.id")
        op.execute(
            f"SELECT setval('{table}_id_seq', "  # noqa: S608 (fixed names, not input)
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        )
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id SET DEFAULT nextval('{table}_id_seq')")
