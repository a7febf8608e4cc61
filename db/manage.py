"""Command line for running Lantern: python -m db.manage <command> (CONTRACT.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tqdm import tqdm

from db import audit, auth, config, migrate
from db.session import database_url, read_session, write_session

# Each command imports what only it needs (the analysis models, the PDF and chart stack)
# when it runs: `create-user` or `--help` should not wait seconds for the forum pack's fonts.

log = logging.getLogger("lantern.manage")


class CommandError(Exception):
    """A command could not do what was asked; the message says why."""


def cmd_init(_args: argparse.Namespace) -> str:
    """Create or migrate the schema."""
    migrate.upgrade()
    return "Database is ready (schema at the newest version)."


def cmd_seed(args: argparse.Namespace) -> str:
    """Fill the database with synthetic demo submissions."""
    from db import maintenance, themes
    from db.catalogue import load_catalogue
    from db.demo import generate

    if args.demo <= 0:
        raise CommandError("--demo must be a positive number of submissions")
    if args.months <= 0:
        raise CommandError("--months must be at least 1")
    migrate.upgrade()
    with read_session() as session:
        existing = maintenance.count_submissions(session)
        catalogue = load_catalogue(session)
        framework = themes.current(session).framework
    if existing and not args.append:
        raise CommandError(
            f"the database already holds {existing} submissions; "
            "demo data is for empty databases (use --append to add to it anyway)"
        )
    asked = maintenance.create_demo_consultations()
    items = generate(
        args.demo,
        args.months,
        sites=[s.slug for s in catalogue.sites],
        provisions=[p.slug for p in catalogue.provisions],
        slots=[s.slug for s in catalogue.slots],
        seed=args.seed,
        framework=framework,
        services=[s.slug for s in catalogue.services],
        consultations=asked,
    )
    with tqdm(total=args.demo, unit="rows", desc="Seeding", disable=args.quiet) as bar:
        stored = maintenance.load_demo(items, progress=bar.update)
    consulted = f" and {len(asked)} consultations" if asked else ""
    return f"Stored {stored} synthetic submissions over {args.months} months{consulted}."


def cmd_backup(args: argparse.Namespace) -> str:
    """Write a consistent copy of the database to PATH."""
    from db import maintenance

    try:
        path = maintenance.backup(Path(args.path))
    except maintenance.BackupError as exc:
        raise CommandError(str(exc)) from None
    with write_session() as session:
        audit.record(session, "backup_made", actor="cli", target=path.name, detail=str(path))
    return f"Backup written to {path}."


def cmd_restore(args: argparse.Namespace) -> str:
    """Restore a backup into the empty database DATABASE_URL names."""
    from db import maintenance

    try:
        counts = maintenance.restore(Path(args.path))
    except maintenance.RestoreError as exc:
        raise CommandError(str(exc)) from None
    return (
        f"Restored {args.path} into {_safe_url()}: {counts['submissions']} submissions, "
        f"{counts['answers']} answers, {counts['users']} staff accounts. "
        "Starting the app (or `python -m db.manage init`) brings an older backup's "
        "schema up to date."
    )


def cmd_purge(args: argparse.Namespace) -> str:
    """Delete free text older than the retention period."""
    from db import maintenance

    today = dt.date.fromisoformat(args.today) if args.today else None
    with write_session() as session:
        removed = maintenance.run_purge(session, actor="cli", today=today)
    maintenance.scrub_after_purge()  # after the commit: the freed space is wiped
    return f"Removed the text of {removed} old answers (ratings and choices are kept)."


def cmd_create_user(args: argparse.Namespace) -> str:
    """Create a staff account; the password comes from LANTERN_PASSWORD or a prompt."""
    password = os.environ.get("LANTERN_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError("set LANTERN_PASSWORD or run in a terminal to be asked")
        password = getpass.getpass(f"Password for {args.username}: ")
        if getpass.getpass("Same again: ") != password:
            raise CommandError("the two passwords were different")
    migrate.upgrade()
    try:
        with write_session() as session:
            user = auth.create_user(session, args.username, password, args.role, actor="cli")
    except auth.AccountError as exc:
        raise CommandError(str(exc)) from None
    return f"Created {user.role} account {user.username!r}."


def cmd_close_day(args: argparse.Namespace) -> str:
    """Close every finished service day: rows rewritten in a random order, send keys gone."""
    from db.close_day import close_due_days

    today = dt.date.fromisoformat(args.today) if args.today else None
    done = close_due_days(today=today, actor="cli")
    return (
        f"Closed {done.days} service day{'s' if done.days != 1 else ''}: "
        f"{done.submissions} submissions rewritten in a random order under new ids; "
        f"{done.send_keys} send keys cleared."
    )


def cmd_unlock(args: argparse.Namespace) -> str:
    """Forget a username's failed sign-ins, so its owner can sign in at once."""
    with write_session() as session:
        held = auth.unlock(session, args.username, actor="cli")
    name = auth.normalise_username(args.username)
    if held:
        return f"Unlocked {name!r}: it can be signed in with at once."
    return f"{name!r} had no failed sign-ins waiting; nothing to unlock."


def cmd_reanalyse(args: argparse.Namespace) -> str:
    """Re-tag all stored text with the current keywords and analysis version."""
    from db import reanalyse

    if args.batch < 1:
        raise CommandError("--batch must be at least 1")
    migrate.upgrade()
    with read_session() as session:
        total = reanalyse.pending(session)
    with tqdm(total=total, unit="answers", desc="Re-analysing", disable=args.quiet) as bar:

        def step(done: int, _total: int) -> None:
            bar.update(done - bar.n)

        done = reanalyse.reanalyse_all(batch_size=args.batch, progress=step, actor="cli")
    return f"Re-analysed {done} answers; dashboards are up to date."


def cmd_report(args: argparse.Namespace) -> str:
    """Write the month's forum pack (PDF and CSVs, disclosure control applied) into DIR."""
    from db import report

    try:
        month = report.parse_month(args.month)
        out = Path(args.out)
        if out.exists() and not out.is_dir():
            raise report.ReportError(f"{out} is a file, not a folder")
        migrate.upgrade()
        with read_session() as session:
            pack = report.build_pack(session, month, args.site)
        written = report.write_pack(pack, out)
    except report.ReportError as exc:
        raise CommandError(str(exc)) from None
    with write_session() as session:
        audit.record(
            session,
            "export",
            actor="cli",
            target=f"forum pack {month:%Y-%m}",
            detail=f"site={args.site or 'all'}; files={len(written)}",
        )
    names = "\n".join(f"  {path}" for path in written)
    return f"Wrote the {pack.period} forum pack ({len(written)} files):\n{names}"


def cmd_send_digests(args: argparse.Namespace) -> str:
    """Queue the safeguarding digest when one of its times has passed, and send what is due.

    A mail server that is down is not an error here (the digests wait and are retried, and
    the audit log has each failure); settings that are not valid are.
    """
    from db import digest

    now = dt.datetime.fromisoformat(args.now) if args.now else None
    try:
        done = digest.run(now)
    except digest.DigestError as exc:
        raise CommandError(f"the digest settings are not valid (Admin -> Digest): {exc}") from None
    if done.off:
        return "The safeguarding digest is off: no mail server is set (Admin -> Digest)."
    lines = []
    if done.queued.slot is not None:
        when = digest.slot_label(done.queued.slot)
        if done.queued.mails:
            lines.append(f"Queued the {when} digest for {done.queued.mails} recipient(s).")
        elif done.queued.waiting:
            lines.append(f"The {when} digest has nobody to go to: no one has opted in.")
        else:
            lines.append(f"The {when} digest was not needed: no comment waits for review.")
    sent = done.sent
    lines.append(
        f"Sent {sent.sent} digest(s); {sent.retrying} to retry later; {sent.given_up} given up."
    )
    if sent.unreachable:
        lines.append(
            f"The mail server failed ({sent.unreachable}); the digests wait and are retried "
            "by the next runs. The audit log has each failure."
        )
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    parser = argparse.ArgumentParser(prog="python -m db.manage", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("init", help="create or migrate the schema").set_defaults(run=cmd_init)

    seed = commands.add_parser("seed", help="fill with synthetic demo data")
    seed.add_argument("--demo", type=int, required=True, metavar="N", help="how many submissions")
    seed.add_argument("--months", type=int, default=12, metavar="M", help="spread over M months")
    seed.add_argument("--seed", type=int, default=7, help="random seed (same seed, same data)")
    seed.add_argument("--append", action="store_true", help="add even if data exists")
    seed.add_argument("--quiet", action="store_true", help="no progress bar")
    seed.set_defaults(run=cmd_seed)

    create = commands.add_parser("create-user", help="create a staff account")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=("admin", "coordinator", "worker"))
    create.set_defaults(run=cmd_create_user)

    close = commands.add_parser(
        "close-day", help="rewrite finished service days so their arrival order is gone"
    )
    close.add_argument("--today", help=argparse.SUPPRESS)  # tests move "today"
    close.set_defaults(run=cmd_close_day)

    unlock = commands.add_parser("unlock", help="let a username be signed in with at once")
    unlock.add_argument("username")
    unlock.set_defaults(run=cmd_unlock)

    again = commands.add_parser("reanalyse", help="re-tag stored text after keyword edits")
    again.add_argument("--batch", type=int, default=500, help="answers per transaction")
    again.add_argument("--quiet", action="store_true", help="no progress bar")
    again.set_defaults(run=cmd_reanalyse)

    backup = commands.add_parser("backup", help="write a consistent copy of the database")
    backup.add_argument("path", metavar="PATH")
    backup.set_defaults(run=cmd_backup)

    pack = commands.add_parser("report", help="write a month's forum pack (PDF and CSVs)")
    pack.add_argument("--month", required=True, metavar="YYYY-MM", help="the month, e.g. 2026-03")
    pack.add_argument("--site", metavar="SLUG", help="one site only (default: all sites)")
    pack.add_argument("--out", required=True, metavar="DIR", help="folder to write into")
    pack.set_defaults(run=cmd_report)

    restore = commands.add_parser(
        "restore", help="restore a backup into an empty database (DATABASE_URL)"
    )
    restore.add_argument("path", metavar="PATH")
    restore.set_defaults(run=cmd_restore)

    digests = commands.add_parser(
        "send-digests", help="queue and send the safeguarding digest (a timer runs it)"
    )
    digests.add_argument("--now", help=argparse.SUPPRESS)  # tests move the clock
    digests.set_defaults(run=cmd_send_digests)

    purge = commands.add_parser("purge", help="delete free text older than the retention period")
    purge.add_argument("--today", help=argparse.SUPPRESS)  # tests back-date "today"
    purge.set_defaults(run=cmd_purge)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; print its result, or a clear error and exit status 1."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        config.current()
    except config.ConfigError as exc:
        print(f"error: a setting is not valid, so nothing was done:\n{exc}", file=sys.stderr)
        return 1
    try:
        print(args.run(args))
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except ImportError as exc:  # a command's own modules, or the database driver, load late
        print(
            f"error: the Python module {exc.name or exc} is missing. Install Lantern's "
            "requirements (pip install -r requirements.txt); if it is a database driver, "
            "check that DATABASE_URL names one they include (sqlite:/// or postgresql+psycopg://).",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # database unreachable and the like: say so plainly
        print(f"error: {type(exc).__name__} talking to {_safe_url()}: {exc}", file=sys.stderr)
        return 1
    return 0


def _safe_url() -> str:
    """The database URL without its password."""
    from sqlalchemy.engine import make_url

    return make_url(database_url()).render_as_string(hide_password=True)


if __name__ == "__main__":
    sys.exit(main())
