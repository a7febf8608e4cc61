"""The learned second opinion for safeguarding: word and letter patterns, weighed (SPEC §4).

The rules in `safeguarding` catch the wording they were written for; on disclosures written
blind afterwards they found about 4 in 5, missing mostly danger told through its
circumstances, and their broad nets raised false alarms on near-twins of disclosures. This
model reads the same prepared text (lower case, text-speak expanded, harmless idioms
blanked) as TF-IDF weights of its words and word pairs and of the 3-5 letter pieces inside
each word, and a logistic regression turns them into P(concern). It reads every comment
(`second_look`): a rule's match stands when P(concern) is above `confirm` (0.25), and with
no rule matching, the model flags alone above `alone` (0.5), under the category a second
regression rates most likely.

`safeguarding_model.json` is written by `python -m analysis.train_safeguarding`: the terms
and their IDF come only from the project's own written comments (the disclosure and
harmless tables under tests/, never the held-out sets); the labelled FFT comments in
../shared, when present, take part only as extra harmless examples, so none of their words
is shipped. The transform below is the one scikit-learn's `TfidfVectorizer` makes
(`analyzer="word"`, `token_pattern=r"[a-z']+"`, and `analyzer="char_wb"`, each with
`sublinear_tf` and l2 norm), written out so the shipped model needs only Python;
tests/test_analysis_safeguarding_model.py checks the two agree.
"""

from __future__ import annotations

import functools
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Callable
from importlib import resources

_TOKEN = re.compile(r"[a-z']+")


def word_terms(text: str, low: int, high: int) -> list[str]:
    """Word n-grams as scikit-learn's word analyzer makes them (already lower case)."""
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def char_wb_terms(text: str, low: int, high: int) -> list[str]:
    """Letter n-grams inside space-padded words, as scikit-learn's char_wb analyzer makes them."""
    grams: list[str] = []
    for word in text.split():
        padded = " " + word + " "
        size = len(padded)
        for n in range(low, high + 1):
            grams.extend(padded[i : i + n] for i in range(max(size - n, 0) + 1))
            if size <= n:  # a short word counts once, at its full length
                break
    return grams


@functools.cache
def load() -> dict:
    """The shipped model, ready to use."""
    raw = resources.files("analysis").joinpath("safeguarding_model.json").read_text("utf-8")
    return prepare(json.loads(raw))


def prepare(model: dict) -> dict:
    """model with each analyzer's terms turned into a lookup of their columns."""
    offset = 0
    known: set[str] = set()
    for block in model["analyzers"]:
        block["index"] = {term: offset + i for i, term in enumerate(block["terms"])}
        block["idf_at"] = dict(enumerate(block["idf"], start=offset))
        block["cache"] = {}
        offset += len(block["terms"])
        if block["kind"] == "word":
            known.update(t for t in block["terms"] if " " not in t)
    for block in model["analyzers"]:
        block["known"] = known
    model["width"] = offset
    return model


def _columns(block: dict, text: str) -> list[int]:
    """The columns of the block's terms found in text, once per occurrence."""
    low, high = block["ngram"]
    index = block["index"]
    if block["kind"] == "word":
        terms = word_terms(text, low, high)
        return [index[t] for t in terms if t in index]
    # Letter n-grams stay inside a word, so each word's columns are remembered, but only for
    # words of the shipped vocabulary: none of her own words is kept in memory.
    cache, known = block["cache"], block["known"]
    columns: list[int] = []
    for word in text.split():
        found = cache.get(word)
        if found is None:
            found = [index[t] for t in char_wb_terms(word, low, high) if t in index]
            if word in known:
                cache[word] = found
        columns.extend(found)
    return columns


_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 4096)]  # sublinear term frequency


def _weighted(block: dict, text: str) -> tuple[list[int], list[float], float]:
    """The block's columns in text, their TF-IDF weights (sublinear tf) and the weights' l2
    norm, by which each is divided (the division is left to the caller: one, not one each)."""
    counts = Counter(_columns(block, text))
    if not counts:
        return [], [], 1.0
    columns = list(counts)
    if max(counts.values()) < len(_TF):
        tf = map(_TF.__getitem__, counts.values())
    else:  # a term repeated thousands of times
        tf = (1.0 + math.log(n) for n in counts.values())
    weights = list(map(operator.mul, tf, map(block["idf_at"].__getitem__, columns)))
    return columns, weights, math.hypot(*weights) or 1.0


def vector(text: str, model: dict | None = None) -> dict[int, float]:
    """The sparse TF-IDF row of text: {column: weight}, each analyzer's block l2-normalised."""
    model = model or load()
    row: dict[int, float] = {}
    for block in model["analyzers"]:
        columns, weights, norm = _weighted(block, text.lower())
        row.update(zip(columns, [w / norm for w in weights], strict=True))
    return row


def _logits(text: str, rows: list[tuple[list[float], float]], model: dict) -> list[float]:
    """Each (coef, intercept) row's linear score of the text."""
    text = text.lower()
    logits = [intercept for _, intercept in rows]
    for block in model["analyzers"]:
        columns, weights, norm = _weighted(block, text)
        for k, (coef, _) in enumerate(rows):
            logits[k] += sum(map(operator.mul, weights, map(coef.__getitem__, columns))) / norm
    return logits


def probability(prepared: str, model: dict | None = None) -> float:
    """P(concern) for text already prepared by `safeguarding.prepared`."""
    model = model or load()
    part = model["concern"]
    z = _logits(prepared, [(part["coef"], part["intercept"])], model)[0]
    return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0


def category(prepared: str, model: dict | None = None) -> str:
    """The category the second regression rates most likely for a flagged comment."""
    model = model or load()
    part = model["categories"]
    scores = _logits(prepared, list(zip(part["coef"], part["intercept"], strict=True)), model)
    return part["classes"][max(range(len(scores)), key=scores.__getitem__)]


def second_look(prepared: str, rules: Callable[[str], set[str]]) -> set[str]:
    """The rules' finding, confirmed or set aside, or the model's own: a rule's match stands
    when P(concern) is above `confirm`; with no rule matching, the model flags alone above
    `alone`, filed under its most likely category.

    rules(prepared) gives the rules' finding; it is asked only when P(concern) is above
    `confirm` or `alone`, since below both nothing is flagged whatever it finds (most
    comments: this skips the rules, the slower half, for them).
    """
    model = load()
    p = probability(prepared, model)
    if p <= model["confirm"] and p <= model["alone"]:
        return set()
    found = rules(prepared)
    if found:
        return found if p > model["confirm"] else set()
    return {category(prepared, model)} if p > model["alone"] else set()
