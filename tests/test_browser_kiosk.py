"""The kiosk in a real Chromium at 800x1280: submit, thank you, auto-return, quick exit."""

from __future__ import annotations

import sqlite3
import time

import pytest

from tests.conftest import SCREENSHOTS, step, wait_for_app

MIN_TARGET_PX = 48


def _db(server) -> sqlite3.Connection:
    return sqlite3.connect(server.database_url.removeprefix("sqlite:///"))


def _count(server) -> int:
    with _db(server) as conn:
        return conn.execute("SELECT count(*) FROM submissions").fetchone()[0]


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"kiosk-{name}.png"), full_page=True)


def _small_targets(page) -> list[str]:
    """Visible buttons and inputs shorter or narrower than the minimum."""
    return page.evaluate(
        """(min) => Array.from(document.querySelectorAll('button, input, textarea, [role=radio]'))
            .filter(e => e.offsetParent !== null)
            .map(e => [e.innerText || e.getAttribute('aria-label') || e.tagName,
                       e.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.height < min || r.width < min))
            .map(([name, r]) => `${name} ${Math.round(r.width)}x${Math.round(r.height)}`)""",
        MIN_TARGET_PX,
    )


RATING = "text=How was tonight?"
PROVISIONS = "text=What would you like more of?"
TIMES = "text=When is best for you?"
TEXT = ".st-key-text_good textarea"


def _open(page, server, site: str = "drop-in") -> None:
    page.goto(f"{server.url}/?site={site}")
    wait_for_app(page)
    page.wait_for_selector(".st-key-start button")


def test_a_woman_submits_on_the_tablet_and_it_returns_to_welcome(tablet, server) -> None:
    page = tablet
    before = _count(server)
    _open(page, server)
    assert page.locator("[data-testid='stSidebar']").count() == 0
    assert not page.locator("[data-testid='stMainMenu']").is_visible()
    assert not page.locator("[data-testid='stAppDeployButton']").is_visible()
    assert page.locator(".st-key-exit button").is_visible()
    _shot(page, "1-welcome")
    assert _small_targets(page) == []

    step(page, "start", RATING)
    page.get_by_role("radio", name="Very good", exact=True).click()
    wait_for_app(page)
    _shot(page, "2-rating")
    assert _small_targets(page) == []
    step(page, "next", PROVISIONS)

    page.get_by_role("button", name="Hot food").click()
    wait_for_app(page)
    page.get_by_role("button", name="Socks").click()
    wait_for_app(page)
    _shot(page, "3-provisions")
    assert _small_targets(page) == []
    step(page, "next", TIMES)

    page.get_by_role("button", name="Fri 9pm–midnight").click()
    wait_for_app(page)
    _shot(page, "4-times")
    assert _small_targets(page) == []
    step(page, "next", TEXT)

    page.locator(".st-key-text_good textarea").fill("Lovely soup and kind staff")
    page.locator(".st-key-text_better textarea").fill("Come on Sundays too")
    page.locator(".st-key-text_better textarea").press("Tab")
    wait_for_app(page)
    _shot(page, "5-tell-us-more")
    assert _small_targets(page) == []
    step(page, "submit")

    page.get_by_text("Thank you for telling us.").wait_for()
    _shot(page, "6-thank-you")
    assert _small_targets(page) == []
    assert _count(server) == before + 1
    with _db(server) as conn:
        rating, site = conn.execute(
            "SELECT s.rating, sites.slug FROM submissions s JOIN sites ON sites.id = s.site_id "
            "JOIN answers a ON a.submission_id = s.id WHERE a.text = 'Come on Sundays too'"
        ).fetchone()  # ids are random (SPEC §2.1): her row is found by what she wrote
        answers = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    assert (rating, site) == (1, "drop-in")
    assert answers >= 2

    # The server is configured to return after 3 s (default 20 s).
    page.wait_for_selector(".st-key-start button", timeout=15_000)
    _shot(page, "7-back-to-welcome")
    step(page, "start", RATING)
    step(page, "next", PROVISIONS)
    step(page, "next", TIMES)
    step(page, "next", TEXT)
    assert page.locator(".st-key-text_good textarea").input_value() == ""


def _rated(page, server, face: str) -> None:
    """Open the kiosk, start, and tap one face."""
    _open(page, server)
    step(page, "start", RATING)
    page.get_by_role("radio", name=face, exact=True).click()
    wait_for_app(page)


def test_a_double_tap_on_send_stores_one_submission_and_thanks_her(tablet, server) -> None:
    page = tablet
    before = _count(server)
    _rated(page, server, "Good")
    step(page, "next", PROVISIONS)
    step(page, "next", TIMES)
    step(page, "next", TEXT)
    # Two taps, the second while the first send is still running on the server (a tap
    # before it would be folded into the same rerun by Streamlit and never reach Send).
    page.evaluate(
        """() => {
            const send = () => document.querySelector('.st-key-submit button');
            send().click();
            setTimeout(() => { if (send()) send().click(); }, 60);
        }"""
    )
    page.get_by_text("Thank you for telling us.").wait_for()
    wait_for_app(page)
    time.sleep(1)  # a second send, had it been taken, has reached the database by now
    wait_for_app(page)
    assert _count(server) == before + 1


def test_shift_three_times_leaves_for_the_neutral_site(tablet, server) -> None:
    page = tablet
    _rated(page, server, "Neither good nor poor")
    started = time.monotonic()
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/weather**", timeout=5_000)
    assert time.monotonic() - started < 5
    page.go_back()  # location.replace left no history entry for the kiosk
    assert not page.url.startswith(server.url)


def test_the_exit_button_leaves_for_the_neutral_site(tablet, server) -> None:
    page = tablet
    _open(page, server)
    step(page, "start", RATING)
    page.locator(".st-key-exit button").click()
    page.wait_for_url("https://www.bbc.co.uk/weather**", timeout=5_000)


@pytest.mark.parametrize("keys", [["Shift", "Shift", "a", "Shift"], ["Shift+A", "Shift", "Shift"]])
def test_shift_with_other_keys_does_not_exit(tablet, server, keys: list[str]) -> None:
    page = tablet
    _open(page, server)
    for key in keys:
        page.keyboard.press(key)
    time.sleep(1)
    assert page.url.startswith(server.url)


def test_inactivity_wipes_a_half_filled_form(tablet, server) -> None:
    page = tablet
    before = _count(server)
    _rated(page, server, "Poor")
    # The server is configured to wipe after 4 s without a touch (default 120 s).
    page.wait_for_selector(".st-key-start button", timeout=15_000)
    step(page, "start", RATING)
    assert page.locator("[role=radio][aria-checked=true]").count() == 0
    assert _count(server) == before
