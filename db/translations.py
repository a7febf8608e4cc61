"""The words staff type, in the kiosk's other languages: one table keyed by (kind, slug, language).

Kinds, and the slug that names the thing (it never changes while the thing exists):

- `site`, `provision`, `slot`, `service`: the catalogue item's own slug (`drop-in`,
  `hot_food`, `night`, `outreach_van`); slugs never change once made (db/admin.py).
- `consultation`: the consultation's id (`"12"`), for its question.
- `consultation_prompt`: the consultation's id, for its free-text prompt.
- `consultation_choice`: `"<consultation id>:<position>"` (`"12:0"` is its first answer).
  A faces consultation has none: the kiosk's own words name the faces.
- `helpline`: its number in E.164 (`"+448082000247"`, `"+44999"` for 999). Helplines have
  no id, and their number is what stays when a line is renamed or the list reordered.
- `action`: the "You said, we did" entry's id, for its title.

English is never stored here: it is the thing's own name. A translation keeps the English
it was written for (`source`), and is shown only while the thing's English is still that:
when a draft question is reworded or a site renamed, the kiosk falls back (to the locale
file's words for a default catalogue item, then English) until someone checks the
translation and saves it again. The kiosk's order is: this table, then the locale file's
`<kind>_labels.<slug>` (default catalogue only), then the English name.

Deleting a thing deletes its translations (ORM after_delete events in db/models.py).
Functions take a session and never commit; every change is audit-logged. Which languages
exist is the locale files' business (locales/): callers pass them in, as db/ cannot import
locales.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass

import phonenumbers
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from analysis.text import clean_staff_text
from db import actions, admin, audit, consultations, services, settings
from db.models import (
    Action,
    Consultation,
    Provision,
    Service,
    Site,
    TimeSlot,
    Translation,
)

ENGLISH = "en"


@dataclass(frozen=True)
class Kind:
    """One kind of staff-typed words: what the admin page calls it, and its length limit."""

    title: str  # plural, for the admin page
    noun: str  # one of them, for messages
    max_chars: int  # as long as the English may be


KINDS: dict[str, Kind] = {
    "site": Kind("Sites", "site name", admin.MAX_LABEL_CHARS),
    "provision": Kind("Provisions", "provision", admin.MAX_LABEL_CHARS),
    "slot": Kind("Time slots", "time slot", admin.MAX_LABEL_CHARS),
    "service": Kind("Services", "service", services.MAX_LABEL_CHARS),
    "consultation": Kind("Consultation questions", "question", consultations.MAX_QUESTION_CHARS),
    "consultation_choice": Kind(
        "Consultation answers", "answer choice", consultations.MAX_CHOICE_CHARS
    ),
    "consultation_prompt": Kind(
        "Consultation free-text prompts", "free-text prompt", consultations.MAX_PROMPT_CHARS
    ),
    "helpline": Kind("Helplines", "helpline name", settings.HELPLINE_LIMITS["name"]),
    "action": Kind("You said, we did", "change", actions.MAX_TITLE_CHARS),
}


class TranslationError(ValueError):
    """A translation could not be saved; the message says what to fix (never her words)."""


@dataclass(frozen=True)
class Item:
    """One thing staff named, as the admin page lists it for translating."""

    kind: str
    slug: str
    english: str
    context: str = ""  # what it belongs to: a choice's question, a helpline's number
    current: bool = True  # on the kiosk now or soon (not retired, closed or archived)


@dataclass(frozen=True)
class Translated:
    """Words in one language, and the English they were written for."""

    text: str
    source: str

    def of(self, english: str) -> str | None:
        """The words, if they were written for this English; None once it has changed."""
        return self.text if self.source == english else None


@dataclass(frozen=True)
class ItemTranslation:
    """One thing and its words in one language (text is "" when there are none)."""

    item: Item
    text: str
    source: str

    @property
    def stale(self) -> bool:
        """True when the English has changed since the words were written."""
        return bool(self.text) and self.source != self.item.english


@dataclass(frozen=True)
class Coverage:
    """How many things of one kind have words in each language."""

    kind: str
    items: int
    translated: dict[str, int]  # language -> written for the English as it is now
    to_check: dict[str, int]  # language -> written for English that has since changed


def helpline_slug(number: str) -> str:
    """A helpline's slug: its number in E.164 ("+448082000247"), or its digits if unreadable."""
    try:
        parsed = phonenumbers.parse(number, settings.PHONE_REGION)
    except phonenumbers.NumberParseException:
        return "".join(ch for ch in number if ch.isdigit() or ch == "+")[:60]
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _catalogue(
    session: Session,
    kind: str,
    model: type[Site] | type[Provision] | type[TimeSlot] | type[Service],
) -> Iterator[Item]:
    """Sites, provisions, slots or services in display order (retired ones not current)."""
    name = model.name if model is Site else model.label  # type: ignore[union-attr]
    query = select(model.slug, name, model.active).order_by(model.sort_order, model.id)
    for slug, english, active in session.execute(query):
        yield Item(kind, slug, english, current=bool(active))


def _consultation_items(session: Session, kind: str) -> Iterator[Item]:
    """Questions, prompts or answer choices of every consultation, newest first."""
    query = (
        select(Consultation)
        .options(selectinload(Consultation.choices))
        .order_by(Consultation.starts_on.desc(), Consultation.id.desc())
    )
    for asked in session.scalars(query):
        current = asked.status in ("draft", "open")
        slug = str(asked.id)
        if kind == "consultation":
            yield Item(kind, slug, asked.question, current=current)
        elif kind == "consultation_prompt" and asked.text_prompt:
            yield Item(kind, slug, asked.text_prompt, asked.question, current)
        elif kind == "consultation_choice" and asked.kind == "choices":
            for choice in sorted(asked.choices, key=lambda c: c.position):
                yield Item(
                    kind, f"{asked.id}:{choice.position}", choice.label, asked.question, current
                )


def _all_items(session: Session, kind: str) -> Iterator[Item]:
    """Every thing of kind that exists, whether or not the kiosk shows it now."""
    models = {"site": Site, "provision": Provision, "slot": TimeSlot, "service": Service}
    if kind in models:
        yield from _catalogue(session, kind, models[kind])
    elif kind.startswith("consultation"):
        yield from _consultation_items(session, kind)
    elif kind == "helpline":
        for line in settings.helplines(session):
            yield Item(kind, helpline_slug(line.number), line.name, line.number)
    else:
        query = select(Action.id, Action.title, Action.status).order_by(
            Action.changed_on.desc(), Action.id.desc()
        )
        for action_id, title, status in session.execute(query):
            yield Item(kind, str(action_id), title, status, status != "archived")


def _check_kind(kind: str) -> Kind:
    """The description of kind, or TranslationError naming the kinds there are."""
    if kind not in KINDS:
        raise TranslationError(f"Unknown kind {kind!r}: use one of {', '.join(KINDS)}.")
    return KINDS[kind]


def items(session: Session, kind: str, *, current_only: bool = True) -> list[Item]:
    """The things of kind to translate: those the kiosk shows now or soon, unless asked."""
    _check_kind(kind)
    return [i for i in _all_items(session, kind) if i.current or not current_only]


def _check_language(language: str, languages: Collection[str]) -> None:
    """TranslationError unless language is one of the kiosk's other languages."""
    if language == ENGLISH:
        raise TranslationError(
            "English is each thing's own name: change it where the thing is made, not here."
        )
    if language not in languages:
        known = ", ".join(sorted(languages)) or "none yet"
        raise TranslationError(
            f"Unknown language {language!r}: the kiosk's other languages are {known}."
        )


def translations_for(session: Session, language: str) -> dict[tuple[str, str], Translated]:
    """Every translation into language, keyed by (kind, slug): one query, for the kiosk."""
    rows = session.execute(
        select(Translation.kind, Translation.slug, Translation.text, Translation.source).where(
            Translation.language == language
        )
    )
    return {(kind, slug): Translated(text, source) for kind, slug, text, source in rows}


def lookup(
    table: Mapping[tuple[str, str], Translated], kind: str, slug: str, english: str
) -> str | None:
    """The words for a thing whose English is now `english`, or None (none, or out of date)."""
    found = table.get((kind, slug))
    return found.of(english) if found else None


def for_language(session: Session, kind: str, language: str) -> list[ItemTranslation]:
    """The things of kind the kiosk shows, each with its words in language (or "")."""
    table = translations_for(session, language)
    rows = []
    for item in items(session, kind):
        found = table.get((kind, item.slug))
        rows.append(
            ItemTranslation(item, found.text if found else "", found.source if found else "")
        )
    return rows


def set_translation(
    session: Session,
    kind: str,
    slug: str,
    language: str,
    text: str | None,
    *,
    actor: str,
    languages: Collection[str],
) -> str | None:
    """Save the words for one thing in one language (blank removes them); audit-logged.

    `languages` are the kiosk's languages other than English (the locale files). Returns
    the words as stored, or None when removed. TranslationError says what to fix.
    """
    spec = _check_kind(kind)
    _check_language(language, languages)
    english = next((i.english for i in _all_items(session, kind) if i.slug == slug), None)
    if english is None:
        raise TranslationError(f"There is no {spec.noun} {slug!r} (perhaps it was deleted).")
    words = clean_staff_text(text)
    if len(words) > spec.max_chars:
        raise TranslationError(
            f"Please keep each {spec.noun} to {spec.max_chars} characters or fewer "
            f"(one is {len(words)})."
        )
    row = session.scalar(
        select(Translation).where(
            Translation.kind == kind, Translation.slug == slug, Translation.language == language
        )
    )
    target = f"{kind} {slug} [{language}]"
    if not words:
        if row is not None:
            session.delete(row)
            session.flush()
            audit.record(session, "translation_removed", actor=actor, target=target)
        return None
    if row is not None and (row.text, row.source) == (words, english):
        return words  # unchanged: nothing to write or log
    if row is None:
        session.add(
            Translation(kind=kind, slug=slug, language=language, text=words, source=english)
        )
    else:
        row.text, row.source = words, english
    session.flush()
    audit.record(session, "translation_saved", actor=actor, target=target, detail=words)
    return words


def coverage(session: Session, languages: Collection[str]) -> list[Coverage]:
    """For each kind: how many things the kiosk shows, and how many have words per language."""
    found: dict[tuple[str, str, str], Translated] = {
        (kind, slug, language): Translated(text, source)
        for kind, slug, language, text, source in session.execute(
            select(
                Translation.kind,
                Translation.slug,
                Translation.language,
                Translation.text,
                Translation.source,
            )
        )
    }
    result = []
    for kind in KINDS:
        shown = items(session, kind)
        translated, to_check = {}, {}
        for language in languages:
            words = [found.get((kind, i.slug, language)) for i in shown]
            fresh = sum(1 for w, i in zip(words, shown, strict=True) if w and w.of(i.english))
            translated[language] = fresh
            to_check[language] = sum(1 for w in words if w) - fresh
        result.append(Coverage(kind, len(shown), translated, to_check))
    return result
