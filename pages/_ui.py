"""Shared pieces of the staff pages: who is signed in, who may see what, filters, charts."""

from __future__ import annotations

import datetime as dt
import logging

import streamlit as st

from db import auth
from db.session import write_session

log = logging.getLogger(__name__)

STAFF_KEY = "staff"
ALL_STAFF = ("admin", "coordinator", "worker")
COORDINATORS = ("admin", "coordinator")
ADMINS = ("admin",)

# page file -> (title, icon, roles that may open it). app.py builds navigation from this,
# and every page checks it again at its top with require_role().
STAFF_PAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "pages/overview.py": ("Overview", "📊", ALL_STAFF),
    "pages/provisions.py": ("Provisions", "🧦", COORDINATORS),
    "pages/times.py": ("Times", "🕘", COORDINATORS),
    "pages/themes.py": ("Themes", "🏷️", COORDINATORS),
    "pages/comments.py": ("Comments", "💬", COORDINATORS),
    "pages/safeguarding.py": ("Safeguarding review", "🛟", COORDINATORS),
    "pages/actions.py": ("You said, we did", "✅", COORDINATORS),
    "pages/report.py": ("Forum report", "📄", COORDINATORS),
    "pages/assisted.py": ("Assisted entry", "🤝", ALL_STAFF),
    "pages/admin.py": ("Admin", "⚙️", ADMINS),
}
SIGN_OUT_REASONS = {
    "idle": "You were signed out after 15 minutes without activity.",
    "expired": "You were signed out after 8 hours. Please sign in again.",
    "disabled": "Your account is no longer active.",
    "signed_out_everywhere": "You were signed out everywhere.",
}


def sign_in_session(user: auth.StaffUser) -> None:
    """Remember the signed-in user in this browser session only."""
    now = auth.utcnow()
    st.session_state[STAFF_KEY] = {
        "id": user.id,
        "username": user.username,
        "role": user.role,
        "signed_in_at": now,
        "last_seen": now,
    }


def forget_session(reason: str | None = None) -> None:
    """Sign this browser session out (keep the reason to show on the sign-in page)."""
    st.session_state.pop(STAFF_KEY, None)
    if reason:
        st.session_state["signed_out_reason"] = reason


def current_user() -> auth.StaffUser | None:
    """The signed-in user if the sign-in is still valid (idle, absolute, disabled, revoked)."""
    staff = st.session_state.get(STAFF_KEY)
    if not staff:
        return None
    now = auth.utcnow()
    try:
        with write_session() as session:
            user, reason = auth.check_session(
                session, staff["id"], staff["signed_in_at"], staff["last_seen"], now
            )
            if user is None:
                from db import audit

                audit.record(session, "session_ended", actor=staff["username"], detail=reason)
    except Exception as exc:
        log.error("Checking a staff session failed: %s", type(exc).__name__)
        return None
    if user is None:
        forget_session(reason)
        return None
    staff["last_seen"] = now
    staff["role"] = user.role
    return user


def require_role(page: str) -> auth.StaffUser:
    """Stop the page unless a signed-in user whose role may open it is present."""
    roles = STAFF_PAGES[page][2]
    user = current_user()
    if user is None or user.role not in roles:
        st.text("Please sign in to see this page.")
        st.stop()
    return user


def sign_out(everywhere: bool = False) -> None:
    """Sign out of this session, or of every session of this account."""
    staff = st.session_state.get(STAFF_KEY)
    if staff:
        with write_session() as session:
            if everywhere:
                auth.sign_out_everywhere(session, staff["id"])
            else:
                from db import audit

                audit.record(session, "sign_out", actor=staff["username"])
    forget_session("signed_out_everywhere" if everywhere else None)


def today() -> dt.date:
    """Today's date (one place, so tests can move it)."""
    return dt.date.today()
