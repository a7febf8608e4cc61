"""Editing the catalogue the kiosk offers: sites, provisions and time slots (SPEC §5 Admin).

Nothing here deletes a row: a retired item disappears from the kiosk but every answer
that chose it stays, and it can be restored. Slugs never change once made, because
kiosk links, translations and stored answers refer to them. Every change is audit-logged.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.text import clean_staff_text
from db import audit
from db.models import Provision, Site, TimeSlot

MAX_LABEL_CHARS = 120
MAX_SLUG_CHARS = 60
MAX_ICON_CODEPOINTS = 8


class CatalogueError(ValueError):
    """A catalogue change could not be made; the message says why, kindly."""


@dataclass(frozen=True)
class _Kind:
    """How one kind of catalogue item is stored and named."""

    model: type[Site] | type[Provision] | type[TimeSlot]
    label_attr: str
    noun: str
    separator: str
    slug_pattern: re.Pattern[str]
    slug_rule: str
    has_icon: bool


KINDS: dict[str, _Kind] = {
    # Site slugs go in the kiosk link, so only lower-case letters, digits and dashes.
    "sites": _Kind(
        Site,
        "name",
        "site",
        "-",
        re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$"),
        "lower-case letters a–z, digits 0–9 and dashes",
        False,
    ),
    # Provision and slot slugs also allow "_" (the defaults use it, e.g. hot_food).
    "provisions": _Kind(
        Provision,
        "label",
        "provision",
        "_",
        re.compile(r"^[a-z0-9](?:[a-z0-9_-]{0,58}[a-z0-9])?$"),
        "lower-case letters a–z, digits 0–9, dashes and underscores",
        True,
    ),
    "slots": _Kind(
        TimeSlot,
        "label",
        "slot",
        "_",
        re.compile(r"^[a-z0-9](?:[a-z0-9_-]{0,58}[a-z0-9])?$"),
        "lower-case letters a–z, digits 0–9, dashes and underscores",
        False,
    ),
}


@dataclass(frozen=True)
class CatalogueItem:
    """One site, provision or time slot as the admin page shows it."""

    id: int
    slug: str
    label: str
    icon: str
    position: int
    active: bool


def _kind(kind: str) -> _Kind:
    """The description of kind, or CatalogueError."""
    if kind not in KINDS:
        raise CatalogueError(f"Unknown catalogue: {kind!r}.")
    return KINDS[kind]


def _ordered(session: Session, spec: _Kind) -> list:
    """Every row of this kind in display order, retired ones included."""
    model = spec.model
    return list(session.scalars(select(model).order_by(model.sort_order, model.id)))


def _item(spec: _Kind, row: Site | Provision | TimeSlot, position: int) -> CatalogueItem:
    """A row as plain values."""
    return CatalogueItem(
        row.id,
        row.slug,
        getattr(row, spec.label_attr),
        getattr(row, "icon", "") or "",
        position,
        row.active,
    )


def list_items(session: Session, kind: str) -> list[CatalogueItem]:
    """Every item of kind ("sites", "provisions" or "slots") in display order."""
    spec = _kind(kind)
    return [_item(spec, row, i) for i, row in enumerate(_ordered(session, spec), start=1)]


def slugify(label: str, separator: str = "-") -> str:
    """A slug made from label: accents dropped, lower case, words joined by separator."""
    ascii_text = unicodedata.normalize("NFKD", label or "").encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    return separator.join(words)[:MAX_SLUG_CHARS].strip(separator)


def clean_label(label: str) -> str:
    """label on one line, cleaned as her words are (no control or bidi characters), runs of
    spaces made one; CatalogueError when unusable."""
    text = clean_staff_text(label)
    if not text:
        raise CatalogueError("Please enter a name.")
    if len(text) > MAX_LABEL_CHARS:
        raise CatalogueError(f"Please keep the name under {MAX_LABEL_CHARS} characters.")
    return text


# Categories an emoji sequence is built from: symbols, skin-tone modifiers, variation
# selectors and keycaps (marks), zero-width joiners (format characters).
_ICON_CATEGORIES = {"So", "Sk", "Mn", "Me", "Cf"}


def clean_icon(icon: str) -> str:
    """An emoji (or nothing), trimmed; CatalogueError for words or long strings."""
    text = clean_staff_text(icon)
    if not text:
        return ""
    if len(text) > MAX_ICON_CODEPOINTS:
        raise CatalogueError("Please use a single emoji as the icon.")
    categories = {unicodedata.category(ch) for ch in text}
    if not categories <= _ICON_CATEGORIES or "So" not in categories:
        raise CatalogueError("Please use a single emoji as the icon, for example 🧦.")
    return text


def add_item(
    session: Session, kind: str, label: str, slug: str = "", icon: str = "", *, actor: str
) -> CatalogueItem:
    """Add an active item at the end of the list; the slug is made from the label if blank."""
    spec = _kind(kind)
    name = clean_label(label)
    slug = (slug or "").strip().lower() or slugify(name, spec.separator)
    if not slug:
        raise CatalogueError(f"Please also give a short code for the link, using {spec.slug_rule}.")
    if not spec.slug_pattern.match(slug):
        raise CatalogueError(
            f"The short code can only use {spec.slug_rule} (at most {MAX_SLUG_CHARS}), "
            "and must start and end with a letter or digit."
        )
    icon = clean_icon(icon) if spec.has_icon else ""
    model = spec.model
    if session.scalar(select(model.id).where(model.slug == slug)) is not None:
        raise CatalogueError(
            "That short code is already used (perhaps by a retired one). Please choose another."
        )
    _refuse_duplicate_label(session, spec, name)
    last = session.scalar(select(func.max(model.sort_order))) or 0
    values = {"slug": slug, spec.label_attr: name, "sort_order": last + 1, "active": True}
    if spec.has_icon:
        values["icon"] = icon
    row = model(**values)
    session.add(row)
    session.flush()
    audit.record(
        session, f"{spec.noun}_added", actor=actor, target=slug, detail=f"{name!r} {icon}".strip()
    )
    return _item(spec, row, len(_ordered(session, spec)))


def _refuse_duplicate_label(
    session: Session, spec: _Kind, name: str, except_id: int | None = None
) -> None:
    """Two items with the same name would be confusing on the kiosk and in reports."""
    for row in _ordered(session, spec):
        if row.id != except_id and getattr(row, spec.label_attr).casefold() == name.casefold():
            raise CatalogueError(
                "There is already one with that name (perhaps retired). Please choose another."
            )


def _row(session: Session, spec: _Kind, item_id: int) -> Site | Provision | TimeSlot:
    """The row with this id, or CatalogueError."""
    row = session.get(spec.model, item_id)
    if row is None:
        raise CatalogueError("That item no longer exists. Please reload the page.")
    return row


def update_item(
    session: Session,
    kind: str,
    item_id: int,
    *,
    label: str | None = None,
    icon: str | None = None,
    actor: str,
) -> CatalogueItem:
    """Relabel an item and (for provisions) change its icon; unchanged values are not logged."""
    spec = _kind(kind)
    row = _row(session, spec, item_id)
    if label is not None:
        name = clean_label(label)
        old = getattr(row, spec.label_attr)
        if name != old:
            _refuse_duplicate_label(session, spec, name, except_id=row.id)
            setattr(row, spec.label_attr, name)
            audit.record(
                session,
                f"{spec.noun}_renamed",
                actor=actor,
                target=row.slug,
                detail=f"{old!r} -> {name!r}",
            )
    if icon is not None and spec.has_icon:
        new_icon = clean_icon(icon)
        if new_icon != row.icon:
            audit.record(
                session,
                f"{spec.noun}_icon_changed",
                actor=actor,
                target=row.slug,
                detail=f"{row.icon or '(none)'} -> {new_icon or '(none)'}",
            )
            row.icon = new_icon
    rows = _ordered(session, spec)
    return _item(spec, row, rows.index(row) + 1)


def set_item_active(
    session: Session, kind: str, item_id: int, active: bool, *, actor: str
) -> CatalogueItem:
    """Retire an item (hidden from the kiosk, data kept) or restore it."""
    spec = _kind(kind)
    row = _row(session, spec, item_id)
    if row.active != active:
        row.active = active
        action = "restored" if active else "retired"
        audit.record(session, f"{spec.noun}_{action}", actor=actor, target=row.slug)
    rows = _ordered(session, spec)
    return _item(spec, row, rows.index(row) + 1)


def move_item(
    session: Session, kind: str, item_id: int, offset: int, *, actor: str
) -> CatalogueItem:
    """Move an item up (offset -1) or down (+1) the list; positions are renumbered 1..n."""
    spec = _kind(kind)
    rows = _ordered(session, spec)
    row = _row(session, spec, item_id)
    old = rows.index(row)
    new = max(0, min(len(rows) - 1, old + offset))
    if new != old:
        rows.insert(new, rows.pop(old))
        audit.record(
            session,
            f"{spec.noun}_moved",
            actor=actor,
            target=row.slug,
            detail=f"position {old + 1} -> {new + 1}",
        )
    for position, each in enumerate(rows, start=1):
        each.sort_order = position
    return _item(spec, row, new + 1)


def kiosk_link(base_url: str, slug: str) -> str:
    """The address a tablet at this site opens."""
    return f"{base_url.rstrip('/')}/?site={slug}"
