"""Time the overview dashboard at 1k, 10k, 100k and 1M seeded submissions.

For each size this prints, in one run:
  sql      the overview's SQL aggregates (db.dashboard.overview), cold engine
  cold     the overview page run in AppTest with every cache cleared
  warm     the same page run again (st.cache_data hit)
  new words  the Themes page's emerging terms for the last 4 weeks against the 26 before
           (db.comments.emerging: a bounded read of the newest comments, then Python)

    python benchmarks/bench_overview.py                 # all sizes, SQLite
    python benchmarks/bench_overview.py --sizes 1000 10000
    python benchmarks/bench_overview.py --postgres postgresql+psycopg://postgres@127.0.0.1/test

Seeded databases are kept under benchmarks/results/ (git-ignored) and reused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, func, select, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
SIZES = (1_000, 10_000, 100_000, 1_000_000)
PASSWORD = "tea and toast at the drop-in"  # noqa: S105 - a throwaway benchmark account


def _seeded_url(size: int, postgres: str | None) -> str:
    """A database holding exactly `size` demo submissions (seeding it if needed)."""
    if postgres:
        name = f"lantern_bench_{size}"
        admin = create_engine(postgres, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(postgres).set(database=name).render_as_string(hide_password=False)
    else:
        RESULTS.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{RESULTS / f'bench-{size}.db'}"
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(
        [sys.executable, "-m", "db.manage", "init"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    engine = create_engine(url)
    with engine.connect() as conn:
        have = conn.scalar(text("SELECT count(*) FROM submissions"))
    engine.dispose()
    if have != size:
        if have:
            raise SystemExit(f"{url} holds {have} submissions, not {size}; delete it first")
        print(f"  seeding {size:,} submissions ...", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "db.manage", "seed", "--demo", str(size), "--quiet"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        print(f"  seeded in {time.perf_counter() - started:.1f} s", flush=True)
    return url


def _median_seconds(url: str, weeks: int, work: Callable) -> float:  # type: ignore[type-arg]
    """Seconds for work(session, filters of the last `weeks`) on a fresh engine (median of 3)."""
    from db import dashboard
    from db.session import read_session, reset_engines

    timings = []
    for _ in range(3):
        reset_engines()
        started = time.perf_counter()
        with read_session(url) as session:
            bounds = dashboard.date_bounds(session)
            work(session, dashboard.Filters(bounds[1] - dt.timedelta(weeks=weeks), bounds[1]))
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def _time_sql(url: str) -> float:
    """Seconds for the overview's aggregates over the last 26 weeks."""
    from db import dashboard

    return _median_seconds(url, 26, dashboard.overview)


def _time_emerging(url: str) -> float:
    """Seconds for the Themes page's emerging terms over the last 4 weeks."""
    from db import comments

    return _median_seconds(url, 4, comments.emerging)


def _time_page(url: str) -> tuple[float, float]:
    """Seconds for the overview page in AppTest: cold (caches cleared) and warm."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from db import auth
    from db.models import User
    from db.session import read_session, reset_engines, write_session

    os.environ["DATABASE_URL"] = url
    reset_engines()
    with write_session() as session:
        if not session.scalar(select(func.count()).select_from(User)):
            auth.create_user(session, "timer", PASSWORD, "coordinator")
    with read_session() as session:
        user = session.scalars(select(User)).first()
        staff = {"id": user.id, "username": user.username, "role": user.role}
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    now = auth.utcnow()
    at.session_state["staff"] = {**staff, "signed_in_at": now, "last_seen": now}
    at.run()
    at.switch_page("pages/overview.py")
    colds, warms = [], []
    for _ in range(3):
        st.cache_data.clear()
        reset_engines()
        at.session_state["staff"]["last_seen"] = auth.utcnow()
        started = time.perf_counter()
        at.run()
        colds.append(time.perf_counter() - started)
        assert not at.exception, at.exception
        assert at.get("plotly_chart"), "the overview drew no chart"
        started = time.perf_counter()
        at.run()
        warms.append(time.perf_counter() - started)
    return statistics.median(colds), statistics.median(warms)


def main() -> None:
    """Seed, time and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--postgres", help="a PostgreSQL server URL to benchmark instead")
    args = parser.parse_args()
    print(
        f"Lantern overview benchmark ({'PostgreSQL' if args.postgres else 'SQLite'}), "
        f"{os.cpu_count()} CPUs"
    )
    rows = []
    for size in args.sizes:
        print(f"{size:,} submissions", flush=True)
        url = _seeded_url(size, args.postgres)
        sql = _time_sql(url)
        cold, warm = _time_page(url)
        words = _time_emerging(url)
        rows.append((size, sql, cold, warm, words))
        print(
            f"  sql {sql:.3f} s   page cold {cold:.3f} s   page warm {warm:.3f} s   "
            f"new words {words:.3f} s",
            flush=True,
        )
    print()
    print(
        "| submissions | SQL aggregates | overview page, cold | overview page, warm "
        "| new words (Themes) |"
    )
    print("|---:|---:|---:|---:|---:|")
    for size, sql, cold, warm, words in rows:
        print(f"| {size:,} | {sql:.3f} s | {cold:.3f} s | {warm:.3f} s | {words:.3f} s |")
    by_size = {size: cold for size, _, cold, _, _ in rows}
    if 1_000 in by_size and 100_000 in by_size:
        print(f"\ncold 100k / cold 1k = {by_size[100_000] / by_size[1_000]:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
