"""Bulk and housekeeping work: loading demo data, purging old text, backups."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from analysis.pipeline import TextAnalysis
from db import consultations, rollups, settings, themes
from db.catalogue import load_catalogue
from db.demo import DEMO_CONSULTATIONS, DemoConsultation, DemoSubmission
from db.models import (
    Answer,
    AnswerConcern,
    AnswerTheme,
    Consultation,
    ConsultationChoice,
    ConsultationResponse,
    Submission,
    SubmissionPlace,
    SubmissionProvision,
    SubmissionService,
    SubmissionSlot,
)
from db.session import database_url, get_engine, is_sqlite, read_session, write_session
from db.submissions import CONSULTATION_QUESTION

BATCH_SIZE = 5000


def count_submissions(session: Session) -> int:
    """How many submissions are stored."""
    return session.scalar(select(func.count()).select_from(Submission)) or 0


def _next_id(session: Session, model: type[Submission] | type[Answer]) -> int:
    """One past the highest id in use."""
    return (session.scalar(select(func.max(model.id))) or 0) + 1


def _insert_batch(session: Session, batch: list[DemoSubmission], stamp: str) -> None:
    """Insert a batch of demo submissions with explicit ids, via executemany."""
    catalogue = load_catalogue(session)
    site_ids = {s.slug: s.id for s in catalogue.sites}
    provision_ids = {p.slug: p.id for p in catalogue.provisions}
    slot_ids = {s.slug: s.id for s in catalogue.slots}
    service_ids = {s.slug: s.id for s in catalogue.services}
    choice_ids = {
        (consultation, position): choice
        for choice, consultation, position in session.execute(
            select(
                ConsultationChoice.id,
                ConsultationChoice.consultation_id,
                ConsultationChoice.position,
            )
        )
    }
    submission_id = _next_id(session, Submission)
    answer_id = _next_id(session, Answer)
    rows: dict[str, list[dict]] = {
        "submissions": [],
        "provisions": [],
        "slots": [],
        "places": [],
        "answers": [],
        "themes": [],
        "concerns": [],
        "services": [],
        "responses": [],
    }

    def add_answer(owner: int, question: str, reading: TextAnalysis) -> int:
        """Queue one analysed answer of submission `owner`; its id."""
        nonlocal answer_id
        rows["answers"].append(
            {
                "id": answer_id,
                "submission_id": owner,
                "question": question,
                "text": reading.redacted,
                "sentiment_score": reading.sentiment_score,
                "sentiment_label": reading.sentiment_label,
                "analysis_version": stamp,
            }
        )
        rows["themes"].extend({"answer_id": answer_id, "theme": t} for t in reading.themes)
        rows["concerns"].extend({"answer_id": answer_id, "category": c} for c in reading.concerns)
        answer_id += 1
        return answer_id - 1

    for item in batch:
        rows["submissions"].append(
            {
                "id": submission_id,
                "service_date": item.service_date,
                "site_id": site_ids.get(item.site_slug) if item.site_slug else None,
                "rating": item.rating,
                "assisted": item.assisted,
                "language": "en",
            }
        )
        rows["provisions"].extend(
            {"submission_id": submission_id, "provision_id": provision_ids[p]}
            for p in item.provisions
        )
        rows["slots"].extend(
            {"submission_id": submission_id, "day": day, "slot_id": slot_ids[slug]}
            for day, slug in item.slots
        )
        rows["places"].extend(
            {"submission_id": submission_id, "site_id": site_ids[p]} for p in item.places
        )
        rows["services"].extend(
            {"submission_id": submission_id, "service_id": service_ids[v]}
            for v in item.services
            if v in service_ids
        )

        for answer in item.answers:
            add_answer(submission_id, answer.question, answer.reading)
        for reply in item.consultation_answers:
            rows["responses"].append(
                {
                    "consultation_id": reply.consultation_id,
                    "submission_id": submission_id,
                    "choice_id": choice_ids.get((reply.consultation_id, reply.choice)),
                    "answer_id": (
                        add_answer(submission_id, CONSULTATION_QUESTION, reply.reading)
                        if reply.reading
                        else None
                    ),
                }
            )
        submission_id += 1
    for model, key in (
        (Submission, "submissions"),
        (SubmissionProvision, "provisions"),
        (SubmissionSlot, "slots"),
        (SubmissionPlace, "places"),
        (Answer, "answers"),
        (AnswerTheme, "themes"),
        (AnswerConcern, "concerns"),
        (SubmissionService, "services"),
        (ConsultationResponse, "responses"),
    ):
        if rows[key]:
            session.execute(insert(model), rows[key])


def _sync_sequences(session: Session) -> None:
    """After explicit ids, move PostgreSQL's id sequences past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in ("submissions", "answers"):  # fixed names, not input
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


def load_demo(
    items: Iterable[DemoSubmission],
    url: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Store demo submissions in batches (one transaction each); returns how many."""
    stored = 0
    batch: list[DemoSubmission] = []

    def flush() -> None:
        nonlocal stored
        with write_session(url) as session:
            _insert_batch(session, batch, themes.current(session).stamp)
            _sync_sequences(session)
        stored += len(batch)
        if progress:
            progress(len(batch))
        batch.clear()

    first = last = None
    for item in items:
        batch.append(item)
        first = min(first or item.service_date, item.service_date)
        last = max(last or item.service_date, item.service_date)
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    if stored:
        with write_session(url) as session:
            rollups.rebuild(session, first, last)
    return stored


def create_demo_consultations(
    url: str | None = None, today: dt.date | None = None
) -> list[DemoConsultation]:
    """The demo's consultations, two closed and one open, unless any consultation exists.

    Made through db.consultations as a co-ordinator would, with back-dated days, so the
    audit log and the statuses read true.
    """
    today = today or dt.date.today()
    made = []
    with write_session(url) as session:
        if session.scalar(select(func.count()).select_from(Consultation)):
            return []
        known_sites = {s.slug for s in load_catalogue(session).sites}
        for spec in DEMO_CONSULTATIONS:
            starts = today - dt.timedelta(days=spec.starts_days_ago)
            ends = today - dt.timedelta(days=spec.ends_days_ago)
            asked_at = dt.datetime.combine(starts - dt.timedelta(days=3), dt.time(10), dt.UTC)
            sites = tuple(s for s in spec.sites if s in known_sites)
            draft = consultations.ConsultationDraft(
                question=spec.question,
                starts_on=starts,
                ends_on=ends,
                kind=spec.kind,
                choices=[consultations.ChoiceDraft(icon, label) for icon, label in spec.choices],
                text_prompt=spec.text_prompt,
                sites=sites,
            )
            row = consultations.create_consultation(session, draft, actor="demo", now=asked_at)
            consultations.open_consultation(
                session, row.id, actor="demo", today=starts, now=asked_at + dt.timedelta(days=1)
            )
            closes = (
                today - dt.timedelta(days=spec.closed_days_ago)
                if spec.closed_days_ago is not None
                else ends
                if ends < today
                else None
            )
            if closes is not None:
                consultations.close_consultation(
                    session,
                    row.id,
                    actor="demo",
                    today=closes,
                    now=dt.datetime.combine(closes, dt.time(17), dt.UTC),
                )
            made.append(DemoConsultation(row.id, starts, min(closes or ends, today), sites, spec))
    return made


def retention_cutoff(today: dt.date, months: int) -> dt.date:
    """The first service date whose free text is still kept."""
    year, month = divmod(today.year * 12 + (today.month - 1) - months, 12)
    day = min(today.day, 28)
    return dt.date(year, month + 1, day)


def purge_old_text(session: Session, today: dt.date | None = None) -> int:
    """Delete free text older than the retention period; structured answers stay."""
    cutoff = retention_cutoff(today or dt.date.today(), settings.retention_months(session))
    old = select(Submission.id).where(Submission.service_date < cutoff)
    result = session.execute(
        update(Answer)
        .where(Answer.submission_id.in_(old), Answer.text.is_not(None))
        .values(text=None)
    )
    return result.rowcount or 0


class BackupError(Exception):
    """A backup could not be made; nothing was left at the target path."""


def backup(target: Path, url: str | None = None) -> Path:
    """A consistent copy of the database at target, written to target.partial then renamed."""
    url = url or database_url()
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        if is_sqlite(url):
            _backup_sqlite(url, partial)
        else:
            _backup_postgres(url, partial)
    except Exception:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def _backup_sqlite(url: str, partial: Path) -> None:
    """SQLite's online backup API: consistent even while the app writes under WAL."""
    engine = get_engine(url)
    source_path = make_url(engine.url).database
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            check = destination.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise BackupError(f"integrity_check of the copy said {check!r}")
        finally:
            destination.close()
    finally:
        source.close()


def _backup_postgres(url: str, partial: Path) -> None:
    """pg_dump in its custom format (restore with pg_restore or `db.manage restore`)."""
    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        raise BackupError("pg_dump is not installed; install the PostgreSQL client tools")
    parsed = make_url(url)
    libpq = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    result = subprocess.run(
        [pg_dump, "--format=custom", "--no-owner", f"--file={partial}", f"--dbname={libpq}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()[:500]}")


def stored_counts(url: str | None = None) -> dict[str, int]:
    """Row counts of the submission tables (for reports after a restore)."""
    with read_session(url) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Submission, Answer, SubmissionProvision, SubmissionSlot)
        }
