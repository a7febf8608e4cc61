"""You said, we did: record what changed, publish it to the tablet, archive it (SPEC §5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.orm import Session, selectinload

from analysis.text import clean_staff_text
from db import audit
from db import themes as db_themes
from db.comments import QUESTION_LABELS
from db.dashboard import period_start
from db.models import (
    Action,
    ActionComment,
    ActionProvision,
    ActionSlot,
    ActionTheme,
    Answer,
    AnswerConcern,
    CommentReview,
    Consultation,
    Provision,
    Submission,
    TimeSlot,
)

MAX_TITLE_CHARS = 120
MAX_DESCRIPTION_CHARS = 2000
MAX_COMMENTS = 5
KIOSK_ENTRIES = 3
STATUSES = ("draft", "published", "archived")


class ActionError(ValueError):
    """An action could not be saved or changed; the message says what to fix."""


@dataclass(frozen=True)
class ActionDraft:
    """What a co-ordinator typed and chose for one action (slugs and answer ids)."""

    title: str
    changed_on: dt.date
    description: str = ""
    themes: Sequence[str] = ()
    provisions: Sequence[str] = ()
    slots: Sequence[str] = ()
    comments: Sequence[int] = ()
    consultation: int | None = None  # the consultation this change answers


@dataclass(frozen=True)
class ActionRow:
    """One action as plain values, for staff."""

    id: int
    title: str
    description: str
    changed_on: dt.date
    status: str
    themes: tuple[str, ...]
    provisions: tuple[str, ...]
    slots: tuple[str, ...]
    comments: tuple[int, ...]
    created_by: str
    created_at: dt.datetime
    published_at: dt.datetime | None
    archived_at: dt.datetime | None
    consultation_id: int | None = None


@dataclass(frozen=True)
class PublicEntry:
    """A published action as the tablet and the public board show it: no staff detail."""

    title: str
    changed_on: dt.date
    about: tuple[str, ...]
    quotes: tuple[str, ...]
    id: int = 0  # names its title's translations (db/translations.py)


@dataclass(frozen=True)
class ReviewedComment:
    """A comment a co-ordinator has reviewed, which an action may link to."""

    id: int
    service_date: dt.date
    question: str
    text: str
    publishable: bool


@dataclass(frozen=True)
class LinkOptions:
    """What an action can be linked to: slug -> label, in display order."""

    themes: dict[str, str]
    provisions: dict[str, str]
    slots: dict[str, str]
    consultations: dict[int, str] = field(default_factory=dict)  # id -> question

    def labels(self, row: ActionRow) -> tuple[str, ...]:
        """The labels of the themes, provisions and times an action is linked to."""
        return (
            *(self.themes.get(s, s) for s in row.themes),
            *(self.provisions.get(s, s) for s in row.provisions),
            *(self.slots.get(s, s) for s in row.slots),
        )

    def prompted_by(self, row: ActionRow) -> tuple[str, ...]:
        """Everything behind an action, for staff and the forum pack: links and consultation."""
        asked = self.consultations.get(row.consultation_id) if row.consultation_id else None
        return (*self.labels(row), *([f"Consultation: {asked}"] if asked else []))


def link_options(session: Session, include_retired: bool = False) -> LinkOptions:
    """Themes, provisions and time slots by slug, for choosing and for naming links."""

    def rows(model: type[Provision] | type[TimeSlot]) -> dict[str, str]:
        query = select(model.slug, model.label).order_by(model.sort_order, model.id)
        if not include_retired:
            query = query.where(model.active.is_(True))
        return dict(session.execute(query).all())

    themes = {
        t.slug: t.label for t in db_themes.list_themes(session) if include_retired or t.active
    }
    asked = dict(
        session.execute(
            select(Consultation.id, Consultation.question)
            .where(Consultation.status != "draft")
            .order_by(Consultation.starts_on.desc(), Consultation.id.desc())
        ).all()
    )
    return LinkOptions(themes, rows(Provision), rows(TimeSlot), asked)


def _as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    if value is None or value.tzinfo:
        return value
    return value.replace(tzinfo=dt.UTC)


def _row(action: Action, provisions: dict[int, str], slots: dict[int, str]) -> ActionRow:
    """An ORM action (relationships loaded) as plain values."""
    return ActionRow(
        id=action.id,
        title=action.title,
        description=action.description,
        changed_on=action.changed_on,
        status=action.status,
        themes=tuple(sorted(t.theme for t in action.themes)),
        provisions=tuple(sorted(provisions[p.provision_id] for p in action.provisions)),
        slots=tuple(sorted(slots[s.slot_id] for s in action.slots)),
        comments=tuple(sorted(c.answer_id for c in action.comments)),
        created_by=action.created_by,
        created_at=_as_utc(action.created_at),  # type: ignore[arg-type]
        published_at=_as_utc(action.published_at),
        archived_at=_as_utc(action.archived_at),
        consultation_id=action.consultation_id,
    )


def _slug_maps(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    """Provision and slot id -> slug, including retired ones."""
    provisions = dict(session.execute(select(Provision.id, Provision.slug)).all())
    slots = dict(session.execute(select(TimeSlot.id, TimeSlot.slug)).all())
    return provisions, slots


def _query():  # type: ignore[no-untyped-def]
    """Actions with everything they link to, loaded in a few queries."""
    return select(Action).options(
        selectinload(Action.themes),
        selectinload(Action.provisions),
        selectinload(Action.slots),
        selectinload(Action.comments),
    )


def get_action(session: Session, action_id: int) -> ActionRow | None:
    """One action, or None."""
    action = session.scalar(_query().where(Action.id == action_id))
    return None if action is None else _row(action, *_slug_maps(session))


def list_actions(
    session: Session,
    *,
    status: str | None = None,
    theme: str | None = None,
    provision: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    consultation: int | None = None,
) -> list[ActionRow]:
    """Actions newest change first, filtered by status, link and date of the change."""
    query = _query().order_by(Action.changed_on.desc(), Action.id.desc())
    if status:
        query = query.where(Action.status == status)
    if consultation is not None:
        query = query.where(Action.consultation_id == consultation)
    if theme:
        query = query.where(
            Action.id.in_(select(ActionTheme.action_id).where(ActionTheme.theme == theme))
        )
    if provision:
        query = query.where(
            Action.id.in_(
                select(ActionProvision.action_id)
                .join(Provision, Provision.id == ActionProvision.provision_id)
                .where(Provision.slug == provision)
            )
        )
    if start:
        query = query.where(Action.changed_on >= start)
    if end:
        query = query.where(Action.changed_on <= end)
    maps = _slug_maps(session)
    return [_row(a, *maps) for a in session.scalars(query)]


def taken_between(session: Session, start: dt.date, end: dt.date) -> list[ActionRow]:
    """Actions published (or since archived) whose change falls in [start, end], oldest first."""
    rows = list_actions(session, start=start, end=end)
    return sorted((r for r in rows if r.status != "draft"), key=lambda r: (r.changed_on, r.id))


def no_concern() -> ColumnElement[bool]:
    """True for an answer with no safeguarding concern read in it.

    Only such an answer may be linked to a change or quoted anywhere (the board, the forum
    pack): a woman's words about danger are for the review queue, never for publicity.
    """
    return ~exists().where(AnswerConcern.answer_id == Answer.id).correlate(Answer)


def reviewed_comments(
    session: Session, limit: int = 30, only: Sequence[int] | None = None
) -> list[ReviewedComment]:
    """Reviewed comments with no concern that still have their words, newest first.

    These are the comments a change may link to. `only` restricts them to these answer ids
    (the comments an action already links to).
    """
    query = (
        select(
            Answer.id,
            Submission.service_date,
            Answer.question,
            Answer.text,
            CommentReview.publishable,
        )
        .join(CommentReview, CommentReview.answer_id == Answer.id)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(Answer.text.is_not(None), no_concern())
        # Newest month first, then the random id: the list never puts the nights in order
        # (the page shows each comment's month, not its night: SPEC §2.6).
        .order_by(period_start(session, Submission.service_date, "month").desc(), Answer.id.desc())
        .limit(limit)
    )
    if only is not None:
        query = query.where(Answer.id.in_(list(only)))
    rows = session.execute(query).all()
    return [
        ReviewedComment(a, day, QUESTION_LABELS.get(q, q), text or "", bool(publishable))
        for a, day, q, text, publishable in rows
    ]


def _clean(session: Session, draft: ActionDraft) -> tuple[str, str, LinkOptions]:
    """Check a draft; ActionError says what to fix."""
    # Cleaned as her words are: no control characters (a NUL is a database error on
    # PostgreSQL), no bidi overrides that would reorder the words on the tablet.
    title = clean_staff_text(draft.title)  # one line on the tablet
    if not title:
        raise ActionError("Please say in a few words what changed.")
    if len(title) > MAX_TITLE_CHARS:
        raise ActionError(
            f"Please keep what changed to {MAX_TITLE_CHARS} characters or fewer "
            f"(it is {len(title)}); the longer story can go in the description."
        )
    description = clean_staff_text(draft.description, multiline=True)
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise ActionError(f"Please keep the description to {MAX_DESCRIPTION_CHARS} characters.")
    if not isinstance(draft.changed_on, dt.date):
        raise ActionError("Please give the date the change happened.")
    options = link_options(session, include_retired=True)
    for chosen, known, what in (
        (draft.themes, options.themes, "theme"),
        (draft.provisions, options.provisions, "provision"),
        (draft.slots, options.slots, "time slot"),
    ):
        unknown = sorted(set(chosen) - set(known))
        if unknown:
            raise ActionError(f"Unknown {what}: {', '.join(unknown)}.")
    if draft.consultation is not None:
        status = session.scalar(
            select(Consultation.status).where(Consultation.id == draft.consultation)
        )
        if status is None:
            raise ActionError("That consultation no longer exists.")
        if status == "draft":
            raise ActionError("A change can answer a consultation only once it has been asked.")
    comments = set(draft.comments)
    if len(comments) > MAX_COMMENTS:
        raise ActionError(f"Please link at most {MAX_COMMENTS} comments.")
    if comments:
        reviewed = set(
            session.scalars(
                select(Answer.id)
                .join(CommentReview, CommentReview.answer_id == Answer.id)
                .where(Answer.id.in_(comments), Answer.text.is_not(None))
            )
        )
        if comments - reviewed:
            raise ActionError("Only comments a co-ordinator has reviewed can be linked.")
        flagged = comments - set(
            session.scalars(select(Answer.id).where(Answer.id.in_(comments), no_concern()))
        )
        if flagged:
            raise ActionError(
                "A comment flagged as a safeguarding concern cannot be linked to a change."
            )
    return title, description, options


def _set_links(session: Session, action: Action, draft: ActionDraft) -> None:
    """Replace an action's links with the draft's."""
    provision_ids = dict(session.execute(select(Provision.slug, Provision.id)).all())
    slot_ids = dict(session.execute(select(TimeSlot.slug, TimeSlot.id)).all())
    action.themes = [ActionTheme(theme=s) for s in sorted(set(draft.themes))]
    action.provisions = [
        ActionProvision(provision_id=provision_ids[s]) for s in sorted(set(draft.provisions))
    ]
    action.slots = [ActionSlot(slot_id=slot_ids[s]) for s in sorted(set(draft.slots))]
    action.comments = [ActionComment(answer_id=a) for a in sorted(set(draft.comments))]
    action.consultation_id = draft.consultation


def create_action(
    session: Session, draft: ActionDraft, *, actor: str, now: dt.datetime | None = None
) -> ActionRow:
    """Record a new action as a draft; audit-logged."""
    title, description, _ = _clean(session, draft)
    now = now or audit.utcnow()
    action = Action(
        title=title,
        description=description,
        changed_on=draft.changed_on,
        status="draft",
        created_by=actor,
        created_at=now,
        updated_at=now,
    )
    session.add(action)
    _set_links(session, action, draft)
    session.flush()
    audit.record(session, "action_created", actor=actor, target=f"action {action.id}", at=now)
    return _row(action, *_slug_maps(session))


def _load(session: Session, action_id: int) -> Action:
    """The action to change, locked against a concurrent change where the database can."""
    query = _query().where(Action.id == action_id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(of=Action)
    action = session.scalar(query)
    if action is None:
        raise ActionError("That action no longer exists.")
    return action


def update_action(
    session: Session,
    action_id: int,
    draft: ActionDraft,
    *,
    actor: str,
    now: dt.datetime | None = None,
) -> ActionRow:
    """Change a draft action; published and archived ones are fixed. Audit-logged."""
    action = _load(session, action_id)
    if action.status != "draft":
        raise ActionError(f"Only a draft can be edited; this one is {action.status}.")
    title, description, _ = _clean(session, draft)
    now = now or audit.utcnow()
    action.title, action.description, action.changed_on = title, description, draft.changed_on
    action.updated_at = now
    _set_links(session, action, draft)
    session.flush()
    audit.record(session, "action_updated", actor=actor, target=f"action {action.id}", at=now)
    return _row(action, *_slug_maps(session))


def publish_action(
    session: Session, action_id: int, *, actor: str, now: dt.datetime | None = None
) -> ActionRow:
    """Show a draft on the tablet and the public board; audit-logged."""
    action = _load(session, action_id)
    if action.status != "draft":
        raise ActionError(f"Only a draft can be published; this one is {action.status}.")
    now = now or audit.utcnow()
    action.status, action.published_at, action.updated_at = "published", now, now
    session.flush()
    audit.record(session, "action_published", actor=actor, target=f"action {action.id}", at=now)
    return _row(action, *_slug_maps(session))


def archive_action(
    session: Session, action_id: int, *, actor: str, now: dt.datetime | None = None
) -> ActionRow:
    """Take an action off the tablet and the board (a draft archived is set aside). Audited."""
    action = _load(session, action_id)
    if action.status == "archived":
        raise ActionError("This action is already archived.")
    now = now or audit.utcnow()
    action.status, action.archived_at, action.updated_at = "archived", now, now
    session.flush()
    audit.record(session, "action_archived", actor=actor, target=f"action {action.id}", at=now)
    return _row(action, *_slug_maps(session))


def published_entries(session: Session, limit: int | None = None) -> list[PublicEntry]:
    """Published actions, newest change first, with only what may be shown in public."""
    query = (
        _query()
        .where(Action.status == "published")
        .order_by(Action.changed_on.desc(), Action.published_at.desc(), Action.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    actions = list(session.scalars(query))
    if not actions:
        return []
    options = link_options(session, include_retired=True)
    maps = _slug_maps(session)
    quotes = _publishable_quotes(session, [a.id for a in actions])
    entries = []
    for action in actions:
        row = _row(action, *maps)
        entries.append(
            PublicEntry(
                row.title, row.changed_on, options.labels(row), quotes.get(row.id, ()), row.id
            )
        )
    return entries


def _publishable_quotes(session: Session, action_ids: list[int]) -> dict[int, tuple[str, ...]]:
    """Linked comments that are, right now, marked publishable, with no concern and words."""
    quotes: dict[int, tuple[str, ...]] = {}
    for action_id, text in session.execute(
        select(ActionComment.action_id, Answer.text)
        .join(Answer, Answer.id == ActionComment.answer_id)
        .join(CommentReview, CommentReview.answer_id == Answer.id)
        .where(
            ActionComment.action_id.in_(action_ids),
            CommentReview.publishable.is_(True),
            Answer.text.is_not(None),
            no_concern(),
        )
        .order_by(ActionComment.action_id, Answer.id)
    ):
        quotes[action_id] = (*quotes.get(action_id, ()), text)
    return quotes
