"""Staff pages in a real Chromium: no data without a sign-in, separate sign-ins per
browser, and a kiosk submission showing up in the overview count."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from db import auth
from db.service_day import service_date_now
from db.session import reset_engines, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.conftest import (
    SCREENSHOTS,
    StreamlitServer,
    open_from_sidebar,
    sign_in,
    step,
    wait_for_app,
)
from tests.staff_helpers import PASSWORD, STAFF_PAGE_FILES

MARKER = "zebracrossingmarker"
DATA_SELECTORS = (
    "[data-testid='stPlotlyChart']",
    "[data-testid='stDataFrame']",
    "[data-testid='stMetric']",
    "[data-testid='stDownloadButton']",
)
STAFF_URLS = [
    *("staff-" + p.removeprefix("pages/").removesuffix(".py") for p in STAFF_PAGE_FILES),
    *(p.removeprefix("pages/").removesuffix(".py") for p in STAFF_PAGE_FILES),
]


def _seed(url: str, n: int = 30) -> None:
    today = service_date_now()  # the date the pages' filters end on
    for i in range(n):
        submit_feedback(
            FeedbackForm(
                rating=1 + i % 3,
                provisions=["hot_food"],
                text_better=f"{MARKER} please" if i == 0 else "more socks",
                site="drop-in",
                service_date=today - dt.timedelta(days=i % 5),
            ),
            url=url,
        )


def _user(url: str, name: str, role: str = "coordinator") -> None:
    with write_session(url) as session:
        auth.create_user(session, name, PASSWORD, role)


def _shows_no_data(page) -> None:
    for selector in DATA_SELECTORS:
        assert page.locator(selector).count() == 0, selector
    assert MARKER not in page.content()


def _seeded_server(
    tmp_path: Path, sqlite_template: Path, env: dict[str, str] | None = None
) -> StreamlitServer:
    """A server that has answered no request yet, with feedback and cora in its database."""
    import shutil

    path = tmp_path / "lantern.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    _seed(url)
    _user(url, "cora")
    reset_engines()
    return StreamlitServer(url, env=env)


@pytest.fixture
def fresh_server(tmp_path, sqlite_template, chromium):  # type: ignore[no-untyped-def]
    """A server that has answered no request yet, with feedback in its database."""
    running = _seeded_server(tmp_path, sqlite_template)
    yield running
    running.stop()


@pytest.mark.parametrize("first", ["staff-comments", "comments", "staff-overview", "overview"])
def test_the_very_first_request_to_a_staff_url_shows_no_data(chromium, fresh_server, first) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{fresh_server.url}/{first}")
    wait_for_app(page)
    _shows_no_data(page)
    context.close()


def test_every_staff_url_visited_signed_out_shows_no_data(chromium, fresh_server) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(fresh_server.url)
    wait_for_app(page)
    for path in STAFF_URLS:
        page.goto(f"{fresh_server.url}/{path}")
        wait_for_app(page)
        _shows_no_data(page)
    context.close()


def test_two_browsers_never_share_a_sign_in(chromium, fresh_server) -> None:
    first = chromium.new_context(viewport={"width": 1366, "height": 900})
    second = chromium.new_context(viewport={"width": 1366, "height": 900})
    signed = first.new_page()
    sign_in(signed, fresh_server.url, "cora", PASSWORD)
    signed.locator("[data-testid='stPlotlyChart']").first.wait_for(timeout=30_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    signed.screenshot(path=str(SCREENSHOTS / "staff-overview.png"), full_page=True)
    other = second.new_page()
    for path in ("staff-overview", "staff-comments"):
        other.goto(f"{fresh_server.url}/{path}")
        wait_for_app(other)
        _shows_no_data(other)
    # The signed-in browser is still signed in (a sign-in lives in the session, not a cookie).
    open_from_sidebar(signed, "Comments")
    signed.get_by_text(f"{MARKER} please").first.wait_for(timeout=30_000)
    first.close()
    second.close()


def _responses(page) -> int:
    metric = page.locator("[data-testid='stMetric']", has_text="Responses").first
    value = metric.locator("[data-testid='stMetricValue']").inner_text()
    return int(re.sub(r"\D", "", value))


def test_a_kiosk_submission_shows_up_in_the_overview_count(chromium, fresh_server) -> None:
    staff_context = chromium.new_context(viewport={"width": 1366, "height": 900})
    staff = staff_context.new_page()
    sign_in(staff, fresh_server.url, "cora", PASSWORD)
    before = _responses(staff)

    tablet_context = chromium.new_context(viewport={"width": 800, "height": 1280}, has_touch=True)
    tablet = tablet_context.new_page()
    tablet.goto(f"{fresh_server.url}/?site=drop-in")
    wait_for_app(tablet)
    tablet.locator(".st-key-start button").click()
    tablet.get_by_text("How was tonight?").wait_for()
    wait_for_app(tablet)
    for then in (
        "text=What would you like more of?",
        "text=When is best for you?",
        ".st-key-text_good textarea",
    ):
        step(tablet, "next", then)
    step(tablet, "submit", "text=Thank you for telling us.")

    open_from_sidebar(staff, "Comments")
    open_from_sidebar(staff, "Overview")
    staff.get_by_role("heading", name="Overview").wait_for(timeout=30_000)
    assert _responses(staff) == before + 1
    staff_context.close()
    tablet_context.close()


def _table_toolbar(page) -> list[str]:
    """The names of the buttons in the Comments-per-theme table's toolbar, shown on hover."""
    open_from_sidebar(page, "Themes")
    table = page.locator(".st-key-theme_table [data-testid='stDataFrame']").first
    table.wait_for(timeout=30_000)
    table.hover()
    toolbar = page.locator(".st-key-theme_table [data-testid='stElementToolbar']").first
    toolbar.get_by_role("button").first.wait_for(timeout=10_000)
    return [
        b.get_attribute("aria-label") or b.inner_text() for b in toolbar.get_by_role("button").all()
    ]


def test_no_staff_table_offers_streamlits_own_download(chromium, fresh_server) -> None:
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    sign_in(page, fresh_server.url, "cora", PASSWORD)
    names = _table_toolbar(page)
    assert names, "the table's toolbar did not show"
    assert not [n for n in names if "download" in n.lower()], names
    context.close()


def test_with_data_export_left_on_the_check_finds_the_download(
    chromium, tmp_path, sqlite_template
) -> None:
    """The check above can fail: Streamlit's default toolbar does have the download."""
    env = {"STREAMLIT_CLIENT_DISABLE_DATA_EXPORT": "false"}
    running = _seeded_server(tmp_path, sqlite_template, env)
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, running.url, "cora", PASSWORD)
        assert "Download as CSV" in _table_toolbar(page)
    finally:
        context.close()
        running.stop()


def test_kiosk_links_use_the_address_lantern_is_served_on_until_one_is_set(
    chromium, fresh_server
) -> None:
    _user(fresh_server.database_url, "ada", role="admin")
    context = chromium.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    sign_in(page, fresh_server.url, "ada", PASSWORD)
    open_from_sidebar(page, "Admin")
    page.get_by_role("tab", name="Sites").click()
    link = page.locator("[data-testid='stCode']", has_text="?site=drop-in").first
    link.wait_for(timeout=30_000)
    assert link.inner_text().strip() == f"{fresh_server.url}/?site=drop-in"
    context.close()
