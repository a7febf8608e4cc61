"""Fit and cross-validate the sentiment weights: `python -m analysis.train_sentiment`.

Reads the labelled development split (default `../shared/data/fft_v6_dev.csv`) and turns
every comment into the hand-designed numbers of `sentiment.features` and the TF-IDF weights
of its words, counting only words of the project's own vocabulary (`project_vocabulary`:
the comments the project wrote for its tests, and its cue lexicons). It reports nested,
repeated k-fold cross-validated macro-F1 (class weights and C chosen inside each training
fold; the held-out fold scored as `sentiment.label` would: the model, then the
what-was-good complaint rule), then fits on all rows and writes
`analysis/sentiment_model.json`: feature names, means, scales, the project words the data
used (in at least `MIN_DF` comments) with their IDF, and the logistic-regression weights.
No word, n-gram or text from the data is written anywhere: a word is shipped only when the
project itself wrote it. Needs scikit-learn (a development dependency; the shipped model is
read with plain Python).
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import sys
from pathlib import Path

from analysis import sentiment_features as sentiment
from analysis.text import normalise

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "fft_v6_dev.csv"
MODEL_PATH = Path(__file__).resolve().parent / "sentiment_model.json"
C_GRID = (0.1, 0.3, 1.0)  # regularisation strengths tried by the inner cross-validation
MIN_DF = 2  # a project word is weighed when at least this many training comments use it
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


@functools.cache
def project_vocabulary() -> tuple[str, ...]:
    """The words the model may weigh, all written by the project: the safeguarding tables and
    blind training sets and the cue lexicons, normalised as answers are.
    None comes from the FFT data, so none of its words can be shipped; none is taken from the
    outreach set either, so the outreach figures stay a fair test of reading new words."""
    import csv

    from analysis import train_safeguarding

    with train_safeguarding.OUTREACH.open(encoding="utf-8", newline="") as handle:
        outreach = {row["text"] for row in csv.DictReader(handle)}
    disclosures, harmless = train_safeguarding.project_examples()
    texts = [t for t, _ in disclosures] + [t for t in harmless if t not in outreach]
    texts += [*sentiment.LEXICON_WORDS]
    return tuple(sorted({w for t in texts for w in sentiment.words(normalise(t))}))


class Reader:
    """A fitted reading: the hand features standardised beside the TF-IDF weights of the
    project words the training comments used, and a multinomial logistic regression."""

    def __init__(self, x, docs, y, weights: dict[str, float], c: float) -> None:
        from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        vocabulary = project_vocabulary()
        counts = CountVectorizer(vocabulary=vocabulary, **_TOKENS).fit_transform(docs)
        used = (counts > 0).sum(axis=0).A1 >= MIN_DF
        self.scaler = StandardScaler().fit(x)
        self.words = TfidfVectorizer(
            vocabulary=[w for w, keep in zip(vocabulary, used, strict=True) if keep], **_TOKENS
        ).fit(docs)
        self.logistic = LogisticRegression(C=c, class_weight=weights, max_iter=5000)
        self.logistic.fit(self.matrix(x, docs), y)
        self.chosen = {"class_weight": weights, "C": c}

    def matrix(self, x, docs):
        """The design matrix: standardised hand features, then the word weights."""
        from scipy import sparse

        hand = sparse.csr_matrix(self.scaler.transform(x))
        return sparse.hstack([hand, self.words.transform(docs)]).tocsr()

    def predict(self, x, docs):
        """The most likely class of each (features, words) row."""
        return self.logistic.predict(self.matrix(x, docs))

    def predict_proba(self, x, docs):
        """P(class) of each row, columns in `logistic.classes_` order."""
        return self.logistic.predict_proba(self.matrix(x, docs))


_TOKENS = {"token_pattern": sentiment.WORD_PATTERN, "lowercase": False}


def choose_settings(x, docs, y, folds: int = 4) -> tuple[dict[str, float], float]:
    """The class weighting and C with the best inner-cross-validated macro-F1 on (x, y) only."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    x, docs, y = np.asarray(x), np.asarray(docs, dtype=object), np.asarray(y)
    best, best_score = (WEIGHT_GRID[0], C_GRID[0]), -1.0
    splits = list(StratifiedKFold(folds, shuffle=True, random_state=99).split(x, y))
    for weights in WEIGHT_GRID:
        for c in C_GRID:
            predicted = np.empty(len(y), dtype=object)
            for train, test in splits:
                fitted = Reader(x[train], docs[train], y[train], weights, c)
                predicted[test] = fitted.predict(x[test], docs[test])
            value = f1_score(y, predicted.astype(str), average="macro")
            if value > best_score:
                best, best_score = (weights, c), value
    return best


def _fit(x, docs, y) -> Reader:
    """Choose class weights and C on (x, y) by inner CV, then fit on all of (x, y)."""
    weights, c = choose_settings(x, docs, y)
    return Reader(x, docs, y, weights, c)


def predict_as_shipped(model: Reader, x, docs):
    """Labels as `sentiment.label` gives them: the model, then the plain-complaint rule for
    'What was good?' answers (no fitted parameters; see `sentiment_features`)."""
    import numpy as np

    x, docs = np.asarray(x), np.asarray(docs, dtype=object)
    predicted = model.predict(x, docs).astype(object)
    rows = [
        i
        for i, (row, joined) in enumerate(zip(x, docs, strict=True))
        if sentiment.is_plain_complaint_to_what_good(list(row), joined.split())
    ]
    if rows:
        hand = np.asarray([sentiment.without_question(list(x[i])) for i in rows])
        alone = model.predict(hand, docs[rows])
        for i, value in zip(rows, alone, strict=True):
            if value == "negative":
                predicted[i] = value
    return predicted.astype(str)


def cross_validate(x, docs, y, folds: int = 5, repeats: int = 3) -> dict[str, list[float]]:
    """Per-fold macro and per-class F1 over repeated stratified k-fold splits."""
    import numpy as np
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    x, docs, y = np.asarray(x), np.asarray(docs, dtype=object), np.asarray(y)
    scores: dict[str, list[float]] = {"macro": [], **{c: [] for c in sentiment.LABELS}}
    for seed in range(repeats):
        splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
        for train, test in splitter.split(x, y):
            fitted = _fit(x[train], docs[train], y[train])
            predicted = predict_as_shipped(fitted, x[test], docs[test])
            per_class = f1_score(y[test], predicted, labels=list(sentiment.LABELS), average=None)
            scores["macro"].append(float(per_class.mean()))
            for name, value in zip(sentiment.LABELS, per_class, strict=True):
                scores[name].append(float(value))
    return scores


def readings(texts: list[str], questions: list[str | None]) -> tuple[list, list[str]]:
    """The hand features of each answer and its words (joined by spaces) for the vectoriser."""
    pairs = [sentiment.read(t, q) for t, q in zip(texts, questions, strict=True)]
    return [values for values, _ in pairs], [" ".join(words) for _, words in pairs]


def export(fitted: Reader) -> dict:
    """The model file's content: everything `sentiment` needs, read with plain Python."""
    scaler, logistic = fitted.scaler, fitted.logistic
    width = len(sentiment.FEATURE_NAMES)
    terms = list(fitted.words.get_feature_names_out())
    return {
        "features": list(sentiment.FEATURE_NAMES),
        "classes": [str(c) for c in logistic.classes_],
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) if v > 0 else 1.0 for v in scaler.scale_],
        "coef": [[round(float(v), 6) for v in row[:width]] for row in logistic.coef_],
        "intercept": [round(float(v), 6) for v in logistic.intercept_],
        "terms": [str(t) for t in terms],
        "idf": [round(float(v), 6) for v in fitted.words.idf_],
        "term_coef": [[round(float(v), 6) for v in row[width:]] for row in logistic.coef_],
        "settings": fitted.chosen,
    }


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
    x, docs = readings(texts, questions)
    scores = cross_validate(x, docs, labels)
    for name, values in scores.items():
        print(f"CV {name:9s} F1 {statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}")
    if args.no_write:
        return 0
    macro = scores["macro"]
    model = export(_fit(x, docs, labels))
    model["trained_on"] = f"{args.csv.name}, {len(labels)} rows"
    model["cv_macro_f1"] = f"{statistics.mean(macro):.3f} ± {statistics.stdev(macro):.3f}"
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
