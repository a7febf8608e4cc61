"""Sentiment: outreach language, negation, short answers and the question it answers."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ("more socks please", "could_improve", "neutral"),  # a plain request (corpus/GUIDE.md)
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


def test_nothing_to_what_was_good_is_not_praise() -> None:
    # the blind labellers read it as negative or neutral, never as praise
    assert sentiment.label("nothing", "what_good") in ("negative", "neutral")


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


# Complaints typed into the "What was good?" box (invented by the project, as an outreach
# tablet might see them). The fitted model leans on the question; a plain complaint there
# must not read as praise. Marked cases are known misses, kept to be honest about the rate.
_NO_NEGATIVE_CUE_IN_VADER = (
    "VADER reads no negative words, so the plain-complaint rule cannot see it"
)
_MODEL_CALLS_IT_NEUTRAL = "read without the question the model itself calls it neutral"
_MODEL_CALLS_IT_POSITIVE = "read without the question the model calls it positive"
WHAT_GOOD_COMPLAINTS = [
    "waited ages in the cold, nobody came",
    "the soup was stone cold",
    "staff were rude to me tonight",
    "the van was late and cold, awful",
    "the food was cold and horrible",
    pytest.param(
        "the van never turned up", marks=pytest.mark.xfail(reason=_NO_NEGATIVE_CUE_IN_VADER)
    ),
    "van didnt come again, freezing out here",
    "rude lady on the van shouted at me",
    pytest.param(
        "tea was cold and the sarnies were stale",
        marks=pytest.mark.xfail(reason=_MODEL_CALLS_IT_POSITIVE),
    ),
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
    "they ignored me and gave my bag to someone else",
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
    "nobody judges you here",
    "even in the rain they came out for us",
    "got new socks and gloves, ta",
    "felt safe for the first time in ages",
    pytest.param(
        "hot food and a chat, means a lot", marks=pytest.mark.xfail(reason="read as neutral")
    ),
    pytest.param(
        "despite the cold u never let us down", marks=pytest.mark.xfail(reason="read as neutral")
    ),
]


def test_complaints_in_the_what_was_good_box_are_not_read_as_praise() -> None:
    """Version 9 read "the van was late and cold, awful" there as praise; these tables were
    written before version 10 and were in view while it was built (not an estimate)."""
    texts = [t.values[0] if hasattr(t, "values") else t for t in WHAT_GOOD_COMPLAINTS]
    praise = [t for t in texts if sentiment.label(t, "what_good") == "positive"]
    assert len(praise) <= 0.15 * len(texts), praise


def test_praise_in_the_what_was_good_box_stays_positive() -> None:
    texts = [t.values[0] if hasattr(t, "values") else t for t in WHAT_GOOD_PRAISE]
    wrong = [t for t in texts if sentiment.label(t, "what_good") != "positive"]
    assert len(wrong) <= 0.05 * len(texts), wrong


@pytest.mark.parametrize(
    "text",
    [
        "my fella hit me again",
        "he sold me to his mates for the night",
        "i hope i dont wake up tomorrow",
    ],
)
def test_an_answer_raising_a_concern_is_never_read_as_praise(text: str) -> None:
    for question in ("what_good", "could_improve", None):
        assert sentiment.label(text, question) == "negative"
        assert sentiment.score(text, question) <= -0.5


# fmt: off
_VADER_WORDS = [
    "never", "so", "this", "without", "doubt", "not", "no", "isn't", "good", "great", "bad",
    "kind", "of", "very", "the", "van", "was", "cold", "lovely", "ta", "x", "hardly", "nobody",
    "rude", "nice", ":)", "!!", "but", "u", "lot", "wasnt", "kinda", "sort",
]
# fmt: on


@functools.cache
def _plain_vader():
    """VADER itself, with the same added words."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis import sentiment_features

    reference = SentimentIntensityAnalyzer()
    reference.lexicon.update(sentiment_features._VADER_EXTRA)
    return reference


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_VADER_WORDS), max_size=14))
def test_the_faster_vader_scores_exactly_as_vader(words: list[str]) -> None:
    """The negation check lower-cases only the words it reads; every score is unchanged."""
    from analysis import sentiment_features

    reference = _plain_vader()
    text = " ".join(words)
    assert sentiment_features._analyzer.polarity_scores(text) == reference.polarity_scores(text)
    upper = text.upper()
    assert sentiment_features._analyzer.polarity_scores(upper) == reference.polarity_scores(upper)
