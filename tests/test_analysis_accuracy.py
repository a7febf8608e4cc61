"""Accuracy on the held-out corpus: answers by writers no model or rule ever saw.

These are the honest figures (docs/accuracy.md, `python -m training.measure --set heldout`).
The targets are issue 12's; where version 10 falls short of one, the test holds the level it
reached, so a change that makes it worse fails, and says so plainly. Nothing is tuned on
these answers: a change that needs them to pass means writing a new held-out set.
"""

from __future__ import annotations

import pytest

from training import corpus, measure


@pytest.fixture(scope="module")
def readings() -> list[measure.Reading]:
    rows, dropped = corpus.held_out()
    assert len(rows) >= 2000 and dropped < 400
    return measure.read_all(rows)


@pytest.fixture(scope="module")
def safeguarding(readings) -> dict[str, measure.Share]:
    return measure.report_safeguarding(readings)


def test_disclosures_are_flagged(safeguarding) -> None:
    # target 95%; version 11: 95.0% (92.8-96.6)
    assert safeguarding["flagged"].value >= 0.945


def test_flagged_disclosures_are_mostly_in_their_own_category(safeguarding) -> None:
    assert safeguarding["own category"].value >= 0.85  # target 85%; version 11: 88.7%


def test_ordinary_feedback_is_rarely_flagged(safeguarding) -> None:
    # target 3%; version 11: 3.6% (2.8-4.6)
    assert safeguarding["false alarms"].value <= 0.04


def test_disclosures_of_harm_are_almost_never_read_as_praise(safeguarding) -> None:
    assert safeguarding["disclosures read positive"].value <= 0.02  # version 11: 1.2%


def test_disclosures_in_other_languages_are_flagged(safeguarding) -> None:
    # target 90% pooled; version 11: 88.9% (82.9-92.9); each language is reported
    assert safeguarding["flagged (not English, pooled)"].value >= 0.88
    for code in ("ro", "pl", "bg", "lt", "pt"):
        assert safeguarding[f"flagged ({code})"].n >= 20


def test_no_held_out_stock_answer_is_flagged() -> None:
    stock = corpus.stock(("heldout",))
    assert len(stock) >= 200
    assert measure.report_stock(stock).k == 0


def test_sentiment_is_far_better_than_textblob_and_vader(readings) -> None:
    scores = measure.report_sentiment(readings)
    assert scores["Lantern"].value >= 0.80  # target 0.80; version 11: 0.867
    assert scores["Lantern, other languages"].value >= 0.80
    assert scores["Lantern"].low > scores["VADER"].high + 0.3
    assert scores["Lantern"].low > scores["TextBlob"].high + 0.3


def test_themes_are_read(readings) -> None:
    scores = measure.report_themes(readings)
    # target 0.85; version 11: 0.803 (0.793-0.814)
    assert scores["micro-F1"].value >= 0.795
    assert all(scores[t].value >= 0.6 for t in corpus.THEMES)


def test_short_english_answers_are_not_sent_away_as_unread(readings) -> None:
    found = measure.report_language(readings)
    assert found["English answers sent to a person as unread"].value <= 0.01
    assert found["answers read in their own language"].value >= 0.93


def test_identifiers_are_redacted_and_ordinary_name_words_kept() -> None:
    rows, _ = corpus.held_out()
    found = measure.report_redaction(rows)
    # target 95% per type; version 11 names: 93.8% (88.2-96.8)
    assert found["name"].value >= 0.93
    for kind in corpus.IDENTIFIER_TYPES:
        assert found[kind].value >= 0.93, kind
    assert found["ordinary words that are names, left as they are"].value >= 0.90
    assert found["answers with no identifier, unchanged"].value >= 0.95


def test_the_wilson_interval_is_the_textbook_one() -> None:
    low, high = measure.wilson(8, 10)
    assert low == pytest.approx(0.4902, abs=1e-4) and high == pytest.approx(0.9433, abs=1e-4)
    assert measure.wilson(0, 10)[0] == pytest.approx(0.0) and measure.wilson(10, 10)[
        1
    ] == pytest.approx(1.0)
