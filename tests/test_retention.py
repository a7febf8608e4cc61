"""Retention: free text past the retention period is deleted, daily and on demand."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import streamlit as st
from sqlalchemy import func, select

from db import audit, maintenance, settings
from db.manage import main
from db.models import Answer, AnswerConcern, AnswerTheme, DailySiteStats, Submission
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.kiosk_helpers import kiosk

TODAY = dt.date(2026, 8, 15)


def _submit_on(day: dt.date, words: str) -> None:
    submit_feedback(
        FeedbackForm(
            rating=2,
            provisions=["hot_food"],
            text_good=words,
            text_better="please help, he hurt me and I'm scared",
            service_date=day,
        )
    )


def _texts() -> dict[dt.date, list[str | None]]:
    with read_session() as session:
        rows = session.execute(
            select(Submission.service_date, Answer.text)
            .join(Answer, Answer.submission_id == Submission.id)
            .order_by(Submission.service_date)
        ).all()
    found: dict[dt.date, list[str | None]] = {}
    for day, words in rows:
        found.setdefault(day, []).append(words)
    # Ids are random (SPEC §2.1): a day's answers in a fixed order, by their words.
    return {day: sorted(words, key=lambda w: (w is None, w or "")) for day, words in found.items()}


def _purge_events() -> list[audit.AuditRow]:
    with read_session() as session:
        return audit.events(session, action="retention_purge")


def _counts() -> tuple[int, ...]:
    with read_session() as session:
        rows = [
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Submission, Answer, AnswerTheme, AnswerConcern)
        ]
        rows.append(session.scalar(select(func.sum(DailySiteStats.responses))) or 0)
        return tuple(rows)


def test_text_older_than_the_period_goes_and_everything_else_stays(db_url: str) -> None:
    with write_session() as session:
        settings.set_retention_months(session, 6, actor="ada")
    cutoff = maintenance.retention_cutoff(TODAY, 6)
    assert cutoff == dt.date(2026, 2, 15)
    _submit_on(cutoff - dt.timedelta(days=1), "the day before the cutoff")
    _submit_on(cutoff, "on the cutoff day")
    _submit_on(TODAY, "today")
    before = _counts()
    with write_session() as session:
        removed = maintenance.run_purge(session, actor="ada", today=TODAY)
    assert removed == 2  # both answers of the oldest submission
    assert _texts() == {
        cutoff - dt.timedelta(days=1): [None, None],
        cutoff: ["on the cutoff day", "please help, he hurt me and I'm scared"],
        TODAY: ["please help, he hurt me and I'm scared", "today"],
    }
    assert _counts() == before  # ratings, choices, themes, concerns and rollups all stay
    with read_session() as session:
        labels = session.scalars(select(Answer.sentiment_label).where(Answer.text.is_(None)))
        assert None not in list(labels)
        purged = session.scalars(select(Answer.language).where(Answer.text.is_(None)))
        kept = session.scalars(select(Answer.language).where(Answer.text.is_not(None)))
        assert set(purged) == {None} and None not in set(kept)  # her language goes with her words
        assert settings.last_purge_date(session) == TODAY
    [event] = _purge_events()
    assert event.actor == "ada"
    assert event.detail == "text of 2 answers from before 2026-02-15 removed (6 months kept)"


def test_the_purge_command_is_audit_logged_as_the_command_line(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _submit_on(dt.date(2023, 1, 1), "long ago")
    assert main(["purge", "--today", TODAY.isoformat()]) == 0
    assert "Removed the text of 2 old answers" in capsys.readouterr().out
    [event] = _purge_events()
    assert event.actor == "cli"


def test_the_daily_purge_runs_once_a_day(db_url: str) -> None:
    _submit_on(dt.date(2023, 1, 1), "long ago")
    assert maintenance.purge_if_due(today=TODAY) == 2
    _submit_on(dt.date(2023, 1, 2), "also long ago, stored after the run")
    assert maintenance.purge_if_due(today=TODAY) is None  # already done today
    assert "also long ago, stored after the run" in _texts()[dt.date(2023, 1, 2)]
    assert maintenance.purge_if_due(today=TODAY + dt.timedelta(days=1)) == 2
    assert [e.actor for e in _purge_events()] == ["system", "system"]


def test_two_processes_starting_together_purge_only_once(db_url: str) -> None:
    _submit_on(dt.date(2023, 1, 1), "long ago")
    results: list[int | None] = []
    errors: list[BaseException] = []
    gate = threading.Barrier(4)

    def start() -> None:
        try:
            gate.wait()
            results.append(maintenance.purge_if_due(today=TODAY))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results, key=str) == [2, None, None, None]
    assert len(_purge_events()) == 1


def test_the_app_purges_old_text_on_the_first_visit_of_the_day(db_url: str) -> None:
    _submit_on(dt.date(2020, 5, 1), "years ago")
    _submit_on(dt.date.today(), "tonight")
    kiosk()
    texts = _texts()
    assert texts[dt.date(2020, 5, 1)] == [None, None]
    assert "tonight" in texts[dt.date.today()]
    st.cache_resource.clear()  # as if a second server process started today
    kiosk()
    [event] = _purge_events()
    assert event.actor == "system"
    with read_session() as session:
        assert settings.last_purge_date(session) == dt.date.today()
