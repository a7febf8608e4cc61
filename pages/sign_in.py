"""Staff sign-in, and the one-time "create the first admin" screen."""

from __future__ import annotations

import math

import streamlit as st

from db import auth
from db.session import read_session, write_session
from pages import _ui as ui

ss = st.session_state


def _first_admin() -> None:
    """Shown only while no account exists: create the first admin."""
    st.title("Welcome to Lantern")
    st.text(
        "There are no staff accounts yet. Create the first admin account now.\n"
        "Choose a password of at least 12 characters — a short phrase works well."
    )
    with st.form("first_admin", clear_on_submit=True):
        username = st.text_input("Username", key="new_username", max_chars=60)
        password = st.text_input("Password", key="new_password", type="password", max_chars=256)
        again = st.text_input(
            "Password again", key="new_password_again", type="password", max_chars=256
        )
        submitted = st.form_submit_button("Create admin account", key="create_admin")
    if not submitted:
        return
    if password != again:
        st.warning("The two passwords were different. Please type them again.")
        return
    try:
        with write_session() as session:
            user = auth.create_first_admin(session, username, password)
    except auth.AccountError as exc:
        st.warning(str(exc))
        return
    ui.sign_in_session(user)
    ss["_go_home"] = True
    st.rerun()


def _sign_in() -> None:
    """Username and password; one generic message for every refusal."""
    st.title("Staff sign in")
    reason = ss.pop("signed_out_reason", None)
    if reason in ui.SIGN_OUT_REASONS:
        st.info(ui.SIGN_OUT_REASONS[reason])
    with st.form("sign_in_form", clear_on_submit=True):
        username = st.text_input("Username", key="username", max_chars=60)
        password = st.text_input("Password", key="password", type="password", max_chars=256)
        submitted = st.form_submit_button("Sign in", key="sign_in", type="primary")
    if not submitted:
        return
    outcome = auth.attempt_sign_in(username, password)
    user = outcome.user
    if outcome.wait:
        minutes = max(1, math.ceil(outcome.wait.total_seconds() / 60))
        st.warning(
            "There have been too many tries to sign in. Please wait "
            f"{minutes} minute{'s' if minutes > 1 else ''} and try again."
        )
        return
    if user is None:
        st.warning(auth.GENERIC_REFUSAL)
        return
    ui.sign_in_session(user)
    ss["_go_home"] = True
    st.rerun()


with read_session() as _session:
    _has_users = auth.has_users(_session)
if _has_users:
    _sign_in()
else:
    _first_admin()
