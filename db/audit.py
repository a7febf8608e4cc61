"""The append-only audit log of staff actions (SPEC §6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import AuditEvent


def utcnow() -> dt.datetime:
    """The current time in UTC (tests patch db.auth.utcnow, which calls this)."""
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class AuditRow:
    """One audit event as plain values."""

    id: int
    at: dt.datetime
    actor: str | None
    action: str
    target: str | None
    detail: str | None


def record(
    session: Session,
    action: str,
    *,
    actor: str | None = None,
    target: str | None = None,
    detail: str | None = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one event. Never pass a woman's words here."""
    session.add(
        AuditEvent(
            at=at or utcnow(),
            actor=actor,
            action=action,
            target=(target or None) and target[:120],
            detail=detail,
        )
    )


def _as_utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _filtered(
    query: Select,
    actor: str | None,
    action: str | None,
    since: dt.datetime | None,
    until: dt.datetime | None,
) -> Select:
    """query narrowed to one actor, one action and a time range (each optional)."""
    if actor:
        query = query.where(AuditEvent.actor == actor)
    if action:
        query = query.where(AuditEvent.action == action)
    if since:
        query = query.where(AuditEvent.at >= since)
    if until:
        query = query.where(AuditEvent.at < until)
    return query


def events(
    session: Session,
    *,
    actor: str | None = None,
    action: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[AuditRow]:
    """Events newest first, filtered."""
    query = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    query = _filtered(query, actor, action, since, until)
    rows = session.scalars(query.limit(limit).offset(offset))
    return [AuditRow(r.id, _as_utc(r.at), r.actor, r.action, r.target, r.detail) for r in rows]


def count(session: Session, action: str | None = None) -> int:
    """How many events (of one action) there are."""
    return count_events(session, action=action)


def count_events(
    session: Session,
    *,
    actor: str | None = None,
    action: str | None = None,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> int:
    """How many events match the same filters as events() (for pagination)."""
    query = _filtered(select(func.count()).select_from(AuditEvent), actor, action, since, until)
    return session.scalar(query) or 0


def actions(session: Session) -> list[str]:
    """The distinct actions present, for a filter."""
    return list(session.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)))


def actors(session: Session) -> list[str]:
    """The distinct staff names (and "cli", "system") that appear, for a filter."""
    query = select(AuditEvent.actor).where(AuditEvent.actor.is_not(None)).distinct()
    return list(session.scalars(query.order_by(AuditEvent.actor)))
