"""The public "You said, we did" board in a real Chromium: kiosk look, no staff menu, quick exit."""

from __future__ import annotations

import datetime as dt

from db import actions
from db.actions import ActionDraft
from db.session import write_session
from tests.conftest import SCREENSHOTS, wait_for_app
from tests.test_browser_kiosk import _small_targets

TITLE = "The van now stays until 3am on Fridays"


def _publish(server) -> None:  # type: ignore[no-untyped-def]
    """One published entry in the server's database."""
    with write_session(server.database_url) as session:
        row = actions.create_action(
            session, ActionDraft(TITLE, dt.date(2026, 3, 6), slots=["small_hours"]), actor="ada"
        )
        actions.publish_action(session, row.id, actor="ada")


def test_the_board_shows_published_changes_in_the_kiosk_style(tablet, server) -> None:
    _publish(server)
    page = tablet
    page.goto(f"{server.url}/you_said_we_did")
    wait_for_app(page)
    page.get_by_text(TITLE).wait_for(timeout=15_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "board.png"), full_page=True)
    assert page.get_by_text("March 2026").is_visible()
    assert page.locator("[data-testid='stSidebar']").count() == 0
    assert page.locator("[data-testid='stSidebarNav']").count() == 0
    assert not page.locator("[data-testid='stMainMenu']").is_visible()
    assert page.locator(".st-key-exit button").is_visible()
    assert _small_targets(page) == []


def test_shift_three_times_leaves_the_board_for_the_neutral_site(tablet, server) -> None:
    page = tablet
    page.goto(f"{server.url}/you_said_we_did")
    wait_for_app(page)
    page.locator(".st-key-exit button").wait_for()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/**", timeout=15_000)
