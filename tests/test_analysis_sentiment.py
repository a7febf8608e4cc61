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


# Complaints typed into the "What was good?" box (invented by the project, as an outreach
# tablet might see them). The fitted model leans on the question; a plain complaint there
# must not read as praise. Marked cases are known misses, kept to be honest about the rate.
_NO_NEGATIVE_CUE_IN_VADER = (
    "VADER reads no negative words, so the plain-complaint rule cannot see it"
)
_MODEL_CALLS_IT_NEUTRAL = "read without the question the model itself calls it neutral"
WHAT_GOOD_COMPLAINTS = [
    "waited ages in the cold, nobody came",
    pytest.param(
        "the soup was stone cold", marks=pytest.mark.xfail(reason=_MODEL_CALLS_IT_NEUTRAL)
    ),
    pytest.param(
        "staff were rude to me tonight", marks=pytest.mark.xfail(reason=_MODEL_CALLS_IT_NEUTRAL)
    ),
    "the van was late and cold, awful",
    "the food was cold and horrible",
    pytest.param(
        "the van never turned up", marks=pytest.mark.xfail(reason=_NO_NEGATIVE_CUE_IN_VADER)
    ),
    "van didnt come again, freezing out here",
    "rude lady on the van shouted at me",
    "tea was cold and the sarnies were stale",
    pytest.param(
        "ran out of sleeping bags before i got there, gutted",
        marks=pytest.mark.xfail(reason="no complaint or let-down cue word"),
    ),
    pytest.param(
        "waited 2 hours and got nothing", marks=pytest.mark.xfail(reason=_NO_NEGATIVE_CUE_IN_VADER)
    ),
    "felt judged by the new bloke, not coming back",
    pytest.param(
        "the food was rank tonight", marks=pytest.mark.xfail(reason=_MODEL_CALLS_IT_NEUTRAL)
    ),
    "nobody listened to me, waste of time",
    pytest.param(
        "too busy, got pushed out the queue",
        marks=pytest.mark.xfail(reason=_NO_NEGATIVE_CUE_IN_VADER),
    ),
    "socks all gone again, useless",
    "soaked through waiting, no shelter",
    "the worker was dismissive and moody",
    "terrible night, van was late and the food was cold",
    pytest.param(
        "they ignored me and gave my bag to someone else",
        marks=pytest.mark.xfail(reason=_MODEL_CALLS_IT_NEUTRAL),
    ),
    "the hot choc was disgusting",
]
# Genuine praise in the same box, many with cold / waiting / "no one" words in them.
WHAT_GOOD_PRAISE = [
    "hot choc was gr8",
    "u lot are the best",
    "nothing bad to say",
    "never cold in the van",
    "soup was lush, warmed me right up",
    "ta for the sleeping bag x",
    "never felt judged, thank u",
    pytest.param(
        "the van always turns up even when its freezing",
        marks=pytest.mark.xfail(
            reason="no praise word and VADER reads only 'freezing': taken for a complaint"
        ),
    ),
    "you kept me warm on a cold night",
    "kind staff who listen",
    "no one made me feel bad",
    "didnt have to wait long at all",
    "cant fault any of u",
    "brill, the nurse sorted my feet",
    "the girls are lovely, always a smile",
    "warm food on a cold night, lifesaver",
    pytest.param("nobody judges you here", marks=pytest.mark.xfail(reason="read as neutral")),
    pytest.param(
        "even in the rain they came out for us", marks=pytest.mark.xfail(reason="read as neutral")
    ),
    "got new socks and gloves, ta",
    "felt safe for the first time in ages",
    pytest.param(
        "hot food and a chat, means a lot", marks=pytest.mark.xfail(reason="read as neutral")
    ),
    pytest.param(
        "despite the cold u never let us down", marks=pytest.mark.xfail(reason="read as neutral")
    ),
]


@pytest.mark.parametrize("text", WHAT_GOOD_COMPLAINTS)
def test_a_complaint_in_the_what_was_good_box_reads_negative(text: str) -> None:
    value, label = sentiment.read(text, "what_good")
    assert label == "negative"
    assert value < 0


# Still read as praise: the model, read without the question, calls it neutral, so the
# question's prior stands (a known miss).
_STILL_READ_AS_PRAISE = {"they ignored me and gave my bag to someone else"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(t, marks=pytest.mark.xfail(reason="still read as praise"))
        if t in _STILL_READ_AS_PRAISE
        else t
        for t in (p if isinstance(p, str) else p.values[0] for p in WHAT_GOOD_COMPLAINTS)
    ],
)
def test_a_complaint_in_the_what_was_good_box_is_not_read_as_praise(text: str) -> None:
    assert sentiment.label(text, "what_good") != "positive"


@pytest.mark.parametrize("text", WHAT_GOOD_PRAISE)
def test_praise_in_the_what_was_good_box_stays_positive(text: str) -> None:
    assert sentiment.label(text, "what_good") == "positive"


def test_the_complaint_rule_reads_the_answer_as_if_no_question_was_asked() -> None:
    from analysis import sentiment_features

    text = "the food was cold and horrible"
    values = sentiment_features.features(text, "what_good")
    assert sentiment_features.is_plain_complaint_to_what_good(values)
    assert sentiment_features.without_question(values) == sentiment_features.features(text, None)
    assert sentiment.read(text, "what_good") == sentiment.read(text, None)
    # Praise, a no-fault answer or another question: the rule does not apply.
    for answer, question in [
        ("warm food on a cold night, lifesaver", "what_good"),
        ("nothing bad to say", "what_good"),
        (text, "could_improve"),
        (text, None),
    ]:
        values = sentiment_features.features(answer, question)
        assert not sentiment_features.is_plain_complaint_to_what_good(values)


def test_the_complaint_rule_keeps_praise_that_only_sounds_negative() -> None:
    # VADER reads "no one made me feel bad" as strongly negative and "bad" is a complaint cue,
    # so the rule looks at it, but read without the question the model does not call it
    # negative: the question's reading (positive) stands.
    from analysis import sentiment_features

    text = "no one made me feel bad"
    assert sentiment_features.is_plain_complaint_to_what_good(
        sentiment_features.features(text, "what_good")
    )
    assert sentiment.label(text, None) != "negative"
    assert sentiment.label(text, "what_good") == "positive"
