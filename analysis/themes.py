"""Theme tagging with an editable keyword framework (SPEC §4).

Keyword syntax (one keyword or phrase per entry, as an admin types it):
- `sock` — the word, whatever its plural or possessive ("socks", "sock's"); text-speak and
  common misspellings are normalised first ("choc" -> chocolate, "sandwhich" -> sandwich),
  and single words of 7+ letters also match with one letter missed or added ("blankts",
  "toilettries"); letters swapped for others are never guessed ("starting" is not "starving").
- `hot food` — a phrase: the words in order, spaces or hyphens between ("drop-in" = "drop in").
- `charg*` — a trailing `*` allows any ending ("charger", "charging").
- `=id` — a leading `=` means that word (and its plural) with no spelling correction and
  no slip matching: for short words that look like others ("=hat", "=sim").
Matching is by whole words only: "hat" never matches "that", "scarf" never "scared".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from analysis.text import normalise

# slug -> (label, keywords). Seeded into the database's editable theme table.
# fmt: off
DEFAULT_THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "food_drink": ("Food and drink", (
        "food", "hot food", "meal", "soup", "sandwich", "tea", "coffee", "hot chocolate",
        "drink", "hot drink", "brew", "cup of tea", "biscuit", "snack", "breakfast", "lunch",
        "dinner", "supper", "tea and toast", "toast", "cake", "fruit", "water", "juice",
        "pot noodle", "noodle", "crisps", "chocolate", "sweets", "menu", "catering", "eat*",
        "hungry", "starving", "pasta", "stew", "pizza", "chips", "burger", "bacon roll",
        "sugar", "milk", "porridge", "cereal", "pudding", "dessert", "vegetarian", "vegan",
        "halal", "cooked", "cooking", "nutrition", "diet",
    )),
    "clothing_warmth": ("Clothes and warmth", (
        "clothes", "clothing", "coat", "jacket", "sock", "blanket", "glove", "=hat", "=hats",
        "beanie", "scarf", "warm", "warmth", "cold", "freezing", "underwear", "knickers",
        "bra", "pants", "tights", "leggings", "jumper", "hoodie", "trainers", "shoe", "boots",
        "sleeping bag", "hand warmer", "thermal*", "waterproof", "poncho", "umbrella",
        "dry clothes", "wet through", "soaked",
    )),
    "hygiene_toiletries": ("Toiletries and hygiene", (
        "toiletries", "toiletry", "shampoo", "conditioner", "soap", "wipe", "baby wipes",
        "deodorant", "toothbrush", "toothpaste", "sanitary", "tampon", "sanitary towel",
        "=pads", "period pants", "shower", "wash", "hand gel", "sanitiser", "razor",
        "hygiene", "dry shampoo", "hairbrush", "moisturiser", "lip balm", "make up", "makeup",
    )),
    "sexual_health": ("Sexual health", (
        "condom", "=lube", "lubricant", "sexual health", "=std", "=stds", "=sti", "=stis",
        "sti test", "smear", "chlamydia", "hiv", "hep c", "hepatitis", "pregnan*",
        "contracepti*", "morning after pill", "the pill", "coil", "implant", "gum clinic",
        "sexual health clinic", "prep", "pregnancy test",
    )),
    "harm_reduction": ("Harm reduction", (
        "needle", "naloxone", "=foil", "=foils", "harm reduction", "=pipe", "=pipes",
        "=works", "script", "methadone", "subutex", "clean kit", "sharps", "sharps bin",
        "needle exchange", "syringe", "spoon", "filters", "citric", "drug*",
        "heroin", "crack", "smack", "spice", "alcohol", "drink and drug*",
        "drug service", "rehab", "detox", "recovery", "fentanyl", "testing strips",
    )),
    "times_schedule": ("Times and schedule", (
        "time", "timing", "late", "later", "earlier", "early", "night", "evening", "weekend",
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "more often", "more days", "every night", "opening", "open", "opening hours", "hours",
        "=wait", "=waited", "=waiting", "longer", "on time", "schedule", "rota", "o'clock",
        "midnight", "=pm", "=am", "tonight", "daytime", "every day", "once a week",
        "twice a week", "stay out", "stay longer", "come back", "turn up", "turned up",
    )),
    "location_access": ("Places and access", (
        "location", "where the van", "park", "parked", "car park", "street", "area", "beat",
        "drop-in", "drop in", "too far", "far away", "=bus", "bus fare", "walk", "find the van",
        "find you", "the spot", "corner", "station", "town centre", "industrial estate",
        "lay-by", "layby", "the usual place", "moved", "access", "accessible", "wheelchair",
        "stairs", "ramp", "directions", "address", "lift", "transport", "taxi", "travel",
    )),
    "staff_kindness": ("Staff and kindness", (
        "staff", "worker", "outreach worker", "key worker", "support worker", "team",
        "volunteer", "=kind", "kindness", "kindly", "friendly", "listened to me",
        "listen to me", "listens to me", "listening to me", "really listen*", "time for me",
        "respect*", "rude", "judg*", "non-judgemental", "helpful", "unhelpful", "caring", "cared",
        "the girls", "the ladies", "the women", "you lot", "you guys", "polite",
        "understanding", "compassion*", "professional*", "attitude", "manner", "approachable",
        "welcoming", "smile", "chat", "talk to", "someone to talk to", "treated", "treat me",
        "made me feel", "looked after me", "supportive", "paramedic", "crew", "call handler",
        "empathy", "dignity", "moody", "ignored", "patronising", "reassuring", "reassured",
        "rushed", "warm welcome", "genuine", "down to earth", "no judgement",
    )),
    "safety_violence": ("Safety", (
        "safe", "safety", "unsafe", "attack*", "violen*", "dodgy punter", "punter",
        "bad date", "ugly mug", "ugly mugs", "scared", "danger*", "frightened", "threat*",
        "assault*", "rape*", "beaten", "hit me", "followed", "stalk*", "weapon", "knife",
        "panic alarm", "alarm", "whistle", "personal alarm", "risk", "harass*",
    )),
    "housing_money": ("Housing and money", (
        "housing", "hostel", "homeless*", "rent", "benefit*", "universal credit", "money",
        "council", "=flat", "accommodation", "sleeping rough", "rough sleeping", "evicted",
        "eviction", "landlord", "debt", "skint", "cash", "food bank", "foodbank", "bills",
        "sofa surfing", "roof over", "bed for the night", "shelter", "tent", "doorway",
        "housing officer", "temporary accommodation", "b&b", "loan", "pip", "esa", "dwp",
    )),
    "health_wellbeing": ("Health and wellbeing", (
        "health", "doctor", "=gp", "nurse", "mental health", "depress*", "anxi*", "wound",
        "dentist", "teeth", "tooth", "hospital", "a&e", "pain", "ill", "poorly", "sick",
        "infection", "abscess", "leg ulcer", "medication", "prescription", "blood test",
        "vaccin*", "jab", "covid", "flu", "feeling low", "stress*", "sleep", "tired",
        "wellbeing", "counsell*", "therapy", "self-care", "pharmacy", "plasters", "first aid",
    )),
    "justice_police": ("Police and justice", (
        "police", "copper", "coppers", "cops", "=cop", "court", "probation", "prison", "jail",
        "arrest*", "solicitor", "custody", "caution", "asbo", "cbo",
        "community order", "criminal record", "report it", "crime", "dispersal",
        "moved on", "nicked", "on tag", "released from",
    )),
    "children_family": ("Children and family", (
        "kid", "kids", "child", "children", "=son", "daughter", "baby", "babies",
        "social services", "social worker", "family", "mum", "mam", "mom", "nan", "sister",
        "brother", "grandkids", "contact with", "custody of", "care proceedings",
        "foster*", "pregnant", "nursery", "school", "my boy", "my girl", "little one",
    )),
    "practical_phone": ("Phones and practical help", (
        "phone", "charger", "charging", "charge my", "=sim", "sim card", "top up", "credit",
        "=id", "identification", "bank", "bank account", "letters", "forms", "form filling",
        "appointment", "appointments", "birth certificate", "passport", "address for post",
        "lighter", "torch", "battery", "power bank", "wifi", "internet", "mobile", "data",
        "bag", "rucksack", "storage", "lockers", "post",
    )),
    "gratitude_general": ("Thanks and general praise", (
        "thank*", "thanks", "grateful", "lifesaver", "life saver", "saved my life",
        "brilliant", "amazing", "love you", "love you all", "great", "fantastic",
        "excellent", "keep it up", "keep up the good work", "best", "appreciate*", "bless",
        "god bless", "wonderful", "diamond", "stars", "angels", "couldn't ask for more",
        "no complaints", "well done", "top notch", "10/10", "spot on", "perfect",
    )),
}
# fmt: on

# Common slips and spellings seen on any keyboard, mapped to the word the lists use.
# fmt: off
MISSPELLINGS: dict[str, str] = {
    "sandwhich": "sandwich", "sandwitch": "sandwich", "sanwich": "sandwich",
    "sandwhiches": "sandwiches", "sarnie": "sandwich", "coffe": "coffee", "cofee": "coffee",
    "coffie": "coffee", "chocolat": "chocolate", "choclate": "chocolate", "buiscuit": "biscuit",
    "biscit": "biscuit", "biccy": "biscuit", "bickie": "biscuit", "bikkies": "biscuits",
    "toiletrys": "toiletries", "toilettries": "toiletries", "shampo": "shampoo",
    "deoderant": "deodorant", "deodrant": "deodorant", "sanitry": "sanitary",
    "santary": "sanitary", "tampax": "tampon", "condum": "condom", "condums": "condoms",
    "johnnies": "condoms", "jonnies": "condoms", "blankit": "blanket", "blanky": "blanket",
    "jumpa": "jumper", "knickas": "knickers", "undies": "underwear", "trainas": "trainers",
    "hostle": "hostel", "hostal": "hostel", "accomodation": "accommodation",
    "acommodation": "accommodation", "benifits": "benefits", "benefits": "benefits",
    "polis": "police", "feds": "police", "bizzies": "police", "probabtion": "probation",
    "doctors": "doctor", "docs": "doctor", "doc": "doctor", "nhs": "health",
    "staf": "staff", "freindly": "friendly", "frendly": "friendly", "helpfull": "helpful",
    "lovly": "lovely", "luvly": "lovely", "grateful": "grateful", "greatful": "grateful",
    "thankyou": "thank you", "fone": "phone", "charja": "charger", "chargers": "charger",
    "punters": "punter", "safty": "safety", "saftey": "safety", "dangerous": "dangerous",
    "kiddies": "kids", "kiddos": "kids", "babby": "baby", "bairn": "child", "bairns": "children",
    "wensday": "wednesday", "wednsday": "wednesday", "thurs": "thursday", "tues": "tuesday",
    "weds": "wednesday", "fri": "friday", "sat": "saturday", "sun": "sunday", "mon": "monday",
    "tonite": "tonight", "nite": "night", "evenin": "evening", "mornin": "morning",
    "brews": "brew", "cuppas": "cup of tea", "scran": "food", "grub": "food", "nosh": "food",
    "butty": "sandwich", "butties": "sandwiches", "pot noodles": "pot noodle",
    "methadon": "methadone", "narcan": "naloxone", "naloxon": "naloxone",
}
# fmt: on

# fmt: off
_IRREGULAR = {
    "scarves": "scarf", "knives": "knife", "wives": "wife", "lives": "life", "children": "child",
    "women": "woman", "men": "man", "feet": "foot", "teeth": "tooth", "people": "person",
    "ladies": "lady", "babies": "baby", "clothes": "clothes", "trousers": "trousers",
    "glasses": "glasses", "pants": "pants", "tights": "tights", "leggings": "leggings",
}
# fmt: on
_KEEP_S = ("ss", "us", "is", "ous", "ics", "'s")
_WORD = re.compile(r"[a-z0-9&']+|[^\sa-z0-9]")
_FUZZY_MIN = 7
# Tokens left by redaction ("[address]") are not words the woman wrote.
_REDACTION_TOKEN = re.compile(
    r"\[(phone|email|postcode|nhs_number|address|name|vehicle_reg|date_of_birth|handle)\]"
)


def _stem(token: str) -> str:
    """A light singular form: plural and possessive endings off, irregular plurals mapped."""
    token = token.strip("'")
    if token.endswith("'s"):
        token = token[:-2]
    if token in _IRREGULAR:
        return _IRREGULAR[token]
    if len(token) <= 3 or not token.endswith("s") or token.endswith(_KEEP_S[:4]):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes", "zes", "sses")):
        return token[:-2]
    return token[:-1]


def _tokens(text: str) -> list[str]:
    """Normalised, misspelling-corrected, stemmed tokens of a text or keyword."""
    norm = normalise(_REDACTION_TOKEN.sub(" ", text))
    out: list[str] = []
    for raw in _WORD.findall(norm):
        if raw == "-":
            continue  # "drop-in" and "drop in" read the same
        fixed = MISSPELLINGS.get(raw, raw)
        out.extend(_stem(part) for part in fixed.split())
    return out


def _deletions(word: str) -> set[str]:
    """Every form of word with one letter removed (for one-slip matching)."""
    return {word[:i] + word[i + 1 :] for i in range(1, len(word))}


@dataclass(frozen=True)
class _Keyword:
    """One compiled keyword: its words, whether the last is a prefix, whether it is exact."""

    words: tuple[str, ...]
    prefix: bool = False
    exact: bool = False


@dataclass(frozen=True)
class Framework:
    """Compiled keyword matchers, one per theme slug."""

    slugs: tuple[str, ...]
    # first word -> [(slug, keyword)] for exact-word starts
    by_first: dict[str, tuple[tuple[str, _Keyword], ...]] = field(default_factory=dict)
    # single-word prefixes ("charg*"), indexed by their first three letters
    prefixed: dict[str, tuple[tuple[str, _Keyword], ...]] = field(default_factory=dict)
    # one-letter-short forms of long single keywords -> slugs (a letter missed in the text)
    fuzzy: dict[str, frozenset[str]] = field(default_factory=dict)
    # long single keywords -> slugs (a letter doubled or added in the text)
    long_words: dict[str, frozenset[str]] = field(default_factory=dict)
    # the keywords an admin added beyond the defaults, compiled alone: a match tags its theme
    added: Framework | None = None

    def tag(self, text: str) -> list[str]:
        """Theme slugs whose keywords occur in text, in framework order."""
        if not text:
            return []
        tokens = _tokens(text[:20000])
        found: set[str] = set()
        for i, token in enumerate(tokens):
            for slug, kw in self.by_first.get(token, ()):
                if slug not in found and _matches(tokens, i, kw):
                    found.add(slug)
            for slug, kw in self.prefixed.get(token[:3], ()):
                if slug not in found and token.startswith(kw.words[0]):
                    found.add(slug)
            # One slip: a letter missing or one extra. Swapped letters (substitutions) are
            # not tried: "starting" must not read as "starving".
            if len(token) >= _FUZZY_MIN - 1 and token not in self.by_first:
                found.update(self.fuzzy.get(token, ()))
                if len(token) > _FUZZY_MIN:
                    for form in _deletions(token):
                        found.update(self.long_words.get(form, ()))
        return [slug for slug in self.slugs if slug in found]


def _matches(tokens: list[str], start: int, kw: _Keyword) -> bool:
    """True when kw's words occur in tokens from start on."""
    if start + len(kw.words) > len(tokens):
        return False
    for offset, word in enumerate(kw.words):
        token = tokens[start + offset]
        last = offset == len(kw.words) - 1
        if offset == 0 and kw.prefix and len(kw.words) == 1:
            return token.startswith(word)
        if last and kw.prefix:
            if not token.startswith(word):
                return False
        elif token != word:
            return False
    return True


def _compile_keyword(keyword: str) -> _Keyword | None:
    """Parse an admin's keyword into its normalised words."""
    keyword = keyword.strip().lower()
    exact = keyword.startswith("=")
    keyword = keyword.lstrip("=").strip()
    prefix = keyword.endswith("*")
    keyword = keyword.rstrip("*").strip()
    if not keyword:
        return None
    if exact:
        words = tuple(w for w in _WORD.findall(normalise(keyword)) if w != "-")
    else:
        words = tuple(_tokens(keyword))
    if prefix and words:
        # the prefix is matched against stemmed tokens, so keep it as typed (lower-cased)
        words = (*words[:-1], keyword.split()[-1].rstrip("*"))
    return _Keyword(words, prefix=prefix, exact=exact) if words else None


def compile_framework(
    keywords: Mapping[str, list[str] | tuple[str, ...]], _with_added: bool = True
) -> Framework:
    """Build a Framework from slug -> keywords (e.g. as edited by an admin)."""
    by_first: dict[str, list[tuple[str, _Keyword]]] = {}
    prefixed: dict[str, list[tuple[str, _Keyword]]] = {}
    fuzzy: dict[str, set[str]] = {}
    long_words: dict[str, set[str]] = {}
    for slug, words in keywords.items():
        for raw in words or ():
            kw = _compile_keyword(str(raw)) if raw else None
            if kw is None:
                continue
            if kw.prefix and len(kw.words) == 1 and len(kw.words[0]) >= 3:
                prefixed.setdefault(kw.words[0][:3], []).append((slug, kw))
                continue
            by_first.setdefault(kw.words[0], []).append((slug, kw))
            if len(kw.words) == 1 and not kw.exact and len(kw.words[0]) >= _FUZZY_MIN:
                long_words.setdefault(kw.words[0], set()).add(slug)
                for form in _deletions(kw.words[0]):
                    fuzzy.setdefault(form, set()).add(slug)
    added = None
    if _with_added:
        extra = {
            slug: [k for k in words or () if _key(k) not in _DEFAULT_KEYS.get(slug, frozenset())]
            for slug, words in keywords.items()
        }
        if any(extra.values()):
            added = compile_framework({s: w for s, w in extra.items() if w}, _with_added=False)
    return Framework(
        slugs=tuple(keywords),
        by_first={k: tuple(v) for k, v in by_first.items()},
        prefixed={k: tuple(v) for k, v in prefixed.items()},
        fuzzy={k: frozenset(v) for k, v in fuzzy.items()},
        long_words={k: frozenset(v) for k, v in long_words.items()},
        added=added,
    )


def _key(keyword: object) -> str:
    """A keyword as written, for telling an admin's additions from the defaults."""
    return " ".join(str(keyword).lower().split())


_DEFAULT_KEYS = {
    slug: frozenset(_key(k) for k in words) for slug, (_, words) in DEFAULT_THEMES.items()
}


DEFAULT_FRAMEWORK = compile_framework({slug: kw for slug, (_, kw) in DEFAULT_THEMES.items()})


def learned(
    text: str,
    question: str | None = None,
    language: str | None = None,
    framework: Framework | None = None,
) -> dict[str, float]:
    """P(theme) for each default theme, from the shared learned model."""
    from analysis import model

    found = model.load()
    scores = found.head(model.logits(text, question, language, framework), "themes")
    return {
        slug: model.sigmoid(float(value))
        for slug, value in zip(found.labels["themes"], scores, strict=True)
    }


def tag(
    text: str,
    framework: Framework | None = None,
    question: str | None = None,
    language: str | None = None,
) -> list[str]:
    """Slugs of the themes text is about (default framework unless one is given).

    Two layers. The editable keyword lists are the transparent one: a match of a default
    keyword is one of the things the learned model weighs ("kw:food_drink"), beside the
    answer's words, letter pieces and concepts, so "tonight" alone no longer makes an answer
    about times. The model tags a default theme when P(theme) reaches that theme's
    threshold (chosen on the tune answers). What an admin adds is her decision and is
    obeyed: a keyword she added to a theme tags that theme wherever it occurs, and a theme
    she added, which the model does not know, is tagged by its keywords alone.
    """
    text = text or ""
    framework = framework or DEFAULT_FRAMEWORK
    if not text.strip():
        return []
    from analysis import model

    thresholds = model.load().thresholds
    probs = learned(text, question, language, framework)
    keyword = set(model.keyword_themes(text, framework))
    added = set(framework.added.tag(text)) if framework.added else set()
    found = []
    for slug in framework.slugs:
        chance = probs.get(slug)
        if (
            slug in added
            or (chance is None and slug in keyword)
            or (chance is not None and chance >= thresholds[f"theme:{slug}"])
        ):
            found.append(slug)
    return found
