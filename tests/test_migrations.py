"""Migration 0006 on a database full of 0005 data: every stored row survives, unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import random

from sqlalchemy import inspect, text

from db import migrate, rollups
from db.session import get_engine, read_session, reset_engines, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.conftest import ROOT

VERSIONS = ROOT / "db" / "migrations" / "versions"
ROLLUPS = (
    "daily_site_stats",
    "daily_sentiment_stats",
    "daily_provision_stats",
    "daily_slot_stats",
    "daily_theme_stats",
)
THEMES = ("food_drink", "clothing_warmth", "staff_kindness", "times_schedule")


def _frozen_0003_backfill() -> tuple[str, ...]:
    """The rollup backfill SQL exactly as revision 0003 ran it (the 0005 way to fill them)."""
    path = VERSIONS / "0003_daily_rollups_for_dashboards.py"
    spec = importlib.util.spec_from_file_location("revision_0003", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._BACKFILL


def _populate_at_0005(url: str) -> None:
    """Submissions, answers, reviews, actions, users and audit events, in 0005's SQL."""
    rng = random.Random(5)
    engine = get_engine(url)
    with engine.begin() as conn:
        sites = [r[0] for r in conn.execute(text("SELECT id FROM sites ORDER BY id"))]
        provisions = [r[0] for r in conn.execute(text("SELECT id FROM provisions"))]
        slots = [r[0] for r in conn.execute(text("SELECT id FROM time_slots"))]
        answer_id = 0
        for submission_id in range(1, 61):
            conn.execute(
                text(
                    "INSERT INTO submissions (id, service_date, site_id, rating, assisted, "
                    "language) VALUES (:i, :d, :s, :r, :a, 'en')"
                ),
                {
                    "i": submission_id,
                    "d": dt.date(2026, 2, 1) + dt.timedelta(days=rng.randint(0, 40)),
                    "s": rng.choice([*sites, None]),
                    "r": rng.choice([None, 1, 2, 3, 4, 5]),
                    "a": rng.random() < 0.2,
                },
            )
            for provision in rng.sample(provisions, k=rng.randint(0, 3)):
                conn.execute(
                    text("INSERT INTO submission_provisions VALUES (:s, :p)"),
                    {"s": submission_id, "p": provision},
                )
            for slot in rng.sample(slots, k=rng.randint(0, 2)):
                conn.execute(
                    text(
                        "INSERT INTO submission_slots (submission_id, day, slot_id) "
                        "VALUES (:s, :d, :t)"
                    ),
                    {"s": submission_id, "d": rng.randint(0, 6), "t": slot},
                )
            if rng.random() < 0.3:
                conn.execute(
                    text("INSERT INTO submission_places VALUES (:s, :p)"),
                    {"s": submission_id, "p": rng.choice(sites)},
                )
            for question in ("what_good", "could_improve", "provision_other"):
                if rng.random() < 0.5:
                    continue
                answer_id += 1
                conn.execute(
                    text(
                        "INSERT INTO answers (id, submission_id, question, text, "
                        "sentiment_score, sentiment_label, analysis_version) "
                        "VALUES (:i, :s, :q, :t, :sc, :l, '2')"
                    ),
                    {
                        "i": answer_id,
                        "s": submission_id,
                        "q": question,
                        "t": rng.choice(["warm soup", "more socks =1+1", None, "ta x"]),
                        "sc": rng.uniform(-1, 1),
                        "l": rng.choice(["positive", "neutral", "negative"]),
                    },
                )
                for theme in rng.sample(THEMES, k=rng.randint(0, 2)):
                    conn.execute(
                        text("INSERT INTO answer_themes VALUES (:a, :t)"),
                        {"a": answer_id, "t": theme},
                    )
                if rng.random() < 0.1:
                    conn.execute(
                        text("INSERT INTO answer_concerns VALUES (:a, 'immediate_danger')"),
                        {"a": answer_id},
                    )
        stamp = dt.datetime(2026, 3, 9, 10, 30, tzinfo=dt.UTC)
        conn.execute(
            text("INSERT INTO comment_reviews VALUES (1, :t, 'ada', 'seen at briefing', true)"),
            {"t": stamp},
        )
        conn.execute(
            text(
                "INSERT INTO users (id, username, password_hash, role, active, created_at, "
                "failed_attempts) VALUES (1, 'ada', 'x', 'coordinator', true, :t, 0)"
            ),
            {"t": stamp},
        )
        conn.execute(
            text("INSERT INTO audit_events (at, actor, action) VALUES (:t, 'ada', 'sign_in')"),
            {"t": stamp},
        )
        conn.execute(text("INSERT INTO settings VALUES ('retention_months', '18')"))
        conn.execute(
            text(
                "INSERT INTO actions (id, title, description, changed_on, status, created_by, "
                "created_at, updated_at, published_at) VALUES (1, 'More socks in the van', "
                "'200 pairs', :d, 'published', 'ada', :t, :t, :t)"
            ),
            {"d": dt.date(2026, 3, 2), "t": stamp},
        )
        conn.execute(text("INSERT INTO action_themes VALUES (1, 'clothing_warmth')"))
        conn.execute(text("INSERT INTO action_provisions VALUES (1, :p)"), {"p": provisions[0]})
        conn.execute(text("INSERT INTO action_slots VALUES (1, :s)"), {"s": slots[0]})
        conn.execute(text("INSERT INTO action_comments VALUES (1, 1)"))
        for statement in _frozen_0003_backfill():
            conn.execute(text(statement))
        if engine.dialect.name == "postgresql":
            for table in ("submissions", "answers", "actions", "users"):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT MAX(id) FROM {table}))"
                    )
                )


def _snapshot(url: str, columns: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """(row count, SHA-256 of the sorted rows) of each table, over the columns given."""
    result = {}
    with get_engine(url).connect() as conn:
        for table, names in columns.items():
            quoted = ", ".join(f'"{c}"' for c in names)
            rows = conn.execute(text(f'SELECT {quoted} FROM "{table}"')).all()
            normal = sorted(
                repr(tuple(round(v, 6) if isinstance(v, float) else _plain(v) for v in row))
                for row in rows
            )
            digest = hashlib.sha256("\n".join(normal).encode()).hexdigest()
            result[table] = (len(rows), digest)
    return result


def _plain(value: object) -> object:
    """Dates and times as ISO text, the same whichever driver read them."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _columns_at(url: str) -> dict[str, list[str]]:
    """Every table and its columns, as the database holds them now."""
    inspector = inspect(get_engine(url))
    return {
        table: [c["name"] for c in inspector.get_columns(table)]
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


def _rollups(url: str) -> dict[str, tuple[int, str]]:
    """Snapshot of the rollup tables with every column they have now."""
    return _snapshot(url, {t: c for t, c in _columns_at(url).items() if t in ROLLUPS})


def test_upgrading_a_populated_0005_database_leaves_every_stored_row_unchanged(
    db_url: str,
) -> None:
    migrate.downgrade(db_url, "0005")
    reset_engines()
    _populate_at_0005(db_url)
    at_0005 = _columns_at(db_url)
    before = _snapshot(db_url, at_0005)
    assert before["submissions"][0] == 60
    assert before["daily_site_stats"][0] > 10
    assert before["action_comments"][0] == 1

    migrate.upgrade(db_url)
    reset_engines()

    # Same rows, same contents, in every table 0005 had (rollups over their 0005 columns).
    assert _snapshot(db_url, at_0005) == before
    with read_session(db_url) as session:
        keys = session.execute(text("SELECT DISTINCT service_key FROM daily_site_stats")).all()
        services = session.execute(text("SELECT slug FROM services ORDER BY sort_order")).all()
        consultations = session.execute(text("SELECT count(*) FROM consultations")).scalar()
        linked = session.execute(text("SELECT consultation_id FROM actions")).all()
    assert keys == [(0,)]  # no submission said which service it used
    assert [s for (s,) in services] == ["outreach_van", "drop_in", "key_work", "recovery_group"]
    assert consultations == 0
    assert linked == [(None,)]

    # The rollups are consistent: rebuilding them from the raw rows changes nothing.
    refilled = _rollups(db_url)
    with write_session(db_url) as session:
        rollups.rebuild(session)
    assert _rollups(db_url) == refilled

    # And the upgraded database takes new feedback at once.
    submit_feedback(FeedbackForm(rating=1, services=["drop_in"], site="drop-in"), url=db_url)
    with read_session(db_url) as session:
        assert session.execute(text("SELECT count(*) FROM submission_services")).scalar() == 1


def test_downgrading_to_0005_keeps_every_action_link(db_url: str) -> None:
    migrate.downgrade(db_url, "0005")
    reset_engines()
    _populate_at_0005(db_url)
    at_0005 = _columns_at(db_url)
    before = _snapshot(db_url, at_0005)
    migrate.upgrade(db_url)
    migrate.downgrade(db_url, "0005")
    reset_engines()
    assert _snapshot(db_url, at_0005) == before


def test_the_frozen_backfill_of_0006_counts_services_as_the_live_rollups_do(db_url: str) -> None:
    rng = random.Random(6)
    for _ in range(40):
        submit_feedback(
            FeedbackForm(
                rating=rng.choice([None, 1, 3, 5]),
                provisions=rng.sample(["hot_food", "socks"], k=rng.randint(0, 2)),
                slots=rng.sample(["fri:late_evening", "sat:night"], k=rng.randint(0, 2)),
                text_good=rng.choice(["warm soup", "", "kind staff"]),
                text_better=rng.choice(["more socks", "", "nothing"]),
                services=rng.sample(["outreach_van", "drop_in", "key_work"], k=rng.randint(0, 2)),
                site=rng.choice([None, "drop-in", "van-town-centre"]),
                service_date=dt.date(2026, 2, 1) + dt.timedelta(days=rng.randint(0, 20)),
            )
        )
    live = _rollups(db_url)
    path = VERSIONS / "0006_consultations_and_services.py"
    spec = importlib.util.spec_from_file_location("revision_0006", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with get_engine(db_url).begin() as conn:
        for table in ROLLUPS:
            conn.execute(text(f"DELETE FROM {table}"))
        for scope in (module._EVERY_SUBMISSION, module._PER_SERVICE):
            for statement in module._BACKFILL:
                conn.execute(text(statement.format(labels=module._LABELS, **scope)))
    assert _rollups(db_url) == live
