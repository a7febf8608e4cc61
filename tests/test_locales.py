"""The kiosk's words: every key the pages use exists, translations match English."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from locales import LOCALE_DIR, available, words

ROOT = Path(__file__).resolve().parents[1]
KEY_USE = re.compile(r"""w(?:\.format)?\(?\[?["']([a-z_]+\.[a-z_]+)["']""")


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
    english = _keys(tomllib.loads((LOCALE_DIR / "en.toml").read_text(encoding="utf-8")))
    assert _keys(tomllib.loads(path.read_text(encoding="utf-8"))) <= english


def test_a_missing_key_shows_the_key_not_an_error() -> None:
    assert words("en")["nowhere.to_be_found"] == "nowhere.to_be_found"


def test_an_unknown_language_falls_back_to_english() -> None:
    assert words("xx").code == "en"
    assert words("xx")["rating.title"] == "How was tonight?"


def test_placeholders_are_filled() -> None:
    assert words().format("common.step", n=2, total=4) == "Step 2 of 4"
