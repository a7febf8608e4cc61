"""Comments: read what women wrote (redacted, plain text), search and filter."""

from __future__ import annotations

import streamlit as st

from analysis.disclosure import current_threshold, suppress
from db import comments, dashboard
from db.session import read_session
from pages import _ui as ui

PER_PAGE = 20
ss = st.session_state

user = ui.require_role("pages/comments.py")
st.title("Comments")
chosen = ui.filters()
with read_session() as session:
    theme_names = dashboard.theme_labels(session)

if "comments_theme" in ss and ss["comments_theme"] not in theme_names:
    ss.pop("comments_theme")
left, middle, right = st.columns(3)
theme = left.selectbox(
    "Theme",
    options=list(theme_names),
    format_func=theme_names.get,
    index=None,
    key="comments_theme",
    placeholder="Any theme",
)
sentiment = middle.selectbox(
    "Feels",
    options=("positive", "neutral", "negative"),
    index=None,
    key="comments_sentiment",
    placeholder="Any",
)
question = right.selectbox(
    "Question",
    options=list(comments.QUESTION_LABELS),
    format_func=comments.QUESTION_LABELS.get,
    index=None,
    key="comments_question",
    placeholder="Any question",
)
search = st.text_input("Search the words", key="comments_search", max_chars=100)
flagged = st.checkbox(
    "Only comments flagged for safeguarding or not read automatically", key="comments_flagged"
)
# A new filter starts at its newest comments, not on the page number the last one was at.
asked = repr((chosen, theme, sentiment, question, search, flagged))
if ss.get("comments_asked") != asked:
    ss["comments_asked"] = asked
    ss["comments_page"] = 1
page = int(ss.get("comments_page", 1))

with read_session() as session:
    found = comments.search_comments(
        session,
        chosen,
        theme=theme,
        sentiment=sentiment,
        question=question,
        search=search,
        concerns_only=flagged,
        page=page,
        per_page=PER_PAGE,
    )
if (found.start, found.end) != (chosen.start, chosen.end):  # a range shorter than a week
    weeks = "week" if (found.end - found.start).days < 7 else "weeks"
    span = f"{found.start:%a %d %b %Y} to {found.end:%a %d %b %Y}"
    st.text(f"Showing the whole {weeks}, {span}: comments are never shown for a single night.")
st.caption(
    f"Each comment shows its week, or only its month, and its site only where at least "
    f"{current_threshold()} women gave feedback then, so nobody can tell whose words they are. "
    "The Safeguarding review shows the night, because acting on a concern needs it."
)
if found.too_few:
    st.text(
        f"Fewer than {current_threshold()} women gave feedback in these dates and sites, so "
        "their comments are not shown: they could tell whose words they are. Choose longer "
        "dates or more sites."
    )
    st.stop()
if found.total == 0:
    ui.empty_state()
    st.stop()
if page > found.pages:
    ss["comments_page"] = found.pages
    st.rerun()

st.text(f"{suppress(found.total)} comments match · page {found.page} of {found.pages}")
for comment in found.comments:
    ui.comment_card(comment, theme_names, user)

previous, _, following = st.columns([1, 2, 1])
if previous.button("Newer", key="comments_newer", disabled=page <= 1):
    ss["comments_page"] = page - 1
    st.rerun()
if following.button("Older", key="comments_older", disabled=page >= found.pages):
    ss["comments_page"] = page + 1
    st.rerun()
