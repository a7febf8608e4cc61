"""Safeguarding review outcomes (issue 15): what the review found and what was done.

`comment_reviews` gains the outcome (real concern, false alarm, wrong category), what was
done about a real concern, the right category when the reading was wrong, who recorded
the outcome, and the service date of the first outcome (review times are counted in days
from the service date, SPEC §2.1).

Reviews stored before this on comments in the review queue (flagged, or not read
automatically) left the queue then and stay out of it: their outcome is
"reviewed_earlier", recorded by their reviewer, first reviewed on the day of `reviewed_at`
(the last time anyone saved the review: the nearest day known). Reviews of other comments
only said whether they may be quoted: they keep no outcome.

Batch mode on SQLite (CHECK constraints need a new table there): nothing refers to
`comment_reviews`, so copying it and dropping the old one cascades nowhere.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 21:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Fixed here as they are at this version (db.models may grow its lists later).
OUTCOMES = ("real_concern", "false_alarm", "wrong_category", "reviewed_earlier")
ACTIONS = ("talked_next_session", "referred", "taken_to_forum", "nothing_possible")
COLUMNS = ("outcome", "action_taken", "right_category", "outcome_by", "first_reviewed_on")
CHECKS = {
    "outcome_known": "outcome IS NULL OR outcome IN ("
    + ", ".join(f"'{o}'" for o in OUTCOMES)
    + ")",
    "action_with_real_concern": (
        "(COALESCE(outcome, '') = 'real_concern' AND action_taken IS NOT NULL"
        " AND action_taken IN (" + ", ".join(f"'{a}'" for a in ACTIONS) + "))"
        " OR (COALESCE(outcome, '') <> 'real_concern' AND action_taken IS NULL)"
    ),
    "right_category_with_wrong_category": (
        "(COALESCE(outcome, '') = 'wrong_category' AND right_category IS NOT NULL)"
        " OR (COALESCE(outcome, '') <> 'wrong_category' AND right_category IS NULL)"
    ),
}
IN_QUEUE = (
    "answer_id IN (SELECT answer_id FROM answer_concerns)"
    " OR answer_id IN (SELECT id FROM answers WHERE machine_read = {false})"
)


def upgrade() -> None:
    with op.batch_alter_table("comment_reviews") as batch:
        batch.add_column(sa.Column("outcome", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("action_taken", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("right_category", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("outcome_by", sa.String(length=60), nullable=True))
        batch.add_column(sa.Column("first_reviewed_on", sa.Date(), nullable=True))
        for name, condition in CHECKS.items():
            batch.create_check_constraint(op.f(f"ck_comment_reviews_{name}"), condition)
    postgres = op.get_bind().dialect.name == "postgresql"
    day = "CAST(reviewed_at AT TIME ZONE 'UTC' AS DATE)" if postgres else "date(reviewed_at)"
    in_queue = IN_QUEUE.format(false="false" if postgres else "0")
    done = "outcome = 'reviewed_earlier', outcome_by = reviewer"
    op.execute(f"UPDATE comment_reviews SET {done}, first_reviewed_on = {day} WHERE {in_queue}")  # noqa: S608 (fixed SQL, no input)


def downgrade() -> None:
    with op.batch_alter_table("comment_reviews") as batch:
        for name in CHECKS:
            batch.drop_constraint(op.f(f"ck_comment_reviews_{name}"), type_="check")
        for column in reversed(COLUMNS):
            batch.drop_column(column)
