"""Every staff page on demo data in a real Chromium: every chart draws, no hidden value
shows as "None", and the pages agree on their counts for the same filters.

One server, one signed-in page, demo data seeded once for the module (it shares the
CI time budget).
"""

from __future__ import annotations

import os
import re

import pytest

from db import auth
from db.session import reset_engines, write_session
from pages._ui import STAFF_PAGES
from tests.conftest import SCREENSHOTS, StreamlitServer, open_from_sidebar, sign_in, wait_for_app
from tests.staff_helpers import PASSWORD

DEMO_ROWS = "700"
DEMO_MONTHS = "6"
TITLES = [title for title, _icon, _roles in STAFF_PAGES.values()]
# Pages whose tables are all aggregates: a blank cell there is a hidden value not saying so.
AGGREGATES = ("Overview", "Provisions", "Times", "Themes", "Consultations")

# For each Plotly chart on the page: its title and how many numbers above zero it draws.
CHART_POINTS = """
() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => ({
  title: String((plot.layout && plot.layout.title && (plot.layout.title.text || plot.layout.title))
    || '').replace(/<[^>]*>/g, ''),
  points: (plot.data || []).reduce((n, trace) => n + ['x', 'y', 'z'].reduce((m, axis) => {
    const values = (trace[axis] || []).flat ? (trace[axis] || []).flat() : [];
    return m + values.filter(v => typeof v === 'number' && isFinite(v) && v > 0).length;
  }, 0), 0),
}))
"""
# The text of every table cell the data grids draw (they paint on a canvas, but keep an
# accessible copy of their cells in the page).
GRID_CELLS = """
() => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="gridcell"]')]
  .map(cell => cell.textContent)
"""


@pytest.fixture(scope="module")
def demo_server(server_database: str, chromium):  # type: ignore[no-untyped-def]
    """A server over a database holding a few months of demo data and an admin."""
    from db.manage import main

    saved = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = server_database
    reset_engines()
    try:
        assert main(["seed", "--demo", DEMO_ROWS, "--months", DEMO_MONTHS, "--quiet"]) == 0
        with write_session(server_database) as session:
            auth.create_user(session, "ada", PASSWORD, "admin")
    finally:
        if saved is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved
        reset_engines()
    running = StreamlitServer(server_database)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def signed_in(demo_server: StreamlitServer, chromium):  # type: ignore[no-untyped-def]
    """One browser page, signed in as an admin (who may open every staff page)."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    sign_in(page, demo_server.url, "ada", PASSWORD)
    yield page
    context.close()


def _open(page, title: str) -> None:  # type: ignore[no-untyped-def]
    """Open a staff page from the sidebar, and (on a dashboard) open its data tables so
    their cells draw."""
    open_from_sidebar(page, title)
    if title not in AGGREGATES:
        return
    for summary in page.locator("[data-testid='stExpander'] summary").all():
        if summary.is_visible():
            summary.click()
    wait_for_app(page)
    page.wait_for_timeout(300)  # the data grids draw a frame after they open


def _metric(page, label: str) -> str:  # type: ignore[no-untyped-def]
    """The value of a headline number."""
    metric = page.locator("[data-testid='stMetric']", has_text=label).first
    return metric.locator("[data-testid='stMetricValue']").inner_text().strip()


@pytest.mark.parametrize("title", TITLES)
def test_every_staff_page_draws_its_charts_and_hides_nothing_as_none(signed_in, title) -> None:
    page = signed_in
    _open(page, title)
    page.screenshot(path=str(SCREENSHOTS / f"dashboards-{title.split()[0].lower()}.png"))
    assert page.locator("[data-testid='stException']").count() == 0
    empty = [c["title"] for c in page.evaluate(CHART_POINTS) if c["points"] == 0]
    assert not empty, f"charts with nothing drawn on {title}: {empty}"
    text = page.locator("[data-testid='stMain']").inner_text()
    assert not re.search(r"\bNone\b", text), f"'None' shown on {title}"
    cells = page.evaluate(GRID_CELLS)
    assert "None" not in cells, f"'None' in a table on {title}"
    if title in AGGREGATES:
        assert "" not in cells, f"a blank cell in a table on {title}"


def test_the_demo_fills_the_charts_that_were_blank(signed_in) -> None:
    page = signed_in
    for title, charts in (
        ("Provisions", ("Top provisions by", "By site")),
        ("Themes", ("Top themes by",)),
        ("Overview", ("Ratings and comments by", "Responses by")),
    ):
        _open(page, title)
        drawn = {c["title"]: c["points"] for c in page.evaluate(CHART_POINTS)}
        for chart in charts:
            found = [points for name, points in drawn.items() if name.startswith(chart)]
            assert found and all(found), f"{title}: {chart} drew nothing ({drawn})"


def test_overview_and_comments_count_the_same_comments(signed_in) -> None:
    page = signed_in
    _open(page, "Overview")
    overview = _metric(page, "Comments")
    assert "hidden" not in overview and "<" not in overview, overview
    assert "/ 5" in _metric(page, "Average rating (5 = very good)")
    _open(page, "Comments")
    line = page.get_by_text(re.compile(r"comments match")).first.inner_text()
    assert line.startswith(f"{overview} comments match"), (overview, line)
