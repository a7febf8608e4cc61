"""Safeguarding review: comments that may mean someone is in danger, newest first."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analysis.disclosure import suppress
from db import comments, dashboard
from db.session import read_session
from pages import _ui as ui

PER_PAGE = 20

user = ui.require_role("pages/safeguarding.py")
st.title("Safeguarding review")
st.text(
    "Comments whose words suggest a woman may be unsafe. Lantern is anonymous: there is "
    "no one to contact from here. Review each, note what the team will do (for example, "
    "raise it at the next shift briefing), and never add names or identifying details."
)
show_reviewed = st.toggle("Also show comments already reviewed", key="safeguarding_all")
everything = dashboard.Filters(dt.date(1900, 1, 1), dt.date(9999, 12, 31))
with read_session() as session:
    theme_names = dashboard.theme_labels(session)
    queue = comments.search_comments(
        session,
        everything,
        concerns_only=True,
        reviewed=None if show_reviewed else False,
        per_page=PER_PAGE,
    )
if queue.total == 0:
    st.info("Nothing is waiting for review.", icon="✅")
    st.stop()
st.text(
    f"{suppress(queue.total)} waiting" if not show_reviewed else f"{suppress(queue.total)} flagged"
)
for comment in queue.comments:
    ui.comment_card(comment, theme_names, user)
if queue.total > PER_PAGE:
    st.text(f"Showing the newest {PER_PAGE}; review these to see the next ones.")
