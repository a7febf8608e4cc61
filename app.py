"""Lantern's router: page set-up, who is signed in, and the pages they may see."""

from __future__ import annotations

import logging

import streamlit as st

from db.migrate import upgrade

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
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


try:
    _schema_ready()
except Exception as exc:  # the kiosk shows its calm message; the log has the type only
    log.error("Database migration failed: %s", type(exc).__name__)

kiosk = st.Page("pages/feedback.py", title="Feedback", icon="🏮", default=True, url_path="")
st.navigation([kiosk], position="hidden").run()
