"""The safeguarding digest against a real SMTP server (aiosmtpd) started by each test.

Someone is told, without dating her comment (issue 15 point 5): counts and a link only,
queued once per time and person however many processes run it, sent once, retried and
audited when the mail server fails, and never in the way of a woman's send.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import smtplib
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from sqlalchemy import select

from db import audit, digest, settings
from db.manage import main
from db.models import AnswerConcern, AuditEvent, DigestMail, Setting, Site, Submission, User
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback
from db.timeouts import SEND_SECONDS
from tests.conftest import _free_port, self_signed_certificate
from tests.kiosk_helpers import click, texts
from tests.staff_helpers import create_user, signed_in_on

# London is on GMT in March before the clocks change, so these are also UTC times.
NOW = dt.datetime(2026, 3, 10, 9, 3, tzinfo=dt.UTC)  # three minutes after the 09:00 digest
TODAY = dt.date(2026, 3, 10)  # NOW's service date
SENDER = "lantern@example.org"
LINK = "https://lantern.example.org/staff"
MARKER = "zebrafinch"  # a word of hers that must never reach an inbox
DANGER = f"he said hell kill me tonight {MARKER}"
SECRET = "river-otter-lamp-4471"


# --- A real SMTP server -------------------------------------------------------------------


@dataclass
class Inbox:
    """What an aiosmtpd handler received: (recipients, raw message) per DATA."""

    reply: str = "250 OK"
    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]  # noqa: N802 (aiosmtpd calls it by this name)
        if self.reply.startswith("250"):
            self.received.append((list(envelope.rcpt_tos), envelope.content))
        return self.reply

    def messages(self) -> list[EmailMessage]:
        return [
            email.message_from_bytes(raw, policy=email.policy.default)  # type: ignore[misc]
            for _, raw in self.received
        ]

    def to(self) -> list[str]:
        return sorted(address for rcpts, _ in self.received for address in rcpts)


@pytest.fixture
def start_smtp() -> Iterator[Callable[..., tuple[Inbox, int]]]:
    """Start real SMTP servers on 127.0.0.1 (each on a free port, or the port given)."""
    running: list[Controller] = []

    def start(inbox: Inbox | None = None, port: int | None = None, **options: object):
        inbox = inbox or Inbox()
        port = port or _free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        controller.start()
        running.append(controller)
        return inbox, port

    yield start
    for controller in running:
        controller.stop()


class HangingServer:
    """Accepts TCP connections and never says a word: a mail server that has hung."""

    def __init__(self) -> None:
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.accepted = threading.Event()
        self.done = threading.Event()
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.done.is_set():
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.held.append(conn)
            self.accepted.set()

    def close(self) -> None:
        self.done.set()
        self.thread.join(timeout=5)
        for conn in self.held:
            conn.close()
        self.listener.close()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A throwaway self-signed certificate for 127.0.0.1 (CI requires "tls": no skipping)."""
    return self_signed_certificate(tmp_path_factory.mktemp("smtp-tls"), "tls")


# --- Helpers ------------------------------------------------------------------------------


def _configure(port: int, *, security: str = "none", user: str = "", days: int = 7) -> None:
    """The digest's settings, as an admin saves them, and Lantern's address."""
    with write_session() as session:
        digest.save_settings(
            session,
            times="09:00, 17:00",
            escalation_days=days,
            host="127.0.0.1",
            port=port,
            security=security,
            user=user,
            from_address=SENDER,
            actor="ada",
        )
        settings.set_public_url(session, "https://lantern.example.org", actor="ada")


def _account(
    username: str, address: str | None, *, role: str = "coordinator", opted_in: bool = True
) -> None:
    """A staff account with an address, straight into the database."""
    with write_session() as session:
        session.add(
            User(
                username=username,
                password_hash="x",
                role=role,
                active=True,
                created_at=NOW,
                failed_attempts=0,
                email=address,
                digest_opt_in=opted_in,
            )
        )


def _flagged(day: dt.date, words: str = DANGER, site: str = "drop-in") -> None:
    """A woman's comment read as a concern, sent through the kiosk's own path."""
    result = submit_feedback(FeedbackForm(text_better=words, site=site, service_date=day))
    assert result.concerns, "the test comment should be read as a concern"


def _queue(now: dt.datetime = NOW) -> digest.Queued:
    with write_session() as session:
        return digest.queue_digests(session, now)


def _rows() -> list[DigestMail]:
    with read_session() as session:
        query = select(DigestMail).order_by(DigestMail.recipient, DigestMail.slot_at)
        return list(session.scalars(query))


def _events(action: str) -> list[audit.AuditRow]:
    with read_session() as session:
        return audit.events(session, action=action)


# --- Pure: what an admin types, when a digest is due, what it says ------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("09:00", dt.time(9, 0)),
        ("9:05", dt.time(9, 5)),
        (" 17:30 ", dt.time(17, 30)),
        ("00:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
    ],
)
def test_a_time_of_day_is_read_from_hh_mm(typed: str, expected: dt.time) -> None:
    assert digest.parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["09:60", "24:00", "9", "9am", "09.00", "-1:00", "", "٠٩:٠٠"])
def test_what_is_not_a_time_is_refused_naming_it(typed: str) -> None:
    with pytest.raises(digest.DigestError, match="is not a time"):
        digest.parse_time(typed)


def test_times_are_sorted_and_each_kept_once() -> None:
    assert digest.parse_times("17:00, 09:00;9:00 17:00") == (dt.time(9), dt.time(17))
    with pytest.raises(digest.DigestError, match="at least one time"):
        digest.parse_times(" , ")


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("cara@example.org", True),
        ("cara.jones+lantern@outreach.example.org.uk", True),
        ("root@localhost", True),
        ("cara", False),
        ("cara@", False),
        ("cara @example.org", False),
        ("cara@example.org\nBcc: x@evil.example", False),
        ("a@b.org, c@d.org", False),
        ("<cara@example.org>", False),
    ],
)
def test_an_email_address_is_checked(address: str, ok: bool) -> None:
    assert (digest.email_problem(address) is None) is ok


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2026, 3, 10, 8, 59, tzinfo=dt.UTC), dt.datetime(2026, 3, 9, 17, 0)),
        (dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC), dt.datetime(2026, 3, 10, 9, 0)),
        (dt.datetime(2026, 3, 10, 16, 0, tzinfo=dt.UTC), dt.datetime(2026, 3, 10, 9, 0)),
        (dt.datetime(2026, 3, 10, 23, 0, tzinfo=dt.UTC), dt.datetime(2026, 3, 10, 17, 0)),
        # British Summer Time: 09:00 in London is 08:00 UTC.
        (dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.UTC), dt.datetime(2026, 7, 1, 8, 0)),
    ],
)
def test_the_latest_slot_is_the_last_digest_time_passed_in_the_services_time_zone(
    now: dt.datetime, expected: dt.datetime
) -> None:
    slot = digest.latest_slot((dt.time(9), dt.time(17)), now)
    assert slot == expected.replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("waiting", "late", "subject", "lines"),
    [
        (
            1,
            0,
            "Lantern: 1 comment waiting for safeguarding review",
            ["1 comment is waiting for safeguarding review in Lantern."],
        ),
        (
            3,
            1,
            "Lantern: 1 comment waited more than 7 days for review",
            [
                "3 comments are waiting for safeguarding review in Lantern.",
                "1 of them has waited more than 7 days since the service date. "
                "Please review them soon.",
            ],
        ),
    ],
)
def test_a_digest_says_how_many_wait_and_how_many_waited_too_long(
    waiting: int, late: int, subject: str, lines: list[str]
) -> None:
    made, body = digest.compose(waiting, late, 7, LINK)
    assert made == subject
    assert body.splitlines()[: len(lines)] == lines
    assert f"Sign in and open Safeguarding review: {LINK}" in body
    assert "not watched around the clock" in body


def test_only_a_servers_error_type_and_code_are_recorded() -> None:
    refused = smtplib.SMTPRecipientsRefused({"cara@example.org": (550, b"no such user cara")})
    assert digest.error_label(refused) == "SMTPRecipientsRefused 550"
    assert digest.error_label(smtplib.SMTPDataError(451, b"try later")) == "SMTPDataError 451"
    assert digest.error_label(ConnectionRefusedError(111, "refused")) == "ConnectionRefusedError"


# --- Queued once, delivered once ----------------------------------------------------------


def test_a_due_slot_queues_one_digest_per_opted_in_recipient_delivered_once_by_racing_senders(
    db_url: str, start_smtp
) -> None:
    inbox, port = start_smtp()
    _configure(port)
    for name in ("cara", "dina", "edie"):
        _account(name, f"{name}@example.org")
    _account("ada", "ada@example.org", role="admin")
    _account("fay", "fay@example.org", opted_in=False)  # did not ask for it
    _account("gus", "gus@example.org", role="worker")  # workers do not see the queue
    _account("hal", "hal@example.org")
    with write_session() as session:
        session.scalars(select(User).where(User.username == "hal")).one().active = False
    _flagged(TODAY - dt.timedelta(days=1))

    queued = _queue()
    assert (queued.mails, queued.waiting) == (4, 1)
    expected = ["ada@example.org", "cara@example.org", "dina@example.org", "edie@example.org"]
    assert [r.recipient for r in _rows()] == expected

    start = threading.Barrier(4)
    reports: list[digest.SendReport] = []

    def sender() -> None:
        start.wait()
        reports.append(digest.send_pending(NOW))

    threads = [threading.Thread(target=sender) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert inbox.to() == expected  # each exactly once
    assert sum(r.sent for r in reports) == 4
    assert {r.status for r in _rows()} == {"sent"}
    assert len(_events("digest_sent")) == 4
    assert digest.send_pending(NOW).sent == 0  # nothing left to send
    assert len(inbox.received) == 4


def test_queueing_the_same_slot_again_or_from_racing_processes_queues_it_once(
    db_url: str, start_smtp
) -> None:
    _, port = start_smtp()
    _configure(port)
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    start = threading.Barrier(3)
    done: list[digest.Queued] = []

    def queue() -> None:
        start.wait()
        done.append(_queue())

    threads = [threading.Thread(target=queue) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sum(q.mails for q in done) == 1
    assert _queue(NOW + dt.timedelta(minutes=5)).slot is None  # the next run: not due again
    assert len(_rows()) == 1
    assert len(_events("digest_queued")) == 1


def test_a_newer_digest_supersedes_one_still_waiting_and_nothing_goes_when_nothing_waits(
    db_url: str,
) -> None:
    _configure(_free_port())  # nobody listens: nothing is sent in this test
    _account("cara", "cara@example.org")
    assert _queue().mails == 0  # nothing waits: no mail, but the slot is done
    assert _rows() == []
    assert "waiting=0" in _events("digest_queued")[0].detail
    _flagged(TODAY)
    assert _queue(NOW + dt.timedelta(hours=1)).slot is None  # 09:00 was done already
    evening = NOW.replace(hour=17, minute=1)
    assert _queue(evening).mails == 1
    _flagged(TODAY)
    later = evening + dt.timedelta(days=1) - dt.timedelta(hours=8)  # the next morning
    assert _queue(later).mails == 1
    hours = [(digest._utc(r.slot_at).astimezone(dt.UTC).hour, r.status) for r in _rows()]
    assert hours == [(17, "superseded"), (9, "pending")]
    [pending] = [r for r in _rows() if r.status == "pending"]
    assert pending.body.startswith("2 comments are waiting")


def test_the_digest_is_off_until_a_mail_server_is_set(db_url: str) -> None:
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    assert _queue() == digest.Queued(None, 0, 0)
    assert digest.send_pending(NOW) == digest.SendReport()
    assert _rows() == []


# --- What it says -------------------------------------------------------------------------


def test_the_mail_holds_the_count_and_the_link_and_nothing_of_her_comment(
    db_url: str, start_smtp
) -> None:
    inbox, port = start_smtp()
    _configure(port)
    _account("cara", "cara@example.org")
    day = TODAY - dt.timedelta(days=2)
    _flagged(day, site="drop-in")
    with read_session() as session:
        site = session.scalar(select(Site.name).where(Site.slug == "drop-in"))
        categories = list(session.scalars(select(AnswerConcern.category)))
    _queue()
    assert digest.send_pending(NOW).sent == 1
    [message] = inbox.messages()
    raw = inbox.received[0][1].decode()
    body = message.get_content()
    assert body.startswith("1 comment is waiting for safeguarding review in Lantern.")
    assert LINK in body
    assert message["From"] == SENDER and message["To"] == "cara@example.org"
    assert message["Auto-Submitted"] == "auto-generated"
    forbidden = [
        MARKER,
        "kill",
        site,
        "drop-in",
        *categories,
        *(c.replace("_", " ") for c in categories),
        day.isoformat(),
        f"{day:%d/%m}",
        f"{day:%d %b}",
        f"{day.day} {day:%B}",
        f"{day:%b} {day.day}",
    ]
    for word in forbidden:
        assert word.lower() not in raw.lower(), word


def test_the_escalation_line_appears_only_once_a_comment_has_waited_more_than_the_set_days(
    db_url: str,
) -> None:
    _configure(_free_port(), days=7)
    _account("cara", "cara@example.org")
    _flagged(TODAY - dt.timedelta(days=7))  # exactly 7 days: not more than 7
    _queue()
    [first] = _rows()
    assert "waited more than" not in first.body + first.subject
    _flagged(TODAY - dt.timedelta(days=8))
    _queue(NOW.replace(hour=17, minute=2))
    [latest] = [r for r in _rows() if r.status == "pending"]
    assert "2 comments are waiting" in latest.body
    assert "1 of them has waited more than 7 days since the service date" in latest.body
    assert latest.subject == "Lantern: 1 comment waited more than 7 days for review"


# --- A failing mail server ----------------------------------------------------------------


@pytest.mark.parametrize("failure", ["rejects", "is not there"])
def test_a_failing_server_leaves_the_digest_to_retry_audited_and_a_later_run_sends_it_once(
    db_url: str, start_smtp, failure: str
) -> None:
    port = _free_port()
    inbox = Inbox(reply="451 4.3.0 Try again later")
    if failure == "rejects":
        start_smtp(inbox, port=port)
    _configure(port)
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    _queue()

    report = digest.send_pending(NOW)
    assert (report.sent, report.retrying, report.given_up) == (0, 1, 0)
    label = "SMTPDataError 451" if failure == "rejects" else "ConnectionRefusedError"
    assert report.unreachable == label
    [row] = _rows()
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, label)
    assert digest._utc(row.next_try_at) == NOW + dt.timedelta(minutes=5)
    [event] = _events("digest_attempt_failed")
    assert (event.actor, event.target) == ("system", "digest to cara@example.org")
    assert f"error={label}" in event.detail and MARKER not in event.detail

    assert digest.send_pending(NOW + dt.timedelta(minutes=1)) == digest.SendReport()  # waits

    inbox.reply = "250 OK"  # the server is back
    if failure == "is not there":
        start_smtp(inbox, port=port)
    later = NOW + dt.timedelta(minutes=6)
    assert digest.send_pending(later).sent == 1
    assert digest.send_pending(later + dt.timedelta(hours=1)).sent == 0
    assert inbox.to() == ["cara@example.org"]
    [row] = _rows()
    assert (row.status, row.attempts) == ("sent", 2)
    assert len(_events("digest_sent")) == 1


def test_a_digest_is_given_up_after_the_last_retry_and_a_missing_address_at_once(
    db_url: str, start_smtp
) -> None:
    inbox, port = start_smtp(Inbox(reply="451 4.3.0 Try again later"))
    _configure(port)
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    _queue()
    at = NOW
    for attempt in range(1, digest.MAX_ATTEMPTS + 1):
        digest.send_pending(at)
        [row] = _rows()
        assert row.attempts == attempt
        at = digest._utc(row.next_try_at) + dt.timedelta(seconds=1)
    assert row.status == "failed"
    assert len(_events("digest_attempt_failed")) == digest.MAX_ATTEMPTS - 1
    [gave_up] = _events("digest_failed")
    assert gave_up.detail.endswith("error=SMTPDataError 451; given up")
    assert digest.send_pending(at + dt.timedelta(days=1)) == digest.SendReport()
    assert inbox.received == []


def test_a_process_that_died_mid_send_leaves_a_row_another_takes_after_ten_minutes(
    db_url: str, start_smtp
) -> None:
    inbox, port = start_smtp()
    _configure(port)
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    _queue()
    claimed = digest._claim(None, NOW)  # claimed, and then the process died
    assert claimed is not None and claimed.claim
    assert digest.send_pending(NOW + dt.timedelta(minutes=9)).sent == 0
    assert digest.send_pending(NOW + dt.timedelta(minutes=11)).sent == 1
    assert inbox.to() == ["cara@example.org"]
    assert digest._finish(None, claimed, NOW, None) == "lost"  # the dead one's record is void


def test_a_kiosk_send_is_stored_at_its_normal_speed_while_the_mail_server_hangs(
    db_url: str,
) -> None:
    hanging = HangingServer()
    try:
        _configure(hanging.port)
        _account("cara", "cara@example.org")
        _flagged(TODAY)
        _queue()
        reports: list[digest.SendReport] = []
        sending = threading.Thread(
            target=lambda: reports.append(digest.send_pending(NOW, timeout=15))
        )
        sending.start()
        assert hanging.accepted.wait(timeout=30)
        started = time.monotonic()
        result = submit_feedback(FeedbackForm(rating=2, text_good="warm soup", site="drop-in"))
        took = time.monotonic() - started
        assert sending.is_alive()  # the digest was still waiting on the mail server
        assert result.submission_id is not None and took < SEND_SECONDS
        with read_session() as session:
            assert session.get(Submission, result.submission_id) is not None
        sending.join(timeout=60)
        [report] = reports
        # smtplib reports the greeting that never came as the server having gone away.
        assert report.unreachable == "SMTPServerDisconnected" and report.retrying == 1
        [row] = _rows()
        assert (row.status, row.attempts) == ("pending", 1)
    finally:
        hanging.close()


# --- The password, and the mail server's security -----------------------------------------


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")
@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_the_password_comes_from_the_environment_over_tls_and_is_never_stored(
    db_url: str,
    start_smtp,
    certificate: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    security: str,
) -> None:
    cert, key = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts the test certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins: list[tuple[bytes, bytes]] = []

    def authenticator(server, session, envelope, mechanism, auth_data):  # type: ignore[no-untyped-def]
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == SECRET.encode())

    tls = (
        {"tls_context": context, "require_starttls": True}
        if security == "starttls"
        else {"ssl_context": context, "auth_require_tls": False}
    )
    inbox, port = start_smtp(auth_required=True, authenticator=authenticator, **tls)
    _configure(port, security=security, user="lantern")
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    _queue()

    with pytest.raises(digest.DigestError, match=digest.PASSWORD_VARIABLE):
        digest.send_pending(NOW)  # not set: a setting error, and nothing is claimed
    assert _rows()[0].attempts == 0

    monkeypatch.setenv(digest.PASSWORD_VARIABLE, SECRET)
    assert digest.send_pending(NOW).sent == 1
    assert logins == [(b"lantern", SECRET.encode())]
    assert inbox.to() == ["cara@example.org"]
    with read_session() as session:
        stored = [
            *session.scalars(select(Setting.value)),
            *(f"{e.target} {e.detail}" for e in session.scalars(select(AuditEvent))),
            *(f"{r.subject} {r.body} {r.last_error}" for r in session.scalars(select(DigestMail))),
        ]
    assert stored and not any(SECRET in value for value in stored)


def test_a_user_name_without_tls_is_refused_unless_the_relay_is_on_this_server(
    db_url: str,
) -> None:
    with pytest.raises(digest.DigestError, match="STARTTLS or TLS"), write_session() as s:
        digest.save_settings(
            s,
            times="09:00",
            escalation_days=7,
            host="smtp.example.org",
            port=25,
            security="none",
            user="lantern",
            from_address=SENDER,
            actor="ada",
        )
    with write_session() as s:
        digest.save_settings(
            s,
            times="09:00",
            escalation_days=7,
            host="localhost",
            port=25,
            security="none",
            user="lantern",
            from_address=SENDER,
            actor="ada",
        )


def test_bad_settings_are_refused_together_and_nothing_is_stored(db_url: str) -> None:
    with pytest.raises(digest.DigestError) as refused, write_session() as s:
        digest.save_settings(
            s,
            times="09:60, 17:00",
            escalation_days="seven",
            host="smtp example org",
            port="25x",
            security="starttls",
            user="",
            from_address="lantern",
            actor="ada",
        )
    message = str(refused.value)
    assert "'09:60' is not a time" in message
    assert "'seven' days" in message
    assert "'smtp example org' is not a host name" in message
    assert "port '25x' is not a number" in message
    assert "From address: 'lantern' is not an e-mail address" in message
    with read_session() as session:
        keys = set(session.scalars(select(Setting.key)))
    assert not keys & set(digest.KEYS.values())


# --- The command the timer runs -----------------------------------------------------------


def test_send_digests_exits_0_when_the_mail_server_is_down_and_1_when_settings_are_bad(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["send-digests", "--now", NOW.isoformat()]) == 0
    assert "The safeguarding digest is off" in capsys.readouterr().out

    _configure(_free_port())
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    assert main(["send-digests", "--now", NOW.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Queued the 2026-03-10 09:00 digest for 1 recipient(s)." in out
    assert "The mail server failed (ConnectionRefusedError)" in out

    with write_session() as session:
        settings.set_value(session, "digest_times", "25:00")
    assert main(["send-digests", "--now", NOW.isoformat()]) == 1
    assert "'25:00' is not a time" in capsys.readouterr().err


def test_send_digests_delivers_through_a_real_server(
    db_url: str, start_smtp, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox, port = start_smtp()
    _configure(port)
    _account("cara", "cara@example.org")
    _flagged(TODAY)
    assert main(["send-digests", "--now", NOW.isoformat()]) == 0
    assert "Sent 1 digest(s)" in capsys.readouterr().out
    assert inbox.to() == ["cara@example.org"]


# --- Admin -> Digest ----------------------------------------------------------------------


def _admin_page() -> object:
    create_user("ada", "admin")
    at = signed_in_on("pages/admin.py", "ada")
    assert "Digest" in [t.label for t in at.tabs]
    return at


def test_an_invalid_time_on_the_digest_tab_is_named_and_nothing_is_stored(db_url: str) -> None:
    at = _admin_page()
    at.text_input(key="digest_times").input("09:60, 17:00")
    at.text_input(key="smtp_host").input("127.0.0.1")
    at.text_input(key="smtp_port").input("25x")
    at.text_input(key="smtp_from").input(SENDER)
    click(at, "save_digest")
    assert "Nothing was saved. Please correct this:" in [w.value for w in at.warning]
    shown = "\n".join(texts(at))
    assert "'09:60' is not a time" in shown and "port '25x' is not a number" in shown
    with read_session() as session:
        assert not set(session.scalars(select(Setting.key))) & set(digest.KEYS.values())


def test_an_admin_sets_the_digest_opts_in_and_sends_a_test_email(db_url: str, start_smtp) -> None:
    inbox, port = start_smtp()
    at = _admin_page()
    at.text_input(key="digest_times").input("08:30, 17:00")
    at.text_input(key="digest_escalation_days").input("5")
    at.text_input(key="smtp_host").input("127.0.0.1")
    at.text_input(key="smtp_port").input(str(port))
    at.selectbox(key="smtp_security").set_value("none")
    at.text_input(key="smtp_from").input(SENDER)
    click(at, "save_digest")
    assert not at.warning
    with read_session() as session:
        saved = digest.digest_settings(session)
    assert saved.times == (dt.time(8, 30), dt.time(17)) and saved.escalation_days == 5
    assert saved.server == digest.MailServer("127.0.0.1", port, "none", "", SENDER)

    with read_session() as session:
        ada = session.scalar(select(User.id).where(User.username == "ada"))
    at.selectbox(key="digest_account").set_value(ada).run()
    at.text_input(key=f"digest_email_{ada}").input("ada@example.org")
    at.checkbox(key=f"digest_opt_in_{ada}").check()
    click(at, "save_recipient")
    with read_session() as session:
        [me] = [r for r in digest.recipients(session) if r.username == "ada"]
    assert (me.email, me.opted_in) == ("ada@example.org", True)

    click(at, "digest_test")
    assert any("Test e-mail sent" in t.value for t in at.toast)
    assert inbox.to() == ["ada@example.org"]
    assert len(_events("digest_test_sent")) == 1


def test_a_failing_test_email_says_what_the_server_said(db_url: str, start_smtp) -> None:
    _, port = start_smtp(Inbox(reply="554 5.7.1 Relaying denied"))
    _configure(port)
    create_user("ada", "admin")
    with write_session() as session:
        ada = session.scalar(select(User).where(User.username == "ada"))
        digest.set_recipient(session, ada.id, "ada@example.org", False, actor="ada")
    at = signed_in_on("pages/admin.py", "ada")
    click(at, "digest_test")
    assert "The test e-mail was not sent. The mail server said:" in [w.value for w in at.warning]
    assert any("SMTPDataError 554" in t and "Relaying denied" in t for t in texts(at))
    [event] = _events("digest_test_failed")
    assert event.detail == "error=SMTPDataError 554"
