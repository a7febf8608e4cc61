"""Service-wide settings an admin can change, with safe defaults."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Setting

DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
DEFAULT_RETENTION_MONTHS = 24


@dataclass(frozen=True)
class Helpline:
    """Someone she can talk to now."""

    name: str
    number: str
    note: str = ""


DEFAULT_HELPLINES = (
    Helpline("Emergency – police or ambulance", "999"),
    Helpline("National Domestic Abuse Helpline (free, 24 hours)", "0808 2000 247"),
    Helpline("Samaritans (free, 24 hours)", "116 123"),
)


def get_value(session: Session, key: str) -> str | None:
    """The stored value for key, or None when it has never been set."""
    return session.scalar(select(Setting.value).where(Setting.key == key))


def set_value(session: Session, key: str, value: str) -> None:
    """Store value under key (insert or update)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def exit_url(session: Session) -> str:
    """The neutral site the kiosk's quick exit goes to."""
    stored = get_value(session, "exit_url")
    return stored or os.environ.get("LANTERN_EXIT_URL", "").strip() or DEFAULT_EXIT_URL


def helplines(session: Session) -> tuple[Helpline, ...]:
    """Helplines shown with the safety message."""
    stored = get_value(session, "helplines")
    if not stored:
        return DEFAULT_HELPLINES
    try:
        return tuple(Helpline(**item) for item in json.loads(stored))
    except (ValueError, TypeError):
        return DEFAULT_HELPLINES


def retention_months(session: Session) -> int:
    """How long free text is kept, in months."""
    stored = get_value(session, "retention_months")
    try:
        return max(1, int(stored)) if stored else DEFAULT_RETENTION_MONTHS
    except ValueError:
        return DEFAULT_RETENTION_MONTHS
