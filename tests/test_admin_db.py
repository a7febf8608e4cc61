"""Admin changes at the database level: catalogue, settings, audit log filters."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from db import admin, audit, settings
from db.catalogue import load_catalogue
from db.models import Setting, Site, Submission
from db.session import PROJECT_ROOT, read_session, write_session
from db.submissions import FeedbackForm, submit_feedback


def _items(kind: str) -> list[admin.CatalogueItem]:
    with read_session() as session:
        return admin.list_items(session, kind)


def _events(action: str) -> list[audit.AuditRow]:
    with read_session() as session:
        return audit.events(session, action=action)


# --- Catalogue ----------------------------------------------------------------------


def test_a_new_site_goes_to_the_end_with_a_slug_made_from_its_name(db_url: str) -> None:
    with write_session() as session:
        item = admin.add_item(session, "sites", "  Café   on the Quay ", actor="ada")
    assert (item.slug, item.label, item.active) == ("cafe-on-the-quay", "Café on the Quay", True)
    assert _items("sites")[-1] == item
    with read_session() as session:
        assert load_catalogue(session).site("cafe-on-the-quay") is not None
    [event] = _events("site_added")
    assert (event.actor, event.target) == ("ada", "cafe-on-the-quay")


@pytest.mark.parametrize(
    ("slug", "problem"),
    [
        ("Drop In", "can only use"),
        ("drop_in", "can only use"),
        ("-edge", "can only use"),
        ("x" * 61, "can only use"),
        ("<script>", "can only use"),
        ("drop-in", "already used"),
    ],
)
def test_site_slugs_are_lower_case_letters_digits_and_dashes_and_unique(
    db_url: str, slug: str, problem: str
) -> None:
    with pytest.raises(admin.CatalogueError, match=problem), write_session() as session:
        admin.add_item(session, "sites", "Somewhere new", slug=slug, actor="ada")
    assert len(_items("sites")) == 3


def test_a_name_with_no_latin_letters_needs_a_slug_typed_in(db_url: str) -> None:
    with pytest.raises(admin.CatalogueError, match="short code"), write_session() as session:
        admin.add_item(session, "sites", "مركز", actor="ada")
    with write_session() as session:
        item = admin.add_item(session, "sites", "مركز", slug="centre-2", actor="ada")
    assert item.label == "مركز"


def test_two_items_cannot_share_a_name(db_url: str) -> None:
    with pytest.raises(admin.CatalogueError, match="already one"), write_session() as session:
        admin.add_item(session, "sites", "evening DROP-in", slug="other", actor="ada")


def test_renaming_a_site_keeps_its_slug_and_is_logged_with_both_names(db_url: str) -> None:
    drop_in = next(i for i in _items("sites") if i.slug == "drop-in")
    with write_session() as session:
        admin.update_item(session, "sites", drop_in.id, label="Tuesday drop-in", actor="ada")
    renamed = next(i for i in _items("sites") if i.id == drop_in.id)
    assert (renamed.slug, renamed.label) == ("drop-in", "Tuesday drop-in")
    [event] = _events("site_renamed")
    assert event.detail == "'Evening drop-in' -> 'Tuesday drop-in'"


def test_saving_an_unchanged_name_logs_nothing(db_url: str) -> None:
    first = _items("sites")[0]
    with write_session() as session:
        admin.update_item(session, "sites", first.id, label=first.label, actor="ada")
    assert _events("site_renamed") == []


def test_retiring_a_site_hides_it_from_the_kiosk_but_keeps_its_feedback(db_url: str) -> None:
    submit_feedback(FeedbackForm(rating=1, site="drop-in"))
    drop_in = next(i for i in _items("sites") if i.slug == "drop-in")
    with write_session() as session:
        admin.set_item_active(session, "sites", drop_in.id, False, actor="ada")
    with read_session() as session:
        assert load_catalogue(session).site("drop-in") is None
        assert session.scalar(select(func.count()).select_from(Site)) == 3
        assert session.scalar(select(Submission.site_id)) == drop_in.id
    submit_feedback(FeedbackForm(rating=2, site="drop-in"))  # an old link still works...
    with read_session() as session:  # ...but is stored as "no site" once retired
        assert sorted(session.scalars(select(Submission.site_id)), key=str) == [
            drop_in.id,
            None,
        ]
    with write_session() as session:
        admin.set_item_active(session, "sites", drop_in.id, True, actor="ada")
    with read_session() as session:
        assert load_catalogue(session).site("drop-in") is not None
    assert [e.action for e in _events("site_retired") + _events("site_restored")] == [
        "site_retired",
        "site_restored",
    ]


def test_moving_items_reorders_the_kiosk_and_stops_at_the_ends(db_url: str) -> None:
    slots = _items("slots")
    last = slots[-1]
    with write_session() as session:
        admin.move_item(session, "slots", last.id, -1, actor="ada")
    order = [i.slug for i in _items("slots")]
    assert order[-2:] == [last.slug, slots[-2].slug]
    with write_session() as session:
        admin.move_item(session, "slots", slots[0].id, -1, actor="ada")  # already first
    assert [i.slug for i in _items("slots")] == order
    assert [i.position for i in _items("slots")] == list(range(1, len(slots) + 1))
    with read_session() as session:
        assert [c.slug for c in load_catalogue(session).slots] == order
    [event] = _events("slot_moved")
    assert event.detail == f"position {len(slots)} -> {len(slots) - 1}"


def test_a_provision_gets_an_emoji_icon(db_url: str) -> None:
    with write_session() as session:
        item = admin.add_item(session, "provisions", "Hand warmers", icon=" 🧤 ", actor="ada")
    assert (item.slug, item.icon) == ("hand_warmers", "🧤")
    with write_session() as session:
        admin.update_item(session, "provisions", item.id, icon="🔥", actor="ada")
    with read_session() as session:
        chosen = next(p for p in load_catalogue(session).provisions if p.slug == "hand_warmers")
    assert chosen.icon == "🔥"
    [event] = _events("provision_icon_changed")
    assert event.detail == "🧤 -> 🔥"


@pytest.mark.parametrize("icon", ["🛡️", "👍🏽", "🇬🇧", "👩‍👩‍👧", "☕", ""])
def test_emoji_of_every_shape_are_accepted_as_icons(icon: str) -> None:
    assert admin.clean_icon(icon) == icon


@pytest.mark.parametrize("icon", ["socks", "🧦 socks", "🧦🧦🧦🧦🧦🧦🧦🧦🧦", "<b>", "1"])
def test_words_and_long_strings_are_not_icons(icon: str) -> None:
    with pytest.raises(admin.CatalogueError, match="single emoji"):
        admin.clean_icon(icon)


def test_the_kiosk_link_is_the_public_address_with_the_site(db_url: str) -> None:
    with write_session() as session:
        settings.set_public_url(session, "https://lantern.example.org/kiosk/", actor="ada")
    with read_session() as session:
        base = settings.public_url(session)
    assert admin.kiosk_link(base, "drop-in") == "https://lantern.example.org/kiosk/?site=drop-in"


# --- Settings -----------------------------------------------------------------------


def test_settings_have_safe_defaults(db_url: str) -> None:
    with read_session() as session:
        assert settings.public_url(session) == "http://localhost:8501"
        assert settings.backup_dir(session) == PROJECT_ROOT / "data" / "backups"
        assert settings.retention_months(session) == 24
        assert settings.last_purge_date(session) is None


@pytest.mark.parametrize(
    "url",
    ["", "bbc.co.uk", "javascript:alert(1)", "ftp://example.org", "https://", "https://a b.org"],
)
def test_the_exit_site_must_be_a_web_address(db_url: str, url: str) -> None:
    with pytest.raises(settings.SettingError), write_session() as session:
        settings.set_exit_url(session, url, actor="ada")
    with read_session() as session:
        assert settings.exit_url(session) == settings.DEFAULT_EXIT_URL


def test_changing_the_exit_site_is_stored_and_logged(db_url: str) -> None:
    with write_session() as session:
        settings.set_exit_url(session, " https://www.google.com/ ", actor="ada")
    with read_session() as session:
        assert settings.exit_url(session) == "https://www.google.com/"
    [event] = _events("setting_changed")
    assert (event.actor, event.target) == ("ada", "exit_url")
    assert event.detail == "https://www.bbc.co.uk/weather -> https://www.google.com/"


def test_a_public_address_with_a_query_is_refused(db_url: str) -> None:
    refused = pytest.raises(settings.SettingError, match="without anything after")
    with refused, write_session() as session:
        settings.set_public_url(session, "https://example.org/?x=1", actor="ada")


def test_helplines_are_replaced_blank_rows_dropped_and_stored_as_json(db_url: str) -> None:
    rows = [
        {"name": "Emergency", "number": "999", "note": None},
        {"name": "", "number": "", "note": ""},
        {"name": "  Local  refuge ", "number": "0800 000 0000", "note": "evenings"},
    ]
    with write_session() as session:
        settings.set_helplines(session, rows, actor="ada")
    with read_session() as session:
        assert settings.helplines(session) == (
            settings.Helpline("Emergency", "999", ""),
            settings.Helpline("Local refuge", "0800 000 0000", "evenings"),
        )
        stored = json.loads(session.get(Setting, "helplines").value)
    assert stored[1] == {"name": "Local refuge", "number": "0800 000 0000", "note": "evenings"}
    [event] = _events("setting_changed")
    assert event.detail == f"{len(settings.DEFAULT_HELPLINES)} -> 2: ['Emergency', 'Local refuge']"


@pytest.mark.parametrize(
    ("rows", "problem"),
    [
        ([], "at least one"),
        ([{"name": "", "number": "", "note": ""}], "at least one"),
        ([{"name": "Refuge", "number": "", "note": ""}], "Row 1: each helpline needs"),
        ([{"name": "x" * 121, "number": "1", "note": ""}], "Row 1: please keep the name"),
        ([{"name": "A", "number": "999", "note": ""}] * 13, "at most 12"),
        ([{"name": "A", "number": "1", "note": ""}], "Row 1: the number does not look like"),
    ],
)
def test_helplines_that_would_leave_her_without_a_number_are_refused(
    db_url: str, rows: list[dict], problem: str
) -> None:
    with pytest.raises(settings.SettingError, match=problem), write_session() as session:
        settings.set_helplines(session, rows, actor="ada")
    with read_session() as session:
        assert settings.helplines(session) == settings.DEFAULT_HELPLINES


@pytest.mark.parametrize("months", [0, -3, 121, 2.5, True])
def test_retention_is_a_whole_number_of_months_from_1_to_120(db_url: str, months: object) -> None:
    with pytest.raises(settings.SettingError), write_session() as session:
        settings.set_retention_months(session, months, actor="ada")  # type: ignore[arg-type]


def test_retention_change_is_stored_and_logged(db_url: str) -> None:
    with write_session() as session:
        settings.set_retention_months(session, 6, actor="ada")
    with read_session() as session:
        assert settings.retention_months(session) == 6
    [event] = _events("setting_changed")
    assert event.detail == "24 -> 6 months"


def test_a_relative_backup_folder_is_under_the_project_and_an_absolute_one_is_kept(
    db_url: str, tmp_path
) -> None:
    with write_session() as session:
        assert settings.set_backup_dir(session, "data/b", actor="ada") == PROJECT_ROOT / "data/b"
        assert settings.set_backup_dir(session, str(tmp_path), actor="ada") == tmp_path
    with pytest.raises(settings.SettingError), write_session() as session:
        settings.set_backup_dir(session, "  ", actor="ada")


# --- Audit log ----------------------------------------------------------------------


def test_audit_events_filter_by_actor_action_and_time_and_count_the_same_way(
    db_url: str,
) -> None:
    start = dt.datetime(2026, 3, 1, 12, tzinfo=dt.UTC)
    with write_session() as session:
        for i in range(30):
            audit.record(
                session,
                "site_added" if i % 3 else "export",
                actor="ada" if i % 2 else "bea",
                at=start + dt.timedelta(days=i),
            )
    with read_session() as session:
        assert audit.actors(session) == ["ada", "bea"]
        assert audit.actions(session) == ["export", "site_added"]
        assert audit.count_events(session) == 30
        filters = {
            "actor": "ada",
            "action": "site_added",
            "since": start + dt.timedelta(days=5),
            "until": start + dt.timedelta(days=20),
        }
        matched = audit.events(session, **filters, limit=100)
        assert audit.count_events(session, **filters) == len(matched) == 6
        assert [e.at.day for e in matched] == [20, 18, 14, 12, 8, 6]
        page_two = audit.events(session, limit=10, offset=10)
        assert [e.at for e in page_two] == [start + dt.timedelta(days=i) for i in range(19, 9, -1)]
