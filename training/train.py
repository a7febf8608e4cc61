"""Fit Lantern's learned readers: `python -m training.train [--report]`.

Writes analysis/data/model.json and model.npz (see analysis/model.py). Learns only from
the corpus files whose role is `train` in corpus/manifest.toml: the blind-written outreach
answers, the older safeguarding and outreach sets, and the stock answers. When ../shared/data
is beside the project, its labelled FFT comments join the sentiment head as extra examples
at `FFT_WEIGHT`; the vocabulary is fitted on the project's own answers only, so no word of
that data is written to the model.

Thresholds are chosen without looking at any held-out row: the full-label training answers
are split by writer into `FOLDS` groups, each group is read by a model fitted on the rest
(and on every other training set), and the thresholds are set on those out-of-fold readings:
- `concern`: the highest P(concern) at which at least `TARGET_RECALL` of the out-of-fold
  disclosures are still flagged;
- `confident`: the lowest P(concern) above which at least `CONFIDENT_PRECISION` of the
  out-of-fold flags are real disclosures (this changes the opening words of the
  thank-you screen's helplines card, SPEC §3.6);
- each theme's: the P(theme) that gives the best out-of-fold F1.
`--report` prints the out-of-fold figures (they are tuning figures, not held-out ones).
Needs scikit-learn (a development dependency); the app reads the result with NumPy alone.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from analysis import features, language, model, sentiment_features
from training import corpus, featurize

SHARED = corpus.ROOT.parent / "shared" / "data"
FFT_FILE = "fft_v6_dev.csv"
FFT_WEIGHT = 0.3  # each FFT comment counts 0.3 of a project-written answer for sentiment
MIN_DF = {"w": 2, "c": 3, "k": 1}
C_BINARY = 10.0  # inverse regularisation of the concern and theme heads
C_SENTIMENT = 3.0
C_CATEGORY = 10.0
DENSE_WEIGHT = 0.3  # the hand-made sentiment numbers, standardised, are scaled by this
FOLDS = 5
TARGET_RECALL = 0.965
CONFIDENT_PRECISION = 0.9
SENTIMENT_LABELS = ("negative", "neutral", "positive")  # scikit-learn's (sorted) order


@dataclass
class Answer:
    """One training answer with whatever labels it has."""

    text: str
    question: str | None
    group: str  # the writer, or the set it came from
    sentiment: str = ""
    themes: tuple[str, ...] | None = None  # None: not labelled for themes
    safeguarding: str | None = None  # None: not labelled; "" harmless
    weight: float = 1.0
    project: bool = True  # written by the project (its words may enter the vocabulary)
    language: str = "en"
    terms: dict = field(default_factory=dict, repr=False)


def _question(value: str) -> str | None:
    return value if value in features.QUESTIONS else None


def training_answers(roles: tuple[str, ...] = ("train",), with_fft: bool = True) -> list[Answer]:
    """Every labelled training answer, each text once per source."""
    answers: list[Answer] = []
    full = corpus.rows(roles)
    for r in full:
        answers.append(
            Answer(r.text, _question(r.question), r.writer, r.sentiment, r.themes, r.safeguarding)
        )
    seen = {r.text for r in full}
    for e in corpus.safeguarding_examples(roles):
        if e.text not in seen:
            seen.add(e.text)
            answers.append(Answer(e.text, None, e.file, safeguarding=e.safeguarding))
    for row in corpus.outreach_examples(roles):
        for a in answers:  # the older outreach set also carries sentiment and themes
            if a.text == row["text"] and a.group == "outreach_project":
                a.question = _question(row["question_type"])
                a.sentiment = row["sentiment_3"]
                a.themes = tuple(t for t in row["app_themes"].split("|") if t)
    if with_fft and (SHARED / FFT_FILE).exists():
        with (SHARED / FFT_FILE).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                answers.append(
                    Answer(
                        row["text"],
                        _question(row["question_type"]),
                        "fft",
                        row["sentiment_3"],
                        weight=FFT_WEIGHT,
                        project=False,
                    )
                )
    return answers


def describe(answers: list[Answer]) -> None:
    """Detect each answer's language and count its terms (in place)."""
    for a in answers:
        a.language = language.detect(a.text).code
        a.terms = features.terms(a.text, a.language, a.question)


@dataclass
class Heads:
    """Fitted heads over one vocabulary."""

    vocabulary: features.Vocabulary
    sentiment: object
    themes: dict[str, object]
    concern: object
    category: object
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    theme_names: tuple[str, ...]


def _dense(answers: list[Answer]) -> np.ndarray:
    return np.asarray(
        [sentiment_features.features(a.text, _sentiment_question(a.question)) for a in answers]
    )


def _sentiment_question(question: str | None) -> str | None:
    return question if question in ("what_good", "could_improve") else None


def fit(answers: list[Answer]) -> Heads:
    """The four heads fitted on answers."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    vocabulary = features.fit_vocabulary([a.terms for a in answers if a.project], MIN_DF)
    X = featurize.matrix(vocabulary, [a.terms for a in answers])
    weights = np.asarray([a.weight for a in answers])

    rows = [i for i, a in enumerate(answers) if a.sentiment]
    dense = _dense([answers[i] for i in rows])
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale == 0] = 1.0
    Xs = hstack([X[rows], csr_matrix((dense - mean) / scale * DENSE_WEIGHT)]).tocsr()
    sentiment = LogisticRegression(C=C_SENTIMENT, max_iter=5000, class_weight="balanced")
    sentiment.fit(Xs, [answers[i].sentiment for i in rows], sample_weight=weights[rows])

    rows = [i for i, a in enumerate(answers) if a.themes is not None]
    themes = {}
    for theme in corpus.THEMES:
        head = LogisticRegression(C=C_BINARY, solver="liblinear", class_weight="balanced")
        themes[theme] = head.fit(X[rows], [theme in answers[i].themes for i in rows])

    rows = [i for i, a in enumerate(answers) if a.safeguarding is not None]
    concern = LogisticRegression(C=C_BINARY, solver="liblinear", class_weight="balanced")
    concern.fit(X[rows], [bool(answers[i].safeguarding) for i in rows])

    rows = [i for i, a in enumerate(answers) if a.safeguarding]
    category = LogisticRegression(C=C_CATEGORY, max_iter=5000, class_weight="balanced")
    category.fit(X[rows], [answers[i].safeguarding for i in rows])
    return Heads(vocabulary, sentiment, themes, concern, category, mean, scale, corpus.THEMES)


def predict(heads: Heads, answers: list[Answer]) -> dict[str, np.ndarray]:
    """Out-of-sample readings of answers by fitted heads (for choosing thresholds)."""
    from scipy.sparse import csr_matrix, hstack

    X = featurize.matrix(heads.vocabulary, [a.terms for a in answers])
    dense = (_dense(answers) - heads.dense_mean) / heads.dense_scale * DENSE_WEIGHT
    return {
        "sentiment": heads.sentiment.predict(hstack([X, csr_matrix(dense)]).tocsr()),
        "themes": np.column_stack(
            [heads.themes[t].predict_proba(X)[:, 1] for t in heads.theme_names]
        ),
        "concern": heads.concern.predict_proba(X)[:, 1],
        "category": heads.category.predict(X),
    }


def out_of_fold(answers: list[Answer]) -> tuple[list[int], dict[str, np.ndarray]]:
    """Readings of every full-label answer by a model that never saw its writer."""
    writers = sorted({a.group for a in answers if a.themes is not None and a.group[:1] in "TU"})
    folds = [writers[i::FOLDS] for i in range(FOLDS)]
    indices: list[int] = []
    parts: list[dict[str, np.ndarray]] = []
    for held in folds:
        test = [i for i, a in enumerate(answers) if a.group in held]
        train = [a for a in answers if a.group not in held]
        heads = fit(train)
        parts.append(predict(heads, [answers[i] for i in test]))
        indices += test
    joined = {k: np.concatenate([p[k] for p in parts]) for k in parts[0]}
    return indices, joined


def choose_thresholds(answers: list[Answer], indices: list[int], oof: dict) -> dict[str, float]:
    """The thresholds (see the module docstring) from out-of-fold readings."""
    flags = np.asarray([bool(answers[i].safeguarding) for i in indices])
    p = oof["concern"]
    concern = float(np.quantile(p[flags], 1 - TARGET_RECALL))
    confident = 1.0
    for t in np.linspace(0.5, 0.99, 50):
        chosen = p >= t
        if chosen.sum() and flags[chosen].mean() >= CONFIDENT_PRECISION:
            confident = float(t)
            break
    thresholds = {"concern": round(concern, 4), "confident": round(max(confident, concern), 4)}
    truth = np.asarray([[t in answers[i].themes for t in corpus.THEMES] for i in indices])
    for j, theme in enumerate(corpus.THEMES):
        best, best_f1 = 0.5, -1.0
        for t in np.linspace(0.2, 0.8, 25):
            f1 = _f1(truth[:, j], oof["themes"][:, j] >= t)
            if f1 > best_f1:
                best, best_f1 = float(t), f1
        thresholds[f"theme:{theme}"] = round(best, 4)
    return thresholds


def _f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    tp = float((truth & predicted).sum())
    return 2 * tp / max(1.0, float(truth.sum() + predicted.sum()))


def save(heads: Heads, thresholds: dict[str, float], info: dict) -> None:
    """Write analysis/data/model.json and model.npz."""
    vocabulary = heads.vocabulary
    blocks = []
    sentiment_coef = heads.sentiment.coef_  # (3, columns + dense)
    columns = vocabulary.size
    blocks.append(sentiment_coef[:, :columns])
    blocks.append(np.vstack([heads.themes[t].coef_ for t in heads.theme_names]))
    blocks.append(heads.concern.coef_)
    blocks.append(heads.category.coef_)
    weights = np.vstack(blocks).T.astype(np.float32)  # (columns, outputs)
    bias = np.concatenate(
        [
            heads.sentiment.intercept_,
            [heads.themes[t].intercept_[0] for t in heads.theme_names],
            heads.concern.intercept_,
            heads.category.intercept_,
        ]
    )
    dense_weights = (sentiment_coef[:, columns:] * DENSE_WEIGHT).T  # applied to standardised
    arrays = {
        "weights": weights,
        "bias": bias,
        "dense_weights": dense_weights,
        "dense_mean": heads.dense_mean,
        "dense_scale": heads.dense_scale,
    }
    for block in features.BLOCKS:
        arrays[f"idf_{block}"] = vocabulary.idf[block].astype(np.float32)
    np.savez_compressed(model.MODEL_NPZ, **arrays)
    order = {b: sorted(vocabulary.index[b], key=vocabulary.index[b].__getitem__) for b in features.BLOCKS}
    meta = {
        "labels": {
            "sentiment": list(heads.sentiment.classes_),
            "themes": list(heads.theme_names),
            "concern": ["concern"],
            "category": list(heads.category.classes_),
        },
        "thresholds": thresholds,
        "info": info,
        "vocabulary": order,
    }
    model.MODEL_JSON.write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print the out-of-fold figures")
    args = parser.parse_args()
    answers = training_answers()
    describe(answers)
    counts = Counter(a.group if a.group in ("fft",) else "project" for a in answers)
    print(f"{len(answers)} answers ({dict(counts)})", flush=True)
    indices, oof = out_of_fold(answers)
    thresholds = choose_thresholds(answers, indices, oof)
    if args.report:
        report(answers, indices, oof, thresholds)
    heads = fit(answers)
    files = sorted({e.name for e in corpus.manifest() if e.role == "train"})
    info = {
        "trained_on": files,
        "fft": (SHARED / FFT_FILE).exists(),
        "answers": len(answers),
        "columns": heads.vocabulary.size,
    }
    save(heads, thresholds, info)
    print(f"thresholds: {thresholds}")
    print(f"wrote {model.MODEL_JSON.name} and {model.MODEL_NPZ.name}: {heads.vocabulary.size} columns")


def report(answers: list[Answer], indices: list[int], oof: dict, thresholds: dict) -> None:
    """Print out-of-fold figures at the chosen thresholds (tuning figures, not held-out)."""
    from sklearn.metrics import f1_score

    rows = [answers[i] for i in indices]
    flags = np.asarray([bool(a.safeguarding) for a in rows])
    flagged = oof["concern"] >= thresholds["concern"]
    print(f"concern: {flagged[flags].mean():.3f} of disclosures flagged, "
          f"{flagged[~flags].mean():.3f} of harmless answers")
    cats = np.asarray([a.safeguarding for a in rows])
    print(f"category right among flagged disclosures: {(oof['category'][flags & flagged] == cats[flags & flagged]).mean():.3f}")
    print(f"sentiment macro-F1: {f1_score([a.sentiment for a in rows], oof['sentiment'], average='macro'):.3f}")
    truth = np.asarray([[t in a.themes for t in corpus.THEMES] for a in rows])
    pred = np.column_stack(
        [oof["themes"][:, j] >= thresholds[f"theme:{t}"] for j, t in enumerate(corpus.THEMES)]
    )
    print(f"themes micro-F1: {f1_score(truth, pred, average='micro'):.3f}")


if __name__ == "__main__":
    main()
