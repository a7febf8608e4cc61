"""The service date: the one notion of "today" for the kiosk and for consultations."""

from __future__ import annotations

import datetime as dt

from db import config


def clock() -> dt.datetime:
    """The current instant (tests pin it, so a run that crosses 6am keeps one "today")."""
    return dt.datetime.now(dt.UTC)


def service_date_now(now: dt.datetime | None = None) -> dt.date:
    """The service date: today in the service's time zone, where a night runs until 6am.

    A van that is out from 9pm to 3am serves one night; a comment typed at 1am belongs
    to the evening before, and a consultation whose last day that evening was is still
    open for it. Only this date is stored with a submission, never the time.
    """
    settings = config.current()  # LANTERN_TIMEZONE, LANTERN_DAY_STARTS_AT_HOUR
    local = (now or clock()).astimezone(settings.timezone)
    return (local - dt.timedelta(hours=settings.day_starts_at_hour)).date()
