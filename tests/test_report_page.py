"""The Forum report page through AppTest: figures, downloads audited, nothing when signed out."""

from __future__ import annotations

import datetime as dt

from db import audit
from db.session import read_session
from db.submissions import FeedbackForm, service_date_now, submit_feedback
from tests.kiosk_helpers import button_keys, texts
from tests.staff_helpers import create_user, page_alone, page_as, signed_in_on


def last_month() -> dt.date:
    """The first day of the month before this one (the page's default choice)."""
    return (service_date_now().replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def seed(n: int = 21) -> None:
    """n very good responses at the drop-in last month, asking for socks."""
    month = last_month()
    for i in range(n):
        submit_feedback(
            FeedbackForm(
                rating=1,
                provisions=["socks"],
                site="drop-in",
                service_date=month + dt.timedelta(days=i % 27),
            )
        )


def downloads(at):  # type: ignore[no-untyped-def]
    """The download buttons on the page, by key."""
    return {b.key: b for b in at.get("download_button")}


def test_a_coordinator_previews_last_months_figures(db_url: str) -> None:
    create_user()
    seed(21)
    at = signed_in_on("pages/report.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Responses"] == "20"  # 21, rounded to the nearest 5
    assert metrics["% rated good or very good"] == "100.0%"
    assert f"{last_month():%B %Y} · All sites" in texts(at)
    assert downloads(at) == {}  # nothing is made until asked


def test_the_pdf_and_csvs_are_made_on_request_and_every_download_is_audited(
    db_url: str,
) -> None:
    create_user()
    seed()
    at = signed_in_on("pages/report.py")
    at.button(key="report_make").click().run()
    assert not at.exception
    buttons = downloads(at)
    assert set(buttons) == {"report_pdf", "report_zip"}
    assert at.session_state["report_files"]["pdf"].startswith(b"%PDF")
    buttons["report_pdf"].click().run()
    downloads(at)["report_zip"].click().run()
    assert not at.exception
    with read_session() as session:
        events = audit.events(session, action="export")
    month = f"{last_month():%Y-%m}"
    assert sorted((e.actor, e.target, e.detail) for e in events) == [
        ("ada", f"forum pack {month} csv zip", "site=all"),
        ("ada", f"forum pack {month} pdf", "site=all"),
    ]


def test_choosing_another_site_needs_the_pack_made_again(db_url: str) -> None:
    create_user()
    seed()
    at = signed_in_on("pages/report.py")
    at.button(key="report_make").click().run()
    at.selectbox(key="report_site").set_value("van-town-centre").run()
    assert not at.exception
    assert downloads(at) == {}  # the files made were for all sites
    assert "No feedback was given in this month." in " ".join(texts(at))


def test_the_report_page_shows_nothing_to_someone_signed_out(db_url: str) -> None:
    seed()
    at = page_alone("pages/report.py")
    assert "Please sign in to see this page." in texts(at)
    assert list(at.metric) == []
    assert "report_make" not in button_keys(at)


def test_a_worker_cannot_make_a_forum_pack(db_url: str) -> None:
    create_user("wren", role="worker")
    seed()
    at = page_as("pages/report.py", "wren")
    assert "Please sign in to see this page." in texts(at)
    assert list(at.metric) == []
    assert "report_make" not in button_keys(at)
