"""Sentiment of one free-text answer, aware of the question it answers (SPEC §4)."""

from __future__ import annotations

import re

from textblob import TextBlob

POSITIVE, NEUTRAL, NEGATIVE = "positive", "neutral", "negative"
_NOTHING_TO_IMPROVE = re.compile(
    r"^\s*(nothing|none|no|nope|nah|n/?a|not really|no complaints?|all good"
    r"|can'?t think of anything)"
    r"[\s.!x]*$",
    re.IGNORECASE,
)


def score(text: str, question: str | None = None) -> float:
    """A polarity in [-1, 1]; 'nothing' to 'what could we do better?' counts as positive."""
    if question == "could_improve" and _NOTHING_TO_IMPROVE.match(text or ""):
        return 0.6
    try:
        polarity = float(TextBlob(text or "").sentiment.polarity)
    except Exception:  # TextBlob on pathological input; treat as neutral
        polarity = 0.0
    return max(-1.0, min(1.0, polarity))


def label(text: str, question: str | None = None) -> str:
    """positive / neutral / negative from score() with a ±0.05 neutral band."""
    value = score(text, question)
    if value > 0.05:
        return POSITIVE
    if value < -0.05:
        return NEGATIVE
    return NEUTRAL
