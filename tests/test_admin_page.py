"""The admin page through AppTest: every tab renders, real edits land in the DB and audit log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from db import admin, audit, auth, settings, themes
from db.models import Answer, AnswerTheme, User
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.kiosk_helpers import APP, click, kiosk, texts
from tests.staff_helpers import page_as

PASSWORD = "correct horse battery staple"
TABS = [
    "Users",
    "Sites",
    "Provisions",
    "Time slots",
    "Services",
    "Themes",
    "Safety",
    "Digest",
    "Translations",
    "Data",
    "Audit log",
]


def _account(username: str, role: str) -> int:
    with write_session() as session:
        return auth.create_user(session, username, PASSWORD, role).id


def _signed_in(
    username: str = "ada", role: str = "admin", page: str = "pages/admin.py", url: str = ""
) -> AppTest:
    """A browser session signed in as a new account of role, on page (opened at url)."""
    _account(username, role)
    at = AppTest.from_file(str(APP), default_timeout=60)
    if url:
        at.context = {"url": url}
    at.run()
    at.switch_page("pages/sign_in.py").run()
    at.text_input(key="username").input(username)
    at.text_input(key="password").input(PASSWORD)
    at.button(key="sign_in").click().run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def _admin() -> AppTest:
    at = _signed_in()
    assert [t.value for t in at.title] == ["Admin"]
    return at


def _events(action: str) -> list[audit.AuditRow]:
    with read_session() as session:
        return audit.events(session, action=action)


def _toasts(at: AppTest) -> list[str]:
    return [t.value for t in at.toast]


def _warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def _audit_table(at: AppTest):  # type: ignore[no-untyped-def]
    """The audit log as a DataFrame (the last tab's table)."""
    return at.tabs[TABS.index("Audit log")].dataframe[0].value


def _items(kind: str) -> list[admin.CatalogueItem]:
    with read_session() as session:
        return admin.list_items(session, kind)


# --- Who may see it -----------------------------------------------------------------


def test_every_tab_renders_for_an_admin(db_url: str) -> None:
    at = _admin()
    assert [t.label for t in at.tabs] == TABS
    assert [c.value for c in at.code] == [
        "http://localhost:8501/?site=van-town-centre",
        "http://localhost:8501/?site=van-industrial-estate",
        "http://localhost:8501/?site=drop-in",
    ]
    assert at.data_editor(key="helplines_editor").value["number"].tolist() == [
        h.number for h in settings.DEFAULT_HELPLINES
    ]
    assert at.text_input(key="exit_url").value == settings.DEFAULT_EXIT_URL
    assert at.number_input(key="retention_months").value == 24
    assert _audit_table(at)["Action"].tolist()[0] == "sign_in"


@pytest.mark.parametrize("role", ["coordinator", "worker"])
def test_other_staff_get_nothing_from_the_admin_page(db_url: str, role: str) -> None:
    _account("bea", role)
    at = page_as("pages/admin.py", "bea")
    assert "Please sign in to see this page." in texts(at)
    assert not at.tabs
    assert not [b for b in at.button if b.key in ("create_user", "backup_now", "run_purge")]


def test_a_signed_out_visitor_gets_nothing_from_the_admin_page(db_url: str) -> None:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/admin.py")  # not in her navigation at all
    page = AppTest.from_file(str(APP.parent / "pages" / "admin.py"), default_timeout=60)
    page.run()  # and the page itself refuses when reached directly
    assert not page.exception
    assert texts(page) == ["Please sign in to see this page."]
    assert not page.tabs
    assert not page.text_input


# --- Users --------------------------------------------------------------------------


def test_an_admin_creates_an_account(db_url: str) -> None:
    at = _admin()
    at.text_input(key="new_user_username").input("Cara")
    at.selectbox(key="new_user_role").set_value("coordinator")
    at.text_input(key="new_user_password").input("lantern glows on wet pavements")
    at.text_input(key="new_user_password_again").input("lantern glows on wet pavements")
    click(at, "create_user")
    assert any("Account created" in t for t in _toasts(at))
    with read_session() as session:
        cara = session.scalar(select(User).where(User.username == "cara"))
    assert cara is not None and cara.role == "coordinator"
    [event] = [e for e in _events("user_created") if e.target == "cara"]
    assert (event.actor, event.detail) == ("ada", "role=coordinator")


@pytest.mark.parametrize(
    ("password", "again", "message"),
    [
        ("short", "short", "at least 12 characters"),
        ("password1234", "password1234", "commonly used"),
        ("lantern glows on wet pavements", "something else entirely", "were different"),
    ],
)
def test_a_bad_password_gets_a_kind_message_and_no_account(
    db_url: str, password: str, again: str, message: str
) -> None:
    at = _admin()
    at.text_input(key="new_user_username").input("cara")
    at.text_input(key="new_user_password").input(password)
    at.text_input(key="new_user_password_again").input(again)
    click(at, "create_user")
    assert any(message in w for w in _warnings(at))
    with read_session() as session:
        assert session.scalar(select(User).where(User.username == "cara")) is None


def test_an_admin_disables_enables_and_resets_another_account(db_url: str) -> None:
    at = _admin()
    bea = _account("bea", "worker")
    at.run()
    at.selectbox(key="manage_user").set_value(bea).run()
    assert at.button(key="toggle_active").label == "Disable account"
    click(at, "toggle_active")
    with read_session() as session:
        assert session.get(User, bea).active is False
    assert at.button(key="toggle_active").label == "Enable account"
    click(at, "toggle_active")
    at.text_input(key="reset_password_new").input("a brand new lantern phrase")
    at.text_input(key="reset_password_again").input("a brand new lantern phrase")
    click(at, "reset_password")
    assert auth.authenticate("bea", "a brand new lantern phrase") is not None
    assert [e.action for e in _events("user_disabled") + _events("user_enabled")] == [
        "user_disabled",
        "user_enabled",
    ]
    [reset] = _events("password_reset")
    assert (reset.actor, reset.target) == ("ada", "bea")


def test_an_admin_changes_a_role(db_url: str) -> None:
    at = _admin()
    bea = _account("bea", "worker")
    at.run()
    at.selectbox(key="manage_user").set_value(bea).run()
    at.selectbox(key=f"manage_role_{bea}").set_value("coordinator").run()
    click(at, "change_role")
    with read_session() as session:
        assert session.get(User, bea).role == "coordinator"
    [event] = _events("role_changed")
    assert event.detail == "worker->coordinator"


def test_an_admin_cannot_lock_themselves_out(db_url: str) -> None:
    at = _admin()
    with read_session() as session:
        ada = session.scalar(select(User.id).where(User.username == "ada"))
    at.selectbox(key="manage_user").set_value(ada).run()
    click(at, "toggle_active")
    assert any("can't disable your own account" in w for w in _warnings(at))
    at.selectbox(key=f"manage_role_{ada}").set_value("worker").run()
    click(at, "change_role")
    assert any("can't change your own role" in w for w in _warnings(at))
    with read_session() as session:
        me = session.get(User, ada)
        assert (me.active, me.role) == (True, "admin")


# --- Sites, provisions, slots ---------------------------------------------------------


def test_an_admin_adds_a_site_and_its_kiosk_link_appears(db_url: str) -> None:
    at = _admin()
    at.text_input(key="public_url").input("https://lantern.example.org/")
    click(at, "save_public_url")
    at.text_input(key="sites_new_label").input("Thursday van – north")
    click(at, "sites_add")
    assert _items("sites")[-1].slug == "thursday-van-north"
    assert "https://lantern.example.org/?site=thursday-van-north" in [c.value for c in at.code]
    [added] = _events("site_added")
    assert (added.actor, added.target) == ("ada", "thursday-van-north")


def test_until_the_address_is_set_kiosk_links_use_the_address_the_page_is_open_at(
    db_url: str,
) -> None:
    # Served under a path on another port; the browser says so from its first request on.
    at = _signed_in(url="https://outreach.example.org:8600/lantern/staff")
    links = [c.value for c in at.code]
    assert "https://outreach.example.org:8600/lantern/?site=drop-in" in links
    assert not any("localhost" in link for link in links)
    assert any("not saved yet" in t for t in texts(at))
    assert at.text_input(key="public_url").value == "https://outreach.example.org:8600/lantern"
    # Once an admin saves an address, the links use it whatever address the page is open at.
    at.text_input(key="public_url").input("https://lantern.example.org/")
    click(at, "save_public_url")
    assert "https://lantern.example.org/?site=drop-in" in [c.value for c in at.code]
    assert not any("not saved yet" in t for t in texts(at))


def test_a_bad_site_code_gets_a_kind_message(db_url: str) -> None:
    at = _admin()
    at.text_input(key="sites_new_label").input("Somewhere")
    at.text_input(key="sites_new_slug").input("Some Where!")
    click(at, "sites_add")
    assert any("can only use" in w for w in _warnings(at))
    assert len(_items("sites")) == 3


def test_an_admin_renames_moves_and_retires_a_site(db_url: str) -> None:
    at = _admin()
    drop_in = next(i for i in _items("sites") if i.slug == "drop-in")
    at.selectbox(key="sites_choice").set_value(drop_in.id).run()
    at.text_input(key=f"sites_label_{drop_in.id}").input("Wednesday drop-in")
    click(at, "sites_save")
    click(at, "sites_up")
    click(at, "sites_toggle")
    items = _items("sites")
    moved = next(i for i in items if i.slug == "drop-in")
    assert (moved.label, moved.position, moved.active) == ("Wednesday drop-in", 2, False)
    assert "http://localhost:8501/?site=drop-in" not in [c.value for c in at.code]
    assert at.button(key="sites_toggle").label == "Restore to the kiosk"
    assert [e.action for e in _events("site_renamed") + _events("site_moved")] == [
        "site_renamed",
        "site_moved",
    ]
    assert len(_events("site_retired")) == 1


def test_a_new_provision_reaches_the_kiosk_at_once(db_url: str) -> None:
    before = kiosk()  # the kiosk has cached its catalogue
    click(before, "start")
    at = _admin()
    at.text_input(key="provisions_new_label").input("Hand warmers")
    at.text_input(key="provisions_new_icon").input("🧤")
    click(at, "provisions_add")
    woman = kiosk()
    click(woman, "start")
    click(woman, "next")
    assert "Hand warmers" in woman.pills(key="provisions").options
    [event] = _events("provision_added")
    assert event.detail == "'Hand warmers' 🧤"


def test_a_word_is_not_accepted_as_an_icon(db_url: str) -> None:
    at = _admin()
    first = _items("provisions")[0]
    at.text_input(key=f"provisions_icon_{first.id}").input("soup")
    click(at, "provisions_save")
    assert any("single emoji" in w for w in _warnings(at))
    assert _items("provisions")[0].icon == first.icon


def test_an_admin_relabels_a_time_slot(db_url: str) -> None:
    at = _admin()
    first = _items("slots")[0]
    at.text_input(key=f"slots_label_{first.id}").input("Daytime (9am–5pm)")
    click(at, "slots_save")
    assert _items("slots")[0].label == "Daytime (9am–5pm)"
    assert len(_events("slot_renamed")) == 1


# --- Themes -------------------------------------------------------------------------


def test_an_admin_edits_keywords_and_reanalyses_with_a_progress_bar(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_better="please bring glitter pens"))
    at = _admin()
    assert at.button(key="reanalyse").disabled
    at.selectbox(key="theme_choice").set_value("practical_phone").run()
    box = at.text_area(key="theme_keywords_practical_phone")
    box.input(box.value + "\nglitter pen")
    click(at, "save_theme")
    assert "1 stored comments were read with older keywords." in texts(at)
    click(at, "reanalyse")
    assert any("Re-analysed 1 comments" in t for t in _toasts(at))
    with read_session() as session:
        tagged = set(session.scalars(select(AnswerTheme.theme)))
        changed = next(t for t in themes.list_themes(session) if t.slug == "practical_phone")
    assert "practical_phone" in tagged
    assert "glitter pen" in changed.keywords
    assert [e.actor for e in _events("theme_keywords_changed") + _events("reanalysed")] == [
        "ada",
        "ada",
    ]


def test_emptying_an_active_theme_gets_a_kind_message(db_url: str) -> None:
    at = _admin()
    at.text_area(key="theme_keywords_food_drink").input("")
    click(at, "save_theme")
    assert any("at least one keyword" in w for w in _warnings(at))


# --- Safety -------------------------------------------------------------------------


def test_an_admin_edits_the_helplines_in_the_table(db_url: str) -> None:
    at = _admin()
    at.session_state["helplines_editor"] = {
        "edited_rows": {1: {"note": "free, 24 hours"}},
        "added_rows": [{"name": "Local refuge", "number": "0800 000 0000"}],
        "deleted_rows": [2],
    }
    at.run()
    click(at, "save_helplines")
    assert not _warnings(at)
    with read_session() as session:
        lines = settings.helplines(session)
    defaults = [(h.name, h.number, h.note) for h in settings.DEFAULT_HELPLINES]
    defaults[1] = (*defaults[1][:2], "free, 24 hours")
    del defaults[2]
    assert [(h.name, h.number, h.note) for h in lines] == [
        *defaults,
        ("Local refuge", "0800 000 0000", ""),
    ]
    assert at.data_editor(key="helplines_editor").value["name"].tolist()[-1] == "Local refuge"
    assert len(_events("setting_changed")) == 1


def test_a_helpline_without_a_number_gets_a_kind_message(db_url: str) -> None:
    at = _admin()
    at.session_state["helplines_editor"] = {
        "edited_rows": {},
        "added_rows": [{"name": "Local refuge"}],
        "deleted_rows": [],
    }
    at.run()
    click(at, "save_helplines")
    assert any("needs a name and a number" in w for w in _warnings(at))
    with read_session() as session:
        assert settings.helplines(session) == settings.DEFAULT_HELPLINES


def test_an_admin_sets_the_exit_site_and_a_bad_one_is_refused(db_url: str) -> None:
    at = _admin()
    at.text_input(key="exit_url").input("javascript:alert(1)")
    click(at, "save_exit_url")
    assert any("https://" in w for w in _warnings(at))
    at.text_input(key="exit_url").input("https://www.google.com/search?q=weather")
    click(at, "save_exit_url")
    with read_session() as session:
        assert settings.exit_url(session) == "https://www.google.com/search?q=weather"


# --- Data ---------------------------------------------------------------------------


def test_an_admin_shortens_retention_and_runs_it_now(db_url: str) -> None:
    today = dt.date.today()
    submit_feedback(FeedbackForm(text_good="a year ago", service_date=today - dt.timedelta(400)))
    submit_feedback(FeedbackForm(text_good="last month", service_date=today - dt.timedelta(30)))
    at = _admin()
    at.number_input(key="retention_months").set_value(6)
    click(at, "save_retention")
    click(at, "run_purge")
    assert any("Removed the text of 1 old answers" in t for t in _toasts(at))
    with read_session() as session:
        assert sorted(session.scalars(select(Answer.text)), key=str) == [None, "last month"]
    # the app's own daily run came first, as "system"; then the button, as ada
    assert [e.actor for e in _events("retention_purge")] == ["ada", "system"]


def test_back_up_now_writes_a_file_and_offers_it_for_download(
    sqlite_url: str, tmp_path: Path
) -> None:
    submit_feedback(FeedbackForm(rating=1, text_good="kept safe"))
    at = _admin()
    at.text_input(key="backup_dir").input(str(tmp_path / "backups"))
    click(at, "save_backup_dir")
    click(at, "backup_now")
    [made] = list((tmp_path / "backups").glob("lantern-*Z.db"))
    assert str(made) in [c.value for c in at.code]
    [event] = _events("backup_made")
    assert (event.actor, event.target) == ("ada", made.name)
    at.download_button(key="download_backup").click().run()
    assert not at.exception
    [download] = _events("backup_downloaded")
    assert (download.actor, download.target) == ("ada", made.name)


def test_a_backup_folder_that_cannot_be_written_gets_a_kind_message(sqlite_url: str) -> None:
    at = _admin()
    at.text_input(key="backup_dir").input("/proc/no/such/place")
    click(at, "save_backup_dir")
    click(at, "backup_now")
    assert any("could not be made" in w for w in _warnings(at))
    assert _events("backup_made") == []


# --- Audit log ----------------------------------------------------------------------


def test_the_audit_log_filters_by_action_and_pages(db_url: str) -> None:
    with write_session() as session:
        for i in range(60):
            audit.record(session, "export", actor="bea", target=f"table_{i}")
    at = _admin()
    at.selectbox(key="audit_action").set_value("export").run()
    table = _audit_table(at)
    assert set(table["Action"]) == {"export"} and len(table) == 50
    assert "60 events · page 1 of 2" in texts(at)
    at.number_input(key="audit_page").set_value(2).run()
    assert len(_audit_table(at)) == 10
    at.selectbox(key="audit_actor").set_value("ada").run()  # no exports by ada: one page
    assert not at.exception and not _warnings(at)
    assert "0 events · page 1 of 1" in texts(at)
    assert _audit_table(at).empty


# --- Exports on the dashboards ------------------------------------------------------


def test_dashboard_tables_offer_an_xlsx_download_that_is_audit_logged(db_url: str) -> None:
    for _ in range(10):
        submit_feedback(FeedbackForm(rating=1, site="drop-in"))
    at = _signed_in(page="pages/overview.py")
    keys = [b.key for b in at.download_button]
    xlsx = [k for k in keys if k.startswith("xlsx_")]
    assert xlsx == [k.replace("csv_", "xlsx_") for k in keys if k.startswith("csv_")]
    assert "xlsx_overview_sites" in xlsx
    at.download_button(key="xlsx_overview_sites").click().run()
    assert not at.exception
    [event] = _events("export")
    assert (event.actor, event.target) == ("ada", "overview_sites.xlsx")
