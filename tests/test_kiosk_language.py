"""A translation is one new file: with a second catalogue the kiosk offers it and uses it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

import locales
from db.models import Submission
from db.session import read_session
from tests.kiosk_helpers import click, kiosk, own_locales, texts

# Test words only (not a translation anyone should ship): a few keys, the rest falls back.
SECOND = """
[meta]
language_name = "Testish"

[welcome]
title = "Testish welcome title"
start = "Testish start"

[rating]
title = "Testish rating title"
"""


@pytest.fixture
def two_languages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English plus a second catalogue, in a folder of their own."""
    yield from own_locales(tmp_path, monkeypatch, tt=SECOND)


@pytest.fixture
def english_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English alone, in a folder of its own."""
    yield from own_locales(tmp_path, monkeypatch)


def test_one_language_shows_no_picker(db_url: str, english_only: None) -> None:
    at = kiosk()
    assert not [p for p in at.get("pills") if p.key == "kiosk_language"]


def test_the_picker_offers_the_six_languages_each_named_in_itself(db_url: str) -> None:
    at = kiosk()
    picker = at.pills(key="kiosk_language")
    assert list(picker.options) == [
        "English",
        "Български",
        "Lietuvių",
        "Polski",
        "Português",
        "Română",
    ]


def test_a_second_catalogue_is_offered_used_stored_and_forgotten_for_the_next_woman(
    db_url: str, two_languages: None
) -> None:
    at = kiosk()
    picker = at.pills(key="kiosk_language")
    assert list(picker.options) == ["English", "Testish"]
    picker.set_value("tt").run()
    assert "Testish welcome title" in texts(at)
    assert at.button(key="start").label == "Testish start"
    click(at, "start")
    assert "Testish rating title" in texts(at)  # her language holds past Welcome
    click(at, "rating_skip")
    click(at, "next")
    click(at, "next")
    at.text_area(key="text_good").input("tea was nice").run()
    click(at, "submit")
    with read_session() as session:
        assert list(session.scalars(select(Submission.language))) == ["tt"]
    click(at, "done")
    assert at.session_state["kiosk_language"] in (None, "en")  # the next woman starts afresh
    assert "Testish welcome title" not in texts(at)


def test_words_missing_from_a_translation_fall_back_to_english(two_languages: None) -> None:
    english, second = locales.words("en"), locales.words("tt")
    assert second["welcome.title"] == "Testish welcome title"
    assert second["common.exit"] == english["common.exit"] == "Exit"
    assert locales.words("xx").code == "en"  # an unknown code is English
