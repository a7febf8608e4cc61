"""Daily rollups: kept current with every submission, rebuildable from the raw rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Table, case, delete, func, insert, select
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
    SubmissionSlot,
)

# Free-text questions whose sentiment the dashboards report.
SENTIMENT_QUESTIONS = ("what_good", "could_improve")


@dataclass(frozen=True)
class AnswerReading:
    """The parts of a stored answer the rollups count."""

    question: str
    label: str | None
    score: float | None
    themes: tuple[str, ...]


def _upsert(session: Session, table: Table, rows: list[dict], keys: tuple[str, ...]) -> None:
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
) -> None:
    """Count one new submission in every rollup (same transaction as the submission)."""
    site_key = site_id or 0
    base = {"service_date": service_date, "site_key": site_key}
    _upsert(
        session,
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
    _upsert(
        session,
        DailyProvisionStats.__table__,
        [{**base, "provision_id": p, "requests": 1} for p in sorted(set(provision_ids))],
        ("service_date", "site_key", "provision_id"),
    )
    _upsert(
        session,
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
    _upsert(
        session,
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
    _upsert(
        session,
        DailyThemeStats.__table__,
        list(merged.values()),
        ("service_date", "site_key", "theme"),
    )


def _label_count(label: str):  # type: ignore[no-untyped-def]
    """SUM(CASE WHEN sentiment_label = label THEN 1 ELSE 0 END)."""
    return func.sum(case((Answer.sentiment_label == label, 1), else_=0))


def rebuild(session: Session, start: dt.date | None = None, end: dt.date | None = None) -> None:
    """Recompute every rollup (for service dates in [start, end]) from the submissions."""
    site_key = func.coalesce(Submission.site_id, 0)

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

    rating = Submission.rating
    session.execute(
        insert(DailySiteStats).from_select(
            [
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
            select(
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
            .where(*in_range(Submission.service_date))
            .group_by(Submission.service_date, site_key),
        )
    )
    session.execute(
        insert(DailyProvisionStats).from_select(
            ["service_date", "site_key", "provision_id", "requests"],
            select(
                Submission.service_date, site_key, SubmissionProvision.provision_id, func.count()
            )
            .join(SubmissionProvision, SubmissionProvision.submission_id == Submission.id)
            .where(*in_range(Submission.service_date))
            .group_by(Submission.service_date, site_key, SubmissionProvision.provision_id),
        )
    )
    session.execute(
        insert(DailySlotStats).from_select(
            ["service_date", "site_key", "day", "slot_id", "choices"],
            select(
                Submission.service_date,
                site_key,
                SubmissionSlot.day,
                SubmissionSlot.slot_id,
                func.count(),
            )
            .join(SubmissionSlot, SubmissionSlot.submission_id == Submission.id)
            .where(*in_range(Submission.service_date))
            .group_by(
                Submission.service_date, site_key, SubmissionSlot.day, SubmissionSlot.slot_id
            ),
        )
    )
    readings = [
        _label_count("positive"),
        _label_count("neutral"),
        _label_count("negative"),
        func.coalesce(func.sum(Answer.sentiment_score), 0.0),
    ]
    session.execute(
        insert(DailySentimentStats).from_select(
            [
                "service_date",
                "site_key",
                "question",
                "answers",
                "positive",
                "neutral",
                "negative",
                "score_sum",
            ],
            select(Submission.service_date, site_key, Answer.question, func.count(), *readings)
            .join(Answer, Answer.submission_id == Submission.id)
            .where(Answer.question.in_(SENTIMENT_QUESTIONS), *in_range(Submission.service_date))
            .group_by(Submission.service_date, site_key, Answer.question),
        )
    )
    # One count per answer and theme; an answer's themes are already distinct.
    session.execute(
        insert(DailyThemeStats).from_select(
            [
                "service_date",
                "site_key",
                "theme",
                "answers",
                "positive",
                "neutral",
                "negative",
                "score_sum",
            ],
            select(Submission.service_date, site_key, AnswerTheme.theme, func.count(), *readings)
            .join(Answer, Answer.submission_id == Submission.id)
            .join(AnswerTheme, AnswerTheme.answer_id == Answer.id)
            .where(*in_range(Submission.service_date))
            .group_by(Submission.service_date, site_key, AnswerTheme.theme),
        )
    )
