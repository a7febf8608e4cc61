"""The choices the kiosk offers: sites, provisions and time slots, as plain values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Provision, Site, TimeSlot


@dataclass(frozen=True)
class Choice:
    """One option shown to a woman or a co-ordinator: a stable slug and words."""

    id: int
    slug: str
    label: str
    icon: str = ""


@dataclass(frozen=True)
class Catalogue:
    """Everything the kiosk form needs to draw its choices."""

    sites: tuple[Choice, ...]
    provisions: tuple[Choice, ...]
    slots: tuple[Choice, ...]

    def site(self, slug: str | None) -> Choice | None:
        """The active site with this slug, or None."""
        return next((s for s in self.sites if s.slug == slug), None)


def load_catalogue(session: Session, include_retired: bool = False) -> Catalogue:
    """Active sites, provisions and slots in their display order."""

    def rows(model: type[Site] | type[Provision] | type[TimeSlot]) -> list:
        query = select(model).order_by(model.sort_order, model.id)
        if not include_retired:
            query = query.where(model.active.is_(True))
        return list(session.scalars(query))

    return Catalogue(
        sites=tuple(Choice(s.id, s.slug, s.name) for s in rows(Site)),
        provisions=tuple(Choice(p.id, p.slug, p.label, p.icon) for p in rows(Provision)),
        slots=tuple(Choice(t.id, t.slug, t.label) for t in rows(TimeSlot)),
    )
