"""Making any string safe to store: control characters, bidi overrides, length."""

from __future__ import annotations

import functools
import re
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

MAX_ANSWER_CHARS = 1000

# Characters that change how surrounding text is displayed without being visible
# themselves (bidi overrides/isolates, zero-width space, BOM, word joiner). Joiners
# U+200C/U+200D stay: emoji sequences and several scripts need them.
_INVISIBLE = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F, 0xFEFF, 0x2060],
)


@dataclass(frozen=True)
class CleanText:
    """A cleaned answer and whether it had to be shortened."""

    text: str
    truncated: bool


def clean(text: str | None, limit: int = MAX_ANSWER_CHARS) -> CleanText:
    """Normalise to NFC, drop control and invisible formatting characters, trim, cut at limit."""
    if not text:
        return CleanText("", False)
    text = unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE)
    kept = []
    for ch in text:
        # Keep newlines and tabs; drop CR and every other control / unassigned character,
        # and every invisible format character (Cf: bidi marks such as U+061C, tag
        # characters, soft hyphens) but the two joiners emoji and several scripts need.
        category = unicodedata.category(ch)
        if ch in "\n\t\u200c\u200d" or (
            ch != "\r" and category not in ("Cc", "Cs", "Co", "Cn", "Cf")
        ):
            kept.append(ch)
    text = "".join(kept).strip()
    truncated = len(text) > limit
    if truncated:
        text = text[:limit].rstrip()
    return CleanText(text, truncated)


def clean_staff_text(text: object, *, multiline: bool = False) -> str:
    """Words staff typed, cleaned as hers are (clean(), never cut: the caller says what is
    too long): NFC, no control or invisible formatting characters (NUL, bidi overrides and
    isolates, zero-width space). One line, whitespace runs made one space, unless multiline,
    where newlines (not CR) and tabs stay."""
    if text is None:
        return ""
    kept = clean(str(text), limit=sys.maxsize).text
    if not multiline:
        return " ".join(kept.split())
    return kept


def once(make: Callable[[], T]) -> Callable[[], T]:
    """make() run once per process, however many threads ask for it at once (Streamlit
    serves each session on its own thread: functools.cache would let ten tablets load the
    model ten times over, side by side). `.cache_clear()` forgets it, for tests."""
    lock = threading.Lock()
    made: list[T] = []

    @functools.wraps(make)
    def get() -> T:
        if not made:
            with lock:
                if not made:
                    made.append(make())
        return made[0]

    get.cache_clear = made.clear  # type: ignore[attr-defined]
    return get


def fold(word: str) -> str:
    """word lower-cased without its accents ("Mulțumesc" -> "multumesc", "Rūta" -> "ruta")."""
    lowered = word.lower()
    if lowered.isascii():  # most words: nothing to take off
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


# Text-speak and street spellings -> the standard words our lexicons (and VADER's) know.
# Written for Lantern; applied to whole tokens only, so "u" never touches "university".
# fmt: off
TEXT_SPEAK: dict[str, str] = {
    "u": "you", "ya": "you", "yu": "you", "ur": "your", "yr": "your", "r": "are",
    "wiv": "with", "wiv'": "with", "w/": "with", "wid": "with",
    "gr8": "great", "gr8t": "great", "gd": "good", "gud": "good", "gewd": "good",
    "l8": "late", "l8r": "later", "l8er": "later", "m8": "mate", "m8s": "mates",
    "ta": "thanks", "thx": "thanks", "thnx": "thanks", "thanx": "thanks", "tnx": "thanks",
    "tanks": "thanks", "ty": "thanks", "cheers": "thanks", "fanks": "thanks", "thankz": "thanks",
    "pls": "please", "plz": "please", "plse": "please", "luv": "love", "lv": "love",
    "coz": "because", "cos": "because", "cuz": "because", "bcos": "because", "bc": "because",
    "dunno": "do not know", "wanna": "want to", "gonna": "going to", "gotta": "got to",
    "aint": "is not", "ain't": "is not", "nite": "night", "nites": "nights", "tonite": "tonight",
    "2nite": "tonight", "2night": "tonight", "2day": "today", "2moro": "tomorrow",
    "2morrow": "tomorrow", "tmrw": "tomorrow", "b4": "before", "ppl": "people",
    "sum1": "someone", "some1": "someone", "any1": "anyone", "no1": "no one", "every1": "everyone",
    "shud": "should", "cud": "could", "wud": "would", "culd": "could", "wld": "would",
    "dont": "don't", "cant": "can't", "wont": "won't", "didnt": "didn't", "wasnt": "wasn't",
    "isnt": "isn't", "werent": "weren't", "doesnt": "doesn't", "couldnt": "couldn't",
    "wouldnt": "wouldn't", "shouldnt": "shouldn't", "havent": "haven't", "hasnt": "hasn't",
    "im": "i'm", "ive": "i've", "thats": "that's",
    "choc": "chocolate", "chocs": "chocolates", "sarnie": "sandwich", "sarnies": "sandwiches",
    "butty": "sandwich", "butties": "sandwiches", "cuppa": "cup of tea", "cuppas": "cups of tea",
    "brekkie": "breakfast", "brekky": "breakfast", "bevvy": "drink", "bevvies": "drinks",
    "brill": "brilliant", "fab": "fabulous", "lush": "lovely", "ace": "excellent",
    "amazin": "amazing", "amzing": "amazing", "lovly": "lovely", "luvly": "lovely",
    "realy": "really", "rlly": "really", "v": "very", "vv": "very", "sooo": "so", "soo": "so",
    "nuthin": "nothing", "nothin": "nothing", "nowt": "nothing", "owt": "anything",
    "summat": "something", "sumthin": "something", "wat": "what", "wot": "what",
    "nah": "no", "naa": "no", "nope": "no", "yeh": "yes", "yh": "yes", "ye": "yes",
    "yep": "yes", "yup": "yes", "ok": "okay", "k": "okay", "kk": "okay", "bout": "about",
    "abt": "about", "tho": "though", "thru": "through", "wen": "when", "wer": "where",
    "wiz": "with", "fone": "phone", "phne": "phone", "fon": "phone", "mobi": "mobile",
    "probs": "probably", "defo": "definitely", "def": "definitely", "deffo": "definitely",
    "msg": "message", "txt": "text", "xmas": "christmas", "gf": "girlfriend", "bf": "boyfriend",
    "fella": "boyfriend", "feller": "boyfriend",
}
# fmt: on

# Runs of 3+ identical letters are emphasis ("sooooo", "thankssss"): keep two.
_REPEATS = re.compile(r"([a-z])\1{2,}")
# Words of any alphabet (Cyrillic, "ț", "ł", "ū" stay inside their word), or one other mark.
_TOKENS = re.compile(r"(?:[^\W_]|')+|\S").findall


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of a prose-style word list (easier to edit than a list)."""
    return frozenset(words.split())


# While one answer is analysed (`one_answer`), each distinct string is normalised once:
# sentiment, themes and safeguarding all start from normalise(answer). The memo belongs to
# that call alone and is dropped when it ends, so none of her words outlives it.
_MEMO: ContextVar[dict[str, str] | None] = ContextVar("lantern_normalised", default=None)


@contextmanager
def one_answer() -> Iterator[None]:
    """Within this block, normalise() remembers what it has done (for one answer's readers)."""
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def normalise(text: str) -> str:
    """Lower-case, straighten quotes, squeeze letter runs and expand text-speak, token by token."""
    memo = _MEMO.get()
    if memo is None:
        return _normalise(text)
    done = memo.get(text)
    if done is None:
        done = memo[text] = _normalise(text)
    return done


def _normalise(text: str) -> str:
    """normalise() itself, without the memo."""
    if not text:
        return ""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    lowered = _REPEATS.sub(r"\1\1", lowered)
    speak = TEXT_SPEAK
    return " ".join([speak.get(t.strip("'") or t, t.strip("'") or t) for t in _TOKENS(lowered)])
