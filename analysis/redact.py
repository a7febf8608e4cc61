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
    r"(?<![\w.+-])[\w.+-]{1,64}\s*(?:@|\(at\)|\[at\]|\b(?:at|arroba|eta|maimuta|maimuță|"
    r"malpa|małpa|маймунка|majmunka|maimunka)\b)\s*(?:gmail|googlemail|hotmail|"
    r"yahoo|ymail|outlook|icloud|live|aol|msn|btinternet|sky|mail|protonmail|proton|gmx|wp|o2|"
    r"onet|interia|abv|yandex|inbox|sapo|uol|bol|terra)\s*(?:\.|\b(?:dot|ponto|punct|kropka|"
    r"taškas|taskas|точка|tochka|to4ka)\b|\(dot\)|\[dot\])\s*"
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
    r"\b((?:insta(?:gram)?|ig|snap(?:chat)?|tiktok|tik tok|fb|facebook|twitter|telegram|"
    r"onlyfans|only fans|kik|whatsapp|signal|adultwork)\b\s*(?:name|handle|username|user|"
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
# "add me its gemzbabe85", "message me on snapchat instead, lindylou1964": a user-name
# shape (letters with digits, underscores or dots) within a few words of such a request.
_HANDLE_ADD = re.compile(
    r"\b((?:add|snap|message|msg|dm|follow|find|text|inbox) me\b[^.!?\n]{0,40}?)"
    r"(?<![\w@])@?((?=[A-Za-z0-9_.]*[A-Za-z]{2})(?=[A-Za-z0-9_.]*[0-9_])[A-Za-z0-9][A-Za-z0-9_.]{3,29})"
    r"(?![\w@])",
    re.IGNORECASE,
)
# A user name near a platform's name: "snapchat (jayjay_4real)", "facebook as lisa.marie.leeds".
_HANDLE_NEAR = re.compile(
    r"\b((?:insta(?:gram)?|snap(?:chat)?|tiktok|facebook|fb|twitter|telegram|onlyfans|kik|"
    r"whatsapp|signal|adultwork)\b[^.!?\n]{0,30}?)(?<![\w@])@?"
    r"((?=[A-Za-z0-9_.]*[A-Za-z]{2})(?=[A-Za-z0-9_.]*[0-9_]|[A-Za-z0-9_]+\.[A-Za-z0-9_.]+)"
    r"[A-Za-z0-9][A-Za-z0-9_.]{3,29})(?![\w@])",
    re.IGNORECASE,
)
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
_NHS = re.compile(r"(?<![\d+])\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
# Ten digits after the word NHS are her NHS number even when mistyped (the checksum fails).
_NHS_CUE = re.compile(r"(\bnhs\b[^\d\n]{0,25})(\d{3}[ -]?\d{3}[ -]?\d{4})(?!\d)", re.IGNORECASE)
# Registrations: current (AB12 CDE, any case), prefix (A123 BCD) and suffix (ABC 123D) in
# capitals. Road numbers ("A419", "M4") have no three-letter group, so they stay.
_VEHICLE_STRICT = re.compile(
    r"\b(?:[A-Za-z]{2}[0-9]{2}\s?[A-Za-z]{3}|[A-Z][0-9]{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?[0-9]{1,3}\s?[A-Z]|"
    # the plates of the women's home countries: "JZK 714" (LT), "B 123 ABC" (RO), "CA 1234 AB" (BG)
    r"(?!NHS|PIP|ESA|DWP|GPS|SIM|ATM|CCTV)[A-Z]{3}[ -]?[0-9]{3}|"
    r"[A-Z]{1,2}[ -]?[0-9]{2,3}[ -]?[A-Z]{3}|"
    r"[A-Z]{1,2}[ -]?[0-9]{4}[ -]?[A-Z]{2})\b"
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
# A date written out with a year a woman could be born in ("3rd march 1986").
_WRITTEN_BIRTH_DATE = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTHS
    + r",?\s+(?:19[3-9]\d|200\d)|"
    + _MONTHS
    + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19[3-9]\d|200\d))\b",
    re.IGNORECASE,
)
_BARE_BIRTH_DATE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})[/.\-](\d{1,2})[/.\-](19[3-9]\d|20[0-2]\d|\d{2})(?![\d/.-]?\d)"
)
_STREET_TYPES = (
    r"(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|"
    r"cres|place|pl|terrace|grove|gardens|gdns|park|hill|walk|mews|row|square|sq|"
    r"view|rise|green|parade|estate|house|towers|tower|heights|court)"
)
_ADDRESS = re.compile(
    # not "15 minute walk", "4 girls in one house": the words after the number name a street
    r"\b\d{1,4}[a-z]?,?\s+(?!(?:min|mins|minute|minutes|hour|hours|hr|hrs|second|seconds|day|"
    r"days|week|weeks|girls?|women|woman|men|people|of|in|at|on|to|or|and|more|other|"
    r"different|one|two|three|more|quid|pounds|year|years|yr|yrs)\b)"
    r"(?:[A-Za-z][a-z'’]+\s+){1,3}" + _STREET_TYPES + r"\b\.?",
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
    kasienka ania aga ionela mihaita andreutza geri desi desislava mimi ruta ruti neli didi
    morag mhairi shona kirsteen ailsa aoife niamh saoirse orla siobhan caz kez debs gemz"""
)
# Words never taken for names, whatever the lists say.
_NOT_NAMES = word_set(
    """the a an and or but if so no not yes ok okay in on at to of for by my me we us you it is
    was are be i he she they them her him his hers our your their this that there then than
    van team staff mum dad nan sis bro love babe hun mate girls ladies lads guys police
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december christmas easter god jesus
    lord allah mr mrs ms miss dr ta cheers hiya sound mins hrs lol omg pls x xx xxx
    doctor doc nurse sister brother judge officer sergeant
    captain major king queen prince princess bishop boss baby angel darling honey sweetheart
    mother father auntie aunty uncle cousin granny grandma grandpa lady madam sir man men
    woman women lad lads lass lasses girl girls boy boys guy guys bloke blokes fella fellas
    feller fellers punter punters client clients pimp dealer dealers i'd i'm i'll i've id
    ive ill mondays tuesdays wednesdays thursdays fridays saturdays sundays weekend
    weekends tonight today tomorrow yesterday morning evening night christmas xmas
    craciun craciunului paste luni marti miercuri joi vineri sambata duminica"""
)


def _read_names(filename: str) -> frozenset[str]:
    """The folded names of one of the generated lists in analysis/data."""
    try:
        text = (_DATA / filename).read_text(encoding="utf-8")
    except OSError as exc:  # without them names would be stored unredacted: fail loudly
        raise RuntimeError(
            f"analysis/data/{filename} is missing, so names cannot be redacted"
        ) from exc
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


PLACES = _read_names("places.txt") | _read_names("proper_nouns.txt")
_PLACE_STEMS = tuple(p[:-1] for p in _read_names("places.txt") if len(p) >= 6)
# Names also taken in lower case: those of English-speaking and the women's own countries.
COMMON_FIRST_NAMES = _read_names("common_first_names.txt") | _EXTRA_NAMES
FIRST_NAMES = (_read_names("first_names.txt") | _EXTRA_NAMES) - _NOT_NAMES
SURNAMES = _read_names("last_names.txt") - _NOT_NAMES
# Names that are also everyday words ("Hope", "Will", "Amber", "Rosa", "nada"): a name only
# when written as one in a naming place (below); every other listed name is always a name.
AMBIGUOUS_NAMES = _read_names("name_words.txt") | _NOT_NAMES

# Cues after which the next word is someone's name, in the six read languages.
ENGLISH_WORDS = _read_names("english_words.txt")
# The plain words of English answers, never a name in lower case ("will", "may", "can").
_FUNCTION_WORDS = word_set(
    """will may can mark bill sue pat rob jo ash dawn rose grace hope joy faith rich guy art
    ray drew chase frank jack nick sky summer april june august amber ruby pearl holly ivy
    iris daisy poppy lily violet jade crystal angel honey sunny star storm rain penny sandy
    dusty rocky buddy carol cliff dale glen grant hunter miles page reed rod rusty wade
    kit dot peg sal nan lou bea fay gay mo del tel"""
)

# Words before a name: "tell Jo", "me and Sal", "thanks to Kemi", "hug off Sue".
_BEFORE = re.compile(
    r"(?:\b(?:my name is|my names|my name's|name's|i am called|i'm called|im called|call me|"
    r"called|named|ask for|asked for|love from|signed|it's me|its me|this is|speak to|talk to|"
    r"talking to|spoke to|say hi to|say hello to|tell|told|ask|asked|thanks to|thank you|"
    r"thank|thanks|ta|cheers|me and|me n|and|n|&|with|off|by|my mate|my friend|my sister|"
    r"my daughter|my son|my fella|my boyfriend|my bf|my partner|my husband|my ex|my pimp|"
    r"my worker|my cousin|my brother|my mum|my mam|my dad|my niece|my nephew|my kid|"
    r"worker|nurse|big up|shout out to|shoutout to|love to|hug off|hug from|bless|"
    r"ma numesc|mă numesc|ma cheama|mă cheamă|numele meu e|numele meu este|"
    r"nazywam sie|nazywam się|mam na imie|mam na imię|"
    r"казвам се|името ми е|kazvam se|imeto mi e|"
    r"mano vardas|vadinuosi|meu nome e|meu nome é|me chamo|me chama de))\s+$",
    re.IGNORECASE,
)
# Cues that name someone for certain, enough for an everyday word ("ask for Hope").
_NAMING_CUE = re.compile(
    r"(?:my name is|my names|my name's|name's|i am called|i'm called|im called|call me|"
    r"called|named|ask for|asked for|love from|signed|say hi to|say hello to|"
    r"ma numesc|mă numesc|ma cheama|mă cheamă|nazywam sie|nazywam się|mam na imie|"
    r"mam na imię|казвам се|kazvam se|mano vardas|vadinuosi|me chamo|me chama de|"
    r"meu nome e|meu nome é)\s+$",
    re.IGNORECASE,
)
_TITLE = re.compile(
    r"(?:\b(?:mr|mrs|ms|miss|dr|pan|pani|panna|doamna|doamnei|domnul|dna|dl|dona|senhora|"
    r"senhor|sra|sr|ponia|ponas|gospozha|g-zha|г-жа|г-н|госпожа|господин)\.?)\s+$",
    re.IGNORECASE,
)
# After a word, what shows it is someone: "Grace is lovely", "Sam on the van", "Kez did".
_AFTER = re.compile(
    r"\s*(?:[,:!]|$|\s+x+\b|'s\b|’s\b|\s+(?:is|was|were|has|had|gave|give|gives|helped|helps|"
    r"said|says|told|tells|hit|hits|took|takes|came|comes|made|makes|did|does|sorted|sorts|"
    r"always|never|got|gets|kept|keeps|listened|listens|brought|brings|knows|knew|"
    r"looked|looks|asked|asks|rang|rings|texted|texts|who|will be|smiled|treats|treated|"
    r"rocks|is a|was a|shes|hes|she's|he's|she|he|sat|stayed|let|lets|remembers|remembered|"
    r"spoke|speaks|shouted|laughed|hugged|makes|hit me|beat|beats|battered|owes|wants|"
    r"punched|kicked|slapped|strangled|choked|raped|stabbed|threatened|attacked|robbed|"
    r"followed|follows|hurt|hurts|grabbed|pushed|locked|sold|"
    r"on the van|on the bus|from the|at the drop|at the van|the nurse|the worker|the student|"
    r"the volunteer|from outreach|from the van|and me|n me|and i|(?:and|n|&) [A-Z]))",
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*|[\"“(]\s*|^\W*)$")
# Endings a name takes in the read languages' cases ("Justyne", "Gosi", "Dainiui", "Надя").
_ENDINGS = ("ui", "ai", "ei", "ę", "e", "i", "y", "u", "a", "ą", "os", "ės", "ies", "owi", "em")
_RESTORE = ("", "a", "as", "us", "is", "ė", "ia", "ius", "o")
# Capitalised words that are neither names nor everyday words: services, brands, acronyms.
_NOT_PEOPLE = word_set(
    """nhs gp pip esa dwp ucredit universal credit tesco aldi lidl asda greggs mcdonalds
    boots primark facebook instagram snapchat tiktok whatsapp telegram onlyfans google youtube
    uber bolt samaritans refuge shelter narcan naloxone methadone subutex buvidal covid
    english polish romanian bulgarian lithuanian portuguese brazilian british scottish welsh
    irish england scotland wales ireland britain uk london anglia londyn londra londres
    londonas лондон англия polska romania românia bulgaria lietuva portugal brasil brazil"""
)


_STREET_WORDS = word_set(
    """street st road rd lane ln avenue ave close drive way court crescent place terrace
    grove gardens park hill walk mews row square parade estate towers heights green"""
)
_STREET_NEXT = re.compile(
    r"\s+(?:street|st|road|rd|lane|ln|avenue|ave|close|drive|way|court|crescent|place|terrace|"
    r"grove|gardens|park|hill|walk|mews|row|square|parade|estate|towers|heights|green)\b",
    re.IGNORECASE,
)


def _common_english() -> frozenset[str]:
    """English everyday words (common_words.toml), never a name in lower case ("come")."""
    from analysis.language import common_words

    return common_words()["en"]


def _other_language_word(key: str) -> bool:
    """True for an everyday word of another read language ("mais", "vara", "asa")."""
    from analysis.language import common_words

    return any(key in words for code, words in common_words().items() if code != "en")


def _is_acronym(word: str) -> bool:
    """True for "OD'd", "NHS", "GPs": two capitals at the start (not "McKenzie", "O'Neill")."""
    return len(word) > 1 and word[0].isupper() and word[1].isupper()


def _english(key: str) -> bool:
    """True when a folded word, or its singular, is an everyday English word."""
    if key in ENGLISH_WORDS:
        return True
    for suffix, swap in (("ies", "y"), ("es", ""), ("s", "")):
        if key.endswith(suffix) and key[: -len(suffix)] + swap in ENGLISH_WORDS:
            return True
    return False


def _is_place(key: str) -> bool:
    """True for a town, city or country in PLACES, also in another language's case ("Leedsie")."""
    if key in PLACES:
        return True
    return any(key.startswith(p) and len(key) - len(p) <= 4 for p in _PLACE_STEMS)


def _base_name(word: str) -> str | None:
    """A listed first name that word is an inflected form of, if any ("Justyne" -> "justyna")."""
    key = fold(word)
    if key in FIRST_NAMES:
        return key
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            stem = key[: -len(ending)]
            for restore in _RESTORE:
                if stem + restore in FIRST_NAMES and stem + restore not in AMBIGUOUS_NAMES:
                    return stem + restore
    return None


def _is_capitalised(word: str) -> bool:
    """True for "Jade" or "McKenzie", not for "jade" or (in shouted text) "JADE"."""
    return word[:1].isupper() and not word.isupper()


def _listed(key: str, names: frozenset[str] | None = None) -> bool:
    """A listed first name, also hyphenated ("kerry-ann") or with a bare possessive ("tonys")."""
    names = FIRST_NAMES if names is None else names
    if key in names:
        return True
    parts = [p for p in re.split(r"[-'’]", key) if p]
    if len(parts) > 1 and all(p in names for p in parts):
        return True
    return key.endswith("s") and key[:-1] in names and key not in ENGLISH_WORDS


def _name_spans(text: str, english: bool = True) -> list[tuple[int, int]]:
    """Spans of words read as personal names.

    A listed name written with a capital is a name; an everyday word that is also a name
    ("Hope", "Will", "Rose") only where it stands as one (after "ask for", mid-sentence with
    a capital, or opening a sentence with someone's verb after it: "Grace is lovely"). In
    English text a listed name typed in lower case is a name beside someone's words
    ("tell darren", "darren hit me"); an unlisted capitalised word likewise ("Funmilayo on
    the van", "thanks Kez"). In the other read languages, which capitalise only names and
    places, any capitalised word inside a sentence is taken for a name, and a name's case
    endings are undone to look it up. A surname after a name ("Jade Smith") and a word after
    a title ("Mrs Kowalska", "pani Ewa") are names too.
    """
    letters = sum(c.isalpha() for c in text)
    shouted = sum(c.isupper() for c in text) > 0.6 * max(1, letters)
    words = list(_WORD.finditer(text))
    short_answer = len(words) <= 2
    spans: list[tuple[int, int]] = []
    previous_name_end = -10
    for match in words:
        word = match.group()
        for suffix in ("'s", "’s"):
            if word.lower().endswith(suffix):
                word = word[: -len(suffix)]
        key = fold(word)
        start, end = match.start(), match.start() + len(word)
        if key in _NOT_NAMES or key in _NOT_PEOPLE or len(key) < 2:
            continue
        capital = _is_capitalised(word) or (shouted and word.isupper() and len(word) > 2)
        listed = _listed(key)
        follows_name = 0 <= start - previous_name_end <= 2 and text[
            previous_name_end:start
        ].strip() in ("", "-")
        if not (capital or listed or follows_name):
            continue  # an unlisted word in lower case is never a name
        if _is_acronym(word) and not (word.isupper() and listed):
            continue  # "OD'd", "NHS" - but "LISA" is Lisa
        if shouted and not listed:
            continue  # in a shouted answer only a listed name stands out as one
        if key in _STREET_WORDS or _STREET_NEXT.match(text, end):
            continue  # "Lumb Lane", "Canal Street": a street with no number is no address
        before = text[max(0, start - 32) : start]
        if _TITLE.search(before) and (capital or listed):
            keep = True  # "Mrs Kowalska", "pani Ewa"
        elif follows_name and (key in SURNAMES or (capital and key not in ENGLISH_WORDS)):
            keep = True  # the surname of a name just found: "Jade Smith"
        elif key in AMBIGUOUS_NAMES and key in FIRST_NAMES:
            opening = bool(_SENTENCE_START.search(before))
            keep = _everyday_word_is_a_name(text, end, before, word, shouted, english, opening)
        elif listed:
            if capital:
                keep = True
            else:  # "darren hit me", "morag x": a common name that is no everyday word
                keep = (
                    english
                    and len(key) > 2
                    and _listed(key, COMMON_FIRST_NAMES)
                    and not _english(key)
                    and not _is_place(key)
                    and not _other_language_word(key)
                )
        elif capital and not _english(key) and not _is_place(key):
            opening = bool(_SENTENCE_START.search(before))
            if not english:  # Polish, Lithuanian... capitalise names, not nouns
                keep = not opening or (
                    len(key) <= 10
                    and "-" not in key
                    and not _other_language_word(key)
                    and _base_name(word) is not None
                )
            else:  # mid-sentence ("i owe Tomek"), or opening with someone's verb ("Kez did")
                keep = (
                    not opening
                    or bool(_BEFORE.search(before) or _AFTER.match(text, end))
                    or (short_answer and not _other_language_word(key))
                )
        else:
            keep = capital and bool(_NAMING_CUE.search(before))
        if keep:
            spans.append((start, end))
            previous_name_end = end
    return spans


def _everyday_word_is_a_name(
    text: str, end: int, before: str, word: str, shouted: bool, english: bool, opening: bool
) -> bool:
    """Whether an everyday word that is also a name ("Hope", "will") is used as a name here."""
    if _NAMING_CUE.search(before):
        return True
    if shouted:
        return False
    if not _is_capitalised(word):  # "tell sue", "sam on the van"; never "will", "may"
        return (
            english
            and fold(word) not in _FUNCTION_WORDS
            and fold(word) not in _common_english()
            and bool(_LOWER_BEFORE.search(before) or _AFTER_WORKER.match(text, end))
        )
    if opening:  # "Hope you're well" / "Grace is lovely" / "Jade Smith gave me tea"
        if not english:  # "Nada, obrigada": other languages' words are not weighed here
            return False
        following = _WORD.match(text, end + 1) if text[end : end + 1] == " " else None
        if following and _is_capitalised(following.group()) and fold(following.group()) in SURNAMES:
            return True
        return bool(_AFTER.match(text, end))
    return True  # capitalised mid-sentence: "thanks Amber", "ask Jade"


# Before an everyday word in lower case, the few cues that make it a name ("tell sue").
_LOWER_BEFORE = re.compile(
    r"\b(?:tell|told|ask|asked|talk to|talking to|spoke to|speak to|hug off|big up|"
    r"shout out to|say hi to|love from)\s+$",
    re.IGNORECASE,
)
_AFTER_WORKER = re.compile(
    r"\s+(?:on the van|from the (?:van|clinic|team|outreach|drop in|drop-in)|"
    r"the (?:nurse|worker|student|volunteer))\b"
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
    if (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and 1 <= second <= 31):
        return "[date_of_birth]"
    return match.group()


def _bare_handle(match: re.Match[str]) -> str:
    """[handle] for the user name after a platform's name, unless it is an everyday word."""
    name = match.group(2)
    if fold(name) in _NOT_HANDLES or (not _looks_made_up(name) and _english(fold(name))):
        return match.group()
    return match.group(1) + "[handle]"


def _near_handle(match: re.Match[str]) -> str:
    """[handle] for a user-name shape near a platform's name or "add me", unless it is a
    plain number or size, or a postcode or registration (redacted as those later)."""
    name = match.group(2)
    if (
        re.fullmatch(r"\d+[a-z]{0,2}", name, re.IGNORECASE)
        or _english(fold(name))
        or _POSTCODE.match(match.string, match.start(2))
        or _VEHICLE_STRICT.match(match.string, match.start(2))
    ):
        return match.group()
    return match.group(1) + "[handle]"


def _looks_made_up(name: str) -> bool:
    """True for user-name shapes: digits, underscores or dots inside the letters."""
    return any(c.isdigit() or c in "_." for c in name.strip("._"))


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
    if "@" in text:
        text = _EMAIL.sub("[email]", text)
    text = _EMAIL_SPOKEN.sub("[email]", text)
    text = _URL.sub("[handle]", text)
    if "@" in text:
        text = _HANDLE_AT.sub("[handle]", text)
    text = _HANDLE_BARE.sub(_bare_handle, text)
    text = _HANDLE_ADD.sub(_near_handle, text)
    text = _HANDLE_NEAR.sub(_near_handle, text)
    if any(c.isdigit() for c in text):  # every shape below holds a digit: most answers none
        text = _with_numbers(text)
    return _replace_spans(text, _merge(_name_spans(text, english)), "[name]")


def _with_numbers(text: str) -> str:
    """Dates of birth, NHS and phone numbers, postcodes, registrations and addresses."""
    text = _DOB_CUE.sub(lambda m: m.group(1) + "[date_of_birth]", text)
    text = _WRITTEN_BIRTH_DATE.sub("[date_of_birth]", text)
    text = _BARE_BIRTH_DATE.sub(_bare_date, text)
    text = _NHS_CUE.sub(lambda m: m.group(1) + "[nhs_number]", text)
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
    return _FLAT.sub("[address]", text)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans that overlap an earlier one."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept
