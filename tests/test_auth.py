"""Staff accounts: passwords, Argon2id, lockout, session lifetimes, audit log."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import argon2
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text

from db import audit, auth
from db.models import User
from db.session import read_session, write_session
from tests.staff_helpers import PASSWORD, make_user

ROOT = Path(__file__).resolve().parents[1]
T0 = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("short phrase", True),  # 12 characters, nothing else required
        ("eleven char", False),
        ("passwordpassword", False),  # common password, repeated
        ("123456789012", False),
        ("qwertyuiopas", False),
        ("ada-lovelace-1815", False),  # contains the username
        ("tea in the van at nine", True),
        ("Ünïcode wörds fine ✓", True),
        ("x" * 300, False),
    ],
)
def test_passwords_need_length_and_must_not_be_guessable(password: str, ok: bool) -> None:
    assert (auth.password_problem(password, "ada") is None) is ok


@pytest.mark.production_hashing
def test_passwords_are_stored_as_argon2id_hashes(db_url: str) -> None:
    make_user("ada", "admin")
    with read_session() as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    # The shipped parameters: RFC 9106's low-memory choice (64 MiB, 3 passes, 4 lanes).
    params = argon2.extract_parameters(stored)
    expected = argon2.profiles.RFC_9106_LOW_MEMORY
    assert (params.memory_cost, params.time_cost, params.parallelism) == (
        expected.memory_cost,
        expected.time_cost,
        expected.parallelism,
    )


def test_the_tests_own_cheap_hashes_are_real_argon2id_too(db_url: str) -> None:
    make_user("ada", "admin")
    with read_session() as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2id$")
    with write_session() as session:
        assert auth.authenticate(session, "ada", PASSWORD) is not None
        assert auth.authenticate(session, "ada", PASSWORD + "x") is None


@pytest.mark.production_hashing
def test_an_old_hash_is_upgraded_at_sign_in(db_url: str) -> None:
    make_user("ada", "admin")
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with write_session() as session:
        session.execute(text("UPDATE users SET password_hash = :h"), {"h": weak})
    with write_session() as session:
        assert auth.authenticate(session, "ada", PASSWORD) is not None
    with read_session() as session:
        upgraded = session.scalar(select(User.password_hash))
    assert upgraded != weak
    assert not PasswordHasher().check_needs_rehash(upgraded)


def _attempt(password: str, at: dt.datetime, username: str = "ada") -> auth.StaffUser | None:
    with write_session() as session:  # a new transaction each time, like a new browser
        return auth.authenticate(session, username, password, now=at)


def test_ten_failures_in_five_minutes_lock_the_account_for_fifteen(db_url: str) -> None:
    make_user("ada", "coordinator")
    for i in range(10):
        assert _attempt("wrong password!", T0 + dt.timedelta(seconds=20 * i)) is None
    # Locked: even the right password is refused, and looks the same.
    assert _attempt(PASSWORD, T0 + dt.timedelta(minutes=4)) is None
    assert _attempt(PASSWORD, T0 + dt.timedelta(minutes=17, seconds=50)) is None  # locked at 3:00
    assert _attempt(PASSWORD, T0 + dt.timedelta(minutes=18, seconds=10)) is not None
    with read_session() as session:
        assert audit.count(session, "account_locked") == 1
        assert audit.count(session, "sign_in_refused_locked") == 2
        assert audit.count(session, "sign_in_failed") == 10


def test_failures_spread_beyond_five_minutes_do_not_lock(db_url: str) -> None:
    make_user("ada", "coordinator")
    for i in range(15):
        _attempt("wrong password!", T0 + dt.timedelta(minutes=1 * i))
    assert _attempt(PASSWORD, T0 + dt.timedelta(minutes=15, seconds=5)) is not None


def test_the_five_minutes_roll_ten_failures_in_any_five_minutes_lock(db_url: str) -> None:
    make_user("ada", "coordinator")
    # One failure at 0:00, five at 4:55-4:59, five at 5:01-5:05: the ten from 4:55 on
    # fall within five minutes, even though 0:00 opened the count more than five ago.
    _attempt("wrong password!", T0)
    for second in (295, 296, 297, 298, 299, 301, 302, 303, 304, 305):
        _attempt("wrong password!", T0 + dt.timedelta(seconds=second))
    assert _attempt(PASSWORD, T0 + dt.timedelta(seconds=306)) is None
    with read_session() as session:
        assert audit.count(session, "account_locked") == 1
        assert audit.count(session, "sign_in_refused_locked") == 1


def test_failures_before_a_good_sign_in_do_not_count_towards_a_lock(db_url: str) -> None:
    make_user("ada", "coordinator")
    for i in range(9):
        _attempt("wrong password!", T0 + dt.timedelta(seconds=i))
    assert _attempt(PASSWORD, T0 + dt.timedelta(seconds=20)) is not None
    for i in range(9):
        _attempt("wrong password!", T0 + dt.timedelta(seconds=30 + i))
    assert _attempt(PASSWORD, T0 + dt.timedelta(seconds=50)) is not None


def test_unknown_users_are_refused_and_logged_without_the_name(db_url: str) -> None:
    assert _attempt(PASSWORD, T0, username="nobody-here") is None
    with read_session() as session:
        rows = audit.events(session, action="sign_in_failed")
    assert len(rows) == 1
    assert rows[0].actor is None
    assert "nobody" not in (rows[0].detail or "")


def test_a_disabled_account_cannot_sign_in(db_url: str) -> None:
    user = make_user("ada", "coordinator")
    make_user("root", "admin")
    with write_session() as session:
        auth.set_active(session, user.id, False, actor="root")
    assert _attempt(PASSWORD, T0) is None


@pytest.mark.parametrize(
    ("signed_in_after", "idle_for", "reason"),
    [
        (dt.timedelta(minutes=30), dt.timedelta(minutes=14), None),
        (dt.timedelta(minutes=30), dt.timedelta(minutes=16), "idle"),
        (dt.timedelta(hours=7, minutes=50), dt.timedelta(minutes=5), None),
        (dt.timedelta(hours=8, minutes=1), dt.timedelta(minutes=1), "expired"),
    ],
)
def test_sessions_end_after_15_idle_minutes_or_8_hours(
    db_url: str, signed_in_after: dt.timedelta, idle_for: dt.timedelta, reason: str | None
) -> None:
    user = make_user("ada", "coordinator")
    now = T0 + signed_in_after
    with read_session() as session:
        found, why = auth.check_session(session, user.id, T0, now - idle_for, now)
    assert why == reason
    assert (found is None) == (reason is not None)


def test_sign_out_everywhere_ends_older_sessions_only(db_url: str) -> None:
    user = make_user("ada", "coordinator")
    with write_session() as session:
        auth.sign_out_everywhere(session, user.id, now=T0)
    with read_session() as session:
        _, before = auth.check_session(session, user.id, T0 - dt.timedelta(minutes=1), T0, T0)
        later = T0 + dt.timedelta(minutes=1)
        _, after = auth.check_session(session, user.id, later, later, later)
    assert before == "signed_out_everywhere"
    assert after is None


def test_the_first_admin_can_be_created_once(db_url: str) -> None:
    with write_session() as session:
        assert not auth.has_users(session)
        auth.create_first_admin(session, "Ada", PASSWORD)
    with pytest.raises(auth.AccountError, match="already exists"), write_session() as session:
        auth.create_first_admin(session, "eve", PASSWORD)
    with read_session() as session:
        assert [a.username for a in auth.list_accounts(session)] == ["ada"]


def test_the_last_admin_cannot_be_demoted_or_disabled(db_url: str) -> None:
    admin = make_user("ada", "admin")
    with pytest.raises(auth.AccountError, match="last admin"), write_session() as session:
        auth.set_role(session, admin.id, "worker", actor="ada")
    with pytest.raises(auth.AccountError, match="last admin"), write_session() as session:
        auth.set_active(session, admin.id, False, actor="ada")


def test_usernames_are_case_insensitive_and_unique(db_url: str) -> None:
    make_user("Ada", "worker")
    with pytest.raises(auth.AccountError, match="taken"), write_session() as session:
        auth.create_user(session, "ADA", PASSWORD, "worker")
    assert _attempt(PASSWORD, T0, username="  ADA ") is not None


def test_the_audit_log_is_append_only(db_url: str) -> None:
    make_user("ada", "admin")
    with pytest.raises(Exception, match="append-only"), write_session() as session:
        session.execute(text("UPDATE audit_events SET actor = 'eve'"))
    with pytest.raises(Exception, match="append-only"), write_session() as session:
        session.execute(text("DELETE FROM audit_events"))
    with read_session() as session:
        assert audit.count(session, "user_created") == 1


def _cli(db_url: str, *args: str, password: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": db_url}
    env.pop("LANTERN_PASSWORD", None)
    if password is not None:
        env["LANTERN_PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "db.manage", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def test_create_user_from_the_shell(db_url: str) -> None:
    done = _cli(db_url, "create-user", "kim", "--role", "worker", password=PASSWORD)
    assert done.returncode == 0, done.stderr
    assert "Created worker account 'kim'" in done.stdout
    weak = _cli(db_url, "create-user", "lee", "--role", "admin", password="password")
    assert weak.returncode == 1
    assert "at least 12 characters" in weak.stderr
    again = _cli(db_url, "create-user", "kim", "--role", "worker", password=PASSWORD)
    assert again.returncode == 1
    assert "taken" in again.stderr
    no_password = _cli(db_url, "create-user", "sam", "--role", "worker", password=None)
    assert no_password.returncode == 1
    assert "LANTERN_PASSWORD" in no_password.stderr
