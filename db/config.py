"""Lantern's settings from the environment: every variable read and checked in one place.

The app and `python -m db.manage` call `current()` before doing anything else and refuse
to start on a bad value, naming the variable and the form it should take, rather than
failing each woman's Send later. Empty or unset means the default. README.md's
"Configuration" table documents each variable (a test keeps the two in step).
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url

from analysis import disclosure

MAX_SHOWN_CHARS = 80  # of a bad value, in the error message


class ConfigError(ValueError):
    """One or more settings are invalid; the message names each variable and its form."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @property
    def variables(self) -> tuple[str, ...]:
        """The names of the invalid variables."""
        return tuple(problem.variable for problem in self.problems)


@dataclass(frozen=True)
class Problem:
    """One invalid variable: its name, its value (None when secret) and what it should be."""

    variable: str
    value: str | None
    expected: str

    def __str__(self) -> str:
        if self.value is None:  # a URL with a password in it is never repeated
            return f"{self.variable} is not valid: expected {self.expected}."
        shown = self.value if len(self.value) <= MAX_SHOWN_CHARS else self.value[:77] + "..."
        return f"{self.variable} is {shown!r}: expected {self.expected}."


@dataclass(frozen=True)
class Settings:
    """Every setting, parsed; None where the owner of the setting supplies the default."""

    database_url: str | None
    suppress_below: int
    exit_url: str | None
    timezone: ZoneInfo
    day_starts_at_hour: int
    kiosk_idle_seconds: int
    kiosk_return_seconds: int
    sqlite_busy_timeout_ms: int | None


@dataclass(frozen=True)
class Variable:
    """How one environment variable becomes one field of Settings."""

    name: str
    field: str
    default: Any
    expected: str
    parse: Callable[[str], Any]
    secret: bool = False


def _whole_number(low: int, high: int) -> Callable[[str], int]:
    """A parser for a whole number from low to high (ASCII digits only)."""

    def parse(raw: str) -> int:
        if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
            raise ValueError(raw)
        return int(raw)

    return parse


def _database_url(raw: str) -> str:
    """A SQLAlchemy URL for SQLite or PostgreSQL."""
    try:
        backend = make_url(raw).get_backend_name()
    except Exception as exc:  # ArgumentError and friends: the URL does not parse
        raise ValueError("not a URL") from exc
    if backend not in ("sqlite", "postgresql"):
        raise ValueError("not a database Lantern runs on")
    return raw


def _timezone(raw: str) -> ZoneInfo:
    """An IANA time zone."""
    try:
        return ZoneInfo(raw)
    except Exception as exc:  # ZoneInfoNotFoundError, ValueError for odd paths, OSError
        raise ValueError(raw) from exc


def _web_address(raw: str) -> str:
    """A plain http(s) address with a host and no spaces, control or bidi characters."""
    parsed = urlparse(raw)
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.netloc
        or any(ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in raw)
        or len(raw) > 500
    ):
        raise ValueError(raw)
    return raw


VARIABLES: tuple[Variable, ...] = (
    Variable(
        "DATABASE_URL",
        "database_url",
        None,
        "a SQLAlchemy URL for SQLite or PostgreSQL, such as sqlite:///data/lantern.db or "
        "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE",
        _database_url,
        secret=True,
    ),
    Variable(
        "LANTERN_SUPPRESS_BELOW",
        "suppress_below",
        disclosure.DEFAULT_THRESHOLD,
        disclosure.THRESHOLD_FORM,
        disclosure.parse_threshold,
    ),
    Variable(
        "LANTERN_EXIT_URL",
        "exit_url",
        None,
        "a full web address starting with https:// (or http://), such as "
        "https://www.bbc.co.uk/weather",
        _web_address,
    ),
    Variable(
        "LANTERN_TIMEZONE",
        "timezone",
        ZoneInfo("Europe/London"),
        "an IANA time zone name such as Europe/London or Europe/Bucharest",
        _timezone,
    ),
    Variable(
        "LANTERN_DAY_STARTS_AT_HOUR",
        "day_starts_at_hour",
        6,
        "a whole number of hours from 0 to 23, such as 6 (default 6)",
        _whole_number(0, 23),
    ),
    Variable(
        "LANTERN_KIOSK_IDLE_SECONDS",
        "kiosk_idle_seconds",
        120,
        "a whole number of seconds from 1 to 3600 (default 120)",
        _whole_number(1, 3600),
    ),
    Variable(
        "LANTERN_KIOSK_RETURN_SECONDS",
        "kiosk_return_seconds",
        20,  # SPEC §3.6; a card that holds a concern stays at least 60 s (pages/_kiosk.py)
        "a whole number of seconds from 1 to 3600 (default 20)",
        _whole_number(1, 3600),
    ),
    Variable(
        "LANTERN_SQLITE_BUSY_TIMEOUT_MS",
        "sqlite_busy_timeout_ms",
        None,
        "a whole number of milliseconds from 0 to 600000",
        _whole_number(0, 600_000),
    ),
)


def load(environ: Mapping[str, str] | None = None) -> Settings:
    """Parse every variable from environ (default os.environ); ConfigError lists all bad ones."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for variable in VARIABLES:
        raw = environ.get(variable.name, "").strip()
        if not raw:
            values[variable.field] = variable.default
            continue
        try:
            values[variable.field] = variable.parse(raw)
        except ValueError:
            shown = None if variable.secret else raw
            problems.append(Problem(variable.name, shown, variable.expected))
    if problems:
        raise ConfigError(problems)
    return Settings(**values)


_cached: tuple[tuple[str | None, ...], Settings] | None = None


def current() -> Settings:
    """The settings for the environment as it is now: parsed once for each set of values,
    so a test that changes a variable (monkeypatch.setenv) is seen at the next call."""
    global _cached
    key = tuple(os.environ.get(variable.name) for variable in VARIABLES)
    cached = _cached
    if cached is not None and cached[0] == key:
        return cached[1]
    settings = load(os.environ)
    _cached = (key, settings)
    return settings


def clear_cache() -> None:
    """Forget the parsed settings (the next current() parses the environment again)."""
    global _cached
    _cached = None
