"""Bulk and housekeeping work: loading demo data, purging old text, backups."""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine, func, insert, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from analysis.pipeline import TextAnalysis
from db import audit, consultations, rollups, settings, themes
from db.catalogue import load_catalogue
from db.demo import DEMO_CONSULTATIONS, DemoConsultation, DemoSubmission
from db.models import (
    Answer,
    AnswerConcern,
    AnswerTheme,
    Base,
    Consultation,
    ConsultationChoice,
    ConsultationResponse,
    Submission,
    SubmissionPlace,
    SubmissionProvision,
    SubmissionService,
    SubmissionSlot,
    random_id,
)
from db.private_files import create_private_file, make_private_folder
from db.service_day import service_date_now
from db.session import (
    PROJECT_ROOT,
    database_url,
    get_engine,
    is_sqlite,
    read_session,
    write_session,
)
from db.submissions import CONSULTATION_QUESTION, clear_send_keys
from db.timeouts import CONNECT_TIMEOUT_SECONDS, MAINTENANCE

BATCH_SIZE = 5000
LAST_PURGE_KEY = "last_purge_date"

log = logging.getLogger("lantern.maintenance")


def count_submissions(session: Session) -> int:
    """How many submissions are stored."""
    return session.scalar(select(func.count()).select_from(Submission)) or 0


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
        """Queue one analysed answer of submission `owner`; its (random) id."""
        answer_id = random_id()
        rows["answers"].append(
            {
                "id": answer_id,
                "submission_id": owner,
                "question": question,
                "text": reading.redacted,
                "sentiment_score": reading.sentiment_score,
                "sentiment_label": reading.sentiment_label,
                "analysis_version": stamp,
                "language": reading.language,
                "machine_read": reading.machine_read,
                "concern_confidence": reading.concern_confidence if reading.concerns else None,
            }
        )
        rows["themes"].extend({"answer_id": answer_id, "theme": t} for t in reading.themes)
        rows["concerns"].extend({"answer_id": answer_id, "category": c} for c in reading.concerns)
        return answer_id

    for item in batch:
        submission_id = random_id()
        rows["submissions"].append(
            {
                "id": submission_id,
                "service_date": item.service_date,
                "site_id": site_ids.get(item.site_slug) if item.site_slug else None,
                "rating": item.rating,
                "assisted": item.assisted,
                "language": item.language,
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
                    "id": random_id(),
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
    today = today or service_date_now()  # as the kiosk and the lifecycle count days
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
    """Delete free text older than the retention period; structured answers stay.

    The answer's language goes with its words: a rare one (Tigrinya, say) beside a site and
    a date would otherwise keep pointing at the one woman who wrote it.
    """
    cutoff = retention_cutoff(today or dt.date.today(), settings.retention_months(session))
    old = select(Submission.id).where(Submission.service_date < cutoff)
    result = session.execute(
        update(Answer)
        .where(Answer.submission_id.in_(old), Answer.text.is_not(None))
        .values(text=None, language=None)
    )
    return result.rowcount or 0


def run_purge(session: Session, *, actor: str, today: dt.date | None = None) -> int:
    """Purge old text now, note the day it ran, and audit-log how much went."""
    today = today or dt.date.today()
    months = settings.retention_months(session)
    removed = purge_old_text(session, today)
    settings.set_value(session, LAST_PURGE_KEY, today.isoformat())
    audit.record(
        session,
        "retention_purge",
        actor=actor,
        detail=(
            f"text of {removed} answers from before {retention_cutoff(today, months)} "
            f"removed ({months} months kept)"
        ),
    )
    return removed


# Any fixed number: PostgreSQL advisory locks are keyed by a bigint the app chooses.
_PURGE_LOCK_KEY = 0x4C414E5445524E  # "LANTERN"


def purge_if_due(url: str | None = None, today: dt.date | None = None) -> int | None:
    """The daily retention run: purge unless it already ran today; None when not due.

    The first look is a cheap read, so calling this on every app start costs little.
    Two processes starting together are serialised (SQLite's write lock, a PostgreSQL
    advisory lock) and the second finds the day already done.
    """
    today = today or dt.date.today()
    with read_session(url) as session:
        if settings.last_purge_date(session) == today:
            return None
    with write_session(url, MAINTENANCE) as session:
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PURGE_LOCK_KEY})
        if settings.last_purge_date(session) == today:
            return None
        removed = run_purge(session, actor="system", today=today)
        # Closed service days' send keys go too (SPEC §2.1); today's still guard a Retry.
        clear_send_keys(session, before=service_date_now())
    if removed:
        # The app runs this on the first visit of the day, which may be mid-shift: no table
        # rewrite here (VACUUM FULL locks the table, and every Send would wait behind it).
        # The scheduled `db.manage purge` at a quiet hour rewrites (docs/deployment.md).
        scrub_after_purge(url, rewrite=False)
    return removed


# The tables a purge rewrites rows of: their free space is wiped after it.
PURGED_TABLES = (Answer.__tablename__,)
# A rewrite waits this long for the kiosk's short transactions to let go of the table; if
# it cannot, the plain VACUUM still runs and the next purge tries the rewrite again.
_REWRITE_LOCK_TIMEOUT = "5s"
_SCRUB_STATEMENT_TIMEOUT = "15min"
# VACUUM FULL copies every old row version a running snapshot could still see, so a
# snapshot taken before the purge committed (a backup's pg_dump, a long staff query) would
# carry the purged words into the new file. So would VACUUM FULL's own snapshot, whose
# oldest transaction is the oldest still running anywhere on the server (in any database):
# while a write begun before the purge is open, the rewrite keeps the purged rows. The
# rewrite waits this long for both to end; past it, it runs anyway and warns.
_OLD_SNAPSHOT_WAIT_SECONDS = 300.0
_OLD_SNAPSHOT_POLL_SECONDS = 0.25
# Sessions that may still see the rows as they were before the purge (older than the mark):
# a transaction with an id, in any database, or a snapshot in this one. Counts only; no
# query text is read. (A role sees other roles' sessions here only with pg_read_all_stats.)
_OLDER_SNAPSHOTS_SQL = """
SELECT count(*) FROM pg_stat_activity
WHERE pid <> pg_backend_pid()
  AND ((backend_xid IS NOT NULL AND age(backend_xid) > age(CAST(:mark AS xid)))
    OR (datname = current_database() AND backend_xmin IS NOT NULL
        AND age(backend_xmin) > age(CAST(:mark AS xid))))
"""


def scrub_after_purge(url: str | None = None, *, rewrite: bool = True) -> bool:
    """Wipe what a committed purge left on disk where Lantern can reach it; True if all went.

    SQLite overwrites freed space with zeros as it frees it (`secure_delete`, set on every
    connection in db/session.py); this then checkpoints the write-ahead log into the file
    and truncates it, so the old copies of the pages in the -wal go too. On PostgreSQL a
    plain VACUUM only marks dead rows' space reusable (the words stay readable in the table
    file), so the purged tables are rewritten into new files (VACUUM FULL) — unless rewrite
    is False (the app's own daily run, which may come mid-shift), when a plain VACUUM runs
    and False is returned. What stays out of reach (PostgreSQL's WAL, backups, snapshots)
    is in docs/security.md.
    """
    url = url or database_url()
    if is_sqlite(url):
        return _checkpoint_sqlite(url)
    return _vacuum_postgres(url, rewrite)


def _checkpoint_sqlite(url: str) -> bool:
    """PRAGMA wal_checkpoint(TRUNCATE) outside any transaction; False if readers kept it
    from finishing within the busy timeout."""
    raw = get_engine(url).raw_connection()
    try:
        busy, _pages, _done = raw.driver_connection.execute(
            "PRAGMA wal_checkpoint(TRUNCATE)"
        ).fetchone()
    finally:
        raw.close()
    if busy:
        log.warning(
            "The write-ahead log could not be emptied after the purge (the database was "
            "busy); the next purge, or the last connection closing, empties it."
        )
    return not busy


def _vacuum_postgres(url: str, rewrite: bool) -> bool:
    """VACUUM FULL, ANALYZE each purged table on its own AUTOCOMMIT connection (VACUUM
    cannot run in a transaction); a plain VACUUM when the table stays busy or not rewrite."""
    engine = create_engine(url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    rewritten = rewrite
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SET statement_timeout = '{_SCRUB_STATEMENT_TIMEOUT}'")
            if rewrite and not _older_snapshots_ended(conn, _OLD_SNAPSHOT_WAIT_SECONDS):
                rewritten = False
            for table in PURGED_TABLES:
                if not rewrite:
                    conn.exec_driver_sql(f'VACUUM (ANALYZE) "{table}"')
                    continue
                conn.exec_driver_sql(f"SET lock_timeout = '{_REWRITE_LOCK_TIMEOUT}'")
                try:
                    conn.exec_driver_sql(f'VACUUM (FULL, ANALYZE) "{table}"')
                except OperationalError as exc:
                    rewritten = False
                    log.warning(
                        "Could not rewrite %s after the purge (%s); ran a plain VACUUM, "
                        "which leaves purged words in free space until the next purge.",
                        table,
                        type(exc).__name__,
                    )
                    conn.exec_driver_sql("SET lock_timeout = 0")
                    conn.exec_driver_sql(f'VACUUM (ANALYZE) "{table}"')
    finally:
        engine.dispose()
    return rewritten


def _older_snapshots_ended(conn, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    """Wait up to seconds until no other session can still see what was there before the
    purge committed; whether none can (a warning says how many could)."""
    # Every transaction that committed before this snapshot was taken (the purge's did) has
    # an id below its xmax: a session whose own oldest snapshot is below it may see them.
    mark = conn.exec_driver_sql(
        "SELECT CAST(pg_snapshot_xmax(pg_current_snapshot()) AS xid)::text"
    ).scalar()
    deadline = time.monotonic() + seconds
    while True:
        older = conn.execute(text(_OLDER_SNAPSHOTS_SQL), {"mark": mark}).scalar()
        if not older:
            return True
        if time.monotonic() >= deadline:
            log.warning(
                "%d database session(s) began before the purge and were still running "
                "after %.0f s: the purged words they could see stay in the table file "
                "until the next purge.",
                older,
                seconds,
            )
            return False
        time.sleep(_OLD_SNAPSHOT_POLL_SECONDS)


class BackupError(Exception):
    """A backup could not be made; nothing was left at the target path."""


class RestoreError(Exception):
    """A backup could not be restored; the message says why and what to do."""


SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
BACKUP_DOWNLOAD_LIMIT = 200 * 1024 * 1024


def backup(target: Path, url: str | None = None) -> Path:
    """A consistent copy of the database at target, written to target.partial then renamed."""
    url = url or database_url()
    target = Path(target)
    make_private_folder(target.parent)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        create_private_file(partial)  # 0600 before a byte of her words is in it
        if is_sqlite(url):
            _backup_sqlite(url, partial)
        else:
            _backup_postgres(url, partial)
    except Exception:
        partial.unlink(missing_ok=True)
        raise
    os.replace(partial, target)
    return target


def backup_to_folder(folder: Path, url: str | None = None, now: dt.datetime | None = None) -> Path:
    """A backup in folder named by the UTC time, e.g. lantern-20260301T020000Z.db."""
    url = url or database_url()
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    suffix = ".db" if is_sqlite(url) else ".dump"
    folder = Path(folder)
    target = folder / f"lantern-{stamp}{suffix}"
    extra = 1
    while target.exists():  # two backups in one second keep both
        target = folder / f"lantern-{stamp}-{extra}{suffix}"
        extra += 1
    return backup(target, url)


def backup_now(*, actor: str, url: str | None = None) -> Path:
    """Back up into the configured backup folder (admin "Back up now"); audit-logged."""
    with read_session(url) as session:
        folder = settings.backup_dir(session)
    path = backup_to_folder(folder, url)
    with write_session(url) as session:
        audit.record(session, "backup_made", actor=actor, target=path.name, detail=str(path))
    return path


def _sqlite_uri(path: Path, mode: str) -> str:
    """A file: URI for path (percent-encoded, so odd characters in names are safe)."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


def _backup_sqlite(url: str, partial: Path) -> None:
    """SQLite's online backup API: consistent even while the app writes under WAL."""
    engine = get_engine(url)
    source_path = make_url(engine.url).database
    source = sqlite3.connect(_sqlite_uri(Path(source_path), "ro"), uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)  # all pages in one step: one read snapshot
            check = destination.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok":
                raise BackupError(f"integrity_check of the copy said {check!r}")
        finally:
            destination.close()
    finally:
        source.close()


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, and an environment that carries it.

    Keeping the password out of the arguments keeps it out of `ps` on a shared server.
    """
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    # pg_dump and pg_restore set their own statement limits; a server that does not answer
    # fails the backup instead of hanging it (db/timeouts.py).
    env.setdefault("PGCONNECT_TIMEOUT", str(CONNECT_TIMEOUT_SECONDS * 2))
    dsn = parsed.set(drivername="postgresql", password=None)
    return dsn.render_as_string(hide_password=False), env


def _backup_postgres(url: str, partial: Path) -> None:
    """pg_dump in its custom format (restore with pg_restore or `db.manage restore`)."""
    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        raise BackupError("pg_dump is not installed; install the PostgreSQL client tools")
    dsn, env = _libpq(url)
    result = subprocess.run(
        [pg_dump, "--format=custom", "--no-owner", f"--file={partial}", f"--dbname={dsn}"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()[:500]}")


def backup_kind(path: Path) -> str | None:
    """The kind of backup at path, from its first bytes: "sqlite", "pg_dump" or None."""
    with open(path, "rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "pg_dump"
    return None


def restore(source: Path, url: str | None = None, *, actor: str = "cli") -> dict[str, int]:
    """Restore a backup into an EMPTY database (never over data); returns its row counts."""
    url = url or database_url()
    source = Path(source)
    if not source.is_file():
        raise RestoreError(f"there is no backup file at {source}")
    kind = backup_kind(source)
    wanted = "sqlite" if is_sqlite(url) else "pg_dump"
    if kind != wanted:
        described = {
            "sqlite": "a SQLite backup (restore it with a sqlite:/// DATABASE_URL)",
            "pg_dump": "a PostgreSQL pg_dump archive (restore it with a postgresql DATABASE_URL)",
            None: "not a Lantern backup (neither a SQLite file nor a pg_dump archive)",
        }[kind]
        raise RestoreError(f"{source} is {described}")
    if wanted == "sqlite":
        _restore_sqlite(source, url)
    else:
        _restore_postgres(source, url)
    with write_session(url) as session:
        audit.record(session, "backup_restored", actor=actor, target=source.name[:120])
    return table_counts(url)


def _sqlite_target(url: str) -> Path:
    """The file a sqlite:/// URL names (relative paths under the project root)."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise RestoreError("restore needs a SQLite file path in DATABASE_URL")
    path = Path(database)
    return path if path.is_absolute() else PROJECT_ROOT / path


def _restore_sqlite(source: Path, url: str) -> None:
    """Check the target is empty, copy the backup with the backup API, then rename into place."""
    target = _sqlite_target(url)
    if target.exists():
        try:
            with closing(sqlite3.connect(_sqlite_uri(target, "ro"), uri=True)) as conn:
                tables = conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                ).fetchone()[0]
        except sqlite3.DatabaseError:
            raise RestoreError(f"{target} exists and is not an empty database") from None
        if tables:
            raise RestoreError(
                f"the database at {target} already has {tables} tables; restore only into an "
                "empty database (choose a new file name, or move the old file away first)"
            )
    with closing(sqlite3.connect(_sqlite_uri(source, "ro"), uri=True)) as conn:
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            is_lantern = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise RestoreError(f"{source} cannot be read: {exc}") from None
        if check != "ok":
            raise RestoreError(f"{source} is damaged (integrity_check said {check!r})")
        if not is_lantern:
            raise RestoreError(f"{source} is a SQLite file but not a Lantern backup")
        make_private_folder(target.parent)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            create_private_file(partial)  # the live database: 0600, as db/session.py makes it
            with closing(sqlite3.connect(partial)) as destination:
                conn.backup(destination)
                if destination.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                    raise RestoreError("the restored copy failed its integrity check")
        except Exception:
            partial.unlink(missing_ok=True)
            raise
    for leftover in ("-wal", "-shm"):  # belonged to the empty database being replaced
        target.with_name(target.name + leftover).unlink(missing_ok=True)
    os.replace(partial, target)


def _restore_postgres(source: Path, url: str) -> None:
    """Check the target database has no tables, then pg_restore into it in one transaction."""
    pg_restore = shutil.which("pg_restore")
    if not pg_restore:
        raise RestoreError("pg_restore is not installed; install the PostgreSQL client tools")
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            tables = conn.scalar(
                text(
                    "SELECT count(*) FROM pg_catalog.pg_tables "
                    "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
                )
            )
    except OperationalError:
        safe = make_url(url).render_as_string(hide_password=True)
        raise RestoreError(
            f"cannot connect to {safe}; create the empty database first (createdb NAME)"
        ) from None
    finally:
        engine.dispose()
    if tables:
        raise RestoreError(
            f"the target database already has {tables} tables; restore only into an empty "
            "database (createdb a new one and point DATABASE_URL at it)"
        )
    dsn, env = _libpq(url)
    result = subprocess.run(
        [
            pg_restore,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={dsn}",
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    if result.returncode != 0:
        raise RestoreError(f"pg_restore failed: {result.stderr.strip()[:500]}")


def table_counts(url: str | None = None) -> dict[str, int]:
    """Rows in every Lantern table (to compare a restore with its source)."""
    with read_session(url) as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def stored_counts(url: str | None = None) -> dict[str, int]:
    """Row counts of the submission tables (for reports after a restore)."""
    with read_session(url) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Submission, Answer, SubmissionProvision, SubmissionSlot)
        }
