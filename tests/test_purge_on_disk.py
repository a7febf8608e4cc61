"""A retention purge leaves none of the purged words in the files Lantern can reach."""

from __future__ import annotations

import datetime as dt
import string
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from db import maintenance
from db.manage import main
from db.models import Answer
from db.session import get_engine, read_session, write_session
from db.submissions import FeedbackForm, submit_feedback

TODAY = dt.date.today()
LONG_AGO = TODAY - dt.timedelta(days=1000)  # well past the default 24 months
MARKER = "purgeprobe"
KEPT = "keptprobe"


def _word(i: int) -> str:
    """A distinctive word for comment i (letters only, so redaction keeps it whole)."""
    letters = string.ascii_lowercase
    return letters[i // 26 % 26] + letters[i % 26]


def _store_comments(count: int = 40) -> None:
    """count old comments full of MARKER, and one recent one that must stay."""
    for i in range(count):
        filler = " ".join(f"{MARKER}{_word(i)}" for _ in range(12))
        submit_feedback(
            FeedbackForm(
                rating=3,
                text_good=f"the tea was warm {filler}",
                text_better=f"more socks please {filler}",
                service_date=LONG_AGO,
            )
        )
    submit_feedback(FeedbackForm(rating=4, text_good=f"lovely soup {KEPT}", service_date=TODAY))


def _sqlite_files(url: str) -> list[Path]:
    """The database file and whichever of its -wal / -journal / -shm exist."""
    path = Path(make_url(url).database)
    return [
        candidate
        for candidate in (
            path,
            *(path.with_name(path.name + s) for s in ("-wal", "-journal", "-shm")),
        )
        if candidate.exists()
    ]


def _sqlite_marker_count(url: str) -> int:
    """How many times the purged words appear in the raw bytes on disk."""
    return sum(path.read_bytes().count(MARKER.encode()) for path in _sqlite_files(url))


def _kept_texts() -> list[str]:
    with read_session() as session:
        return [t for t in session.scalars(select(Answer.text)) if t]


def _purge_from_the_command_line() -> None:
    assert main(["purge", "--today", TODAY.isoformat()]) == 0


def _purge_as_the_daily_run() -> None:
    assert maintenance.purge_if_due(today=TODAY) is not None


PURGES = {"cli": _purge_from_the_command_line, "daily": _purge_as_the_daily_run}


def test_every_sqlite_connection_overwrites_freed_space(sqlite_url: str) -> None:
    with get_engine().connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


@pytest.mark.parametrize("purge", sorted(PURGES))
def test_purged_sqlite_text_is_gone_from_the_file_and_its_log(sqlite_url: str, purge: str) -> None:
    engine = get_engine()

    # Many SQLite builds (Debian's is not one) ship with secure_delete off: start every
    # connection that way, so Lantern's own setting is what is tested.
    @event.listens_for(engine, "connect", insert=True)
    def _stock_sqlite(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute("PRAGMA secure_delete = OFF")

    _store_comments()
    assert _sqlite_marker_count(sqlite_url) > 0  # the scan does see words on disk

    PURGES[purge]()

    # The app's connections stay open, as in a running server (closing the last one
    # would checkpoint and delete the -wal by itself and hide a missing checkpoint).
    assert _sqlite_marker_count(sqlite_url) == 0
    assert _kept_texts() == [f"lovely soup {KEPT}"]
    wal = Path(make_url(sqlite_url).database + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def _relation_bytes(conn, table: str) -> bytes:  # type: ignore[no-untyped-def]
    """The raw bytes of a table's files and its TOAST table's (superuser only)."""
    conn.exec_driver_sql("CHECKPOINT")  # dirty pages in shared buffers reach the files
    relations = [table]
    toast = conn.execute(
        text(
            "SELECT reltoastrelid::regclass::text FROM pg_class "
            "WHERE oid = CAST(:t AS regclass) AND reltoastrelid <> 0"
        ),
        {"t": table},
    ).scalar()
    if toast:
        relations.append(toast)
    data = b""
    for relation in relations:
        path = conn.execute(text("SELECT pg_relation_filepath(:r)"), {"r": relation}).scalar()
        segment = 0
        while True:  # 1 GB segments: lantern.1, lantern.2, ...
            name = path if segment == 0 else f"{path}.{segment}"
            exists = conn.execute(
                text("SELECT (pg_stat_file(:p, true)).size IS NOT NULL"), {"p": name}
            ).scalar()
            if not exists:
                break
            data += bytes(
                conn.execute(text("SELECT pg_read_binary_file(:p)"), {"p": name}).scalar()
            )
            segment += 1
    return data


def test_purged_postgresql_text_is_vacuumed_out_of_the_table_files(postgres_url: str) -> None:
    admin = get_engine().execution_options(isolation_level="AUTOCOMMIT")
    _store_comments()
    with admin.connect() as conn:
        superuser = conn.execute(
            text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        ).scalar()
        before = conn.execute(text("SELECT pg_relation_filenode('answers')")).scalar()
        if superuser:
            assert _relation_bytes(conn, "answers").count(MARKER.encode()) > 0

    _purge_from_the_command_line()

    with admin.connect() as conn:
        after = conn.execute(text("SELECT pg_relation_filenode('answers')")).scalar()
        # VACUUM FULL wrote the live rows into a new file and deleted the old one. (Not
        # n_dead_tup: the purging connection reports its dead rows to the statistics up to
        # a second later, which may land after the vacuum's own report.)
        assert after != before
        if superuser:  # reading a table's files needs it; the new file is the proof otherwise
            assert _relation_bytes(conn, "answers").count(MARKER.encode()) == 0
    assert _kept_texts() == [f"lovely soup {KEPT}"]


def _old_snapshot():  # type: ignore[no-untyped-def]
    """A session holding a snapshot from before the purge, as a running pg_dump would; on
    another table, so that it takes no lock on answers."""
    holder = get_engine().connect().execution_options(isolation_level="REPEATABLE READ")
    holder.execute(text("SELECT count(*) FROM submissions"))
    return holder


def _let_go(holder) -> None:  # type: ignore[no-untyped-def]
    holder.rollback()
    holder.close()


def _superuser() -> bool:
    with get_engine().connect() as conn:
        sql = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
        return bool(conn.execute(text(sql)).scalar())


def _marker_in_answers() -> int:
    with get_engine().execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
        return _relation_bytes(conn, "answers").count(MARKER.encode())


def _purge_while_held_then_assert_gone(holder) -> None:  # type: ignore[no-untyped-def]
    """Purge from the command line while holder stays open for 2 s more; then none of the
    purged words are in the table file (read as superuser) and the recent comment stays."""
    release = threading.Timer(2.0, _let_go, args=(holder,))
    release.start()
    try:
        _purge_from_the_command_line()
    finally:
        release.join()
    if _superuser():
        assert _marker_in_answers() == 0
    assert _kept_texts() == [f"lovely soup {KEPT}"]


def test_the_rewrite_waits_for_a_snapshot_older_than_the_purge(postgres_url: str) -> None:
    _store_comments()
    # Rewritten while the old snapshot was open, the table would have kept every purged row.
    _purge_while_held_then_assert_gone(_old_snapshot())


def test_the_rewrite_waits_for_a_write_begun_before_the_purge_in_another_database(
    postgres_url: str,
    postgres,  # type: ignore[no-untyped-def]
) -> None:
    """VACUUM FULL's own snapshot starts at the oldest transaction running anywhere on the
    server: a write in another database, begun before the purge and still open, would make
    the rewrite keep every purged row (CI's other test processes did exactly that)."""
    _store_comments()
    elsewhere = create_engine(postgres.server_url, poolclass=NullPool).connect()
    elsewhere.execute(text("SELECT pg_current_xact_id()"))  # a transaction id, held open
    _purge_while_held_then_assert_gone(elsewhere)


def test_a_snapshot_that_outlasts_the_wait_is_reported(
    postgres_url: str,
    monkeypatch,  # type: ignore[no-untyped-def]
    caplog,  # type: ignore[no-untyped-def]
) -> None:
    _store_comments(count=3)
    monkeypatch.setattr(maintenance, "_OLD_SNAPSHOT_WAIT_SECONDS", 0.5)
    holder = _old_snapshot()
    try:
        with write_session() as session:
            assert maintenance.run_purge(session, actor="cli", today=TODAY) == 6
        assert maintenance.scrub_after_purge() is False
        # What the warning is about: the old snapshot kept the purged rows in the new file.
        if _superuser():
            assert _marker_in_answers() > 0
    finally:
        _let_go(holder)
    assert "began before the purge and were still running" in caplog.text
    assert MARKER not in caplog.text


def test_a_busy_table_still_gets_a_plain_vacuum(postgres_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _store_comments(count=2)
    monkeypatch.setattr(maintenance, "_REWRITE_LOCK_TIMEOUT", "100ms")
    holder = get_engine().connect()
    try:
        holder.execute(text("SELECT count(*) FROM answers"))  # holds a share lock: no rewrite
        assert maintenance.scrub_after_purge() is False
    finally:
        holder.rollback()
        holder.close()
    with get_engine().connect() as conn:
        vacuumed = conn.execute(
            text(
                "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'answers'"
            )
        ).scalar()
    assert vacuumed


def test_the_app_s_daily_run_never_locks_the_table_for_a_rewrite(postgres_url: str) -> None:
    """The first visit of the day may come mid-shift: a plain VACUUM there, no VACUUM FULL
    (its lock would hold every Send); the scheduled `db.manage purge` rewrites."""
    _store_comments()
    with get_engine().connect() as conn:
        before = conn.execute(text("SELECT pg_relation_filenode('answers')")).scalar()
    _purge_as_the_daily_run()
    with get_engine().connect() as conn:
        after = conn.execute(text("SELECT pg_relation_filenode('answers')")).scalar()
        vacuumed = conn.execute(
            text("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = 'answers'")
        ).scalar()
    assert after == before
    assert vacuumed >= 1
