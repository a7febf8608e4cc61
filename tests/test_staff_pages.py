"""Staff pages through AppTest: sign-in, navigation by role, every dashboard, signed out."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from db import audit, auth
from db.models import CommentReview, Submission
from db.session import read_session
from db.submissions import FeedbackForm, service_date_now, submit_feedback
from pages._ui import STAFF_PAGES
from tests.kiosk_helpers import APP, button_keys, texts, walk
from tests.staff_helpers import (
    PASSWORD,
    STAFF_PAGE_FILES,
    make_user,
    shows_data,
    sign_in,
    signed_in,
)

# The service date, as the kiosk stores it: before 6am it is still the evening before.
TODAY = service_date_now()
# page -> (charts, tables, CSV downloads) it must draw with data present
EXPECTED = {
    "pages/overview.py": (4, 4, 4),
    "pages/provisions.py": (3, 3, 3),
    "pages/times.py": (1, 2, 2),
    "pages/themes.py": (2, 3, 2),  # one table is the theme picker for click-through
}


def _seed(n: int = 60) -> None:
    """Varied feedback over the last few weeks, enough to pass the threshold."""
    texts_good = ("hot soup and kind staff", "warm socks", "the tea", "")
    texts_better = ("nothing", "come later on fridays", "more underwear", "")
    for i in range(n):
        submit_feedback(
            FeedbackForm(
                rating=1 + i % 5,
                provisions=["hot_food", "socks", "underwear"][: 1 + i % 3],
                slots=[("fri:late_evening", "sat:night", "mon:night")[i % 3]],
                text_good=texts_good[i % 4],
                text_better=texts_better[i % 4],
                site=("drop-in", "van-town-centre")[i % 2],
                service_date=TODAY - dt.timedelta(days=i % 20),
            )
        )


def test_first_visit_with_no_accounts_offers_to_create_the_first_admin(db_url: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("pages/sign_in.py").run()
    assert "Welcome to Lantern" in texts(at)
    at.text_input(key="new_username").input("ada")
    at.text_input(key="new_password").input(PASSWORD)
    at.text_input(key="new_password_again").input(PASSWORD)
    at.button(key="create_admin").click().run()
    assert not at.exception
    assert [t.value for t in at.title] == ["Overview"]
    with read_session() as session:
        accounts = auth.list_accounts(session)
        assert [(a.username, a.role) for a in accounts] == [("ada", "admin")]
        assert audit.count(session, "first_admin_created") == 1
    later = AppTest.from_file(str(APP), default_timeout=60).run()
    later.switch_page("pages/sign_in.py").run()
    assert "Welcome to Lantern" not in texts(later)
    assert later.text_input(key="username")


def test_a_weak_first_admin_password_is_refused_kindly(db_url: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("pages/sign_in.py").run()
    at.text_input(key="new_username").input("ada")
    at.text_input(key="new_password").input("short")
    at.text_input(key="new_password_again").input("short")
    at.button(key="create_admin").click().run()
    assert any("at least 12 characters" in w.value for w in at.warning)
    assert not at.error


@pytest.mark.parametrize(
    ("username", "password"), [("coord", "wrong password here"), ("nobody", PASSWORD)]
)
def test_wrong_password_and_unknown_user_look_the_same(
    db_url: str, username: str, password: str
) -> None:
    make_user("coord", "coordinator")
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60).run(), username, password)
    assert [w.value for w in at.warning] == [auth.GENERIC_REFUSAL]
    assert "staff" not in at.session_state


@pytest.mark.parametrize("username", ["coord", "nobody"])
def test_a_name_being_guessed_asks_for_a_wait_whether_or_not_it_exists(
    db_url: str, username: str
) -> None:
    make_user("coord", "coordinator")
    for _ in range(auth.FREE_FAILURES + 1):
        auth.authenticate(username, "not the password")
    at = sign_in(AppTest.from_file(str(APP), default_timeout=60).run(), username, PASSWORD)
    assert [w.value for w in at.warning] == [
        "There have been too many tries to sign in. Please wait 1 minute and try again."
    ]
    assert "staff" not in at.session_state


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_every_dashboard_draws_its_charts_and_tables(db_url: str, role: str) -> None:
    _seed()
    at = signed_in(role)
    for page in STAFF_PAGE_FILES:
        if role not in STAFF_PAGES[page][2]:
            continue
        at.switch_page(page).run()
        assert not at.exception, page
        if page in EXPECTED:
            charts, tables, downloads = EXPECTED[page]
            assert len(at.get("plotly_chart")) == charts, page
            assert len(at.dataframe) == tables, page
            csv = [d for d in at.get("download_button") if d.key.startswith("csv_")]
            assert len(csv) == downloads, page


def test_every_chart_uses_the_colour_blind_safe_palette(db_url: str) -> None:
    import json

    from pages._ui import PALETTE

    _seed()
    at = signed_in("coordinator")
    checked = 0
    for page in EXPECTED:
        at.switch_page(page).run()
        for chart in at.get("plotly_chart"):
            spec = json.loads(chart.proto.spec)
            assert spec["layout"]["colorway"] == list(PALETTE)
            for trace in spec["data"]:
                for part in ("marker", "line"):
                    colour = (trace.get(part) or {}).get("color")
                    if isinstance(colour, str):
                        assert colour in PALETTE, (page, trace.get("name"), colour)
                        checked += 1
    assert checked >= 5  # the Plotly Express series were looked at, not skipped


def test_responses_that_chose_no_provision_or_time_get_a_note_not_an_empty_chart(
    db_url: str,
) -> None:
    for i in range(12):
        submit_feedback(FeedbackForm(rating=1 + i % 5, site="drop-in", service_date=TODAY))
    at = signed_in("coordinator")
    for page, note in (
        ("pages/provisions.py", "asked for more of anything"),
        ("pages/times.py", "chose a day or time"),
    ):
        at.switch_page(page).run()
        assert not at.exception
        assert not at.get("plotly_chart"), page
        assert any(note in i.value for i in at.info), page


def test_a_worker_sees_only_the_overview_and_assisted_entry(db_url: str) -> None:
    at = signed_in("worker")
    at.switch_page("pages/assisted.py").run()
    assert not at.exception
    for page in ("pages/comments.py", "pages/safeguarding.py", "pages/themes.py"):
        with pytest.raises(ValueError, match="navigation page"):
            at.switch_page(page)


@pytest.mark.parametrize("page", STAFF_PAGE_FILES)
def test_a_staff_page_run_without_a_sign_in_shows_nothing(db_url: str, page: str) -> None:
    _seed(12)
    at = AppTest.from_file(str(APP.parent / page), default_timeout=60).run()
    assert not at.exception
    assert not shows_data(at)
    assert "Please sign in to see this page." in texts(at)


@pytest.mark.parametrize(
    "page", ["pages/comments.py", "pages/safeguarding.py", "pages/provisions.py"]
)
def test_a_worker_who_reaches_a_coordinator_page_sees_nothing(db_url: str, page: str) -> None:
    _seed(12)
    at = signed_in("worker")
    state = dict(at.session_state["staff"])
    direct = AppTest.from_file(str(APP.parent / page), default_timeout=60)
    direct.session_state["staff"] = state
    direct.run()
    assert not shows_data(direct)
    assert "Please sign in to see this page." in texts(direct)


@pytest.mark.parametrize("page", STAFF_PAGE_FILES)
def test_every_staff_page_after_the_session_times_out_shows_no_data(
    db_url: str, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(12)
    at = signed_in("admin")
    at.switch_page(page).run()
    later = auth.utcnow() + dt.timedelta(minutes=16)
    monkeypatch.setattr(auth, "utcnow", lambda: later)
    at.run()
    assert not at.exception
    assert not shows_data(at)
    assert "staff" not in at.session_state
    assert "sign_in" in button_keys(at)  # back at the sign-in page


def test_an_idle_timeout_explains_itself_on_the_sign_in_page(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in("coordinator")
    at.switch_page("pages/overview.py").run()
    later = auth.utcnow() + dt.timedelta(minutes=16)
    monkeypatch.setattr(auth, "utcnow", lambda: later)
    at.run()
    assert "sign_in" in button_keys(at)
    assert any("15 minutes" in i.value for i in at.info)


def test_the_absolute_timeout_ends_an_active_session(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = signed_in("coordinator")
    start = auth.utcnow()
    for minutes in range(10, 8 * 60, 10):  # active every 10 minutes for 8 hours
        monkeypatch.setattr(auth, "utcnow", lambda m=minutes: start + dt.timedelta(minutes=m))
        at.run()
        assert "staff" in at.session_state, f"signed out early at {minutes} minutes"
    monkeypatch.setattr(auth, "utcnow", lambda: start + dt.timedelta(hours=8, minutes=5))
    at.run()
    assert "staff" not in at.session_state


def test_sign_out_ends_the_session(db_url: str) -> None:
    at = signed_in("coordinator")
    at.sidebar.button(key="sign_out").click().run()
    assert "staff" not in at.session_state
    assert "sign_in" in button_keys(at)
    with read_session() as session:
        assert audit.count(session, "sign_out") == 1


def test_sign_out_everywhere_ends_other_sessions_too(db_url: str) -> None:
    first = signed_in("coordinator", username="kim")
    second = sign_in(AppTest.from_file(str(APP), default_timeout=60).run(), "kim")
    assert "staff" in second.session_state
    first.sidebar.button(key="sign_out_everywhere").click().run()
    second.run()
    assert "staff" not in second.session_state


def test_filters_that_match_nothing_show_a_friendly_empty_state(db_url: str) -> None:
    at = signed_in("coordinator")
    for page in (
        "pages/overview.py",
        "pages/provisions.py",
        "pages/times.py",
        "pages/themes.py",
        "pages/comments.py",
    ):
        at.switch_page(page).run()
        assert not at.exception
        assert [i.value for i in at.info] == [
            "No feedback matches these filters yet. Try a longer date range or more sites."
        ]
        assert not at.get("plotly_chart")


def _others_without_words(n: int) -> None:
    """n more women tonight who only gave a rating."""
    for _ in range(n):
        submit_feedback(FeedbackForm(rating=2, service_date=TODAY))


def test_comments_are_shown_as_plain_text_never_markup(db_url: str) -> None:
    payload = "**bold** <b>tag</b> [link](javascript:alert(1)) ![x](http://evil.example/x.png)"
    submit_feedback(FeedbackForm(text_better=payload, service_date=TODAY))
    _others_without_words(7)  # a comment is listed only among 8 or more women
    at = signed_in("coordinator")
    at.switch_page("pages/comments.py").run()
    assert payload in [t.value for t in at.text]
    assert not any("evil.example" in m.value for m in at.markdown)


def test_comments_can_be_searched_and_filtered(db_url: str) -> None:
    _seed(40)
    at = signed_in("coordinator")
    at.switch_page("pages/comments.py").run()
    at.text_input(key="comments_search").input("underwear").run()
    shown = [t.value for t in at.text]
    assert "more underwear" in shown
    assert "warm socks" not in shown
    at.text_input(key="comments_search").input("").run()
    at.selectbox(key="comments_theme").set_value("food_drink").run()
    shown = [t.value for t in at.text]
    assert "hot soup and kind staff" in shown
    assert "more underwear" not in shown


def test_a_safeguarding_concern_is_reviewed_with_a_note_and_leaves_the_queue(
    db_url: str,
) -> None:
    submit_feedback(FeedbackForm(text_better="my boyfriend hits me", service_date=TODAY))
    at = signed_in("coordinator", username="cara")
    at.switch_page("pages/safeguarding.py").run()
    assert "my boyfriend hits me" in [t.value for t in at.text]
    at.radio(key=next(r.key for r in at.radio if r.key.startswith("outcome_"))).set_value(
        "false_alarm"
    )
    at.text_area(key=next(t.key for t in at.text_area if t.key.startswith("note_"))).input(
        "Raised at the shift briefing"
    )
    at.button(key=next(k for k in button_keys(at) if k.startswith("mark_"))).click().run()
    assert not at.exception
    with read_session() as session:
        review = session.scalars(select(CommentReview)).one()
        assert (review.reviewer, review.note) == ("cara", "Raised at the shift briefing")
        assert audit.count(session, "comment_reviewed") == 1
    at.run()
    assert "Nothing is waiting for review." in [i.value for i in at.info]


def test_a_comment_flagged_as_a_concern_is_never_offered_for_quoting(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_better="he said hell kill me", service_date=TODAY))
    submit_feedback(FeedbackForm(text_good="warm socks", service_date=TODAY))
    _others_without_words(6)
    at = signed_in("coordinator", username="cara")
    at.switch_page("pages/comments.py").run()
    assert {"he said hell kill me", "warm socks"} <= set(texts(at))
    offered = [c.key for c in at.checkbox if c.key.startswith("publishable_")]
    assert len(offered) == 1  # the socks comment's only


def test_assisted_entry_is_stored_as_assisted(db_url: str) -> None:
    at = signed_in("worker")
    at.switch_page("pages/assisted.py").run()
    at.selectbox(key="assisted_site").set_value("drop-in").run()
    walk(at, face=3, good="she said the soup was good")
    with read_session() as session:
        row = session.scalars(select(Submission)).one()
        assert row.assisted is True
        assert row.rating == 2
        assert session.scalar(select(func.count()).select_from(Submission)) == 1


def test_exit_in_assisted_entry_clears_her_form_and_keeps_the_worker_signed_in(
    db_url: str,
) -> None:
    at = signed_in("worker")
    at.switch_page("pages/assisted.py").run()
    at.selectbox(key="assisted_site").set_value("drop-in").run()
    walk(at, face=3, good="she said the soup was good", send=False)
    assert at.session_state["text_good"] == "she said the soup was good"
    assert "exit" not in button_keys(at)  # the browser's quick exit would leave the page
    at.button(key="exit_assisted").click().run()
    assert not at.exception
    assert at.session_state["staff"]["username"] == "worker1"
    for key in ("text_good", "rating", "kiosk_step"):
        assert key not in at.session_state, key
    assert "start" in button_keys(at)  # back at Welcome, for the next woman
    assert not any("soup" in t for t in texts(at))
    assert "Assisted entry" in [t.value for t in at.title]
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 0


def test_the_kiosk_never_offers_staff_pages_to_a_visitor(db_url: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    assert not at.sidebar.children
    for page in STAFF_PAGE_FILES:
        with pytest.raises(ValueError, match="navigation page"):
            at.switch_page(page)
