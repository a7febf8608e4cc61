"""How long database work may wait: a kiosk send fails fast, maintenance waits longer.

A stalled PostgreSQL once held a woman's Send for 150 s with no word, then committed after
the idle wipe had cleared her screen (issue 13). Now a send is bounded at SEND_SECONDS,
after which the kiosk says Sorry and offers Retry (the idempotency key in db/submissions.py
makes that Retry, or the late commit, store her answer once). Three layers keep the bound:

- the server's own limits for each transaction (`SET LOCAL statement_timeout`,
  `lock_timeout`, `idle_in_transaction_session_timeout`), so a slow or blocked server ends
  the work and a client that vanished mid-transaction does not hold locks;
- libpq's connect timeout and TCP keepalives on every PostgreSQL connection, so a dead
  network ends a wait rather than hanging it;
- a watchdog that cuts the send's connection at the deadline, for the stall no server-side
  limit can see (a frozen network or server: the reply simply never comes).

Backups, purge, re-analysis and migrations get MAINTENANCE's longer limits. None of these
is an environment variable: the send bound is a promise to her (SPEC §3, issue 13), and
the only knob operators had, LANTERN_SQLITE_BUSY_TIMEOUT_MS, still sets ordinary work's
wait for SQLite's write lock (a send waits at most SEND's, maintenance at least its own).
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from dataclasses import dataclass
from types import TracebackType

SEND_SECONDS = 10.0  # a kiosk send succeeds or fails within this (plus a moment)
CONNECT_TIMEOUT_SECONDS = 5  # libpq's connect_timeout (whole seconds; it takes at least 2)

# libpq parameters for every PostgreSQL connection (a DATABASE_URL that sets one wins).
# Keepalives find a peer that vanished while the connection was quiet (10 s + 3 x 5 s);
# tcp_user_timeout drops one that stops acknowledging what was sent (30 s).
POSTGRES_CONNECT_ARGS: dict[str, int] = {
    "connect_timeout": CONNECT_TIMEOUT_SECONDS,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}


@dataclass(frozen=True)
class Timeouts:
    """Limits for one transaction (milliseconds), and the deadline of the whole work."""

    statement_ms: int  # PostgreSQL statement_timeout: one statement's run
    lock_ms: int  # PostgreSQL lock_timeout: waiting for a row or table lock
    idle_in_transaction_ms: int  # PostgreSQL: the server ends a transaction left idle this long
    sqlite_busy_ms: int  # SQLite: waiting for the write lock (see sqlite_busy)
    deadline_seconds: float | None = None  # the watchdog cuts the connection after this

    def postgres_sql(self) -> str:
        """The statement that sets this transaction's limits on PostgreSQL (SET LOCAL)."""
        limits = (
            ("statement_timeout", self.statement_ms),
            ("lock_timeout", self.lock_ms),
            ("idle_in_transaction_session_timeout", self.idle_in_transaction_ms),
        )
        # Fixed names and whole numbers: nothing here comes from input.
        return "SELECT " + ", ".join(
            f"set_config('{name}', '{int(value)}', true)" for name, value in limits
        )

    def sqlite_busy(self, configured_ms: int) -> int:
        """The write-lock wait for this work, given LANTERN_SQLITE_BUSY_TIMEOUT_MS's value:
        work with a deadline waits at most its own, other work at least its own."""
        if self.deadline_seconds is not None:
            return min(configured_ms, self.sqlite_busy_ms)
        return max(configured_ms, self.sqlite_busy_ms)


# A kiosk send: each statement under 8 s, a lock waited for 5 s at most, and the whole send
# cut at 10 s. The server ends a transaction its client left idle for 10 s (a frozen
# network), so a stalled send does not hold its locks while her Retry waits for them.
SEND = Timeouts(
    statement_ms=8_000,
    lock_ms=5_000,
    idle_in_transaction_ms=10_000,
    sqlite_busy_ms=8_000,
    deadline_seconds=SEND_SECONDS,
)
# Backups, purge, re-analysis, migrations: long, but never unbounded.
MAINTENANCE = Timeouts(
    statement_ms=30 * 60_000,
    lock_ms=60_000,
    idle_in_transaction_ms=10 * 60_000,
    sqlite_busy_ms=60_000,
)


class Watchdog:
    """Cuts the network connections of one piece of work once its deadline has passed.

    No server-side limit can end a wait for a reply that a frozen network or server never
    sends. Shutting the socket down ends that wait at once with a disconnect error (the
    send reports it as failed). Each watched socket is held through a duplicate descriptor,
    so the cut can never land on a descriptor number the system has since handed to
    something else.
    """

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._expired = False
        self._finished = False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    @property
    def expired(self) -> bool:
        """True once the deadline has passed while the work was still running."""
        return self._expired

    def watch(self, fileno: int) -> None:
        """Cut this socket at the deadline (at once when it has already passed)."""
        with self._lock:
            if self._finished:
                return
            held = socket.socket(fileno=os.dup(fileno))
            self._sockets.append(held)
            if self._expired:
                _cut(held)

    def _expire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self._expired = True
            for held in self._sockets:
                _cut(held)

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._timer.cancel()
        with self._lock:
            self._finished = True
            for held in self._sockets:
                held.close()
            self._sockets.clear()


def _cut(held: socket.socket) -> None:
    """Shut a socket down both ways; whoever waits on it wakes with an error."""
    with contextlib.suppress(OSError):
        held.shutdown(socket.SHUT_RDWR)
