"""The services a woman may say she used today: listed, added, renamed and retired (SPEC §3a).

Services are never deleted, only retired, so past feedback can still be read per service.
The kiosk offers the active ones (db/catalogue.py); every change here is audit-logged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import audit
from db.catalogue import clean_icon, clean_label
from db.models import Service

MAX_LABEL_CHARS = 60
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_]{0,59}$")


class ServiceError(ValueError):
    """A service could not be changed; the message says what to fix."""


@dataclass(frozen=True)
class ServiceRow:
    """One service as plain values."""

    id: int
    slug: str
    label: str
    icon: str
    sort_order: int
    active: bool


def _row(service: Service) -> ServiceRow:
    """An ORM service as plain values."""
    return ServiceRow(
        service.id,
        service.slug,
        service.label,
        service.icon,
        service.sort_order,
        service.active,
    )


def list_services(session: Session, include_retired: bool = False) -> list[ServiceRow]:
    """Services in display order (active ones only unless asked)."""
    query = select(Service).order_by(Service.sort_order, Service.id)
    if not include_retired:
        query = query.where(Service.active.is_(True))
    return [_row(s) for s in session.scalars(query)]


def _get(session: Session, slug: str) -> Service:
    """The service with this slug; ServiceError if there is none."""
    service = session.scalar(select(Service).where(Service.slug == slug))
    if service is None:
        raise ServiceError(f"There is no service called {slug!r}.")
    return service


def _clean(label: object, icon: object) -> tuple[str, str]:
    """A checked label and icon; ServiceError says what to fix."""
    try:
        return clean_label(label, MAX_LABEL_CHARS, "service name"), clean_icon(icon)
    except ValueError as exc:
        raise ServiceError(str(exc)) from None


def _new_slug(session: Session, label: str) -> str:
    """A stable, unused slug made from the label ("Recovery group" -> "recovery_group")."""
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:50] or "service"
    taken = set(session.scalars(select(Service.slug).where(Service.slug.like(f"{base}%"))))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}_{n}", n + 1
    return slug


def add_service(
    session: Session, label: str, icon: str = "", *, actor: str, slug: str | None = None
) -> ServiceRow:
    """Add an active service at the end of the list; audit-logged."""
    label, icon = _clean(label, icon)
    if session.scalar(select(Service.id).where(func.lower(Service.label) == label.lower())):
        raise ServiceError(f"There is already a service called {label!r}.")
    if slug is None:
        slug = _new_slug(session, label)
    elif not _SLUG.fullmatch(slug):  # match() would let "van\n" through
        raise ServiceError("A service's short name uses only a-z, 0-9 and _ (at most 60).")
    elif session.scalar(select(Service.id).where(Service.slug == slug)):
        raise ServiceError(f"The short name {slug!r} is already used.")
    order = (session.scalar(select(func.max(Service.sort_order))) or 0) + 1
    service = Service(slug=slug, label=label, icon=icon, sort_order=order, active=True)
    session.add(service)
    session.flush()
    audit.record(session, "service_added", actor=actor, target=f"service {slug}", detail=label)
    return _row(service)


def rename_service(
    session: Session, slug: str, label: str, icon: str | None = None, *, actor: str
) -> ServiceRow:
    """Change a service's name (and icon, if given); its slug and past data stay. Audited."""
    service = _get(session, slug)
    label, new_icon = _clean(label, service.icon if icon is None else icon)
    clash = session.scalar(
        select(Service.id).where(
            func.lower(Service.label) == label.lower(), Service.id != service.id
        )
    )
    if clash:
        raise ServiceError(f"There is already a service called {label!r}.")
    old = service.label
    service.label, service.icon = label, new_icon
    session.flush()
    audit.record(
        session,
        "service_renamed",
        actor=actor,
        target=f"service {slug}",
        detail=f"{old} -> {label}",
    )
    return _row(service)


def retire_service(session: Session, slug: str, *, actor: str) -> ServiceRow:
    """Stop offering a service on the kiosk; its past feedback stays readable. Audited."""
    service = _get(session, slug)
    if not service.active:
        raise ServiceError("That service is already retired.")
    service.active = False
    session.flush()
    audit.record(session, "service_retired", actor=actor, target=f"service {slug}")
    return _row(service)


def restore_service(session: Session, slug: str, *, actor: str) -> ServiceRow:
    """Offer a retired service on the kiosk again; audit-logged."""
    service = _get(session, slug)
    if service.active:
        raise ServiceError("That service is already offered.")
    service.active = True
    session.flush()
    audit.record(session, "service_restored", actor=actor, target=f"service {slug}")
    return _row(service)


def reorder_services(session: Session, slugs: Sequence[str], *, actor: str) -> list[ServiceRow]:
    """Put services in this order on the kiosk (those not named keep their place after)."""
    services = {s.slug: s for s in session.scalars(select(Service))}
    unknown = [s for s in slugs if s not in services]
    if unknown:
        raise ServiceError(f"Unknown service: {', '.join(unknown)}.")
    rest = sorted(
        (s for s in services.values() if s.slug not in slugs), key=lambda s: (s.sort_order, s.id)
    )
    for order, service in enumerate([*(services[s] for s in dict.fromkeys(slugs)), *rest]):
        service.sort_order = order
    session.flush()
    audit.record(session, "services_reordered", actor=actor, detail=", ".join(slugs))
    return list_services(session, include_retired=True)
