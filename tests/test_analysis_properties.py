"""Properties over generated input: nothing raises, redaction is idempotent and thorough."""

from __future__ import annotations

import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import emerging, pipeline, redact, safeguarding, sentiment, themes
from analysis.text import clean, normalise

ANY_TEXT = st.text(max_size=400)
QUESTIONS = st.sampled_from(["what_good", "could_improve", "anything_else", None])
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(ANY_TEXT, QUESTIONS)
def test_no_public_function_raises_on_any_string(text: str, question: str | None) -> None:
    assert -1.0 <= sentiment.score(text, question) <= 1.0
    assert sentiment.label(text, question) in sentiment.LABELS
    assert isinstance(themes.tag(text), list)
    assert isinstance(safeguarding.concerns(text), list)
    assert isinstance(redact.redact(text), str)
    assert isinstance(pipeline.analyse(text, question), pipeline.TextAnalysis)
    assert isinstance(normalise(text), str)
    assert isinstance(clean(text).text, str)
    assert isinstance(emerging.emerging_terms([text] * 3, [text]), list)


@settings(max_examples=150, deadline=None)
@given(ANY_TEXT)
def test_redaction_is_idempotent(text: str) -> None:
    once = redact.redact(text)
    assert redact.redact(once) == once


_WORDS = st.sampled_from(["call", "me", "on", "ring", "text", "the", "van", "x", "ta", "pls"])
_FILLER = st.lists(_WORDS, max_size=4).map(" ".join)


@st.composite
def uk_mobiles(draw) -> str:
    """A valid-looking UK mobile in one of the ways people type them."""
    digits = "7" + "".join(str(draw(st.integers(0, 9))) for _ in range(9))
    number = phonenumbers.parse("0" + digits, "GB")
    style = draw(
        st.sampled_from(
            [
                phonenumbers.PhoneNumberFormat.NATIONAL,
                phonenumbers.PhoneNumberFormat.INTERNATIONAL,
                phonenumbers.PhoneNumberFormat.E164,
            ]
        )
    )
    return phonenumbers.format_number(number, style) if draw(st.booleans()) else "0" + digits


@settings(max_examples=150, deadline=None)
@given(_FILLER, uk_mobiles(), _FILLER)
def test_no_generated_phone_survives_redaction(before: str, phone: str, after: str) -> None:
    result = redact.redact(f"{before} {phone} {after}")
    assert phone not in result
    assert "[phone]" in result


_LOCAL = st.from_regex(r"[a-z][a-z0-9._]{0,12}[a-z0-9]", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z]{2,10}\.(com|co\.uk|org|net)", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(_FILLER, _LOCAL, _DOMAIN, _FILLER)
def test_no_generated_email_survives_redaction(before: str, local: str, domain: str, after: str):
    email = f"{local}@{domain}"
    result = redact.redact(f"{before} {email} {after}")
    assert email not in result and "[email]" in result


_AREA = st.sampled_from(["BS", "SN", "GL", "M", "B", "SW", "EC", "LS", "CF", "G"])


@st.composite
def postcodes(draw) -> str:
    """A UK-shaped postcode (outward + inward), spaced or not, any case."""
    outward = draw(_AREA) + str(draw(st.integers(1, 29)))
    inward = str(draw(st.integers(0, 9))) + draw(
        st.text(alphabet="ABDEFGHJLNPQRSTUWXYZ", min_size=2, max_size=2)
    )
    code = outward + draw(st.sampled_from([" ", ""])) + inward
    return code.lower() if draw(st.booleans()) else code


@settings(max_examples=150, deadline=None)
@given(_FILLER, postcodes(), _FILLER)
def test_no_generated_postcode_survives_redaction(before: str, code: str, after: str) -> None:
    result = redact.redact(f"{before} {code} {after}")
    assert code not in result and "[postcode]" in result
