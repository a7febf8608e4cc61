"""SQLAlchemy 2 typed models. Nothing here can identify a woman (SPEC §2.1).

A submission holds only the service date (a day, never a time), the site, and what she
chose. There is deliberately no column for IP address, user agent, session, device,
cookie or time of day; tests/test_schema.py checks the live schema for that.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    delete,
    event,
    false,
    or_,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# Submissions and everything hung off them take random ids, never 1, 2, 3...: an id seen in
# a page, a widget key or an export must not tell in what order the women came (SPEC §2.1).
# 53 bits (a number JavaScript holds exactly); a clash is a one-in-billions chance per row.
# BIGINT on PostgreSQL; on SQLite INTEGER, which is already 64-bit and stays the rowid.
RowId = BigInteger().with_variant(Integer(), "sqlite")


def random_id() -> int:
    """A new random row id for a submission, an answer or a consultation response."""
    return secrets.randbelow(2**53 - 1) + 1


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints stably."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Site(Base):
    """A place the service runs: a van route or a drop-in. `slug` goes in the kiosk link."""

    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Provision(Base):
    """Something the service can hand out or offer (hot food, socks, ...)."""

    __tablename__ = "provisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    icon: Mapped[str] = mapped_column(String(16), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TimeSlot(Base):
    """A part of the day or night the service could be out (6–9pm, after 3am, ...)."""

    __tablename__ = "time_slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Service(Base):
    """A service she may have used today (outreach van, drop-in, a named programme).

    Admins add, rename and retire services (db/services.py); retired ones stay so past
    feedback can still be read per service.
    """

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    label: Mapped[str] = mapped_column(String(120))
    icon: Mapped[str] = mapped_column(String(16), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Submission(Base):
    """One anonymous visit to the kiosk: a day, a site, a rating and her choices.

    `rating` uses the NHS Friends and Family Test scale: 1 very good, 2 good,
    3 neither, 4 poor, 5 very poor; NULL when she preferred not to say.
    """

    __tablename__ = "submissions"
    __table_args__ = (
        CheckConstraint("rating IS NULL OR (rating BETWEEN 1 AND 5)", name="rating_range"),
        Index("ix_submissions_site_date", "site_id", "service_date"),
        # the rows the close-of-day step has still to rewrite, found fast
        Index(
            "ix_submissions_not_closed",
            "service_date",
            sqlite_where=text("closed = 0"),
            postgresql_where=text("closed = false"),
        ),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=False, default=random_id)
    service_date: Mapped[dt.date] = mapped_column(Date, index=True)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="RESTRICT"))
    rating: Mapped[int | None] = mapped_column(SmallInteger)
    assisted: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(16), default="en")
    # False until the close-of-day step has rewritten it under a new id (db.close_day).
    closed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    provisions: Mapped[list[SubmissionProvision]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    slots: Mapped[list[SubmissionSlot]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    places: Mapped[list[SubmissionPlace]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    answers: Mapped[list[Answer]] = relationship(cascade="all, delete-orphan", passive_deletes=True)
    services: Mapped[list[SubmissionService]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    consultation_responses: Mapped[list[ConsultationResponse]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class SubmissionService(Base):
    """A service she said she used today."""

    __tablename__ = "submission_services"

    submission_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    service_id: Mapped[int] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class SubmissionProvision(Base):
    """A provision she would like more of."""

    __tablename__ = "submission_provisions"

    submission_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    provision_id: Mapped[int] = mapped_column(
        ForeignKey("provisions.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class SubmissionSlot(Base):
    """A day of the week (0 = Monday) and time slot that suits her."""

    __tablename__ = "submission_slots"
    __table_args__ = (CheckConstraint("day BETWEEN 0 AND 6", name="day_range"),)

    submission_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    slot_id: Mapped[int] = mapped_column(
        ForeignKey("time_slots.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class SubmissionPlace(Base):
    """A place (site) where she would like the service to be."""

    __tablename__ = "submission_places"

    submission_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True
    )
    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class Answer(Base):
    """One free-text answer, stored only after redaction, with what analysis read in it.

    `text` is NULL once the retention period has passed; the readings stay.
    """

    __tablename__ = "answers"
    __table_args__ = (
        CheckConstraint(
            "sentiment_score IS NULL OR (sentiment_score BETWEEN -1 AND 1)",
            name="sentiment_range",
        ),
        # the few answers not read automatically, found fast for the review queue
        Index(
            "ix_answers_not_machine_read",
            "machine_read",
            sqlite_where=text("machine_read = 0"),
            postgresql_where=text("machine_read = false"),
        ),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=False, default=random_id)
    submission_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("submissions.id", ondelete="CASCADE"), index=True
    )
    question: Mapped[str] = mapped_column(String(40))
    text: Mapped[str | None] = mapped_column(Text)
    sentiment_score: Mapped[float | None] = mapped_column(Float)
    sentiment_label: Mapped[str | None] = mapped_column(String(10), index=True)
    analysis_version: Mapped[str] = mapped_column(String(20))
    # The language it is written in (ISO 639-1), and False when the analysis cannot read
    # that language: such an answer goes to a person in the review queue.
    language: Mapped[str | None] = mapped_column(String(8))
    machine_read: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    concern_confidence: Mapped[float | None] = mapped_column(Float)  # P(concern)

    themes: Mapped[list[AnswerTheme]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    concerns: Mapped[list[AnswerConcern]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class AnswerTheme(Base):
    """A theme an answer touches (slug of the theme framework)."""

    __tablename__ = "answer_themes"

    answer_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class AnswerConcern(Base):
    """A safeguarding concern category detected in an answer."""

    __tablename__ = "answer_concerns"

    answer_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
    )
    category: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class Setting(Base):
    """A service-wide setting an admin can change (helplines, exit site, retention)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SendKey(Base):
    """A kiosk form's idempotency key, stored with her submission so a Retry, a double tap
    or a late commit stores it once (SPEC §2.1, issue 13).

    Deliberately on its own: no link to the submission it came with and no time, only the
    service date, so the day's keys can be cleared when the day closes
    (db.submissions.clear_send_keys).
    """

    __tablename__ = "send_keys"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    service_date: Mapped[dt.date] = mapped_column(Date, index=True)


ROLES = ("admin", "coordinator", "worker")


class User(Base):
    """A staff account. Women never have accounts."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'coordinator', 'worker')", name="role_known"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # Sign-in throttling lives here, not in a browser session (SPEC §5).
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    first_failed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # Sessions that signed in before this moment are no longer valid ("sign out everywhere").
    sessions_valid_after: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The safeguarding digest (db/digest.py): where to send it, and whether they asked for it.
    email: Mapped[str | None] = mapped_column(String(254))
    digest_opt_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SignInThrottle(Base):
    """Recent failed sign-ins for one typed username, or for the whole server (SPEC §5).

    Keyed by a short hash of the name, never the name itself: an unknown "username" may be
    a password typed into the wrong box. Rows go once their failures are an hour old.
    """

    __tablename__ = "sign_in_throttle"

    bucket: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_failure_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_failure_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


class AuditEvent(Base):
    """One staff action. Append-only: database triggers refuse UPDATE and DELETE."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str | None] = mapped_column(String(60), index=True)
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str | None] = mapped_column(String(120))
    detail: Mapped[str | None] = mapped_column(Text)


# Where a queued digest is: waiting (or waiting to be retried), being sent by one process,
# sent, given up on, or replaced by a newer digest to the same person before it went.
DIGEST_STATUSES = ("pending", "sending", "sent", "failed", "superseded")


class DigestMail(Base):
    """One safeguarding digest to one member of staff at one fixed time (db/digest.py).

    It holds counts and a link only: no words, site, date or category of any comment (SPEC
    §2.5). One row per (slot, recipient), so several processes can never queue it twice;
    a process claims a row (status "sending", its own `claim`) before it sends it.
    """

    __tablename__ = "digest_outbox"
    __table_args__ = (
        UniqueConstraint("slot_at", "recipient"),
        CheckConstraint(
            "status IN (" + ", ".join(f"'{s}'" for s in DIGEST_STATUSES) + ")",
            name="status_known",
        ),
        Index("ix_digest_outbox_status_next_try_at", "status", "next_try_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))  # the digest time, UTC
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    claim: Mapped[str | None] = mapped_column(String(32))  # the claiming process's random token
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(String(80))  # an error's type and code only


# What a safeguarding review found (db/review_queue.py has the words for each).
# "reviewed_earlier": reviewed before Lantern asked for an outcome (migration 0012).
REVIEW_OUTCOMES = ("real_concern", "false_alarm", "wrong_category", "reviewed_earlier")
# What was done about a real concern.
REVIEW_ACTIONS = ("talked_next_session", "referred", "taken_to_forum", "nothing_possible")


class CommentReview(Base):
    """A co-ordinator's review of one answer: safeguarding note, and whether it may be quoted.

    A safeguarding review adds its outcome (NULL until one is recorded: marking a comment
    quotable on the Comments page is not a safeguarding review), what was done about a real
    concern, the right category when the reading was wrong, who recorded the outcome, and
    the service date of the first outcome (review times are counted in days, SPEC §2.1).
    """

    __tablename__ = "comment_reviews"
    __table_args__ = (
        CheckConstraint(
            "outcome IS NULL OR outcome IN (" + ", ".join(f"'{o}'" for o in REVIEW_OUTCOMES) + ")",
            name="outcome_known",
        ),
        CheckConstraint(
            "(COALESCE(outcome, '') = 'real_concern' AND action_taken IS NOT NULL"
            " AND action_taken IN ("
            + ", ".join(f"'{a}'" for a in REVIEW_ACTIONS)
            + ")) OR (COALESCE(outcome, '') <> 'real_concern' AND action_taken IS NULL)",
            name="action_with_real_concern",
        ),
        CheckConstraint(
            "(COALESCE(outcome, '') = 'wrong_category' AND right_category IS NOT NULL)"
            " OR (COALESCE(outcome, '') <> 'wrong_category' AND right_category IS NULL)",
            name="right_category_with_wrong_category",
        ),
    )

    answer_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True
    )
    reviewed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    reviewer: Mapped[str] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text, default="")
    publishable: Mapped[bool] = mapped_column(Boolean, default=False)
    outcome: Mapped[str | None] = mapped_column(String(20))
    action_taken: Mapped[str | None] = mapped_column(String(20))
    right_category: Mapped[str | None] = mapped_column(String(40))
    outcome_by: Mapped[str | None] = mapped_column(String(60))
    first_reviewed_on: Mapped[dt.date | None] = mapped_column(Date)


# --- Daily rollups -------------------------------------------------------------------
# Dashboards read these small tables instead of scanning every submission. They are
# kept up to date in the same transaction as each submission (db/rollups.py) and can be
# rebuilt from the submissions at any time. `site_key` is the site id, or 0 for
# "no site given" (a primary key cannot be NULL). `service_key` is 0 for "every
# submission", and each submission is counted once more under each service she said she
# used, so a service filter is one equality on a small table. It leads the primary key
# because every dashboard query fixes it and then reads a range of dates.


class DailySiteStats(Base):
    """Responses and ratings per service, service date and site."""

    __tablename__ = "daily_site_stats"

    service_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    site_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    responses: Mapped[int] = mapped_column(Integer, default=0)
    rated: Mapped[int] = mapped_column(Integer, default=0)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0)
    positive: Mapped[int] = mapped_column(Integer, default=0)
    neutral: Mapped[int] = mapped_column(Integer, default=0)
    negative: Mapped[int] = mapped_column(Integer, default=0)
    assisted: Mapped[int] = mapped_column(Integer, default=0)


class DailySentimentStats(Base):
    """Free-text answers and their sentiment per service, service date, site and question."""

    __tablename__ = "daily_sentiment_stats"

    service_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    site_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    question: Mapped[str] = mapped_column(String(40), primary_key=True)
    answers: Mapped[int] = mapped_column(Integer, default=0)
    positive: Mapped[int] = mapped_column(Integer, default=0)
    neutral: Mapped[int] = mapped_column(Integer, default=0)
    negative: Mapped[int] = mapped_column(Integer, default=0)
    score_sum: Mapped[float] = mapped_column(Float, default=0.0)


class DailyProvisionStats(Base):
    """How many asked for each provision, per service, service date and site."""

    __tablename__ = "daily_provision_stats"

    service_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    site_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    provision_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    requests: Mapped[int] = mapped_column(Integer, default=0)


class DailySlotStats(Base):
    """How many chose each day-of-week and time slot, per service, service date and site."""

    __tablename__ = "daily_slot_stats"

    service_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    site_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    slot_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    choices: Mapped[int] = mapped_column(Integer, default=0)


class DailyThemeStats(Base):
    """Answers touching each theme, and their sentiment, per service, date and site."""

    __tablename__ = "daily_theme_stats"

    service_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    service_date: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    site_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    theme: Mapped[str] = mapped_column(String(40), primary_key=True)
    answers: Mapped[int] = mapped_column(Integer, default=0)
    positive: Mapped[int] = mapped_column(Integer, default=0)
    neutral: Mapped[int] = mapped_column(Integer, default=0)
    negative: Mapped[int] = mapped_column(Integer, default=0)
    score_sum: Mapped[float] = mapped_column(Float, default=0.0)


class Theme(Base):
    """One theme of the framework (SPEC §4), with the keywords an admin can edit.

    `keywords` holds one keyword or phrase per line, in the syntax of analysis/themes.py.
    """

    __tablename__ = "themes"

    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    label: Mapped[str] = mapped_column(String(120))
    keywords: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


# --- "You said, we did" ------------------------------------------------------------------

ACTION_STATUSES = ("draft", "published", "archived")


class Action(Base):
    """A change the service made because of what women said ("You said, we did").

    `title` is the short plain-words line the tablet shows; `description` is for staff
    and the forum pack, never the tablet. `consultation_id` links the change to the
    consultation it answers.
    """

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'published', 'archived')", name="status_known"),
        Index("ix_actions_status_changed_on", "status", "changed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    changed_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # The consultation this change answers ("You told us Wednesday works ..."), if any.
    consultation_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultations.id", ondelete="RESTRICT"), index=True
    )

    themes: Mapped[list[ActionTheme]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    provisions: Mapped[list[ActionProvision]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    slots: Mapped[list[ActionSlot]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    comments: Mapped[list[ActionComment]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class ActionTheme(Base):
    """A theme that prompted an action."""

    __tablename__ = "action_themes"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    # Themes are retired (active = false), not deleted, so a link can always be named.
    theme: Mapped[str] = mapped_column(
        ForeignKey("themes.slug", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ActionProvision(Base):
    """A provision an action was about."""

    __tablename__ = "action_provisions"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    provision_id: Mapped[int] = mapped_column(
        ForeignKey("provisions.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ActionSlot(Base):
    """A time slot an action was about."""

    __tablename__ = "action_slots"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    slot_id: Mapped[int] = mapped_column(
        ForeignKey("time_slots.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ActionComment(Base):
    """A reviewed comment that prompted an action (shown publicly only while publishable)."""

    __tablename__ = "action_comments"

    action_id: Mapped[int] = mapped_column(
        ForeignKey("actions.id", ondelete="CASCADE"), primary_key=True
    )
    answer_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True, index=True
    )


# --- Consultations (SPEC §3a) ------------------------------------------------------------

CONSULTATION_STATUSES = ("draft", "open", "closed", "archived")
CONSULTATION_KINDS = ("choices", "faces")


class Consultation(Base):
    """One proposed change the service asks women about on the kiosk.

    A draft can be edited; once open it is fixed, so every answer was given to the same
    question. It shows on the kiosk while open and its dates include the service date.
    `closed_on` is the day it closed (early, or its end date), which decides the month
    of the forum pack it appears in.
    """

    __tablename__ = "consultations"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'open', 'closed', 'archived')", name="status_known"),
        CheckConstraint("kind IN ('choices', 'faces')", name="kind_known"),
        CheckConstraint("ends_on >= starts_on", name="dates_in_order"),
        Index("ix_consultations_status_starts_on", "status", "starts_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(10), default="choices")
    # The prompt of the optional free-text box; NULL when there is no box.
    text_prompt: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    choices: Mapped[list[ConsultationChoice]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ConsultationChoice.position",
    )
    sites: Mapped[list[ConsultationSite]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class ConsultationChoice(Base):
    """One answer a woman can tap: an icon and a short label, in display order.

    A faces consultation has the five Friends and Family Test faces as its choices,
    position 0 = very good ... 4 = very poor.
    """

    __tablename__ = "consultation_choices"
    __table_args__ = (UniqueConstraint("consultation_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(SmallInteger)
    icon: Mapped[str] = mapped_column(String(16), default="")
    label: Mapped[str] = mapped_column(String(60))


class ConsultationSite(Base):
    """A site a consultation runs at; a consultation with none runs at every site."""

    __tablename__ = "consultation_sites"

    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="CASCADE"), primary_key=True
    )
    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="RESTRICT"), primary_key=True, index=True
    )


class ConsultationResponse(Base):
    """One woman's answer to a consultation, part of her (anonymous) submission.

    It belongs to the submission row, so it carries only that row's service date and
    site. Her words, if any, are an ordinary Answer of that submission (question
    "consultation"): redacted, analysed, reviewed and purged like every other answer.
    """

    __tablename__ = "consultation_responses"
    __table_args__ = (UniqueConstraint("submission_id", "consultation_id"),)

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=False, default=random_id)
    consultation_id: Mapped[int] = mapped_column(
        ForeignKey("consultations.id", ondelete="RESTRICT"), index=True
    )
    submission_id: Mapped[int] = mapped_column(
        RowId, ForeignKey("submissions.id", ondelete="CASCADE")
    )
    # NULL when she only wrote something.
    choice_id: Mapped[int | None] = mapped_column(
        ForeignKey("consultation_choices.id", ondelete="RESTRICT"), index=True
    )
    answer_id: Mapped[int | None] = mapped_column(
        RowId, ForeignKey("answers.id", ondelete="SET NULL"), index=True
    )

    answer: Mapped[Answer | None] = relationship()


# --- Translations (issue 14) -------------------------------------------------------------

# What staff can name in the kiosk's other languages; db/translations.py says what each
# kind's slug is.
TRANSLATION_KINDS = (
    "site",
    "provision",
    "slot",
    "service",
    "consultation",
    "consultation_choice",
    "consultation_prompt",
    "helpline",
    "action",
)


class Translation(Base):
    """Staff's words for one thing they named (a site, a question, ...) in one kiosk language.

    `slug` says which thing (db/translations.py). `source` is the English the words were
    written for: the kiosk shows them only while the thing's English name is still that.
    English itself is never here: it is the thing's own name.
    """

    __tablename__ = "translations"
    __table_args__ = (
        UniqueConstraint("kind", "slug", "language"),
        CheckConstraint(
            "kind IN (" + ", ".join(f"'{kind}'" for kind in TRANSLATION_KINDS) + ")",
            name="kind_known",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    slug: Mapped[str] = mapped_column(String(60))
    language: Mapped[str] = mapped_column(String(16), index=True)
    text: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))


# A deleted thing takes its translations with it. The slug is no foreign key (one column
# names things in nine tables), so the cascade is here, on every ORM delete (session.delete,
# delete-orphan); a bulk DELETE statement bypasses it and must clear translations itself.
_NAMED_BY: dict[type[Base], tuple[str, str]] = {
    Site: ("site", "slug"),
    Provision: ("provision", "slug"),
    TimeSlot: ("slot", "slug"),
    Service: ("service", "slug"),
    Action: ("action", "id"),
}


def _forget_translations(mapper, connection, target) -> None:  # type: ignore[no-untyped-def]
    """after_delete: drop the translations of the row just deleted."""
    kind, attribute = _NAMED_BY[mapper.class_]
    slug = str(getattr(target, attribute))
    connection.execute(
        delete(Translation).where(Translation.kind == kind, Translation.slug == slug)
    )


for _model in _NAMED_BY:
    event.listen(_model, "after_delete", _forget_translations)


@event.listens_for(Consultation, "after_delete")
def _forget_consultation_translations(mapper, connection, target) -> None:  # type: ignore[no-untyped-def]
    """after_delete: a consultation's question, prompt and answer choices go with it."""
    slug = str(target.id)
    connection.execute(
        delete(Translation).where(
            or_(
                Translation.kind.in_(("consultation", "consultation_prompt"))
                & (Translation.slug == slug),
                (Translation.kind == "consultation_choice")
                & Translation.slug.startswith(f"{slug}:", autoescape=True),
            )
        )
    )
