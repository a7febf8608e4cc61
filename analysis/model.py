"""The learned readers' one model: four heads over the shared description of an answer.

`analysis/data/model.json` (vocabulary, IDF, thresholds, what was trained on what) and
`analysis/data/model.npz` (weights) are written by `python -m training.train`. They hold
no text: only the project's own vocabulary (words, word pairs and letter pieces found in at
least two of the project's written answers, and the concept names of its lexicons) and
numbers. The heads:
- `sentiment`: P(positive), P(neutral), P(negative) (softmax), which also weighs the
  hand-made numbers of `sentiment_features` (VADER and Lantern's cue lists);
- `themes`: P(theme) for each theme of the default framework (one sigmoid each);
- `concern`: P(the answer raises a safeguarding concern) (sigmoid);
- `category`: P(category | concern) for the eight SPEC §4 categories (softmax).
All four are read from one product of the answer's TF-IDF row with the weight matrix, done
once per answer and shared by the readers within `text.one_answer()`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from analysis import features, language
from analysis.text import once

_DATA = Path(__file__).with_name("data")
MODEL_JSON = _DATA / "model.json"
MODEL_NPZ = _DATA / "model.npz"
HEADS = ("sentiment", "themes", "concern", "category")


@dataclass(frozen=True)
class Model:
    """The fitted weights and everything needed to read an answer with them."""

    vocabulary: features.Vocabulary
    weights: np.ndarray  # (columns, outputs)
    bias: np.ndarray  # (outputs,)
    dense_weights: np.ndarray  # (hand-made numbers, sentiment outputs)
    dense_mean: np.ndarray
    dense_scale: np.ndarray
    heads: dict[str, tuple[int, int]]  # head -> (first output, end)
    labels: dict[str, tuple[str, ...]]  # head -> its outputs' names
    thresholds: dict[str, float]
    info: dict
    vectorizer: features.FastVectorizer

    def logits(
        self,
        text: str,
        language_code: str,
        question: str | None,
        keywords: tuple[str, ...] = (),
        found: list[str] | None = None,
    ) -> np.ndarray:
        """Every head's raw scores for one answer (keywords: its keyword-matched themes;
        found: the concepts it uses, if already known)."""
        columns, values = self.vectorizer.vector(text, language_code, question, keywords, found)
        out = self.bias.copy()
        if len(columns):
            out += values @ self.weights[columns]
        return out

    def head(self, logits: np.ndarray, name: str) -> np.ndarray:
        """One head's scores from an answer's logits."""
        start, end = self.heads[name]
        return logits[start:end]


@once
def load() -> Model:
    """The shipped model (read once per process)."""
    meta = json.loads(MODEL_JSON.read_text(encoding="utf-8"))
    arrays = np.load(MODEL_NPZ)
    index = {b: {t: i for i, t in enumerate(meta["vocabulary"][b])} for b in features.BLOCKS}
    idf = {b: arrays[f"idf_{b}"].astype(np.float64) for b in features.BLOCKS}
    heads, labels, start = {}, {}, 0
    for name in HEADS:
        names = tuple(meta["labels"][name])
        heads[name] = (start, start + len(names))
        labels[name] = names
        start += len(names)
    vocabulary = features.Vocabulary(index, idf)
    return Model(
        vocabulary=vocabulary,
        vectorizer=features.FastVectorizer(vocabulary),
        weights=arrays["weights"].astype(np.float32),
        bias=arrays["bias"].astype(np.float64),
        dense_weights=arrays["dense_weights"].astype(np.float64),
        dense_mean=arrays["dense_mean"].astype(np.float64),
        dense_scale=arrays["dense_scale"].astype(np.float64),
        heads=heads,
        labels=labels,
        thresholds=meta["thresholds"],
        info=meta["info"],
    )


# Within one answer's analysis (text.one_answer), each reader asks for the same logits:
# they are computed once and dropped with the answer.
_MEMO: ContextVar[dict | None] = ContextVar("lantern_logits", default=None)


@contextmanager
def sharing() -> Iterator[None]:
    """Within this block the readers share each answer's language and logits (one answer)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def detect(text: str, prior: str | None = None) -> language.Language:
    """The answer's language, remembered for the rest of this answer's analysis."""
    memo = _MEMO.get()
    key = ("language", text, prior)
    if memo is not None and key in memo:
        return memo[key]
    found = language.detect(text, prior)
    if memo is not None:
        memo[key] = found
    return found


def logits(
    text: str,
    question: str | None = None,
    language_code: str | None = None,
    framework: object | None = None,
) -> np.ndarray:
    """All heads' raw scores for text (its language detected unless given); framework is the
    theme keyword framework whose matches the model weighs (the default one if None)."""
    from analysis import themes

    code = language_code or detect(text).code
    framework = framework or themes.DEFAULT_FRAMEWORK
    memo = _MEMO.get()
    key = ("logits", text, question, code, id(framework))
    if memo is not None and key in memo:
        return memo[key]
    keywords = keyword_themes(text, framework)
    reading = for_reading(redacted(text, code))
    found = load().logits(reading, code, question, keywords, list(concepts(text, code)))
    if memo is not None:
        memo[key] = found
    return found


def redacted(text: str, language_code: str) -> str:
    """text with its identifiers replaced (`redact`), remembered for this answer. The models
    read the redacted text, as they were trained: "darren hit me" and "he hit me" are read
    alike, and a worker's name in praise says nothing about the next answer."""
    from analysis import redact

    memo = _MEMO.get()
    key = ("redacted", text, language_code)
    if memo is not None and key in memo:
        return memo[key]
    found = redact.redact(text, language_code)
    if memo is not None:
        memo[key] = found
    return found


_PLACEHOLDER = re.compile(
    r"\[(name|phone|email|postcode|nhs_number|address|vehicle_reg|date_of_birth|handle)\]"
)


NAME_READS_AS = "someone"


def for_reading(redacted_text: str) -> str:
    """What the models read of a redacted answer: a name stands for NAME_READS_AS, and the
    other placeholders for nothing."""
    return _PLACEHOLDER.sub(lambda m: NAME_READS_AS if m.group(1) == "name" else " ", redacted_text)


def concepts(text: str, language_code: str) -> frozenset[str]:
    """The lexicon concepts text uses, as the models read it (redacted), in its language's
    lexicon and English's; remembered for this answer."""
    memo = _MEMO.get()
    key = ("concepts", text, language_code)
    if memo is not None and key in memo:
        return memo[key]
    tokens = features.words(features.prepare(for_reading(redacted(text, language_code))))
    found = frozenset(features.concepts_of(tokens, language_code))
    if memo is not None:
        memo[key] = found
    return found


def keyword_themes(text: str, framework: object | None = None) -> tuple[str, ...]:
    """The themes whose editable keywords occur in text, remembered for this answer."""
    from analysis import themes

    framework = framework or themes.DEFAULT_FRAMEWORK
    memo = _MEMO.get()
    key = ("keywords", text, id(framework))
    if memo is not None and key in memo:
        return memo[key]
    found = tuple(framework.tag(text))  # type: ignore[attr-defined]
    if memo is not None:
        memo[key] = found
    return found


def sigmoid(value: float) -> float:
    """The logistic function, safe for any value."""
    if value >= 0:
        return 1.0 / (1.0 + math.exp(-value))
    e = math.exp(value)
    return e / (1.0 + e)


def softmax(values: np.ndarray) -> np.ndarray:
    """Probabilities from scores."""
    shifted = np.exp(values - values.max())
    return shifted / shifted.sum()
