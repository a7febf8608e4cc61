"""Files Lantern writes (database, backups, forum packs) are readable by its account only."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from db import maintenance, migrate, report
from db.manage import main
from db.private_files import write_private_file
from db.session import get_engine, read_session, reset_engines
from db.submissions import FeedbackForm, submit_feedback
from tests.conftest import missing


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    """The umask most servers run with (files 0644), so the modes come from Lantern."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_sqlite_database_and_its_log_files_are_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    path = folder / "lantern.db"
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    reset_engines()
    try:
        migrate.upgrade(url)
        submit_feedback(FeedbackForm(rating=4, text_good="warm soup"))
        with get_engine(url).connect() as conn:  # -wal and -shm exist while it is open
            conn.exec_driver_sql("SELECT 1")
            files = [path, *(path.with_name(path.name + s) for s in ("-wal", "-shm"))]
            assert all(f.exists() for f in files)
            assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}
        assert _mode(folder) == 0o700
    finally:
        reset_engines()


def test_an_existing_world_readable_database_is_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path
) -> None:
    path = tmp_path / "lantern.db"
    shutil.copy(sqlite_template, path)
    path.chmod(0o644)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    reset_engines()
    try:
        with read_session(url) as session:
            session.connection().exec_driver_sql("SELECT 1")
        assert _mode(path) == 0o600
    finally:
        reset_engines()


def test_backups_are_private_on_both_databases(db_url: str, tmp_path: Path) -> None:
    if make_url(db_url).get_backend_name() != "sqlite" and not shutil.which("pg_dump"):
        missing("postgres", "pg_dump is not installed (apt-get install postgresql-client)")
    submit_feedback(FeedbackForm(rating=4, text_good="warm soup"))
    folder = tmp_path / "backups" / "nightly"
    made = maintenance.backup_to_folder(folder)
    assert _mode(made) == 0o600
    assert _mode(folder) == 0o700
    assert _mode(folder.parent) == 0o700
    by_command = tmp_path / "by-command.bak"
    assert main(["backup", str(by_command)]) == 0
    assert _mode(by_command) == 0o600


def test_a_restored_sqlite_database_is_private(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = maintenance.backup(tmp_path / "copy.db")
    target = tmp_path / "restored" / "lantern.db"
    maintenance.restore(backup, f"sqlite:///{target}")
    assert _mode(target) == 0o600


def test_forum_pack_files_are_private(sqlite_url: str, tmp_path: Path) -> None:
    month = dt.date.today().replace(day=1)
    submit_feedback(FeedbackForm(rating=4, text_good="warm soup", service_date=month))
    out = tmp_path / "packs" / "this-month"
    assert main(["report", "--month", f"{month:%Y-%m}", "--out", str(out)]) == 0
    written = sorted(out.iterdir())
    assert written
    assert {p.name: _mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert _mode(out) == 0o700
    with read_session() as session:  # written again over a 0644 file: made private too
        pack = report.build_pack(session, month, None)
    written[0].chmod(0o644)
    report.write_pack(pack, out)
    assert _mode(written[0]) == 0o600


def test_an_existing_file_is_made_private_when_written_again(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"old")
    path.chmod(0o644)
    write_private_file(path, b"new")
    assert path.read_bytes() == b"new"
    assert _mode(path) == 0o600
