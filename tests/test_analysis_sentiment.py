"""Sentiment: outreach language, negation, short answers and the question it answers."""

from __future__ import annotations

import pytest

from analysis import sentiment

CASES: list[tuple[str, str | None, str]] = [
    ("ta x", None, "positive"),
    ("hot choc was gr8", None, "positive"),
    ("u lot are the best", None, "positive"),
    ("luv u lot wiv all my heart", None, "positive"),
    ("thank u so much", None, "positive"),
    ("the soup was lush", None, "positive"),
    ("brill service", None, "positive"),
    ("the girls are amazing", None, "positive"),
    ("the staff wasnt rude", "what_good", "positive"),
    ("never cold in the van", "what_good", "positive"),
    ("u never judge me", "what_good", "positive"),
    ("not enough socks", "could_improve", "negative"),
    ("more socks please", "could_improve", "negative"),
    ("the van was late again", "could_improve", "negative"),
    ("waited ages in the cold", None, "negative"),
    ("freezing tonight", None, "negative"),
    ("no complaints", "could_improve", "positive"),
    ("nothing", "could_improve", "positive"),
    ("Nothing.", "could_improve", "positive"),
    ("nowt", "could_improve", "positive"),
    ("all good x", "could_improve", "positive"),
    ("cant fault u", "could_improve", "positive"),
    ("nothing to improve", None, "positive"),
    ("nothing", "what_good", "negative"),
    ("not sure", "could_improve", "neutral"),
    ("what time is the van on monday", None, "neutral"),
]


@pytest.mark.parametrize(("text", "question", "expected"), CASES)
def test_outreach_answers_read_as_a_person_would(
    text: str, question: str | None, expected: str
) -> None:
    assert sentiment.label(text, question) == expected


def test_nothing_to_what_could_we_do_better_is_positive() -> None:
    assert sentiment.label("Nothing", "could_improve") == "positive"
    assert sentiment.score("Nothing", "could_improve") > 0.3


def test_the_same_word_reads_differently_by_question() -> None:
    assert sentiment.score("nothing", "what_good") < 0 < sentiment.score("nothing", "could_improve")


@pytest.mark.parametrize("question", ["what_good", "could_improve", "anything_else", None, "x"])
def test_score_is_within_minus_one_and_one(question: str | None) -> None:
    for text in ("great", "awful", "", "the van"):
        assert -1.0 <= sentiment.score(text, question) <= 1.0


def test_label_is_one_of_three() -> None:
    assert sentiment.label("whatever") in sentiment.LABELS


def test_read_agrees_with_score_and_label() -> None:
    text = "the hot food was lovely but the van came late"
    assert sentiment.read(text, None) == (sentiment.score(text), sentiment.label(text))


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "!!!", "🙂", "x" * 100_000])
def test_nothing_readable_is_neutral_or_any_label(text: str) -> None:
    assert sentiment.label(text) in sentiment.LABELS


def test_empty_text_is_neutral_zero() -> None:
    assert sentiment.read("") == (0.0, "neutral")


def test_the_shipped_model_holds_weights_not_words() -> None:
    import json
    from importlib import resources

    model = json.loads(resources.files("analysis").joinpath("sentiment_model.json").read_text())
    assert model["features"] == list(sentiment.FEATURE_NAMES)
    assert len(model["features"]) <= 70  # a few dozen hand-designed numbers, no vocabulary
    assert all(isinstance(v, float) for row in model["coef"] for v in row)
