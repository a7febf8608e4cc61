"""Staff filters through AppTest: comment pages and filters, the shared site/date filters,
and the overview's week/month switch."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
from streamlit.testing.v1 import AppTest

from db import comments, dashboard
from db.service_day import service_date_now
from db.session import read_session
from db.submissions import FeedbackForm, submit_feedback
from tests.staff_helpers import shows_data, signed_in

# The service date, as the kiosk stores it: before 6am it is still the evening before.
TODAY = service_date_now()
EMPTY_NOTE = "No feedback matches these filters yet. Try a longer date range or more sites."
DASHBOARDS = (
    "pages/overview.py",
    "pages/provisions.py",
    "pages/times.py",
    "pages/themes.py",
    "pages/comments.py",
)


def _kind_words(note: int) -> str:
    """An unmistakably positive comment, told apart by its note number."""
    return f"the staff were lovely and kind, thank you (note {note})"


def _cold_words(note: int) -> str:
    """An unmistakably negative comment, told apart by its note number."""
    return f"the van was late and cold, awful (note {note})"


def _seed_comments() -> dict[int, tuple[str, str, str]]:
    """50 one-comment submissions, note i dated i days ago: note -> (text, question, feels).

    Of every ten: five kind words under "what was good", four cold complaints under
    "what could we do better", one kind word under "what could we do better" (so the
    question filter and the sentiment filter pick different sets).
    """
    seeded = {}
    for note in reversed(range(50)):  # oldest stored first: newest-first is the page's doing
        kind = note % 10
        if kind < 5:
            text, question, feels = _kind_words(note), "what_good", "positive"
        elif kind < 9:
            text, question, feels = _cold_words(note), "could_improve", "negative"
        else:
            text, question, feels = _kind_words(note), "could_improve", "positive"
        submit_feedback(
            FeedbackForm(
                rating=1,
                text_good=text if question == "what_good" else "",
                text_better=text if question == "could_improve" else "",
                site="drop-in",
                service_date=TODAY - dt.timedelta(days=note),
            )
        )
        seeded[note] = (text, question, feels)
    return dict(sorted(seeded.items()))


def _shown(at: AppTest, seeded: dict[int, tuple[str, str, str]]) -> list[str]:
    """The seeded comment texts on the page, top to bottom."""
    known = {text for text, _, _ in seeded.values()}
    return [t.value for t in at.text if t.value in known]


def _listed(**chosen: str) -> list[str]:
    """The seeded comments in the order db.comments lists them for the page's default
    dates: newest week or month first, and within it the random answer id, never the
    night (tests/test_comments_coarsening.py)."""
    filters = dashboard.Filters(TODAY - dt.timedelta(days=49), TODAY)
    with read_session() as session:
        found = comments.search_comments(session, filters, per_page=100, **chosen)
    return [c.text for c in found.comments]


def _status(at: AppTest) -> str:
    """The "N comments match · page x of y" line."""
    return next(t.value for t in at.text if "comments match" in t.value)


def _comments_page() -> AppTest:
    """A coordinator on the Comments page."""
    at = signed_in("coordinator")
    at.switch_page("pages/comments.py").run()
    assert not at.exception
    return at


def test_comments_come_twenty_to_a_page_newest_first_and_the_buttons_move_between_pages(
    db_url: str,
) -> None:
    seeded = _seed_comments()
    at = _comments_page()
    assert _status(at) == "50 comments match · page 1 of 3"
    assert len(_listed()) == 50
    assert _shown(at, seeded) == _listed()[0:20]
    assert at.button(key="comments_newer").disabled
    assert not at.button(key="comments_older").disabled

    at.button(key="comments_older").click().run()
    assert not at.exception
    assert _status(at) == "50 comments match · page 2 of 3"
    assert _shown(at, seeded) == _listed()[20:40]
    assert not at.button(key="comments_newer").disabled

    at.button(key="comments_older").click().run()
    assert _status(at) == "50 comments match · page 3 of 3"
    assert _shown(at, seeded) == _listed()[40:50]
    assert at.button(key="comments_older").disabled

    at.button(key="comments_newer").click().run()
    at.button(key="comments_newer").click().run()
    assert not at.exception
    assert _status(at) == "50 comments match · page 1 of 3"
    assert _shown(at, seeded) == _listed()[0:20]


def test_a_new_filter_starts_again_at_its_newest_comments(db_url: str) -> None:
    seeded = _seed_comments()
    at = _comments_page()
    at.button(key="comments_older").click().run()
    assert _status(at) == "50 comments match · page 2 of 3"
    at.selectbox(key="comments_sentiment").set_value("positive").run()
    positive = [text for text, _, feels in seeded.values() if feels == "positive"]
    assert _status(at) == "30 comments match · page 1 of 2"
    assert sorted(_listed(sentiment="positive")) == sorted(positive)
    assert _shown(at, seeded) == _listed(sentiment="positive")[:20]


def test_the_sentiment_filter_shows_only_comments_that_feel_that_way(db_url: str) -> None:
    seeded = _seed_comments()
    at = _comments_page()
    at.selectbox(key="comments_sentiment").set_value("negative").run()
    assert not at.exception
    negative = [text for text, _, feels in seeded.values() if feels == "negative"]
    assert _status(at) == "20 comments match · page 1 of 1"
    assert sorted(_listed(sentiment="negative")) == sorted(negative)
    assert _shown(at, seeded) == _listed(sentiment="negative")
    assert at.button(key="comments_older").disabled

    at.selectbox(key="comments_sentiment").set_value("positive").run()
    positive = [text for text, _, feels in seeded.values() if feels == "positive"]
    assert _status(at) == "30 comments match · page 1 of 2"
    assert sorted(_listed(sentiment="positive")) == sorted(positive)
    assert _shown(at, seeded) == _listed(sentiment="positive")[:20]
    assert all("Feels: positive" in t.value for t in at.text if t.value.startswith("Feels:"))
    at.button(key="comments_older").click().run()
    assert _shown(at, seeded) == _listed(sentiment="positive")[20:]


def test_the_question_filter_shows_only_answers_to_that_question(db_url: str) -> None:
    seeded = _seed_comments()
    at = _comments_page()
    at.selectbox(key="comments_question").set_value("could_improve").run()
    assert not at.exception
    better = [text for text, question, _ in seeded.values() if question == "could_improve"]
    assert _status(at) == "25 comments match · page 1 of 2"
    assert sorted(_listed(question="could_improve")) == sorted(better)
    assert _shown(at, seeded) == _listed(question="could_improve")[:20]
    assert "What was good?" not in " ".join(t.value for t in at.text)

    at.selectbox(key="comments_question").set_value("what_good").run()
    good = [text for text, question, _ in seeded.values() if question == "what_good"]
    assert _status(at) == "25 comments match · page 1 of 2"
    assert sorted(_listed(question="what_good")) == sorted(good)
    assert _shown(at, seeded) == _listed(question="what_good")[:20]

    # Both filters at once: nothing negative was said about what was good.
    at.selectbox(key="comments_sentiment").set_value("negative").run()
    assert not at.exception
    assert _shown(at, seeded) == []
    assert [i.value for i in at.info] == [EMPTY_NOTE]


def _seed_sites() -> None:
    """30 responses at the drop-in and 20 from the town-centre van over 25 days."""
    for i in range(50):
        submit_feedback(
            FeedbackForm(
                rating=1 + i % 5,
                provisions=["hot_food", "socks"][: 1 + i % 2],
                slots=[("fri:late_evening", "sat:night")[i % 2]],
                text_good=("hot soup and kind staff", "warm socks")[i % 2],
                text_better=("come later on fridays", "more underwear")[i % 2],
                site="drop-in" if i < 30 else "van-town-centre",
                service_date=TODAY - dt.timedelta(days=i % 25),
            )
        )


def _site_key(slug_name: str) -> int:
    """The filter key of the site with this name."""
    with read_session() as session:
        names = dashboard.site_names(session)
    return next(key for key, name in names.items() if name == slug_name)


def _responses(at: AppTest) -> str:
    """The overview's Responses headline."""
    return next(m.value for m in at.metric if m.label == "Responses")


def test_choosing_one_site_counts_only_that_sites_responses(db_url: str) -> None:
    _seed_sites()
    at = signed_in("coordinator")
    at.switch_page("pages/overview.py").run()
    assert _responses(at) == "50"
    at.multiselect(key="f_sites").set_value([_site_key("Evening drop-in")]).run()
    assert not at.exception
    assert _responses(at) == "30"
    at.multiselect(key="f_sites").set_value([_site_key("Outreach van – town centre")]).run()
    assert _responses(at) == "20"
    sites = next(d.value for d in at.dataframe if "Site" in d.value.columns)
    assert sites["Site"].tolist() == ["Outreach van – town centre"]


def test_a_narrower_date_range_counts_only_those_days(db_url: str) -> None:
    _seed_sites()
    at = signed_in("coordinator")
    at.switch_page("pages/overview.py").run()
    at.date_input(key="f_dates").set_value((TODAY - dt.timedelta(days=9), TODAY)).run()
    assert not at.exception
    assert _responses(at) == "20"  # days 0-9 of the 25: ten at each site


def test_a_site_without_feedback_shows_the_friendly_empty_state_on_every_dashboard(
    db_url: str,
) -> None:
    _seed_sites()
    at = signed_in("coordinator")
    for page in DASHBOARDS:  # the others have plenty: every page has something to show
        at.switch_page(page).run()
        assert not at.exception, page
        assert shows_data(at) or "comments match" in " ".join(t.value for t in at.text), page
    at.switch_page("pages/overview.py").run()
    quiet = _site_key("Outreach van – industrial estate")
    at.multiselect(key="f_sites").set_value([quiet]).run()
    for page in DASHBOARDS:
        at.switch_page(page).run()
        assert not at.exception, page
        assert at.multiselect(key="f_sites").value == [quiet], page  # the choice carries over
        assert [i.value for i in at.info] == [EMPTY_NOTE], page
        assert not at.error, page
        assert not shows_data(at), page  # no empty chart frame, table or zero headline
        assert not any("comments match" in t.value for t in at.text), page


def _trend(at: AppTest) -> pd.DataFrame:
    """The overview's trend table."""
    return next(d.value for d in at.dataframe if "% good or very good" in d.value.columns)


def _chart_titles(at: AppTest) -> list[str]:
    """The titles of the charts on the page."""
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def test_the_overview_trend_switches_between_weeks_and_months(db_url: str) -> None:
    dates = [TODAY - dt.timedelta(days=7 * k + k % 3) for k in range(10) for _ in range(3)]
    for day in dates:
        submit_feedback(FeedbackForm(rating=1, text_good="kind staff", service_date=day))
    at = signed_in("coordinator")
    at.switch_page("pages/overview.py").run()
    assert at.radio(key="f_period").value == "week"
    weeks = sorted({d - dt.timedelta(days=d.weekday()) for d in dates})
    assert [pd.Timestamp(p).date() for p in _trend(at)["Period starting"]] == weeks
    assert "Ratings and comments by week" in _chart_titles(at)

    at.radio(key="f_period").set_value("month").run()
    assert not at.exception
    months = sorted({d.replace(day=1) for d in dates})
    assert [pd.Timestamp(p).date() for p in _trend(at)["Period starting"]] == months
    assert "Ratings and comments by month" in _chart_titles(at)
    assert len(months) < len(weeks)

    at.radio(key="f_period").set_value("week").run()
    assert not at.exception
    assert [pd.Timestamp(p).date() for p in _trend(at)["Period starting"]] == weeks
