"""The kiosk's words, one TOML file per language, English as the fallback for gaps."""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

LOCALE_DIR = Path(__file__).resolve().parent
FALLBACK = "en"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """base updated with over, section by section."""
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@functools.cache
def available() -> tuple[tuple[str, str], ...]:
    """(code, language name) for every translation present, English first."""
    found = []
    for path in sorted(LOCALE_DIR.glob("*.toml")):
        with path.open("rb") as f:
            name = tomllib.load(f).get("meta", {}).get("language_name", path.stem)
        found.append((path.stem, name))
    found.sort(key=lambda item: (item[0] != FALLBACK, item[0]))
    return tuple(found)


class Words:
    """Look-ups into one language's catalogue: words["rating.title"]."""

    def __init__(self, code: str, data: dict[str, Any]) -> None:
        self.code = code
        self._data = data

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr'."""
        return str(self._data.get("meta", {}).get("direction", "ltr"))

    def get(self, key: str, default: Any = None) -> Any:
        """The raw value at a dotted key (str, list, ...), or default."""
        node: Any = self._data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        return value if isinstance(value, str) else key

    def format(self, key: str, **values: Any) -> str:
        """The words at key with {placeholders} filled."""
        return self[key].format(**values)


@functools.cache
def words(code: str = FALLBACK) -> Words:
    """The catalogue for code merged over English; unknown codes give English."""
    codes = dict(available())
    with (LOCALE_DIR / f"{FALLBACK}.toml").open("rb") as f:
        data = tomllib.load(f)
    if code != FALLBACK and code in codes:
        with (LOCALE_DIR / f"{code}.toml").open("rb") as f:
            data = _merge(data, tomllib.load(f))
        return Words(code, data)
    return Words(FALLBACK, data)
