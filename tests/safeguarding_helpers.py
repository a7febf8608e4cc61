"""Measuring safeguarding tables the same way in every test file."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from analysis import safeguarding


def flagged_share(disclosures: Sequence[tuple[str, str]]) -> float:
    """The share of disclosures given any concern."""
    return sum(bool(safeguarding.concerns(text)) for text, _ in disclosures) / len(disclosures)


def in_category_share(disclosures: Sequence[tuple[str, str]]) -> float:
    """The share of disclosures given their expected category."""
    found = sum(category in safeguarding.concerns(text) for text, category in disclosures)
    return found / len(disclosures)


def alarm_share(harmless: Sequence[str]) -> float:
    """The share of harmless comments given any concern (false alarms)."""
    return sum(bool(safeguarding.concerns(text)) for text in harmless) / len(harmless)


def one_regex_matches(table: Mapping[str, str], texts: Iterable[str], matched) -> None:  # type: ignore[no-untyped-def]
    """Filing rules by their opening letters finds what one big regex per category finds.

    Every word start is tried (as the matcher does), not only where re.finditer would look:
    a negated match must not hide a later, overlapping one.
    """
    big = {cat: re.compile(safeguarding._wrap(p)) for cat, p in table.items()}
    for text in texts:
        prepared = safeguarding.prepared(text)
        starts = [m.start() for m in safeguarding._STARTS.finditer(prepared)]
        expected = {
            cat
            for cat, rx in big.items()
            if any(
                rx.match(prepared, pos) and not safeguarding._negated(prepared, pos)
                for pos in starts
            )
        }
        assert matched(prepared) == expected, text
