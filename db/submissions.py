"""The submit path: validate -> analyse -> store in one transaction (SPEC §2.1, §3).

The original free text lives only in memory here. It is redacted before anything is
written, and it never reaches a log or an exception message: failures are reported
as SubmissionError with the error's type only.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from analysis import text as text_rules
from analysis.pipeline import ANALYSIS_VERSION, TextAnalysis, analyse
from analysis.themes import Framework
from db import consultations, rollups, themes
from db.catalogue import Catalogue, load_catalogue
from db.models import (
    DAYS,
    Answer,
    AnswerConcern,
    AnswerTheme,
    ConsultationResponse,
    SendKey,
    Submission,
    SubmissionPlace,
    SubmissionProvision,
    SubmissionService,
    SubmissionSlot,
)
from db.service_day import service_date_now
from db.session import database_url, is_sqlite, read_session, send_session

log = logging.getLogger(__name__)

OTHER_PROVISION_MAX_CHARS = 200
QUESTIONS = ("what_good", "could_improve")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")
# A form's idempotency key as new_send_key() makes it (URL-safe base64, 32 characters).
_SEND_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


CONSULTATION_QUESTION = "consultation"  # Answer.question of a consultation's free text


class SubmissionError(Exception):
    """The submission could not be stored. Carries no user text."""


@dataclass(frozen=True)
class ConsultationAnswer:
    """Her answer to one consultation: the position of the choice she tapped, her words."""

    consultation_id: int
    choice: int | None = None  # position in the consultation's choices (faces: 0 = very good)
    text: str = ""


@dataclass(frozen=True)
class FeedbackForm:
    """What a woman chose on the kiosk, exactly as the widgets gave it."""

    rating: int | None = None
    provisions: Sequence[str] = ()
    provision_other: str = ""
    slots: Sequence[str] = ()  # "mon:early_evening"
    places: Sequence[str] = ()  # site slugs
    services: Sequence[str] = ()  # service slugs: what she used today
    text_good: str = ""
    text_better: str = ""
    site: str | None = None  # the kiosk link's ?site=
    language: str = "en"
    assisted: bool = False
    service_date: dt.date | None = None
    consultations: Sequence[ConsultationAnswer] = ()
    # The form's idempotency key (new_send_key(), made when her form starts): a second send
    # with a key already stored stores nothing. None (the CLI, seeding): no such guard.
    send_key: str | None = None


@dataclass(frozen=True)
class SubmitResult:
    """What the thank-you screen needs to know; never the text itself."""

    submission_id: int | None  # None when already_stored
    concerns: tuple[str, ...] = ()
    truncated: bool = False
    confident: bool = False  # a concern above the confident threshold (SPEC §3.6)
    # An earlier send with the same key was stored (a Retry after a lost reply, a late
    # commit): nothing was stored this time. The readings are of the same words.
    already_stored: bool = False


@dataclass
class _Validated:
    """A form reduced to known ids and cleaned text."""

    rating: int | None
    site_id: int | None
    provision_ids: list[int]
    slot_pairs: list[tuple[int, int]]
    place_ids: list[int]
    service_ids: list[int] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    truncated: bool = False


def parse_slot(value: str) -> tuple[int, str] | None:
    """'tue:late_evening' -> (1, 'late_evening'); None when malformed."""
    day, _, slot = str(value).partition(":")
    if day in DAYS and slot:
        return DAYS.index(day), slot
    return None


def _strings(value: object) -> list[str]:
    """The strings in a widget's list of choices; nothing for anything else.

    A widget gives a list of strings; a tampered or broken one may give None, a bool,
    a number or a mapping. Those choose nothing rather than failing her submission.
    """
    if isinstance(value, list | tuple | set | frozenset):
        return [v for v in value if isinstance(v, str)]
    return []


def _validate(form: FeedbackForm, catalogue: Catalogue) -> _Validated:
    """Keep only values the catalogue knows; clean and cut free text."""
    rating = form.rating
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        rating = None
    site = catalogue.site(form.site) if isinstance(form.site, str) else None
    provisions = {p.slug: p.id for p in catalogue.provisions}
    slots = {s.slug: s.id for s in catalogue.slots}
    sites = {s.slug: s.id for s in catalogue.sites}
    services = {s.slug: s.id for s in catalogue.services}

    slot_pairs = []
    for value in _strings(form.slots):
        parsed = parse_slot(value)
        if parsed and parsed[1] in slots:
            slot_pairs.append((parsed[0], slots[parsed[1]]))

    validated = _Validated(
        rating=rating,
        site_id=site.id if site else None,
        provision_ids=sorted({provisions[p] for p in _strings(form.provisions) if p in provisions}),
        slot_pairs=sorted(set(slot_pairs)),
        place_ids=sorted({sites[p] for p in _strings(form.places) if p in sites}),
        service_ids=sorted({services[v] for v in _strings(form.services) if v in services}),
    )
    for question, raw, limit in (
        ("what_good", form.text_good, text_rules.MAX_ANSWER_CHARS),
        ("could_improve", form.text_better, text_rules.MAX_ANSWER_CHARS),
        ("provision_other", form.provision_other, OTHER_PROVISION_MAX_CHARS),
    ):
        cleaned = text_rules.clean(raw if isinstance(raw, str) else "", limit)
        validated.truncated |= cleaned.truncated
        if cleaned.text:
            validated.texts[question] = cleaned.text
    return validated


def _consultation_replies(
    session: Session, form: FeedbackForm, valid: _Validated, service_date: dt.date
) -> list[tuple[ConsultationResponse, str]]:
    """Her answers to consultations that are open here today, each with her cleaned words.

    An answer to a consultation that is not open for this site and date (it closed while
    she was typing, or the form was tampered with) is dropped, never stored. A skipped
    consultation (no choice, no words) stores nothing at all. Cut words mark `valid`.
    """
    given = form.consultations
    if not isinstance(given, list | tuple) or not given:
        return []
    live = {
        c.id: c
        for c in consultations.live_consultations(session, valid.site_id, service_date, None)
    }
    replies: list[tuple[ConsultationResponse, str]] = []
    seen: set[int] = set()
    for answer in given:
        if not isinstance(answer, ConsultationAnswer):
            continue
        consultation = live.get(answer.consultation_id)
        if consultation is None or consultation.id in seen:
            continue
        seen.add(consultation.id)
        positions = {c.position: c.id for c in consultation.choices}
        choice = answer.choice
        usable = isinstance(choice, int) and not isinstance(choice, bool)
        choice_id = positions.get(choice) if usable else None
        words = ""
        if consultation.text_prompt and isinstance(answer.text, str):
            cleaned = text_rules.clean(answer.text, text_rules.MAX_ANSWER_CHARS)
            words, valid.truncated = cleaned.text, valid.truncated or cleaned.truncated
        if choice_id is None and not words:
            continue
        replies.append(
            (ConsultationResponse(consultation_id=consultation.id, choice_id=choice_id), words)
        )
        if len(replies) >= consultations.KIOSK_LIMIT:
            break
    return replies


def unread_or(reading: TextAnalysis) -> TextAnalysis:
    """reading, or for an answer in a language the analysis does not read, no sentiment and
    no themes: the model's guesses on words it cannot read must not count on any dashboard.
    Its safeguarding reading stays (a person reads it in the queue either way)."""
    if reading.machine_read:
        return reading
    return replace(reading, sentiment_label=None, sentiment_score=None, themes=())


def _answer(question: str, reading: TextAnalysis, stamp: str) -> Answer:
    """An Answer row holding only the redacted text and its readings."""
    return Answer(
        question=question,
        text=reading.redacted,
        sentiment_score=reading.sentiment_score,
        sentiment_label=reading.sentiment_label,
        analysis_version=stamp,
        language=reading.language,
        machine_read=reading.machine_read,
        concern_confidence=reading.concern_confidence if reading.concerns else None,
        themes=[AnswerTheme(theme=t) for t in reading.themes],
        concerns=[AnswerConcern(category=c) for c in reading.concerns],
    )


@dataclass
class _Prepared:
    """A submission validated and analysed, not yet added to any session."""

    submission: Submission
    valid: _Validated
    readings: list[rollups.AnswerReading]
    concerns: list[str]
    keywords: str | None  # the keyword lists' stamp it was tagged with (None: given a framework)
    confident: bool = False
    send_key: str | None = None


def _prepare(session: Session, form: FeedbackForm, framework: Framework | None) -> _Prepared:
    """Validate and analyse one submission, only reading from session.

    Themes come from the database's editable framework unless one is passed in.
    """
    compiled = themes.current(session)
    keywords = compiled.stamp if framework is None else None
    stamp = keywords or ANALYSIS_VERSION
    framework = framework or compiled.framework
    valid = _validate(form, load_catalogue(session))
    language = form.language if isinstance(form.language, str) else ""
    language = language if _LANGUAGE.match(language) else "en"
    submission = Submission(
        service_date=form.service_date or service_date_now(),
        site_id=valid.site_id,
        rating=valid.rating,
        assisted=form.assisted is True,
        language=language,
        provisions=[SubmissionProvision(provision_id=i) for i in valid.provision_ids],
        slots=[SubmissionSlot(day=d, slot_id=s) for d, s in valid.slot_pairs],
        places=[SubmissionPlace(site_id=i) for i in valid.place_ids],
        services=[SubmissionService(service_id=i) for i in valid.service_ids],
    )
    concerns: list[str] = []
    confident: list[bool] = []
    readings = []

    def read(question: str, original: str) -> Answer:
        """Analyse one text in memory; the Answer holds only its redacted form."""
        reading = unread_or(analyse(original, question, framework, language))
        readings.append(
            rollups.AnswerReading(
                question, reading.sentiment_label, reading.sentiment_score, reading.themes
            )
        )
        concerns.extend(c for c in reading.concerns if c not in concerns)
        confident.append(reading.confident)
        answer = _answer(question, reading, stamp)
        submission.answers.append(answer)
        return answer

    for question, original in valid.texts.items():
        read(question, original)
    for reply, original in _consultation_replies(session, form, valid, submission.service_date):
        if original:
            reply.answer = read(CONSULTATION_QUESTION, original)
        submission.consultation_responses.append(reply)
    key = form.send_key if isinstance(form.send_key, str) else None
    return _Prepared(
        submission,
        valid,
        readings,
        concerns,
        keywords,
        any(confident),
        key if key and _SEND_KEY.match(key) else None,
    )


def _still_holds(session: Session, prepared: _Prepared) -> bool:
    """True when what `_prepare` read still holds in session: the keyword lists it tagged
    with, and each consultation it answered still open here on that date."""
    if prepared.keywords is not None and themes.current(session).stamp != prepared.keywords:
        return False
    submission = prepared.submission
    asked = {reply.consultation_id for reply in submission.consultation_responses}
    if not asked:
        return True
    return asked <= consultations.live_ids(session, submission.site_id, submission.service_date)


def _store_if_current(
    session: Session, form: FeedbackForm, framework: Framework | None, prepared: _Prepared
) -> SubmitResult:
    """Store what was prepared before the write lock; if a keyword edit or a consultation
    closing landed meanwhile, prepare it again under the lock instead."""
    if not _still_holds(session, prepared):
        prepared = _prepare(session, form, framework)
    return _store(session, prepared)


def _store(session: Session, prepared: _Prepared) -> SubmitResult:
    """Add a prepared submission and its counts to session (the caller commits); nothing
    when a send with its key is already stored."""
    submission, valid = prepared.submission, prepared.valid
    if prepared.send_key is not None and not _claim_send_key(
        session, prepared.send_key, submission.service_date
    ):
        return SubmitResult(
            None, tuple(prepared.concerns), valid.truncated, prepared.confident, True
        )
    session.add(submission)
    session.flush()
    rollups.add_submission(
        session,
        service_date=submission.service_date,
        site_id=submission.site_id,
        rating=submission.rating,
        assisted=submission.assisted,
        provision_ids=valid.provision_ids,
        slot_pairs=valid.slot_pairs,
        answers=prepared.readings,
        service_ids=valid.service_ids,
    )
    return SubmitResult(
        submission.id, tuple(prepared.concerns), valid.truncated, prepared.confident
    )


def is_send_key(value: object) -> bool:
    """Whether value has the shape of a key new_send_key() makes."""
    return isinstance(value, str) and _SEND_KEY.match(value) is not None


def new_send_key() -> str:
    """A fresh idempotency key for one kiosk form: random, no time or order in it."""
    return secrets.token_urlsafe(24)


def _claim_send_key(session: Session, key: str, service_date: dt.date) -> bool:
    """Insert key in session's transaction; False when it is already there.

    Inserted before her submission: a second send with the same key racing this one waits
    on the key (PostgreSQL's unique index; SQLite's write lock) until this transaction ends,
    then finds it and stores nothing; if this one rolled back, the second stores her answer.
    """
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(SendKey)
        .values(key=key, service_date=service_date)
        .on_conflict_do_nothing(index_elements=[SendKey.key])
        .returning(SendKey.key)
    )
    # RETURNING, not rowcount: psycopg's rowcount here is -1.
    return session.execute(statement).scalar() is not None


def clear_send_keys(session: Session, before: dt.date) -> int:
    """Forget the idempotency keys of service dates before `before` (the caller commits).

    Run when a service day closes (SPEC §2.1): the daily job and `db.manage close-day`.
    Returns how many keys went.
    """
    result = session.execute(delete(SendKey).where(SendKey.service_date < before))
    return result.rowcount or 0


def add_submission(
    session: Session, form: FeedbackForm, framework: Framework | None = None
) -> SubmitResult:
    """Validate, analyse and add one submission to session (the caller commits)."""
    return _store(session, _prepare(session, form, framework))


def submit_feedback(
    form: FeedbackForm, url: str | None = None, framework: Framework | None = None
) -> SubmitResult:
    """Store one kiosk submission; SubmissionError on any DB error.

    On SQLite, what only reads (the catalogue, the keywords, the open consultations) and the
    analysis happen before the write transaction: SQLite lets one writer in at a time and
    every other tablet's send waits while the lock is held, so it is held only for the
    inserts (eight writers at once: 16 s for 2,000 sends, was 21 s), after checking that the
    keywords and consultations it read still hold. PostgreSQL locks rows,
    not the database, and one transaction is cheaper there (15 ms a send, against 18 ms).

    The write is a send_session: bounded at db.timeouts.SEND_SECONDS, so a stalled database
    ends in SubmissionError (the kiosk's Sorry) in time. form.send_key makes it idempotent.
    """
    try:
        if is_sqlite(url or database_url()):
            with read_session(url) as session:
                prepared = _prepare(session, form, framework)
            with send_session(url) as session:
                return _store_if_current(session, form, framework, prepared)
        with send_session(url) as session:
            return add_submission(session, form, framework)
    except SQLAlchemyError as exc:
        # The driver's message can quote the statement's parameters: log the type only.
        log.error("Storing a submission failed: %s", type(exc).__name__)
        raise SubmissionError("The submission could not be stored.") from None
