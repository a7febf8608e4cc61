"""Driving the kiosk in AppTest by its contract keys (CONTRACT.md)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import locales

APP = Path(__file__).resolve().parents[1] / "app.py"
ANSWER_KEYS = (
    "services",
    "rating",
    "provisions",
    "provision_other",
    "slots",
    "places",
    "text_good",
    "text_better",
)


def kiosk(site: str | None = None) -> AppTest:
    """A fresh kiosk session, run once (Welcome)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if site is not None:
        at.query_params["site"] = site
    at.run()
    assert not at.exception
    return at


def click(at: AppTest, key: str) -> AppTest:
    """Click the button with this key and rerun."""
    at.button(key=key).click().run()
    assert not at.exception
    return at


def walk(
    at: AppTest,
    *,
    face: int | None = 4,
    provisions: list[str] | None = None,
    slots: list[str] | None = None,
    good: str = "",
    better: str = "",
    services: list[str] | None = None,
    send: bool = True,
) -> AppTest:
    """Go through every step from Welcome, answering as given, and (by default) send.

    With a consultation open, sending goes through its step and sends from there.
    """
    click(at, "start")
    if services:
        at.pills(key="services").set_value(services).run()
    if face is None:
        click(at, "rating_skip")
    else:
        at.feedback(key="rating").set_value(face).run()
        click(at, "next")
    if provisions:
        at.pills(key="provisions").set_value(provisions).run()
    click(at, "next")
    if slots:
        at.pills(key="slots").set_value(slots).run()
    click(at, "next")
    if good:
        at.text_area(key="text_good").input(good).run()
    if better:
        at.text_area(key="text_better").input(better).run()
    if send:
        if "submit" not in button_keys(at):
            click(at, "next")  # a consultation is open: one more step
        click(at, "submit")
    return at


def texts(at: AppTest) -> list[str]:
    """Every st.text, title, header and subheader value on the page."""
    found = [t.value for t in at.text]
    for group in (at.title, at.header, at.subheader):
        found.extend(e.value for e in group)
    return found


def button_keys(at: AppTest) -> list[str]:
    """Keys of the buttons on the page now."""
    return [b.key for b in at.button]


def own_locales(folder: Path, monkeypatch: pytest.MonkeyPatch, **files: str) -> Iterator[None]:
    """For a fixture: the kiosk's words from folder, holding English and these files
    (code -> TOML text), whatever locales/ ships; the caches forgotten before and after."""
    folder.mkdir(exist_ok=True)
    shutil.copy(locales.LOCALE_DIR / "en.toml", folder / "en.toml")
    for code, toml in files.items():
        (folder / f"{code}.toml").write_text(toml, encoding="utf-8")
    monkeypatch.setattr(locales, "LOCALE_DIR", folder)
    locales.available.cache_clear()
    locales.words.cache_clear()
    yield
    locales.available.cache_clear()
    locales.words.cache_clear()
