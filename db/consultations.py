"""Consultations: ask women about one proposed change, on the kiosk (SPEC §3a).

A consultation is a draft (editable), then open (fixed; shown on the kiosk while its
dates include the service date), then closed (at its end date or early), then archived.
Every change is audit-logged. Results are in db/consultation_results.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from analysis.text import clean_staff_text
from db import audit
from db.catalogue import clean_icon, clean_label
from db.models import (
    Consultation,
    ConsultationChoice,
    ConsultationSite,
    Site,
)
from db.service_day import service_date_now

MAX_QUESTION_CHARS = 200
MAX_PROMPT_CHARS = 200
MAX_CHOICE_CHARS = 40
MIN_CHOICES, MAX_CHOICES = 2, 6
KIOSK_LIMIT = 2  # at most this many on one visit, newest first
DEFAULT_LENGTH = dt.timedelta(days=28)  # what the staff form offers
KINDS = ("choices", "faces")
# The faces scale: the NHS Friends and Family Test, position 0 = very good.
FACES = (
    ("😀", "Very good"),
    ("🙂", "Good"),
    ("😐", "Neither good nor poor"),
    ("🙁", "Poor"),
    ("😞", "Very poor"),
)
STATE_LABELS = {
    "draft": "Draft",
    "scheduled": "Open, not started yet",
    "running": "Open, on the tablet now",
    "ended": "Ended",
    "closed": "Closed",
    "archived": "Archived",
}


class ConsultationError(ValueError):
    """A consultation could not be saved or changed; the message says what to fix."""


@dataclass(frozen=True)
class ChoiceDraft:
    """One answer a co-ordinator wants to offer: an emoji and a few words."""

    icon: str
    label: str


@dataclass(frozen=True)
class ConsultationDraft:
    """What a co-ordinator typed and chose for one consultation."""

    question: str
    starts_on: dt.date
    ends_on: dt.date
    kind: str = "choices"
    choices: Sequence[ChoiceDraft] = ()
    text_prompt: str | None = None  # None or blank: no free-text box
    sites: Sequence[str] = ()  # site slugs; none = every site


@dataclass(frozen=True)
class ChoiceRow:
    """One answer of a consultation, in display order."""

    id: int
    position: int
    icon: str
    label: str

    @property
    def text(self) -> str:
        """Icon and label together, as the kiosk and the results show them."""
        return f"{self.icon} {self.label}".strip()


@dataclass(frozen=True)
class ConsultationRow:
    """One consultation as plain values, for staff."""

    id: int
    question: str
    kind: str
    text_prompt: str | None
    starts_on: dt.date
    ends_on: dt.date
    status: str
    closed_on: dt.date | None
    choices: tuple[ChoiceRow, ...]
    sites: tuple[str, ...]  # slugs; empty = every site
    site_names: tuple[str, ...]
    created_by: str
    created_at: dt.datetime
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    archived_at: dt.datetime | None

    def state(self, today: dt.date) -> str:
        """Where it is in its life today: draft, scheduled, running, ended, closed, archived."""
        if self.status != "open":
            return self.status
        if today < self.starts_on:
            return "scheduled"
        return "running" if today <= self.ends_on else "ended"

    def closed_date(self, today: dt.date) -> dt.date | None:
        """The day it stopped taking answers, or None while it still can (or never ran)."""
        if self.closed_on is not None:
            return self.closed_on
        if self.status == "open" and self.ends_on < today:
            return self.ends_on
        return None

    @property
    def where(self) -> str:
        """The sites it runs at, in words."""
        return ", ".join(self.site_names) if self.site_names else "Every site"


@dataclass(frozen=True)
class KioskConsultation:
    """What the kiosk needs to ask one consultation: no staff detail."""

    id: int
    question: str
    kind: str
    text_prompt: str | None
    choices: tuple[ChoiceRow, ...]


def _as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    if value is None or value.tzinfo:
        return value
    return value.replace(tzinfo=dt.UTC)


def _query():  # type: ignore[no-untyped-def]
    """Consultations with their choices and sites, loaded in a few queries."""
    return select(Consultation).options(
        selectinload(Consultation.choices), selectinload(Consultation.sites)
    )


def _site_maps(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """Site id -> slug and id -> name, retired sites included."""
    rows = session.execute(select(Site.id, Site.slug, Site.name).order_by(Site.sort_order)).all()
    return {i: slug for i, slug, _ in rows}, {i: name for i, _, name in rows}


def _choices(consultation: Consultation) -> tuple[ChoiceRow, ...]:
    """A consultation's choices in display order."""
    return tuple(
        ChoiceRow(c.id, c.position, c.icon, c.label)
        for c in sorted(consultation.choices, key=lambda c: c.position)
    )


def _row(
    consultation: Consultation, slugs: dict[int, str], names: dict[int, str]
) -> ConsultationRow:
    """An ORM consultation (relationships loaded) as plain values."""
    site_ids = sorted((s.site_id for s in consultation.sites), key=lambda i: (names.get(i, ""), i))
    return ConsultationRow(
        id=consultation.id,
        question=consultation.question,
        kind=consultation.kind,
        text_prompt=consultation.text_prompt,
        starts_on=consultation.starts_on,
        ends_on=consultation.ends_on,
        status=consultation.status,
        closed_on=consultation.closed_on,
        choices=_choices(consultation),
        sites=tuple(slugs[i] for i in site_ids),
        site_names=tuple(names[i] for i in site_ids),
        created_by=consultation.created_by,
        created_at=_as_utc(consultation.created_at),  # type: ignore[arg-type]
        opened_at=_as_utc(consultation.opened_at),
        closed_at=_as_utc(consultation.closed_at),
        archived_at=_as_utc(consultation.archived_at),
    )


def get_consultation(session: Session, consultation_id: int) -> ConsultationRow | None:
    """One consultation, or None."""
    found = session.scalar(_query().where(Consultation.id == consultation_id))
    return None if found is None else _row(found, *_site_maps(session))


def list_consultations(
    session: Session, *, statuses: Sequence[str] | None = None
) -> list[ConsultationRow]:
    """Consultations newest first (by start date), optionally only these statuses."""
    query = _query().order_by(Consultation.starts_on.desc(), Consultation.id.desc())
    if statuses:
        query = query.where(Consultation.status.in_(list(statuses)))
    maps = _site_maps(session)
    return [_row(c, *maps) for c in session.scalars(query)]


def _clean(session: Session, draft: ConsultationDraft) -> tuple[str, str | None, list[int]]:
    """Check a draft; ConsultationError says what to fix. Returns question, prompt, site ids."""
    try:
        question = clean_label(draft.question, MAX_QUESTION_CHARS, "question")
        prompt_text = clean_staff_text(draft.text_prompt)
        prompt = (
            clean_label(prompt_text, MAX_PROMPT_CHARS, "free-text prompt") if prompt_text else None
        )
    except ValueError as exc:
        raise ConsultationError(str(exc)) from None
    if draft.kind not in KINDS:
        raise ConsultationError("Please choose answer buttons or the faces scale.")
    if not isinstance(draft.starts_on, dt.date) or not isinstance(draft.ends_on, dt.date):
        raise ConsultationError("Please give a start date and an end date.")
    if draft.ends_on < draft.starts_on:
        raise ConsultationError("The end date is before the start date.")
    if draft.kind == "choices":
        if not MIN_CHOICES <= len(draft.choices) <= MAX_CHOICES:
            raise ConsultationError(
                f"Please offer between {MIN_CHOICES} and {MAX_CHOICES} answers "
                f"(there are {len(draft.choices)})."
            )
        labels = []
        for number, choice in enumerate(draft.choices, start=1):
            try:
                label = clean_label(choice.label, MAX_CHOICE_CHARS, f"answer {number}")
                clean_icon(choice.icon, f"icon of answer {number}")
            except ValueError as exc:
                raise ConsultationError(str(exc)) from None
            if not clean_staff_text(choice.icon):
                raise ConsultationError(f"Please give answer {number} an emoji icon.")
            labels.append(label.lower())
        if len(set(labels)) != len(labels):
            raise ConsultationError("Two answers have the same words; please make each different.")
    site_ids = dict(session.execute(select(Site.slug, Site.id)).all())
    unknown = sorted(set(draft.sites) - set(site_ids))
    if unknown:
        raise ConsultationError(f"Unknown site: {', '.join(unknown)}.")
    return question, prompt, sorted({site_ids[s] for s in draft.sites})


def _set_details(
    consultation: Consultation,
    draft: ConsultationDraft,
    question: str,
    prompt: str | None,
    site_ids: list[int],
) -> None:
    """Write a checked draft into the consultation, replacing its choices and sites."""
    consultation.question, consultation.text_prompt = question, prompt
    consultation.kind = draft.kind
    consultation.starts_on, consultation.ends_on = draft.starts_on, draft.ends_on
    if draft.kind == "faces":
        pairs = list(FACES)
    else:
        # Checked by _clean already: cleaned the same way again, they cannot fail here.
        pairs = [
            (clean_icon(c.icon), clean_label(c.label, MAX_CHOICE_CHARS, "answer"))
            for c in draft.choices
        ]
    consultation.choices = [
        ConsultationChoice(position=i, icon=icon, label=label)
        for i, (icon, label) in enumerate(pairs)
    ]
    consultation.sites = [ConsultationSite(site_id=i) for i in site_ids]


def create_consultation(
    session: Session, draft: ConsultationDraft, *, actor: str, now: dt.datetime | None = None
) -> ConsultationRow:
    """Save a new consultation as a draft; audit-logged."""
    question, prompt, site_ids = _clean(session, draft)
    now = now or audit.utcnow()
    consultation = Consultation(status="draft", created_by=actor, created_at=now, updated_at=now)
    _set_details(consultation, draft, question, prompt, site_ids)
    session.add(consultation)
    session.flush()
    audit.record(
        session, "consultation_created", actor=actor, target=f"consultation {consultation.id}"
    )
    return _row(consultation, *_site_maps(session))


def _load(session: Session, consultation_id: int) -> Consultation:
    """The consultation to change, locked against a concurrent change where the database can."""
    query = _query().where(Consultation.id == consultation_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Consultation)
    consultation = session.scalar(query)
    if consultation is None:
        raise ConsultationError("That consultation no longer exists.")
    return consultation


def update_consultation(
    session: Session,
    consultation_id: int,
    draft: ConsultationDraft,
    *,
    actor: str,
    now: dt.datetime | None = None,
) -> ConsultationRow:
    """Change a draft; once open a consultation is fixed, so every answer met the same words."""
    consultation = _load(session, consultation_id)
    if consultation.status != "draft":
        raise ConsultationError(
            f"Only a draft can be edited; this one is {consultation.status}. "
            "To ask something different, start a new consultation."
        )
    question, prompt, site_ids = _clean(session, draft)
    now = now or audit.utcnow()
    # Replace the choices in two steps so (consultation, position) stays unique.
    consultation.choices = []
    session.flush()
    _set_details(consultation, draft, question, prompt, site_ids)
    consultation.updated_at = now
    session.flush()
    audit.record(
        session, "consultation_updated", actor=actor, target=f"consultation {consultation.id}"
    )
    return _row(consultation, *_site_maps(session))


def _change(
    session: Session,
    consultation: Consultation,
    action: str,
    actor: str,
    now: dt.datetime,
) -> ConsultationRow:
    """Finish a status change: stamp, flush, audit."""
    consultation.updated_at = now
    session.flush()
    audit.record(session, action, actor=actor, target=f"consultation {consultation.id}", at=now)
    return _row(consultation, *_site_maps(session))


def open_consultation(
    session: Session,
    consultation_id: int,
    *,
    actor: str,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ConsultationRow:
    """Put a draft on the kiosk for its dates; audit-logged."""
    consultation = _load(session, consultation_id)
    today = today or service_date_now()
    if consultation.status != "draft":
        raise ConsultationError(f"Only a draft can be opened; this one is {consultation.status}.")
    if consultation.ends_on < today:
        raise ConsultationError("Its end date has passed; please change the dates first.")
    now = now or audit.utcnow()
    consultation.status, consultation.opened_at = "open", now
    return _change(session, consultation, "consultation_opened", actor, now)


def close_consultation(
    session: Session,
    consultation_id: int,
    *,
    actor: str,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ConsultationRow:
    """Stop taking answers now (or record that it ended on its end date); audit-logged."""
    consultation = _load(session, consultation_id)
    today = today or service_date_now()
    if consultation.status != "open":
        raise ConsultationError(
            f"Only an open consultation can close; this one is {consultation.status}."
        )
    now = now or audit.utcnow()
    consultation.status, consultation.closed_at = "closed", now
    consultation.closed_on = min(today, consultation.ends_on)
    return _change(session, consultation, "consultation_closed", actor, now)


def archive_consultation(
    session: Session,
    consultation_id: int,
    *,
    actor: str,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> ConsultationRow:
    """Put a closed (or ended) consultation, or an unwanted draft, away; audit-logged."""
    consultation = _load(session, consultation_id)
    today = today or service_date_now()
    if consultation.status == "archived":
        raise ConsultationError("This consultation is already archived.")
    if consultation.status == "open":
        if consultation.ends_on >= today:
            raise ConsultationError("It is still open; close it first, then archive it.")
        consultation.closed_on = consultation.ends_on  # it ended by itself
    now = now or audit.utcnow()
    consultation.status, consultation.archived_at = "archived", now
    return _change(session, consultation, "consultation_archived", actor, now)


def _live(site_id: int | None, service_date: dt.date):  # type: ignore[no-untyped-def]
    """Open consultations running on this service date at this site (None: no site given)."""
    at_every_site = ~exists().where(ConsultationSite.consultation_id == Consultation.id)
    here = (
        exists().where(
            ConsultationSite.consultation_id == Consultation.id,
            ConsultationSite.site_id == site_id,
        )
        if site_id is not None
        else None
    )
    return (
        _query()
        .where(
            Consultation.status == "open",
            Consultation.starts_on <= service_date,
            Consultation.ends_on >= service_date,
            at_every_site if here is None else or_(at_every_site, here),
        )
        .order_by(Consultation.opened_at.desc(), Consultation.id.desc())
    )


def live_consultations(
    session: Session, site_id: int | None, service_date: dt.date, limit: int | None = KIOSK_LIMIT
) -> list[KioskConsultation]:
    """What the kiosk at this site asks on this service date: newest first, at most `limit`.

    A kiosk link without a (known) site only asks the consultations that run everywhere.
    """
    query = _live(site_id, service_date)
    if limit is not None:
        query = query.limit(limit)
    return [
        KioskConsultation(c.id, c.question, c.kind, c.text_prompt, _choices(c))
        for c in session.scalars(query)
    ]


def live_ids(session: Session, site_id: int | None, service_date: dt.date) -> set[int]:
    """The ids of every consultation live_consultations would ask here (one query, no choices)."""
    return set(session.scalars(_live(site_id, service_date).with_only_columns(Consultation.id)))


def for_kiosk(
    session: Session, site_slug: str | None, service_date: dt.date
) -> list[KioskConsultation]:
    """The consultations a kiosk link (?site=slug) shows today, newest first."""
    site_id = (
        session.scalar(select(Site.id).where(Site.slug == site_slug, Site.active.is_(True)))
        if site_slug
        else None
    )
    return live_consultations(session, site_id, service_date)


def closed_between(
    session: Session, start: dt.date, end: dt.date, today: dt.date | None = None
) -> list[ConsultationRow]:
    """Consultations that stopped taking answers between start and end, oldest first."""
    today = today or service_date_now()
    query = _query().where(
        or_(
            Consultation.closed_on.between(start, end),
            (Consultation.status == "open")
            & Consultation.ends_on.between(start, end)
            & (Consultation.ends_on < today),
        )
    )
    maps = _site_maps(session)
    rows = [_row(c, *maps) for c in session.scalars(query)]
    return sorted(rows, key=lambda r: (r.closed_date(today) or end, r.id))
