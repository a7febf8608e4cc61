"""Disclosure control: no count of 1 to threshold-1 people can be shown or worked out.

Primary suppression hides small counts. Secondary suppression protects a breakdown
whose total is on show: if one part were hidden alone, total minus the visible parts
would give it away, so more parts are hidden until the hidden ones are at least two and
add up to at least the threshold. Percentages and averages are hidden when they rest on
fewer people than the threshold, or would reveal a small count themselves.
"""

from __future__ import annotations

import os
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TypeVar

DEFAULT_THRESHOLD = 8
# A threshold of 1 would hide nothing: the setting may move the line, not remove it.
MIN_THRESHOLD = 2
THRESHOLD_FORM = f"a whole number of {MIN_THRESHOLD} or more (default {DEFAULT_THRESHOLD})"
K = TypeVar("K", bound=Hashable)
Shown = int | str


def parse_threshold(raw: str) -> int:
    """The threshold raw spells; ValueError unless it is THRESHOLD_FORM."""
    text = raw.strip()
    if not (text.isascii() and text.isdigit()) or int(text) < MIN_THRESHOLD:
        raise ValueError(f"expected {THRESHOLD_FORM}")
    return int(text)


def current_threshold() -> int:
    """The suppression threshold from LANTERN_SUPPRESS_BELOW (default 8).

    The app and `db.manage` refuse to start on a bad value (db/config.py checks it with
    parse_threshold). Here, where there is no one to tell, a bad value keeps the default
    rather than weakening suppression.
    """
    raw = os.environ.get("LANTERN_SUPPRESS_BELOW", "")
    if not raw.strip():
        return DEFAULT_THRESHOLD
    try:
        return parse_threshold(raw)
    except ValueError:
        return DEFAULT_THRESHOLD


def _limit(threshold: int | None) -> int:
    return current_threshold() if threshold is None else threshold


def is_small(count: int, threshold: int | None = None) -> bool:
    """True for a count of 1 to threshold-1."""
    return 0 < count < _limit(threshold)


def suppress(count: int, threshold: int | None = None) -> int | str:
    """Return count, or "<threshold" when it is between 1 and threshold - 1."""
    limit = _limit(threshold)
    if 0 < count < limit:
        return f"<{limit}"
    return count


def hidden(limit: int) -> str:
    """How a hidden count is shown."""
    return f"<{limit}"


def protect(
    cells: Mapping[K, int], total: int | None = None, threshold: int | None = None
) -> dict[K, Shown]:
    """Suppress small cells; if their total is shown, hide enough more that none can be derived.

    `total` is the shown total the cells add up to (None when no total is shown, or
    when the cells do not add up to one, e.g. multi-choice answers).
    """
    limit = _limit(threshold)
    hide = {k for k, v in cells.items() if 0 < v < limit}
    total_shown = total is not None and not is_small(total, limit)
    if total_shown and hide:
        while len(hide) < 2 or sum(cells[k] for k in hide) < limit:
            candidates = sorted((v, str(k), k) for k, v in cells.items() if k not in hide and v > 0)
            if not candidates:
                break
            hide.add(candidates[0][2])
    return {k: (hidden(limit) if k in hide else v) for k, v in cells.items()}


def protect_linked(
    values: Mapping[K, int],
    sums: Iterable[tuple[K, Sequence[K]]],
    threshold: int | None = None,
) -> dict[K, Shown]:
    """Protect several tables shown together, whose totals and parts are linked by sums.

    `sums` names every (total, parts) with values[total] == sum of values[parts] that a
    reader can see on one page, e.g. a site x answer table with its row and column
    totals and its grand total. Small values are hidden; then, in every sum, a hidden
    item must have company: with the total shown, at least two parts hidden and adding
    up to at least the threshold; with the total hidden, at least one part hidden too
    (else the total is the sum of what is shown). Hiding one value can unsettle another
    sum, so this repeats until every sum is safe. It is the usual "at least two in every
    line" rule of cell suppression, applied to all the lines at once.
    """
    limit = _limit(threshold)
    hide = {k for k, v in values.items() if 0 < v < limit}
    lines = [(total, list(parts)) for total, parts in sums]

    def unsafe(total: K, parts: list[K]) -> bool:
        hidden_parts = [p for p in parts if p in hide]
        if total in hide:
            return not hidden_parts
        if not hidden_parts:
            return False
        return len(hidden_parts) < 2 or sum(values[p] for p in hidden_parts) < limit

    changed = True
    while changed:
        changed = False
        for total, parts in lines:
            while unsafe(total, parts):
                candidates = sorted(
                    (values[p], str(p), p) for p in parts if p not in hide and values[p] > 0
                )
                if candidates:
                    hide.add(candidates[0][2])
                elif total not in hide and values[total] > 0:
                    hide.add(total)  # nothing left to hide beside it: hide the total
                else:
                    break
                changed = True
    return {k: (hidden(limit) if k in hide else v) for k, v in values.items()}


def share(part: int, whole: int, threshold: int | None = None) -> float | None:
    """part/whole as a percentage, or None when it rests on too few or reveals a small count."""
    limit = _limit(threshold)
    if whole < limit or is_small(part, limit) or is_small(whole - part, limit):
        return None
    return 100.0 * part / whole


def shares(
    parts: Mapping[K, int], whole: int, threshold: int | None = None
) -> dict[K, float | None]:
    """Percentages of one whole split into parts, none of which can be worked out if small.

    Showing two shares of a three-way split (say % positive and % negative of a theme's
    comments) shows the third too: it is 100 minus the others. So the shares are hidden
    exactly where protect() would hide the counts beside a shown whole, with whatever
    part is not named (whole minus the named parts) counted as a part of its own.
    """
    limit = _limit(threshold)
    if whole < limit:
        return dict.fromkeys(parts)
    rest = whole - sum(parts.values())
    cells: dict[object, int] = {("part", k): v for k, v in parts.items()}
    if rest > 0:
        cells["rest"] = rest
    shown = protect(cells, total=whole, threshold=limit)
    return {
        k: None if isinstance(shown[("part", k)], str) else 100.0 * v / whole
        for k, v in parts.items()
    }


def mean(total: float, n: int, threshold: int | None = None) -> float | None:
    """total/n, or None when built on fewer than threshold people."""
    if n < _limit(threshold) or n == 0:
        return None
    return total / n


def round_for_export(value: Shown, base: int = 5) -> Shown:
    """Counts in exports: hidden ones stay hidden, others go to the nearest multiple of base."""
    if isinstance(value, str):
        return value
    return int(base * round(value / base)) if value else 0
