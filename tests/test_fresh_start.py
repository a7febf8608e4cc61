"""A first start on a fresh clone: where the database goes, and that it is made and migrated.

The real project's data/ folder is never touched: the default path is checked as a value,
and the starts run against files under tmp_path (DATABASE_URL, or db.session's
DEFAULT_SQLITE_PATH / PROJECT_ROOT moved there, which db.session reads at call time).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import make_url
from streamlit.testing.v1 import AppTest

from db import migrate, session
from tests.conftest import APP, ROOT

pytestmark = pytest.mark.db
REAL_DEFAULT = ROOT / "data" / "lantern.db"


@pytest.fixture(autouse=True)
def _no_engines_left() -> Iterator[None]:
    """Each start makes its own engine; none outlives the test (its file is deleted)."""
    session.reset_engines()
    yield
    session.reset_engines()


def _head() -> str:
    """The newest revision in db/migrations."""
    return ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def _stored_revision(path: Path) -> str:
    """The revision a SQLite file says it is at."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def _first_start() -> AppTest:
    """Open the app as the first visitor to a new server does."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def _assert_ready(at: AppTest, path: Path) -> None:
    """The file exists, is at the newest revision with its default rows, and the kiosk is up."""
    assert path.is_file()
    assert _stored_revision(path) == _head()
    with sqlite3.connect(path) as conn:
        sites = [r[0] for r in conn.execute("SELECT slug FROM sites ORDER BY slug")]
    assert sites == ["drop-in", "van-industrial-estate", "van-town-centre"]
    assert at.button(key="start")
    assert not at.error


@pytest.mark.parametrize("cwd", ["tmp", "tests", "root"])
def test_without_database_url_the_default_is_data_lantern_db_under_the_project_root(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cwd: str
) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir({"tmp": tmp_path, "tests": ROOT / "tests", "root": ROOT}[cwd])
    url = session.database_url()
    assert url == f"sqlite:///{REAL_DEFAULT}"
    database = Path(make_url(url).database)
    assert database.is_absolute()
    assert database == REAL_DEFAULT


def test_first_start_makes_the_missing_folders_and_file_and_migrates_to_the_newest_revision(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "not" / "yet" / "there" / "lantern.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    assert not path.parent.parent.parent.exists()
    _assert_ready(_first_start(), path)


def test_first_start_with_no_database_url_makes_the_default_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_default_existed = REAL_DEFAULT.exists()
    default = tmp_path / "clone" / "data" / "lantern.db"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setattr(session, "DEFAULT_SQLITE_PATH", default)
    monkeypatch.chdir(tmp_path)
    _assert_ready(_first_start(), default)
    assert REAL_DEFAULT.exists() == real_default_existed


def test_a_relative_sqlite_url_is_under_the_project_root_not_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    clone, elsewhere = tmp_path / "clone", tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.setattr(session, "PROJECT_ROOT", clone)
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///data/lantern.db")
    _assert_ready(_first_start(), clone / "data" / "lantern.db")
    assert not (elsewhere / "data").exists()


def test_a_second_start_keeps_what_the_first_stored(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "new" / "lantern.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    _first_start()
    with session.write_session() as db:
        db.execute(text("UPDATE sites SET name = 'Renamed' WHERE slug = 'drop-in'"))
    session.reset_engines()
    import streamlit as st

    st.cache_resource.clear()  # a new server process: migrations run again at start-up
    _assert_ready(_first_start(), path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT name FROM sites WHERE slug = 'drop-in'").fetchone() == (
            "Renamed",
        )
