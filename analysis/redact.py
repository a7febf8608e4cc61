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

import importlib.util
import os
import re
from importlib import resources

import phonenumbers

from analysis.text import word_set

# Start only where a word starts, so a long run of letters is scanned once, not once per letter.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+", re.UNICODE)
_HANDLE_AT = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}")
_HANDLE_CUE = re.compile(
    r"\b(?:insta(?:gram)?|ig|snap(?:chat)?|tiktok|tik tok|fb|facebook|twitter|whatsapp|"
    r"telegram|onlyfans|kik)(?:\s*(?::|-|=|@)|\s+(?:is|name is|handle is|username is|me on|"
    r"me|me at|at))\s*@?(?!is\b|me\b|on\b|and\b|or\b|the\b|a\b|to\b)([A-Za-z0-9_.]{3,30})",
    re.IGNORECASE,
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
_BARE_BIRTH_DATE = re.compile(r"\b\d{1,2}[/.\-]\d{1,2}[/.\-](19[3-9]\d|200\d)\b")
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
_SERVICE_NUMBER = re.compile(r"^(?:999|111|101|112|116\d{3}|0800\d+|0808\d+|0300\d+|0345\d+)$")

# --- names -------------------------------------------------------------------------------

# British first names and nicknames the 1990 US census lists lack (written for Lantern).
_EXTRA_NAMES = word_set(
    """shaz shazza kaz kazza bex becky jess jessie tash tasha sian siobhan kirsty
chelsea shannon jodie jodi demi danni dani steph jen jenny mandy trace tracey trish tina gemma
kayleigh kayla kaylee keeley macey shauna aimee roxanne roxy leanne lyndsey lindsey kerri kerry
chantelle chanel jade jordan kelly lauren zoe carly nicola nikki vicky vikki jackie bev sal
sally dee dani gaz gazza daz dazza baz kev kevin wayne shane dean craig jamie liam connor tyler
callum kieran reece ryan josh ashley lee dave davey tez tel mo paddy del jojo lou lulu kat kate
katie cat nat natalie lexi alexis paige courtney amber-rose ellie-may chardonnay tiffany
britney brandi candice skye saoirse aoife niamh ciara orla caitlin bronwyn rhiannon ffion
cerys nia seren shona morag kirsteen ailsa fiona mhairi agnieszka kasia ola magda anca ioana
elena bianca fatima aisha ayesha amira yasmin samira zainab zara nadia precious blessing"""
)

# Words that are names only after a cue, on top of those found in the English lexicon.
_COMMON_WORD_NAMES = word_set(
    """hope joy will may rose amber crystal faith grace summer april june dawn holly ivy iris
    daisy poppy ruby pearl jade sky rain storm star angel honey sunny bill mark pat sue jack frank
    rich guy bob art chase ray rob nick drew gene penny candy cherry ginger misty destiny precious
    harmony liberty autumn heather violet olive lily charity mercy patience chance sandy dusty
    rocky buddy brandy carol cliff dale glen grant hunter miles norman page reed rod rusty wade
    wes nan lou bea kit fay gay dot peg sal"""
)
_NOT_NAMES = word_set(
    """the a an and or but if so no not yes ok okay in on at to of for by my me we us you it is
    was are be i he she they them her him his hers our your their this that there then than
    van team staff mum dad nan sis bro love babe hun mate girls ladies lads guys police
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december christmas easter"""
)


def _english_words() -> frozenset[str]:
    """Lower-case common words from TextBlob's bundled English lexicon (if present)."""
    # Locate the package without importing it: importing textblob imports NLTK, which
    # takes seconds, and only this data file is needed.
    spec = importlib.util.find_spec("textblob")
    if spec is None or spec.origin is None:
        return frozenset()
    path = os.path.join(os.path.dirname(spec.origin), "en", "en-lexicon.txt")
    try:
        with open(path, encoding="utf-8") as handle:
            return frozenset(
                line.split(" ", 1)[0] for line in handle if line[:1].islower() and " " in line
            )
    except OSError:
        return frozenset()


def _census_names() -> set[str]:
    """Lower-case first names from the `names` package's census lists.

    Without them names would reach the database unredacted, so their absence is an
    error at import, never a quiet downgrade.
    """
    found: set[str] = set()
    try:
        base = resources.files("names")
        for name in ("dist.female.first", "dist.male.first"):
            for line in base.joinpath(name).read_text("utf-8").splitlines():
                if line.strip():
                    found.add(line.split()[0].lower())
    except (ModuleNotFoundError, FileNotFoundError, OSError) as exc:
        raise RuntimeError(
            "The first-names lists of the `names` package are missing, so names could not "
            "be redacted: pip install -r requirements.txt"
        ) from exc
    return found


_ENGLISH = _english_words()
_ALL_NAMES = (_census_names() | set(_EXTRA_NAMES)) - _NOT_NAMES
# Names that are also everyday words: only after a cue.
AMBIGUOUS_NAMES = frozenset(n for n in _ALL_NAMES if n in _ENGLISH or n in _COMMON_WORD_NAMES)
FIRST_NAMES = frozenset(_ALL_NAMES)

_STRONG_CUE = re.compile(
    r"\b(?:my name is|my name's|name's|names|i am called|i'm called|im called|call me|"
    r"ask for|asked for|love from|signed|from your|it's me|its me|this is|speak to|talk to|"
    r"thanks to|thank you|thanks|ta|cheers|tell|say hi to|say hello to|me and|and me|with|"
    r"my mate|my friend|my sister|my daughter|my son|my fella|my boyfriend|my partner|"
    r"my worker|worker|i'm|im|i am)\s+$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of words read as personal names."""
    spans = []
    for match in _WORD.finditer(text):
        word = match.group().rstrip("'’")
        if word.lower().endswith(("'s", "’s")):
            word = word[:-2]
        lower = word.lower()
        if lower not in FIRST_NAMES:
            continue
        before = text[max(0, match.start() - 30) : match.start()]
        cued = bool(_STRONG_CUE.search(before))
        capital = word[:1].isupper() and (not word.isupper() or len(word) > 2)
        if lower in AMBIGUOUS_NAMES:
            keep = cued and capital and _cue_is_naming(before)
        else:
            keep = capital or cued
        if keep:
            spans.append((match.start(), match.start() + len(word)))
    # "and me" cue follows the name: "Kayleigh and me" is caught by capital already.
    return spans


def _cue_is_naming(before: str) -> bool:
    """True for cues that name someone, not the weak ones ('with', 'thanks', 'i'm')."""
    return bool(
        re.search(
            r"\b(?:my name is|my name's|name's|i am called|i'm called|call me|ask for|"
            r"asked for|love from|signed|tell|say hi to|me and|my mate|my friend|my sister|"
            r"my daughter|my worker|speak to|talk to|i'm|i am|im|this is|it's me)\s+$",
            before,
            re.IGNORECASE,
        )
    )


_NAMING = re.compile(
    r"\b(?:my name is|my name's|name's|i am called|i'm called|call me|ask for|love from)\s+"
    r"([A-Z][a-z]{1,20})\b(?!\s*\d)"
)


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
    # Numbers the library rejects but that are clearly UK mobiles / landlines.
    return re.sub(
        r"(?<![\w+])(?:\+44\s?|0044\s?|0)7\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)|"
        r"(?<![\w+])(?:\+44\s?|0)(?:1|2)\d{2,3}[\s-]?\d{3}[\s-]?\d{3,4}(?!\d)",
        "[phone]",
        text,
    )


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


def redact(text: str) -> str:
    """Replace identifiers in text with [phone], [email], [postcode], [nhs_number], ..."""
    if not text:
        return text or ""
    text = text[:_MAX_CHARS]
    text = _EMAIL.sub("[email]", text)
    text = _HANDLE_AT.sub("[handle]", text)
    text = _HANDLE_CUE.sub(lambda m: m.group()[: m.start(1) - m.start()] + "[handle]", text)
    text = _HANDLE_ADD.sub(lambda m: m.group(1) + "[handle]", text)
    text = _DOB_CUE.sub(lambda m: m.group(1) + "[date_of_birth]", text)
    text = _BARE_BIRTH_DATE.sub("[date_of_birth]", text)
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
    spans = _name_spans(text)
    # After an unmistakable naming cue, a capitalised word is a name even if unlisted.
    spans += [m.span(1) for m in _NAMING.finditer(text) if m.group(1).lower() not in _NOT_NAMES]
    return _replace_spans(text, _merge(spans), "[name]")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans that overlap an earlier one."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
