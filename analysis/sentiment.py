"""Sentiment of one free-text answer, aware of the question it answers (SPEC §4).

The shared learned model (`analysis.model`) gives P(positive), P(neutral), P(negative) from
the answer's words, letter pieces and concepts in six languages, the question it answers,
and the hand-made numbers of `sentiment_features` (VADER's scores with outreach words added,
Lantern's cue lists). It was fitted on the project's blind-written outreach answers and the
labelled FFT comments (their words never enter the model: the vocabulary is the project's).
The score is P(positive) − P(negative); the label is the most likely class.

One rule follows the labelling guide (corpus/GUIDE.md): an answer that raises a
safeguarding concern is negative, whatever else it says ("the punter hurt me thanks for the
soup"), so harm told in warm words is never counted as praise.
"""

from __future__ import annotations

import numpy as np

from analysis import model, safeguarding, sentiment_features
from analysis.sentiment_features import FEATURE_NAMES, features

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
LABELS = (POSITIVE, NEUTRAL, NEGATIVE)
QUESTIONS = ("what_good", "could_improve", "anything_else")
_MAX_CHARS = 5000
_CONCERN_SCORE = -0.5  # the highest score an answer raising a concern can have
__all__ = ["FEATURE_NAMES", "LABELS", "features", "label", "probabilities", "read", "score"]


def _cue_question(question: str | None) -> str | None:
    """The question as the hand-made numbers know it (what_good / could_improve / none)."""
    return question if question in ("what_good", "could_improve") else None


def probabilities(
    text: str,
    question: str | None = None,
    language: str | None = None,
    framework: object | None = None,
) -> dict[str, float]:
    """P(positive), P(neutral), P(negative) for one answer."""
    text = (text or "")[:_MAX_CHARS]
    found = model.load()
    scores = found.head(model.logits(text, question, language, framework), "sentiment").copy()
    values = np.asarray(sentiment_features.features(text, _cue_question(question)))
    scores += ((values - found.dense_mean) / found.dense_scale) @ found.dense_weights
    probs = model.softmax(scores)
    return {c: float(p) for c, p in zip(found.labels["sentiment"], probs, strict=True)}


def read(
    text: str,
    question: str | None = None,
    language: str | None = None,
    framework: object | None = None,
) -> tuple[float, str]:
    """(score, label) from one pass over the text; nothing readable is neutral 0."""
    if not any(ch.isalnum() for ch in (text or "")[:_MAX_CHARS]):
        return 0.0, NEUTRAL
    probs = probabilities(text, question, language, framework)
    value = max(-1.0, min(1.0, probs[POSITIVE] - probs[NEGATIVE]))
    best = max(LABELS, key=lambda c: probs[c])
    if safeguarding.read(text, language, framework=framework, question=question).flagged:
        return min(value, _CONCERN_SCORE), NEGATIVE
    return value, best


def score(text: str, question: str | None = None) -> float:
    """P(positive) - P(negative), in [-1, 1]; 'nothing' to 'what could we do better?' is high."""
    return read(text, question)[0]


def label(text: str, question: str | None = None) -> str:
    """positive / neutral / negative: the most likely class (negative when it raises a concern)."""
    return read(text, question)[1]
