"""Redaction of identifying details before anything is stored (SPEC §4).

Order matters: e-mails and handles first (they contain other shapes), then NHS numbers
(checksum), phones (the `phonenumbers` library, GB region), postcodes, vehicle
registrations, dates of birth, street addresses and finally personal names.

Names: first names come from the US Census 1990 first-name lists shipped in the `names`
package (MIT licence; the census data are public domain; ~5,200 names), plus a short list of
British names and nicknames written for Lantern. A name that is also an ordinary English word
in TextBlob's bundled English lexicon (Hope, Joy, Will, May, Rose, Amber, Crystal, Mark...)
is redacted only after a naming cue ("my name is", "I'm", "ask for", "tell", "me and");
any other listed name is redacted wherever it is written with a capital, and also in lower
case after a cue. Helpline and emergency numbers (999, 111, 101, 116 xxx, 0800/0808) are
services, not people, and are kept.
"""

from __future__ import annotations

import re
from pathlib import Path

import phonenumbers

from analysis.text import fold, word_set

# Start only where a word starts, so a long run of letters is scanned once, not once per letter.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.UNICODE)
_HANDLE_AT = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}")
# An address said in words, as people type them to dodge filters: "jade at gmail dot com".
_EMAIL_SPOKEN = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}\s*(?:@|\(at\)|\[at\]|\bat\b)\s*(?:gmail|googlemail|hotmail|"
    r"yahoo|ymail|outlook|icloud|live|aol|msn|btinternet|sky|mail|protonmail|proton|gmx|wp|o2|"
    r"onet|interia|abv|yandex|inbox|sapo|uol|bol|terra)\s*(?:\.|\bdot\b|\(dot\)|\[dot\])\s*"
    r"(?:co\s*(?:\.|\bdot\b)\s*uk|com(?:\s*(?:\.|\bdot\b)\s*(?:br|pt))?|net|org|ro|pl|bg|lt|pt|"
    r"br|uk|me)\b",
    re.IGNORECASE,
)
# Links to a profile or page: "onlyfans.com/jadex", "www.instagram.com/jade_x", "wa.me/44...".
_URL = re.compile(
    r"(?<![\w@/])(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|co\.uk|uk|me|net|org|"
    r"tv|io|ly|ee|to|app|link|bio|ro|pl|bg|lt|pt|br)/[\w.~%+-]+(?:/[\w.~%+-]*)*",
    re.IGNORECASE,
)
# "snapchat jadebabe", "add me on insta jade.x": a platform and a name that is not a word.
_HANDLE_BARE = re.compile(
    r"\b((?:insta(?:gram)?|ig|snap(?:chat)?|sc|tiktok|tik tok|fb|facebook|twitter|telegram|"
    r"onlyfans|only fans|of|kik|whatsapp|signal|adultwork)\s*(?:name|handle|username|user|"
    r"account|acc|page|id)?\s*(?:is|=|:|-|@)?\s*)@?([A-Za-z0-9][A-Za-z0-9_.]{2,29})\b",
    re.IGNORECASE,
)
# Words that follow a platform's name without being a user name ("snapchat is down").
_NOT_HANDLES = word_set(
    """is me on and or the a to for as at in it its was are be my your her his their our
    account acc page story stories filter filters streak streaks message messages msg msgs
    dm dms chat chats app apps video videos vid vids pic pics photo photos post posts live
    group groups down not no too also again now then so but if when with from by name
    handle user username id link profile status call calls thing stuff people girls him"""
)
_HANDLE_ADD = re.compile(
    r"\b((?:add|snap|message|dm|follow|find) me(?: on)? (?:insta(?:gram)?|snap(?:chat)?|"
    r"tiktok|facebook|fb|ig)?\s*:?\s*)@?([A-Za-z0-9_.]*[0-9_.][A-Za-z0-9_.]*|[A-Za-z0-9_.]{3,30})"
    r"(?=\s|$|[,.!?])",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
_NHS = re.compile(r"(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
# Registrations: current (AB12 CDE, any case), prefix (A123 BCD) and suffix (ABC 123D) in
# capitals. Road numbers ("A419", "M4") have no three-letter group, so they stay.
_VEHICLE_STRICT = re.compile(
    r"\b(?:[A-Za-z]{2}[0-9]{2}\s?[A-Za-z]{3}|[A-Z][0-9]{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?[0-9]{1,3}\s?[A-Z])\b"
)
_VEHICLE_CUE = re.compile(
    r"\b((?:reg no|reg number|reg|registration|number plate|plates|plate)\b\s*"
    r"(?:is\b|was\b|:|=|no\b\.?)?\s*)"
    # the value mixes letters and digits, like every UK registration
    r"((?=[A-Za-z ]*\d)(?=[\d ]*[A-Za-z])[A-Za-z0-9]{2,4}\s?[A-Za-z0-9]{1,4})\b",
    re.IGNORECASE,
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTHS
    + r",?\s+(?:\d{4}|'?\d{2})|"
    + _MONTHS
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:\d{4}|'?\d{2}))"
)
_DOB_CUE = re.compile(
    r"\b((?:dob|d\.o\.b\.?|date of birth|born(?: on)?|birthday(?: is)?|b\.?day(?: is)?)\s*"
    r"(?:is|was|:|-)?\s*)(" + _DATE + r")",
    re.IGNORECASE,
)
# A whole date with its year ("12.03.90", "3/5/1989"): in an answer it is most often her
# date of birth, and any whole date narrows down who she is.
_BARE_BIRTH_DATE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})[/.\-](\d{1,2})[/.\-](19[3-9]\d|20[0-2]\d|\d{2})(?![\d/.-]?\d)"
)
_STREET_TYPES = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|"
    r"cres|place|pl|terrace|grove|gardens|gdns|park|hill|walk|mews|row|square|sq|"
    r"view|rise|green|parade|estate|house|towers|tower|heights|court)"
)
_ADDRESS = re.compile(
    r"\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z][a-z'’]+\s+){1,3}" + _STREET_TYPES + r"\b\.?",
    re.IGNORECASE,
)
_FLAT = re.compile(
    r"\b(?:flat|apartment|apt|room|unit|house)\s*\d{1,4}[a-z]?\b(?!\s*(?:pm|am|"
    r"sugars?|mins?|minutes|hours?|days?|weeks?|quid|pounds|p\b|%))",
    re.IGNORECASE,
)
_LIVE_AT = re.compile(
    r"\b((?:i|we|she|he)\s+(?:live|lives|living|stay|stays|staying)\s+(?:at|on)\s+)"
    r"((?:no\.?\s*)?\d{1,4}[a-z]?\s+[A-Za-z][a-z]+(?:\s+[A-Za-z][a-z]+){0,2})",
    re.IGNORECASE,
)
_ANY_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\d{2,3}|0)(?:[\s-]?\d){9,11}(?![\d])")
_SERVICE_NUMBER = re.compile(r"^(?:999|111|101|112|116\d{3}|0800\d+|0808\d+|0300\d+|0345\d+)$")

# --- names -------------------------------------------------------------------------------

_DATA = Path(__file__).with_name("data")
# Short British names and nicknames the generated lists lack (written for Lantern).
_EXTRA_NAMES = word_set(
    """shaz shazza kaz kazza bex becky jess tash tasha kirsty danni dani steph trace trish
    kayleigh keeley macey shauna roxy leanne lyndsey kerri chantelle chanel lexi gaz gazza daz
    dazza baz kev tez tel paddy del jojo lulu nat kasia gosia ola magda madzia basia asia
    kasienka ania aga ionela mihaita andreutza geri desi desislava mimi ruta ruti neli didi"""
)
# Words never taken for names, whatever the lists say.
_NOT_NAMES = word_set(
    """the a an and or but if so no not yes ok okay in on at to of for by my me we us you it is
    was are be i he she they them her him his hers our your their this that there then than
    van team staff mum dad nan sis bro love babe hun mate girls ladies lads guys police
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december christmas easter god jesus
    lord allah mr mrs ms miss dr doctor doc nurse sister brother judge officer sergeant
    captain major king queen prince princess bishop boss baby angel darling honey sweetheart
    mother father auntie aunty uncle cousin granny grandma grandpa lady madam sir"""
)


def _read_names(filename: str) -> frozenset[str]:
    """The folded names of one of the generated lists in analysis/data."""
    try:
        text = (_DATA / filename).read_text(encoding="utf-8")
    except OSError as exc:  # without them names would be stored unredacted: fail loudly
        raise RuntimeError(f"analysis/data/{filename} is missing, so names cannot be redacted") from exc
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


FIRST_NAMES = (_read_names("first_names.txt") | _EXTRA_NAMES) - _NOT_NAMES
SURNAMES = _read_names("last_names.txt") - _NOT_NAMES
# Names that are also everyday words ("Hope", "Will", "Amber", "Rosa", "nada"): a name only
# when written as one in a naming place (below); every other listed name is always a name.
AMBIGUOUS_NAMES = _read_names("name_words.txt") | _NOT_NAMES

# Cues after which the next word is someone's name, in the six read languages.
_CUE = (
    r"(?:my name is|my names|my name's|name's|i am called|i'm called|im called|call me|"
    r"called|named|ask for|asked for|love from|signed|it's me|its me|this is|"
    r"speak to|talk to|say hi to|say hello to|tell|thanks to|thank you|thanks|ta|cheers|"
    r"me and|my mate|my friend|my sister|my daughter|my son|my fella|my boyfriend|"
    r"my bf|my partner|my husband|my ex|my pimp|my worker|worker|nurse|"
    r"ma numesc|mă numesc|ma cheama|mă cheamă|numele meu e|numele meu este|sunt|"
    r"nazywam sie|nazywam się|mam na imie|mam na imię|jestem|"
    r"казвам се|името ми е|аз съм|kazvam se|imeto mi e|az sam|"
    r"mano vardas|vadinuosi|aš esu|as esu|"
    r"meu nome e|meu nome é|me chamo|eu sou a|sou a|sou o)\s+$"
)
_STRONG_CUE = re.compile(_CUE, re.IGNORECASE)
# Cues that name someone for certain, enough for an everyday word ("ask for Hope").
_NAMING_CUE = re.compile(
    r"(?:my name is|my names|my name's|name's|i am called|i'm called|im called|call me|"
    r"called|named|ask for|asked for|love from|signed|say hi to|say hello to|"
    r"ma numesc|mă numesc|ma cheama|mă cheamă|nazywam sie|nazywam się|mam na imie|"
    r"mam na imię|казвам се|kazvam se|mano vardas|vadinuosi|me chamo|meu nome e|meu nome é)"
    r"\s+$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|dr|pan|pani|panna|doamna|doamnei|domnul|dna|dl|dona|senhora|"
    r"senhor|sra|sr|ponia|ponas|gospozha|g-zha|г-жа|г-н|госпожа|господин)\.?)\s+$",
    re.IGNORECASE,
)
# After a sentence-opening everyday name, words that show it is someone ("Grace is lovely").
_PERSON_NEXT = re.compile(
    r"\s*(?:[,:!]|$|'s\b|’s\b|\s+(?:is|was|were|has|had|gave|give|gives|helped|helps|"
    r"said|says|told|tells|hit|hits|took|takes|came|comes|made|makes|"
    r"always|never|got|gets|did|does|kept|keeps|listened|listens|brought|brings|knows|"
    r"looked|looks|asked|asks|rang|rings|texted|texts|who|will be|sorted|smiled)\b)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"“(]\s*)$")


def _is_capitalised(word: str) -> bool:
    """True for "Jade" or "McKenzie", not for "jade" or (in shouted text) "JADE"."""
    return word[:1].isupper() and not word.isupper()


def _name_spans(text: str, english: bool = True) -> list[tuple[int, int]]:
    """Spans of words read as personal names (see the module docstring for the rules)."""
    shouted = sum(c.isupper() for c in text) > 0.6 * max(1, sum(c.isalpha() for c in text))
    spans: list[tuple[int, int]] = []
    previous_name_end = -10
    for match in _WORD.finditer(text):
        word = match.group()
        for suffix in ("'s", "’s"):
            if word.lower().endswith(suffix):
                word = word[: -len(suffix)]
        key = fold(word)
        start, end = match.start(), match.start() + len(word)
        before = text[max(0, start - 32) : start]
        capital = _is_capitalised(word) or (shouted and word.isupper() and len(word) > 2)
        if key in _NOT_NAMES:
            continue
        is_first = key in FIRST_NAMES
        is_surname = key in SURNAMES
        follows_name = 0 <= start - previous_name_end <= 1
        if _TITLE.search(before) and (capital or is_surname or is_first):
            keep = True  # "Mrs Kowalska", "pani Ewa"
        elif follows_name and (is_surname or (capital and key not in AMBIGUOUS_NAMES)):
            keep = True  # the surname of a name just found: "Jade Smith"
        elif not is_first:
            keep = bool(_NAMING_CUE.search(before)) and _is_capitalised(word)
        elif key in AMBIGUOUS_NAMES:
            keep = _everyday_word_is_a_name(text, end, before, word, shouted, english)
        elif capital or _STRONG_CUE.search(before):
            keep = True
        else:  # a listed name in lower case ("darren hit me"): English text only
            keep = english
        if keep:
            spans.append((start, end))
            previous_name_end = end
    return spans


def _everyday_word_is_a_name(
    text: str, end: int, before: str, word: str, shouted: bool, english: bool
) -> bool:
    """Whether an everyday word that is also a name ("Hope", "will") is used as a name here."""
    if _NAMING_CUE.search(before):
        return True
    if not _is_capitalised(word) or shouted:
        return False
    if _SENTENCE_START.search(before):  # "Hope you're well" / "Grace is lovely"
        if not english:  # "Nada, obrigada": other languages' words are not weighed here
            return False
        following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if following and _is_capitalised(following.group()) and fold(following.group()) in SURNAMES:
            return True  # "Jade Smith gave me tea"
        return bool(_PERSON_NEXT.match(text, end))
    return True  # capitalised mid-sentence: "thanks Amber", "ask Jade"


def _replace_spans(text: str, spans: list[tuple[int, int]], token: str) -> str:
    """Replace non-overlapping spans (any order) with token."""
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + token + text[end:]
    return text


_SEVEN_DIGITS = re.compile(r"\d(?:\D{0,3}\d){6}")


def _chunks(text: str, size: int = 2000) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ~size characters, cut between two words if possible."""
    pieces, start = [], 0
    while len(text) - start > size:
        cut = start + size
        # prefer a space with a letter on both sides, so no number is cut in two
        for i in range(cut, max(start + size // 2, cut - 400), -1):
            if text[i] == " " and text[i - 1].isalpha() and text[i + 1 : i + 2].isalpha():
                cut = i
                break
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


def _replace_phones(text: str) -> str:
    """Replace UK phone numbers found by the phonenumbers library (not helplines)."""
    if not _SEVEN_DIGITS.search(text):
        return text
    spans = []
    # The matcher slows sharply on very long text, so it reads it in pieces.
    for offset, piece in _chunks(text):
        if not _SEVEN_DIGITS.search(piece):
            continue
        try:
            matcher = phonenumbers.PhoneNumberMatcher(
                piece, "GB", leniency=phonenumbers.Leniency.POSSIBLE, max_tries=200
            )
            for m in matcher:
                if not _SERVICE_NUMBER.match(re.sub(r"\D", "", m.raw_string)):
                    spans.append((offset + m.start, offset + m.end))
        except Exception:  # noqa: S112 - the library on pathological input: the fallback follows
            continue
    text = _replace_spans(text, spans, "[phone]")
    # Numbers the library rejects but that are clearly UK mobiles / landlines, and the
    # home-country numbers of women from abroad (+40, +48, +359, +370, +351, +55 or a
    # national 0 and nine or ten more digits, however spaced).
    text = re.sub(
        r"(?<![\w+])(?:\+44\s?|0044\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)|"
        r"(?<![\w+])(?:\+44\s?|0)(?:1|2)\d{2,3}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)",
        "[phone]",
        text,
    )
    return _ANY_PHONE.sub(
        lambda m: m.group() if _SERVICE_NUMBER.match(re.sub(r"\D", "", m.group())) else "[phone]",
        text,
    )


def _bare_date(match: re.Match[str]) -> str:
    """[date_of_birth] for a day, month and year that could be a real date."""
    first, second = int(match.group(1)), int(match.group(2))
    if 1 <= first <= 31 and 1 <= second <= 12 or 1 <= first <= 12 and 1 <= second <= 31:
        return "[date_of_birth]"
    return match.group()


def _bare_handle(match: re.Match[str]) -> str:
    """[handle] for the user name after a platform's name, when it is not an everyday word."""
    name = match.group(2)
    words = {"of", "sc", "ig", "fb"}  # short platform names that are also English words
    platform = match.group(1).split()[0].lower()
    if name.lower() in _NOT_HANDLES or (platform in words and not _looks_made_up(name)):
        return match.group()
    if not _looks_made_up(name) and fold(name) in AMBIGUOUS_NAMES:
        return match.group()
    return match.group(1) + "[handle]"


def _looks_made_up(name: str) -> bool:
    """True for user-name shapes: digits, underscores, dots or a run of letters with no vowel gap."""
    return any(c.isdigit() or c in "_." for c in name)


def _nhs_checksum_ok(digits: str) -> bool:
    """True when ten digits pass the NHS number modulus-11 check."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _vehicle(match: re.Match[str]) -> str:
    """[vehicle_reg] for registration-shaped words that are not plain words or road numbers."""
    value = match.group()
    compact = value.replace(" ", "")
    if not any(c.isdigit() for c in compact) or not any(c.isalpha() for c in compact):
        return value
    return "[vehicle_reg]"


_MAX_CHARS = 200_000


def redact(text: str, language: str | None = None) -> str:
    """Replace identifiers in text with [phone], [email], [postcode], [nhs_number], ...

    language is the answer's language if known (`analysis.language`): a listed name typed
    in lower case ("darren hit me") is taken for a name in English text only, because in
    the other languages many names are also everyday words.
    """
    if not text:
        return text or ""
    english = language in (None, "en")
    text = text[:_MAX_CHARS]
    text = _EMAIL.sub("[email]", text)
    text = _EMAIL_SPOKEN.sub("[email]", text)
    text = _URL.sub("[handle]", text)
    text = _HANDLE_AT.sub("[handle]", text)
    text = _HANDLE_BARE.sub(_bare_handle, text)
    text = _HANDLE_ADD.sub(lambda m: m.group(1) + "[handle]", text)
    text = _DOB_CUE.sub(lambda m: m.group(1) + "[date_of_birth]", text)
    text = _BARE_BIRTH_DATE.sub(_bare_date, text)
    text = _NHS.sub(
        lambda m: "[nhs_number]" if _nhs_checksum_ok(re.sub(r"\D", "", m.group())) else m.group(),
        text,
    )
    text = _replace_phones(text)
    text = _POSTCODE.sub("[postcode]", text)
    text = _VEHICLE_CUE.sub(lambda m: m.group(1) + "[vehicle_reg]", text)
    text = _VEHICLE_STRICT.sub(_vehicle, text)
    text = _LIVE_AT.sub(lambda m: m.group(1) + "[address]", text)
    text = _ADDRESS.sub("[address]", text)
    text = _FLAT.sub("[address]", text)
    return _replace_spans(text, _merge(_name_spans(text, english)), "[name]")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans that overlap an earlier one."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
