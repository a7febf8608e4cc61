"""Emerging terms on the Themes page: new words in the chosen dates, safe to show."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import comments, dashboard
from db.models import Site
from db.service_day import service_date_now
from db.session import read_session
from db.submissions import FeedbackForm, submit_feedback
from tests.staff_helpers import signed_in

TODAY = service_date_now()
DATES = dashboard.Filters(start=TODAY - dt.timedelta(days=27), end=TODAY)


def _say(text: str, days_ago: int, site: str = "drop-in") -> None:
    submit_feedback(
        FeedbackForm(text_better=text, service_date=TODAY - dt.timedelta(days=days_ago), site=site)
    )


def _seed() -> None:
    """Months of ordinary talk, then the launderette in nine recent comments."""
    for i in range(30):
        _say("the van came on time", 40 + i * 3)
    for i in range(3):
        _say("the launderette shut early", 60 + i)  # a few mentions before: a small count
    for i in range(9):
        _say(
            (
                "the launderette shuts too early",
                "can we go to the launderette",
                "launderette money",
            )[i % 3],
            i,
        )
    for i in range(5):
        _say("the pigeons outside were loud", i)  # too few comments to list
    for i in range(12):
        _say("more soup and more socks please", i)  # themes already pick these up
    for i in range(9):
        _say("the launderette again", i, site="van-town-centre")  # another site


def _terms(table: dashboard.Table) -> dict[str, tuple]:
    return {row[0]: row[1:] for row in table.rows}


def test_a_new_word_in_enough_comments_is_listed_with_its_counts(db_url: str) -> None:
    _seed()
    only_drop_in = dashboard.Filters(start=DATES.start, end=DATES.end, site_keys=(_site(),))
    with read_session() as session:
        found = _terms(comments.emerging(session, only_drop_in))
    assert found["launderette"] == (9, "<8")  # 3 in the months before: hidden
    assert "pigeons" not in found  # 5 comments: fewer than the threshold
    assert not {"soup", "socks"} & set(found)  # a theme covers them
    assert "van" not in found  # not rising


def test_every_site_counts_when_none_is_chosen(db_url: str) -> None:
    _seed()
    with read_session() as session:
        found = _terms(comments.emerging(session, DATES))
    assert found["launderette"][0] == 18


@pytest.mark.parametrize("threshold", ["10", "20"])
def test_a_higher_threshold_lists_only_terms_used_that_often(
    db_url: str, monkeypatch: pytest.MonkeyPatch, threshold: str
) -> None:
    _seed()
    monkeypatch.setenv("LANTERN_SUPPRESS_BELOW", threshold)
    with read_session() as session:
        found = _terms(comments.emerging(session, DATES))
    assert ("launderette" in found) is (threshold == "10")


def test_the_themes_page_shows_new_words(db_url: str) -> None:
    _seed()
    at = signed_in()
    at.switch_page("pages/themes.py").run()
    at.date_input(key="f_dates").set_value((DATES.start, DATES.end)).run()
    assert not at.exception
    shown = [t for t in at.dataframe if "Word or phrase" in t.value.columns]
    assert shown, "no emerging-terms table"
    assert "launderette" in list(shown[0].value["Word or phrase"])


def _site() -> int:
    with read_session() as session:
        return session.scalar(select(Site.id).where(Site.slug == "drop-in"))
