"""Fit and cross-validate the sentiment weights: `python -m analysis.train_sentiment`.

Reads the labelled development split (default `../shared/data/fft_v6_dev.csv`), turns every
comment into the hand-designed numbers of `sentiment.features`, reports k-fold cross-validated
macro-F1 (fit on k-1 folds, score the held-out fold as `sentiment.label` would - the model,
then the what-was-good complaint rule - repeated with different shuffles), then
fits on all rows and writes `analysis/sentiment_model.json`: feature names, means, scales and
the logistic-regression weights. No word, n-gram or text from the data is written anywhere.
Needs scikit-learn (a development dependency; the shipped model is read with plain Python).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from analysis import sentiment_features as sentiment

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fft_v6_dev.csv"
MODEL_PATH = Path(__file__).resolve().parent / "sentiment_model.json"
C_GRID = (0.03, 0.1, 1.0)  # regularisation strengths tried by the inner cross-validation
# Macro-F1 weighs the rare neutral class like the others, so rarer classes get more weight.
# Which weighting (and which C) is used is chosen by an inner cross-validation inside each
# training fold (nested), so the reported score never sees its own test fold.
WEIGHT_GRID: tuple[dict[str, float], ...] = (
    {"positive": 1.0, "neutral": 1.0, "negative": 1.0},
    {"positive": 1.0, "neutral": 2.0, "negative": 1.5},
    {"positive": 1.0, "neutral": 3.0, "negative": 1.5},
    {"positive": 1.0, "neutral": 3.0, "negative": 2.0},
    {"positive": 1.0, "neutral": 4.0, "negative": 2.0},
    {"positive": 1.0, "neutral": 3.0, "negative": 2.5},
    {"positive": 1.0, "neutral": 5.3, "negative": 2.4},  # ~ "balanced" on this data
)


def question_of(question_type: str) -> str | None:
    """Map the FFT question types onto Lantern's ('nonspecific' -> None)."""
    return question_type if question_type in ("what_good", "could_improve") else None


def load(path: Path) -> tuple[list[str], list[str | None], list[str]]:
    """Texts, questions and 3-class labels from a labelled CSV."""
    import pandas as pd

    frame = pd.read_csv(path, keep_default_na=False)
    questions = frame["question_type"] if "question_type" in frame else [""] * len(frame)
    return (
        [str(t) for t in frame["text"]],
        [question_of(str(q)) for q in questions],
        [str(s) for s in frame["sentiment_3"]],
    )


def _fit_weighted(x, y, weights: dict[str, float], c: float):
    """A standardised multinomial logistic regression with the given class weights and C."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    model = make_pipeline(
        StandardScaler(), LogisticRegression(C=c, class_weight=weights, max_iter=5000)
    )
    return model.fit(x, y)


def choose_settings(x, y, folds: int = 4) -> tuple[dict[str, float], float]:
    """The class weighting and C with the best inner-cross-validated macro-F1 on (x, y) only."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    x, y = np.asarray(x), np.asarray(y)
    best, best_score = (WEIGHT_GRID[0], C_GRID[0]), -1.0
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=99).split(x, y))
    for weights in WEIGHT_GRID:
        for c in C_GRID:
            predicted = np.empty(len(y), dtype=object)
            for train, test in splits:
                predicted[test] = _fit_weighted(x[train], y[train], weights, c).predict(x[test])
            value = f1_score(y, predicted.astype(str), average="macro")
            if value > best_score:
                best, best_score = (weights, c), value
    return best


def _fit(x, y):
    """Choose class weights and C on (x, y) by inner CV, then fit on all of (x, y)."""
    weights, c = choose_settings(x, y)
    model = _fit_weighted(x, y, weights, c)
    model.chosen = {"class_weight": weights, "C": c}
    return model


def predict_as_shipped(model, x):
    """Labels as `sentiment.label` gives them: the model, then the plain-complaint rule for
    'What was good?' answers (no fitted parameters; see `sentiment_features`)."""
    import numpy as np

    x = np.asarray(x)
    predicted = model.predict(x).astype(object)
    rows = [i for i, row in enumerate(x) if sentiment.is_plain_complaint_to_what_good(list(row))]
    if rows:
        alone = model.predict(np.asarray([sentiment.without_question(list(x[i])) for i in rows]))
        for i, value in zip(rows, alone, strict=True):
            if value == "negative":
                predicted[i] = value
    return predicted.astype(str)


def cross_validate(x, y, folds: int = 5, repeats: int = 3) -> dict[str, list[float]]:
    """Per-fold macro and per-class F1 over repeated stratified k-fold splits."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    x, y = np.asarray(x), np.asarray(y)
    scores: dict[str, list[float]] = {"macro": [], **{c: [] for c in sentiment.LABELS}}
    for seed in range(repeats):
        splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
        for train, test in splitter.split(x, y):
            predicted = predict_as_shipped(_fit(x[train], y[train]), x[test])
            per_class = f1_score(y[test], predicted, labels=list(sentiment.LABELS), average=None)
            scores["macro"].append(float(per_class.mean()))
            for name, value in zip(sentiment.LABELS, per_class, strict=True):
                scores[name].append(float(value))
    return scores


def main(argv: list[str] | None = None) -> int:
    """Cross-validate, then fit on all rows and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-write", action="store_true", help="only report cross-validation")
    args = parser.parse_args(argv)
    if not args.csv.is_file():
        print(f"No labelled data at {args.csv}", file=sys.stderr)
        return 2
    texts, questions, labels = load(args.csv)
    x = [sentiment.features(t, q) for t, q in zip(texts, questions, strict=True)]
    scores = cross_validate(x, labels)
    for name, values in scores.items():
        print(f"CV {name:9s} F1 {statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}")
    if args.no_write:
        return 0
    macro = scores["macro"]
    fitted = _fit(x, labels)
    scaler, logistic = fitted[0], fitted[1]
    model = {
        "features": list(sentiment.FEATURE_NAMES),
        "classes": [str(c) for c in logistic.classes_],
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) if v > 0 else 1.0 for v in scaler.scale_],
        "coef": [[round(float(v), 6) for v in row] for row in logistic.coef_],
        "intercept": [round(float(v), 6) for v in logistic.intercept_],
        "trained_on": f"{args.csv.name}, {len(labels)} rows",
        "settings": fitted.chosen,
        "cv_macro_f1": f"{statistics.mean(macro):.3f} ± {statistics.stdev(macro):.3f}",
    }
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
