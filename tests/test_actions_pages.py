"""You said, we did on screen: the kiosk thank-you, the public board, the co-ordinators' page."""

from __future__ import annotations

import datetime as dt
import re

from db import actions
from db.actions import ActionDraft
from db.session import read_session, write_session
from tests.kiosk_helpers import button_keys, click, kiosk, texts, walk
from tests.staff_helpers import create_user, page_alone, page_as, signed_in_on, signed_out
from tests.test_actions import change, comment, create


def published(title: str, changed_on: dt.date, **links) -> int:  # type: ignore[no-untyped-def]
    """A published action; its id."""
    row = create(title, changed_on=changed_on, **links)
    change(actions.publish_action, row.id)
    return row.id


def test_the_thank_you_screen_shows_the_three_newest_published_changes(db_url: str) -> None:
    published("Hot soup on Fridays", dt.date(2026, 1, 9))
    published("More socks in the van", dt.date(2026, 2, 2))
    published("The van stays until 3am", dt.date(2026, 3, 4))
    published("Phone charging at the drop-in", dt.date(2026, 4, 1))
    create("A draft nobody should see", changed_on=dt.date(2026, 5, 1))
    shown = texts(walk(kiosk()))
    assert "You said, we did" in shown
    # "Month YYYY: title" lines (the helplines card's numbers are on the screen too)
    assert [t for t in shown if re.match(r"[A-Z][a-z]+ \d{4}: ", t)] == [
        "April 2026: Phone charging at the drop-in",
        "March 2026: The van stays until 3am",
        "February 2026: More socks in the van",
    ]
    assert not any("Hot soup" in t or "A draft" in t for t in shown)


def test_an_archived_change_leaves_the_thank_you_screen(db_url: str) -> None:
    action_id = published("More socks in the van", dt.date(2026, 2, 2))
    assert "February 2026: More socks in the van" in texts(walk(kiosk()))
    change(actions.archive_action, action_id)
    shown = texts(walk(kiosk()))
    assert "February 2026: More socks in the van" not in shown
    assert "You said, we did" not in shown  # nothing published: no empty heading


def test_the_thank_you_screen_shows_no_heading_when_nothing_is_published(db_url: str) -> None:
    create("Only a draft")
    shown = texts(walk(kiosk()))
    assert "Thank you" in shown
    assert "You said, we did" not in shown


def test_the_board_lists_published_changes_newest_first_without_signing_in(db_url: str) -> None:
    published("Hot soup on Fridays", dt.date(2026, 1, 9), provisions=["hot_food"])
    published("The van stays until 3am", dt.date(2026, 3, 4), slots=["small_hours"])
    create("A draft nobody should see")
    at = signed_out("pages/you_said_we_did.py")
    shown = texts(at)
    assert shown.index("The van stays until 3am") < shown.index("Hot soup on Fridays")
    assert "March 2026" in shown and "January 2026" in shown
    assert "About: Hot food" in shown
    assert not any("draft" in t for t in shown)
    assert "exit" in button_keys(at)
    assert not at.sidebar.children or not any(texts(at.sidebar))  # no staff navigation


def test_the_board_never_shows_a_comment_that_may_not_be_quoted(db_url: str) -> None:
    quotable = comment("socks would be amazing", publishable=True)
    private = comment("my feet are frozen every night", publishable=False)
    published("More socks in the van", dt.date(2026, 2, 2), comments=[quotable, private])
    shown = texts(signed_out("pages/you_said_we_did.py"))
    assert "“socks would be amazing”" in shown
    assert not any("frozen" in t for t in shown)


def test_the_board_says_kindly_when_there_is_nothing_yet(db_url: str) -> None:
    shown = texts(signed_out("pages/you_said_we_did.py"))
    assert any(t.startswith("Nothing here yet") for t in shown)


def test_the_board_leads_back_to_the_kiosk(db_url: str) -> None:
    at = signed_out("pages/you_said_we_did.py")
    click(at, "board_feedback")
    assert "start" in button_keys(at)


def test_the_board_exit_button_clears_the_session(db_url: str) -> None:
    at = signed_out("pages/you_said_we_did.py")
    at.session_state["kiosk_language"] = "en"
    click(at, "exit")
    assert "kiosk_language" not in at.session_state
    assert "board_feedback" not in button_keys(at)  # the page is blanked and replaced


# --- The co-ordinators' page -------------------------------------------------------------


def _rows() -> list[actions.ActionRow]:
    with read_session() as session:
        return actions.list_actions(session)


def test_a_coordinator_records_edits_publishes_and_archives_a_change(db_url: str) -> None:
    create_user()
    quotable = comment("socks would be amazing", publishable=True)
    at = signed_in_on("pages/actions.py")
    at.text_input(key="new_title").input("More socks in the van")
    at.text_area(key="new_description").input("Bought 200 pairs.")
    at.date_input(key="new_date").set_value(dt.date(2026, 2, 2))
    at.multiselect(key="new_themes").set_value(["clothing_warmth"])
    at.multiselect(key="new_provisions").set_value(["socks"])
    at.checkbox(key=f"new_c{quotable}").check()
    click(at, "action_create")
    [row] = _rows()
    assert (row.title, row.status, row.changed_on) == (
        "More socks in the van",
        "draft",
        dt.date(2026, 2, 2),
    )
    assert (row.themes, row.provisions, row.comments) == (
        ("clothing_warmth",),
        ("socks",),
        (quotable,),
    )
    assert at.text_input(key="new_title").value == ""  # the form is ready for the next one
    assert "More socks in the van" in texts(at)

    at.text_input(key=f"edit{row.id}_title").input("Warm socks in the van")
    click(at, f"action_save_{row.id}")
    assert _rows()[0].title == "Warm socks in the van"

    click(at, f"action_publish_{row.id}")
    assert _rows()[0].status == "published"
    assert f"action_save_{row.id}" not in button_keys(at)  # published: no more editing

    click(at, f"action_archive_{row.id}")
    assert _rows()[0].status == "archived"


def _fill_new_change(at, title: str) -> None:  # type: ignore[no-untyped-def]
    """Type a new change into the form, as a co-ordinator would."""
    at.text_input(key="new_title").input(title)
    at.multiselect(key="new_provisions").set_value(["socks"])


def test_save_as_draft_pressed_twice_saves_one_draft(db_url: str) -> None:
    create_user()
    at = signed_in_on("pages/actions.py")
    _fill_new_change(at, "More socks in the van")
    click(at, "action_create")
    # The second press comes with the same form the first one sent (the browser still
    # holds it when the presses are close together).
    _fill_new_change(at, "More socks in the van")
    click(at, "action_create")
    assert [r.title for r in _rows()] == ["More socks in the van"]
    assert at.text_input(key="new_title").value == ""
    # A different change afterwards is its own draft.
    _fill_new_change(at, "Hot soup on Fridays")
    click(at, "action_create")
    assert sorted(r.title for r in _rows()) == ["Hot soup on Fridays", "More socks in the van"]


def test_a_comment_flagged_as_a_concern_is_not_offered_on_the_page(db_url: str) -> None:
    create_user()
    flagged = comment("he said hell kill me if i dont pay him", publishable=True)
    socks = comment("socks would be amazing", publishable=True)
    at = signed_in_on("pages/actions.py")
    keys = {c.key for c in at.checkbox}
    assert f"new_c{socks}" in keys
    assert f"new_c{flagged}" not in keys
    assert not any("kill me" in t for t in texts(at))


def test_a_title_that_is_too_long_is_refused_kindly_on_the_page(db_url: str) -> None:
    create_user()
    at = signed_in_on("pages/actions.py")
    with write_session() as session:  # the widget caps input; the rule is checked again
        actions.create_action(session, ActionDraft("ok", dt.date(2026, 1, 1)), actor="ada")
    at.run()
    at.text_input(key="edit1_title").input("   ")
    click(at, "action_save_1")
    assert any("what changed" in w.value for w in at.warning)
    assert _rows()[0].title == "ok"


def test_the_list_filters_by_status(db_url: str) -> None:
    create_user()
    published("Published one", dt.date(2026, 2, 2))
    create("Draft one")
    at = signed_in_on("pages/actions.py")
    at.selectbox(key="actions_status").set_value("draft").run()
    shown = texts(at)
    assert "Draft one" in shown
    assert "Published one" not in shown


def test_the_actions_page_shows_nothing_to_someone_signed_out(db_url: str) -> None:
    published("Published one", dt.date(2026, 2, 2))
    create("Draft one")
    at = page_alone("pages/actions.py")
    shown = texts(at)
    assert "Please sign in to see this page." in shown
    assert "Draft one" not in shown
    assert "Published one" not in shown
    assert "action_create" not in button_keys(at)


def test_a_worker_cannot_open_the_actions_page(db_url: str) -> None:
    create_user("wren", role="worker")
    create("Draft one")
    at = page_as("pages/actions.py", "wren")
    assert "Please sign in to see this page." in texts(at)
    assert "Draft one" not in texts(at)
    assert "action_create" not in button_keys(at)
