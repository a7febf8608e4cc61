"""'Send just this' in a real Chromium: Start, a face, Send just this, thank you."""

from __future__ import annotations

import sqlite3
from collections import Counter

from tests.conftest import step, wait_for_app

MIN_TARGET_PX = 48
THANKS = "Thank you for telling us."
# What a submission can hold besides its rating: none of it is sent with the rating alone.
PARTS = (
    "submission_services",
    "submission_provisions",
    "submission_slots",
    "submission_places",
    "answers",
    "consultation_responses",
)


def _counts(server) -> dict[str, int]:
    """Rows in submissions and in each table a submission's other answers go to."""
    path = server.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("submissions", *PARTS)
        }


def _ratings(server) -> Counter[int | None]:
    """How many submissions hold each rating."""
    path = server.database_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        return Counter(r for (r,) in conn.execute("SELECT rating FROM submissions"))


def test_two_taps_after_start_send_how_tonight_was(tablet, server) -> None:
    page = tablet
    before, ratings_before = _counts(server), _ratings(server)
    page.goto(f"{server.url}/?site=drop-in")
    wait_for_app(page)
    step(page, "start", ".st-key-rating [role=radio]")
    assert page.locator(".st-key-send_now").count() == 0  # no face yet: nothing to send

    # Tap 1: the happiest face (the faces run saddest to happiest, left to right).
    page.locator(".st-key-rating [role=radio]").last.click()
    send = page.locator(".st-key-send_now button")
    send.wait_for()
    wait_for_app(page)
    assert send.inner_text().strip() == "Send just this"
    box = send.bounding_box()
    assert box and box["height"] >= MIN_TARGET_PX and box["width"] >= MIN_TARGET_PX

    # Tap 2, with a finger's bounce: a second tap while the first send is on the server.
    page.evaluate(
        """() => {
            const send = () => document.querySelector('.st-key-send_now button');
            send().dispatchEvent(new PointerEvent('pointerdown', {bubbles: true}));
            send().click();
            setTimeout(() => { if (send()) send().click(); }, 60);
        }"""
    )
    page.get_by_text(THANKS).wait_for(timeout=30_000)
    # Back to Welcome on its own (3 s here): a session's reruns run one after another, so
    # by now any second send has been taken or turned away.
    page.locator(".st-key-start button").wait_for(timeout=30_000)
    wait_for_app(page)

    after = _counts(server)
    assert after["submissions"] == before["submissions"] + 1
    assert {t: after[t] for t in PARTS} == {t: before[t] for t in PARTS}
    assert _ratings(server) - ratings_before == Counter({1: 1})  # 1 = very good
