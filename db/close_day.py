"""Closing a service day: once a night is over, nothing stored tells its arrival order.

Ids are random from the start (db.models.random_id), but the database itself still keeps
the order rows came in: SQLite's file pages and PostgreSQL's row positions (`ctid`) and
transaction numbers (`xmin`, which interleave with the audit log's timestamps). So when a
service day has closed, its submissions and every row hung off them (choices, answers,
their themes and concerns, reviews, links to changes, consultation responses) are read,
deleted and written back in a random order under new random ids, in one transaction per
day. The day's send keys (db.submissions.clear_send_keys) go at the same time.

Run by the app's daily job and by `python -m db.manage close-day` (cron, docs/deployment.md).
A day is closed once the service date has moved past it; a row stored later for a closed
day (an assisted entry typed up the next morning) is caught by the next run, and on
PostgreSQL the close locks the tables it rewrites, so nothing is written mid-close, since every
row not yet rewritten carries `closed = false`.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, delete, insert, select, text
from sqlalchemy.orm import Session

from db import audit
from db.dashboard import bump_data_version
from db.maintenance import scrub_after_purge
from db.models import (
    ActionComment,
    Answer,
    AnswerConcern,
    AnswerTheme,
    CommentReview,
    ConsultationResponse,
    Submission,
    SubmissionPlace,
    SubmissionProvision,
    SubmissionService,
    SubmissionSlot,
    random_id,
)
from db.service_day import service_date_now
from db.session import read_session, write_session
from db.submissions import clear_send_keys

# Rows hung off a submission (by submission_id) and off an answer (by answer_id).
_BY_SUBMISSION = (SubmissionService, SubmissionProvision, SubmissionSlot, SubmissionPlace)
_BY_ANSWER = (AnswerTheme, AnswerConcern, CommentReview, ActionComment)
_shuffle = random.SystemRandom().shuffle
# What a close locks on PostgreSQL: every table it rewrites rows of.
_LOCKED = tuple(
    model.__table__.name  # type: ignore[attr-defined]
    for model in (Submission, *_BY_SUBMISSION, Answer, *_BY_ANSWER, ConsultationResponse)
)
# How many days the app's own daily run closes on a visit (the first run after an upgrade
# finds every earlier day open; a few hundred rows a day take a fraction of a second).
IN_APP_DAYS = 7


@dataclass(frozen=True)
class Closed:
    """What a close-of-day run did."""

    days: int
    submissions: int
    send_keys: int


def _table(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined, no-any-return]


def close_day(session: Session, day: dt.date) -> int:
    """Rewrite one service day's rows in a random order under new ids (the caller commits);
    returns how many submissions were rewritten."""
    submissions, answers = _table(Submission), _table(Answer)
    responses = _table(ConsultationResponse)
    if session.get_bind().dialect.name == "postgresql":
        # Nothing may be written to these tables between the read below and the deletes:
        # a send, a late assisted entry or a review committed in between would be deleted
        # and never written back. Reads go on; writers wait (a day takes well under a
        # second). SQLite's writers are already held off by this transaction's write lock.
        session.execute(text(f"LOCK TABLE {', '.join(_LOCKED)} IN SHARE ROW EXCLUSIVE MODE"))
    of_day = select(submissions.c.id).where(submissions.c.service_date == day)
    answers_of_day = select(answers.c.id).where(answers.c.submission_id.in_(of_day))

    def rows(table: Table, where: object) -> list[dict]:
        return [dict(r) for r in session.execute(select(table).where(where)).mappings()]

    found = {
        Submission: rows(submissions, submissions.c.service_date == day),
        Answer: rows(answers, answers.c.submission_id.in_(of_day)),
        ConsultationResponse: rows(responses, responses.c.submission_id.in_(of_day)),
    }
    if not found[Submission]:
        return 0
    for model in _BY_SUBMISSION:
        found[model] = rows(_table(model), _table(model).c.submission_id.in_(of_day))
    for model in _BY_ANSWER:
        found[model] = rows(_table(model), _table(model).c.answer_id.in_(answers_of_day))

    new_submission = {r["id"]: random_id() for r in found[Submission]}
    new_answer = {r["id"]: random_id() for r in found[Answer]}
    remap: dict[str, Callable[[int], int]] = {
        "submission_id": new_submission.__getitem__,
        "answer_id": lambda old: new_answer.get(old, old),
    }
    for row in found[Submission]:
        row["id"], row["closed"] = new_submission[row["id"]], True
    for row in found[Answer]:
        row["id"] = new_answer[row["id"]]
    for row in found[ConsultationResponse]:
        row["id"] = random_id()
    for table_rows in found.values():
        for row in table_rows:
            for column, new in remap.items():
                if row.get(column) is not None:
                    row[column] = new(row[column])

    # Children first, so nothing relies on ON DELETE CASCADE; then parents first back in.
    # Nothing was written since the read (the lock above; SQLite's write lock), so the rows
    # the day's subqueries find now are exactly those read: no list of ids is bound, which
    # keeps a big day under the databases' limits on parameters.
    for model in (*_BY_ANSWER, ConsultationResponse, Answer, *_BY_SUBMISSION):
        table = _table(model)
        if model in _BY_ANSWER:
            where = table.c.answer_id.in_(answers_of_day)
        else:
            where = table.c.submission_id.in_(of_day)
        session.execute(delete(table).where(where))
    session.execute(delete(submissions).where(submissions.c.service_date == day))
    for model in (Submission, Answer, *_BY_SUBMISSION, ConsultationResponse, *_BY_ANSWER):
        table_rows = found[model]
        _shuffle(table_rows)
        if table_rows:
            session.execute(insert(_table(model)), table_rows)
    return len(found[Submission])


def days_to_close(session: Session, today: dt.date) -> list[dt.date]:
    """Service days before today with rows not yet rewritten, newest first: after an
    upgrade the app closes a week a visit, and the latest nights matter most."""
    return list(
        session.scalars(
            select(Submission.service_date)
            .where(Submission.closed.is_(False), Submission.service_date < today)
            .distinct()
            .order_by(Submission.service_date.desc())
        )
    )


def close_due_days(
    url: str | None = None,
    *,
    today: dt.date | None = None,
    actor: str = "system",
    most_days: int | None = None,
) -> Closed:
    """Close finished service days not yet closed (newest first, at most most_days of them),
    one transaction per day, then clear the send keys of finished days and wipe what the
    rewrite left on disk (db.maintenance.scrub_after_purge, without a table rewrite). Safe
    to run at any time and more than once."""
    today = today or service_date_now()
    with read_session(url) as session:
        due = days_to_close(session, today)[:most_days]
    rewritten = 0
    for day in due:
        with write_session(url) as session:
            rewritten += close_day(session, day)
    with write_session(url) as session:
        keys = clear_send_keys(session, before=today)
        if due:
            bump_data_version(session)  # the ids shown in cached pages have changed
            audit.record(
                session,
                "service_days_closed",
                actor=actor,
                detail=f"{len(due)} days, {rewritten} submissions rewritten in a random order",
            )
    if due:
        # The old rows' copies, in arrival order: SQLite's write-ahead log, PostgreSQL's
        # dead rows (their ctid and xmin) until a vacuum.
        scrub_after_purge(url, rewrite=False)
    return Closed(len(due), rewritten, keys)
