"""Staff accounts: Argon2id passwords, lockout, session lifetimes (SPEC §5).

The failure count and lock live in the database, so a new browser session does not
reset them. Every refusal looks the same to the person signing in.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.orm import Session

from db import audit
from db.models import ROLES, AuditEvent, User

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
MAX_FAILURES = 10
FAILURE_WINDOW = dt.timedelta(minutes=5)
LOCKOUT = dt.timedelta(minutes=15)
IDLE_TIMEOUT = dt.timedelta(minutes=15)
ABSOLUTE_TIMEOUT = dt.timedelta(hours=8)
GENERIC_REFUSAL = "That username and password did not work. Please try again."
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{2,59}$")
_hasher = PasswordHasher()  # Argon2id with argon2-cffi's current recommended parameters


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the username is unknown, so refusals take the same time."""
    return _hasher.hash("lantern-timing-equaliser")


@functools.cache
def _common_passwords() -> frozenset[str]:
    """zxcvbn's list of the 30,000 most common passwords (loaded on first use: it is big)."""
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def utcnow() -> dt.datetime:
    """The current time in UTC; tests patch this to move the clock."""
    return audit.utcnow()


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite returns naive datetimes; they were stored as UTC."""
    if value is None or value.tzinfo:
        return value
    return value.replace(tzinfo=dt.UTC)


class AccountError(ValueError):
    """An account could not be created or changed; the message says why, kindly."""


@dataclass(frozen=True)
class StaffUser:
    """A signed-in member of staff, as plain values."""

    id: int
    username: str
    role: str


@dataclass(frozen=True)
class AccountRow:
    """An account as the admin page lists it."""

    id: int
    username: str
    role: str
    active: bool
    locked: bool
    last_sign_in_at: dt.datetime | None


def normalise_username(username: str) -> str:
    """Usernames are case-insensitive and trimmed."""
    return (username or "").strip().casefold()


def username_problem(username: str) -> str | None:
    """Why a username cannot be used, or None."""
    if not _USERNAME.match(normalise_username(username)):
        return (
            "Usernames are 3 to 60 characters: letters, numbers, dots, dashes or underscores, "
            "starting with a letter or number."
        )
    return None


def password_problem(password: str, username: str = "") -> str | None:
    """Why a password cannot be used, or None: length and guessability, no composition rules."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        return f"Please use at least {MIN_PASSWORD_LENGTH} characters — a short phrase works well."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"Please use at most {MAX_PASSWORD_LENGTH} characters."
    lowered = password.casefold()
    if lowered in _common_passwords():
        return "That password is on a list of commonly used passwords. Please choose another."
    name = normalise_username(username)
    if name and len(name) >= 3 and name in lowered:
        return "Please don't include your username in your password."
    from zxcvbn import zxcvbn  # slow to import; only needed when a password is set

    if zxcvbn(password[:100], user_inputs=[name, "lantern"])["score"] < 3:
        return "That password would be easy to guess. Try a longer phrase of unrelated words."
    return None


def hash_password(password: str) -> str:
    """An Argon2id hash of password."""
    return _hasher.hash(password)


def has_users(session: Session) -> bool:
    """True once any staff account exists."""
    return bool(session.scalar(select(func.count()).select_from(User)))


def _lock_users_table(session: Session) -> None:
    """Serialise account creation (SQLite writers already hold the write lock)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE"))


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    *,
    actor: str | None = None,
    now: dt.datetime | None = None,
) -> StaffUser:
    """Create an account after checking username, password and role."""
    name = normalise_username(username)
    if role not in ROLES:
        raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
    problem = username_problem(name) or password_problem(password, name)
    if problem:
        raise AccountError(problem)
    _lock_users_table(session)
    if session.scalar(select(User.id).where(User.username == name)):
        raise AccountError("That username is already taken.")
    user = User(
        username=name,
        password_hash=hash_password(password),
        role=role,
        active=True,
        created_at=now or utcnow(),
        failed_attempts=0,
    )
    session.add(user)
    session.flush()
    audit.record(session, "user_created", actor=actor, target=name, detail=f"role={role}")
    return StaffUser(user.id, user.username, user.role)


def create_first_admin(session: Session, username: str, password: str) -> StaffUser:
    """Create the first admin; refused once any account exists."""
    _lock_users_table(session)
    if has_users(session):
        raise AccountError("An admin account already exists. Please sign in.")
    user = create_user(session, username, password, "admin", actor="first-run")
    audit.record(session, "first_admin_created", actor=user.username, target=user.username)
    return user


# Events after which an account's failures start counting afresh.
_FRESH_START = ("account_locked", "password_reset")


def _failures_in_window(session: Session, username: str, now: dt.datetime) -> int:
    """Failed sign-ins on this account in the last 5 minutes (a rolling window).

    Counted from the append-only audit log, since the account's last successful sign-in,
    lockout or password reset, whichever came last.
    """
    event = AuditEvent
    fresh = session.scalar(
        select(func.max(event.at)).where(
            or_(
                and_(event.action == "sign_in", event.actor == username),
                and_(event.action.in_(_FRESH_START), event.target == username),
            )
        )
    )
    since = now - FAILURE_WINDOW
    if fresh is not None and _utc(fresh) > since:
        since = _utc(fresh)
    return session.scalar(
        select(func.count())
        .select_from(event)
        .where(event.action == "sign_in_failed", event.target == username, event.at > since)
    )


def _register_failure(session: Session, user: User, now: dt.datetime) -> None:
    """Record a failed attempt; lock the account at the 10th within any 5 minutes."""
    audit.record(session, "sign_in_failed", actor=user.username, target=user.username, at=now)
    session.flush()
    count = _failures_in_window(session, user.username, now)
    user.failed_attempts = count
    if user.first_failed_at is None or now - _utc(user.first_failed_at) > FAILURE_WINDOW:
        user.first_failed_at = now
    if count >= MAX_FAILURES:
        user.locked_until = now + LOCKOUT
        user.failed_attempts = 0
        user.first_failed_at = None
        audit.record(
            session,
            "account_locked",
            actor=user.username,
            target=user.username,
            at=now,
            detail=f"{MAX_FAILURES} failed attempts within {FAILURE_WINDOW}",
        )


def authenticate(
    session: Session, username: str, password: str, now: dt.datetime | None = None
) -> StaffUser | None:
    """The user for a correct username and password on an open account, else None."""
    now = now or utcnow()
    name = normalise_username(username)
    query = select(User).where(User.username == name)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    user = session.scalars(query).first()
    if user is None or not user.active:
        _verify(_dummy_hash(), password or "")
        audit.record(
            session,
            "sign_in_failed",
            at=now,
            actor=user.username if user else None,
            detail="disabled account" if user else "unknown username",
        )
        return None
    matched = _verify(user.password_hash, password or "")
    locked_until = _utc(user.locked_until)
    if locked_until and locked_until > now:
        audit.record(session, "sign_in_refused_locked", actor=user.username, at=now)
        return None
    if not matched:
        _register_failure(session, user, now)
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_attempts = 0
    user.first_failed_at = None
    user.locked_until = None
    user.last_sign_in_at = now
    audit.record(session, "sign_in", actor=user.username, at=now)
    return StaffUser(user.id, user.username, user.role)


def _verify(stored: str, password: str) -> bool:
    """True when password matches the stored hash."""
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_session(
    session: Session,
    user_id: int,
    signed_in_at: dt.datetime,
    last_seen: dt.datetime,
    now: dt.datetime | None = None,
) -> tuple[StaffUser | None, str | None]:
    """(user, None) while a sign-in is still good; (None, reason) once it has ended."""
    now = now or utcnow()
    if now - last_seen > IDLE_TIMEOUT:
        return None, "idle"
    if now - signed_in_at > ABSOLUTE_TIMEOUT:
        return None, "expired"
    user = session.get(User, user_id)
    if user is None or not user.active:
        return None, "disabled"
    valid_after = _utc(user.sessions_valid_after)
    if valid_after and signed_in_at < valid_after:
        return None, "signed_out_everywhere"
    return StaffUser(user.id, user.username, user.role), None


def sign_out_everywhere(session: Session, user_id: int, now: dt.datetime | None = None) -> None:
    """End every session of this user, on every device."""
    now = now or utcnow()
    user = session.get(User, user_id)
    if user is not None:
        user.sessions_valid_after = now
        audit.record(session, "signed_out_everywhere", actor=user.username, at=now)


def list_accounts(session: Session, now: dt.datetime | None = None) -> list[AccountRow]:
    """Every account, for the admin page."""
    now = now or utcnow()
    rows = session.scalars(select(User).order_by(User.username))
    return [
        AccountRow(
            u.id,
            u.username,
            u.role,
            u.active,
            bool(_utc(u.locked_until) and _utc(u.locked_until) > now),
            _utc(u.last_sign_in_at),
        )
        for u in rows
    ]


def _account(session: Session, user_id: int) -> User:
    """The account with this id, or AccountError."""
    user = session.get(User, user_id)
    if user is None:
        raise AccountError("No such account.")
    return user


def set_password(session: Session, user_id: int, password: str, *, actor: str) -> None:
    """Set a new password (admin reset or own change); ends the account's other sessions."""
    user = _account(session, user_id)
    problem = password_problem(password, user.username)
    if problem:
        raise AccountError(problem)
    user.password_hash = hash_password(password)
    user.locked_until = None
    user.failed_attempts = 0
    user.sessions_valid_after = utcnow()
    audit.record(session, "password_reset", actor=actor, target=user.username)


def set_role(session: Session, user_id: int, role: str, *, actor: str) -> None:
    """Change an account's role; the last active admin cannot be demoted."""
    if role not in ROLES:
        raise AccountError(f"Role must be one of: {', '.join(ROLES)}.")
    user = _account(session, user_id)
    if user.role == "admin" and role != "admin" and _active_admins(session) <= 1 and user.active:
        raise AccountError("This is the last admin account; make another admin first.")
    old = user.role
    user.role = role
    user.sessions_valid_after = utcnow()
    audit.record(
        session, "role_changed", actor=actor, target=user.username, detail=f"{old}->{role}"
    )


def set_active(session: Session, user_id: int, active: bool, *, actor: str) -> None:
    """Disable or re-enable an account; the last active admin cannot be disabled."""
    user = _account(session, user_id)
    if not active and user.role == "admin" and user.active and _active_admins(session) <= 1:
        raise AccountError("This is the last admin account; make another admin first.")
    user.active = active
    if not active:
        user.sessions_valid_after = utcnow()
    audit.record(
        session, "user_enabled" if active else "user_disabled", actor=actor, target=user.username
    )


def _active_admins(session: Session) -> int:
    """How many enabled admin accounts exist."""
    return (
        session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.role == "admin", User.active.is_(True))
        )
        or 0
    )
