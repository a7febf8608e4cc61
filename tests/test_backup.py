"""Backups and restore: consistent copies, even mid-write, and a lossless round trip."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from db import audit, auth, comments, maintenance, settings
from db.manage import main
from db.models import Answer, Base, DailySiteStats, Submission
from db.session import is_sqlite, read_session, reset_engines, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.conftest import PostgresDatabases, missing

# Content compared byte for byte after a restore: what women said and chose.
CHECKSUM_TABLES = (
    "submissions",
    "answers",
    "answer_themes",
    "answer_concerns",
    "submission_provisions",
    "submission_slots",
)


@pytest.fixture
def empty_target(db_url: str, tmp_path: Path, postgres: PostgresDatabases | None) -> Iterator[str]:
    """An empty database of the same kind as db_url, to restore into."""
    if is_sqlite(db_url):
        yield f"sqlite:///{tmp_path / 'restored' / 'lantern.db'}"
        return
    if not shutil.which("pg_restore"):
        missing("postgres", "no PostgreSQL client tools (pg_dump, pg_restore)")
    assert postgres is not None
    name = f"{postgres.prefix}_empty_{uuid.uuid4().hex[:6]}"
    with postgres.admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = postgres.url(name)
    yield url
    reset_engines()
    postgres.drop(url)


def _checksum(url: str, table: str) -> str:
    """A digest of every row of table in primary-key order."""
    model = Base.metadata.tables[table]
    with read_session(url) as session:
        rows = session.execute(select(model).order_by(*model.primary_key.columns)).all()
    digest = hashlib.sha256()
    for row in rows:
        digest.update(repr(tuple(row)).encode())
    return f"{len(rows)}:{digest.hexdigest()}"


def _fill(url: str) -> None:
    """Demo feedback plus staff, reviews, settings and audit events."""
    assert main(["seed", "--demo", "300", "--months", "2", "--quiet"]) == 0
    submit_feedback(FeedbackForm(rating=4, text_better="the van was late again", site="drop-in"))
    with write_session() as session:
        auth.create_user(session, "ada", "correct horse battery staple", "admin")
        settings.set_retention_months(session, 12, actor="ada")
        answer_id = session.scalar(select(Answer.id).order_by(Answer.id))
        comments.review(session, answer_id, reviewer="ada", note="seen", publishable=True)


def _backup(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", str(path)]) == 0, capsys.readouterr().err


def _restore_into(target: str, path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run `db.manage restore PATH` with DATABASE_URL pointing at target; its exit status."""
    with monkeypatch.context() as patch:
        patch.setenv("DATABASE_URL", target)
        reset_engines()
        code = main(["restore", str(path)])
    reset_engines()
    return code


def test_a_restore_round_trip_keeps_every_row(
    db_url: str,
    empty_target: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _fill(db_url)
    before = maintenance.table_counts(db_url)
    sums = {table: _checksum(db_url, table) for table in CHECKSUM_TABLES}
    assert before["submissions"] == 301 and before["users"] == 1
    path = tmp_path / "backup" / ("lantern.db" if is_sqlite(db_url) else "lantern.dump")
    _backup(path, capsys)
    capsys.readouterr()

    code = _restore_into(empty_target, path, monkeypatch)
    output = capsys.readouterr()
    assert code == 0, output.err
    assert "301 submissions" in output.out

    after = maintenance.table_counts(empty_target)
    # one more audit event: the restore itself ("backup_made" is logged after the copy)
    assert after == {**before, "audit_events": before["audit_events"] + 1}
    assert {table: _checksum(empty_target, table) for table in CHECKSUM_TABLES} == sums
    with read_session(empty_target) as session:
        assert [e.action for e in audit.events(session, limit=1)] == ["backup_restored"]
        version = session.scalar(text("SELECT version_num FROM alembic_version"))
    with read_session(db_url) as session:
        assert session.scalar(text("SELECT version_num FROM alembic_version")) == version
    # the restored database is ready for use: new ids do not clash with restored ones
    submit_feedback(FeedbackForm(rating=1, text_good="after the restore"), url=empty_target)
    assert maintenance.table_counts(empty_target)["submissions"] == 302
    assert auth.authenticate("ada", "correct horse battery staple", url=empty_target) is not None


def test_a_row_committed_just_before_the_backup_is_in_it(
    db_url: str,
    empty_target: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    submit_feedback(FeedbackForm(rating=3, text_good="just before the backup"))
    path = tmp_path / "just-before.bak"
    _backup(path, capsys)
    if is_sqlite(db_url):
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    code = _restore_into(empty_target, path, monkeypatch)
    assert code == 0, capsys.readouterr().err
    with read_session(empty_target) as session:
        assert list(session.scalars(select(Answer.text))) == ["just before the backup"]


def _writer(stop: threading.Event, written: list[int], errors: list[BaseException]) -> None:
    """Submit feedback (one answer each) as fast as possible until told to stop."""
    try:
        while not stop.is_set():
            submit_feedback(FeedbackForm(rating=2, provisions=["socks"], text_good="tea"))
            written.append(1)
    except BaseException as exc:  # pragma: no cover - reported by the test
        errors.append(exc)


def _consistent(url: str) -> int:
    """Check one database is internally consistent; return its submission count."""
    with read_session(url) as session:
        submissions = session.scalar(select(func.count()).select_from(Submission))
        answers = session.scalar(select(func.count()).select_from(Answer))
        rolled_up = session.scalar(select(func.sum(DailySiteStats.responses))) or 0
        orphans = session.scalar(
            select(func.count())
            .select_from(Answer)
            .where(~Answer.submission_id.in_(select(Submission.id)))
        )
    # every submission has its answer and its rollup row, or neither: no torn write
    assert (answers, rolled_up, orphans) == (submissions, submissions, 0)
    return submissions


def _wait_for(condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_backup_taken_while_feedback_arrives_is_consistent(
    db_url: str,
    empty_target: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stop, written, errors = threading.Event(), [], []
    thread = threading.Thread(target=_writer, args=(stop, written, errors))
    thread.start()
    try:
        _wait_for(lambda: len(written) >= 20)
        started_with = len(written)
        path = tmp_path / "mid-stream.bak"
        _backup(path, capsys)
        finished_with = len(written)
        _wait_for(lambda: len(written) >= finished_with + 10)  # writes carried on after it
    finally:
        stop.set()
        thread.join()
    assert not errors
    if is_sqlite(db_url):
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    code = _restore_into(empty_target, path, monkeypatch)
    assert code == 0, capsys.readouterr().err
    in_backup = _consistent(empty_target)
    # at least what was committed before it began, at most what was committed by its end
    # (+1: a submission being committed while the counter was read)
    assert started_with <= in_backup <= finished_with + 1
    assert _consistent(db_url) == len(written) > in_backup


def test_restore_refuses_a_database_that_already_has_data(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    submit_feedback(FeedbackForm(rating=1))
    path = tmp_path / "backup.bak"
    _backup(path, capsys)
    capsys.readouterr()
    before = maintenance.table_counts(db_url)
    assert main(["restore", str(path)]) == 1  # DATABASE_URL is the live, migrated database
    err = capsys.readouterr().err
    assert "already has" in err and "restore only into an empty database" in err
    assert maintenance.table_counts(db_url) == before


def test_restore_refuses_a_backup_of_the_other_kind_or_no_backup_at_all(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.bak"
    other.write_bytes(b"PGDMP\x01\x0e" if is_sqlite(db_url) else b"SQLite format 3\x00" + bytes(84))
    junk = tmp_path / "notes.txt"
    junk.write_text("not a backup")
    assert main(["restore", str(other)]) == 1
    assert ("pg_dump archive" if is_sqlite(db_url) else "a SQLite backup") in (
        capsys.readouterr().err
    )
    assert main(["restore", str(junk)]) == 1
    assert "not a Lantern backup" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "missing.db")]) == 1
    assert "there is no backup file" in capsys.readouterr().err


def test_a_sqlite_file_that_is_not_lantern_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stranger = tmp_path / "stranger.db"
    with sqlite3.connect(stranger) as conn:
        conn.execute("CREATE TABLE notes (x)")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'target.db'}")
    reset_engines()
    assert main(["restore", str(stranger)]) == 1
    assert "not a Lantern backup" in capsys.readouterr().err
    assert not (tmp_path / "target.db.partial").exists()
    reset_engines()


def test_restore_into_a_postgresql_database_that_does_not_exist_says_create_it(
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dump = tmp_path / "lantern.dump"
    _backup(dump, capsys)
    capsys.readouterr()
    missing_db = postgres_url.rsplit("/", 1)[0] + "/lantern_no_such_database"
    monkeypatch.setenv("DATABASE_URL", missing_db)
    reset_engines()
    assert main(["restore", str(dump)]) == 1
    assert "create the empty database first" in capsys.readouterr().err


def test_back_up_now_writes_a_timestamped_file_into_the_backup_folder(
    db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "nightly"
    with write_session() as session:
        settings.set_backup_dir(session, str(folder), actor="ada")
    first = maintenance.backup_now(actor="ada")
    second = maintenance.backup_now(actor="ada")
    suffix = ".db" if is_sqlite(db_url) else ".dump"
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d")
    assert first.parent == folder and first.suffix == suffix
    assert first.name.startswith(f"lantern-{stamp}T") and first.name.endswith(f"Z{suffix}")
    assert second != first and second.exists() and first.exists()
    assert maintenance.backup_kind(first) == ("sqlite" if is_sqlite(db_url) else "pg_dump")
    with read_session() as session:
        events = audit.events(session, action="backup_made")
    assert [(e.actor, e.target) for e in events] == [("ada", second.name), ("ada", first.name)]


def test_two_backups_in_the_same_second_keep_both(sqlite_url: str, tmp_path: Path) -> None:
    moment = dt.datetime(2026, 3, 1, 2, 0, tzinfo=dt.UTC)
    first = maintenance.backup_to_folder(tmp_path, now=moment)
    second = maintenance.backup_to_folder(tmp_path, now=moment)
    assert [first.name, second.name] == [
        "lantern-20260301T020000Z.db",
        "lantern-20260301T020000Z-1.db",
    ]
