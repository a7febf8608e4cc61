"""A stalled database fails a send fast and never doubles it (issue 13).

A TCP proxy written here, on 127.0.0.1 in front of the test PostgreSQL, forwards traffic
until told to freeze it: the network or the server stops answering, but the sockets stay
open, so nothing on the client's side notices by itself. A send must then end within the
kiosk's bound with the error the kiosk turns into Sorry; and when the freeze swallows only
the reply to COMMIT (the send was stored, the tablet never heard), her Retry with the same
key stores nothing more.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from db.models import Answer, SendKey, Submission
from db.session import get_engine, read_session, reset_engines, write_session
from db.submissions import FeedbackForm, SubmissionError, new_send_key, submit_feedback
from db.timeouts import MAINTENANCE, SEND, SEND_SECONDS
from tests.kiosk_helpers import click, kiosk, texts, walk

# The bound is "about 10 s"; asserted generously, so a busy machine cannot fail it.
BOUND_SECONDS = 20
SORRY = "Sorry — please hand the tablet to a worker."


class StallingProxy:
    """Forwards 127.0.0.1:port to PostgreSQL; can freeze every byte, or freeze once the
    client has sent a given statement (so that statement arrives but its reply does not)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.frozen = threading.Event()
        self.closed = threading.Event()
        self.trigger: bytes | None = None
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def freeze(self) -> None:
        """Stop forwarding anything, both ways, on every connection (new ones too)."""
        self.frozen.set()

    def freeze_after(self, statement: bytes) -> None:
        """Forward the client's next message holding statement, then freeze."""
        self.trigger = statement

    def thaw(self) -> None:
        """Forward again (what was held is delivered late)."""
        self.trigger = None
        self.frozen.clear()

    def close(self) -> None:
        """Stop listening and cut every connection."""
        self.closed.set()
        self.frozen.clear()
        with contextlib.suppress(OSError):
            self.server.shutdown(socket.SHUT_RDWR)
        self.server.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                trigger = self.trigger
                if from_client and trigger is not None and trigger in data:
                    sink.sendall(data)  # the statement reaches the server ...
                    self.frozen.set()  # ... and nothing comes back
                    continue
                while self.frozen.is_set() and not self.closed.is_set():
                    time.sleep(0.02)
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@pytest.fixture
def proxy(postgres_url: str, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A stalling proxy in front of this test's PostgreSQL database; DATABASE_URL uses it."""
    target = make_url(postgres_url)
    running = StallingProxy((target.host or "127.0.0.1", target.port or 5432))
    via = target.set(host="127.0.0.1", port=running.port).render_as_string(hide_password=False)
    monkeypatch.setenv("DATABASE_URL", via)
    reset_engines()
    yield running
    running.close()
    reset_engines()
    monkeypatch.setenv("DATABASE_URL", postgres_url)


def _stored(url: str) -> tuple[int, list[str | None], int]:
    """(submissions, answer texts, send keys) read past the proxy."""
    with read_session(url) as session:
        return (
            session.scalar(select(func.count()).select_from(Submission)) or 0,
            list(session.scalars(select(Answer.text))),
            session.scalar(select(func.count()).select_from(SendKey)) or 0,
        )


def _timed_failing_send(form: FeedbackForm) -> float:
    """Send form, which must fail with SubmissionError; seconds it took."""
    started = time.monotonic()
    with pytest.raises(SubmissionError):
        submit_feedback(form)
    return time.monotonic() - started


def test_the_bound_is_about_ten_seconds() -> None:
    assert SEND_SECONDS == 10
    assert SEND.deadline_seconds == SEND_SECONDS
    assert SEND.statement_ms < SEND_SECONDS * 1000 and SEND.lock_ms < SEND_SECONDS * 1000
    assert MAINTENANCE.statement_ms > SEND.statement_ms and MAINTENANCE.deadline_seconds is None


def test_a_send_to_a_database_that_stopped_answering_fails_within_the_bound(
    proxy: StallingProxy, postgres_url: str
) -> None:
    submit_feedback(FeedbackForm(rating=2, text_good="before the stall"))  # the way is open
    proxy.freeze()
    took = _timed_failing_send(FeedbackForm(rating=4, text_good="during the stall"))
    assert took < BOUND_SECONDS
    proxy.thaw()
    assert _stored(postgres_url)[1] == ["before the stall"]


def test_a_stall_in_the_middle_of_a_send_fails_it_within_the_bound(
    proxy: StallingProxy, postgres_url: str
) -> None:
    """Connected and inside the transaction when the database goes quiet."""
    submit_feedback(FeedbackForm(rating=2))  # the engine knows the server already
    proxy.freeze_after(b"statement_timeout")  # the send's first statement: its limits
    took = _timed_failing_send(
        FeedbackForm(rating=4, text_good="mid-send", send_key=new_send_key())
    )
    assert took < BOUND_SECONDS
    proxy.thaw()
    # The server ended the abandoned transaction: nothing of it was stored.
    assert _stored(postgres_url)[1] == []


def test_a_stall_that_swallows_the_commit_reply_then_a_retry_stores_her_answer_once(
    proxy: StallingProxy, postgres_url: str
) -> None:
    form = FeedbackForm(rating=1, text_good="lovely soup tonight", send_key=new_send_key())
    proxy.freeze_after(b"COMMIT")
    took = _timed_failing_send(form)  # stored, but the tablet never heard: Sorry
    assert took < BOUND_SECONDS
    assert _stored(postgres_url) == (1, ["lovely soup tonight"], 1)  # the late commit
    proxy.thaw()
    result = submit_feedback(form)  # Retry, same key
    assert result.already_stored
    assert _stored(postgres_url) == (1, ["lovely soup tonight"], 1)


def test_the_kiosk_says_sorry_in_time_and_its_retry_after_a_lost_commit_reply_stores_once(
    proxy: StallingProxy, postgres_url: str
) -> None:
    at = walk(kiosk(site="drop-in"), face=4, good="the van came late", send=False)
    key = at.session_state["kiosk_send_key"]
    proxy.freeze_after(b"COMMIT")
    started = time.monotonic()
    click(at, "submit")
    assert time.monotonic() - started < BOUND_SECONDS
    assert SORRY in texts(at)
    assert not at.exception and not at.error
    assert at.session_state["kiosk_send_key"] == key
    proxy.thaw()
    click(at, "retry")
    assert "Thank you" in texts(at)
    assert _stored(postgres_url) == (1, ["the van came late"], 1)


def test_a_connection_that_cannot_be_made_fails_within_the_bound(
    proxy: StallingProxy,
) -> None:
    """The very first connection meets the stall (the server accepts, then says nothing)."""
    proxy.freeze()
    assert _timed_failing_send(FeedbackForm(rating=3)) < BOUND_SECONDS


def test_each_send_transaction_carries_the_server_side_limits(postgres_url: str) -> None:
    from db.session import send_session

    with send_session(postgres_url) as session:
        shown = [
            session.scalar(text(f"SHOW {name}"))
            for name in ("statement_timeout", "lock_timeout", "idle_in_transaction_session_timeout")
        ]
    assert shown == ["8s", "5s", "10s"]
    # SET LOCAL: they end with the send; other work keeps the server's defaults.
    with read_session(postgres_url) as session:
        assert session.scalar(text("SHOW statement_timeout")) == "0"


def test_maintenance_gets_longer_limits_than_a_send(postgres_url: str) -> None:
    with write_session(postgres_url, MAINTENANCE) as session:
        assert session.scalar(text("SHOW statement_timeout")) == "30min"
        assert session.scalar(text("SHOW lock_timeout")) == "1min"
        assert session.scalar(text("SHOW idle_in_transaction_session_timeout")) == "10min"


def test_postgres_connections_have_a_connect_timeout_and_keepalives(postgres_url: str) -> None:
    with get_engine(postgres_url).connect() as conn:
        params = conn.connection.dbapi_connection.info.get_parameters()
    assert params["connect_timeout"] == "5"
    assert params["keepalives_idle"] == "10"
    assert params["tcp_user_timeout"] == "30000"


def test_a_send_on_sqlite_waits_for_the_write_lock_within_the_bound(
    sqlite_url: str,
) -> None:
    """SQLite's busy timeout: a send waits at most SEND's wait, not the 20 s others may."""
    import sqlite3

    blocker = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        took = _timed_failing_send(FeedbackForm(rating=3, send_key=new_send_key()))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert SEND.sqlite_busy_ms / 1000 - 1 < took < BOUND_SECONDS
    submit_feedback(FeedbackForm(rating=3))  # and the lock wait of other work is as it was
    with get_engine(sqlite_url).connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 20_000
