"""Safeguarding concerns in free text: high recall, but idioms are not concerns (SPEC §4)."""

from __future__ import annotations

import re

CATEGORIES: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"not safe tonight",
        r"in danger",
        r"help me",
        r"scared for my life",
        r"going to kill me",
        r"gonna kill me",
    ),
    "self_harm_suicide": (
        r"suicid\w*",
        r"kill myself",
        r"end it all",
        r"self[- ]harm\w*",
        r"cut(ting)? myself",
        r"don'?t want to (be here|live)",
    ),
    "violence_assault": (
        r"attack\w*",
        r"assault\w*",
        r"raped?",
        r"beat(en)? (me )?up",
        r"punched",
        r"stabbed",
        r"hit me",
        r"hurt me",
    ),
    "domestic_abuse": (
        r"(partner|boyfriend|fella|husband) (hits|hit|beats|takes my money)",
        r"domestic (abuse|violence)",
        r"controlling",
    ),
    "stalking_harassment": (
        r"follow(ed|ing) me",
        r"stalk\w*",
        r"won'?t leave me alone",
        r"harass\w*",
    ),
    "exploitation_trafficking": (
        r"made to work",
        r"makes me work",
        r"forced",
        r"pimp\w*",
        r"owe (him|them) money",
        r"traffick\w*",
    ),
    "child_safeguarding": (
        r"(my )?(kid|child|baby|daughter|son)s? (is|are) (not safe|in danger)",
        r"child at risk",
        r"under ?age",
    ),
    "overdose_medical": (
        r"overdos\w*",
        r"\bod'?d\b",
        r"not breathing",
        r"collapsed",
        r"unconscious",
    ),
}

_COMPILED = {
    cat: re.compile(r"(?<!\w)(?:" + "|".join(p) + r")(?!\w)", re.IGNORECASE)
    for cat, p in CATEGORIES.items()
}


def concerns(text: str) -> list[str]:
    """Category slugs whose signs appear in text, [] when none."""
    if not text:
        return []
    return [cat for cat, rx in _COMPILED.items() if rx.search(text)]
