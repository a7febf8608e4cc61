"""Emerging terms: words and two-word phrases rising in recent comments that no theme covers."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from analysis import themes
from analysis.text import normalise, word_set

MIN_RECENT_TEXTS = 3  # a term from fewer recent comments than this is noise, or one person

STOP_WORDS = word_set(
    """a about above after again against all am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further get got had hadn't has hasn't have
    haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
    i'd i'll i'm i've if in into is isn't it it's its itself just let's like me more most much
    mustn't my myself no nor not now of off on once only or other ought our ours ourselves out
    over own really same shan't she she'd she'll she's should shouldn't so some such than that
    that's the their theirs them themselves then there there's these they they'd they'll they're
    they've this those through to too under until up us very was wasn't we we'd we'll we're
    we've were weren't what what's when when's where where's which while who who's whom why
    why's will with won't would wouldn't you you'd you'll you're you've your yours yourself
    yourselves yes yeah ok okay thanks thank please also even still lot lots bit one two
    always never every everything nothing anything something went go going come came make
    made good great nice lovely x xx xxx lol"""
)
_REDACTION = re.compile(
    r"\[(?:phone|email|postcode|nhs_number|address|name|vehicle_reg|date_of_birth|handle)\]"
)
_WORD = re.compile(r"[a-z][a-z']+")


@dataclass(frozen=True)
class EmergingTerm:
    """A term, how many recent / baseline comments use it, and how sharply it rose."""

    term: str
    recent_count: int
    baseline_count: int
    score: float


def _terms(text: str) -> set[str]:
    """Distinct content words and adjacent content-word pairs of one comment."""
    words = _WORD.findall(normalise(_REDACTION.sub(" . ", text or "")[:20000]))
    content = [w.strip("'") for w in words]
    found = {w for w in content if w not in STOP_WORDS and len(w) > 2}
    for a, b in pairwise(content):
        if a not in STOP_WORDS and b not in STOP_WORDS and len(a) > 2 and len(b) > 2:
            found.add(f"{a} {b}")
    return found


def _covered(term: str, framework: themes.Framework) -> bool:
    """True when the framework already tags this term (so it is not 'emerging')."""
    return bool(framework.tag(term))


def emerging_terms(
    recent: Sequence[str],
    baseline: Sequence[str],
    framework: themes.Framework | None = None,
    limit: int = 20,
    min_recent: int = MIN_RECENT_TEXTS,
) -> list[EmergingTerm]:
    """Terms used in at least min_recent recent comments, rising against baseline, untagged."""
    if limit <= 0:
        return []
    framework = framework or themes.DEFAULT_FRAMEWORK
    recent_counts = _document_counts(recent)
    baseline_counts = _document_counts(baseline)
    n_recent, n_base = max(1, len(recent)), max(1, len(baseline))
    results = []
    for term, count in recent_counts.items():
        if count < min_recent:
            continue
        base = baseline_counts.get(term, 0)
        # Smoothed log ratio of the share of comments using the term, weighted by how many
        # recent comments use it, so a term in 30 comments beats one in 3 at the same rise.
        rate_recent = (count + 0.5) / (n_recent + 1)
        rate_base = (base + 0.5) / (n_base + 1)
        rise = math.log(rate_recent / rate_base)
        if rise <= 0:
            continue
        if _covered(term, framework):
            continue
        results.append(EmergingTerm(term, count, base, round(rise * math.log1p(count), 4)))
    results.sort(key=lambda t: (-t.score, " " not in t.term, t.term))
    # A phrase makes its own words redundant when it explains them.
    chosen: list[EmergingTerm] = []
    for item in results:
        if " " not in item.term and any(
            item.term in c.term.split() and c.recent_count >= item.recent_count * 0.8
            for c in chosen
        ):
            continue
        chosen.append(item)
        if len(chosen) >= limit:
            break
    return chosen


def _document_counts(texts: Iterable[str]) -> Counter[str]:
    """How many texts use each term (each text counts once per term)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_terms(text if isinstance(text, str) else ""))
    return counts
