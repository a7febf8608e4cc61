"""A kiosk form's idempotency key: Retry, a double tap or a late commit store her answer
once; the keys live in their own table and go when the service day closes (issue 13)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time

import pytest
from sqlalchemy import event, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db import maintenance
from db.models import Answer, SendKey, Submission
from db.service_day import service_date_now
from db.session import get_engine, read_session, reset_engines, write_session
from db.submissions import (
    FeedbackForm,
    SubmissionError,
    clear_send_keys,
    new_send_key,
    submit_feedback,
)
from tests.kiosk_helpers import click, kiosk, texts, walk

SORRY = "Sorry — please hand the tablet to a worker."


def _count(model: type) -> int:
    with read_session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _keys() -> list[tuple[str, dt.date]]:
    with read_session() as session:
        return [tuple(row) for row in session.execute(select(SendKey.key, SendKey.service_date))]


def test_the_same_key_sent_twice_stores_her_answer_once(db_url: str) -> None:
    key = new_send_key()
    form = FeedbackForm(rating=2, text_good="lovely soup", send_key=key)
    first = submit_feedback(form)
    again = submit_feedback(form)
    assert not first.already_stored and first.submission_id is not None
    assert again.already_stored and again.submission_id is None
    assert (_count(Submission), _count(Answer)) == (1, 1)
    assert _keys() == [(key, service_date_now())]


def test_a_retry_that_finds_her_answer_stored_still_reads_it_for_the_thank_you_screen(
    db_url: str,
) -> None:
    """The safety card depends on her words, not on which send stored them."""
    form = FeedbackForm(
        text_better="my boyfriend hits me and takes my money", send_key=new_send_key()
    )
    first = submit_feedback(form)
    again = submit_feedback(form)
    assert again.already_stored
    assert (again.concerns, again.confident) == (first.concerns, first.confident)
    assert first.confident


def test_different_keys_and_no_key_each_store_their_own_answer(db_url: str) -> None:
    submit_feedback(FeedbackForm(rating=1, send_key=new_send_key()))
    submit_feedback(FeedbackForm(rating=1, send_key=new_send_key()))
    submit_feedback(FeedbackForm(rating=1))
    submit_feedback(FeedbackForm(rating=1))
    assert _count(Submission) == 4
    assert len(_keys()) == 2


@pytest.mark.parametrize("key", ["", "short", "x" * 65, "not a key!", "key\x00with-nul-000000"])
def test_a_malformed_key_is_not_stored_and_does_not_lose_her_answer(db_url: str, key: str) -> None:
    submit_feedback(FeedbackForm(rating=3, send_key=key))
    submit_feedback(FeedbackForm(rating=3, send_key=key))
    assert _count(Submission) == 2
    assert _keys() == []


def test_new_keys_are_random_and_fit_the_table() -> None:
    keys = {new_send_key() for _ in range(1000)}
    assert len(keys) == 1000
    assert all(16 <= len(key) <= 64 for key in keys)


def _race(key: str, threads: int) -> tuple[list, list]:
    """Send one form with key from several threads at once: (results, errors)."""
    start = threading.Barrier(threads)
    results, errors = [], []

    def send() -> None:
        start.wait()
        try:
            results.append(submit_feedback(FeedbackForm(rating=4, send_key=key)))
        except SubmissionError as exc:  # a lock wait past the send's bound: Sorry
            errors.append(exc)

    running = [threading.Thread(target=send) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    return results, errors


def test_eight_threads_racing_with_one_key_store_one_answer(db_url: str) -> None:
    for round_ in range(3):
        results, errors = _race(new_send_key(), 8)
        assert not errors
        assert sum(not r.already_stored for r in results) == 1
        assert _count(Submission) == round_ + 1


def _lock_waits(url: str) -> int:
    """How many other sessions on this PostgreSQL database are waiting for a lock."""
    with get_engine(url).connect() as conn:
        return conn.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )


def test_a_second_send_racing_an_uncommitted_first_waits_for_it_and_stores_nothing(
    db_url: str,
) -> None:
    """The first send is held just before its COMMIT while the second, with the same key,
    runs; the second must neither store a second row nor fail."""
    key = new_send_key()
    form = FeedbackForm(rating=5, text_good="the van was late", send_key=key)
    inside, release = threading.Event(), threading.Event()
    holder: dict[str, threading.Thread] = {}

    def hold_first_commit(session: Session) -> None:
        if threading.current_thread() is holder.get("first"):
            inside.set()
            release.wait(10)

    event.listen(Session, "before_commit", hold_first_commit)
    try:
        results: dict[str, object] = {}

        def first() -> None:
            results["first"] = submit_feedback(form)

        def second() -> None:
            results["second"] = submit_feedback(form)

        holder["first"] = threading.Thread(target=first)
        holder["first"].start()
        assert inside.wait(30), "the first send never reached its commit"
        racer = threading.Thread(target=second)
        racer.start()
        if make_url(db_url).get_backend_name() == "postgresql":
            deadline = time.monotonic() + 5
            while _lock_waits(db_url) == 0 and time.monotonic() < deadline:
                time.sleep(0.02)
            assert _lock_waits(db_url) == 1  # the second waits on the first's key
        else:
            time.sleep(0.5)  # the second waits for SQLite's write lock
        assert racer.is_alive()
        release.set()
        holder["first"].join(30)
        racer.join(30)
    finally:
        event.remove(Session, "before_commit", hold_first_commit)
    assert not results["first"].already_stored
    assert results["second"].already_stored
    assert _count(Submission) == 1


def test_a_key_whose_send_rolled_back_lets_the_retry_store_her_answer(db_url: str) -> None:
    key = new_send_key()
    with pytest.raises(RuntimeError), write_session() as session:
        session.add(SendKey(key=key, service_date=service_date_now()))
        session.flush()
        raise RuntimeError("the send failed before its commit")
    result = submit_feedback(FeedbackForm(rating=2, send_key=key))
    assert not result.already_stored
    assert _count(Submission) == 1


def test_clear_send_keys_forgets_only_days_before_the_one_given(db_url: str) -> None:
    today = service_date_now()
    for days_ago in (0, 1, 2, 30):
        submit_feedback(
            FeedbackForm(
                rating=3,
                send_key=new_send_key(),
                service_date=today - dt.timedelta(days=days_ago),
            )
        )
    with write_session() as session:
        assert clear_send_keys(session, before=today) == 3
    assert [day for _key, day in _keys()] == [today]
    assert _count(Submission) == 4  # her answers stay; only the keys go


def test_the_daily_job_clears_the_keys_of_closed_days(db_url: str) -> None:
    today = service_date_now()
    yesterday = today - dt.timedelta(days=1)
    kept = new_send_key()
    submit_feedback(FeedbackForm(rating=3, send_key=new_send_key(), service_date=yesterday))
    submit_feedback(FeedbackForm(rating=3, send_key=kept, service_date=today))
    assert maintenance.purge_if_due(today=dt.date.today()) is not None
    assert _keys() == [(kept, today)]


def test_send_keys_sit_alone_with_no_link_to_a_submission_and_no_time(db_url: str) -> None:
    inspector = inspect(get_engine(db_url))
    columns = {c["name"]: c for c in inspector.get_columns("send_keys")}
    assert set(columns) == {"key", "service_date"}
    assert inspector.get_foreign_keys("send_keys") == []
    for table in inspector.get_table_names():
        assert all(fk["referred_table"] != "send_keys" for fk in inspector.get_foreign_keys(table))
    assert "send_key" not in {c["name"] for c in inspector.get_columns("submissions")}


# --- The kiosk: one key per woman, kept across Sorry and Retry --------------------------------


def test_the_kiosk_keeps_her_key_through_sorry_and_retry_and_makes_a_new_one_for_the_next(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANTERN_SQLITE_BUSY_TIMEOUT_MS", "300")
    reset_engines()
    at = kiosk()
    assert "kiosk_send_key" not in at.session_state
    walk(at, face=4, good="waiting for the lock", send=False)
    key = at.session_state["kiosk_send_key"]
    blocker = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")  # the database will not take her send
    try:
        click(at, "submit")
        assert SORRY in texts(at)
        assert at.session_state["kiosk_send_key"] == key
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    click(at, "retry")
    assert "Thank you" in texts(at)
    assert _keys() == [(key, service_date_now())]
    assert "kiosk_send_key" not in at.session_state
    click(at, "done")
    at.session_state["kiosk_last_submit"] -= 3600  # past the double-tap window
    walk(at, face=0, send=False)
    next_key = at.session_state["kiosk_send_key"]
    assert next_key != key
    click(at, "submit")
    assert {k for k, _day in _keys()} == {key, next_key}
    assert _count(Submission) == 2


def test_a_retry_after_a_send_that_was_stored_after_all_says_thank_you_and_stores_nothing(
    db_url: str,
) -> None:
    """Her first send was committed, but its reply never reached the tablet (Sorry)."""
    at = walk(kiosk(), face=4, good="hot soup", send=False)
    key = at.session_state["kiosk_send_key"]
    submit_feedback(FeedbackForm(rating=1, text_good="hot soup", send_key=key))  # the late one
    at.session_state["kiosk_step"] = "sorry"
    at.run()
    click(at, "retry")
    assert "Thank you" in texts(at)
    assert _count(Submission) == 1


def test_the_idle_wipe_takes_her_key_and_the_next_form_gets_a_new_one(db_url: str) -> None:
    at = kiosk()
    click(at, "start")
    first = at.session_state["kiosk_send_key"]
    click(at, "kiosk_idle_reset")
    assert "kiosk_send_key" not in at.session_state
    click(at, "start")
    assert at.session_state["kiosk_send_key"] not in (None, first)
