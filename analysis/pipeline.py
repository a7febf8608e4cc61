"""One call that turns an answer into what may be stored: redacted text and its readings."""

from __future__ import annotations

from dataclasses import dataclass

from analysis import model, safeguarding, sentiment, themes
from analysis.text import one_answer

ANALYSIS_VERSION = "11"
# 3: wider; 4: wide net; 5: broader net; 6: catch-all; 7: settled; 8: model;
# 9: sentiment weighs project words, safeguarding model learns from eight blind sets;
# 10: one learned model over words, letter pieces and six languages' concepts, fitted on the
#     blind-written outreach corpus; language detection; answers not read go to a person;
# 11: refitted with six more training writers (Portuguese, short answers, places and staff,
#     hints), after a code review's fixes


@dataclass(frozen=True)
class TextAnalysis:
    """What is kept of one free-text answer. The original text is not part of it."""

    redacted: str
    sentiment_score: float | None  # None only where a caller stores no reading (unread)
    sentiment_label: str | None
    themes: tuple[str, ...]
    concerns: tuple[str, ...]
    version: str = ANALYSIS_VERSION
    language: str = "en"  # ISO 639-1 code of the language it is written in
    machine_read: bool = True  # False: a language the analysis does not read (to a person)
    concern_confidence: float = 0.0  # P(concern)
    confident: bool = False  # a concern above the confident threshold (SPEC §3.6)


def analyse(
    text: str,
    question: str | None = None,
    framework: themes.Framework | None = None,
    language: str | None = None,
) -> TextAnalysis:
    """Read the original in memory only; return redacted text with its readings.

    question is the box it answers (what_good, could_improve, provision_other,
    consultation); language is the kiosk language she chose, the prior for telling the
    answer's own language.
    """
    with one_answer(), model.sharing():  # the readers share one normalised copy and one model pass
        found = model.detect(text or "", language)
        code = found.code if found.read else (language if language in model.language.READ else "en")
        value, label = sentiment.read(text, question, code, framework)
        finding = safeguarding.read(text, code, framework=framework, question=question)
        return TextAnalysis(
            redacted=model.redacted(text, found.code),
            sentiment_score=value,
            sentiment_label=label,
            themes=tuple(themes.tag(text, framework, question, code)),
            concerns=finding.categories,
            language=found.code,
            machine_read=found.read,
            concern_confidence=round(finding.confidence, 4),
            confident=finding.confident,
        )
