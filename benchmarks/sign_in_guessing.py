"""Sign-in guessing beside a kiosk: does guessing slow or break her Send?

    python benchmarks/sign_in_guessing.py [--seconds 20] [--guessers 8] [--db sqlite,postgresql]

For each database: a fresh Lantern database with one admin (Argon2id at the shipped
parameters), then a kiosk thread sending a submission every 0.5 s, first alone and then
beside GUESSERS threads trying passwords as fast as they can (half on the admin's name,
half on made-up names). Run twice under attack: with the throttle as shipped, and with the
throttle switched off, so every guess is an Argon2 check (the worst case for the lock: if
hashing held the write lock, sends would queue behind it). Prints the kiosk's send latency
(p50/p95/max), failed sends, and how many guesses were checked or told to wait, with the
machine's speed beside them. Not run in CI (it takes minutes); the README quotes it.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from db import auth, migrate  # noqa: E402
from db.session import reset_engines, write_session  # noqa: E402
from db.submissions import FeedbackForm, submit_feedback  # noqa: E402

PASSWORD = "a long lantern phrase for the bench"  # noqa: S105 (a throwaway bench account)
SEND_EVERY = 0.5


def calibration() -> float:
    """Microseconds for one small pure-Python loop (best of five), to compare machines."""
    import timeit

    return min(timeit.Timer("sum(range(100))").repeat(5, 100_000)) / 100_000 * 1e6


@contextlib.contextmanager
def fresh_database(kind: str, postgres_url: str) -> Iterator[str]:
    """A new, migrated database with one admin; dropped afterwards."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.db"
            yield _prepared(url)
            reset_engines()
        return
    name = "lantern_bench_sign_in"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        yield _prepared(make_url(postgres_url).set(database=name).render_as_string(False))
    finally:
        reset_engines()
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def _prepared(url: str) -> str:
    os.environ["DATABASE_URL"] = url
    reset_engines()
    migrate.upgrade(url)
    with write_session(url) as session:
        auth.create_user(session, "ada", PASSWORD, "admin", actor="bench")
    return url


def kiosk(url: str, seconds: float) -> tuple[list[float], int]:
    """Send every 0.5 s for seconds: each send's latency, and how many failed."""
    latencies, failed = [], 0
    end = time.monotonic() + seconds
    for n in itertools.count():
        if time.monotonic() >= end:
            break
        started = time.perf_counter()
        try:
            submit_feedback(FeedbackForm(rating=1, text_good=f"tea and a chat {n}"), url=url)
            latencies.append(time.perf_counter() - started)
        except Exception:  # the kiosk shows Sorry: that is a failed send
            failed += 1
        time.sleep(max(0.0, SEND_EVERY - (time.perf_counter() - started)))
    return latencies, failed


def guess(url: str, stop: threading.Event, counts: dict[str, int], who: int) -> None:
    """Try passwords as fast as possible until told to stop."""
    for n in itertools.count():
        if stop.is_set():
            return
        name = "ada" if n % 2 else f"someone-{who}-{n}"
        try:
            outcome = auth.attempt_sign_in(name, f"guess {n}", url=url)
            key = "told to wait" if outcome.wait else "checked"
        except Exception:
            key = "errors"
        counts[key] = counts.get(key, 0) + 1


def run(url: str, seconds: float, guessers: int) -> dict[str, object]:
    """The kiosk for seconds beside guessers (none: the kiosk alone)."""
    stop, counts = threading.Event(), {}  # type: ignore[var-annotated]
    threads = [
        threading.Thread(target=guess, args=(url, stop, counts, i), daemon=True)
        for i in range(guessers)
    ]
    for thread in threads:
        thread.start()
    try:
        latencies, failed = kiosk(url, seconds)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] if latencies else 0.0
    return {
        "sends": len(latencies) + failed,
        "failed": failed,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": p95,
        "max": latencies[-1] if latencies else 0.0,
        **counts,
    }


def _line(label: str, result: dict[str, object]) -> str:
    guesses = ", ".join(
        f"{result.get(k, 0)} {k}" for k in ("checked", "told to wait", "errors") if k in result
    )
    return (
        f"  {label:<28} sends {result['sends']:>4}  failed {result['failed']}  "
        f"p50 {result['p50']:.3f} s  p95 {result['p95']:.3f} s  max {result['max']:.3f} s"
        + (f"   guesses: {guesses}" if guesses else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20, help="length of each run")
    parser.add_argument("--guessers", type=int, default=8, help="guessing threads")
    parser.add_argument("--db", default="sqlite,postgresql", help="sqlite, postgresql or both")
    parser.add_argument(
        "--postgres-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    args = parser.parse_args(argv)
    print(f"machine speed: sum(range(100)) takes {calibration():.2f} µs (lower is faster)")
    print(f"{os.cpu_count()} cores; kiosk sends every {SEND_EVERY} s; {args.guessers} guessers")
    shipped = auth.FREE_FAILURES
    for kind in args.db.split(","):
        with fresh_database(kind, args.postgres_url) as url:
            print(kind)
            print(_line("kiosk alone", run(url, args.seconds, 0)))
            print(_line("guessing, throttle on", run(url, args.seconds, args.guessers)))
            auth.FREE_FAILURES = 10**9
            try:
                print(_line("guessing, throttle off", run(url, args.seconds, args.guessers)))
            finally:
                auth.FREE_FAILURES = shipped
    print(f"machine speed after: {calibration():.2f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
