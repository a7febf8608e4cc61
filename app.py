"""Lantern's router: page set-up, who is signed in, and the pages they may see."""

from __future__ import annotations

import datetime as dt
import logging

import streamlit as st

from db.maintenance import purge_if_due
from db.migrate import upgrade
from pages import _ui as ui

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logging.getLogger("alembic").setLevel(logging.WARNING)
log = logging.getLogger("lantern")

st.set_page_config(
    page_title="Feedback",
    page_icon="🏮",
    layout="centered",
    initial_sidebar_state="collapsed",
)


@st.cache_resource(show_spinner=False)
def _schema_ready() -> bool:
    """Migrate the database to the newest schema once per server process."""
    upgrade()
    return True


@st.cache_resource(show_spinner=False, max_entries=2)
def _retention_checked(day: dt.date) -> bool:
    """Run the daily retention purge once per process per day (the database guards the rest)."""
    purge_if_due(today=day)
    return True


try:
    _schema_ready()
except Exception as exc:  # the kiosk shows its calm message; the log has the type only
    log.error("Database migration failed: %s", type(exc).__name__)
try:
    _retention_checked(dt.date.today())
except Exception as exc:  # not cached when it fails, so the next visit tries again
    log.error("Daily retention purge failed: %s", type(exc).__name__)

user = ui.current_user()
kiosk = st.Page("pages/feedback.py", title="Feedback", icon="🏮", default=user is None)
sign_in = st.Page("pages/sign_in.py", title="Staff sign in", url_path="sign_in")

if user is None:
    # Women see the kiosk and nothing else: no menu, no links to staff pages.
    page = st.navigation([kiosk, sign_in], position="hidden")
else:
    allowed = {
        path: (title, icon)
        for path, (title, icon, roles) in ui.STAFF_PAGES.items()
        if user.role in roles
    }
    staff_pages = [
        st.Page(path, title=title, icon=icon, default=path == "pages/overview.py")
        for path, (title, icon) in allowed.items()
    ]
    page = st.navigation({"Lantern": staff_pages}, position="sidebar", expanded=True)
    with st.sidebar:
        st.text(f"Signed in as {user.username} ({user.role})")
        left, right = st.columns(2)
        left.button("Sign out", key="sign_out", on_click=ui.sign_out)
        right.button("Everywhere", key="sign_out_everywhere", on_click=ui.sign_out, args=(True,))
    if st.session_state.pop("_go_home", False):
        st.switch_page(staff_pages[0])

page.run()
