"""Assisted entry: a worker fills the kiosk form for a woman who prefers to talk (SPEC §3.8)."""

import streamlit as st

from pages import _ui as ui
from pages._kiosk import run

ui.require_role("pages/assisted.py")
st.title("Assisted entry")
st.text(
    "Fill in the feedback form together with a woman who would rather talk than tap. "
    "Use her words; it is stored as assisted, with no name."
)
run(assisted=True)
