"""The kiosk's words: every key the pages use exists, translations match English."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from db.catalogue import load_catalogue
from db.session import read_session
from locales import LOCALE_DIR, available, words

ROOT = Path(__file__).resolve().parents[1]
KEY_USE = re.compile(r"""w(?:\.format)?\(?\[?["']([a-z_]+\.[a-z_]+)["']""")

# The translations the kiosk ships, named in themselves (SPEC §3.1).
SHIPPED = {
    "en": "English",
    "ro": "Română",
    "pl": "Polski",
    "bg": "Български",
    "lt": "Lietuvių",
    "pt": "Português",
}
# Every translation present is checked, not only the shipped ones: a new file is tested too.
TRANSLATIONS = sorted(p.stem for p in LOCALE_DIR.glob("*.toml") if p.stem != "en")
# Words for the default catalogue, which English takes from the database (staff may rename).
LABEL_SECTIONS = {
    "provision_labels": "provisions",
    "slot_labels": "slots",
    "service_labels": "services",
}


def _load(code: str) -> dict:
    return tomllib.loads((LOCALE_DIR / f"{code}.toml").read_text(encoding="utf-8"))


def _keys(data: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in data.items():
        if isinstance(value, dict):
            keys |= _keys(value, f"{prefix}{key}.")
        else:
            keys.add(prefix + key)
    return keys


def _used_keys() -> set[str]:
    used = set()
    for path in (ROOT / "pages").glob("*.py"):
        used |= set(KEY_USE.findall(path.read_text(encoding="utf-8")))
    return used


def test_english_is_always_available_and_first() -> None:
    assert available()[0] == ("en", "English")


def test_every_key_the_kiosk_uses_exists_in_english() -> None:
    english = _keys(tomllib.loads((LOCALE_DIR / "en.toml").read_text(encoding="utf-8")))
    used = _used_keys()
    assert used, "the key scanner found nothing; is the pattern still right?"
    assert used - english == set()


@pytest.mark.parametrize("path", sorted(LOCALE_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_translations_only_use_english_keys(path: Path) -> None:
    """No key English lacks (a typo, or a key English dropped), apart from the sections that
    translate the default catalogue's words, which English takes from the database."""
    english = _keys(_load("en"))
    extra = {
        key
        for key in _keys(_load(path.stem))
        if key.split(".")[0] not in LABEL_SECTIONS or path.stem == "en"
    }
    assert extra - english == set()


def test_a_missing_key_shows_the_key_not_an_error() -> None:
    assert words("en")["nowhere.to_be_found"] == "nowhere.to_be_found"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert words("xx").code == "en"
    assert words("xx")["rating.title"] == "How was tonight?"


def test_placeholders_are_filled() -> None:
    assert words().format("common.step", n=2, total=4) == "Step 2 of 4"


def _leaves(data: dict, prefix: str = "") -> dict[str, object]:
    """Every value that is not a table, by its dotted key, walking tables recursively."""
    leaves: dict[str, object] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            leaves |= _leaves(value, f"{prefix}{key}.")
        else:
            leaves[prefix + key] = value
    return leaves


def _placeholders(value: object) -> list[list[str]]:
    """The {names} of a string, or of each string of a list, in order."""
    items = value if isinstance(value, list) else [value]
    return [
        sorted(name for _, name, _, _ in string.Formatter().parse(item) if name is not None)
        for item in items
        if isinstance(item, str)
    ]


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_every_english_key_is_translated_with_its_type_and_length(code: str) -> None:
    english, translated = _leaves(_load("en")), _leaves(_load(code))
    missing = sorted(set(english) - set(translated))
    assert missing == [], f"{code}.toml lacks {missing}"
    for key, value in english.items():
        theirs = translated[key]
        assert type(theirs) is type(value), f"{code}.toml: {key} should be {type(value).__name__}"
        if isinstance(value, list):
            assert len(theirs) == len(value), f"{code}.toml: {key} should have {len(value)} items"
            assert all(isinstance(item, str) and item.strip() for item in theirs), key
        if isinstance(value, str) and value.strip():
            assert theirs.strip(), f"{code}.toml: {key} is empty"


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_placeholders_match_english(code: str) -> None:
    english, translated = _leaves(_load("en")), _leaves(_load(code))
    for key, value in english.items():
        if key in translated:
            assert _placeholders(translated[key]) == _placeholders(value), f"{code}.toml: {key}"


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_a_translation_fills_its_placeholders_like_english(code: str) -> None:
    w = words(code)
    assert w.code == code
    assert "3" in w.format("common.step", n=3, total=5)
    assert w.format("thanks.you_said_entry", when="X", title="Y") == "X: Y"


def test_every_default_choice_has_words_in_every_translation(sqlite_url: str) -> None:
    """The default provisions, time slots and services of a fresh install, as the
    migrations seed them, each have a label in every translation; and no label names a
    slug that is not a default (a typo would never be shown)."""
    with read_session() as session:
        catalogue = load_catalogue(session, include_retired=True)
    defaults = {
        section: {choice.slug for choice in getattr(catalogue, field)}
        for section, field in LABEL_SECTIONS.items()
    }
    assert all(defaults.values()), f"a fresh install should have default choices: {defaults}"
    for code in TRANSLATIONS:
        data = _load(code)
        for section, slugs in defaults.items():
            labels = data.get(section, {})
            missing = sorted(slugs - set(labels))
            assert missing == [], f"{code}.toml [{section}] lacks {missing}"
            assert set(labels) <= slugs, f"{code}.toml [{section}]: {set(labels) - slugs}"
            assert all(isinstance(v, str) and v.strip() for v in labels.values()), section


def test_english_has_no_catalogue_labels() -> None:
    """English words for the catalogue come from the database, where staff may rename them."""
    assert set(_load("en")) & set(LABEL_SECTIONS) == set()


def test_all_six_languages_are_offered_named_in_themselves() -> None:
    offered = dict(available())
    for code, name in SHIPPED.items():
        assert offered.get(code) == name
        assert _load(code)["meta"]["direction"] == "ltr"
    assert available()[0] == ("en", "English")
