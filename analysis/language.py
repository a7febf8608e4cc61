"""Which language an answer is written in, and whether Lantern's analysis reads it (SPEC §4).

The analysis reads English, Romanian, Polish, Bulgarian, Lithuanian and Portuguese
(`READ`). An answer is read in one of them unless it is plainly written in another
language, in which case it is *not read automatically* and goes to a person.

How a language is told, offline and in a few tens of microseconds:
1. The script: Cyrillic is Bulgarian unless a Cyrillic language Lantern does not read
   (Russian, Ukrainian, ...) is clearly more likely; Arabic, Chinese, Devanagari and other
   scripts are not read.
2. For Latin letters, three signs are weighed together: letters only one of the languages
   uses ("ș", "ł", "ė", "ã"), everyday words of each language (`data/common_words.toml`,
   which covers informal spellings and Bulgarian typed in Latin letters), and py3langid's
   naive Bayes model (a maintained, offline fork of langid.py, BSD licence) restricted to
   the read languages and the other languages most often met at UK outreach services.
3. The kiosk language she chose is the prior: it wins unless the text says otherwise.
4. The short-answer rule: an answer of three words or fewer, or under 12 letters, is taken
   to be in the kiosk language (English when none was chosen) unless its letters or its
   everyday words point to another read language; it is never "not read", because a word
   or two ("ok", "nada", "idk", "ta x") is too little to call foreign.
An answer is "not read" only when it has at least four words, the model puts another
language first with probability ≥ 0.9, and no more than a quarter of its words are
everyday words of a read language — so slang and misspelt English stay English.
"""

from __future__ import annotations

import copy
import math
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from analysis.text import fold, once

READ = ("en", "ro", "pl", "bg", "lt", "pt")
NAMES = {
    "en": "English",
    "ro": "Romanian",
    "pl": "Polish",
    "bg": "Bulgarian",
    "lt": "Lithuanian",
    "pt": "Portuguese",
}
# Names of languages met at UK outreach services that Lantern does not read (shown to staff).
OTHER_NAMES = {
    "es": "Spanish", "it": "Italian", "fr": "French", "de": "German", "nl": "Dutch",
    "sq": "Albanian", "hu": "Hungarian", "sk": "Slovak", "cs": "Czech", "sl": "Slovenian",
    "hr": "Croatian", "lv": "Latvian", "et": "Estonian", "tr": "Turkish", "so": "Somali",
    "sw": "Swahili", "tl": "Tagalog", "vi": "Vietnamese", "ms": "Malay", "id": "Indonesian",
    "ru": "Russian", "uk": "Ukrainian", "mk": "Macedonian", "sr": "Serbian", "be": "Belarusian",
    "ar": "Arabic", "fa": "Persian", "ur": "Urdu", "hi": "Hindi", "pa": "Punjabi",
    "bn": "Bengali", "zh": "Chinese", "th": "Thai", "am": "Amharic", "ti": "Tigrinya",
    "ku": "Kurdish", "ps": "Pashto", "da": "Danish", "sv": "Swedish", "no": "Norwegian",
    "fi": "Finnish", "ga": "Irish", "cy": "Welsh",
}  # fmt: skip
# Latin-script languages the read ones are weighed against (py3langid codes): those most
# often spoken at UK outreach services and those a read language is most often mistaken for.
_LATIN_OTHERS = (
    "es", "it", "fr", "de", "nl", "sq", "hu", "sk", "cs", "sl", "hr", "lv", "et", "tr", "so",
    "sw", "tl", "vi", "ms", "id", "da", "sv", "no", "fi", "ga", "cy",
)  # fmt: skip
_CYRILLIC_OTHERS = ("ru", "uk", "mk", "sr", "be")
# Letters that belong to one read language only (after lower-casing).
_OWN_LETTERS = {
    "ro": "ășşțţ",
    "pl": "łśźżćń",
    "lt": "ėįųūč",
    "pt": "ãõçêôàáéíóú",
}
_SHORT_WORDS = 3
_SHORT_LETTERS = 12
_NOT_READ_PROBABILITY = 0.9
_NOT_READ_MAX_COMMON = 0.25
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_DATA = Path(__file__).with_name("data") / "common_words.toml"


@dataclass(frozen=True)
class Language:
    """An answer's language (an ISO 639-1 code) and whether the analysis reads it."""

    code: str
    read: bool


@once
def common_words() -> dict[str, frozenset[str]]:
    """Each read language's everyday words, folded."""
    with _DATA.open("rb") as handle:
        table = tomllib.load(handle)
    return {code: frozenset(fold(w) for w in table[code]["words"].split()) for code in READ}


@once
def _model():
    """py3langid's model (loaded once from the file that ships in the package)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _identifier(codes: tuple[str, ...] | None):
    """The model restricted to codes (all languages if None), sharing the loaded tables."""
    identifier = copy.copy(_model())
    if codes is not None:
        identifier.set_languages(list(codes))
    return identifier


def _script(text: str) -> tuple[int, int, int]:
    """(Latin, Cyrillic, other) letter counts."""
    latin = cyrillic = other = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if ch < "\u0250" or "\u1e00" <= ch <= "\u1eff":
            latin += 1
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
        else:
            other += 1
    return latin, cyrillic, other


def _ranked(text: str, codes: tuple[str, ...] | None = None) -> dict[str, float]:
    """py3langid's probability for each of codes (every language it knows if None)."""
    return dict(_identifier(codes).rank(text))


def detect(text: str, prior: str | None = None) -> Language:
    """The language text is written in; prior is the kiosk language she chose, if any."""
    prior = prior if prior in READ else None
    fallback = prior or "en"
    latin, cyrillic, other = _script(text)
    letters = latin + cyrillic + other
    if letters == 0:
        return Language(fallback, True)
    if other > letters / 2:
        ranked = _ranked(text)
        return Language(max(ranked, key=ranked.__getitem__), False)
    words = [fold(w) for w in _WORD.findall(text)]
    short = len(words) <= _SHORT_WORDS or letters < _SHORT_LETTERS
    common = common_words()
    hits = {code: sum(w in common[code] for w in words) for code in READ}
    if cyrillic > latin:
        return _cyrillic(text, words, hits, short)
    lowered = text.lower()
    own = {code: sum(lowered.count(ch) for ch in chars) for code, chars in _OWN_LETTERS.items()}
    if short:
        signals = {c: hits[c] + 2 * own.get(c, 0) for c in READ if c != "en"}
        best = max(signals, key=signals.__getitem__)
        if signals[best] > hits["en"] or (
            signals[best] and signals[best] == hits["en"] and prior != "en" and prior is not None
        ):
            if prior in signals and signals[prior] == signals[best]:
                best = prior
            return Language(best, True)
        return Language(fallback, True)
    others = max(hits[c] + own.get(c, 0) for c in READ if c != "en")
    if hits["en"] >= len(words) / 2 and others * 3 <= hits["en"] and not any(own.values()):
        return Language("en", True)  # plainly English: no need to ask the model
    ranked = _ranked(text, READ + _LATIN_OTHERS)
    score = {
        code: math.log(ranked.get(code, 0.0) + 1e-9)
        + 1.5 * hits[code]
        + 2.0 * own.get(code, 0)
        + (1.5 if code == prior else 0.0)
        for code in READ
    }
    best = max(score, key=score.__getitem__)
    top = max(ranked, key=ranked.__getitem__)
    share = max(hits.values()) / len(words)
    if (
        top not in READ
        and ranked[top] >= _NOT_READ_PROBABILITY
        and len(words) > _SHORT_WORDS
        and share <= _NOT_READ_MAX_COMMON
    ):
        return Language(top, False)
    return Language(best, True)


def _cyrillic(text: str, words: list[str], hits: dict[str, int], short: bool) -> Language:
    """Bulgarian, unless another Cyrillic language is plainly more likely."""
    if short or hits["bg"] / max(len(words), 1) > _NOT_READ_MAX_COMMON:
        return Language("bg", True)
    ranked = _ranked(text, ("bg", *_CYRILLIC_OTHERS))
    top = max(ranked, key=ranked.__getitem__)
    if top != "bg" and ranked[top] >= _NOT_READ_PROBABILITY:
        return Language(top, False)
    return Language("bg", True)
