"""The default helplines (db/data/helplines.toml) and the check on numbers admins type."""

from __future__ import annotations

import datetime as dt
import json
import tomllib

import phonenumbers
import pytest
from phonenumbers import shortnumberinfo

from db import settings
from db.models import Setting
from db.session import read_session, write_session

ROWS = tomllib.loads(settings.DEFAULT_HELPLINES_FILE.read_text(encoding="utf-8"))["helpline"]


def test_the_defaults_are_the_lines_for_women_in_street_based_sex_work() -> None:
    names = " ".join(h.name for h in settings.DEFAULT_HELPLINES)
    for service in (
        "National Ugly Mugs",
        "Modern Slavery",
        "National Domestic Abuse Helpline",
        "Rape Crisis",
        "Samaritans",
    ):
        assert service in names
    assert settings.DEFAULT_HELPLINES[0].number == "999"  # an emergency comes first


@pytest.mark.parametrize("row", ROWS, ids=[row["name"] for row in ROWS])
def test_every_default_says_where_its_number_came_from_and_when(row: dict) -> None:
    assert set(row) == {"name", "number", "note", "source", "checked"}
    assert all(isinstance(value, str) for value in row.values())
    assert row["name"] and row["number"] and row["source"]
    dt.date.fromisoformat(row["checked"][:10])  # starts with the day it was checked
    for field, limit in settings.HELPLINE_LIMITS.items():
        assert len(row[field]) <= limit, field  # an admin could save it unchanged


@pytest.mark.parametrize(
    "helpline", settings.DEFAULT_HELPLINES, ids=[h.name for h in settings.DEFAULT_HELPLINES]
)
def test_every_default_number_is_a_uk_number_by_the_phonenumbers_library(
    helpline: settings.Helpline,
) -> None:
    number = phonenumbers.parse(helpline.number, "GB")
    if len(phonenumbers.national_significant_number(number)) <= 6:
        assert shortnumberinfo.is_valid_short_number_for_region(number, "GB")
    else:
        assert phonenumbers.is_valid_number_for_region(number, "GB")
        # Free to call from any phone, where the name says so (08 0x freephone numbers).
        if "free" in helpline.name:
            assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.TOLL_FREE


def test_999_is_the_emergency_number() -> None:
    assert shortnumberinfo.is_emergency_number("999", "GB")


@pytest.mark.parametrize(
    "number",
    ["999", "116 123", "111", "0808 2000 247", "08000 121 700", "0161 629 9861", "+40 21 311 1234"],
)
def test_an_admin_can_save_any_real_phone_number(db_url: str, number: str) -> None:
    with write_session() as session:
        settings.set_helplines(session, [{"name": "Line", "number": number}], actor="ada")
    with read_session() as session:
        assert [h.number for h in settings.helplines(session)] == [number]  # as typed


@pytest.mark.parametrize("number", ["12345", "1", "0808 2000", "call us", "999 or 112"])
def test_a_number_that_is_not_a_phone_number_is_refused_naming_its_row(
    db_url: str, number: str
) -> None:
    rows = [{"name": "Emergency", "number": "999"}, {"name": "Refuge", "number": number}]
    with (
        pytest.raises(settings.SettingError, match=r"^Row 2: the number does not look like"),
        write_session() as session,
    ):
        settings.set_helplines(session, rows, actor="ada")
    with read_session() as session:
        assert settings.helplines(session) == settings.DEFAULT_HELPLINES


def test_the_refusal_does_not_repeat_what_was_typed(db_url: str) -> None:
    """The message is shown as Markdown on the admin page: it never carries her text."""
    typed = "![x](https://example.org/x.png)"
    with pytest.raises(settings.SettingError) as refused, write_session() as session:
        settings.set_helplines(session, [{"name": "Line", "number": typed}], actor="ada")
    assert typed not in str(refused.value)


def test_an_install_keeps_the_helplines_its_admin_saved_when_the_defaults_change(
    db_url: str,
) -> None:
    """Only the default changes: a list saved before (even one the number check would now
    refuse) is still what the kiosk shows."""
    saved = [{"name": "Old local line", "number": "12345", "note": ""}]
    with write_session() as session:
        settings.set_value(session, "helplines", json.dumps(saved))
    with read_session() as session:
        assert settings.helplines(session) == (settings.Helpline("Old local line", "12345"),)
        assert session.get(Setting, "helplines") is not None
