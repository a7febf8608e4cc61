"""Themes: whole words, plurals, misspellings, text-speak and phrases; editable frameworks."""

from __future__ import annotations

import pytest

from analysis import themes

SPEC_SLUGS = {
    "food_drink",
    "clothing_warmth",
    "hygiene_toiletries",
    "sexual_health",
    "harm_reduction",
    "times_schedule",
    "location_access",
    "staff_kindness",
    "safety_violence",
    "housing_money",
    "health_wellbeing",
    "justice_police",
    "children_family",
    "practical_phone",
    "gratitude_general",
}

TAGGED: list[tuple[str, str]] = [
    ("hot choc and a sarnie", "food_drink"),
    ("the sandwhiches were great", "food_drink"),
    ("cuppa please", "food_drink"),
    ("need socks", "clothing_warmth"),
    ("a warm hat", "clothing_warmth"),
    ("more blankts", "clothing_warmth"),
    ("scarves and gloves", "clothing_warmth"),
    ("toilettries", "hygiene_toiletries"),
    ("tampons", "hygiene_toiletries"),
    ("condums", "sexual_health"),
    ("clean kit and foils", "harm_reduction"),
    ("come out later on fridays", "times_schedule"),
    ("the drop-in is too far", "location_access"),
    ("drop in", "location_access"),
    ("the staff are kind", "staff_kindness"),
    ("u lot never judge me", "staff_kindness"),
    ("a dodgy punter", "safety_violence"),
    ("i got evicted from the hostel", "housing_money"),
    ("need to see a doctor", "health_wellbeing"),
    ("the polis moved us on", "justice_police"),
    ("my kids", "children_family"),
    ("can u charge my fone", "practical_phone"),
    ("thank you x", "gratitude_general"),
]

NOT_TAGGED: list[tuple[str, str]] = [
    ("i was scared", "clothing_warmth"),  # scared is not scarf
    ("that was it", "clothing_warmth"),  # hat is not that
    ("starting to rain", "food_drink"),  # starting is not starving
    ("what a shame", "health_wellbeing"),
    ("someone", "children_family"),  # son is not someone
    ("i'm fine", "justice_police"),
    ("[address] was mentioned", "location_access"),  # redaction tokens are not words
]


def test_the_default_framework_has_the_fifteen_spec_themes() -> None:
    assert set(themes.DEFAULT_THEMES) == SPEC_SLUGS
    for label, keywords in themes.DEFAULT_THEMES.values():
        assert isinstance(label, str) and isinstance(keywords, tuple)
        assert all(isinstance(k, str) and k for k in keywords)


@pytest.mark.parametrize(("text", "slug"), TAGGED)
def test_a_comment_gets_its_theme(text: str, slug: str) -> None:
    assert slug in themes.tag(text)


@pytest.mark.xfail(
    reason="version 11 reads 'ta x' at P 0.52 for thanks/general praise, under its threshold "
    "0.625: the writers tagged bare thanks inconsistently (labellers' kappa 0.77)",
    strict=True,
)
def test_a_known_miss_bare_ta_is_not_tagged_as_thanks() -> None:
    assert "gratitude_general" in themes.tag("ta x")


@pytest.mark.parametrize(("text", "slug"), NOT_TAGGED)
def test_a_lookalike_word_does_not_get_the_theme(text: str, slug: str) -> None:
    assert slug not in themes.tag(text)


def test_an_admin_framework_with_phrases_prefixes_and_exact_words() -> None:
    framework = themes.compile_framework(
        {"a": ["bus pass"], "b": ["charg*"], "c": ["=sim"], "d": [], "e": ["", "  "]}
    )
    assert framework.tag("lost my bus passes") == ["a"]
    assert framework.tag("my charger broke") == ["b"]
    assert framework.tag("new sim please") == ["c"]
    assert framework.tag("similar") == []


def test_tags_come_back_in_framework_order() -> None:
    framework = themes.compile_framework({"z": ["tea"], "a": ["coat"]})
    assert framework.tag("coat and tea") == ["z", "a"]


def test_tag_uses_a_given_framework() -> None:
    framework = themes.compile_framework({"only": ["biscuit"]})
    assert themes.tag("biscuits and socks", framework) == ["only"]


@pytest.mark.parametrize("text", ["", " ", "\x00", "🙂", "ا", "x" * 100_000])
def test_odd_input_has_no_themes_and_does_not_raise(text: str) -> None:
    assert isinstance(themes.tag(text), list)


def test_a_keyword_an_admin_adds_tags_its_theme_and_the_defaults_are_weighed() -> None:
    from analysis.themes import DEFAULT_THEMES, compile_framework, tag

    keywords = {slug: list(words) for slug, (_, words) in DEFAULT_THEMES.items()}
    text = "bring bingo cards please"
    assert "gratitude_general" not in tag(text)
    keywords["gratitude_general"].append("bingo")
    edited = compile_framework(keywords)
    assert edited.added is not None
    assert "gratitude_general" in tag(text, edited)
    # a default keyword is only weighed: "tonight" alone is not about times
    assert "times_schedule" not in tag("tonight was lovely x", edited)
