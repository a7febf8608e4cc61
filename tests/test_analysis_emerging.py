"""Emerging terms: rising words and phrases that no theme covers, never from one comment."""

from __future__ import annotations

from analysis import themes
from analysis.emerging import EmergingTerm, emerging_terms

BASELINE = ["hot food was good"] * 20 + ["nice chat with the team"] * 10
RECENT = (
    ["the blue transit is back on the estate"] * 4
    + ["blue transit again tonight [name] saw it"] * 3
    + ["hot food was good"] * 10
    + ["a one-off word zebra"]
)


def test_a_rising_phrase_is_found() -> None:
    terms = emerging_terms(RECENT, BASELINE)
    assert terms and terms[0].term == "blue transit"
    assert terms[0].recent_count == 7 and terms[0].baseline_count == 0


def test_a_term_from_too_few_comments_is_dropped() -> None:
    assert "zebra" not in {t.term for t in emerging_terms(RECENT, BASELINE)}


def test_terms_a_theme_covers_are_not_emerging() -> None:
    found = {t.term for t in emerging_terms(RECENT + ["more soup"] * 5, BASELINE)}
    assert "soup" not in found and "food" not in found


def test_stop_words_and_redaction_tokens_are_ignored() -> None:
    found = {t.term for t in emerging_terms(RECENT, BASELINE)}
    assert not found & {"the", "again", "name", "[name]"}


def test_a_custom_framework_decides_what_is_covered() -> None:
    framework = themes.compile_framework({"vehicles": ["transit"]})
    found = {t.term for t in emerging_terms(RECENT, BASELINE, framework)}
    assert "blue transit" not in found


def test_limit_and_types() -> None:
    terms = emerging_terms(RECENT, BASELINE, limit=1)
    assert len(terms) == 1 and isinstance(terms[0], EmergingTerm)
    assert emerging_terms([], []) == []
    assert emerging_terms(RECENT, BASELINE, limit=0) == []
