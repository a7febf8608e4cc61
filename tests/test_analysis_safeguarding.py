"""Safeguarding: what the reader promises, case by case. Accuracy on unseen answers is
measured in tests/test_analysis_accuracy.py (held-out corpus); these cases include the
examples an outside review found misread, so they are regression tests, not estimates."""

from __future__ import annotations

import dataclasses
import tomllib

import pytest

from analysis import features, model, safeguarding
from training import corpus

# The examples the review of version 9 quoted, and a few like them (written for Lantern).
DISCLOSURES: list[tuple[str, str]] = [
    ("my fella hit me again", "domestic_abuse"),
    ("he sold me to his mates for the night", "exploitation_trafficking"),
    ("i hope i dont wake up tomorrow", "self_harm_suicide"),
    ("the punter hurt me thanks for the soup", "violence_assault"),
    ("he said he's gonna kill me", "immediate_danger"),
    ("a punter raped me on friday", "violence_assault"),
    ("someone keeps following me home from the van", "stalking_harassment"),
    ("my mate overdosed last night and wasnt breathing", "overdose_medical"),
    ("theres a girl on the corner, 14 at most, with an older man", "child_safeguarding"),
    ("m-a bătut iar iubitul meu", "domestic_abuse"),
    ("znowu mnie pobił mój chłopak", "domestic_abuse"),
    ("пак ме би приятелят ми", "domestic_abuse"),
    ("vėl mane sumušė mano vaikinas", "domestic_abuse"),
    ("ele me bateu de novo, tenho medo", "domestic_abuse"),
]
# Ordinary answers version 9 flagged, idioms, and the SPEC's examples: never concerns.
HARMLESS: list[str] = [
    "not bad",
    "Don't know",
    "Depends what night it is",
    "I sleep in the day so probably not",
    "Please don't stop Tuesdays, it's the only night I get out",
    "I'd kill for a coffee",
    "the van is a lifesaver",
    "dying for a brew",
    "my feet are killing me",
    "more socks",
    "all good x",
    "nothing really",
]


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_a_disclosure_is_flagged(text: str, category: str) -> None:
    found = safeguarding.read(text)
    assert found.flagged
    assert found.categories[0] in safeguarding.CATEGORIES


def test_most_of_these_disclosures_are_filed_in_their_own_category() -> None:
    right = sum(safeguarding.concerns(text)[:1] == [cat] for text, cat in DISCLOSURES)
    assert right / len(DISCLOSURES) >= 0.85


@pytest.mark.parametrize("text", HARMLESS)
def test_an_ordinary_answer_or_idiom_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


def test_a_disclosure_keeps_its_flag_inside_ordinary_feedback() -> None:
    alone = "the punter hurt me"
    assert safeguarding.read(alone).flagged
    assert safeguarding.read(f"{alone} thanks for the soup").flagged
    for around in ("thanks for the soup", "lovely tea tonight, ta x", "more socks please"):
        assert safeguarding.read(f"{alone}. {around}").flagged
        assert safeguarding.read(f"{around}. {alone}").flagged


def test_a_finding_carries_its_probability_and_whether_it_is_confident() -> None:
    thresholds = model.load().thresholds
    strong = safeguarding.read("he said he will kill me tonight, im scared to go home")
    assert strong.flagged and strong.confident
    assert strong.confidence >= thresholds["confident"] >= thresholds["concern"]
    calm = safeguarding.read("the soup was lovely")
    assert not calm.flagged and not calm.confident and calm.confidence < thresholds["concern"]


def test_a_short_answer_without_a_danger_word_is_never_flagged() -> None:
    kept = safeguarding.rules()
    assert kept.short_words == 3
    # "get out" reads as escape to the model; with no danger word a short answer stands
    never = dataclasses.replace(kept, short_words=0)
    text = "i get out"
    assert not safeguarding.read(text).flagged
    assert safeguarding.read(text, kept=never).confidence == safeguarding.read(text).confidence


def test_the_rules_file_names_only_concepts_the_lexicons_have() -> None:
    with safeguarding._RULES.open("rb") as handle:
        table = tomllib.load(handle)
    with (features.LEXICONS / "en.toml").open("rb") as handle:
        concepts = set(tomllib.load(handle)["concepts"])
    assert set(table["danger_concepts"]["concepts"]) <= concepts
    assert 0.5 <= table["clauses"]["bar"] <= 1.0


def test_the_eight_spec_categories_are_the_ones_the_model_names() -> None:
    assert set(safeguarding.CATEGORIES) == set(corpus.CATEGORIES)
    assert set(model.load().labels["category"]) == set(safeguarding.CATEGORIES)


@pytest.mark.parametrize("text", ["", "   ", "\x00", "🙂🙂", "x" * 100_000, "12345"])
def test_empty_or_odd_input_has_no_concerns(text: str) -> None:
    assert safeguarding.concerns(text) == []


def test_the_training_stock_answers_are_never_flagged() -> None:
    """In-sample (these trained the model); the held-out stock table: test_analysis_accuracy."""
    flagged = [s.text for s in corpus.stock(("train",)) if safeguarding.concerns(s.text)]
    assert flagged == []
