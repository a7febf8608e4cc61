"""Safeguarding concerns in free text, with a confidence (SPEC §4, §3.6).

The engine is the shared learned model (`analysis.model`): its `concern` head gives
P(the answer raises a concern) and its `category` head names the category. It reads the
answer's words, letter pieces and concepts in six languages, so indirect wording
("he wont like me being here"), misspellings and answers in Romanian, Polish, Bulgarian,
Lithuanian or Portuguese reach it. The rules that stay are data, in `rules.toml` beside
this file, each kept because it earned its place on the tune answers (docs/accuracy.md):
- a short answer with no danger word in any language is never flagged ("not bad",
  "don't know", "depends what night it is");
- a short answer naming harm done to her ("my boyfriend hurt me", "Darren beat me") is
  flagged: the model learned mostly from longer answers and reads these too calmly;
- a disclosure keeps its flag whatever ordinary feedback surrounds it: an answer of
  several parts is also read part by part, and a part that names danger and is plainly a
  concern on its own ("the punter hurt me" in "the punter hurt me thanks for the soup")
  flags the whole answer.
`read` gives the categories, P(concern) and whether the flag is *confident*: above the
threshold chosen on the tune answers at which at least 90% of flags were real. Every flag,
confident or not, goes to the review queue; only a confident one changes the opening
words of the thank-you screen's helplines card.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from analysis import features, model
from analysis.text import fold, once

CATEGORIES = (
    "immediate_danger",
    "self_harm_suicide",
    "violence_assault",
    "domestic_abuse",
    "stalking_harassment",
    "exploitation_trafficking",
    "child_safeguarding",
    "overdose_medical",
)
_RULES = Path(__file__).with_name("rules.toml")
_MAX_CHARS = 20_000


@dataclass(frozen=True)
class Finding:
    """What the safeguarding reading found in one answer."""

    categories: tuple[str, ...]  # [] when none
    confidence: float  # P(concern), 0..1
    confident: bool

    @property
    def flagged(self) -> bool:
        """True when the answer goes to the review queue."""
        return bool(self.categories)


@dataclass(frozen=True)
class Rules:
    """The rules kept beside the model (rules.toml)."""

    danger_concepts: frozenset[str]
    short_words: int
    clause_bar: float
    clause_split: re.Pattern[str]
    short_harm_words: int = 0
    short_harm_concepts: frozenset[str] = frozenset()
    me: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)
    agents: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)


@once
def rules() -> Rules:
    """The shipped rules, read once."""
    with _RULES.open("rb") as handle:
        table = tomllib.load(handle)
    return Rules(
        danger_concepts=frozenset(table["danger_concepts"]["concepts"]),
        short_words=int(table["short_answer"]["max_words"]),
        clause_bar=float(table["clauses"]["bar"]),
        clause_split=re.compile(table["clauses"]["split"], re.IGNORECASE),
        short_harm_words=int(table["short_harm"]["max_words"]),
        short_harm_concepts=frozenset(table["short_harm"]["concepts"]),
        me=_by_language(table["short_harm"]["me"]),
        agents=_by_language(table["short_harm"]["agents"]),
    )


def _by_language(block: str) -> dict[str, frozenset[str]]:
    """A rules.toml word list of "code: words" lines, folded, by language code."""
    return {
        code.strip(): frozenset(fold(w) for w in words.split())
        for code, _, words in (line.partition(":") for line in block.splitlines() if line)
    }


def _concepts(text: str, language_code: str) -> frozenset[str]:
    """The lexicon concepts one text uses (its own language's and English)."""
    return model.concepts(text, language_code)


def _short_harm_to_her(text: str, code: str, concepts: frozenset[str], kept: Rules) -> bool:
    """A short answer naming harm done to her ("my boyfriend hurt me")."""
    tokens = features.words(features.prepare(text))
    if not tokens or len(tokens) > kept.short_harm_words:
        return False
    if not concepts & kept.short_harm_concepts or "negation" in concepts:
        return False  # "nobody hurt me", "he never hit me"
    me = kept.me.get("en", frozenset()) | kept.me.get(code, frozenset())
    agents = kept.agents.get("en", frozenset()) | kept.agents.get(code, frozenset())
    someone = (
        bool(concepts & {"partner", "punter", "exploit"})
        or "[name]" in model.redacted(text, code)
        or any(t in agents for t in tokens)
    )
    return someone and any(t in me for t in tokens)


def _worst_part(
    text: str, code: str, framework: object | None, kept: Rules
) -> tuple[object, float] | None:
    """(scores, P) of the most worrying part of a several-part answer that names danger and
    reaches the clause bar on its own; None if no part does."""
    # cut the redacted answer, so no piece of an identifier ("jade.babe99") is read alone
    redacted = model.redacted(text, code)
    parts = [p.strip() for p in kept.clause_split.split(redacted) if p and p.strip()]
    if len(parts) < 2:
        return None
    found = model.load()
    best = None
    for part in parts:
        if len(part.split()) < 2 or not _concepts(part, code) & kept.danger_concepts:
            continue
        scores = model.logits(part, None, code, framework)
        chance = model.sigmoid(float(found.head(scores, "concern")[0]))
        if chance >= kept.clause_bar and (best is None or chance > best[1]):
            best = (scores, chance)
    return best


def read(
    text: str,
    language: str | None = None,
    kept: Rules | None = None,
    framework: object | None = None,
    question: str | None = None,
) -> Finding:
    """The concern categories (most likely first), P(concern) and whether it is confident.

    The concern heads give the question no weight; it is taken only so that one model pass
    serves every reader of the answer. kept replaces the shipped rules (for measuring what
    each rule adds).
    """
    text = (text or "")[:_MAX_CHARS]
    if not any(ch.isalpha() for ch in text):
        return Finding((), 0.0, False)
    code = language or model.detect(text).code
    found = model.load()
    kept = kept or rules()
    scores = model.logits(text, question, code, framework)
    probability = model.sigmoid(float(found.head(scores, "concern")[0]))
    concepts = _concepts(text, code)
    danger = bool(concepts & kept.danger_concepts)
    if probability < found.thresholds["concern"]:
        part = _worst_part(text, code, framework, kept) if danger else None
        if part is not None:
            scores, probability = part
        elif not _short_harm_to_her(text, code, concepts, kept):
            return Finding((), probability, False)
    if len(features.words(features.prepare(text))) <= kept.short_words and not danger:
        return Finding((), probability, False)
    category = found.head(scores, "category")
    best = max(range(len(category)), key=lambda i: category[i])
    return Finding(
        (found.labels["category"][best],),
        probability,
        probability >= found.thresholds["confident"],
    )


def concerns(text: str) -> list[str]:
    """Category slugs whose signs appear in text, [] when none."""
    return list(read(text).categories)
