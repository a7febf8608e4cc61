"""Sentiment of one free-text answer, aware of the question it answers (SPEC §4).

The answer is described by the hand-designed numbers of `sentiment_features.features` and by
the TF-IDF weights of its words (raw counts, l2 norm, as scikit-learn's `TfidfVectorizer`
makes them), counting only the project-written words the model file lists; a multinomial
logistic regression over both (`sentiment_model.json`, fitted by
`python -m analysis.train_sentiment`) gives P(positive), P(neutral), P(negative). A plain
complaint typed into the "What was good?" box that the model, read without the question,
calls negative is read that way (`sentiment_features.is_plain_complaint_to_what_good`), so
"the food was cold and horrible" there is not praise.
"""

from __future__ import annotations

import functools
import json
import math
import operator
from collections import Counter
from importlib import resources

from analysis import sentiment_features
from analysis.sentiment_features import (
    FEATURE_NAMES,
    features,
    is_plain_complaint_to_what_good,
    without_question,
)

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
LABELS = (POSITIVE, NEUTRAL, NEGATIVE)
QUESTIONS = ("what_good", "could_improve", "anything_else")
_MAX_CHARS = 5000
__all__ = ["FEATURE_NAMES", "LABELS", "features", "label", "probabilities", "read", "score"]


@functools.cache
def _load_model() -> dict:
    """The fitted model shipped beside this module (weights over FEATURE_NAMES and its words)."""
    raw = resources.files("analysis").joinpath("sentiment_model.json").read_text("utf-8")
    return prepare(json.loads(raw))


def prepare(model: dict) -> dict:
    """A model file's content made ready to read answers with (checked, weights folded)."""
    if tuple(model["features"]) != FEATURE_NAMES:
        raise RuntimeError("sentiment_model.json was fitted on other features: re-train it")
    # Fold the standardisation into the weights once: w * (x - m) / s = (w / s) * x - w * m / s.
    model["folded"] = [
        (
            [w / s for w, s in zip(row, model["scale"], strict=True)],
            intercept
            - sum(w * m / s for w, m, s in zip(row, model["mean"], model["scale"], strict=True)),
        )
        for row, intercept in zip(model["coef"], model["intercept"], strict=True)
    ]
    # Each word's column: its IDF and its weight for each class.
    model["words"] = {
        term: (idf, [row[i] for row in model["term_coef"]])
        for i, (term, idf) in enumerate(zip(model["terms"], model["idf"], strict=True))
    }
    return model


def _word_logits(words: list[str], model: dict) -> list[float]:
    """Each class's share of the linear score from the answer's word weights."""
    known = model["words"]
    counts = Counter(w for w in words if w in known)
    totals = [0.0] * len(model["classes"])
    if not counts:
        return totals
    weights = {w: n * known[w][0] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    for w, v in weights.items():
        for k, coef in enumerate(known[w][1]):
            totals[k] += coef * v / norm
    return totals


def _probabilities(values: list[float], from_words: list[float], model: dict) -> dict[str, float]:
    """Softmax of the linear model; weights are pre-divided by the feature scales, and
    from_words holds each class's share from the word weights (`_word_logits`)."""
    logits = [
        intercept + extra + sum(map(operator.mul, row, values))
        for (row, intercept), extra in zip(model["folded"], from_words, strict=True)
    ]
    top = max(logits)
    exps = [math.exp(z - top) for z in logits]
    total = sum(exps)
    return {c: e / total for c, e in zip(model["classes"], exps, strict=True)}


def probabilities(text: str, question: str | None = None) -> dict[str, float]:
    """P(positive), P(neutral), P(negative) for one answer."""
    values, words = sentiment_features.read(text, question)
    return _shipped_probabilities(values, words, _load_model())


def _shipped_probabilities(values: list[float], words: list[str], model: dict) -> dict[str, float]:
    """The model's reading; a plain complaint to 'What was good?' that the model, read without
    the question, calls negative keeps that reading instead of the question's praise prior."""
    from_words = _word_logits(words, model)
    probs = _probabilities(values, from_words, model)
    if is_plain_complaint_to_what_good(values, words):
        alone = _probabilities(without_question(values), from_words, model)
        if max(alone, key=alone.__getitem__) == NEGATIVE:
            return alone
    return probs


def _read(text: str, question: str | None) -> tuple[float, str]:
    """Score and label from one pass over the text; nothing readable is neutral 0."""
    if not any(ch.isalnum() for ch in (text or "")[:_MAX_CHARS]):
        return 0.0, NEUTRAL
    probs = probabilities(text, question)
    value = probs[POSITIVE] - probs[NEGATIVE]
    best = max(LABELS, key=lambda c: probs[c])
    return max(-1.0, min(1.0, value)), best


def score(text: str, question: str | None = None) -> float:
    """P(positive) - P(negative), in [-1, 1]; 'nothing' to 'what could we do better?' is high."""
    return _read(text, question)[0]


def label(text: str, question: str | None = None) -> str:
    """positive / neutral / negative: the most likely class under the fitted model."""
    return _read(text, question)[1]


def read(text: str, question: str | None = None) -> tuple[float, str]:
    """score() and label() together, computing the features once (the pipeline uses this)."""
    return _read(text, question)
