"""The live schema: migrations match the models, and nothing identifying can be stored."""

from __future__ import annotations

import re
import sqlite3

import pytest
from alembic import command
from sqlalchemy import Date, DateTime, Interval, Time, inspect, select, text

from db import migrate
from db.migrate import alembic_config
from db.models import Provision, Site, TimeSlot
from db.session import get_engine, read_session, write_session

SUBMISSION_TABLES = (
    "submissions",
    "submission_provisions",
    "submission_slots",
    "submission_places",
    "answers",
    "answer_themes",
    "answer_concerns",
    "submission_services",
    "consultation_responses",
)
# Staff work about a stored comment (a review, a link to a change made). They carry the
# reviewer's name and when staff did it, never anything about the woman or when she wrote.
STAFF_TABLES_ON_SUBMISSIONS = ("comment_reviews", "action_comments")
ABOUT_HER = re.compile(
    r"(^|_)(ip|ip_address|addr|user_?agent|ua|session|device|cookie|fingerprint|browser|"
    r"client|email|phone|submitted)(_|$)",
    re.IGNORECASE,
)
FORBIDDEN = re.compile(
    r"(^|_)(ip|ip_address|addr|user_?agent|ua|session|device|cookie|fingerprint|time|"
    r"timestamp|created|updated|submitted|hour|minute|browser|client|name|email|phone)(_|$)",
    re.IGNORECASE,
)


def test_no_submission_table_can_hold_an_identifier_or_a_time(db_url: str) -> None:
    inspector = inspect(get_engine(db_url))
    for table in SUBMISSION_TABLES:
        for column in inspector.get_columns(table):
            assert not FORBIDDEN.search(column["name"]), f"{table}.{column['name']}"
            kind = column["type"]
            assert not isinstance(kind, DateTime | Time | Interval), f"{table}.{column['name']}"
            if isinstance(kind, Date):
                assert column["name"] == "service_date"


def test_every_table_that_holds_part_of_a_submission_is_checked(db_url: str) -> None:
    """A new table hung off a submission or an answer joins the list above, or this fails."""
    inspector = inspect(get_engine(db_url))
    refers = {
        table: {fk["referred_table"] for fk in inspector.get_foreign_keys(table)}
        for table in inspector.get_table_names()
    }
    found = {"submissions"}
    while True:
        more = {t for t, targets in refers.items() if targets & found} - found
        if not more:
            break
        found |= more
    known = set(SUBMISSION_TABLES) | set(STAFF_TABLES_ON_SUBMISSIONS)
    assert found <= known, sorted(found - known)
    assert len(found) >= 8  # the walk found the submission tables, not nothing
    for table in STAFF_TABLES_ON_SUBMISSIONS:
        for column in inspector.get_columns(table):
            assert not ABOUT_HER.search(column["name"]), f"{table}.{column['name']}"


def test_the_forbidden_pattern_would_catch_the_usual_suspects() -> None:
    for name in (
        "ip_address",
        "user_agent",
        "session_id",
        "device_id",
        "created_at",
        "time_of_day",
    ):
        assert FORBIDDEN.search(name)
    for name in ("service_date", "site_id", "rating", "assisted", "language", "text"):
        assert not FORBIDDEN.search(name)


def test_alembic_check_finds_no_difference_from_the_models(db_url: str) -> None:
    command.check(alembic_config(db_url))


def test_defaults_come_from_the_migration(db_url: str) -> None:
    with read_session() as session:
        provisions = list(session.scalars(select(Provision.slug).order_by(Provision.sort_order)))
        slots = list(session.scalars(select(TimeSlot.slug).order_by(TimeSlot.sort_order)))
        sites = list(session.scalars(select(Site.slug)))
    assert provisions[:2] == ["hot_food", "hot_drinks"]
    assert len(provisions) == 12
    assert slots == ["daytime", "early_evening", "late_evening", "night", "small_hours"]
    assert "drop-in" in sites


def test_migrations_go_down_to_nothing_and_back_up(db_url: str) -> None:
    migrate.downgrade(db_url, "base")
    assert "submissions" not in inspect(get_engine(db_url)).get_table_names()
    migrate.upgrade(db_url)
    assert "submissions" in inspect(get_engine(db_url)).get_table_names()


def test_sqlite_connections_are_tuned_for_concurrent_writes(sqlite_url: str) -> None:
    with get_engine(sqlite_url).connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL


def test_sqlite_writes_take_the_write_lock_at_begin(sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with write_session() as session:
        session.execute(text("SELECT 1"))  # nothing written yet, but BEGIN IMMEDIATE ran
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


def test_sqlite_reads_do_not_block_a_writer(sqlite_url: str) -> None:
    path = sqlite_url.removeprefix("sqlite:///")
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    with read_session() as session:
        session.execute(text("SELECT count(*) FROM submissions"))
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    other.close()


def test_foreign_keys_are_enforced(db_url: str) -> None:
    with pytest.raises(Exception, match=r"(?i)foreign|constraint"), write_session() as session:
        session.execute(
            text("INSERT INTO submission_provisions (submission_id, provision_id) VALUES (999, 1)")
        )
