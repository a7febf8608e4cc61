"""The Comments page keeps her secret too (SPEC §2.6, issue 15 point 7).

Each listed comment shows its site and date no finer than a group of at least the
disclosure threshold's responses: its week, else its month, else its month without the
site, else neither. The date range is widened to whole weeks, so no filter singles out a
night, and within a shown period the order is the random answer id, never the night.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import comments
from db.dashboard import Filters
from db.models import Answer, Site, Submission
from db.session import read_session
from db.submissions import FeedbackForm, submit_feedback
from tests.staff_helpers import signed_in

NOVEMBER = (dt.date(2025, 11, 1), dt.date(2025, 12, 31))
FIRST_WEEK = dt.date(2025, 11, 3)  # a Monday
SECOND_WEEK = dt.date(2025, 11, 10)


@pytest.fixture(autouse=True)
def _default_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LANTERN_SUPPRESS_BELOW", raising=False)


def _send(site: str, day: dt.date, n: int, words: str | None = None) -> list[str]:
    """n submissions at a site on a night; with words, each writes "<words> <k>"."""
    written = []
    for k in range(n):
        text = f"{words} {k}" if words else None
        submit_feedback(FeedbackForm(rating=2, text_good=text, site=site, service_date=day))
        if text:
            written.append(text)
    return written


def _site(slug: str) -> tuple[int, str]:
    with read_session() as session:
        row = session.execute(select(Site.id, Site.name).where(Site.slug == slug)).one()
    return int(row[0]), str(row[1])


def _month_of_groups() -> dict[str, tuple[str, str]]:
    """Comments whose groups differ in size; each text -> the (when, site) it must show."""
    _, drop_in = _site("drop-in")
    expected: dict[str, tuple[str, str]] = {}
    # The drop-in's first week: 9 women (2 of them on one night) -> its week and site.
    for text in _send("drop-in", FIRST_WEEK + dt.timedelta(days=1), 2, "warm soup first week"):
        expected[text] = ("week of 3 Nov 2025", drop_in)
    _send("drop-in", FIRST_WEEK + dt.timedelta(days=3), 7)
    # Its second week: 3 women, but 12 in its month -> the month and the site.
    for text in _send("drop-in", SECOND_WEEK + dt.timedelta(days=2), 3, "kind staff second week"):
        expected[text] = ("November 2025", drop_in)
    # The van: 2 women all month, 14 at every site -> the month, not the site.
    for text in _send("van-town-centre", dt.date(2025, 11, 20), 2, "more socks on the van"):
        expected[text] = ("November 2025", comments.SITE_NOT_SHOWN)
    # December: 1 woman anywhere, 15 in the dates searched -> neither date nor site.
    for text in _send("drop-in", dt.date(2025, 12, 3), 1, "gloves in december"):
        expected[text] = (comments.DATE_NOT_SHOWN, comments.SITE_NOT_SHOWN)
    return expected


def _listed(filters: Filters, **kwargs) -> comments.CommentPage:  # type: ignore[no-untyped-def]
    with read_session() as session:
        return comments.search_comments(session, filters, per_page=100, **kwargs)


def _nights(ids: list[int]) -> dict[int, tuple[dt.date, int | None]]:
    """The true service night and site of each answer: what the page must not give away."""
    with read_session() as session:
        rows = session.execute(
            select(Answer.id, Submission.service_date, Submission.site_id)
            .join(Submission, Submission.id == Answer.submission_id)
            .where(Answer.id.in_(ids))
        )
        return {int(i): (day, site) for i, day, site in rows}


def test_each_comment_shows_the_coarsest_period_its_group_needs(db_url: str) -> None:
    expected = _month_of_groups()
    page = _listed(Filters(*NOVEMBER))
    assert {c.text: (c.when, c.site) for c in page.comments} == expected
    assert page.total == len(expected)


def test_the_date_shown_is_never_the_night(db_url: str) -> None:
    _month_of_groups()
    for comment in _listed(Filters(*NOVEMBER)).comments:
        assert "04 Nov" not in comment.when and "Tue" not in comment.when
        assert (
            comment.when.startswith("week of")
            or "2025" in comment.when
            or (comment.when == comments.DATE_NOT_SHOWN)
        )


def test_a_one_night_range_lists_the_whole_week(db_url: str) -> None:
    expected = _month_of_groups()
    night = FIRST_WEEK + dt.timedelta(days=3)  # a night whose 7 women wrote nothing
    page = _listed(Filters(night, night))
    assert (page.start, page.end) == (FIRST_WEEK, FIRST_WEEK + dt.timedelta(days=6))
    assert {c.text for c in page.comments} == {
        t for t, (when, _) in expected.items() if when == "week of 3 Nov 2025"
    }


def test_whole_weeks_widen_a_range_to_monday_and_sunday() -> None:
    widened = comments.whole_weeks(Filters(dt.date(2025, 11, 5), dt.date(2025, 11, 11), (3,)))
    assert (widened.start, widened.end, widened.site_keys) == (
        dt.date(2025, 11, 3),
        dt.date(2025, 11, 16),
        (3,),
    )


def test_a_week_or_longer_is_searched_as_chosen(db_url: str) -> None:
    _month_of_groups()
    page = _listed(Filters(*NOVEMBER))
    assert (page.start, page.end) == NOVEMBER


def test_a_range_that_cuts_a_week_counts_the_week_inside_the_range_only(db_url: str) -> None:
    """Sunday 2 Nov to Saturday 8 Nov holds the drop-in's 9 women of the first week, but
    Monday 27 Oct to Sunday 2 Nov none: the dates searched bound every group."""
    expected = _month_of_groups()
    first = {t for t, (when, _) in expected.items() if when == "week of 3 Nov 2025"}
    page = _listed(Filters(dt.date(2025, 11, 2), dt.date(2025, 11, 8)))
    assert {c.text for c in page.comments} == first
    assert {c.when for c in page.comments} == {"week of 3 Nov 2025"}
    # Tuesday to Monday: the first week's 9 women, then 0 on Monday 10 Nov.
    _send("drop-in", SECOND_WEEK, 2, "monday night only")
    cut = _listed(Filters(FIRST_WEEK + dt.timedelta(days=1), SECOND_WEEK))
    monday = [c for c in cut.comments if c.text.startswith("monday night only")]
    # 2 women on the Monday inside the range: not "week of 10 Nov", the month (11 women).
    assert monday and {c.when for c in monday} == {"November 2025"}


def test_a_site_with_few_women_in_a_short_range_lists_no_comment(db_url: str) -> None:
    _month_of_groups()
    van, _ = _site("van-town-centre")
    night = dt.date(2025, 11, 20)
    page = _listed(Filters(night, night, (van,)))
    assert page.comments == () and page.too_few
    # The whole month at the van still holds only 2 women.
    assert _listed(Filters(*NOVEMBER, (van,))).comments == ()


def test_no_filter_narrows_a_listed_comment_to_fewer_than_eight_women(db_url: str) -> None:
    """The attacker: every night, week and month, every site or all of them; for each
    listed comment, count the women who could have written it from what is on the screen
    (the dates searched, the sites chosen or shown, the period shown)."""
    _month_of_groups()
    _send("van-town-centre", dt.date(2025, 11, 21), 6, "tea on the van")
    with read_session() as session:
        everyone = list(session.execute(select(Submission.service_date, Submission.site_id)))
    sites = {_site("drop-in")[0]: _site("drop-in")[1], _site("van-town-centre")[0]: None}
    names = {name: key for key, name in sites.items() if name}
    ranges = [(d, d) for d in (dt.date(2025, 11, 1) + dt.timedelta(days=i) for i in range(40))]
    ranges += [NOVEMBER, (FIRST_WEEK, SECOND_WEEK), (dt.date(2025, 11, 9), dt.date(2025, 11, 10))]
    checked = 0
    for start, end in ranges:
        for chosen in [(), *[(key,) for key in sites]]:
            page = _listed(Filters(start, end, chosen))
            for comment in page.comments:
                possible = [
                    (day, site)
                    for day, site in everyone
                    if page.start <= day <= page.end
                    and (not chosen or site in chosen)
                    and (comment.site not in names or site == names[comment.site])
                    and _consistent(comment.when, day)
                ]
                assert len(possible) >= 8, (start, end, chosen, comment.when, comment.site)
                checked += 1
    assert checked > 100


def _consistent(when: str, day: dt.date) -> bool:
    """Whether a night fits the period a card shows."""
    if when == comments.DATE_NOT_SHOWN:
        return True
    if when.startswith("week of "):
        monday = dt.datetime.strptime(when.removeprefix("week of "), "%d %b %Y").date()
        return monday <= day <= monday + dt.timedelta(days=6)
    return f"{day:%B %Y}" == when


def test_within_a_shown_week_the_order_follows_the_random_id_not_the_night(db_url: str) -> None:
    for night in range(7):
        _send("drop-in", FIRST_WEEK + dt.timedelta(days=night), 2, f"night {night} hot food")
    page = _listed(Filters(FIRST_WEEK, FIRST_WEEK + dt.timedelta(days=6)))
    listed = [c.id for c in page.comments]
    assert len(listed) == 14 and {c.when for c in page.comments} == {"week of 3 Nov 2025"}
    assert listed == sorted(listed, reverse=True)
    nights = _nights(listed)
    by_night = [nights[i][0] for i in listed]
    # 14 random ids in night order by chance: 2**7 / 14! (about 1 in 680 million).
    assert by_night != sorted(by_night, reverse=True)
    assert by_night != sorted(by_night)


def test_newer_periods_come_first(db_url: str) -> None:
    expected = _month_of_groups()
    whens = [c.when for c in _listed(Filters(*NOVEMBER)).comments]
    assert whens == sorted(
        whens,
        key=lambda w: ["week of 3 Nov 2025", "November 2025", comments.DATE_NOT_SHOWN].index(w),
    )
    assert len(whens) == len(expected)


def test_the_comments_page_widens_a_one_night_range_and_says_so(db_url: str) -> None:
    expected = _month_of_groups()
    night = FIRST_WEEK + dt.timedelta(days=1)
    at = signed_in("coordinator")
    at.switch_page("pages/comments.py").run()
    at.date_input(key="f_dates").set_value((night, night)).run()
    assert not at.exception
    shown = [t.value for t in at.text]
    assert any(
        t.startswith("Showing the whole week")
        and t.endswith("comments are never shown for a single night.")
        for t in shown
    ), shown
    cards = [t for t in shown if " · What was good?" in t]
    assert cards and all(t.startswith("week of 3 Nov 2025 · ") for t in cards)
    assert not any(f"{night:%d %b %Y}" in t for t in shown)
    assert {t for t in shown if "first week" in t} == {
        t for t, (when, _) in expected.items() if when.startswith("week of")
    }
