"""Admin → Services through AppTest: changes reach the kiosk's services question, audited."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from db import audit, services
from db.session import read_session
from tests.kiosk_helpers import click, kiosk
from tests.staff_helpers import create_user, signed_in_on

DEFAULT_OPTIONS = ["🚐 Outreach van", "🏠 Drop-in", "🤝 Key work", "🌱 Recovery group"]


def _admin() -> AppTest:
    """An admin, ada, on the Admin page."""
    create_user("ada", "admin")
    at = signed_in_on("pages/admin.py", "ada")
    assert "Services" in [t.label for t in at.tabs]
    return at


def _table(at: AppTest):  # type: ignore[no-untyped-def]
    """The Services tab's table as a DataFrame."""
    [tab] = [t for t in at.tabs if t.label == "Services"]
    return tab.dataframe[0].value


def _kiosk_options() -> list[str]:
    """The choices a new visit's "What did you use today?" offers, as she sees them."""
    woman = click(kiosk(), "start")
    # Streamlit draws a leading emoji as the pill's icon, apart from its words.
    # Its words are Markdown with every punctuation mark escaped (pages/_kiosk.markdown_safe).
    options = woman.pills(key="services").proto.options
    return [re.sub(r"\\(.)", r"\1", f"{o.content_icon} {o.content}".strip()) for o in options]


def _service_events() -> list[tuple[str, str | None, str | None, str | None]]:
    """(action, actor, target, detail) of every service change, oldest first."""
    with read_session() as session:
        rows = reversed(audit.events(session))
        return [(e.action, e.actor, e.target, e.detail) for e in rows if "service" in e.action]


def _services() -> list[services.ServiceRow]:
    """Every service, retired ones too, in display order."""
    with read_session() as session:
        return services.list_services(session, include_retired=True)


def _choose(at: AppTest, slug: str) -> int:
    """Pick a service in "Change a service"; its id."""
    service_id = next(s.id for s in _services() if s.slug == slug)
    at.selectbox(key="services_choice").set_value(service_id).run()
    return service_id


def _warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_the_default_services_are_listed_on_the_services_tab(db_url: str) -> None:
    at = _admin()
    table = _table(at)
    assert table["Name"].tolist() == ["Outreach van", "Drop-in", "Key work", "Recovery group"]
    assert table["Code"].tolist() == ["outreach_van", "drop_in", "key_work", "recovery_group"]
    assert set(table["Status"]) == {"on the kiosk"}
    assert _kiosk_options() == DEFAULT_OPTIONS


def test_an_admin_adds_a_service_and_the_kiosk_offers_it_at_once(db_url: str) -> None:
    assert _kiosk_options() == DEFAULT_OPTIONS  # the kiosk has cached its catalogue
    at = _admin()
    at.text_input(key="services_new_label").input("Sauna  night")
    at.text_input(key="services_new_icon").input("🧖")
    click(at, "services_add")
    assert not _warnings(at)
    assert [t.value for t in at.toast] == ["Added. It is on the kiosk now."]
    assert _kiosk_options() == [*DEFAULT_OPTIONS, "🧖 Sauna night"]
    assert _table(at)["Code"].tolist()[-1] == "sauna_night"
    assert _service_events() == [("service_added", "ada", "service sauna_night", "Sauna night")]


def test_a_service_added_with_its_own_code_keeps_it(db_url: str) -> None:
    at = _admin()
    at.text_input(key="services_new_label").input("Needle exchange")
    at.text_input(key="services_new_slug").input("nsp")
    click(at, "services_add")
    assert _services()[-1].slug == "nsp"
    assert _service_events() == [("service_added", "ada", "service nsp", "Needle exchange")]


def test_retiring_a_service_takes_it_off_the_kiosk_and_restoring_brings_it_back(
    db_url: str,
) -> None:
    at = _admin()
    _choose(at, "key_work")
    click(at, "services_toggle")
    assert "🤝 Key work" not in _kiosk_options()
    assert at.button(key="services_toggle").label == "Restore to the kiosk"
    assert _table(at)["Status"].tolist()[2] == "retired"
    click(at, "services_toggle")
    assert _kiosk_options() == DEFAULT_OPTIONS
    assert _service_events() == [
        ("service_retired", "ada", "service key_work", None),
        ("service_restored", "ada", "service key_work", None),
    ]


def test_an_admin_renames_a_service_and_changes_its_icon(db_url: str) -> None:
    at = _admin()
    key_work = _choose(at, "key_work")
    at.text_input(key=f"services_label_{key_work}").input("Time with your key worker")
    at.text_input(key=f"services_icon_{key_work}").input("💬")
    click(at, "services_save")
    assert not _warnings(at)
    assert "💬 Time with your key worker" in _kiosk_options()
    renamed = next(s for s in _services() if s.id == key_work)
    assert (renamed.slug, renamed.label, renamed.icon) == (
        "key_work",  # stored answers and rollups refer to it: it never changes
        "Time with your key worker",
        "💬",
    )
    assert _service_events() == [
        ("service_renamed", "ada", "service key_work", "Key work -> Time with your key worker")
    ]


def test_saving_a_service_unchanged_logs_nothing(db_url: str) -> None:
    at = _admin()
    click(at, "services_save")
    assert [t.value for t in at.toast] == ["Saved."]
    assert _service_events() == []


def test_an_admin_moves_a_service_up_the_kiosk_list(db_url: str) -> None:
    at = _admin()
    _choose(at, "recovery_group")
    click(at, "services_up")
    assert _kiosk_options() == [
        "🚐 Outreach van",
        "🏠 Drop-in",
        "🌱 Recovery group",
        "🤝 Key work",
    ]
    assert at.button(key="services_down").disabled is False
    [event] = _service_events()
    assert event == (
        "services_reordered",
        "ada",
        None,
        "outreach_van, drop_in, recovery_group, key_work",
    )


@pytest.mark.parametrize(
    ("label", "slug", "message"),
    [
        ("", "", "Please give the service name a few words."),
        ("   ", "", "Please give the service name a few words."),
        ("drop-in", "", "There is already a service called 'drop-in'."),
        ("Sauna night", "Sauna Night!", "uses only a-z, 0-9 and _"),
        ("Sauna night", "key_work", "The short name 'key_work' is already used."),
    ],
)
def test_a_bad_new_service_is_refused_with_a_message_and_changes_nothing(
    db_url: str, label: str, slug: str, message: str
) -> None:
    at = _admin()
    at.text_input(key="services_new_label").input(label)
    at.text_input(key="services_new_slug").input(slug)
    click(at, "services_add")
    assert any(message in w for w in _warnings(at)), _warnings(at)
    assert not at.toast
    assert [s.slug for s in _services()] == [
        "outreach_van",
        "drop_in",
        "key_work",
        "recovery_group",
    ]
    assert _kiosk_options() == DEFAULT_OPTIONS
    assert _service_events() == []


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("  ", "Please give the service name a few words."),
        ("OUTREACH VAN", "There is already a service called 'OUTREACH VAN'."),
    ],
)
def test_a_bad_new_name_for_a_service_is_refused_and_changes_nothing(
    db_url: str, label: str, message: str
) -> None:
    at = _admin()
    key_work = _choose(at, "key_work")
    at.text_input(key=f"services_label_{key_work}").input(label)
    click(at, "services_save")
    assert any(message in w for w in _warnings(at)), _warnings(at)
    assert next(s.label for s in _services() if s.id == key_work) == "Key work"
    assert _kiosk_options() == DEFAULT_OPTIONS
    assert _service_events() == []


def test_a_retired_service_still_blocks_its_name(db_url: str) -> None:
    at = _admin()
    _choose(at, "recovery_group")
    click(at, "services_toggle")
    at.text_input(key="services_new_label").input("Recovery group")
    click(at, "services_add")
    assert any("already a service called" in w for w in _warnings(at))
    assert len(_services()) == 4
