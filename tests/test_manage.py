"""python -m db.manage: init, seed, backup, purge (CONTRACT.md)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db import consultations, dashboard, rollups, themes
from db.manage import main
from db.models import (
    Answer,
    AnswerTheme,
    ConsultationResponse,
    DailySiteStats,
    DailyThemeStats,
    Service,
    Submission,
    SubmissionService,
)
from db.service_day import service_date_now
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.conftest import missing

ROOT = Path(__file__).resolve().parents[1]


def _count(model: type) -> int:
    with read_session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_init_creates_the_schema_in_an_empty_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'lantern.db'}"
    result = subprocess.run(
        [sys.executable, "-m", "db.manage", "init"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "ready" in result.stdout
    with sqlite3.connect(tmp_path / "new" / "lantern.db") as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"submissions", "answers", "alembic_version"} <= tables


def test_seed_fills_an_empty_database_with_varied_demo_data(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed", "--demo", "600", "--months", "3", "--quiet"]) == 0
    assert "Stored 600" in capsys.readouterr().out
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 600
        ratings = set(session.scalars(select(Submission.rating).distinct()))
        oldest = session.scalar(select(func.min(Submission.service_date)))
        sites = session.scalar(select(func.count(Submission.site_id.distinct())))
        texts = session.scalar(select(func.count(Answer.text.distinct())))
    assert {1, 2, 3, 4, 5, None} <= ratings
    assert oldest >= dt.date.today() - dt.timedelta(days=95)
    assert sites == 3
    assert texts > 40


def test_demo_answers_come_in_many_voices_and_languages_with_few_concerns() -> None:
    """Drawn from the corpus's training answers: a month of demo data looks like a real one,
    no sentence repeated dozens of times, disclosures about 2 in 100 answers."""
    from collections import Counter

    from db import demo

    items = list(
        demo.generate(2000, 12, sites=["drop-in", "van"], provisions=["socks"], slots=["night"])
    )
    answers = [a.reading for item in items for a in item.answers]
    counts = Counter(r.redacted for r in answers)
    assert len(counts) > 0.75 * len(answers)
    assert counts.most_common(1)[0][1] <= 10
    assert {item.language for item in items} == {"en", "ro", "pl", "bg", "lt", "pt"}
    concerns = sum(1 for r in answers if r.concerns) / len(answers)
    assert 0.005 <= concerns <= 0.05


def _rounded(rows) -> list[tuple]:  # type: ignore[no-untyped-def]
    """Rows sorted, with float sums rounded (the order of adding moves the last bits)."""
    return sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in r) for r in rows)


def test_seed_shows_a_progress_bar_unless_quiet(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed", "--demo", "300", "--months", "2"]) == 0
    shown = capsys.readouterr()
    assert "Seeding" in shown.err
    assert "300/300" in shown.err
    assert "Stored 300" in shown.out


def test_reanalyse_from_the_shell_retags_with_a_progress_bar(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(3):
        submit_feedback(FeedbackForm(text_good=f"the flapjack was great {i}"))
    with write_session() as session:
        themes.update_theme(session, "food_drink", keywords="flapjack*\nsoup", actor="ada")
    assert main(["reanalyse", "--batch", "2"]) == 0
    shown = capsys.readouterr()
    assert "Re-analysing" in shown.err
    assert "3/3" in shown.err
    assert "Re-analysed 3 answers" in shown.out
    with read_session() as session:
        tagged = session.scalar(
            select(func.count()).select_from(AnswerTheme).where(AnswerTheme.theme == "food_drink")
        )
    assert tagged == 3


def test_seed_asks_two_past_consultations_and_one_open_and_says_which_services(
    db_url: str,
) -> None:
    assert main(["seed", "--demo", "800", "--months", "6", "--quiet"]) == 0
    today = service_date_now()
    with read_session() as session:
        asked = consultations.list_consultations(session)
        answered = dict(
            session.execute(
                select(ConsultationResponse.consultation_id, func.count()).group_by(
                    ConsultationResponse.consultation_id
                )
            ).all()
        )
        words = session.scalar(
            select(func.count()).select_from(Answer).where(Answer.question == "consultation")
        )
        used = session.scalar(select(func.count(SubmissionService.submission_id.distinct())))
        by_service = dashboard.overview(
            session,
            dashboard.Filters(
                today - dt.timedelta(days=200),
                today,
                service_key=session.scalar(select(Service.id).where(Service.slug == "drop_in")),
            ),
        )
    assert sorted(row.state(today) for row in asked) == ["closed", "closed", "running"]
    assert all(answered.get(row.id, 0) >= 8 for row in asked), answered
    assert words > 0
    assert 400 < used < 800  # most women say which service they used; some skip it
    assert not by_service.empty
    with write_session() as session:
        before = {
            model.__tablename__: _rounded(session.execute(select(model.__table__)))
            for model in (DailySiteStats, DailyThemeStats)
        }
        rollups.rebuild(session)
    with read_session() as session:
        after = {
            model.__tablename__: _rounded(session.execute(select(model.__table__)))
            for model in (DailySiteStats, DailyThemeStats)
        }
    assert after == before
    assert main(["seed", "--demo", "10", "--quiet", "--append"]) == 0
    with read_session() as session:
        assert len(consultations.list_consultations(session)) == 3  # not asked twice


def test_seed_refuses_a_database_that_already_has_feedback(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    submit_feedback(FeedbackForm(rating=1))
    assert main(["seed", "--demo", "10", "--quiet"]) == 1
    assert "already holds 1 submissions" in capsys.readouterr().err
    assert _count(Submission) == 1
    assert main(["seed", "--demo", "10", "--quiet", "--append"]) == 0
    assert _count(Submission) == 11
    submit_feedback(FeedbackForm(rating=2))  # ids still free after explicit-id inserts
    assert _count(Submission) == 12


@pytest.mark.parametrize(
    "args", [["--demo", "0"], ["--demo", "-5"], ["--demo", "5", "--months", "0"]]
)
def test_seed_rejects_nonsense_numbers(
    db_url: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["seed", *args, "--quiet"]) == 1
    assert "error:" in capsys.readouterr().err


def test_a_missing_module_is_reported_as_an_install_problem_not_a_database_one(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "db.demo", None)  # as if the install had lost it
    assert main(["seed", "--demo", "10", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "module db.demo is missing" in err
    assert "pip install -r requirements.txt" in err
    assert "talking to" not in err
    assert _count(Submission) == 0


def test_the_same_seed_gives_the_same_demo_data(tmp_path: Path, sqlite_template: Path) -> None:
    results = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.db"
        shutil.copy(sqlite_template, path)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
        subprocess.run(
            [sys.executable, "-m", "db.manage", "seed", "--demo", "200", "--quiet"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        with sqlite3.connect(path) as conn:
            results.append(
                sorted(  # ids are random (SPEC §2.1): the same rows, in any order
                    conn.execute(
                        "SELECT service_date, coalesce(rating, 0), coalesce(site_id, 0), "
                        "(SELECT group_concat(text, '|') FROM (SELECT text FROM answers a "
                        "WHERE a.submission_id = s.id ORDER BY text)) FROM submissions s"
                    ).fetchall(),
                    key=repr,
                )
            )
    assert results[0] == results[1]


def test_backup_of_sqlite_holds_the_latest_row_and_passes_integrity_check(
    sqlite_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    submit_feedback(FeedbackForm(rating=3, text_good="just before the backup"))
    target = tmp_path / "backups" / "lantern-backup.db"
    assert main(["backup", str(target)]) == 0
    assert not target.with_name(target.name + ".partial").exists()
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT text FROM answers").fetchall() == [("just before the backup",)]
    assert str(target) in capsys.readouterr().out


def test_backup_of_postgresql_is_a_pg_dump_archive(postgres_url: str, tmp_path: Path) -> None:
    if not shutil.which("pg_restore"):
        missing("postgres", "no PostgreSQL client tools (pg_dump, pg_restore)")
    submit_feedback(FeedbackForm(rating=3))
    target = tmp_path / "lantern.dump"
    assert main(["backup", str(target)]) == 0
    listing = subprocess.run(
        ["pg_restore", "--list", str(target)], capture_output=True, text=True, check=True
    )
    assert "TABLE DATA public submissions" in listing.stdout


def test_backup_to_an_impossible_place_is_a_clear_error(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backup", "/proc/no/such/place/lantern.db"]) == 1
    assert "error:" in capsys.readouterr().err


def test_purge_removes_only_old_free_text(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    old = dt.date(2023, 1, 10)
    recent = dt.date(2026, 1, 10)
    submit_feedback(FeedbackForm(rating=1, text_good="old words", service_date=old))
    submit_feedback(FeedbackForm(rating=2, text_good="new words", service_date=recent))
    assert main(["purge", "--today", "2026-02-01"]) == 0
    assert "1 old answers" in capsys.readouterr().out
    with read_session() as session:
        kept = dict(session.execute(select(Submission.service_date, Submission.rating)).all())
        texts = sorted(session.scalars(select(Answer.text)), key=str)
        labels = list(session.scalars(select(Answer.sentiment_label)))
    assert kept == {old: 1, recent: 2}
    assert texts == [None, "new words"]
    assert None not in labels  # the readings stay, only the words go


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "error: OperationalError talking to"),
        ("postgresql+psycopg2://nobody@127.0.0.1:1/none", "module psycopg2 is missing"),
    ],
    ids=["unreachable", "driver not installed"],
)
def test_a_database_it_cannot_use_is_a_clear_error(
    url: str, said: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from db.session import reset_engines

    monkeypatch.setenv("DATABASE_URL", url)
    reset_engines()
    assert main(["purge"]) == 1
    assert said in capsys.readouterr().err
    reset_engines()
