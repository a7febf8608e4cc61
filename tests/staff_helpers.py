"""Staff accounts and signed-in AppTest sessions for the page tests."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from db import auth
from db.session import write_session
from pages._ui import STAFF_PAGES
from tests.kiosk_helpers import APP

PASSWORD = "correct horse battery staple"
# Every staff page, as app.py's navigation knows them.
STAFF_PAGE_FILES = tuple(STAFF_PAGES)


def make_user(username: str, role: str, password: str = PASSWORD) -> auth.StaffUser:
    """Create a staff account directly in the database."""
    with write_session() as session:
        return auth.create_user(session, username, password, role, actor="test")


def sign_in(at: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    """Use the real sign-in form (keys from CONTRACT.md)."""
    at.switch_page("pages/sign_in.py").run()
    at.text_input(key="username").input(username)
    at.text_input(key="password").input(password)
    at.button(key="sign_in").click().run()
    return at


def signed_in(role: str = "coordinator", username: str | None = None) -> AppTest:
    """A fresh app session with a new account of this role signed in."""
    name = username or f"{role}1"
    make_user(name, role)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    sign_in(at, name)
    assert not at.exception
    assert "staff" in at.session_state, "sign-in did not take"
    return at


def shows_data(at: AppTest) -> bool:
    """True when the page drew any chart, table, metric or download."""
    return bool(
        at.get("plotly_chart") or at.dataframe or at.metric or at.get("download_button") or at.table
    )


def create_user(username: str = "ada", role: str = "coordinator") -> None:
    """A staff account with the test password."""
    make_user(username, role)


def signed_in_on(page: str, username: str = "ada") -> AppTest:
    """An app session signed in as username (created beforehand), showing page."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    sign_in(at, username)
    assert not at.exception
    at.switch_page(page).run()
    assert not at.exception
    return at


def signed_out(page: str) -> AppTest:
    """An app session with nobody signed in, sent to page."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def page_alone(page: str) -> AppTest:
    """One page script run on its own with nobody signed in (as if reached by its URL)."""
    at = AppTest.from_file(str(APP.parent / page), default_timeout=60)
    at.run()
    assert not at.exception
    return at


def page_as(page: str, username: str) -> AppTest:
    """The page file run on its own in a session where username is signed in.

    This is a member of staff reaching a page her role's navigation does not offer
    (by URL, say): the page's own check at its top must refuse her.
    """
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    sign_in(at, username)
    assert "staff" in at.session_state, "sign-in did not take"
    try:
        at.switch_page(page)
    except ValueError:
        pass  # as it should be: the router does not offer this page to her role
    else:
        raise AssertionError(f"{page} is in the navigation of {username}")
    direct = AppTest.from_file(str(APP.parent / page), default_timeout=60)
    direct.session_state["staff"] = dict(at.session_state["staff"])
    direct.run()
    assert not direct.exception
    return direct
