"""The public "You said, we did" board: what changed because women spoke up (no sign-in)."""

from __future__ import annotations

import streamlit as st

from pages import _kiosk as kiosk

BOARD_ENTRIES = 50

w = kiosk.public_page()
st.title(w["board.title"])
st.subheader(w["board.line"])

entries = kiosk.published_changes(BOARD_ENTRIES)
name = kiosk.names_in(w)  # each title in her language, where staff have translated it
if not entries:
    st.text(w["board.empty"])
for number, entry in enumerate(entries):
    # Everything below was typed by staff or by women: plain text only, never Markdown.
    with st.container(border=True, key=f"board_entry_{number}"):
        st.text(kiosk.month_year(w, entry.changed_on))
        st.text(name("action", str(entry.id), entry.title))
        if entry.about:
            st.text(w.format("board.about", topics=", ".join(entry.about)))
        if entry.quotes:
            st.text(w["board.you_said"])
            for quote in entry.quotes:
                st.text(f"“{quote}”")

if st.button(w["board.give_feedback"], key="board_feedback", width="stretch", type="primary"):
    st.switch_page("pages/feedback.py", query_params=st.query_params.to_dict())
