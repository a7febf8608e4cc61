"""One call that turns an answer into what may be stored: redacted text and its readings."""

from __future__ import annotations

from dataclasses import dataclass

from analysis import redact, safeguarding, sentiment, themes
from analysis.text import one_answer

ANALYSIS_VERSION = "9"  # 3: wider; 4: wide net; 5: broader net; 6: catch-all; 7: settled; 8: model;
# 9: sentiment weighs project words, safeguarding model learns from eight blind sets


@dataclass(frozen=True)
class TextAnalysis:
    """What is kept of one free-text answer. The original text is not part of it."""

    redacted: str
    sentiment_score: float
    sentiment_label: str
    themes: tuple[str, ...]
    concerns: tuple[str, ...]
    version: str = ANALYSIS_VERSION


def analyse(
    text: str, question: str | None = None, framework: themes.Framework | None = None
) -> TextAnalysis:
    """Read the original in memory only; return redacted text with sentiment, themes, concerns."""
    with one_answer():  # the three readers share one normalised copy of it
        value, label = sentiment.read(text, question)
        return TextAnalysis(
            redacted=redact.redact(text),
            sentiment_score=value,
            sentiment_label=label,
            themes=tuple(themes.tag(text, framework)),
            concerns=tuple(safeguarding.concerns(text)),
        )
