"""Measure the shipped readings on a labelled set: `python -m training.measure [--set heldout]`.

Reads each answer exactly as the app does (`analysis.pipeline.analyse`), with no kiosk
language chosen (the hardest case for telling the language), and compares with the
settled human labels. `--set tune` measures the tune files (for development);
`--set heldout` the held-out files, leaving out any answer whose exact words also occur in
a training or tuning file (`corpus.held_out`). Held-out figures are reported once per
analysis version in docs/accuracy.md; nothing is tuned on them.

Every proportion comes with a 95% Wilson interval; F1 scores with a 95% bootstrap interval
(1,000 resamples of the answers, fixed seed).
"""

from __future__ import annotations

import argparse
import math
import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from analysis import language, pipeline
from training import corpus

Z = 1.959964


@dataclass(frozen=True)
class Share:
    """k of n, with its 95% Wilson interval."""

    k: int
    n: int

    @property
    def value(self) -> float:
        return self.k / self.n if self.n else float("nan")

    @property
    def interval(self) -> tuple[float, float]:
        return wilson(self.k, self.n)

    def __str__(self) -> str:
        low, high = self.interval
        return f"{self.k}/{self.n} = {100 * self.value:.1f}% ({100 * low:.1f}–{100 * high:.1f})"


def wilson(k: int, n: int) -> tuple[float, float]:
    """The 95% Wilson score interval of k successes in n."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    centre = (p + Z * Z / (2 * n)) / (1 + Z * Z / n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n)) / (1 + Z * Z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclass(frozen=True)
class Score:
    """An F1-type score with its 95% bootstrap interval."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.low:.3f}–{self.high:.3f})"


def bootstrap(items: Sequence, metric: Callable[[Sequence], float], rounds: int = 1000) -> Score:
    """metric over items, with a percentile interval from resampling items."""
    rng = random.Random(20261207)
    values = sorted(
        metric([items[rng.randrange(len(items))] for _ in items]) for _ in range(rounds)
    )
    return Score(metric(items), values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1])


def macro_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """Macro-F1 over the three sentiment labels of (truth, predicted) pairs."""
    scores = []
    for label in corpus.SENTIMENTS:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0)
    return sum(scores) / len(scores)


def micro_f1(pairs: Sequence[tuple[frozenset, frozenset]]) -> float:
    """Micro-F1 of (true themes, predicted themes) pairs."""
    tp = sum(len(t & p) for t, p in pairs)
    total = sum(len(t) + len(p) for t, p in pairs)
    return 2 * tp / total if total else 1.0


@dataclass(frozen=True)
class Reading:
    """One labelled answer and what the app read in it."""

    row: corpus.Row
    result: pipeline.TextAnalysis


def read_all(rows: Sequence[corpus.Row]) -> list[Reading]:
    """Each answer read as the app reads it."""
    return [Reading(r, pipeline.analyse(r.text, r.question)) for r in rows]


def report_safeguarding(readings: Sequence[Reading]) -> dict[str, Share]:
    """Disclosures flagged, flagged in their own category, and harmless answers flagged."""
    disclosures = [x for x in readings if x.row.safeguarding]
    harmless = [x for x in readings if not x.row.safeguarding]
    out = {
        "flagged": Share(sum(1 for x in disclosures if x.result.concerns), len(disclosures)),
        "own category": Share(
            sum(1 for x in disclosures if x.row.safeguarding in x.result.concerns),
            len(disclosures),
        ),
        "false alarms": Share(sum(1 for x in harmless if x.result.concerns), len(harmless)),
        "disclosures read positive": Share(
            sum(1 for x in disclosures if x.result.sentiment_label == "positive"),
            len(disclosures),
        ),
    }
    for code in language.READ:
        if code == "en":
            continue
        own = [x for x in disclosures if x.row.lang == code]
        out[f"flagged ({code})"] = Share(sum(1 for x in own if x.result.concerns), len(own))
    others = [x for x in disclosures if x.row.lang != "en"]
    out["flagged (not English, pooled)"] = Share(
        sum(1 for x in others if x.result.concerns), len(others)
    )
    return out


def report_sentiment(readings: Sequence[Reading]) -> dict[str, Score]:
    """Macro-F1 of the app and of TextBlob and VADER alone (±0.05 neutral band)."""
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()

    def band(value: float) -> str:
        return "positive" if value > 0.05 else "negative" if value < -0.05 else "neutral"

    ours = [(x.row.sentiment, x.result.sentiment_label) for x in readings]
    blob = [(x.row.sentiment, band(TextBlob(x.row.text).sentiment.polarity)) for x in readings]
    vad = [(x.row.sentiment, band(vader.polarity_scores(x.row.text)["compound"])) for x in readings]
    english = [p for p, x in zip(ours, readings, strict=True) if x.row.lang == "en"]
    other = [p for p, x in zip(ours, readings, strict=True) if x.row.lang != "en"]
    return {
        "Lantern": bootstrap(ours, macro_f1),
        "Lantern, English answers": bootstrap(english, macro_f1),
        "Lantern, other languages": bootstrap(other, macro_f1),
        "TextBlob": bootstrap(blob, macro_f1),
        "VADER": bootstrap(vad, macro_f1),
    }


def report_themes(readings: Sequence[Reading]) -> dict[str, Score]:
    """Micro-F1 over all themes, then each theme's F1."""
    pairs = [(frozenset(x.row.themes), frozenset(x.result.themes)) for x in readings]
    out = {"micro-F1": bootstrap(pairs, micro_f1)}
    for theme in corpus.THEMES:
        only = [(t & {theme}, p & {theme}) for t, p in pairs]
        out[theme] = bootstrap(only, micro_f1, rounds=200)
    return out


def report_language(readings: Sequence[Reading]) -> dict[str, Share]:
    """How often an answer is read in its own language, and English wrongly left unread."""
    out = {}
    english = [x for x in readings if x.row.lang == "en"]
    out["English answers sent to a person as unread"] = Share(
        sum(1 for x in english if not x.result.machine_read), len(english)
    )
    out["answers read in their own language"] = Share(
        sum(1 for x in readings if x.result.language == x.row.lang), len(readings)
    )
    return out


def report_redaction(rows: Sequence[corpus.Row]) -> dict[str, Share]:
    """Per identifier type, how often its text no longer appears after redaction; how often
    ordinary words that are also names survive; how often clean answers are unchanged."""
    caught: Counter[str] = Counter()
    total: Counter[str] = Counter()
    kept = names = unchanged = clean = 0
    for r in rows:
        out = pipeline.analyse(r.text, r.question).redacted
        for kind, value in r.identifiers:
            total[kind] += 1
            caught[kind] += value not in out
        for word in r.not_names:
            names += 1
            kept += word in out
        if not r.identifiers:
            clean += 1
            unchanged += out == r.text
    report = {kind: Share(caught[kind], total[kind]) for kind in corpus.IDENTIFIER_TYPES}
    report["ordinary words that are names, left as they are"] = Share(kept, names)
    report["answers with no identifier, unchanged"] = Share(unchanged, clean)
    return report


def report_stock(stock: Sequence[corpus.Stock]) -> Share:
    """Stock answers flagged as safeguarding concerns (should be none)."""
    flagged = sum(1 for s in stock if pipeline.analyse(s.text, s.question).concerns)
    return Share(flagged, len(stock))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("tune", "heldout"), default="tune")
    args = parser.parse_args()
    if args.set == "heldout":
        rows, dropped = corpus.held_out()
        print(f"held-out answers: {len(rows)} ({dropped} left out: also in training files)")
    else:
        rows = corpus.rows(("tune",))
        print(f"tune answers: {len(rows)}")
    print(f"analysis version {pipeline.ANALYSIS_VERSION}")
    readings = read_all(rows)
    for title, table in (
        ("Safeguarding", report_safeguarding(readings)),
        ("Sentiment (macro-F1)", report_sentiment(readings)),
        ("Themes (F1)", report_themes(readings)),
        ("Language", report_language(readings)),
        ("Redaction (identifiers no longer readable)", report_redaction(rows)),
    ):
        print(f"\n{title}")
        for name, value in table.items():
            print(f"  {name:52} {value}")
    stock = corpus.stock(("heldout",) if args.set == "heldout" else ("train",))
    print(f"\nStock answers flagged: {report_stock(stock)}")


if __name__ == "__main__":
    main()
