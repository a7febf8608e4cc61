"""Fit Lantern's learned readers: `python -m training.train [--report]`.

Writes analysis/data/model.json and model.npz (see analysis/model.py). Learns only from
the corpus files whose role is `train` in corpus/manifest.toml: the blind-written outreach
answers, the older safeguarding and outreach sets, and the stock answers. When ../shared/data
is beside the project, its labelled FFT comments join the sentiment head as extra examples
at `FFT_WEIGHT`; the vocabulary is fitted on the project's own answers only, so no word of
that data is written to the model.

Thresholds are chosen without looking at any held-out row, on the `tune` files of the
manifest (answers by writers whose words the model never learned from), read by the model
fitted on the `train` files:
- `concern`: the highest P(concern) at which at least `TARGET_RECALL` of the tune
  disclosures written in the realistic mix (U01, U02: mostly ordinary feedback) are still
  flagged, and at least `FLOOR_RECALL` of the older safeguarding sets' (written as
  disclosures beside near-twins, so harder than real life);
- `confident`: the lowest P(concern) above which at least `CONFIDENT_PRECISION` of the
  out-of-fold flags are real disclosures (this changes the opening words of the
  thank-you screen's helplines card, SPEC §3.6);
- each theme's: the P(theme) that gives the best out-of-fold F1.
`--report` prints the tune figures at those thresholds (tuning figures, not held-out ones).
Needs scikit-learn (a development dependency); the app reads the result with NumPy alone.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from analysis import features, language, model, sentiment_features
from training import corpus, featurize

SHARED = corpus.ROOT.parent / "shared" / "data"
FFT_FILE = "fft_v6_dev.csv"
# The FFT comments are read as if no box had been named: on the FFT data a "What was good?"
# answer is nearly always praise, and learning that made a complaint typed into that box on
# the tablet read as praise. What the box means is learned from the outreach answers.
FFT_WEIGHT = 1.0  # each FFT comment counts as much as a project-written answer for sentiment
MIN_DF = {"w": 2, "c": 3, "k": 1, "q": 1}
COPIED_COMPLAINT_WEIGHT = 0.5
# The FFT comments also teach the concern head what ordinary health-service feedback looks
# like ("the nurse dressed my wound"), at this weight each.
FFT_CONCERN_WEIGHT = 0.3
C_BINARY = 10.0  # inverse regularisation of the concern and theme heads
C_SENTIMENT = 3.0
C_CATEGORY = 10.0
DENSE_WEIGHT = 0.3  # the hand-made sentiment numbers, standardised, are scaled by this
TARGET_RECALL = 0.98
FLOOR_RECALL = 0.93
CONFIDENT_PRECISION = 0.95
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
    # A complaint is a complaint whichever box it is typed into (corpus/GUIDE.md), but the
    # writers put few into "What was good?": each complaint made to "What could we do
    # better?" is also shown to the sentiment head as if typed into "What was good?".
    answers += [
        Answer(
            r.text,
            "what_good",
            r.writer,
            r.sentiment,
            weight=COPIED_COMPLAINT_WEIGHT,
            project=False,
        )
        for r in full
        if r.question == "could_improve" and r.sentiment == "negative" and not r.safeguarding
    ]
    answers += mixed_answers(full)
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
                        None,  # see FFT_WEIGHT
                        "fft",
                        row["sentiment_3"],
                        safeguarding="",  # NHS feedback, not disclosures
                        weight=FFT_WEIGHT,
                        project=False,
                    )
                )
    return answers


MIXED_COPIES = 3  # ordinary answers each training disclosure is shown joined to


def mixed_answers(full: list[corpus.Row], seed: int = 12) -> list[Answer]:
    """A disclosure keeps its flag whatever ordinary feedback surrounds it: each training
    disclosure is also shown to the safeguarding heads joined to an ordinary answer
    ("the punter hurt me" + "thanks for the soup"), and as many ordinary answers joined to
    each other, so that length itself says nothing."""
    import random

    rng = random.Random(seed)
    ordinary = [r for r in full if not r.safeguarding]
    mixed = []
    for r in full:
        if not r.safeguarding:
            continue
        for _ in range(MIXED_COPIES):
            for label, first in ((r.safeguarding, r.text), ("", rng.choice(ordinary).text)):
                other = rng.choice(ordinary).text
                text = f"{first} {other}" if rng.random() < 0.5 else f"{other} {first}"
                mixed.append(Answer(text, None, r.writer, safeguarding=label, project=False))
    return mixed


def describe(answers: list[Answer]) -> None:
    """Detect each answer's language and count its terms (in place)."""
    from analysis import redact, themes

    for a in answers:
        a.language = language.detect(a.text).code
        keywords = themes.DEFAULT_FRAMEWORK.tag(a.text)
        # the models read redacted text, as the app gives it to them (analysis.model.redacted)
        read = model.for_reading(redact.redact(a.text, a.language))
        a.terms = features.terms(read, a.language, a.question, keywords)


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
    dense = (dense - mean) / scale * DENSE_WEIGHT * _DENSE_KEEP
    Xs = hstack(
        [X[rows] @ _without_question(vocabulary, plain_only=True), csr_matrix(dense)]
    ).tocsr()
    sentiment = LogisticRegression(C=C_SENTIMENT, max_iter=5000, class_weight="balanced")
    sentiment.fit(Xs, [answers[i].sentiment for i in rows], sample_weight=weights[rows])

    rows = [i for i, a in enumerate(answers) if a.themes is not None]
    themes = {}
    for theme in corpus.THEMES:
        head = LogisticRegression(C=C_BINARY, solver="liblinear", class_weight="balanced")
        themes[theme] = head.fit(X[rows], [theme in answers[i].themes for i in rows])

    # Safeguarding never weighs the question: most older disclosure sets have none, so the
    # question's absence would read as a sign of danger. Its columns are zeroed for these two.
    Xq = X @ _without_question(vocabulary)
    rows = [i for i, a in enumerate(answers) if a.safeguarding is not None]
    concern = LogisticRegression(C=C_BINARY, solver="liblinear", class_weight="balanced")
    concern_weights = [FFT_CONCERN_WEIGHT if answers[i].group == "fft" else 1.0 for i in rows]
    concern.fit(
        Xq[rows], [bool(answers[i].safeguarding) for i in rows], sample_weight=concern_weights
    )

    rows = [i for i, a in enumerate(answers) if a.safeguarding]
    category = LogisticRegression(C=C_CATEGORY, max_iter=5000, class_weight="balanced")
    category.fit(Xq[rows], [answers[i].safeguarding for i in rows])
    return Heads(vocabulary, sentiment, themes, concern, category, mean, scale, corpus.THEMES)


def _without_question(vocabulary: features.Vocabulary, plain_only: bool = False):
    """A diagonal matrix that zeroes the question's columns ("Q=what_good", "what_good:kind");
    with plain_only (for sentiment), only the joins of "What was good?" to what the answer
    says, keeping the box itself and the joins of the other boxes (see _DENSE_KEEP)."""
    from scipy.sparse import diags

    keep = np.ones(vocabulary.size)
    start = vocabulary.offsets()["q"]
    for term, column in vocabulary.index["q"].items():
        if not plain_only or term.startswith("what_good:"):
            keep[start + column] = 0.0
    return diags(keep)


# Sentiment weighs the box an answer is in ("What was good?" leans to praise: "the soup"
# there is praise), and what "What could we do better?" does to an answer ("nothing" there
# is praise), but not "What was good?" joined to the answer's words: almost every answer
# in that box is praise, so those joins learned that "cold" or "late" there is praise too,
# and "the van was late and cold, awful" read as praise. "Nothing" there keeps its join.
_DENSE_KEEP = np.asarray(
    [
        0.0 if name.endswith("_x_what_good") and name != "nothing_answer_x_what_good" else 1.0
        for name in sentiment_features.FEATURE_NAMES
    ]
)  # "nothing" to "What was good?" is still a complaint


def predict(heads: Heads, answers: list[Answer]) -> dict[str, np.ndarray]:
    """Out-of-sample readings of answers by fitted heads (for choosing thresholds)."""
    from scipy.sparse import csr_matrix, hstack

    X = featurize.matrix(heads.vocabulary, [a.terms for a in answers])
    dense = (_dense(answers) - heads.dense_mean) / heads.dense_scale * DENSE_WEIGHT * _DENSE_KEEP
    plain = X @ _without_question(heads.vocabulary, plain_only=True)
    return {
        "sentiment": heads.sentiment.predict(hstack([plain, csr_matrix(dense)]).tocsr()),
        "themes": np.column_stack(
            [heads.themes[t].predict_proba(X)[:, 1] for t in heads.theme_names]
        ),
        "concern": heads.concern.predict_proba(X @ _without_question(heads.vocabulary))[:, 1],
        "category": heads.category.predict(X @ _without_question(heads.vocabulary)),
    }


def tune_answers() -> list[Answer]:
    """The tune files' answers (full-label and safeguarding-only), described."""
    full = corpus.rows(("tune",))
    answers = [
        Answer(r.text, _question(r.question), r.writer, r.sentiment, r.themes, r.safeguarding)
        for r in full
    ]
    names = {r.file for r in full}
    answers += [
        Answer(e.text, None, e.file, safeguarding=e.safeguarding)
        for e in corpus.safeguarding_examples(("tune",))
        if e.file not in names
    ]
    describe(answers)
    return answers


def choose_thresholds(answers: list[Answer], oof: dict) -> dict[str, float]:
    """The thresholds (see the module docstring) from the tune answers' readings."""
    flags = np.asarray([bool(a.safeguarding) for a in answers])
    realistic = np.asarray([a.themes is not None for a in answers])
    p = oof["concern"]
    concern = min(
        float(np.quantile(p[flags & realistic], 1 - TARGET_RECALL)),
        float(np.quantile(p[flags & ~realistic], 1 - FLOOR_RECALL)),
    )
    confident = 1.0
    for t in np.linspace(0.5, 0.99, 50):
        chosen = (p >= t) & realistic
        if chosen.sum() and flags[chosen].mean() >= CONFIDENT_PRECISION:
            confident = float(t)
            break
    thresholds = {"concern": round(concern, 4), "confident": round(max(confident, concern), 4)}
    themed = [i for i, a in enumerate(answers) if a.themes is not None]
    truth = np.asarray([[t in answers[i].themes for t in corpus.THEMES] for i in themed])
    for j, theme in enumerate(corpus.THEMES):
        best, best_f1 = 0.5, -1.0
        for t in np.linspace(0.2, 0.8, 25):
            f1 = _f1(truth[:, j], oof["themes"][themed, j] >= t)
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
    weights = np.vstack(blocks).T.astype(np.float16)  # (columns, outputs); half precision is plenty
    bias = np.concatenate(
        [
            heads.sentiment.intercept_,
            [heads.themes[t].intercept_[0] for t in heads.theme_names],
            heads.concern.intercept_,
            heads.category.intercept_,
        ]
    )
    dense_weights = (sentiment_coef[:, columns:] * DENSE_WEIGHT * _DENSE_KEEP).T  # on standardised
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
    order = {
        b: sorted(vocabulary.index[b], key=vocabulary.index[b].__getitem__) for b in features.BLOCKS
    }
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


def fft_cross_validation(answers: list[Answer], repeats: int = 3, folds: int = 5) -> list[float]:
    """Sentiment macro-F1 on held-out folds of the FFT comments (the project's answers always
    in training), over `repeats` shuffles of `folds` folds: the check that reading outreach
    language did not cost the NHS feedback its accuracy."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold

    fft = [i for i, a in enumerate(answers) if a.group == "fft"]
    project = [i for i, a in enumerate(answers) if a.group != "fft" and a.sentiment]
    vocabulary = features.fit_vocabulary([a.terms for a in answers if a.project], MIN_DF)
    X = featurize.matrix(vocabulary, [a.terms for a in answers])
    dense = _dense(answers)
    mean, scale = dense.mean(axis=0), dense.std(axis=0)
    scale[scale == 0] = 1.0
    X = X @ _without_question(vocabulary, plain_only=True)
    X = hstack([X, csr_matrix((dense - mean) / scale * DENSE_WEIGHT * _DENSE_KEEP)]).tocsr()
    labels = np.asarray([a.sentiment for a in answers])
    weights = np.asarray([a.weight for a in answers])
    scores = []
    for seed in range(repeats):
        split = StratifiedKFold(folds, shuffle=True, random_state=seed)
        for train_part, test_part in split.split(np.zeros(len(fft)), labels[fft]):
            train = project + [fft[i] for i in train_part]
            test = [fft[i] for i in test_part]
            head = LogisticRegression(C=C_SENTIMENT, max_iter=5000, class_weight="balanced")
            head.fit(X[train], labels[train], sample_weight=weights[train])
            scores.append(f1_score(labels[test], head.predict(X[test]), average="macro"))
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="print the out-of-fold figures")
    parser.add_argument(
        "--fft-cv", action="store_true", help="cross-validate sentiment on the FFT comments"
    )
    args = parser.parse_args()
    answers = training_answers()
    describe(answers)
    if args.fft_cv:
        scores = fft_cross_validation(answers)
        mean = sum(scores) / len(scores)
        spread = (sum((x - mean) ** 2 for x in scores) / (len(scores) - 1)) ** 0.5
        print(f"FFT sentiment macro-F1, {len(scores)} held-out folds: {mean:.3f} ± {spread:.3f}")
        return
    counts = Counter(a.group if a.group in ("fft",) else "project" for a in answers)
    print(f"{len(answers)} answers ({dict(counts)})", flush=True)
    heads = fit(answers)
    tune = tune_answers()
    readings = predict(heads, tune)
    thresholds = choose_thresholds(tune, readings)
    if args.report:
        report(tune, readings, thresholds)
    files = sorted({e.name for e in corpus.manifest() if e.role == "train"})
    info = {
        "trained_on": files,
        "fft": (SHARED / FFT_FILE).exists(),
        "answers": len(answers),
        "columns": heads.vocabulary.size,
    }
    save(heads, thresholds, info)
    print(f"thresholds: {thresholds}")
    print(
        f"wrote {model.MODEL_JSON.name} and {model.MODEL_NPZ.name}: {heads.vocabulary.size} columns"
    )


def report(rows: list[Answer], oof: dict, thresholds: dict) -> None:
    """Print the tune figures at the chosen thresholds (tuning figures, not held-out)."""
    from sklearn.metrics import f1_score

    flags = np.asarray([bool(a.safeguarding) for a in rows])
    flagged = oof["concern"] >= thresholds["concern"]
    realistic = np.asarray([a.themes is not None for a in rows])
    for name, part in (("realistic mix", realistic), ("older sets", ~realistic)):
        print(
            f"concern, {name}: {flagged[flags & part].mean():.3f} of disclosures flagged, "
            f"{flagged[~flags & part].mean():.3f} of harmless answers"
        )
    cats = np.asarray([a.safeguarding for a in rows])
    right = (oof["category"][flags & flagged] == cats[flags & flagged]).mean()
    print(f"category right among flagged disclosures: {right:.3f}")
    full = [i for i, a in enumerate(rows) if a.themes is not None]
    truth_sentiment = [rows[i].sentiment for i in full]
    macro = f1_score(truth_sentiment, oof["sentiment"][full], average="macro")
    print(f"sentiment macro-F1: {macro:.3f}")
    truth = np.asarray([[t in rows[i].themes for t in corpus.THEMES] for i in full])
    pred = np.column_stack(
        [oof["themes"][full, j] >= thresholds[f"theme:{t}"] for j, t in enumerate(corpus.THEMES)]
    )

    print(f"themes micro-F1: {f1_score(truth, pred, average='micro'):.3f}")


if __name__ == "__main__":
    main()
