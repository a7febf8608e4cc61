"""The safeguarding digest: an e-mail at fixed times saying how many comments wait (SPEC §2.5).

Co-ordinators and admins who opt in get, at the times an admin sets (say 09:00 and
17:00), "3 comments are waiting for safeguarding review", a line when any has waited more
than a set number of days since its service date, and the sign-in link: never her words,
her site, a category or a date, so the mail cannot date her comment. Nothing is sent when
nothing waits.

Sending happens only in `python -m db.manage send-digests` (a timer runs it every five
minutes; docs/deployment.md), never in anyone's request: a mail server that is down or
hangs cannot slow or lose a kiosk send. Each run queues the latest passed slot once (one
outbox row per slot and recipient, unique, so several processes can never queue it twice),
then each process claims a row before sending it (a conditional UPDATE, with SKIP LOCKED on
PostgreSQL), so a digest is sent once. A failed send is retried with growing waits and
given up after MAX_ATTEMPTS; every send, failure and give-up is in the audit log, with the
error's type and SMTP code only. A process that died mid-send leaves its row "sending"; after
STALE_CLAIM another process takes it again (the one case a digest may go twice).

The SMTP settings are stored like other settings, except the password: it is read from
LANTERN_SMTP_PASSWORD in the environment when mail is sent, and never written anywhere.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import smtplib
import ssl
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.orm import Session

from db import audit, config, review_queue, settings
from db.models import DigestMail, Setting, User
from db.service_day import service_date_now
from db.session import read_session, write_session

PASSWORD_VARIABLE = "LANTERN_SMTP_PASSWORD"  # noqa: S105 (the name of a variable, not a password)
SECURITY = {
    "starttls": "STARTTLS (usually port 587)",
    "tls": "TLS from the start (usually port 465)",
    "none": "None (only for a mail relay on this server)",
}
DIGEST_ROLES = ("admin", "coordinator")  # the roles that see the review queue
DEFAULT_TIMES = (dt.time(9, 0), dt.time(17, 0))
DEFAULT_ESCALATION_DAYS = 7
MAX_ESCALATION_DAYS = 90
DEFAULT_PORT = 587
MAX_TIMES = 12
MAX_ADDRESS_CHARS = 254
REVIEW_PATH = "/staff"  # staff sign in here; the sidebar then shows "Safeguarding review · N"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")

SMTP_TIMEOUT_SECONDS = 20.0  # each connect, read and write to the mail server
STALE_CLAIM = dt.timedelta(minutes=10)  # a row "sending" this long is taken again
BACKOFF = (
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=15),
    dt.timedelta(hours=1),
    dt.timedelta(hours=3),
)  # the wait after each failed attempt; one more failure after the last gives up
MAX_ATTEMPTS = len(BACKOFF) + 1
KEEP_FINISHED = dt.timedelta(days=30)  # sent, failed and superseded rows are then deleted
MAX_SENDS_PER_RUN = 200

KEYS = {
    "times": "digest_times",
    "escalation_days": "digest_escalation_days",
    "host": "smtp_host",
    "port": "smtp_port",
    "security": "smtp_security",
    "user": "smtp_user",
    "from_address": "smtp_from",
}
LAST_SLOT_KEY = "digest_last_slot"  # the latest slot queued (UTC, ISO): never queued again
QUEUE_LOCK = 0x4C414E54  # PostgreSQL advisory lock key for queueing ("LANT")

_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$", re.ASCII)
_HOST = re.compile(r"^[A-Za-z0-9.:\-]{1,253}$")
_EMAIL = re.compile(r"^[^@\s,;<>()\[\]\"\\]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*$")


class DigestError(ValueError):
    """A digest setting or recipient is not valid; the message names what is wrong."""


@dataclass(frozen=True)
class MailServer:
    """How to reach the mail server (the password is not here: it is in the environment)."""

    host: str
    port: int
    security: str
    user: str
    from_address: str


@dataclass(frozen=True)
class DigestSettings:
    """The digest's times, its escalation threshold and the mail server (None: digest off)."""

    times: tuple[dt.time, ...]
    escalation_days: int
    server: MailServer | None


@dataclass(frozen=True)
class Recipient:
    """An account that may get the digest, as the admin page lists it."""

    user_id: int
    username: str
    role: str
    active: bool
    email: str | None
    opted_in: bool


@dataclass(frozen=True)
class Queued:
    """What one queueing run did: the slot (UTC) it queued, if any, and how many mails."""

    slot: dt.datetime | None
    mails: int
    waiting: int


@dataclass
class SendReport:
    """What one sending run did."""

    sent: int = 0
    retrying: int = 0
    given_up: int = 0
    unreachable: str | None = None  # the server error that ended the run early, if any
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Status:
    """The outbox at a glance, for the admin page."""

    last_slot: dt.datetime | None
    pending: int
    last_sent_at: dt.datetime | None
    last_error: str | None


# --- Checking what an admin types --------------------------------------------------------


def _has_control_characters(value: str) -> bool:
    """True when value holds a control or invisible formatting character."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in value)


def _shown(value: str) -> str:
    """A typed value, quoted in an error message (cut short, invisible characters dropped)."""
    visible = "".join(ch for ch in value if not _has_control_characters(ch))
    return repr(visible[:40] + ("…" if len(visible) > 40 else ""))


def parse_time(text: str) -> dt.time:
    """One digest time from "HH:MM" (24-hour clock)."""
    match = _TIME.match(text.strip())
    if not match:
        raise DigestError(
            f"{_shown(text.strip())} is not a time: please write times as HH:MM on the "
            "24-hour clock, for example 09:00 or 17:30."
        )
    return dt.time(int(match[1]), int(match[2]))


def parse_times(text: str) -> tuple[dt.time, ...]:
    """Digest times from "09:00, 17:00": sorted, each once; at least one, at most MAX_TIMES."""
    parts = [p for p in re.split(r"[,;\s]+", text or "") if p]
    if not parts:
        raise DigestError("Please give at least one time, for example 09:00.")
    times = tuple(sorted({parse_time(p) for p in parts}))
    if len(times) > MAX_TIMES:
        raise DigestError(f"Please give at most {MAX_TIMES} times a day.")
    return times


def format_times(times: Sequence[dt.time]) -> str:
    """Times as an admin types them: "09:00, 17:00"."""
    return ", ".join(f"{t:%H:%M}" for t in times)


def email_problem(address: str) -> str | None:
    """Why address is not a plain e-mail address, or None."""
    address = (address or "").strip()
    if not address:
        return "Please enter an e-mail address."
    if len(address) > MAX_ADDRESS_CHARS or _has_control_characters(address):
        return f"{_shown(address)} is not an e-mail address."
    if not _EMAIL.match(address):
        return f"{_shown(address)} is not an e-mail address: it should look like name@example.org."
    return None


def _escalation_days(value: object) -> int:
    """The escalation threshold: a whole number of days, 1 to MAX_ESCALATION_DAYS."""
    text = str(value).strip()
    if isinstance(value, bool) or not (text.isascii() and text.isdigit()):
        raise DigestError(f"Escalation after {_shown(text)} days: please give a whole number.")
    days = int(text)
    if not 1 <= days <= MAX_ESCALATION_DAYS:
        raise DigestError(f"Please choose between 1 and {MAX_ESCALATION_DAYS} days.")
    return days


def _port(value: object) -> int:
    """A TCP port, 1 to 65535."""
    text = str(value).strip()
    if isinstance(value, bool) or not (text.isascii() and text.isdigit()):
        raise DigestError(f"The port {_shown(text)} is not a number: usually 587 (or 465).")
    port = int(text)
    if not 1 <= port <= 65535:
        raise DigestError(f"The port {port} is not between 1 and 65535: usually 587 (or 465).")
    return port


def _server(host: str, port: object, security: str, user: str, from_address: str) -> MailServer:
    """A MailServer from what was typed or stored; DigestError naming every problem."""
    problems = []
    host, user, from_address = host.strip(), user.strip(), from_address.strip()
    if not _HOST.match(host):
        problems.append(
            f"The mail server {_shown(host)} is not a host name such as smtp.example.org."
        )
    try:
        number = _port(port)
    except DigestError as exc:
        problems.append(str(exc))
        number = 0
    if security not in SECURITY:
        problems.append("Please choose the connection's security: STARTTLS, TLS or none.")
    if len(user) > MAX_ADDRESS_CHARS or _has_control_characters(user) or " " in user:
        problems.append("The mail server user name has a space or an invisible character in it.")
    elif user and security == "none" and host.lower() not in LOCAL_HOSTS:
        problems.append(
            "A user name needs STARTTLS or TLS: without it the password would cross the "
            "network unencrypted."
        )
    wrong = email_problem(from_address)
    if wrong:
        problems.append(f"From address: {wrong}")
    if problems:
        raise DigestError("\n".join(problems))
    return MailServer(host, number, security, user, from_address)


# --- Settings ----------------------------------------------------------------------------


def _stored(session: Session) -> dict[str, str | None]:
    """The digest's stored settings by field name (None when never set)."""
    query = select(Setting.key, Setting.value).where(Setting.key.in_(KEYS.values()))
    rows = {key: value for key, value in session.execute(query)}
    return {name: rows.get(key) for name, key in KEYS.items()}


def form_values(session: Session) -> dict[str, str]:
    """The stored settings as text for the admin's form (defaults where never set)."""
    stored = _stored(session)
    defaults = {
        "times": format_times(DEFAULT_TIMES),
        "escalation_days": str(DEFAULT_ESCALATION_DAYS),
        "port": str(DEFAULT_PORT),
        "security": "starttls",
    }
    return {name: stored[name] or defaults.get(name, "") for name in KEYS}


def digest_settings(session: Session) -> DigestSettings:
    """The digest's settings; the server is None until an admin sets a mail server.

    DigestError when a stored value is not valid (edited by hand): the command says so.
    """
    stored = _stored(session)
    times = parse_times(stored["times"]) if stored["times"] else DEFAULT_TIMES
    days = stored["escalation_days"]
    escalation = _escalation_days(days) if days else DEFAULT_ESCALATION_DAYS
    server = None
    if stored["host"]:
        server = _server(
            stored["host"],
            stored["port"] or DEFAULT_PORT,
            stored["security"] or "starttls",
            stored["user"] or "",
            stored["from_address"] or "",
        )
    return DigestSettings(times, escalation, server)


def save_settings(
    session: Session,
    *,
    times: str,
    escalation_days: object,
    host: str,
    port: object,
    security: str,
    user: str,
    from_address: str,
    actor: str,
) -> DigestSettings:
    """Check and store the digest's settings (a blank mail server turns the digest off).

    Nothing is stored unless everything is valid; DigestError lists each problem.
    """
    problems = []
    parsed_times: tuple[dt.time, ...] = ()
    parsed_days = DEFAULT_ESCALATION_DAYS
    try:
        parsed_times = parse_times(times)
    except DigestError as exc:
        problems.append(str(exc))
    try:
        parsed_days = _escalation_days(escalation_days)
    except DigestError as exc:
        problems.append(str(exc))
    server = None
    if (host or "").strip():
        try:
            server = _server(host, port, security, user, from_address)
        except DigestError as exc:
            problems.append(str(exc))
    if problems:
        raise DigestError("\n".join(problems))
    values = {
        "times": format_times(parsed_times),
        "escalation_days": str(parsed_days),
        "host": server.host if server else "",
        "port": str(server.port) if server else "",
        "security": server.security if server else "",
        "user": server.user if server else "",
        "from_address": server.from_address if server else "",
    }
    before = _stored(session)
    for name, value in values.items():
        if (before[name] or "") != value:
            settings.set_value(session, KEYS[name], value)
            audit.record(
                session,
                "setting_changed",
                actor=actor,
                target=KEYS[name],
                detail=f"{before[name] or ''} -> {value}"[:1000],
            )
    return DigestSettings(parsed_times, parsed_days, server)


def password() -> str | None:
    """The mail server's password, from the environment only (never stored)."""
    return os.environ.get(PASSWORD_VARIABLE) or None


def _password_for(server: MailServer) -> str | None:
    """The password when the server needs one; DigestError naming the variable when unset."""
    if not server.user:
        return None
    found = password()
    if found is None:
        raise DigestError(
            f"{PASSWORD_VARIABLE} is not set: the mail server user {server.user!r} needs its "
            "password in the environment (it is never stored in the database)."
        )
    return found


# --- Who gets it -------------------------------------------------------------------------


def recipients(session: Session) -> list[Recipient]:
    """Every admin and co-ordinator account, with its address and whether it opted in."""
    rows = session.scalars(select(User).where(User.role.in_(DIGEST_ROLES)).order_by(User.username))
    return [
        Recipient(u.id, u.username, u.role, u.active, u.email, bool(u.digest_opt_in)) for u in rows
    ]


def set_recipient(
    session: Session, user_id: int, email: str, opted_in: bool, *, actor: str
) -> Recipient:
    """Set an account's e-mail address and whether it gets the digest (audit-logged)."""
    user = session.get(User, user_id)
    if user is None:
        raise DigestError("No such account.")
    if user.role not in DIGEST_ROLES:
        raise DigestError(
            "Only admins and co-ordinators get the digest: they are the ones who see the "
            "review queue."
        )
    email = (email or "").strip()
    if email:
        wrong = email_problem(email)
        if wrong:
            raise DigestError(wrong)
    elif opted_in:
        raise DigestError("Please give an e-mail address to send the digest to.")
    user.email, user.digest_opt_in = email or None, bool(opted_in)
    audit.record(
        session,
        "digest_recipient_changed",
        actor=actor,
        target=user.username,
        detail=f"email={email or 'none'}; digest={'on' if opted_in else 'off'}",
    )
    return Recipient(user.id, user.username, user.role, user.active, user.email, user.digest_opt_in)


def _addresses(session: Session) -> list[str]:
    """The addresses of active admins and co-ordinators who opted in, each once."""
    found = session.scalars(
        select(User.email)
        .where(
            User.active.is_(True),
            User.role.in_(DIGEST_ROLES),
            User.digest_opt_in.is_(True),
            User.email.is_not(None),
        )
        .distinct()
    )
    return sorted({a.strip().lower() for a in found if a and a.strip()})


# --- When ------------------------------------------------------------------------------


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes; they were stored as UTC."""
    if value is None or value.tzinfo:
        return value
    return value.replace(tzinfo=dt.UTC)


def latest_slot(times: Sequence[dt.time], now: dt.datetime) -> dt.datetime | None:
    """The latest digest time at or before now (UTC), in the service's time zone."""
    zone = config.current().timezone
    local = now.astimezone(zone)
    passed = [
        slot.astimezone(dt.UTC)
        for day in (local.date() - dt.timedelta(days=1), local.date())
        for time in times
        if (slot := dt.datetime.combine(day, time, tzinfo=zone)) <= local
    ]
    return max(passed, default=None)


def last_slot(session: Session) -> dt.datetime | None:
    """The latest slot already queued, or None."""
    stored = settings.get_value(session, LAST_SLOT_KEY)
    try:
        return dt.datetime.fromisoformat(stored) if stored else None
    except ValueError:
        return None


def due_slot(session: Session, now: dt.datetime | None = None) -> dt.datetime | None:
    """The slot to queue now: the latest passed digest time not yet queued, or None.

    Only the latest: after a stop of a day, one digest with today's counts goes, not one
    for every time missed.
    """
    now = now or audit.utcnow()
    slot = latest_slot(digest_settings(session).times, now)
    done = last_slot(session)
    if slot is None or (done is not None and slot <= done):
        return None
    return slot


def slot_label(slot: dt.datetime) -> str:
    """A slot in the service's time zone, as the audit log and the admin page show it."""
    return f"{slot.astimezone(config.current().timezone):%Y-%m-%d %H:%M}"


# --- What it says ------------------------------------------------------------------------


def _comments(count: int) -> str:
    return f"{count} comment{'s' if count != 1 else ''}"


def compose(waiting: int, escalated: int, days: int, link: str) -> tuple[str, str]:
    """The subject and body of a digest: counts and the link, nothing of any comment."""
    are = "is" if waiting == 1 else "are"
    if escalated:
        subject = f"Lantern: {_comments(escalated)} waited more than {days} days for review"
    else:
        subject = f"Lantern: {_comments(waiting)} waiting for safeguarding review"
    lines = [f"{_comments(waiting)} {are} waiting for safeguarding review in Lantern."]
    if escalated:
        has = "has" if escalated == 1 else "have"
        lines.append(
            f"{escalated} of them {has} waited more than {days} days since the service date. "
            "Please review them soon."
        )
    lines += [
        "",
        f"Sign in and open Safeguarding review: {link}",
        "",
        "This e-mail never holds a woman's words, her site, or when she wrote: only how many",
        "comments wait. The review queue is not watched around the clock; the tablet tells",
        "a woman at once who she can talk to.",
        "You get this because you chose Lantern's digest; an admin can stop it (Admin, Digest).",
    ]
    return subject, "\n".join(lines) + "\n"


def review_link(session: Session) -> str:
    """Where staff sign in to review: Lantern's address (Admin → Sites) and /staff."""
    return settings.public_url(session) + REVIEW_PATH


# --- Queueing ----------------------------------------------------------------------------


def _insert(session: Session):  # type: ignore[no-untyped-def]
    """INSERT for this database, with ON CONFLICT."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _mark_queued(session: Session, slot: dt.datetime) -> None:
    """Remember slot as queued (only ever forwards, even when two processes race)."""
    insert = _insert(session)
    value = slot.astimezone(dt.UTC).isoformat()
    statement = insert(Setting).values(key=LAST_SLOT_KEY, value=value)
    later = func.max(statement.excluded.value, Setting.value)
    if session.get_bind().dialect.name == "postgresql":
        later = func.greatest(statement.excluded.value, Setting.value)
    session.execute(
        statement.on_conflict_do_update(index_elements=[Setting.key], set_={"value": later})
    )


def queue_digests(session: Session, now: dt.datetime | None = None) -> Queued:
    """Queue the due slot's digest for every opted-in address (once, whoever else runs).

    Nothing is queued while the digest is off (no mail server), and no mail when nothing
    waits; the slot is remembered either way. A digest still waiting for an address from an
    earlier slot is superseded: the new one has the counts as they are now.
    """
    now = now or audit.utcnow()
    if session.get_bind().dialect.name == "postgresql":
        # One queueing transaction at a time, so the next reads the slot this one marks
        # (SQLite's writers are one at a time already: BEGIN IMMEDIATE, db/session.py).
        session.execute(select(func.pg_advisory_xact_lock(QUEUE_LOCK)))
    chosen = digest_settings(session)
    if chosen.server is None:
        return Queued(None, 0, 0)
    slot = due_slot(session, now)
    if slot is None:
        return Queued(None, 0, 0)
    waiting = review_queue.waiting_count(session)
    addresses = _addresses(session) if waiting else []
    queued = 0
    if addresses:
        days = chosen.escalation_days
        late = review_queue.waiting_longer_than(session, days, service_date_now(now))
        subject, body = compose(waiting, late, days, review_link(session))
        insert = _insert(session)
        for address in addresses:
            result = session.execute(
                insert(DigestMail)
                .values(
                    slot_at=slot,
                    recipient=address,
                    subject=subject,
                    body=body,
                    status="pending",
                    attempts=0,
                    next_try_at=slot,
                )
                .on_conflict_do_nothing(index_elements=[DigestMail.slot_at, DigestMail.recipient])
                .returning(DigestMail.id)
            )
            queued += len(result.all())  # nothing comes back when it was already queued
        session.execute(
            update(DigestMail)
            .where(
                DigestMail.status == "pending",
                DigestMail.recipient.in_(addresses),
                DigestMail.slot_at < slot,
            )
            .values(status="superseded")
            .execution_options(synchronize_session=False)
        )
    _mark_queued(session, slot)
    audit.record(
        session,
        "digest_queued",
        actor="system",
        target=f"digest {slot_label(slot)}",
        detail=f"mails={queued}; waiting={waiting}",
        at=now,
    )
    return Queued(slot, queued, waiting)


def purge_finished(session: Session, now: dt.datetime | None = None) -> int:
    """Delete sent, failed and superseded digests older than KEEP_FINISHED."""
    now = now or audit.utcnow()
    result = session.execute(
        delete(DigestMail).where(
            DigestMail.status.in_(("sent", "failed", "superseded")),
            DigestMail.slot_at < now - KEEP_FINISHED,
        )
    )
    return result.rowcount or 0


# --- Sending -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Claimed:
    """A row this process claimed: it alone sends it."""

    id: int
    claim: str
    recipient: str
    subject: str
    body: str
    slot_at: dt.datetime
    attempts: int


def _claimable(now: dt.datetime):  # type: ignore[no-untyped-def]
    """Rows due now: pending and due, or left "sending" by a process that died."""
    return or_(
        and_(DigestMail.status == "pending", DigestMail.next_try_at <= now),
        and_(DigestMail.status == "sending", DigestMail.claimed_at < now - STALE_CLAIM),
    )


def _claim(url: str | None, now: dt.datetime) -> _Claimed | None:
    """Claim one due row in a short transaction of its own; None when none is left."""
    with write_session(url) as session:
        query = (
            select(DigestMail.id)
            .where(_claimable(now))
            .order_by(DigestMail.next_try_at, DigestMail.id)
            .limit(1)
        )
        if session.get_bind().dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        row_id = session.scalar(query)
        if row_id is None:
            return None
        token = secrets.token_hex(16)
        result = session.execute(
            update(DigestMail)
            .where(DigestMail.id == row_id, _claimable(now))
            .values(status="sending", claim=token, claimed_at=now, attempts=DigestMail.attempts + 1)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # another process took it between the two statements
            return _Claimed(row_id, "", "", "", "", now, 0)
        row = session.execute(
            select(
                DigestMail.recipient,
                DigestMail.subject,
                DigestMail.body,
                DigestMail.slot_at,
                DigestMail.attempts,
            ).where(DigestMail.id == row_id)
        ).one()
        slot = _utc(row.slot_at)
        assert slot is not None
        return _Claimed(row_id, token, row.recipient, row.subject, row.body, slot, row.attempts)


def _message(server: MailServer, to: str, subject: str, body: str) -> EmailMessage:
    """A plain-text e-mail from the digest's sender."""
    message = EmailMessage()
    message["From"] = server.from_address
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=server.from_address.rpartition("@")[2])
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(body)
    return message


def deliver(
    server: MailServer,
    message: EmailMessage,
    *,
    secret: str | None = None,
    timeout: float = SMTP_TIMEOUT_SECONDS,
) -> None:
    """Send one message through the mail server (STARTTLS, TLS or plain, as set)."""
    context = ssl.create_default_context()
    if server.security == "tls":
        client: smtplib.SMTP = smtplib.SMTP_SSL(
            server.host, server.port, timeout=timeout, context=context
        )
    else:
        client = smtplib.SMTP(server.host, server.port, timeout=timeout)
    with client:
        client.ehlo()
        if server.security == "starttls":
            client.starttls(context=context)
            client.ehlo()
        if server.user:
            client.login(server.user, secret or "")
        client.send_message(message)


def error_label(exc: BaseException) -> str:
    """An error's type and SMTP code, never its text (which may echo an address or more)."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in exc.recipients.values()})
        return f"{name} {'/'.join(str(c) for c in codes)}".strip()
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{name} {exc.smtp_code}"
    return name


def _permanent(exc: BaseException) -> bool:
    """A refusal that will not change on retrying: the address does not exist (5xx)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    return False


def _finish(
    url: str | None, claimed: _Claimed, now: dt.datetime, error: BaseException | None
) -> str:
    """Record a send's outcome on the row this process claimed; audit it. Returns the status."""
    with write_session(url) as session:
        row = session.get(DigestMail, claimed.id)
        if row is None or row.claim != claimed.claim or row.status != "sending":
            return "lost"  # taken again after STALE_CLAIM; the other process records it
        target = f"digest to {claimed.recipient}"
        detail = f"slot={slot_label(claimed.slot_at)}; attempt={claimed.attempts}"
        row.claim, row.claimed_at = None, None
        if error is None:
            row.status, row.sent_at, row.last_error = "sent", now, None
            audit.record(
                session, "digest_sent", actor="system", target=target, detail=detail, at=now
            )
            return "sent"
        label = error_label(error)
        row.last_error = label[:80]
        if _permanent(error) or claimed.attempts >= MAX_ATTEMPTS:
            row.status = "failed"
            audit.record(
                session,
                "digest_failed",
                actor="system",
                target=target,
                detail=f"{detail}; error={label}; given up",
                at=now,
            )
            return "failed"
        row.status = "pending"
        row.next_try_at = now + BACKOFF[claimed.attempts - 1]
        audit.record(
            session,
            "digest_attempt_failed",
            actor="system",
            target=target,
            detail=f"{detail}; error={label}; next try {row.next_try_at:%Y-%m-%d %H:%M} UTC",
            at=now,
        )
        return "pending"


def send_pending(
    now: dt.datetime | None = None,
    *,
    url: str | None = None,
    timeout: float = SMTP_TIMEOUT_SECONDS,
) -> SendReport:
    """Send every due digest, one claimed row at a time, outside any request.

    A failure that is the server's (refused, unreachable, timed out, login refused) ends the
    run: the rest wait for the next one. DigestError when the settings are not valid.
    """
    report = SendReport()
    with read_session(url) as session:
        server = digest_settings(session).server
    if server is None:
        return report
    secret = _password_for(server)
    for _ in range(MAX_SENDS_PER_RUN):
        at = now or audit.utcnow()
        claimed = _claim(url, at)
        if claimed is None:
            break
        if not claimed.claim:
            continue
        message = _message(server, claimed.recipient, claimed.subject, claimed.body)
        error: BaseException | None = None
        try:
            deliver(server, message, secret=secret, timeout=timeout)
        except (smtplib.SMTPException, OSError) as exc:  # OSError: refused, timeout, TLS
            error = exc
        outcome = _finish(url, claimed, now or audit.utcnow(), error)
        if outcome == "sent":
            report.sent += 1
        elif outcome == "pending":
            report.retrying += 1
        elif outcome == "failed":
            report.given_up += 1
        if error is not None:
            report.errors.append(error_label(error))
            if not isinstance(error, smtplib.SMTPRecipientsRefused):
                report.unreachable = error_label(error)
                break
    return report


@dataclass(frozen=True)
class RunReport:
    """One `send-digests` run: what was queued, sent and purged."""

    queued: Queued
    sent: SendReport
    purged: int
    off: bool


def run(
    now: dt.datetime | None = None,
    *,
    url: str | None = None,
    timeout: float = SMTP_TIMEOUT_SECONDS,
) -> RunReport:
    """Queue the due slot, send what is due, delete old finished rows (the timer's job)."""
    with write_session(url) as session:
        server = digest_settings(session).server
        if server is not None:
            _password_for(server)  # a missing password is a setting error, before anything
        queued = queue_digests(session, now)
        purged = purge_finished(session, now)
    sent = send_pending(now, url=url, timeout=timeout)
    return RunReport(queued, sent, purged, server is None)


def send_test(
    to: str | None,
    *,
    actor: str,
    url: str | None = None,
    timeout: float = SMTP_TIMEOUT_SECONDS,
) -> str | None:
    """Send a test e-mail to `to` at once; None when the server took it, else why not.

    The reason (for the admin who pressed the button) may quote the server's reply; the
    audit log keeps only the error's type and code.
    """
    if not to:
        return "Your account has no e-mail address: set it under Recipients first."
    with read_session(url) as session:
        server = digest_settings(session).server
        link = review_link(session)
    if server is None:
        return "No mail server is saved yet."
    secret = _password_for(server)
    message = _message(
        server,
        to,
        "Lantern: test e-mail",
        "This is a test from Lantern's safeguarding digest. The mail server works.\n"
        f"Staff sign in at {link}\n",
    )
    try:
        deliver(server, message, secret=secret, timeout=timeout)
    except (smtplib.SMTPException, OSError) as exc:
        reason = f"{error_label(exc)}: {exc}"[:300]
        outcome, detail = "digest_test_failed", f"error={error_label(exc)}"
    else:
        reason, outcome, detail = None, "digest_test_sent", f"host={server.host}"
    with write_session(url) as session:
        audit.record(session, outcome, actor=actor, target=f"test to {to}", detail=detail)
    return reason


def status(session: Session) -> Status:
    """The last slot queued, how many mails wait, the last sent and the last error."""
    pending = session.scalar(
        select(func.count())
        .select_from(DigestMail)
        .where(DigestMail.status.in_(("pending", "sending")))
    )
    sent = session.scalar(select(func.max(DigestMail.sent_at)))
    error = session.scalar(
        select(DigestMail.last_error)
        .where(DigestMail.last_error.is_not(None), DigestMail.status != "sent")
        .order_by(DigestMail.slot_at.desc())
        .limit(1)
    )
    return Status(last_slot(session), int(pending or 0), _utc(sent), error)
