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

from db import config

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "lantern.db"
# A writer waits this long for another to finish before giving up (busy machines).
SQLITE_BUSY_TIMEOUT_MS = 20_000

# Connections opened through this option take SQLite's write lock at BEGIN, so
# two writers never deadlock upgrading a shared lock; readers keep deferred BEGIN.
_WRITE_OPTION = "lantern_write"


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
        if connection.get_execution_options().get(_WRITE_OPTION):
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            connection.exec_driver_sql("BEGIN")


_engines: dict[str, Engine] = {}
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
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


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
def write_session(url: str | None = None) -> Iterator[Session]:
    """A session whose work is committed in one transaction, or rolled back on error."""
    with _session_factories(url or database_url())[1].begin() as session:
        yield session


def reset_engines() -> None:
    """Dispose and forget every engine (tests switch DATABASE_URL between databases)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()
        _factories.clear()
