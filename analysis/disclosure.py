"""Disclosure control: small counts are never shown (SPEC §2.6)."""

from __future__ import annotations

import os

DEFAULT_THRESHOLD = 8


def current_threshold() -> int:
    """The suppression threshold from LANTERN_SUPPRESS_BELOW (default 8, never below 1)."""
    raw = os.environ.get("LANTERN_SUPPRESS_BELOW", "")
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_THRESHOLD
    return max(1, value)


def suppress(count: int, threshold: int | None = None) -> int | str:
    """Return count, or "<threshold" when it is between 1 and threshold - 1."""
    limit = current_threshold() if threshold is None else threshold
    if 0 < count < limit:
        return f"<{limit}"
    return count
