"""Throughput of the analysis functions on a realistic mix: `python benchmarks/bench_analysis.py`.

The mix is the project's own outreach set (short answers, text-speak, some identifiers and
disclosures) plus longer comments built from it, cycled to N answers; timed on one core.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

from analysis import pipeline, redact, safeguarding, sentiment, themes  # noqa: E402

OUTREACH = ROOT / "tests" / "data" / "outreach_labelled.csv"
EXTRA = [
    "ring me on 07700 900123 or email kaz@example.com, ask for Shaz at flat 3",
    "my fella takes all my money and i'm not safe tonight",
    "",
    "🙂🙂 ta x",
]


def workload(n: int) -> list[tuple[str, str | None]]:
    """N (text, question) pairs: outreach answers, some joined into longer ones."""
    with OUTREACH.open(newline="", encoding="utf-8") as handle:
        rows = [(r["text"], r["question_type"] or None) for r in csv.DictReader(handle)]
    rows += [(t, None) for t in EXTRA]
    longer = [(" ".join(t for t, _ in rows[i : i + 6]), None) for i in range(0, len(rows), 6)]
    mix = rows + longer
    return list(itertools.islice(itertools.cycle(mix), n))


def rate(fn: Callable[[str, str | None], object], items: list[tuple[str, str | None]]) -> float:
    """Calls per second of fn over items (best of three runs)."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for text, question in items:
            fn(text, question)
        best = min(best, time.perf_counter() - start)
    return len(items) / best


def calibration() -> float:
    """Microseconds for one small pure-Python loop (best of five), to compare machines: the
    same code runs at very different speeds on a quiet laptop core and a busy shared one."""
    import timeit

    timer = timeit.Timer("sum(range(100))")
    loops = 100_000
    return min(timer.repeat(5, loops)) / loops * 1e6


def main(argv: list[str] | None = None) -> int:
    """Print comments per second for each function and the full pipeline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5000, help="answers per run")
    args = parser.parse_args(argv)
    items = workload(args.n)
    pipeline.analyse("warm up", None)  # load the model and name lists outside the timing
    mean_chars = sum(len(t) for t, _ in items) / len(items)
    print(f"{len(items)} answers, mean {mean_chars:.0f} characters, one core")
    print(f"machine speed: sum(range(100)) takes {calibration():.2f} µs (lower is faster)")
    timings = {
        "sentiment.read": lambda t, q: sentiment.read(t, q),
        "themes.tag": lambda t, q: themes.tag(t),
        "safeguarding.concerns": lambda t, q: safeguarding.concerns(t),
        "  (rules alone)": lambda t, q: safeguarding.rules_concerns(t),
        "redact.redact": lambda t, q: redact.redact(t),
        "pipeline.analyse": pipeline.analyse,
    }
    for name, fn in timings.items():
        print(f"{name:24s}{rate(fn, items):10,.0f} answers/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
