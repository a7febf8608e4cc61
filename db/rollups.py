"""Daily rollups: kept current with every submission, rebuildable from the raw rows.

Every count is stored under service_key 0 (every submission) and again under the id of
each service the submission says she used (db/models.py explains why).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Integer, Table, case, delete, func, insert, literal_column, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import (
    Answer,
    AnswerTheme,
    DailyProvisionStats,
    DailySentimentStats,
    DailySiteStats,
    DailySlotStats,
    DailyThemeStats,
    Submission,
    SubmissionProvision,
    SubmissionService,
    SubmissionSlot,
)

# Free-text questions whose sentiment the dashboards report.
SENTIMENT_QUESTIONS = ("what_good", "could_improve")
EVERY_SUBMISSION = 0  # the service_key under which every submission is counted


@dataclass(frozen=True)
class AnswerReading:
    """The parts of a stored answer the rollups count."""

    question: str
    label: str | None
    score: float | None
    themes: tuple[str, ...]


def _upsert_rows(session: Session, table: Table, rows: list[dict], keys: tuple[str, ...]) -> None:
    """Insert rows, or add their counts to the existing rows with the same keys."""
    if not rows:
        return
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = make(table)
    counters = [c for c in rows[0] if c not in keys]
    statement = statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={c: table.c[c] + statement.excluded[c] for c in counters},
    )
    session.execute(statement, rows)


def add_submission(
    session: Session,
    *,
    service_date: dt.date,
    site_id: int | None,
    rating: int | None,
    assisted: bool,
    provision_ids: Iterable[int],
    slot_pairs: Iterable[tuple[int, int]],
    answers: Iterable[AnswerReading],
    service_ids: Iterable[int] = (),
) -> None:
    """Count one new submission in every rollup (same transaction as the submission)."""
    site_key = site_id or 0
    base = {"service_date": service_date, "site_key": site_key}
    service_keys = [EVERY_SUBMISSION, *sorted(set(service_ids) - {EVERY_SUBMISSION})]

    def count(table: Table, rows: list[dict], keys: tuple[str, ...]) -> None:
        """Count rows once for every submission and once more per service she used."""
        _upsert_rows(
            session,
            table,
            [{**row, "service_key": key} for key in service_keys for row in rows],
            ("service_key", *keys),
        )

    count(
        DailySiteStats.__table__,
        [
            {
                **base,
                "responses": 1,
                "rated": int(rating is not None),
                "rating_sum": rating or 0,
                "positive": int(rating in (1, 2)),
                "neutral": int(rating == 3),
                "negative": int(rating in (4, 5)),
                "assisted": int(bool(assisted)),
            }
        ],
        ("service_date", "site_key"),
    )
    count(
        DailyProvisionStats.__table__,
        [{**base, "provision_id": p, "requests": 1} for p in sorted(set(provision_ids))],
        ("service_date", "site_key", "provision_id"),
    )
    count(
        DailySlotStats.__table__,
        [{**base, "day": d, "slot_id": s, "choices": 1} for d, s in sorted(set(slot_pairs))],
        ("service_date", "site_key", "day", "slot_id"),
    )
    sentiment_rows, theme_rows = [], []
    for answer in answers:
        counts = {
            "positive": int(answer.label == "positive"),
            "neutral": int(answer.label == "neutral"),
            "negative": int(answer.label == "negative"),
            "score_sum": float(answer.score or 0.0),
        }
        if answer.question in SENTIMENT_QUESTIONS:
            sentiment_rows.append({**base, "question": answer.question, "answers": 1, **counts})
        theme_rows.extend(
            {**base, "theme": t, "answers": 1, **counts} for t in sorted(set(answer.themes))
        )
    count(
        DailySentimentStats.__table__,
        sentiment_rows,
        ("service_date", "site_key", "question"),
    )
    merged: dict[str, dict] = {}
    for row in theme_rows:  # an answer pair can both touch a theme: one row per key
        if row["theme"] in merged:
            for column in ("answers", "positive", "neutral", "negative", "score_sum"):
                merged[row["theme"]][column] += row[column]
        else:
            merged[row["theme"]] = dict(row)
    count(
        DailyThemeStats.__table__,
        list(merged.values()),
        ("service_date", "site_key", "theme"),
    )


def _label_count(label: str):  # type: ignore[no-untyped-def]
    """SUM(CASE WHEN sentiment_label = label THEN 1 ELSE 0 END)."""
    return func.sum(case((Answer.sentiment_label == label, 1), else_=0))


def rebuild(session: Session, start: dt.date | None = None, end: dt.date | None = None) -> None:
    """Recompute every rollup (for service dates in [start, end]) from the submissions."""

    def in_range(column):  # type: ignore[no-untyped-def]
        conditions = []
        if start is not None:
            conditions.append(column >= start)
        if end is not None:
            conditions.append(column <= end)
        return conditions

    for model in (
        DailySiteStats,
        DailySentimentStats,
        DailyProvisionStats,
        DailySlotStats,
        DailyThemeStats,
    ):
        session.execute(delete(model).where(*in_range(model.service_date)))
    # Once for every submission (key 0, written inline: PostgreSQL cannot group by a
    # bound parameter), then once per service through submission_services.
    _rebuild_scope(session, literal_column("0", Integer), None, in_range)
    _rebuild_scope(session, SubmissionService.service_id, SubmissionService, in_range)


def _rebuild_scope(session: Session, service_key, services, in_range) -> None:  # type: ignore[no-untyped-def]
    """Insert the rollup rows of one scope: every submission, or per service used."""
    site_key = func.coalesce(Submission.site_id, 0)
    group_key = [] if services is None else [service_key]

    def scoped(query):  # type: ignore[no-untyped-def]
        if services is not None:
            query = query.join(services, services.submission_id == Submission.id)
        return query.where(*in_range(Submission.service_date))

    rating = Submission.rating
    session.execute(
        insert(DailySiteStats).from_select(
            [
                "service_key",
                "service_date",
                "site_key",
                "responses",
                "rated",
                "rating_sum",
                "positive",
                "neutral",
                "negative",
                "assisted",
            ],
            scoped(
                select(
                    service_key,
                    Submission.service_date,
                    site_key,
                    func.count(),
                    func.count(rating),
                    func.coalesce(func.sum(rating), 0),
                    func.sum(case((rating.in_((1, 2)), 1), else_=0)),
                    func.sum(case((rating == 3, 1), else_=0)),
                    func.sum(case((rating.in_((4, 5)), 1), else_=0)),
                    func.sum(case((Submission.assisted.is_(True), 1), else_=0)),
                )
            ).group_by(*group_key, Submission.service_date, site_key),
        )
    )
    session.execute(
        insert(DailyProvisionStats).from_select(
            ["service_key", "service_date", "site_key", "provision_id", "requests"],
            scoped(
                select(
                    service_key,
                    Submission.service_date,
                    site_key,
                    SubmissionProvision.provision_id,
                    func.count(),
                ).join(SubmissionProvision, SubmissionProvision.submission_id == Submission.id)
            ).group_by(
                *group_key, Submission.service_date, site_key, SubmissionProvision.provision_id
            ),
        )
    )
    session.execute(
        insert(DailySlotStats).from_select(
            ["service_key", "service_date", "site_key", "day", "slot_id", "choices"],
            scoped(
                select(
                    service_key,
                    Submission.service_date,
                    site_key,
                    SubmissionSlot.day,
                    SubmissionSlot.slot_id,
                    func.count(),
                ).join(SubmissionSlot, SubmissionSlot.submission_id == Submission.id)
            ).group_by(
                *group_key,
                Submission.service_date,
                site_key,
                SubmissionSlot.day,
                SubmissionSlot.slot_id,
            ),
        )
    )
    readings = [
        _label_count("positive"),
        _label_count("neutral"),
        _label_count("negative"),
        func.coalesce(func.sum(Answer.sentiment_score), 0.0),
    ]
    reading_columns = ["answers", "positive", "neutral", "negative", "score_sum"]
    session.execute(
        insert(DailySentimentStats).from_select(
            ["service_key", "service_date", "site_key", "question", *reading_columns],
            scoped(
                select(
                    service_key,
                    Submission.service_date,
                    site_key,
                    Answer.question,
                    func.count(),
                    *readings,
                )
                .join(Answer, Answer.submission_id == Submission.id)
                .where(Answer.question.in_(SENTIMENT_QUESTIONS))
            ).group_by(*group_key, Submission.service_date, site_key, Answer.question),
        )
    )
    # One count per answer and theme; an answer's themes are already distinct.
    session.execute(
        insert(DailyThemeStats).from_select(
            ["service_key", "service_date", "site_key", "theme", *reading_columns],
            scoped(
                select(
                    service_key,
                    Submission.service_date,
                    site_key,
                    AnswerTheme.theme,
                    func.count(),
                    *readings,
                )
                .join(Answer, Answer.submission_id == Submission.id)
                .join(AnswerTheme, AnswerTheme.answer_id == Answer.id)
            ).group_by(*group_key, Submission.service_date, site_key, AnswerTheme.theme),
        )
    )
