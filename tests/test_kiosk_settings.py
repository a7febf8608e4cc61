"""The kiosk uses what the admin set: the quick exit's neutral site and the helplines."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from db import settings
from db.config import ConfigError
from db.session import read_session, write_session
from tests.kiosk_helpers import APP, click, kiosk, texts, walk
from tests.staff_helpers import create_user, signed_in_on

RECIPES = "https://www.example.org/recipes?q=soup"
GARDENING = "https://gardening.example.net/"
DISCLOSURE = "he said he will kill me tonight"
SAFETY_LINE = "You don't have to go through anything alone."
REFUGE = {"name": "Northtown women's refuge", "number": "0800 123 4567", "note": "any time"}
REFUGE_LINE = "Northtown women's refuge: 0800 123 4567"
# The exit site as leave_now() goes there.
LEAVING = re.compile(r"location\.replace\((\"(?:[^\"\\]|\\.)*\")\)")


def _scripts(at: AppTest) -> list[str]:
    """The bodies of every st.html block on the page now."""
    return [h.proto.body for h in at.get("html")]


def _found(pattern: re.Pattern[str], at: AppTest) -> list[str]:
    """Every JavaScript string literal pattern captures on the page, decoded."""
    return [json.loads(m) for body in _scripts(at) for m in pattern.findall(body)]


def _tablet_data(at: AppTest) -> list[dict]:
    """What behaviour() handed the browser's tablet component, on the page now."""
    return [
        json.loads(e.proto.json)
        for e in at.get("bidi_component")
        if e.proto.component_name == "lantern_tablet"
    ]


def _exit_site(at: AppTest) -> str:
    """The one neutral site the page's quick exit (Shift x3 and Exit) is set to open."""
    [data] = _tablet_data(at)
    return data["exitUrl"]


def _left_for(at: AppTest) -> str:
    """Press Exit; the one address the page then replaces itself with."""
    click(at, "exit")
    [url] = _found(LEAVING, at)
    return url


def _store_exit_url(url: str) -> None:
    with write_session() as session:
        settings.set_exit_url(session, url, actor="ada")


def _admin() -> AppTest:
    """An admin, ada, on the Admin page."""
    create_user("ada", "admin")
    return signed_in_on("pages/admin.py", "ada")


@pytest.fixture
def no_exit_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No LANTERN_EXIT_URL from the machine running the tests."""
    monkeypatch.delenv("LANTERN_EXIT_URL", raising=False)


# --- Quick exit -----------------------------------------------------------------------


def test_with_nothing_set_the_quick_exit_goes_to_the_default_site(
    db_url: str, no_exit_env: None
) -> None:
    at = kiosk()
    assert _exit_site(at) == settings.DEFAULT_EXIT_URL
    assert _left_for(at) == settings.DEFAULT_EXIT_URL


def test_the_exit_site_stored_in_settings_is_where_the_kiosk_leaves_for(
    db_url: str, no_exit_env: None
) -> None:
    _store_exit_url(RECIPES)
    at = kiosk(site="drop-in")
    assert _exit_site(at) == RECIPES
    click(at, "start")
    assert _exit_site(at) == RECIPES  # installed again on every step
    assert _left_for(at) == RECIPES
    assert not any(settings.DEFAULT_EXIT_URL in body for body in _scripts(at))
    assert not any(settings.DEFAULT_EXIT_URL in json.dumps(d) for d in _tablet_data(at))


def test_lantern_exit_url_sets_the_exit_site_when_none_is_stored(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANTERN_EXIT_URL", f"  {GARDENING} ")
    at = kiosk()
    assert _exit_site(at) == GARDENING
    assert _left_for(at) == GARDENING


def test_an_exit_site_saved_by_an_admin_wins_over_lantern_exit_url(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANTERN_EXIT_URL", GARDENING)
    _store_exit_url(RECIPES)
    at = kiosk()
    assert _exit_site(at) == RECIPES
    assert _left_for(at) == RECIPES


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "www.example.org", "data:text/html,hi"])
def test_an_unsafe_lantern_exit_url_stops_the_app_instead_of_reaching_the_tablet(
    db_url: str, monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    # Quietly leaving for the default would hide the mistake from whoever set it up.
    monkeypatch.setenv("LANTERN_EXIT_URL", bad)
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    assert any("LANTERN_EXIT_URL" in line for line in texts(at))
    assert not at.button  # no kiosk served
    assert not any(bad in body for body in _scripts(at))
    assert not _tablet_data(at)
    with pytest.raises(ConfigError, match="LANTERN_EXIT_URL"), read_session() as session:
        settings.exit_url(session)


def test_the_public_board_leaves_for_the_same_exit_site(db_url: str, no_exit_env: None) -> None:
    _store_exit_url(RECIPES)
    at = kiosk()
    at.switch_page("pages/you_said_we_did.py").run()
    assert not at.exception
    assert _exit_site(at) == RECIPES
    assert _left_for(at) == RECIPES


def test_an_exit_site_saved_on_the_admin_page_reaches_the_kiosk_at_once(
    db_url: str, no_exit_env: None
) -> None:
    assert _exit_site(kiosk()) == settings.DEFAULT_EXIT_URL  # cached by the kiosk now
    at = _admin()
    at.text_input(key="exit_url").input(RECIPES)
    click(at, "save_exit_url")
    assert not at.warning
    assert _exit_site(kiosk()) == RECIPES


# --- Helplines ------------------------------------------------------------------------


def test_a_helpline_an_admin_adds_is_shown_after_a_disclosure(db_url: str) -> None:
    click(kiosk(), "start")  # the kiosk has cached the helplines it started with
    at = _admin()
    at.session_state["helplines_editor"] = {
        "edited_rows": {},
        "added_rows": [REFUGE],
        "deleted_rows": [],
    }
    at.run()
    click(at, "save_helplines")
    assert not at.warning
    shown = texts(walk(kiosk(), face=0, better=DISCLOSURE))
    assert SAFETY_LINE in shown
    assert REFUGE_LINE in shown
    assert "Samaritans (free, 24 hours): 116 123" in shown  # the others stay


def test_only_the_helplines_an_admin_kept_are_shown(db_url: str) -> None:
    with write_session() as session:
        settings.set_helplines(session, [REFUGE], actor="ada")
    shown = texts(walk(kiosk(), good=DISCLOSURE))
    assert SAFETY_LINE in shown
    assert REFUGE_LINE in shown
    for line in settings.DEFAULT_HELPLINES:
        assert f"{line.name}: {line.number}" not in shown


def test_the_helplines_an_admin_kept_are_shown_without_a_disclosure_too(db_url: str) -> None:
    """Every thank-you screen carries the same card; only its opening words change."""
    with write_session() as session:
        settings.set_helplines(session, [REFUGE], actor="ada")
    shown = texts(walk(kiosk(), good="the soup was lovely tonight"))
    assert "Thank you" in shown
    assert SAFETY_LINE not in shown
    assert REFUGE_LINE in shown
