"""A consultation answered on the tablet in a real Chromium at 800x1280."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

from db import consultations as c
from db.service_day import service_date_now
from db.session import write_session
from pages._kiosk import DOUBLE_TAP_SECONDS
from tests.conftest import SCREENSHOTS, step, wait_for_app
from tests.test_browser_kiosk import RATING, TEXT, _open, _small_targets

QUESTION = "We're thinking of moving Tuesday's van to **Wednesday**. Would that work for you?"
CHOICES = (("👍", "Yes, Wednesday works"), ("👎", "No"), ("🤷", "Either *is* fine"))


def _open_consultation(server) -> int:  # type: ignore[no-untyped-def]
    """An open consultation at the drop-in, in the server's database; its id."""
    today = service_date_now()  # the date the pages' filters end on
    draft = c.ConsultationDraft(
        question=QUESTION,
        starts_on=today - dt.timedelta(days=2),
        ends_on=today + dt.timedelta(days=10),
        choices=[c.ChoiceDraft(icon, label) for icon, label in CHOICES],
        text_prompt="Anything else about the van's days?",
        sites=["drop-in"],
    )
    with write_session(server.database_url) as session:
        row = c.create_consultation(session, draft, actor="ada")
        c.open_consultation(session, row.id, actor="ada")
    return row.id


def _rows(server, sql: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    with sqlite3.connect(server.database_url.removeprefix("sqlite:///")) as conn:
        return conn.execute(sql).fetchall()


def _to_consultation(page) -> None:  # type: ignore[no-untyped-def]
    """From Welcome through the regular steps to the consultation step."""
    step(page, "start", RATING)
    step(page, "next", "text=What would you like more of?")
    step(page, "next", "text=When is best for you?")
    step(page, "next", TEXT)
    step(page, "next", "text=One more question")


def test_a_woman_answers_a_consultation_on_the_tablet(tablet, server) -> None:
    consultation = _open_consultation(server)
    page = tablet
    _open(page, server)
    step(page, "start", RATING)
    page.locator(".st-key-services button", has_text="Drop-in").click()
    wait_for_app(page)
    page.get_by_role("radio", name="Very good", exact=True).click()
    wait_for_app(page)
    step(page, "next", "text=What would you like more of?")
    step(page, "next", "text=When is best for you?")
    step(page, "next", TEXT)
    page.locator(".st-key-text_good textarea").fill("Warm soup")
    page.locator(".st-key-text_good textarea").press("Tab")
    wait_for_app(page)
    step(page, "next", "text=One more question")

    # Staff words are shown exactly as typed: no bold, no italics.
    assert page.get_by_text(QUESTION, exact=True).is_visible()
    assert page.locator(f".st-key-consultation_{consultation} button").count() == 3
    either = page.locator(f".st-key-consultation_{consultation} button", has_text="Either")
    assert "Either *is* fine" in either.inner_text()
    assert page.locator(f".st-key-consultation_{consultation}_box strong").count() == 0
    assert page.locator(f".st-key-consultation_{consultation}_box em").count() == 0
    page.locator(f".st-key-consultation_{consultation} button", has_text="Yes, Wednesday").click()
    wait_for_app(page)
    words = page.locator(f".st-key-consultation_{consultation}_text textarea")
    words.fill("Wednesday is better, Tuesdays I have my kids")
    words.press("Tab")
    wait_for_app(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "kiosk-consultation.png"), full_page=True)
    assert _small_targets(page) == []
    step(page, "submit")
    page.get_by_text("Thank you for telling us.").wait_for()
    sent_at = time.monotonic()

    stored = _rows(
        server,
        "SELECT ch.label, a.text, s.service_date, st.slug FROM consultation_responses r "
        "JOIN consultation_choices ch ON ch.id = r.choice_id "
        "JOIN answers a ON a.id = r.answer_id "
        "JOIN submissions s ON s.id = r.submission_id "
        "JOIN sites st ON st.id = s.site_id",
    )
    assert stored == [
        (
            "Yes, Wednesday works",
            "Wednesday is better, Tuesdays I have my kids",
            stored[0][2],
            "drop-in",
        )
    ]
    assert _rows(
        server,
        "SELECT sv.slug FROM submission_services ss JOIN services sv ON sv.id = ss.service_id",
    ) == [("drop_in",)]

    # The next woman: nothing of hers is left, and one tap skips the question.
    page.wait_for_selector(".st-key-start button", timeout=15_000)
    # A second send within 10 s of one session is taken for a double tap: wait it out on
    # Welcome (the form itself would be wiped after the server's 4 s without a touch).
    time.sleep(max(0.0, DOUBLE_TAP_SECONDS + 0.5 - (time.monotonic() - sent_at)))
    _to_consultation(page)
    assert page.locator(f".st-key-consultation_{consultation}_text textarea").input_value() == ""
    assert (
        page.locator(
            f".st-key-consultation_{consultation} [data-testid='stBaseButton-pillsActive']"
        ).count()
        == 0
    )
    step(page, "consultation_skip")
    page.get_by_text("Thank you for telling us.").wait_for()
    assert len(_rows(server, "SELECT id FROM consultation_responses")) == 1
    assert len(_rows(server, "SELECT id FROM submissions")) == 2


def test_a_kiosk_at_another_site_is_not_asked(tablet, server) -> None:
    _open_consultation(server)  # at the drop-in
    page = tablet
    _open(page, server, site="van-town-centre")
    step(page, "start", RATING)
    step(page, "next", "text=What would you like more of?")
    step(page, "next", "text=When is best for you?")
    step(page, "next", TEXT)
    assert page.locator(".st-key-submit button").is_visible()
    assert page.get_by_text("One more question").count() == 0
