"""Theme tagging with an editable keyword framework (SPEC §4)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

# slug -> (label, keywords). Keywords are whole words or phrases; a trailing "*"
# allows any ending ("sock*" matches socks).
DEFAULT_THEMES: dict[str, tuple[str, tuple[str, ...]]] = {
    "food_drink": (
        "Food and drink",
        (
            "food",
            "hot food",
            "soup",
            "sandwich*",
            "tea",
            "coffee",
            "hot choc*",
            "drink*",
            "brew",
            "cuppa",
            "biscuit*",
            "meal*",
            "snack*",
        ),
    ),
    "clothing_warmth": (
        "Clothes and warmth",
        (
            "cloth*",
            "coat*",
            "jacket*",
            "sock*",
            "blanket*",
            "glove*",
            "hat",
            "hats",
            "scarf",
            "scarves",
            "warm",
            "cold",
            "underwear",
            "knickers",
            "bra",
            "bras",
            "shoe*",
            "boots",
        ),
    ),
    "hygiene_toiletries": (
        "Toiletries and hygiene",
        (
            "toiletr*",
            "shampoo",
            "soap",
            "wipes",
            "deodorant",
            "toothbrush*",
            "toothpaste",
            "sanitary",
            "tampon*",
            "pads",
            "shower*",
        ),
    ),
    "sexual_health": (
        "Sexual health",
        (
            "condom*",
            "lube",
            "sexual health",
            "std",
            "sti",
            "testing",
            "clinic",
            "pregnan*",
            "contracepti*",
        ),
    ),
    "harm_reduction": (
        "Harm reduction",
        (
            "needle*",
            "naloxone",
            "foil*",
            "harm reduction",
            "pipe*",
            "works",
            "script",
            "methadone",
            "clean kit",
        ),
    ),
    "times_schedule": (
        "Times and schedule",
        (
            "time*",
            "late*",
            "earlier",
            "night*",
            "evening*",
            "weekend*",
            "sunday",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "often",
            "more days",
            "open*",
            "wait*",
        ),
    ),
    "location_access": (
        "Places and access",
        (
            "location",
            "where",
            "park*",
            "street",
            "area",
            "drop-in",
            "drop in",
            "far",
            "bus",
            "walk*",
            "find the van",
        ),
    ),
    "staff_kindness": (
        "Staff and kindness",
        (
            "staff",
            "worker*",
            "team",
            "kind*",
            "friendly",
            "listen*",
            "respect*",
            "rude",
            "judg*",
            "lovely",
            "helpful",
            "caring",
            "the girls",
            "the ladies",
        ),
    ),
    "safety_violence": (
        "Safety",
        ("safe*", "unsafe", "attack*", "violen*", "dodgy punter*", "punter*", "scared", "danger*"),
    ),
    "housing_money": (
        "Housing and money",
        (
            "housing",
            "hostel*",
            "homeless*",
            "rent",
            "benefit*",
            "money",
            "council",
            "flat",
            "accommodation",
        ),
    ),
    "health_wellbeing": (
        "Health and wellbeing",
        (
            "health",
            "doctor*",
            "gp",
            "nurse*",
            "mental health",
            "depress*",
            "anxi*",
            "wound*",
            "dentist",
        ),
    ),
    "justice_police": (
        "Police and justice",
        ("police", "court*", "probation", "prison", "arrest*", "solicitor*", "cops"),
    ),
    "children_family": (
        "Children and family",
        ("kid*", "child*", "son", "daughter", "baby", "social services", "family", "mum"),
    ),
    "practical_phone": (
        "Phones and practical help",
        ("phone*", "charg*", "sim", "credit", "id", "bank", "letters"),
    ),
    "gratitude_general": (
        "Thanks and general praise",
        (
            "thank*",
            "ta",
            "grateful",
            "lifesaver",
            "life saver",
            "brilliant",
            "amazing",
            "love you*",
            "great",
        ),
    ),
}


def _pattern(keyword: str) -> str:
    """A regex for one keyword or phrase, matching whole words only."""
    words = keyword.lower().split()
    parts = []
    for word in words:
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"\w*")
        else:
            parts.append(re.escape(word))
    return r"(?<!\w)" + r"[\s-]+".join(parts) + r"(?!\w)"


@dataclass(frozen=True)
class Framework:
    """Compiled keyword matchers, one per theme slug."""

    matchers: tuple[tuple[str, re.Pattern[str]], ...]

    def tag(self, text: str) -> list[str]:
        """Theme slugs whose keywords occur in text, in framework order."""
        lowered = (text or "").lower()
        return [slug for slug, rx in self.matchers if rx.search(lowered)]


def compile_framework(keywords: Mapping[str, list[str] | tuple[str, ...]]) -> Framework:
    """Build a Framework from slug -> keywords (e.g. as edited by an admin)."""
    matchers = []
    for slug, words in keywords.items():
        cleaned = [w.strip() for w in words if w and w.strip()]
        if cleaned:
            matchers.append((slug, re.compile("|".join(_pattern(w) for w in cleaned))))
    return Framework(tuple(matchers))


DEFAULT_FRAMEWORK = compile_framework({slug: kw for slug, (_, kw) in DEFAULT_THEMES.items()})


def tag(text: str, framework: Framework | None = None) -> list[str]:
    """Slugs of the themes text touches (default framework unless one is given)."""
    return (framework or DEFAULT_FRAMEWORK).tag(text)
