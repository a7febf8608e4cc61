"""Making any string safe to store: control characters, bidi overrides, length."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

MAX_ANSWER_CHARS = 1000

# Characters that change how surrounding text is displayed without being visible
# themselves (bidi overrides/isolates, zero-width space, BOM, word joiner). Joiners
# U+200C/U+200D stay: emoji sequences and several scripts need them.
_INVISIBLE = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200E, 0x200F, 0xFEFF, 0x2060],
)


@dataclass(frozen=True)
class CleanText:
    """A cleaned answer and whether it had to be shortened."""

    text: str
    truncated: bool


def clean(text: str | None, limit: int = MAX_ANSWER_CHARS) -> CleanText:
    """Normalise to NFC, drop control and invisible formatting characters, trim, cut at limit."""
    if not text:
        return CleanText("", False)
    text = unicodedata.normalize("NFC", str(text)).translate(_INVISIBLE)
    kept = []
    for ch in text:
        if ch in "\n\t":
            kept.append(ch)
        elif ch == "\r" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            continue
        else:
            kept.append(ch)
    text = "".join(kept).strip()
    truncated = len(text) > limit
    if truncated:
        text = text[:limit].rstrip()
    return CleanText(text, truncated)
