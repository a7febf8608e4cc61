"""Redaction of identifying details before anything is stored (SPEC §4)."""

from __future__ import annotations

import re

import phonenumbers

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# UK postcode (outward + inward), with or without the space.
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
# NHS number: ten digits, optionally grouped 3-3-4.
_NHS = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_.]{2,30}\b")
_NAME_CONTEXT = re.compile(
    r"\b(my name is|my name's|i am called|i'm called|call me|ask for)\s+([A-Z][a-z]+)",
)


def _nhs_checksum_ok(digits: str) -> bool:
    """True when ten digits pass the NHS number modulus-11 check."""
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _replace_phones(text: str) -> str:
    """Replace UK phone numbers found by the phonenumbers library."""
    spans = [
        (m.start, m.end)
        for m in phonenumbers.PhoneNumberMatcher(
            text, "GB", leniency=phonenumbers.Leniency.POSSIBLE
        )
    ]
    for start, end in reversed(spans):
        text = text[:start] + "[phone]" + text[end:]
    return text


def redact(text: str) -> str:
    """Replace identifiers in text with [phone], [email], [postcode], [nhs_number], ..."""
    if not text:
        return text or ""
    text = _EMAIL.sub("[email]", text)
    text = _NHS.sub(
        lambda m: "[nhs_number]" if _nhs_checksum_ok(re.sub(r"\D", "", m.group())) else m.group(),
        text,
    )
    text = _replace_phones(text)
    text = _POSTCODE.sub("[postcode]", text)
    text = _HANDLE.sub("[handle]", text)
    text = _NAME_CONTEXT.sub(lambda m: f"{m.group(1)} [name]", text)
    return text
