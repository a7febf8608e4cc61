"""You said, we did (db/actions.py): the draft -> published -> archived lifecycle, audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db import actions, audit, comments
from db.actions import ActionDraft, ActionError
from db.models import Answer, AnswerConcern
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback

MARCH = dt.date(2026, 3, 3)


def comment(text: str, *, reviewed: bool = True, publishable: bool = False) -> int:
    """Store one kiosk comment (optionally reviewed); its answer id."""
    # Tonight's: the app closes finished days on its first run, giving their rows new ids
    # (SPEC §2.1), and the id returned here must be the one the pages show.
    result = submit_feedback(FeedbackForm(text_good=text))
    with write_session() as session:
        answer_id = session.scalar(
            select(Answer.id).where(Answer.submission_id == result.submission_id)
        )
        if reviewed:
            comments.review(session, answer_id, reviewer="ada", publishable=publishable)
    return answer_id


def create(title: str = "More socks in the van", **links) -> actions.ActionRow:  # type: ignore[no-untyped-def]
    """Record a draft action as ada."""
    draft = ActionDraft(title=title, changed_on=links.pop("changed_on", MARCH), **links)
    with write_session() as session:
        return actions.create_action(session, draft, actor="ada")


def change(command, action_id: int) -> actions.ActionRow:  # type: ignore[no-untyped-def]
    """Publish or archive an action as ada."""
    with write_session() as session:
        return command(session, action_id, actor="ada")


def audit_trail() -> list[tuple[str, str | None, str | None]]:
    """(action, actor, target) of every audit event, oldest first."""
    with read_session() as session:
        return [(e.action, e.actor, e.target) for e in reversed(audit.events(session))]


def test_a_new_action_is_a_draft_with_its_links_and_is_audited(db_url: str) -> None:
    row = create(
        "  More   socks\nin the van  ",
        description="Bought 200 pairs after the cold snap.",
        themes=["clothing_warmth"],
        provisions=["socks"],
        slots=["night"],
    )
    assert row.status == "draft"
    assert row.title == "More socks in the van"  # one line on the tablet
    assert (row.themes, row.provisions, row.slots) == (("clothing_warmth",), ("socks",), ("night",))
    assert row.created_by == "ada"
    assert row.published_at is None
    assert audit_trail() == [("action_created", "ada", f"action {row.id}")]


def test_an_action_goes_from_draft_to_published_to_archived(db_url: str) -> None:
    row = create()
    with write_session() as session:
        edited = actions.update_action(
            session,
            row.id,
            ActionDraft("Hot soup on Fridays", dt.date(2026, 3, 6), provisions=["hot_food"]),
            actor="bea",
        )
    assert (edited.title, edited.changed_on, edited.provisions) == (
        "Hot soup on Fridays",
        dt.date(2026, 3, 6),
        ("hot_food",),
    )
    published = change(actions.publish_action, row.id)
    assert published.status == "published"
    assert published.published_at is not None
    archived = change(actions.archive_action, row.id)
    assert archived.status == "archived"
    assert archived.archived_at is not None
    assert [a for a, *_ in audit_trail()] == [
        "action_created",
        "action_updated",
        "action_published",
        "action_archived",
    ]
    assert audit_trail()[1][1] == "bea"


def test_a_published_action_can_no_longer_be_edited_or_published_again(db_url: str) -> None:
    row = create()
    change(actions.publish_action, row.id)
    with write_session() as session, pytest.raises(ActionError, match="Only a draft can be edited"):
        actions.update_action(session, row.id, ActionDraft("Other", MARCH), actor="ada")
    with pytest.raises(ActionError, match="Only a draft can be published"):
        change(actions.publish_action, row.id)
    with read_session() as session:
        assert actions.get_action(session, row.id).title == "More socks in the van"


def test_an_archived_action_stays_archived(db_url: str) -> None:
    row = create()
    change(actions.archive_action, row.id)
    with pytest.raises(ActionError, match="already archived"):
        change(actions.archive_action, row.id)
    with pytest.raises(ActionError, match="Only a draft can be published"):
        change(actions.publish_action, row.id)


def test_a_missing_action_says_so(db_url: str) -> None:
    with pytest.raises(ActionError, match="no longer exists"):
        change(actions.publish_action, 999)


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (ActionDraft("   ", MARCH), "what changed"),
        (ActionDraft("x" * 121, MARCH), "120 characters or fewer"),
        (ActionDraft("Soup", MARCH, description="x" * 2001), "description"),
        (ActionDraft("Soup", None), "date"),  # type: ignore[arg-type]
        (ActionDraft("Soup", MARCH, themes=["not_a_theme"]), "Unknown theme: not_a_theme"),
        (ActionDraft("Soup", MARCH, provisions=["caviar"]), "Unknown provision: caviar"),
        (ActionDraft("Soup", MARCH, slots=["teatime"]), "Unknown time slot: teatime"),
        (ActionDraft("Soup", MARCH, comments=[1, 2, 3, 4, 5, 6]), "at most 5 comments"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    db_url: str, draft: ActionDraft, message: str
) -> None:
    with write_session() as session, pytest.raises(ActionError, match=message):
        actions.create_action(session, draft, actor="ada")
    with read_session() as session:
        assert actions.list_actions(session) == []
    assert audit_trail() == []


def test_only_reviewed_comments_can_be_linked(db_url: str) -> None:
    unreviewed = comment("the soup was cold", reviewed=False)
    reviewed = comment("more soup please", reviewed=True)
    with pytest.raises(ActionError, match="reviewed"):
        create(comments=[unreviewed])
    assert create(comments=[reviewed]).comments == (reviewed,)


def test_reviewed_comments_to_link_leave_out_unreviewed_ones(db_url: str) -> None:
    comment("the soup was cold", reviewed=False)
    reviewed = comment("more soup please", reviewed=True, publishable=True)
    with read_session() as session:
        offered = actions.reviewed_comments(session)
    assert [(c.id, c.text, c.publishable) for c in offered] == [
        (reviewed, "more soup please", True)
    ]


FLAGGED = "he said hell kill me if i dont pay him, more socks please"


def test_a_comment_flagged_as_a_concern_is_never_offered_to_link(db_url: str) -> None:
    flagged = comment(FLAGGED, publishable=True)
    socks = comment("socks would be amazing", publishable=True)
    with read_session() as session:
        assert [c.id for c in actions.reviewed_comments(session)] == [socks]
        assert actions.reviewed_comments(session, only=[flagged]) == []


def test_a_comment_flagged_as_a_concern_cannot_be_linked(db_url: str) -> None:
    flagged = comment(FLAGGED, publishable=True)
    with pytest.raises(ActionError, match="safeguarding concern"):
        create(comments=[flagged])
    with read_session() as session:
        assert actions.list_actions(session) == []


def test_a_linked_comment_read_later_as_a_concern_is_never_quoted(db_url: str) -> None:
    quoted = comment("socks would be amazing", publishable=True)
    row = create(comments=[quoted])
    change(actions.publish_action, row.id)
    with write_session() as session:  # re-analysis with new rules finds a concern in it
        session.add(AnswerConcern(answer_id=quoted, category="immediate_danger"))
    with read_session() as session:
        assert actions.published_entries(session)[0].quotes == ()


def test_the_public_list_is_published_only_newest_change_first(db_url: str) -> None:
    older = create("Older change", changed_on=dt.date(2026, 1, 10))
    newer = create("Newer change", changed_on=dt.date(2026, 2, 10))
    create("Still a draft", changed_on=dt.date(2026, 3, 10))
    gone = create("Archived change", changed_on=dt.date(2026, 3, 1))
    for row in (older, newer, gone):
        change(actions.publish_action, row.id)
    change(actions.archive_action, gone.id)
    with read_session() as session:
        assert [e.title for e in actions.published_entries(session)] == [
            "Newer change",
            "Older change",
        ]
        assert [e.title for e in actions.published_entries(session, limit=1)] == ["Newer change"]


def test_the_public_list_names_links_and_quotes_only_publishable_comments(db_url: str) -> None:
    quotable = comment("socks would be amazing", publishable=True)
    private = comment("my feet are frozen every night", publishable=False)
    row = create(themes=["clothing_warmth"], provisions=["socks"], comments=[quotable, private])
    change(actions.publish_action, row.id)
    with read_session() as session:
        [entry] = actions.published_entries(session)
    assert entry.quotes == ("socks would be amazing",)
    assert "Socks" in entry.about
    # A co-ordinator changes her mind: the quote leaves the public list at once.
    with write_session() as session:
        comments.review(session, quotable, reviewer="ada", publishable=False)
    with read_session() as session:
        assert actions.published_entries(session)[0].quotes == ()


def test_actions_taken_in_a_month_leave_out_drafts_and_other_months(db_url: str) -> None:
    taken = create("In March", changed_on=dt.date(2026, 3, 5))
    create("Draft in March", changed_on=dt.date(2026, 3, 6))
    april = create("In April", changed_on=dt.date(2026, 4, 1))
    for row in (taken, april):
        change(actions.publish_action, row.id)
    with read_session() as session:
        found = actions.taken_between(session, dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert [r.title for r in found] == ["In March"]


def test_actions_can_be_filtered_by_status_theme_and_provision(db_url: str) -> None:
    socks = create("Socks", themes=["clothing_warmth"], provisions=["socks"])
    create("Soup", themes=["food_drink"], provisions=["hot_food"])
    change(actions.publish_action, socks.id)
    with read_session() as session:
        assert [r.title for r in actions.list_actions(session, status="published")] == ["Socks"]
        assert [r.title for r in actions.list_actions(session, theme="food_drink")] == ["Soup"]
        assert [r.title for r in actions.list_actions(session, provision="socks")] == ["Socks"]
