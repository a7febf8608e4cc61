"""Reading comments: search and filter, the safeguarding queue, and reviews."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from analysis import disclosure
from analysis.emerging import MIN_RECENT_TEXTS, emerging_terms
from analysis.text import clean_staff_text
from db import audit, themes
from db.dashboard import (
    NO_SITE,
    NO_SITE_LABEL,
    Filters,
    Table,
    _as_date,
    _where,
    comment_conditions,
    period_start,
)
from db.models import (
    Answer,
    AnswerConcern,
    AnswerTheme,
    CommentReview,
    DailySiteStats,
    Site,
    Submission,
)

QUESTION_LABELS = {
    "what_good": "What was good?",
    "could_improve": "What could we do better?",
    "provision_other": "Something else (provisions)",
    "consultation": "A consultation question",
}
MAX_NOTE_CHARS = 1000
BASELINE_DAYS = 182  # emerging terms: the chosen dates against the six months before them
MAX_TEXTS = 5000  # newest comments read per window (a bounded read, not every row)


# How finely a listed comment's date and site are shown (SPEC §2.6): never finer than a
# group of at least the disclosure threshold's responses.
WEEK_AND_SITE, MONTH_AND_SITE, MONTH_ONLY, NEITHER = 1, 2, 3, 4
SITE_NOT_SHOWN = "site not shown"
DATE_NOT_SHOWN = "date not shown"


@dataclass(frozen=True)
class Comment:
    """One redacted comment with its readings, as plain values.

    `when` and `site` are as coarse as its group needs: "week of 3 Nov 2025" or
    "November 2025", a site's name or "site not shown"; never the service night.
    """

    id: int
    when: str
    site: str
    question: str
    text: str
    sentiment: str | None
    themes: tuple[str, ...]
    concerns: tuple[str, ...]
    reviewed: bool
    publishable: bool
    review_note: str
    machine_read: bool = True  # False: written in a language the analysis does not read
    language: str | None = None  # ISO 639-1 code, None if never detected


@dataclass(frozen=True)
class CommentPage:
    """One page of comments and how many match in all.

    `start`/`end` are the dates actually searched (a range shorter than a week widened to
    whole weeks); `too_few` says no comment is listed because the filters hold fewer
    responses than the disclosure threshold.
    """

    comments: tuple[Comment, ...]
    total: int
    page: int
    per_page: int
    start: dt.date | None = None
    end: dt.date | None = None
    too_few: bool = False

    @property
    def pages(self) -> int:
        """How many pages there are (at least 1)."""
        return max(1, -(-self.total // self.per_page))


def _conditions(
    filters: Filters,
    *,
    theme: str | None = None,
    sentiment: str | None = None,
    question: str | None = None,
    search: str | None = None,
    concerns_only: bool = False,
    reviewed: bool | None = None,
) -> list:
    """WHERE conditions shared by the count and the page query."""
    # One definition of a comment, the same as the Overview counts (db/dashboard.py).
    conditions = comment_conditions(filters)
    if theme:
        conditions.append(
            exists()
            .where(and_(AnswerTheme.answer_id == Answer.id, AnswerTheme.theme == theme))
            .correlate(Answer)
        )
    if sentiment:
        conditions.append(Answer.sentiment_label == sentiment)
    if question:
        conditions.append(Answer.question == question)
    if search and search.strip():
        conditions.append(func.lower(Answer.text).contains(search.strip().lower(), autoescape=True))
    if concerns_only:  # flagged, or in a language nobody's software read: a person must
        conditions.append(
            or_(
                exists().where(AnswerConcern.answer_id == Answer.id).correlate(Answer),
                Answer.machine_read.is_(False),
            )
        )
    if reviewed is not None:
        is_reviewed = exists().where(CommentReview.answer_id == Answer.id).correlate(Answer)
        conditions.append(is_reviewed if reviewed else ~is_reviewed)
    return conditions


def whole_weeks(filters: Filters) -> Filters:
    """The filters with their dates widened to whole weeks, Monday to Sunday.

    The Comments page lists no shorter range, so no date range can single out one night
    (SPEC §2.6).
    """
    start = filters.start - dt.timedelta(days=filters.start.weekday())
    # "Every date" may end near date.max, with no Sunday after it to widen to.
    end = min(filters.end, dt.date.max - dt.timedelta(days=7))
    end = max(filters.end, end + dt.timedelta(days=6 - end.weekday()))
    return Filters(start, end, filters.site_keys, filters.granularity, filters.service_key)


def shown_when(level: int, period: dt.date | None) -> str:
    """A comment's date as shown: "week of 3 Nov 2025", "November 2025" or not at all."""
    if period is None or level == NEITHER:
        return DATE_NOT_SHOWN
    if level == WEEK_AND_SITE:
        return f"week of {period.day} {period:%b %Y}"
    return f"{period:%B %Y}"


def _responses(session: Session, filters: Filters, *by):  # type: ignore[no-untyped-def]
    """Responses (every submission, with or without words) per group, from the daily
    rollups, in the filters' dates, sites and service: how many women each group holds."""
    columns = [c.label(f"k{i}") for i, c in enumerate(by)]
    return (
        select(*columns, func.sum(DailySiteStats.responses).label("n"))
        .where(*_where(DailySiteStats, filters))
        .group_by(*by)
        .subquery()
    )


def search_comments(
    session: Session,
    filters: Filters,
    *,
    theme: str | None = None,
    sentiment: str | None = None,
    question: str | None = None,
    search: str | None = None,
    concerns_only: bool = False,
    reviewed: bool | None = None,
    page: int = 1,
    per_page: int = 25,
) -> CommentPage:
    """Comments newest first, filtered, one page at a time, each dated no finer than a
    group of at least the disclosure threshold's responses (SPEC §2.6).

    Dates shorter than a week are widened to the whole weeks they touch. Each comment
    shows its week and site when its site had enough responses that week; else its month
    and site; else its month alone (the chosen sites' responses that month); else
    neither. Groups are counted inside the searched dates, sites and service, so a date
    range that cuts a week or month cannot make a group smaller than it looks. When the
    filters hold too few responses in all, no comment is listed.

    Newest period first, and within a shown period by answer id, which is random: the
    order never tells the nights apart.
    """
    if (filters.end - filters.start).days < 6:  # shorter than a week: never one night
        filters = whole_weeks(filters)
    conditions = _conditions(
        filters,
        theme=theme,
        sentiment=sentiment,
        question=question,
        search=search,
        concerns_only=concerns_only,
        reviewed=reviewed,
    )
    base = select(Answer.id).join(Submission, Submission.id == Answer.submission_id)
    total = int(
        session.scalar(select(func.count()).select_from(base.where(*conditions).subquery())) or 0
    )
    page = max(1, page)
    dates = {"start": filters.start, "end": filters.end}
    threshold = disclosure.current_threshold()
    everyone = session.scalar(
        select(func.coalesce(func.sum(DailySiteStats.responses), 0)).where(
            *_where(DailySiteStats, filters)
        )
    )
    if int(everyone or 0) < threshold:
        return CommentPage((), total, page, per_page, **dates, too_few=total > 0)

    stats_week = period_start(session, DailySiteStats.service_date, "week")
    stats_month = period_start(session, DailySiteStats.service_date, "month")
    site_weeks = _responses(session, filters, DailySiteStats.site_key, stats_week)
    site_months = _responses(session, filters, DailySiteStats.site_key, stats_month)
    months = _responses(session, filters, stats_month)
    site_key = func.coalesce(Submission.site_id, NO_SITE)
    week = period_start(session, Submission.service_date, "week")
    month = period_start(session, Submission.service_date, "month")
    level = case(
        (site_weeks.c.n >= threshold, WEEK_AND_SITE),
        (site_months.c.n >= threshold, MONTH_AND_SITE),
        (months.c.n >= threshold, MONTH_ONLY),
        else_=NEITHER,
    )
    shown = case(
        (site_weeks.c.n >= threshold, week),
        (months.c.n >= threshold, month),
        else_=None,
    )
    rows = session.execute(
        select(
            Answer.id,
            level,
            shown,
            Site.name,
            Answer.question,
            Answer.text,
            Answer.sentiment_label,
            CommentReview.answer_id,
            CommentReview.publishable,
            CommentReview.note,
            Answer.machine_read,
            Answer.language,
        )
        .join(Submission, Submission.id == Answer.submission_id)
        .outerjoin(Site, Site.id == Submission.site_id)
        .outerjoin(CommentReview, CommentReview.answer_id == Answer.id)
        .outerjoin(site_weeks, and_(site_weeks.c.k0 == site_key, site_weeks.c.k1 == week))
        .outerjoin(site_months, and_(site_months.c.k0 == site_key, site_months.c.k1 == month))
        .outerjoin(months, months.c.k0 == month)
        .where(*conditions)
        # Never by service date: within a shown period the random id decides.
        .order_by(case((shown.is_(None), 1), else_=0), shown.desc(), Answer.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    ids = [r[0] for r in rows]
    themes, concerns = _tags(session, ids)
    comments = tuple(
        Comment(
            id=r[0],
            when=shown_when(r[1], None if r[2] is None else _as_date(r[2])),
            site=(r[3] or NO_SITE_LABEL)
            if r[1] in (WEEK_AND_SITE, MONTH_AND_SITE)
            else SITE_NOT_SHOWN,
            question=QUESTION_LABELS.get(r[4], r[4]),
            text=r[5] or "",
            sentiment=r[6],
            themes=themes.get(r[0], ()),
            concerns=concerns.get(r[0], ()),
            reviewed=r[7] is not None,
            publishable=bool(r[8]),
            review_note=r[9] or "",
            machine_read=r[10] is not False,
            language=r[11],
        )
        for r in rows
    )
    return CommentPage(comments, total, page, per_page, **dates)


def _tags(session: Session, ids: list[int]) -> tuple[dict, dict]:
    """Themes and concerns for a page of answers, in two queries."""
    themes: dict[int, tuple[str, ...]] = {}
    concerns: dict[int, tuple[str, ...]] = {}
    if not ids:
        return themes, concerns
    for answer_id, theme in session.execute(
        select(AnswerTheme.answer_id, AnswerTheme.theme)
        .where(AnswerTheme.answer_id.in_(ids))
        .order_by(AnswerTheme.theme)
    ):
        themes[answer_id] = (*themes.get(answer_id, ()), theme)
    for answer_id, category in session.execute(
        select(AnswerConcern.answer_id, AnswerConcern.category)
        .where(AnswerConcern.answer_id.in_(ids))
        .order_by(AnswerConcern.category)
    ):
        concerns[answer_id] = (*concerns.get(answer_id, ()), category)
    return themes, concerns


def unreviewed_concerns(session: Session) -> int:
    """How many flagged or unread comments still wait for review (db.review_queue's count)."""
    from db.review_queue import waiting_count  # it imports this module

    return waiting_count(session)


def review(
    session: Session,
    answer_id: int,
    *,
    reviewer: str,
    note: str = "",
    publishable: bool = False,
    now: dt.datetime | None = None,
) -> None:
    """Mark a comment reviewed (with a short note) and whether it may be quoted; audit-logged."""
    if session.get(Answer, answer_id) is None:
        raise ValueError("No such comment.")
    # Cleaned as her words are: no control or bidi characters (a NUL breaks PostgreSQL).
    note = clean_staff_text(note, multiline=True)[:MAX_NOTE_CHARS].rstrip()
    now = now or audit.utcnow()
    row = session.get(CommentReview, answer_id)
    if row is None:
        session.add(
            CommentReview(
                answer_id=answer_id,
                reviewed_at=now,
                reviewer=reviewer,
                note=note,
                publishable=publishable,
            )
        )
    else:
        row.reviewed_at, row.reviewer, row.note, row.publishable = now, reviewer, note, publishable
    audit.record(
        session,
        "comment_reviewed",
        actor=reviewer,
        target=f"answer {answer_id}",
        detail=f"publishable={'yes' if publishable else 'no'}",
    )


def _texts(session: Session, filters: Filters) -> list[str]:
    """The newest stored (redacted) comment texts in these filters, at most MAX_TEXTS."""
    query = (
        select(Answer.text)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(*_conditions(filters))
        .order_by(Submission.service_date.desc(), Answer.id.desc())
        .limit(MAX_TEXTS)
    )
    return list(session.scalars(query))


def min_emerging_count() -> int:
    """How many comments in the chosen dates must use a term before it is listed."""
    return max(MIN_RECENT_TEXTS, disclosure.current_threshold())


def emerging(session: Session, filters: Filters, limit: int = 15) -> Table:
    """Words and phrases rising in the chosen dates against the six months before, untagged.

    A term is listed only when at least as many comments as the disclosure threshold use
    it in the chosen dates, and a small count in the months before is hidden.
    """
    before = Filters(
        start=filters.start - dt.timedelta(days=BASELINE_DAYS),
        end=filters.start - dt.timedelta(days=1),
        site_keys=filters.site_keys,
        granularity=filters.granularity,
        service_key=filters.service_key,
    )
    found = emerging_terms(
        _texts(session, filters),
        _texts(session, before),
        themes.current(session).framework,
        limit=limit,
        min_recent=min_emerging_count(),
    )
    return Table(
        ("Word or phrase", "Comments in these dates", "Comments in the six months before"),
        tuple((t.term, t.recent_count, disclosure.suppress(t.baseline_count)) for t in found),
    )
