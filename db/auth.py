"""Staff accounts: Argon2id passwords, throttled sign-in, session lifetimes (SPEC §5).

Failed sign-ins are counted in the database, so a new browser session does not reset
them. Every refusal of a checked password looks the same to the person signing in.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import threading
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from db import audit
from db.models import ROLES, SignInThrottle, User

MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 256
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


# Throttling (SPEC §5): growing delays, never a lock an attacker can renew. The first few
# failures on a name cost nothing; after that each failure makes the next try wait twice
# as long as the last, up to five minutes. Sustained guessing gets at most 9 tries in any
# five minutes and then one per five minutes, and the real owner of the name waits at most
# five minutes once the guessing stops. Unknown names follow the same schedule (so the
# waits do not tell an attacker which names exist). There is deliberately no server-wide
# ceiling: one would let anyone keep every member of staff out by guessing made-up names
# (a review showed it). Guessing spread over many names is bounded instead by the hashing
# itself, one check at a time per process (_HASHING), and can never succeed.
FREE_FAILURES = 5
FIRST_DELAY = dt.timedelta(seconds=15)
MAX_DELAY = dt.timedelta(minutes=5)
STREAK_ENDS_AFTER = dt.timedelta(hours=1)  # an hour with no failure starts the count afresh
# A refused try still takes about as long as a checked one, so a guessing loop cannot spin
# (taking the CPU from the kiosk's sends) and the wait is not told apart by its speed alone.
THROTTLED_PAUSE = dt.timedelta(milliseconds=250)
# One Argon2 verification at a time per process: guessers queue here, each waiting its turn,
# instead of taking every core from the kiosk.
_HASHING = threading.BoundedSemaphore(1)


@dataclass(frozen=True)
class SignInOutcome:
    """What a sign-in attempt came to: the user, or a refusal (with a wait if throttled)."""

    user: StaffUser | None
    wait: dt.timedelta = dt.timedelta(0)


@dataclass(frozen=True)
class _Ticket:
    """An attempt allowed through the throttle, counted before the password is checked."""

    user_id: int | None
    stored_hash: str | None


def throttle_bucket(username: str) -> str:
    """The throttle's key for a typed name that is not an account: 24 bits of its SHA-256,
    so the table never holds what was typed (sometimes a password in the wrong box)."""
    digest = hashlib.sha256(b"lantern-sign-in:" + normalise_username(username).encode())
    return "name:" + digest.hexdigest()[:6]


def _bucket_for(session: Session, name: str) -> str:
    """An account's own key (its id: no typed name can be made to share it), else the
    typed name's hash."""
    user_id = session.scalar(select(User.id).where(User.username == normalise_username(name)))
    return _bucket(user_id, name)


def _bucket(user_id: int | None, name: str) -> str:
    """The throttle's key for an account (by id) or for any other typed name."""
    return f"user:{user_id}" if user_id is not None else throttle_bucket(name)


def delay_after(failures: int) -> dt.timedelta:
    """How long after its latest failure a name may be tried again."""
    if failures < FREE_FAILURES:
        return dt.timedelta(0)
    return min(FIRST_DELAY * 2 ** min(failures - FREE_FAILURES, 20), MAX_DELAY)


def _insert_ignoring_duplicates(session: Session, bucket: str, now: dt.datetime) -> None:
    """Make the bucket's row if it is missing (a concurrent attempt may make it first)."""
    values = {"bucket": bucket, "failures": 0, "first_failure_at": now, "last_failure_at": now}
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        statement = pg_insert(SignInThrottle).values(values).on_conflict_do_nothing()
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        statement = sqlite_insert(SignInThrottle).values(values).on_conflict_do_nothing()
    session.execute(statement)


def _bucket_row(session: Session, bucket: str, now: dt.datetime) -> SignInThrottle:
    """The bucket's row, locked until the transaction ends (SQLite writers hold the lock)."""
    _insert_ignoring_duplicates(session, bucket, now)
    query = select(SignInThrottle).where(SignInThrottle.bucket == bucket)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return session.scalars(query).one()


def _name_wait(row: SignInThrottle | None, now: dt.datetime) -> dt.timedelta:
    """How much longer a name must wait (zero when it may be tried now)."""
    if row is None or now - _utc(row.last_failure_at) > STREAK_ENDS_AFTER:
        return dt.timedelta(0)
    return max(dt.timedelta(0), _utc(row.last_failure_at) + delay_after(row.failures) - now)


def _wait(session: Session, name: str, now: dt.datetime) -> dt.timedelta:
    """How long before this name may be tried (a read: nothing is locked or written)."""
    return _name_wait(session.get(SignInThrottle, _bucket_for(session, name)), now)


def _reserve(session: Session, name: str, now: dt.datetime) -> _Ticket | dt.timedelta:
    """Let an attempt through the throttle and count it as a failure until it succeeds, or
    say how long to wait. Short: the password is checked after this transaction ends."""
    session.execute(
        delete(SignInThrottle).where(SignInThrottle.last_failure_at < now - STREAK_ENDS_AFTER)
    )
    user = session.scalars(select(User).where(User.username == name)).first()
    row = _bucket_row(session, _bucket(user.id if user else None, name), now)  # now locked
    wait = _name_wait(row, now)
    if wait > dt.timedelta(0):
        return wait
    if now - _utc(row.last_failure_at) > STREAK_ENDS_AFTER:
        row.failures, row.first_failure_at = 0, now  # a quiet hour: the name starts afresh
    row.failures += 1
    row.last_failure_at = now
    if user is None or not user.active:
        return _Ticket(None, None)
    return _Ticket(user.id, user.password_hash)


def _verify_in_turn(stored: str, password: str) -> bool:
    """Check the password, one hashing at a time per process, outside any transaction."""
    with _HASHING:
        return _verify(stored, password)


def attempt_sign_in(
    username: str, password: str, now: dt.datetime | None = None, *, url: str | None = None
) -> SignInOutcome:
    """Check a username and password, throttled; never holds the write lock while hashing.

    Three steps: a short write transaction lets the attempt through the throttle (counting
    it as a failure), the Argon2 check runs with no transaction open, and a second short
    transaction records the outcome. Every refusal of a checked password looks the same.
    """
    from db.session import read_session, write_session  # it imports nothing from here

    name = normalise_username(username)
    with read_session(url) as session:  # a throttled try is refused without writing
        wait = _wait(session, name, now or utcnow())
    if wait > dt.timedelta(0):
        if now is None:  # a real try, not a simulated clock: a guesser's loop slows down
            time.sleep(THROTTLED_PAUSE.total_seconds())
        return SignInOutcome(None, wait)
    now = now or utcnow()
    with write_session(url) as session:
        ticket = _reserve(session, name, now)
    if isinstance(ticket, dt.timedelta):
        return SignInOutcome(None, ticket)
    matched = _verify_in_turn(ticket.stored_hash or _dummy_hash(), password or "")
    if ticket.user_id is None or not matched:
        with write_session(url) as session:
            audit.record(
                session,
                "sign_in_failed",
                at=now,
                actor=name if ticket.user_id is not None else None,
                target=name if ticket.user_id is not None else None,
                detail=None if ticket.user_id is not None else "unknown or disabled account",
            )
        return SignInOutcome(None)
    upgraded = hash_password(password) if _hasher.check_needs_rehash(ticket.stored_hash) else None
    with write_session(url) as session:
        user = session.get(User, ticket.user_id)
        if user is None or not user.active:  # disabled while the password was checked
            return SignInOutcome(None)
        if upgraded is not None and user.password_hash == ticket.stored_hash:
            user.password_hash = upgraded
        user.last_sign_in_at = now
        session.execute(delete(SignInThrottle).where(SignInThrottle.bucket == f"user:{user.id}"))
        audit.record(session, "sign_in", actor=user.username, at=now)
        return SignInOutcome(StaffUser(user.id, user.username, user.role))


def authenticate(
    username: str, password: str, now: dt.datetime | None = None, *, url: str | None = None
) -> StaffUser | None:
    """The user for a correct username and password on an open account, else None."""
    return attempt_sign_in(username, password, now, url=url).user


def unlock(session: Session, username: str, *, actor: str) -> bool:
    """Forget a name's failed sign-ins so it can be tried at once; False if none were held."""
    name = normalise_username(username)
    buckets = {_bucket_for(session, name), throttle_bucket(name)}
    removed = session.execute(
        delete(SignInThrottle).where(SignInThrottle.bucket.in_(buckets))
    ).rowcount
    audit.record(session, "sign_in_unlocked", actor=actor, target=name)
    return bool(removed)


def retry_after(session: Session, username: str, now: dt.datetime | None = None) -> dt.timedelta:
    """How long before this name can be tried again (zero: now)."""
    return _wait(session, normalise_username(username), now or utcnow())


def waiting(session: Session, username: str, now: dt.datetime | None = None) -> bool:
    """True while this name must wait before it can be tried again."""
    return retry_after(session, username, now) > dt.timedelta(0)


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
            waiting(session, u.username, now),
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
    session.execute(delete(SignInThrottle).where(SignInThrottle.bucket == f"user:{user.id}"))
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
