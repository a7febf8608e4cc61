"""The choices the kiosk offers: sites, provisions, time slots and services, as plain values."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.text import clean_staff_text
from db.models import Provision, Service, Site, TimeSlot


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
    services: tuple[Choice, ...] = ()

    def site(self, slug: str | None) -> Choice | None:
        """The active site with this slug, or None."""
        return next((s for s in self.sites if s.slug == slug), None)


def load_catalogue(session: Session, include_retired: bool = False) -> Catalogue:
    """Active sites, provisions, slots and services in their display order."""

    def rows(model: type[Site] | type[Provision] | type[TimeSlot] | type[Service]) -> list:
        query = select(model).order_by(model.sort_order, model.id)
        if not include_retired:
            query = query.where(model.active.is_(True))
        return list(session.scalars(query))

    return Catalogue(
        sites=tuple(Choice(s.id, s.slug, s.name) for s in rows(Site)),
        provisions=tuple(Choice(p.id, p.slug, p.label, p.icon) for p in rows(Provision)),
        slots=tuple(Choice(t.id, t.slug, t.label) for t in rows(TimeSlot)),
        services=tuple(Choice(v.id, v.slug, v.label, v.icon) for v in rows(Service)),
    )


# Words staff type that the kiosk shows as a tappable choice (service and consultation
# labels): one short line, cleaned as her words are (no control or bidi characters).
def clean_label(value: object, max_chars: int, what: str) -> str:
    """One line of staff-typed words, whitespace collapsed; ValueError says what to fix."""
    text = clean_staff_text(value)
    if not text:
        raise ValueError(f"Please give the {what} a few words.")
    if len(text) > max_chars:
        raise ValueError(
            f"Please keep the {what} to {max_chars} characters or fewer (it is {len(text)})."
        )
    return text


MAX_ICON_CHARS = 16


def clean_icon(value: object, what: str = "icon") -> str:
    """An emoji icon (or none): no letters, digits, punctuation or spaces from ASCII.

    Keeping ASCII out means an icon cannot carry Markdown or words into a kiosk button.
    """
    icon = clean_staff_text(value)
    if len(icon) > MAX_ICON_CHARS:
        raise ValueError(f"The {what} should be a single emoji.")
    if any(ch.isascii() or ch.isspace() for ch in icon):
        raise ValueError(f"The {what} should be an emoji, like 🚐 or ☕, not letters or signs.")
    return icon
