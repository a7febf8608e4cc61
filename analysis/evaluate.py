"""Measure Lantern against human labels: `python -m analysis.evaluate PATH.csv`.

The CSV needs `text` and `sentiment_3` (positive / neutral / negative); `question_type`
(what_good / could_improve / nonspecific / anything_else) and `app_themes` (pipe-separated)
are optional. Prints per-class and macro F1 for Lantern, TextBlob alone and VADER alone,
per-theme precision / recall / F1 for the themes that map onto Lantern's, and throughput.

An optional `safeguarding` column (a SPEC §4 category slug, or blank for a harmless
comment) adds the safeguarding table: the share of disclosures flagged, and of those
filed under their own category, per category, and the share of harmless comments
flagged (false alarms). A CSV with `safeguarding` may leave out `sentiment_3`, or leave it
blank on some rows: sentiment is scored on the rows that have it.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from analysis import pipeline, safeguarding, sentiment, themes

QUESTIONS = ("what_good", "could_improve", "provision_other", "consultation")

LABELS = ("positive", "neutral", "negative")

# Source-data theme -> Lantern theme. Only pairs that mean the same thing are scored:
# "staff" in the FFT data is about staff manner and attitude, which is staff_kindness;
# "safety" is feeling safe; "transport_location" is getting there; "timing_access" is
# waits and opening times. Lantern's own slugs map to themselves.
THEME_MAP: dict[str, str] = {
    "food_drink": "food_drink",
    "staff": "staff_kindness",
    "safety": "safety_violence",
    "transport_location": "location_access",
    "timing_access": "times_schedule",
    "general_praise": "gratitude_general",
    **{slug: slug for slug in themes.DEFAULT_THEMES},
}
# Themes whose source labels are too coarse to count against (reported, but flagged).
INDICATIVE_ONLY = {"general_praise", "safety", "transport_location", "timing_access"}


@dataclass(frozen=True)
class Row:
    """One labelled answer."""

    text: str
    question: str | None
    sentiment: str
    themes: frozenset[str]
    concern: str | None = None  # safeguarding label: a category slug, "" when harmless


class InputError(Exception):
    """The CSV cannot be evaluated (missing file or column)."""


def read_rows(path: Path) -> list[Row]:
    """Labelled rows from a CSV; 'None' stays text (no NA guessing)."""
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        # the corpus's own column names (corpus/GUIDE.md) are read as the older ones
        sentiment_column = "sentiment_3" if "sentiment_3" in columns else "sentiment"
        themes_column = "app_themes" if "app_themes" in columns else "themes"
        question_column = "question_type" if "question_type" in columns else "question"
        missing = ["text"] if "text" not in columns else []
        if not {"sentiment_3", "sentiment", "safeguarding"} & columns:
            missing.append("sentiment_3 (or safeguarding)")
        if missing:
            raise InputError(f"{path} lacks column(s): {', '.join(missing)}")
        labelled = "safeguarding" in columns
        rows = []
        for record in reader:
            # reader.line_num: the row's last line in the file (a comment may span lines)
            where = f"{path} line {reader.line_num}"
            question = (record.get(question_column) or "").strip()
            feeling = _label(
                record.get(sentiment_column), LABELS, f"{where}: unknown {sentiment_column}"
            )
            concern = (
                _label(
                    record.get("safeguarding"),
                    safeguarding.CATEGORIES,
                    f"{where}: unknown safeguarding category",
                )
                if labelled
                else None
            )
            rows.append(
                Row(
                    text=record["text"] or "",
                    question=question if question in QUESTIONS else None,
                    sentiment=feeling,
                    themes=frozenset(
                        t.strip() for t in (record.get(themes_column) or "").split("|") if t.strip()
                    ),
                    concern=concern,
                )
            )
    return rows


def _label(value: str | None, allowed: Collection[str], unknown: str) -> str:
    """A cell's label, lower-cased ("" when blank); InputError when it is not one allowed."""
    label = (value or "").strip().lower()
    if label and label not in allowed:
        raise InputError(f"{unknown} {label!r} (one of {', '.join(allowed)}, or blank for none)")
    return label


def f1_table(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Per-class F1 for the three labels, and their mean as 'macro'."""
    result = {}
    for name in LABELS:
        tp = sum(g == name and p == name for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != name and p == name for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == name and p != name for g, p in zip(gold, predicted, strict=True))
        result[name] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    result["macro"] = sum(result[n] for n in LABELS) / len(LABELS)
    return result


def prf(gold: Iterable[bool], predicted: Iterable[bool]) -> tuple[float, float, float, int]:
    """Precision, recall, F1 and support of one binary tag."""
    tp = fp = fn = 0
    for g, p in zip(gold, predicted, strict=True):
        tp += g and p
        fp += p and not g
        fn += g and not p
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, tp + fn


def _band(value: float) -> str:
    """The ±0.05 neutral band the baselines are scored with."""
    return "positive" if value > 0.05 else "negative" if value < -0.05 else "neutral"


def baselines() -> dict[str, Callable[[Row], str]]:
    """Lantern, TextBlob polarity alone and VADER compound alone, as label functions."""
    from textblob import TextBlob
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    return {
        "Lantern": lambda r: sentiment.label(r.text, r.question),
        "TextBlob": lambda r: _band(TextBlob(r.text).sentiment.polarity),
        "VADER": lambda r: _band(vader.polarity_scores(r.text)["compound"]),
    }


@dataclass(frozen=True)
class SafeguardingScore:
    """How the safeguarding reader did on the labelled rows."""

    per_category: dict[str, tuple[int, int]]  # slug -> (disclosures flagged, disclosures)
    in_category: int  # disclosures flagged under their own category
    harmless: int
    false_alarms: int

    @property
    def disclosures(self) -> int:
        return sum(n for _, n in self.per_category.values())

    @property
    def flagged(self) -> int:
        """Disclosures flagged under any category."""
        return sum(f for f, _ in self.per_category.values())


def score_safeguarding(rows: Sequence[Row]) -> SafeguardingScore:
    """Run safeguarding.concerns on every row with a safeguarding label and count."""
    in_category = harmless = false_alarms = 0
    per_category: dict[str, list[int]] = {}
    for r in rows:
        if r.concern is None:
            continue
        found = safeguarding.concerns(r.text)
        if not r.concern:
            harmless += 1
            false_alarms += bool(found)
            continue
        counts = per_category.setdefault(r.concern, [0, 0])
        counts[0] += bool(found)
        counts[1] += 1
        in_category += r.concern in found
    return SafeguardingScore(
        per_category={slug: (f, n) for slug, (f, n) in sorted(per_category.items())},
        in_category=in_category,
        harmless=harmless,
        false_alarms=false_alarms,
    )


def _share(part: int, whole: int) -> str:
    return f"{part:5d} / {whole:<5d}{100 * part / whole:6.1f}%" if whole else f"{'-':>20s}"


def print_safeguarding(score: SafeguardingScore, out: TextIO | None = None) -> None:
    """The safeguarding table: disclosures flagged, per category, and false alarms."""
    out = out or sys.stdout
    print(f"\n{'safeguarding':44s}{'flagged / n':>20s}", file=out)
    print(f"{'disclosures flagged':44s}{_share(score.flagged, score.disclosures)}", file=out)
    print(
        f"{'  ... under their own category':44s}{_share(score.in_category, score.disclosures)}",
        file=out,
    )
    for slug, (flagged, n) in score.per_category.items():
        print(f"{'  ' + slug:44s}{_share(flagged, n)}", file=out)
    print(
        f"{'harmless comments flagged (false alarms)':44s}"
        f"{_share(score.false_alarms, score.harmless)}",
        file=out,
    )


def report(rows: Sequence[Row], out: TextIO | None = None) -> dict[str, dict[str, float]]:
    """Print the sentiment, theme, safeguarding and throughput tables; return the
    sentiment scores ({} when the rows carry no sentiment labels)."""
    out = out or sys.stdout
    print(f"{len(rows)} labelled answers", file=out)
    scores: dict[str, dict[str, float]] = {}
    felt = [r for r in rows if r.sentiment]  # a row may carry only a safeguarding label
    if felt:
        gold = [r.sentiment for r in felt]
        scores = {name: f1_table(gold, [fn(r) for r in felt]) for name, fn in baselines().items()}
        print(
            f"\n{'sentiment F1':14s}"
            + "".join(f"{n:>10s}" for n in scores)
            + ("" if len(felt) == len(rows) else f"   ({len(felt)} answers with sentiment_3)"),
            file=out,
        )
        for key in (*LABELS, "macro"):
            print(f"{key:14s}" + "".join(f"{s[key]:10.3f}" for s in scores.values()), file=out)

    present = sorted({t for r in rows for t in r.themes if t in THEME_MAP})
    if present:
        print(f"\n{'theme (label -> Lantern)':44s}{'P':>7s}{'R':>7s}{'F1':>7s}{'n':>6s}", file=out)
        tagged = [set(themes.tag(r.text)) for r in rows]
        micro_tp = micro_fp = micro_fn = 0
        for source in present:
            slug = THEME_MAP[source]
            g = [source in r.themes for r in rows]
            p = [slug in t for t in tagged]
            precision, recall, f1, n = prf(g, p)
            note = "  (coarse label: indicative)" if source in INDICATIVE_ONLY else ""
            name = source if source == slug else f"{source} -> {slug}"
            print(f"{name:44s}{precision:7.2f}{recall:7.2f}{f1:7.2f}{n:6d}{note}", file=out)
            micro_tp += sum(a and b for a, b in zip(g, p, strict=True))
            micro_fp += sum(b and not a for a, b in zip(g, p, strict=True))
            micro_fn += sum(a and not b for a, b in zip(g, p, strict=True))
        if micro_tp:
            mp = micro_tp / (micro_tp + micro_fp)
            mr = micro_tp / (micro_tp + micro_fn)
            print(
                f"{'micro (all themes above)':44s}{mp:7.2f}{mr:7.2f}{2 * mp * mr / (mp + mr):7.2f}",
                file=out,
            )

    if any(r.concern is not None for r in rows):
        print_safeguarding(score_safeguarding(rows), out=out)

    start = time.perf_counter()
    for r in rows:
        pipeline.analyse(r.text, r.question)
    elapsed = time.perf_counter() - start
    print(
        f"\nthroughput: {len(rows) / elapsed:,.0f} answers/s through pipeline.analyse "
        f"(one core, {elapsed:.2f} s)",
        file=out,
    )
    return scores


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "csv", type=Path, help="labelled CSV (text, sentiment_3, ..., safeguarding)"
    )
    args = parser.parse_args(argv)
    try:
        rows = read_rows(args.csv)
    except (InputError, UnicodeDecodeError, csv.Error) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    report(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
