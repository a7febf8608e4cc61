"""Services (db/services.py): the configurable list, and feedback read per service."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import audit, comments, dashboard, services
from db.catalogue import load_catalogue
from db.models import Service
from db.services import ServiceError
from db.session import read_session, write_session
from db.submissions import FeedbackForm, service_date_now, submit_feedback
from tests.staff_helpers import create_user, signed_in_on

# The service date, as the kiosk stores it: before 6am it is still the evening before.
TODAY = service_date_now()
DEFAULTS = ["outreach_van", "drop_in", "key_work", "recovery_group"]


def service_id(slug: str) -> int:
    """The id of a service."""
    with read_session() as session:
        return session.scalar(select(Service.id).where(Service.slug == slug))


def slugs(include_retired: bool = False) -> list[str]:
    """Services in display order."""
    with read_session() as session:
        return [s.slug for s in services.list_services(session, include_retired)]


def test_the_default_services_come_from_the_migration(db_url: str) -> None:
    with read_session() as session:
        listed = services.list_services(session)
        offered = [v.slug for v in load_catalogue(session).services]
    assert [s.slug for s in listed] == DEFAULTS
    assert [s.label for s in listed] == ["Outreach van", "Drop-in", "Key work", "Recovery group"]
    assert all(s.icon for s in listed)
    assert offered == DEFAULTS


def test_adding_renaming_retiring_and_restoring_are_audited(db_url: str) -> None:
    with write_session() as session:
        added = services.add_service(session, "Sunday  brunch club", "🥐", actor="ada")
    assert (added.slug, added.label, added.active) == (
        "sunday_brunch_club",
        "Sunday brunch club",
        True,
    )
    assert slugs()[-1] == "sunday_brunch_club"
    with write_session() as session:
        renamed = services.rename_service(session, "sunday_brunch_club", "Brunch club", actor="ada")
        services.retire_service(session, "key_work", actor="ada")
    assert (renamed.slug, renamed.label, renamed.icon) == (
        "sunday_brunch_club",
        "Brunch club",
        "🥐",
    )
    assert "key_work" not in slugs()
    assert "key_work" in slugs(include_retired=True)
    with read_session() as session:
        assert "key_work" not in [v.slug for v in load_catalogue(session).services]
    with write_session() as session:
        services.restore_service(session, "key_work", actor="ada")
    assert "key_work" in slugs()
    with read_session() as session:
        trail = [(e.action, e.target) for e in reversed(audit.events(session))]
    assert trail == [
        ("service_added", "service sunday_brunch_club"),
        ("service_renamed", "service sunday_brunch_club"),
        ("service_retired", "service key_work"),
        ("service_restored", "service key_work"),
    ]


def test_services_can_be_put_in_a_new_order(db_url: str) -> None:
    with write_session() as session:
        services.reorder_services(session, ["recovery_group", "drop_in"], actor="ada")
    assert slugs() == ["recovery_group", "drop_in", "outreach_van", "key_work"]


def test_a_new_service_never_takes_an_existing_slug(db_url: str) -> None:
    with write_session() as session:
        services.add_service(session, "Drop in!", "🏠", actor="ada")
    assert "drop_in_2" in slugs()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: services.add_service(s, "", "🚐", actor="a"), "give the service name"),
        (lambda s: services.add_service(s, "x" * 61, "", actor="a"), "60 characters"),
        (lambda s: services.add_service(s, "Drop-in", "", actor="a"), "already a service"),
        (lambda s: services.add_service(s, "Nail bar", "NB", actor="a"), "should be an emoji"),
        (lambda s: services.add_service(s, "Nail bar", slug="Nail Bar", actor="a"), "a-z, 0-9"),
        (lambda s: services.add_service(s, "Nails", slug="drop_in", actor="a"), "already used"),
        (lambda s: services.rename_service(s, "nowhere", "X", actor="a"), "no service called"),
        (lambda s: services.rename_service(s, "drop_in", "Key work", actor="a"), "already a"),
        (lambda s: services.retire_service(s, "nowhere", actor="a"), "no service called"),
        (lambda s: services.restore_service(s, "drop_in", actor="a"), "already offered"),
        (lambda s: services.reorder_services(s, ["nowhere"], actor="a"), "Unknown service"),
    ],
)
def test_bad_changes_get_a_clear_message(db_url: str, call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ServiceError, match=message), write_session() as session:
        call(session)
    assert slugs() == DEFAULTS


def _seed() -> None:
    """30 women used the van, 20 the drop-in, 10 both; 5 said nothing about services."""
    for i in range(35):
        used = (["outreach_van"], ["drop_in"], ["outreach_van", "drop_in"])[i % 3] if i < 30 else []
        submit_feedback(
            FeedbackForm(
                rating=1 if "drop_in" in used else 4,
                provisions=["socks"] if "outreach_van" in used else ["hot_food"],
                slots=["fri:late_evening"],
                text_better="more socks please" if "outreach_van" in used else "",
                services=used,
                site="drop-in",
                service_date=TODAY - dt.timedelta(days=i % 7),
            )
        )


def _filters(service: str | None = None) -> dashboard.Filters:
    key = service_id(service) if service else dashboard.ALL_SERVICES
    return dashboard.Filters(TODAY - dt.timedelta(days=30), TODAY, service_key=key)


def _headline(view: dashboard.View, label: str) -> object:
    return {h.label: h.value for h in view.headlines}[label]


def test_every_dashboard_reads_one_service_from_its_rollups(db_url: str) -> None:
    _seed()
    with read_session() as session:
        everyone = dashboard.overview(session, _filters())
        van = dashboard.overview(session, _filters("outreach_van"))
        drop_in = dashboard.overview(session, _filters("drop_in"))
        van_provisions = dashboard.provisions(session, _filters("outreach_van"))
        drop_in_provisions = dashboard.provisions(session, _filters("drop_in"))
        van_times = dashboard.times(session, _filters("outreach_van"))
        van_themes = dashboard.themes(session, _filters("outreach_van"))
        key_work = dashboard.overview(session, _filters("key_work"))
    assert _headline(everyone, "Responses") == 35
    assert _headline(van, "Responses") == 20
    assert _headline(drop_in, "Responses") == 20
    assert _headline(van, "Good or very good") == 50.0  # the 10 who also used the drop-in
    assert _headline(drop_in, "Good or very good") == 100.0
    assert van_provisions.tables["ranking"].rows[0][:2] == ("Socks", 20)
    assert {r[0]: r[1] for r in drop_in_provisions.tables["ranking"].rows} == {
        "Socks": 10,
        "Hot food": 10,
    }
    assert van_times.tables["heatmap"].rows[4][3] == 20  # Friday, 9pm–midnight
    assert not van_themes.empty
    assert key_work.empty


def test_comments_can_be_filtered_by_service(db_url: str) -> None:
    _seed()
    with read_session() as session:
        van = comments.search_comments(session, _filters("outreach_van"))
        drop_in_only = comments.search_comments(session, _filters("recovery_group"))
    assert van.total == 20
    assert drop_in_only.total == 0


def test_a_retired_service_stays_readable_on_the_dashboards(db_url: str) -> None:
    _seed()
    with write_session() as session:
        services.retire_service(session, "outreach_van", actor="ada")
    with read_session() as session:
        names = dashboard.service_names(session)
        van = dashboard.overview(session, _filters("outreach_van"))
    assert names[service_id("outreach_van")] == "Outreach van (retired)"
    assert list(names)[-1] == service_id("outreach_van")  # after the ones still offered
    assert _headline(van, "Responses") == 20


def test_the_service_filter_is_in_the_sidebar_and_changes_the_numbers(db_url: str) -> None:
    _seed()
    create_user("ada", "coordinator")
    at = signed_in_on("pages/overview.py")
    assert at.selectbox(key="f_service").value is None  # all services
    assert {m.label: m.value for m in at.metric}["Responses"] == "35"
    at.selectbox(key="f_service").select(service_id("outreach_van")).run()
    assert not at.exception
    assert {m.label: m.value for m in at.metric}["Responses"] == "20"
    at.switch_page("pages/provisions.py").run()  # the choice follows her between pages
    assert at.selectbox(key="f_service").value == service_id("outreach_van")
    assert {m.label: m.value for m in at.metric}["Responses"] == "20"
