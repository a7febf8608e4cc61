"""What the dashboards say: hidden values say why, periods say when they are partial,
the rating reads higher-is-better, and every page counts comments the same way."""

from __future__ import annotations

import datetime as dt

import pytest

from db import comments, dashboard
from db.dashboard import Filters, Table
from db.session import read_session
from db.submissions import FeedbackForm, submit_feedback
from pages import _ui as ui

MONDAY = dt.date(2026, 11, 30)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (((1, None), (2, 4.5)), [["1", "*"], ["2", "4.5"]]),
        (((1, None), (2, None)), [["1", "*"], ["2", "*"]]),
        ((("<8", 50.0), (12, None)), [["<8", "50.0"], ["12", "*"]]),
    ],
)
def test_a_hidden_value_shows_as_a_mark_never_none_or_blank(rows, expected) -> None:
    shown = ui.frame(Table(("count", "share"), rows))
    assert [[str(v) for v in row] for row in shown.itertuples(index=False)] == expected


def test_a_hidden_bar_is_drawn_empty_and_marked() -> None:
    bar = ui.bar_trace(["a", "b", "c"], [12, "<8", None])
    assert list(bar.y) == [12, 0, 0]
    assert list(bar.text) == ["", "<8", "*"]


def test_a_trend_line_has_gaps_where_hidden_and_marks_each_gap() -> None:
    import plotly.graph_objects as go

    fig = go.Figure()
    days = [MONDAY - dt.timedelta(weeks=n) for n in (2, 1, 0)]
    ui.add_line(fig, days, [10, "<8", 12], "asked")
    line, gaps = fig.data
    assert list(line.y) == [10, None, 12] and line.connectgaps is False
    assert list(gaps.x) == [days[1]] and list(gaps.text) == ["<8"]


def test_a_long_table_draws_every_series_with_its_visible_points() -> None:
    table = Table(
        ("Period starting", "Covers", "Provision", "Asked for by"),
        (
            (MONDAY, "whole week", "Socks", 9),
            (MONDAY, "whole week", "Soup", "<8"),
            (MONDAY + dt.timedelta(weeks=1), "week so far", "Socks", 11),
        ),
    )
    fig = ui.series_lines(table, "Period starting", "Asked for by", "Provision")
    drawn = {t.name: [v for v in t.y if v is not None] for t in fig.data}
    assert drawn["Socks"] == [9, 11]
    assert drawn["Soup (hidden)"] == [0]


@pytest.mark.parametrize(
    ("start", "end", "period", "granularity", "cover"),
    [
        ("2026-11-01", "2026-12-13", "2026-11-30", "week", "whole week"),
        ("2026-11-01", "2026-12-03", "2026-11-30", "week", "partial week (30 Nov–03 Dec)"),
        ("2026-12-02", "2026-12-20", "2026-11-30", "week", "partial week (02 Dec–06 Dec)"),
        ("2026-11-01", "2026-12-09", "2026-12-07", "week", "week so far (to 09 Dec)"),
        ("2026-06-08", "2026-12-09", "2026-06-01", "month", "partial month (08 Jun–30 Jun)"),
        ("2026-06-08", "2026-12-09", "2026-12-01", "month", "month so far (to 09 Dec)"),
        ("2026-06-08", "2026-12-09", "2026-11-01", "month", "whole month"),
    ],
)
def test_partial_and_current_periods_say_so(start, end, period, granularity, cover) -> None:
    day = dt.date.fromisoformat
    chosen = Filters(day(start), day(end), granularity=granularity)
    assert dashboard.period_cover(day(period), chosen, today=day("2026-12-09")) == cover


def _submit(n: int, day: dt.date, **answers) -> None:  # type: ignore[no-untyped-def]
    for _ in range(n):
        submit_feedback(FeedbackForm(site="drop-in", service_date=day, **answers))


def test_the_overview_and_the_comments_page_count_the_same_comments(db_url: str) -> None:
    day = dt.date(2026, 11, 4)
    _submit(9, day, rating=1, text_good="kind staff and hot soup")
    _submit(8, day, rating=2, provision_other="hand warmers")  # a comment too
    _submit(8, day, rating=5)  # no words: not a comment
    chosen = Filters(day - dt.timedelta(days=3), day + dt.timedelta(days=3))
    with read_session() as session:
        shown = {h.label: h.value for h in dashboard.overview(session, chosen).headlines}
        listed = comments.search_comments(session, chosen).total
    assert shown["Comments"] == listed == 17


def test_the_average_rating_reads_higher_is_better(db_url: str) -> None:
    day = dt.date(2026, 11, 4)
    _submit(8, day, rating=1)  # very good
    _submit(8, day, rating=2)  # good
    chosen = Filters(day, day)
    with read_session() as session:
        view = dashboard.overview(session, chosen)
    shown = {h.label: h.value for h in view.headlines}
    assert shown[dashboard.RATING_LABEL] == 4.5
    assert view.tables["sites"].column(dashboard.RATING_LABEL) == [4.5]
