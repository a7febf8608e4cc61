"""The one place that owns database connections: engine, sessions, migrations."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from db import config
from db.timeouts import POSTGRES_CONNECT_ARGS, SEND, Timeouts, Watchdog

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "lantern.db"
# A writer waits this long for another to finish before giving up (busy machines).
SQLITE_BUSY_TIMEOUT_MS = 20_000

# Connections opened through this option take SQLite's write lock at BEGIN, so
# two writers never deadlock upgrading a shared lock; readers keep deferred BEGIN.
_WRITE_OPTION = "lantern_write"
# A Timeouts (db/timeouts.py) for the transaction a connection begins under this option.
_TIMEOUTS_OPTION = "lantern_timeouts"


def database_url() -> str:
    """DATABASE_URL, or the SQLite file data/lantern.db under the project root."""
    return config.current().database_url or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def is_sqlite(url: str) -> bool:
    """True when the URL names a SQLite database."""
    return make_url(url).get_backend_name() == "sqlite"


def _prepare_sqlite_file(url: str) -> None:
    """Create the folder (0700) and the empty database file (0600) if they are missing.

    SQLite would create the file with the process umask (often 0644, readable by every
    account on the server); made here first, it and its -wal/-shm (which SQLite gives the
    main file's mode) stay private. An existing file that others can read is tightened.
    """
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database)
        if not path.is_absolute():
            path = PROJECT_ROOT / path
        if not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            for existing in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))):
                try:
                    status = existing.stat()
                    if status.st_mode & 0o077 and status.st_uid == os.getuid():
                        existing.chmod(0o600)
                except FileNotFoundError:
                    pass


def _sqlite_absolute(url: str) -> str:
    """Resolve a relative SQLite path against the project root (CONTRACT)."""
    parsed = make_url(url)
    database = parsed.database
    if (
        database
        and database != ":memory:"
        and not database.startswith("file:")
        and not Path(database).is_absolute()
    ):
        return parsed.set(database=str(PROJECT_ROOT / database)).render_as_string(
            hide_password=False
        )
    return url


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    """WAL, busy timeout, foreign keys, synchronous NORMAL; IMMEDIATE for writers."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's begin event (below) issue BEGIN, not the driver.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
        # Freed space (a purged comment's old bytes) is overwritten with zeros, whatever
        # default this SQLite was built with (SPEC §6; docs/security.md).
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        # The write-lock wait is the busy timeout, set before BEGIN IMMEDIATE waits on it: a
        # kiosk send's is capped so she hears Sorry in time, maintenance's is longer.
        limits = connection.get_execution_options().get(_TIMEOUTS_OPTION)
        wanted = busy_timeout_ms if limits is None else limits.sqlite_busy(busy_timeout_ms)
        if connection.info.get(_TIMEOUTS_OPTION, busy_timeout_ms) != wanted:
            connection.exec_driver_sql(f"PRAGMA busy_timeout = {int(wanted)}")
            connection.info[_TIMEOUTS_OPTION] = wanted
        if connection.get_execution_options().get(_WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


def _configure_postgres(engine: Engine) -> None:
    """Each transaction begun under a Timeouts option sets those limits (SET LOCAL)."""

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
        limits = connection.get_execution_options().get(_TIMEOUTS_OPTION)
        if limits is not None:
            connection.exec_driver_sql(limits.postgres_sql())


def _postgres_connect_args(url: str) -> dict[str, int]:
    """The connect and keepalive defaults (db/timeouts.py) the URL does not set itself."""
    given = make_url(url).query
    return {name: value for name, value in POSTGRES_CONNECT_ARGS.items() if name not in given}


_engines: dict[str, Engine] = {}
_send_engines: dict[str, Engine] = {}
_factories: dict[str, tuple[sessionmaker[Session], sessionmaker[Session]]] = {}
_lock = threading.Lock()


def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for url (default: database_url()), made once."""
    url = url or database_url()
    with _lock:
        if url not in _engines:
            _engines[url] = _make_engine(url)
        return _engines[url]


def sqlite_busy_timeout_ms() -> int:
    """How long a SQLite writer waits for the lock (LANTERN_SQLITE_BUSY_TIMEOUT_MS)."""
    configured = config.current().sqlite_busy_timeout_ms
    return SQLITE_BUSY_TIMEOUT_MS if configured is None else configured


def _make_engine(url: str) -> Engine:
    """Create an engine, with SQLite tuned for many short concurrent writes."""
    if is_sqlite(url):
        url = _sqlite_absolute(url)
        _prepare_sqlite_file(url)
        timeout_ms = sqlite_busy_timeout_ms()
        engine = create_engine(url, connect_args={"timeout": timeout_ms / 1000})
        _configure_sqlite(engine, timeout_ms)
        return engine
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=10,
        connect_args=_postgres_connect_args(url),
    )
    _configure_postgres(engine)
    return engine


def _session_factories(url: str) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """A (read, write) pair of session factories for url, made once."""
    engine = get_engine(url)
    with _lock:
        if url not in _factories:
            writer = engine.execution_options(**{_WRITE_OPTION: True})
            _factories[url] = (
                sessionmaker(engine, expire_on_commit=False),
                sessionmaker(writer, expire_on_commit=False),
            )
        return _factories[url]


@contextmanager
def read_session(url: str | None = None) -> Iterator[Session]:
    """A session for queries; closing it ends the transaction without writing."""
    with _session_factories(url or database_url())[0]() as session:
        yield session


@contextmanager
def write_session(url: str | None = None, timeouts: Timeouts | None = None) -> Iterator[Session]:
    """A session whose work is committed in one transaction, or rolled back on error.

    timeouts (db/timeouts.py, e.g. MAINTENANCE) sets the transaction's limits.
    """
    with _session_factories(url or database_url())[1].begin() as session:
        if timeouts is not None:
            session.connection(execution_options={_TIMEOUTS_OPTION: timeouts})
        yield session


def with_timeouts(engine: Engine, timeouts: Timeouts) -> Engine:
    """engine, with every transaction it begins held to timeouts (e.g. migrations)."""
    return engine.execution_options(**{_TIMEOUTS_OPTION: timeouts})


# The watchdog of the kiosk send running on this thread, if any: the send engine's
# connections register with it as they are made (before SQLAlchemy's first queries).
_sending = threading.local()


def _send_engine(url: str) -> Engine:
    """PostgreSQL only: the engine for kiosk sends, made once per URL.

    No pool: each send opens its own connection (a few milliseconds), so no pre-ping of a
    pooled connection can hang before the watchdog sees it, and a connection the watchdog
    cut never goes back to a pool. Parameters stay out of error messages (her words).
    """
    with _lock:
        if url not in _send_engines:
            engine = create_engine(
                url,
                poolclass=NullPool,
                hide_parameters=True,
                connect_args=_postgres_connect_args(url),
            )
            _configure_postgres(engine)

            @event.listens_for(engine, "connect", insert=True)
            def _watch(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
                watchdog = getattr(_sending, "watchdog", None)
                if watchdog is not None:
                    watchdog.watch(dbapi_connection.fileno())

            _send_engines[url] = engine
        return _send_engines[url]


@contextmanager
def send_session(url: str | None = None) -> Iterator[Session]:
    """A write session for one kiosk send, bounded at db.timeouts.SEND_SECONDS.

    On PostgreSQL the transaction carries SEND's server-side limits and a watchdog cuts its
    connection at the deadline; on SQLite the wait for the write lock is capped. Either way
    a stalled database raises a SQLAlchemy error in time for her to hear Sorry.
    """
    url = url or database_url()
    if is_sqlite(url):
        with write_session(url, SEND) as session:
            yield session
        return
    engine = _send_engine(url).execution_options(**{_TIMEOUTS_OPTION: SEND})
    assert SEND.deadline_seconds is not None
    with Watchdog(SEND.deadline_seconds) as watchdog:
        _sending.watchdog = watchdog
        try:
            with Session(engine, expire_on_commit=False) as session, session.begin():
                yield session
        finally:
            _sending.watchdog = None


def reset_engines() -> None:
    """Dispose and forget every engine (tests switch DATABASE_URL between databases)."""
    with _lock:
        for engine in (*_engines.values(), *_send_engines.values()):
            engine.dispose()
        _engines.clear()
        _send_engines.clear()
        _factories.clear()
