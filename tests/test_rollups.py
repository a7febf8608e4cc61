"""Daily rollups: what each submission adds equals a rebuild from the raw rows."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from db import migrate, rollups
from db.models import (
    DailyProvisionStats,
    DailySentimentStats,
    DailySiteStats,
    DailySlotStats,
    DailyThemeStats,
    Service,
)
from db.session import get_engine, read_session, reset_engines, write_session
from db.submissions import FeedbackForm, submit_feedback

MODELS = (DailySiteStats, DailySentimentStats, DailyProvisionStats, DailySlotStats, DailyThemeStats)
TEXTS = ("hot soup and kind staff", "more socks please", "nothing", "", "the tea was cold")


def _snapshot() -> dict[str, list[tuple]]:
    with read_session() as session:
        snap = {}
        for model in MODELS:
            rows = session.execute(select(model.__table__)).all()
            snap[model.__tablename__] = sorted(
                tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in rows
            )
        return snap


def _random_forms(n: int, seed: int = 3, services: bool = True) -> list[FeedbackForm]:
    rng = random.Random(seed)
    forms = []
    for _ in range(n):
        forms.append(
            FeedbackForm(
                rating=rng.choice([None, 1, 2, 3, 4, 5]),
                provisions=rng.sample(
                    ["hot_food", "socks", "clothes", "toiletries"], k=rng.randint(0, 3)
                ),
                slots=rng.sample(
                    ["mon:night", "fri:late_evening", "sat:night"], k=rng.randint(0, 2)
                ),
                text_good=rng.choice(TEXTS),
                text_better=rng.choice(TEXTS),
                site=rng.choice([None, "drop-in", "van-town-centre"]),
                services=rng.sample(
                    ["outreach_van", "drop_in", "key_work", "recovery_group"],
                    k=rng.randint(0, 2) if services else 0,
                ),
                assisted=rng.random() < 0.2,
                service_date=dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 6)),
            )
        )
    return forms


def test_incremental_rollups_equal_a_rebuild(db_url: str) -> None:
    for form in _random_forms(60):
        submit_feedback(form)
    incremental = _snapshot()
    assert incremental["daily_site_stats"], "nothing was counted"
    assert {row[0] for row in incremental["daily_theme_stats"]} > {0}, "no service was counted"
    with write_session() as session:
        rollups.rebuild(session)
    assert _snapshot() == incremental


def test_a_partial_rebuild_leaves_other_dates_alone(db_url: str) -> None:
    for form in _random_forms(30):
        submit_feedback(form)
    before = _snapshot()
    with write_session() as session:
        rollups.rebuild(session, dt.date(2026, 1, 3), dt.date(2026, 1, 4))
    assert _snapshot() == before


def test_the_rollup_migrations_fill_from_existing_submissions(db_url: str) -> None:
    # Without services: going down to 0002 drops the table that says which were used.
    for form in _random_forms(40, services=False):
        submit_feedback(form)
    expected = _snapshot()
    migrate.downgrade(db_url, "0002")
    migrate.upgrade(db_url)
    reset_engines()
    get_engine(db_url)
    assert _snapshot() == expected


def test_each_submission_is_counted_once_overall_and_once_per_service_she_used(
    db_url: str,
) -> None:
    day = dt.date(2026, 1, 5)
    submit_feedback(FeedbackForm(rating=1, services=["drop_in", "key_work"], service_date=day))
    submit_feedback(FeedbackForm(rating=5, services=["drop_in"], service_date=day))
    submit_feedback(FeedbackForm(rating=3, service_date=day))
    with read_session() as session:
        rows = session.execute(
            select(
                DailySiteStats.service_key,
                DailySiteStats.responses,
                DailySiteStats.positive,
                DailySiteStats.negative,
            ).order_by(DailySiteStats.service_key)
        ).all()
        ids = dict(session.execute(select(Service.slug, Service.id)).all())
    assert [tuple(r) for r in rows] == sorted(
        [(0, 3, 1, 1), (ids["drop_in"], 2, 1, 1), (ids["key_work"], 1, 1, 0)]
    )
