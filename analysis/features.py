"""What the learned readers see of an answer: its words, letter pieces and concepts (SPEC §4).

Sentiment, themes and safeguarding are linear models over one shared description of the
answer, made here once per answer:
- the prepared text: lower case, text-speak expanded (`text.normalise`), accents folded
  ("mulțumesc" -> "multumesc"), in any alphabet;
- its words and word pairs;
- the letter pieces (2 to 5 letters) inside each word, which carry misspellings, endings
  and other languages' words to what the models learned ("batut", "bătută" and "batuta"
  share most of their pieces);
- its **concepts**: each read language's lexicon (`data/lexicon/<code>.toml`, written for
  Lantern) names the words for being hit, a threat to kill, a partner, money taken, an
  overdose, food, socks..., and an answer gets a concept token for each it uses, in any of
  the six languages. A model that learned from English answers that "hit" beside "partner"
  is abuse reads a Bulgarian answer with the same two concepts the same way.
Each block's terms become TF-IDF weights (the term's IDF from the training answers, once
however often it occurs) scaled to unit length, as scikit-learn's TfidfVectorizer makes
them with binary=True; `analysis.model` holds the vocabulary, IDF and weights and is read
with NumPy alone.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from analysis.language import READ
from analysis.text import fold, normalise, once

_DATA = Path(__file__).with_name("data")
LEXICONS = _DATA / "lexicon"
# words and word pairs, letter pieces, concepts, and the question the answer is to: the
# question is a block of its own, so the safeguarding heads (which give it no weight) read
# the concepts undiluted by it
BLOCKS = ("w", "c", "k", "q")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+")
CHAR_SIZES = (3, 5)
_NONE: list = []


def prepare(text: str) -> str:
    """The text as the models read it: normalised, accents folded."""
    return fold(normalise(text))


def words(prepared: str) -> list[str]:
    """The words of prepared text (apostrophes kept inside words, digits as words)."""
    return _WORD.findall(prepared)


@dataclass(frozen=True)
class _Entry:
    """One lexicon entry: its words, each exact or a beginning (a trailing *)."""

    parts: tuple[tuple[str, bool], ...]  # (word, is_prefix)
    concept: str


class Lexicon:
    """The concept lexicons of the read languages, matched word by word."""

    def __init__(self, tables: Mapping[str, Mapping[str, str]]) -> None:
        # one-word entries: word -> concepts; longer ones and word beginnings by first word
        self.single: dict[str, dict[str, frozenset[str]]] = {}
        self.longer: dict[str, dict[str, list[_Entry]]] = {}
        self.prefix: dict[str, dict[str, list[_Entry]]] = {}
        for code, concepts in tables.items():
            single: dict[str, set[str]] = {}
            longer: dict[str, list[_Entry]] = {}
            prefix: dict[str, list[_Entry]] = {}
            for concept, block in concepts.items():
                for line in block.splitlines():
                    entry = self._entry(line, concept)
                    if entry is None:
                        continue
                    first, is_prefix = entry.parts[0]
                    if is_prefix:
                        prefix.setdefault(first[:4], []).append(entry)
                    elif len(entry.parts) == 1:
                        single.setdefault(first, set()).add(concept)
                    else:  # filed by its first word and the start of its second
                        second = entry.parts[1][0]
                        longer.setdefault(f"{first} {second[:4]}", []).append(entry)
            self.single[code] = {w: frozenset(c) for w, c in single.items()}
            self.longer[code] = longer
            self.prefix[code] = prefix

    @staticmethod
    def _entry(line: str, concept: str) -> _Entry | None:
        """An entry from one lexicon line, prepared as answers are; None for a blank line."""
        line = line.strip()
        if not line or line.startswith("#"):
            return None
        parts = []
        for raw in line.split():
            is_prefix = raw.endswith("*")
            token = words(prepare(raw.rstrip("*")))
            if not token:
                continue
            # "can't" prepares to one word; a hyphenated entry may prepare to several
            parts.extend((t, False) for t in token[:-1])
            parts.append((token[-1], is_prefix))
        if not parts:
            return None
        return _Entry(tuple(parts), concept)

    def concepts(self, tokens: list[str], languages: Iterable[str]) -> list[str]:
        """The concepts the tokens of one answer use in the given languages' lexicons: each
        concept once at each word where one of its entries starts."""
        found: list[str] = []
        count = len(tokens)
        tables = [
            (self.single[c], self.longer[c], self.prefix[c]) for c in languages if c in self.single
        ]
        for i, token in enumerate(tokens):
            here: set[str] = set()
            pair = f"{token} {tokens[i + 1][:4]}" if i + 1 < count else ""
            for single, longer, prefix in tables:
                hit = single.get(token)
                if hit:
                    here |= hit
                for entry in longer.get(pair, _NONE) + prefix.get(token[:4], _NONE):
                    if entry.concept in here or i + len(entry.parts) > count:
                        continue
                    if all(
                        tokens[i + j].startswith(w) if is_prefix else tokens[i + j] == w
                        for j, (w, is_prefix) in enumerate(entry.parts)
                    ):
                        here.add(entry.concept)
            found.extend(here)
        return found


@once
def lexicon() -> Lexicon:
    """The shipped concept lexicons of every read language that has one."""
    tables = {}
    for code in READ:
        path = LEXICONS / f"{code}.toml"
        if path.exists():
            with path.open("rb") as handle:
                tables[code] = tomllib.load(handle)["concepts"]
    return Lexicon(tables)


QUESTIONS = ("what_good", "could_improve", "provision_other", "consultation")


def terms(
    text: str,
    language: str = "en",
    question: str | None = None,
    keywords: Iterable[str] = (),
) -> dict[str, Counter[str]]:
    """The counted terms of each block for one answer (before TF-IDF).

    Concepts are looked up in the English lexicon and in that of the answer's language:
    one language's word can be another's ("hoț", a thief, folds to "hot"). Pairs of
    concepts ("partner+hit") and the question joined to each concept ("could_improve:
    nothing") are concept terms too, so a linear model can weigh them together. keywords are
    the themes whose editable keywords occur in the answer (`themes.Framework.tag`): each
    is a term ("kw:food_drink"), so the model weighs an admin's keyword lists too.
    """
    tokens = words(prepare(text))
    pieces = list(tokens)
    pieces += [f"{a} {b}" for a, b in pairwise(tokens)]
    grams: list[str] = []
    for token in tokens:
        grams += letter_pieces(token)
    found = concepts_of(tokens, language)
    return {
        "w": Counter(pieces),
        "c": Counter(grams),
        "k": concept_terms(found, keywords),
        "q": question_terms(found, question),
    }


def letter_pieces(token: str) -> list[str]:
    """The 2- to 5-letter pieces of one word, padded with a space at each end."""
    padded = f" {token} "
    size = len(padded)
    low, high = CHAR_SIZES
    grams: list[str] = []
    for n in range(low, min(high, size) + 1):
        grams += [padded[i : i + n] for i in range(size - n + 1)]
    return grams


def concepts_of(tokens: list[str], language: str) -> list[str]:
    """The concepts the words use, in English's lexicon and that of the answer's language."""
    languages = ("en",) if language == "en" else ("en", language)
    return lexicon().concepts(tokens, languages)


def concept_terms(found: list[str], keywords: Iterable[str]) -> Counter[str]:
    """The concept block of one answer (see `terms`) from the concepts it uses."""
    concepts = Counter(found)
    kinds = sorted(concepts)
    concepts.update(f"{a}+{b}" for i, a in enumerate(kinds) for b in kinds[i + 1 :])
    concepts.update(f"kw:{slug}" for slug in keywords)
    return concepts


def question_terms(found: list[str], question: str | None) -> Counter[str]:
    """The question block of one answer: the box itself, and the box joined to each concept
    it uses ("could_improve:nothing")."""
    asked = question if question in QUESTIONS else "none"
    terms_ = Counter({f"Q={asked}": 1})
    terms_.update(f"{asked}:{k}" for k in sorted(set(found)))
    return terms_


@dataclass
class Vocabulary:
    """Each block's terms (term -> column) and their IDF, as fitted on training answers."""

    index: dict[str, dict[str, int]]
    idf: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        """The number of columns over every block."""
        return sum(len(v) for v in self.index.values())

    def offsets(self) -> dict[str, int]:
        """The first column of each block."""
        start, found = 0, {}
        for block in BLOCKS:
            found[block] = start
            start += len(self.index[block])
        return found

    def vector(self, counted: Mapping[str, Counter[str]]) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one answer's TF-IDF, each block scaled to unit length.

        A term counts once however often it occurs (answers are short, and repeats are
        mostly emphasis: "thank u thank u").
        """
        columns: list[int] = []
        values: list[float] = []
        offsets = self.offsets()
        for block in BLOCKS:
            index, idf, base = self.index[block], self.idf[block], offsets[block]
            cols, vals = [], []
            for term in counted[block]:
                column = index.get(term)
                if column is not None:
                    cols.append(column)
                    vals.append(idf[column])
            if vals:
                norm = math.sqrt(sum(v * v for v in vals))
                columns.extend(base + c for c in cols)
                values.extend(v / norm for v in vals)
        return np.asarray(columns, dtype=np.int64), np.asarray(values, dtype=np.float64)


class FastVectorizer:
    """`Vocabulary.vector(terms(...))` for the app, faster: the letter-piece columns of every
    word of the model's own vocabulary (the project's written answers) are worked out once,
    when the model loads, and never changed, so nothing of what she typed is remembered
    after her answer is read — not even which known words she used. tests check it equals
    the plain path."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.base = vocabulary.offsets()
        self.idf = {b: vocabulary.idf[b].tolist() for b in BLOCKS}  # plain floats: faster here
        self.pieces: dict[str, frozenset[int]] = {
            word: self._columns_of(word) for word in vocabulary.index["w"] if " " not in word
        }

    def _columns_of(self, token: str) -> frozenset[int]:
        index = self.vocabulary.index["c"]
        return frozenset(c for c in map(index.get, letter_pieces(token)) if c is not None)

    def _piece_columns(self, token: str) -> frozenset[int]:
        found = self.pieces.get(token)
        return found if found is not None else self._columns_of(token)

    def vector(
        self,
        text: str,
        language: str,
        question: str | None,
        keywords: Iterable[str],
        found: list[str] | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """(columns, values) of one answer's TF-IDF, as `Vocabulary.vector` gives them;
        found is the concepts the text uses, when the caller has already looked them up."""
        tokens = words(prepare(text))
        index = self.vocabulary.index
        pieces = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
        if found is None:
            found = concepts_of(tokens, language)
        concepts = concept_terms(found, keywords)
        asked = question_terms(found, question)
        blocks = (
            ("w", {c for c in map(index["w"].get, pieces) if c is not None}),
            ("c", frozenset().union(*map(self._piece_columns, tokens))),
            ("k", {c for c in map(index["k"].get, concepts) if c is not None}),
            ("q", {c for c in map(index["q"].get, asked) if c is not None}),
        )
        all_columns: list[int] = []
        all_values: list[float] = []
        for block, columns in blocks:
            if not columns:
                continue
            idf = self.idf[block]
            values = [idf[c] for c in columns]
            scale = 1.0 / math.sqrt(sum(v * v for v in values))
            base = self.base[block]
            all_columns += [c + base for c in columns]
            all_values += [v * scale for v in values]
        return np.asarray(all_columns, dtype=np.int64), np.asarray(all_values)


def fit_vocabulary(
    counted: Iterable[Mapping[str, Counter[str]]], min_df: Mapping[str, int]
) -> Vocabulary:
    """A vocabulary from training answers' terms: terms in at least min_df answers, smooth IDF."""
    counted = list(counted)
    docs = len(counted)
    index, idf = {}, {}
    for block in BLOCKS:
        df: Counter[str] = Counter()
        for item in counted:
            df.update(item[block].keys())
        kept = sorted(t for t, n in df.items() if n >= min_df[block])
        index[block] = {t: i for i, t in enumerate(kept)}
        idf[block] = np.asarray([math.log((1 + docs) / (1 + df[t])) + 1.0 for t in kept])
    return Vocabulary(index, idf)
