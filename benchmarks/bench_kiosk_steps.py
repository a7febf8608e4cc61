"""The kiosk's server time per step: every tap is a script rerun; how long does each take?

    python benchmarks/bench_kiosk_steps.py [--rounds 30] [--postgres URL]

Runs the kiosk in AppTest (the same script run a tap causes on the server, without the
network or the browser) on a fresh database with the default catalogue, the analysis
loaded first, and walks a woman through every step `--rounds` times: Welcome, Start, a
face, Next, a provision, Next, a time, Next, her words, Send, Done. Prints the median,
p95 and slowest time of each step, with the machine's speed. Issue 14's budget: each step
≤ 50 ms and Send ≤ 100 ms on SQLite with the analysis included. Not run in CI.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from db import migrate  # noqa: E402
from db.session import reset_engines  # noqa: E402

APP = str(ROOT / "app.py")
WORDS = "the soup was lovely and the staff were kind, more socks please"


def calibration() -> float:
    """Microseconds for one small pure-Python loop (best of five), to compare machines."""
    import timeit

    return min(timeit.Timer("sum(range(100))").repeat(5, 100_000)) / 100_000 * 1e6


def _timed(times: dict[str, list[float]], name: str, action: Callable[[], object]) -> None:
    started = time.perf_counter()
    action()
    times[name].append(time.perf_counter() - started)


def one_woman(at: AppTest, times: dict[str, list[float]], n: int) -> None:
    """Walk every step once from Welcome and back, timing each rerun."""
    _timed(times, "start", lambda: at.button(key="start").click().run())
    _timed(times, "choose a face", lambda: at.feedback(key="rating").set_value(3).run())
    _timed(times, "next (to provisions)", lambda: at.button(key="next").click().run())
    _timed(
        times, "choose a provision", lambda: at.pills(key="provisions").set_value(["socks"]).run()
    )
    _timed(times, "next (to times)", lambda: at.button(key="next").click().run())
    _timed(times, "next (to her words)", lambda: at.button(key="next").click().run())
    _timed(
        times, "type her words", lambda: at.text_area(key="text_good").input(f"{WORDS} {n}").run()
    )
    # The double-tap guard counts from the last send of this session (SPEC §3.7).
    at.session_state["kiosk_last_submit"] = -1e9
    _timed(times, "send", lambda: at.button(key="submit").click().run())
    _timed(times, "done", lambda: at.button(key="done").click().run())
    assert not at.exception, at.exception


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="women walked through")
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp()
    url = args.postgres or f"sqlite:///{folder}/lantern.db"
    os.environ["DATABASE_URL"] = url
    reset_engines()
    migrate.upgrade(url)
    from analysis.pipeline import analyse

    analyse("warming up", "what_good")  # the app loads it in the background at start
    print(f"machine speed: sum(range(100)) takes {calibration():.2f} µs (lower is faster)")
    times: dict[str, list[float]] = defaultdict(list)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["site"] = "van-town-centre"
    at.run()
    one_woman(at, defaultdict(list), 0)  # the first walk pays for imports and caches
    for n in range(args.rounds):
        _timed(times, "welcome (page load)", at.run)
        one_woman(at, times, n + 1)
    print(
        f"{'step':<24} {'median':>8} {'p95':>8} {'max':>8}   ({args.rounds} women, "
        f"{'PostgreSQL' if args.postgres else 'SQLite'})"
    )
    for name, values in times.items():
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
        print(
            f"{name:<24} {statistics.median(values) * 1000:>6.1f}ms {p95 * 1000:>6.1f}ms "
            f"{ordered[-1] * 1000:>6.1f}ms"
        )
    print(f"machine speed after: {calibration():.2f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
