"""Signing a member of staff in through AppTest, as the sign-in page does it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from db import auth
from db.session import write_session
from tests.kiosk_helpers import APP

PASSWORD = "correct horse battery staple"


def create_user(username: str = "ada", role: str = "coordinator") -> None:
    """A staff account with the test password."""
    with write_session() as session:
        auth.create_user(session, username, PASSWORD, role)


def signed_in(page: str, username: str = "ada") -> AppTest:
    """An app session signed in as username (created beforehand), showing page."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("pages/sign_in.py").run()
    at.text_input(key="username").input(username)
    at.text_input(key="password").input(PASSWORD)
    at.button(key="sign_in").click().run()
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
