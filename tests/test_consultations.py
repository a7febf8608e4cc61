"""Consultations (db/consultations.py): lifecycle, audit, what the kiosk may ask, answers stored."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db import audit
from db import consultations as c
from db.consultations import ChoiceDraft, ConsultationDraft, ConsultationError
from db.models import Answer, AnswerConcern, AnswerTheme, ConsultationResponse, Submission
from db.session import read_session, write_session
from db.submissions import ConsultationAnswer, FeedbackForm, service_date_now, submit_feedback

# The service date, as the kiosk stores it: before 6am it is still the evening before.
TODAY = service_date_now()
DAY = dt.timedelta(days=1)
WEDNESDAY = (ChoiceDraft("👍", "Yes, Wednesday works"), ChoiceDraft("👎", "No"))


def draft(
    question: str = "Would Wednesday work instead of Tuesday?", **changes
) -> ConsultationDraft:  # type: ignore[no-untyped-def]
    """A valid draft running from yesterday for a week, at every site, with a free-text box."""
    values = {
        "starts_on": TODAY - DAY,
        "ends_on": TODAY + 7 * DAY,
        "choices": WEDNESDAY,
        "text_prompt": "Anything else about Wednesdays?",
    }
    values.update(changes)
    return ConsultationDraft(question=question, **values)


def create(
    question: str = "Would Wednesday work instead of Tuesday?", **changes
) -> c.ConsultationRow:  # type: ignore[no-untyped-def]
    """Save a draft as ada."""
    with write_session() as session:
        return c.create_consultation(session, draft(question, **changes), actor="ada")


def opened(
    question: str = "Would Wednesday work instead of Tuesday?", **changes
) -> c.ConsultationRow:  # type: ignore[no-untyped-def]
    """Create and open a consultation as ada; its row."""
    row = create(question, **changes)
    return change(c.open_consultation, row.id)


def change(command, consultation_id: int, **kwargs) -> c.ConsultationRow:  # type: ignore[no-untyped-def]
    """Open, close or archive as ada."""
    with write_session() as session:
        return command(session, consultation_id, actor="ada", **kwargs)


def live(site: str | None = None, day: dt.date = TODAY) -> list[int]:
    """Ids of the consultations a kiosk at this site asks on this day."""
    with read_session() as session:
        return [k.id for k in c.for_kiosk(session, site, day)]


def responses() -> list[tuple[int, int | None, str | None]]:
    """(consultation id, chosen position, stored words) of every stored response."""
    with read_session() as session:
        rows = session.execute(
            select(
                ConsultationResponse.consultation_id, ConsultationResponse.choice_id, Answer.text
            )
            .outerjoin(Answer, Answer.id == ConsultationResponse.answer_id)
            .order_by(ConsultationResponse.consultation_id, ConsultationResponse.choice_id)
        ).all()
        positions = {
            choice.id: choice.position
            for row in c.list_consultations(session)
            for choice in row.choices
        }
    return [(cid, positions.get(choice), text) for cid, choice, text in rows]


# --- Lifecycle ---------------------------------------------------------------------------


def test_a_new_consultation_is_an_audited_draft_with_its_choices_in_order(db_url: str) -> None:
    row = create(sites=["drop-in"])
    assert row.status == "draft"
    assert [(ch.position, ch.icon, ch.label) for ch in row.choices] == [
        (0, "👍", "Yes, Wednesday works"),
        (1, "👎", "No"),
    ]
    assert row.sites == ("drop-in",)
    assert row.where == "Evening drop-in"
    with read_session() as session:
        events = [(e.action, e.actor, e.target) for e in audit.events(session)]
    assert events == [("consultation_created", "ada", f"consultation {row.id}")]


def test_a_faces_consultation_gets_the_five_faces_as_its_choices(db_url: str) -> None:
    row = create("How would a Sunday drop-in suit you?", kind="faces", choices=())
    assert [ch.label for ch in row.choices] == [label for _, label in c.FACES]


def test_a_draft_can_be_edited_and_an_open_one_cannot(db_url: str) -> None:
    row = create()
    with write_session() as session:
        edited = c.update_consultation(
            session,
            row.id,
            draft(
                "Would Thursday work?",
                choices=(
                    ChoiceDraft("✅", "Yes"),
                    ChoiceDraft("❌", "No"),
                    ChoiceDraft("🤷", "Maybe"),
                ),
            ),
            actor="ada",
        )
    assert edited.question == "Would Thursday work?"
    assert [ch.label for ch in edited.choices] == ["Yes", "No", "Maybe"]
    change(c.open_consultation, row.id)
    with (
        pytest.raises(ConsultationError, match="Only a draft can be edited"),
        write_session() as session,
    ):
        c.update_consultation(session, row.id, draft("Something else?"), actor="ada")


def test_closing_early_records_the_day_and_archiving_follows(db_url: str) -> None:
    row = opened()
    assert row.state(TODAY) == "running"
    closed = change(c.close_consultation, row.id)
    assert (closed.status, closed.closed_on) == ("closed", TODAY)
    assert live() == []
    archived = change(c.archive_consultation, row.id)
    assert archived.status == "archived"
    assert archived.closed_on == TODAY
    with read_session() as session:
        actions = [e.action for e in reversed(audit.events(session))]
    assert actions == [
        "consultation_created",
        "consultation_opened",
        "consultation_closed",
        "consultation_archived",
    ]


def test_at_one_in_the_morning_the_last_evening_is_still_open(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1am London on the morning after its last day: the service date is still that day,
    # so the kiosk asks it and closing it now records that day, not the calendar's.
    last = dt.date(2026, 3, 10)
    one_am = dt.datetime(2026, 3, 11, 1, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(c, "service_date_now", lambda: service_date_now(one_am))
    row = opened(starts_on=last - dt.timedelta(days=7), ends_on=last)
    assert live(day=service_date_now(one_am)) == [row.id]
    closed = change(c.close_consultation, row.id)
    assert closed.closed_on == last


def test_a_running_consultation_must_be_closed_before_it_is_archived(db_url: str) -> None:
    row = opened()
    with pytest.raises(ConsultationError, match="close it first"):
        change(c.archive_consultation, row.id)


def test_one_that_ended_by_itself_counts_as_closed_on_its_end_date(db_url: str) -> None:
    row = opened(starts_on=TODAY - 20 * DAY, ends_on=TODAY + DAY)
    later = TODAY + 5 * DAY
    assert row.state(later) == "ended"
    assert row.closed_date(later) == TODAY + DAY
    archived = change(c.archive_consultation, row.id, today=later)
    assert archived.closed_on == TODAY + DAY


def test_a_consultation_whose_end_has_passed_cannot_be_opened(db_url: str) -> None:
    row = create(starts_on=TODAY - 10 * DAY, ends_on=TODAY - DAY)
    with pytest.raises(ConsultationError, match="end date has passed"):
        change(c.open_consultation, row.id)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"question": ""}, "give the question a few words"),
        ({"question": "x" * 201}, "200 characters or fewer"),
        ({"choices": WEDNESDAY[:1]}, "between 2 and 6 answers"),
        ({"choices": WEDNESDAY * 4}, "between 2 and 6 answers"),
        ({"choices": (ChoiceDraft("", "Yes"), ChoiceDraft("👎", "No"))}, "emoji icon"),
        ({"choices": (ChoiceDraft("Y", "Yes"), ChoiceDraft("👎", "No"))}, "should be an emoji"),
        ({"choices": (ChoiceDraft("👍", "Yes"), ChoiceDraft("👎", "yes"))}, "same words"),
        ({"choices": (ChoiceDraft("👍", "x" * 41), ChoiceDraft("👎", "No"))}, "40 characters"),
        ({"ends_on": TODAY - 3 * DAY}, "end date is before the start date"),
        ({"sites": ["nowhere"]}, "Unknown site: nowhere"),
        ({"kind": "slider"}, "answer buttons or the faces scale"),
        ({"text_prompt": "y" * 201}, "200 characters or fewer"),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(
    db_url: str, changes: dict, message: str
) -> None:
    changes = dict(changes)  # the same dict is handed to each backend's run
    question = changes.pop("question", "Would Wednesday work?")
    with pytest.raises(ConsultationError, match=message):
        create(question, **changes)
    with read_session() as session:
        assert c.list_consultations(session) == []


# --- What the kiosk asks ------------------------------------------------------------------


def test_only_open_consultations_running_today_are_asked(db_url: str) -> None:
    running = opened("Running now?").id
    tomorrow = opened("Starts tomorrow?", starts_on=TODAY + DAY, ends_on=TODAY + 9 * DAY).id
    create("Still a draft?")
    closed = opened("Closed early?").id
    change(c.close_consultation, closed)
    archived = opened("Archived?").id
    change(c.close_consultation, archived)
    change(c.archive_consultation, archived)
    assert live() == [running]
    assert live(day=TODAY + 8 * DAY) == [tomorrow]  # after the first one's end date
    assert live(day=TODAY + 10 * DAY) == []


def test_a_consultation_for_one_site_is_asked_only_there(db_url: str) -> None:
    van = opened("Van stop moving?", sites=["van-town-centre"]).id
    everywhere = opened("Sunday drop-in?").id
    assert live("van-town-centre") == [everywhere, van]
    assert live("drop-in") == [everywhere]
    assert live(None) == [everywhere]  # a kiosk link without a site asks only the general ones
    assert live("no-such-site") == [everywhere]


def test_at_most_two_are_asked_newest_first(db_url: str) -> None:
    first, second, third = (opened(f"Question {n}?").id for n in (1, 2, 3))
    assert live() == [third, second]
    assert first not in live()


# --- Answers stored with a submission -------------------------------------------------------


def test_an_answer_is_stored_with_the_submission_and_its_words_redacted(db_url: str) -> None:
    row = opened(sites=["drop-in"])
    result = submit_feedback(
        FeedbackForm(
            site="drop-in",
            consultations=[
                ConsultationAnswer(row.id, 0, "Wednesday is fine, ring me 07700 900123")
            ],
        )
    )
    assert responses() == [(row.id, 0, "Wednesday is fine, ring me [phone]")]
    with read_session() as session:
        submission = session.get(Submission, result.submission_id)
        answer = session.scalar(select(Answer))
        assert (submission.service_date, submission.site_id is not None) == (TODAY, True)
        assert answer.submission_id == result.submission_id
        assert answer.question == "consultation"
        assert answer.sentiment_label in ("positive", "neutral", "negative")


def test_words_that_suggest_danger_go_to_the_safeguarding_queue(db_url: str) -> None:
    row = opened()
    result = submit_feedback(
        FeedbackForm(consultations=[ConsultationAnswer(row.id, None, "my fella hits me")])
    )
    assert result.concerns
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(AnswerConcern)) >= 1


def test_answers_to_consultations_not_open_here_today_are_dropped(db_url: str) -> None:
    elsewhere = opened("Van stop?", sites=["van-town-centre"]).id
    closed = opened("Closed?").id
    change(c.close_consultation, closed)
    draft_only = create("Draft?").id
    result = submit_feedback(
        FeedbackForm(
            site="drop-in",
            rating=2,
            consultations=[
                ConsultationAnswer(elsewhere, 0),
                ConsultationAnswer(closed, 1),
                ConsultationAnswer(draft_only, 0),
                ConsultationAnswer(999, 0),
            ],
        )
    )
    assert responses() == []
    with read_session() as session:
        assert session.get(Submission, result.submission_id).rating == 2  # the rest is kept


def test_a_skipped_consultation_stores_nothing_and_a_bad_choice_is_ignored(db_url: str) -> None:
    row = opened(text_prompt=None)
    submit_feedback(FeedbackForm(consultations=[ConsultationAnswer(row.id, None, "")]))
    submit_feedback(FeedbackForm(consultations=[ConsultationAnswer(row.id, 7, "")]))
    # No free-text box on this one: words sent anyway are not stored.
    submit_feedback(FeedbackForm(consultations=[ConsultationAnswer(row.id, None, "sneaky")]))
    assert responses() == []
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(Answer)) == 0


def test_one_answer_per_consultation_and_at_most_two_per_visit(db_url: str) -> None:
    ids = [opened(f"Question {n}?").id for n in range(3)]
    submit_feedback(
        FeedbackForm(
            consultations=[
                ConsultationAnswer(ids[0], 0),
                ConsultationAnswer(ids[0], 1),
                ConsultationAnswer(ids[1], 1),
                ConsultationAnswer(ids[2], 1),
            ]
        )
    )
    assert responses() == [(ids[0], 0, None), (ids[1], 1, None)]


def test_a_faces_answer_keeps_its_position_on_the_scale(db_url: str) -> None:
    row = opened("A Sunday drop-in?", kind="faces", choices=())
    submit_feedback(FeedbackForm(consultations=[ConsultationAnswer(row.id, 4)]))
    assert responses() == [(row.id, 4, None)]


def test_closed_between_finds_early_closes_and_ended_ones_in_the_month(db_url: str) -> None:
    month_start, month_end = TODAY.replace(day=1), TODAY.replace(day=1) + 40 * DAY
    early = opened("Closed early?").id
    change(c.close_consultation, early)
    opened("Still running?")
    with read_session() as session:
        found = [r.id for r in c.closed_between(session, month_start, month_end)]
        later = [
            r.question
            for r in c.closed_between(
                session, TODAY + 7 * DAY, TODAY + 7 * DAY, today=TODAY + 30 * DAY
            )
        ]
    assert found == [early]
    assert later == ["Still running?"]  # it ended on its own on its end date


def test_the_retention_purge_removes_her_words_and_keeps_her_answer(db_url: str) -> None:
    from db.maintenance import purge_old_text

    row = opened()
    submit_feedback(FeedbackForm(consultations=[ConsultationAnswer(row.id, 1, "Tuesdays please")]))
    with write_session() as session:
        removed = purge_old_text(session, today=TODAY + dt.timedelta(days=800))
    assert removed == 1
    assert responses() == [(row.id, 1, None)]


def test_a_consultation_closed_while_her_send_waited_for_the_lock_gets_no_answer(
    db_url: str,
) -> None:
    from db import submissions

    row = opened(sites=["drop-in"])
    form = FeedbackForm(
        site="drop-in", text_good="tea", consultations=[ConsultationAnswer(row.id, 0, "yes")]
    )
    # On SQLite a send reads and analyses first, then takes the write lock; a co-ordinator
    # closes the consultation in between.
    with read_session() as session:
        prepared = submissions._prepare(session, form, None)
    change(c.close_consultation, row.id)
    with write_session() as session:
        result = submissions._store_if_current(session, form, None, prepared)
    assert responses() == []  # closed: her choice is not counted
    with read_session() as session:
        assert session.get(Submission, result.submission_id) is not None  # the rest is kept
        assert session.scalar(select(func.count()).select_from(Answer)) == 1


def test_a_keyword_edit_while_her_send_waited_is_used_for_her_answer(db_url: str) -> None:
    from db import submissions, themes

    form = FeedbackForm(site="drop-in", text_good="the crumpets were lovely")
    with read_session() as session:
        prepared = submissions._prepare(session, form, None)
        food = next(t for t in themes.list_themes(session) if t.slug == "food_drink")
    with write_session() as session:
        themes.update_theme(
            session, "food_drink", keywords="\n".join([*food.keywords, "crumpet"]), actor="ada"
        )
    with write_session() as session:
        submissions._store_if_current(session, form, None, prepared)
    with read_session() as session:
        answer = session.scalar(select(Answer))
        assert answer.analysis_version == themes.current(session).stamp
        tagged = session.scalars(select(AnswerTheme.theme)).all()
    assert "food_drink" in tagged
