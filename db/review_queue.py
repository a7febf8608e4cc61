"""The safeguarding review queue: its order, its outcomes, its counts (SPEC §5, issue 15).

Every comment flagged with a concern, and every comment in a language the analysis cannot
read, waits here until a co-ordinator records an outcome. The queue shows the most urgent
first (severity from `data/review_severity.toml`), then the newest service date, then a
random order within a date (answer ids are random, db.models.random_id): never the order
the women came in. Pages are read with a keyset cursor, and the counts are SQL counts.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, Integer, and_, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from analysis.text import clean_staff_text, once
from db import audit
from db.comments import MAX_NOTE_CHARS, QUESTION_LABELS
from db.dashboard import NO_SITE_LABEL
from db.models import (
    REVIEW_ACTIONS,
    REVIEW_OUTCOMES,
    Answer,
    AnswerConcern,
    CommentReview,
    Site,
    Submission,
)
from db.service_day import service_date_now

SEVERITY_FILE = Path(__file__).with_name("data") / "review_severity.toml"
NOT_READ = "not_read"  # the severity table's name for an answer the analysis cannot read
PER_PAGE = 20

OUTCOME_LABELS = {
    "real_concern": "Real concern",
    "false_alarm": "False alarm",
    "wrong_category": "Wrong category",
    "reviewed_earlier": "Reviewed before Lantern recorded outcomes",
}
ACTION_LABELS = {
    "talked_next_session": "Talked with her at the next session",
    "referred": "Referred",
    "taken_to_forum": "Taken to the forum",
    "nothing_possible": "Nothing possible",
}
# What staff may choose; "reviewed_earlier" only comes from migration 0012.
CHOSEN_OUTCOMES = ("real_concern", "false_alarm", "wrong_category")
assert set(OUTCOME_LABELS) == set(REVIEW_OUTCOMES) and set(ACTION_LABELS) == set(REVIEW_ACTIONS)


@dataclass(frozen=True)
class Level:
    """One severity level: rank 1 is the most urgent."""

    rank: int
    name: str
    colour: str
    categories: tuple[str, ...]


@dataclass(frozen=True)
class Severities:
    """The severity table (data/review_severity.toml)."""

    levels: tuple[Level, ...]
    unlisted_rank: int

    def rank(self, category: str) -> int:
        """The rank of a category (or of NOT_READ); unlisted ones take `unlisted_rank`."""
        for level in self.levels:
            if category in level.categories:
                return level.rank
        return self.unlisted_rank

    def level(self, rank: int) -> Level:
        """The level of a rank."""
        return next(level for level in self.levels if level.rank == rank)

    @property
    def categories(self) -> tuple[str, ...]:
        """Every concern category listed, most urgent first (NOT_READ left out)."""
        return tuple(c for level in self.levels for c in level.categories if c != NOT_READ)


@once
def severities() -> Severities:
    """The shipped severity table, read once."""
    with SEVERITY_FILE.open("rb") as handle:
        table = tomllib.load(handle)
    levels = tuple(
        Level(int(raw["rank"]), str(raw["name"]), str(raw["colour"]), tuple(raw["categories"]))
        for raw in table["level"]
    )
    return Severities(
        tuple(sorted(levels, key=lambda level: level.rank)), int(table["unlisted"]["rank"])
    )


def severity_of(concerns: tuple[str, ...], machine_read: bool) -> Level:
    """The level of a comment: its most urgent category (or "not read automatically")."""
    table = severities()
    ranks = [table.rank(c) for c in concerns]
    if not machine_read:
        ranks.append(table.rank(NOT_READ))
    return table.level(min(ranks, default=table.unlisted_rank))


def _severity() -> ColumnElement[int]:
    """The rank of an answer in SQL: the smallest over its concerns and its being unread."""
    table = severities()
    lowest = max(level.rank for level in table.levels) + 1
    by_category = {c: level.rank for level in table.levels for c in level.categories}
    of_concerns = (
        select(func.min(case(by_category, value=AnswerConcern.category, else_=table.unlisted_rank)))
        .where(AnswerConcern.answer_id == Answer.id)
        .correlate(Answer)
        .scalar_subquery()
    )
    concern_rank = func.coalesce(of_concerns, lowest)
    not_read = table.rank(NOT_READ)
    return case(
        (and_(Answer.machine_read.is_(False), concern_rank > not_read), not_read),
        else_=concern_rank,
    )


def _in_queue() -> ColumnElement[bool]:
    """Flagged with a concern, or in a language nobody's software read; text still kept."""
    return and_(
        Answer.text.is_not(None),
        or_(
            exists().where(AnswerConcern.answer_id == Answer.id).correlate(Answer),
            Answer.machine_read.is_(False),
        ),
    )


def _reviewed() -> ColumnElement[bool]:
    """An outcome has been recorded (a review that only marked it quotable is not one)."""
    return (
        exists()
        .where(CommentReview.answer_id == Answer.id, CommentReview.outcome.is_not(None))
        .correlate(Answer)
    )


def waiting_count(session: Session) -> int:
    """How many comments wait for a review outcome: one SQL count (the sidebar badge)."""
    waiting = select(Answer.id).where(_in_queue(), ~_reviewed()).subquery()
    return int(session.scalar(select(func.count()).select_from(waiting)) or 0)


def waiting_longer_than(session: Session, days: int, today: dt.date | None = None) -> int:
    """How many waiting comments have waited more than `days` days since their service
    date (the digest's escalation line: days, as no time of arrival is stored)."""
    today = today or service_date_now()
    waiting = (
        select(Answer.id)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(_in_queue(), ~_reviewed(), Submission.service_date < today - dt.timedelta(days))
        .subquery()
    )
    return int(session.scalar(select(func.count()).select_from(waiting)) or 0)


Cursor = tuple[int, dt.date, int]  # (severity rank, service date, answer id) of a page's last


@dataclass(frozen=True)
class QueueItem:
    """One comment in the queue, as plain values."""

    id: int
    service_date: dt.date
    site: str
    question: str
    text: str
    concerns: tuple[str, ...]
    machine_read: bool
    language: str | None
    severity: Level
    outcome: str | None
    action_taken: str | None
    right_category: str | None
    outcome_by: str | None
    note: str


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue; `next_cursor` is None on the last page."""

    items: tuple[QueueItem, ...]
    next_cursor: Cursor | None


def queue_page(
    session: Session,
    *,
    include_reviewed: bool = False,
    after: Cursor | None = None,
    per_page: int = PER_PAGE,
) -> QueuePage:
    """One page of the queue: most urgent first, then newest service date, then random."""
    severity = _severity().label("severity")
    keyed = (
        select(Answer.id.label("id"), Submission.service_date.label("service_date"), severity)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(_in_queue())
    )
    if not include_reviewed:
        keyed = keyed.where(~_reviewed())
    ordered = keyed.subquery()
    query = select(ordered.c.id, ordered.c.service_date, ordered.c.severity)
    if after is not None:
        rank, day, last = after
        query = query.where(
            or_(
                ordered.c.severity > rank,
                and_(ordered.c.severity == rank, ordered.c.service_date < day),
                and_(
                    ordered.c.severity == rank,
                    ordered.c.service_date == day,
                    ordered.c.id > last,
                ),
            )
        )
    keys = session.execute(
        query.order_by(ordered.c.severity, ordered.c.service_date.desc(), ordered.c.id).limit(
            per_page + 1
        )
    ).all()
    more = len(keys) > per_page
    keys = keys[:per_page]
    ids = [k.id for k in keys]
    details = {
        row.id: row
        for row in session.execute(
            select(
                Answer.id,
                Site.name.label("site"),
                Answer.question,
                Answer.text,
                Answer.machine_read,
                Answer.language,
                CommentReview.outcome,
                CommentReview.action_taken,
                CommentReview.right_category,
                CommentReview.outcome_by,
                CommentReview.note,
            )
            .join(Submission, Submission.id == Answer.submission_id)
            .outerjoin(Site, Site.id == Submission.site_id)
            .outerjoin(CommentReview, CommentReview.answer_id == Answer.id)
            .where(Answer.id.in_(ids))
        )
    }
    concerns: dict[int, tuple[str, ...]] = {}
    for answer_id, category in session.execute(
        select(AnswerConcern.answer_id, AnswerConcern.category)
        .where(AnswerConcern.answer_id.in_(ids))
        .order_by(AnswerConcern.category)
    ):
        concerns[answer_id] = (*concerns.get(answer_id, ()), category)
    table = severities()
    items = tuple(
        QueueItem(
            id=key.id,
            service_date=key.service_date,
            site=details[key.id].site or NO_SITE_LABEL,
            question=QUESTION_LABELS.get(details[key.id].question, details[key.id].question),
            text=details[key.id].text or "",
            concerns=concerns.get(key.id, ()),
            machine_read=details[key.id].machine_read is not False,
            language=details[key.id].language,
            severity=table.level(min(int(key.severity), max(lv.rank for lv in table.levels))),
            outcome=details[key.id].outcome,
            action_taken=details[key.id].action_taken,
            right_category=details[key.id].right_category,
            outcome_by=details[key.id].outcome_by,
            note=details[key.id].note or "",
        )
        for key in keys
    )
    last = keys[-1] if keys else None
    next_cursor = (int(last.severity), last.service_date, last.id) if more and last else None
    return QueuePage(items, next_cursor)


def _days_to_review(session: Session) -> ColumnElement[int]:
    """Days from the service date to the first outcome, in this database's date arithmetic."""
    if session.get_bind().dialect.name == "postgresql":
        return CommentReview.first_reviewed_on - Submission.service_date  # type: ignore[return-value]
    return cast(
        func.julianday(CommentReview.first_reviewed_on) - func.julianday(Submission.service_date),
        Integer,
    )


def median_days_to_first_review(session: Session, today: dt.date | None = None) -> float | None:
    """The median days from service date to first outcome, over first outcomes recorded
    this month (None when there are none). Days, because no time of arrival is stored."""
    today = today or service_date_now()
    days = _days_to_review(session).label("days")
    reviewed = (
        select(days)
        .select_from(CommentReview)
        .join(Answer, Answer.id == CommentReview.answer_id)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(
            CommentReview.first_reviewed_on >= today.replace(day=1),
            CommentReview.first_reviewed_on <= today,
        )
        .subquery()
    )
    count = int(session.scalar(select(func.count()).select_from(reviewed)) or 0)
    if count == 0:
        return None
    middle = list(
        session.scalars(
            select(reviewed.c.days)
            .order_by(reviewed.c.days)
            .offset((count - 1) // 2)
            .limit(2 - count % 2)
        )
    )
    return sum(middle) / len(middle)


def record_outcome(
    session: Session,
    answer_id: int,
    *,
    reviewer: str,
    outcome: str,
    action_taken: str | None = None,
    right_category: str | None = None,
    note: str = "",
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> None:
    """Record a review's outcome with a short note; audit-logged (never the note's words).

    A real concern needs what was done; a wrong category needs the right one.
    """
    if outcome not in CHOSEN_OUTCOMES:
        raise ValueError("Choose what the review found.")
    if outcome == "real_concern":
        if action_taken not in REVIEW_ACTIONS:
            raise ValueError("Say what was done about this concern.")
    else:
        action_taken = None
    if outcome == "wrong_category":
        if right_category not in severities().categories:
            raise ValueError("Choose the right category.")
    else:
        right_category = None
    if session.get(Answer, answer_id) is None:
        raise ValueError("No such comment.")
    # Cleaned as her words are: no control or bidi characters (a NUL breaks PostgreSQL).
    note = clean_staff_text(note, multiline=True)[:MAX_NOTE_CHARS].rstrip()
    now = now or audit.utcnow()
    row = session.get(CommentReview, answer_id)
    if row is None:
        row = CommentReview(answer_id=answer_id, publishable=False)
        session.add(row)
    row.reviewed_at, row.reviewer, row.note = now, reviewer, note
    row.outcome, row.action_taken, row.right_category = outcome, action_taken, right_category
    row.outcome_by = reviewer
    if row.first_reviewed_on is None:
        row.first_reviewed_on = today or service_date_now()
    detail = f"outcome={outcome}"
    if action_taken:
        detail += f"; done={action_taken}"
    if right_category:
        detail += f"; right category={right_category}"
    audit.record(
        session, "comment_reviewed", actor=reviewer, target=f"answer {answer_id}", detail=detail
    )
