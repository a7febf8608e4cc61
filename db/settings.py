"""Service-wide settings an admin can change, with safe defaults."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlparse

import phonenumbers
from phonenumbers import shortnumberinfo
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.text import clean_staff_text
from db import audit, config
from db.models import Setting
from db.session import PROJECT_ROOT

DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
DEFAULT_RETENTION_MONTHS = 24
MAX_RETENTION_MONTHS = 120
DEFAULT_PUBLIC_URL = "http://localhost:8501"
DEFAULT_BACKUP_DIR = "data/backups"
MAX_URL_CHARS = 500
MAX_HELPLINES = 12
HELPLINE_LIMITS = {"name": 120, "number": 40, "note": 200}


@dataclass(frozen=True)
class Helpline:
    """Someone she can talk to now."""

    name: str
    number: str
    note: str = ""


# Where each default number came from, and when it was checked, is kept beside it.
DEFAULT_HELPLINES_FILE = Path(__file__).with_name("data") / "helplines.toml"
PHONE_REGION = "GB"  # numbers without +<country code> are read as UK numbers


def load_default_helplines(path: Path = DEFAULT_HELPLINES_FILE) -> tuple[Helpline, ...]:
    """The helplines a new install shows, read from the data file (its sources are for people)."""
    with path.open("rb") as f:
        rows = tomllib.load(f)["helpline"]
    return tuple(Helpline(row["name"], row["number"], row.get("note", "")) for row in rows)


DEFAULT_HELPLINES = load_default_helplines()


def is_phone_number(number: str) -> bool:
    """True when number is a dialable phone number by the phonenumbers library: a full UK
    (or +country) number, or a UK short number such as 999, 111 or 116 123."""
    try:
        parsed = phonenumbers.parse(number, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(parsed):
        return True
    return shortnumberinfo.is_valid_short_number_for_region(parsed, PHONE_REGION)


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
    """The neutral site the kiosk's quick exit goes to: the admin's, LANTERN_EXIT_URL, or BBC
    Weather (a bad LANTERN_EXIT_URL stops the app at start, db/config.py)."""
    stored = get_value(session, "exit_url")
    if stored:
        return stored
    return config.current().exit_url or DEFAULT_EXIT_URL


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


def public_url(session: Session, served: str | None = None) -> str:
    """The address staff and tablets reach Lantern at; kiosk links start with it.

    Until an admin sets it, it is `served` (the address the asking page was opened at,
    when that is a plain web address), and only then the default.
    """
    stored = get_value(session, "public_url")
    if not stored and served and not http_url_problem(served):
        stored = served.strip()
    return (stored or DEFAULT_PUBLIC_URL).rstrip("/")


def public_url_is_set(session: Session) -> bool:
    """Whether an admin has set Lantern's address."""
    return bool(get_value(session, "public_url"))


def backup_dir(session: Session) -> Path:
    """The folder "Back up now" writes to; a relative folder is under the project root."""
    folder = Path(get_value(session, "backup_dir") or DEFAULT_BACKUP_DIR)
    return folder if folder.is_absolute() else PROJECT_ROOT / folder


def last_purge_date(session: Session) -> dt.date | None:
    """The day retention last ran, or None if it never has."""
    stored = get_value(session, "last_purge_date")
    try:
        return dt.date.fromisoformat(stored) if stored else None
    except ValueError:
        return None


# --- Changing settings (admin page); every change is audit-logged -----------------------


class SettingError(ValueError):
    """A setting could not be changed; the message says why, kindly."""


def _has_control_characters(value: str) -> bool:
    """True when value holds a control character (newline, tab, NUL, ...) or an invisible
    formatting one (a bidi override, a zero-width space): never part of an address."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value)


def http_url_problem(url: str) -> str | None:
    """Why url is not a plain http(s) web address, or None."""
    url = (url or "").strip()
    if not url:
        return "Please enter a web address."
    if len(url) > MAX_URL_CHARS:
        return f"Please keep the address under {MAX_URL_CHARS} characters."
    if _has_control_characters(url):
        return "The web address has an invisible character in it; please type it again."
    if " " in url:
        return "A web address has no spaces in it."
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return "Please enter a full web address starting with https:// (or http://)."
    return None


def _change(session: Session, key: str, value: str, actor: str, detail: str) -> None:
    """Store one setting and record who changed it and how."""
    set_value(session, key, value)
    audit.record(session, "setting_changed", actor=actor, target=key, detail=detail[:1000])


def set_exit_url(session: Session, url: str, *, actor: str) -> str:
    """Change the neutral site the kiosk's quick exit goes to."""
    problem = http_url_problem(url)
    if problem:
        raise SettingError(problem)
    old, new = exit_url(session), url.strip()
    _change(session, "exit_url", new, actor, f"{old} -> {new}")
    return new


def set_public_url(session: Session, url: str, *, actor: str) -> str:
    """Change the address kiosk links are built from (no query or #fragment)."""
    problem = http_url_problem(url)
    if problem:
        raise SettingError(problem)
    new = url.strip().rstrip("/")
    parsed = urlparse(new)
    if parsed.query or parsed.fragment:
        raise SettingError("Please give the address without anything after ? or #.")
    old = public_url(session)
    _change(session, "public_url", new, actor, f"{old} -> {new}")
    return new


def set_retention_months(session: Session, months: int, *, actor: str) -> int:
    """Change how many months free text is kept (1 to 120)."""
    if isinstance(months, bool) or not isinstance(months, int):
        raise SettingError("Please give a whole number of months.")
    if not 1 <= months <= MAX_RETENTION_MONTHS:
        raise SettingError(f"Please choose between 1 and {MAX_RETENTION_MONTHS} months.")
    old = retention_months(session)
    _change(session, "retention_months", str(months), actor, f"{old} -> {months} months")
    return months


def set_backup_dir(session: Session, folder: str, *, actor: str) -> Path:
    """Change the folder "Back up now" writes to (made when the first backup runs)."""
    raw = (folder or "").strip()
    if not raw:
        raise SettingError("Please enter a folder, for example data/backups.")
    if len(raw) > MAX_URL_CHARS or _has_control_characters(raw):
        raise SettingError("That does not look like a folder name.")
    old = get_value(session, "backup_dir") or DEFAULT_BACKUP_DIR
    _change(session, "backup_dir", raw, actor, f"{old} -> {raw}")
    return backup_dir(session)


def _clean_helpline(raw: dict[str, object], row: int) -> Helpline | None:
    """One edited row as a Helpline; None for a blank row; SettingError when half-filled."""
    values = {}
    for field, limit in HELPLINE_LIMITS.items():
        value = raw.get(field)
        text = clean_staff_text(value)  # no control or bidi characters: it is on the tablet
        if len(text) > limit:
            raise SettingError(f"Row {row}: please keep the {field} under {limit} characters.")
        values[field] = text
    if not any(values.values()):
        return None
    if not values["name"] or not values["number"]:
        raise SettingError(f"Row {row}: each helpline needs a name and a number.")
    if not is_phone_number(values["number"]):
        # The number is not repeated here: the message is shown as Markdown on the admin page.
        raise SettingError(
            f"Row {row}: the number does not look like a phone number. Please type only the "
            "number, for example 0808 2000 247, 116 123 or 999 (numbers from abroad start "
            "with + and the country code); anything else can go in the note."
        )
    return Helpline(**values)


def set_helplines(
    session: Session, rows: Sequence[dict[str, object]], *, actor: str
) -> tuple[Helpline, ...]:
    """Replace the helplines shown with the safety message (blank rows are dropped)."""
    cleaned = []
    for index, raw in enumerate(rows, start=1):
        line = _clean_helpline(raw, index)
        if line is not None:
            cleaned.append(line)
    if not cleaned:
        raise SettingError(
            "Please keep at least one helpline: the safety message needs someone to call."
        )
    if len(cleaned) > MAX_HELPLINES:
        raise SettingError(f"Please list at most {MAX_HELPLINES} helplines.")
    before = [h.name for h in helplines(session)]
    after = [h.name for h in cleaned]
    value = json.dumps([asdict(h) for h in cleaned], ensure_ascii=False)
    _change(session, "helplines", value, actor, f"{len(before)} -> {len(after)}: {after}")
    return tuple(cleaned)
