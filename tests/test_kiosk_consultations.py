"""The kiosk's extra consultation step and its services question, through AppTest."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db import consultations as c
from db import services
from db.models import Answer, ConsultationResponse, Service, Submission, SubmissionService
from db.session import read_session, write_session
from tests.kiosk_helpers import ANSWER_KEYS, button_keys, click, kiosk, texts, walk
from tests.test_consultations import TODAY, change, create, opened, responses

DAY = dt.timedelta(days=1)


def to_last_step(at):  # type: ignore[no-untyped-def]
    """From Welcome, through the regular steps without answering, to the step after text."""
    click(at, "start")
    for _ in range(3):
        click(at, "next")
    return at


def consultation_keys(at) -> list[str]:  # type: ignore[no-untyped-def]
    """Session keys that hold a consultation answer."""
    return [k for k in at.session_state if str(k).startswith("consultation_")]


def test_an_open_consultation_is_one_more_step_and_its_answer_is_stored(db_url: str) -> None:
    row = opened(sites=["drop-in"])
    at = to_last_step(kiosk(site="drop-in"))
    assert "submit" not in button_keys(at)  # the text step now leads on
    assert "Step 4 of 5" in texts(at)
    click(at, "next")
    shown = texts(at)
    assert "Step 5 of 5" in shown
    assert "One more question" in shown
    assert row.question in shown
    assert "Anything else about Wednesdays?" in shown
    assert {"consultation_skip", "submit", "back"} <= set(button_keys(at))
    at.pills(key=f"consultation_{row.id}").set_value(0).run()
    at.text_area(key=f"consultation_{row.id}_text").input("Wednesday suits me, I'm Jo").run()
    click(at, "submit")
    assert "Thank you" in texts(at)
    assert responses() == [(row.id, 0, "Wednesday suits me, I'm [name]")]
    assert consultation_keys(at) == []
    for key in ANSWER_KEYS:
        assert key not in at.session_state


def test_the_whole_visit_is_one_submission_with_the_consultation_in_it(db_url: str) -> None:
    row = opened()
    at = walk(kiosk(site="drop-in"), face=4, good="kind staff", send=False)
    click(at, "next")
    at.pills(key=f"consultation_{row.id}").set_value(1).run()
    click(at, "submit")
    with read_session() as session:
        submissions = list(session.scalars(select(Submission)))
        linked = session.scalar(select(ConsultationResponse.submission_id))
        questions = sorted(session.scalars(select(Answer.question)))
    assert len(submissions) == 1
    assert submissions[0].rating == 1
    assert linked == submissions[0].id
    assert questions == ["what_good"]


def test_skip_is_one_tap_and_stores_the_rest(db_url: str) -> None:
    row = opened()
    at = walk(kiosk(), face=3, better="more socks", send=False)
    click(at, "next")
    at.pills(key=f"consultation_{row.id}").set_value(0).run()  # changed her mind
    click(at, "consultation_skip")
    assert "Thank you" in texts(at)
    assert responses() == []
    with read_session() as session:
        assert session.scalar(select(Submission.rating)) == 2
        assert session.scalar(select(Answer.text)) == "more socks"
    assert consultation_keys(at) == []


def test_going_back_keeps_what_she_answered(db_url: str) -> None:
    row = opened()
    at = walk(kiosk(), good="lovely soup", send=False)
    click(at, "next")
    at.pills(key=f"consultation_{row.id}").set_value(1).run()
    at.text_area(key=f"consultation_{row.id}_text").input("Tuesdays are better").run()
    click(at, "back")
    assert at.text_area(key="text_good").value == "lovely soup"
    click(at, "next")
    assert at.pills(key=f"consultation_{row.id}").value == 1
    assert at.text_area(key=f"consultation_{row.id}_text").value == "Tuesdays are better"
    click(at, "submit")
    assert responses() == [(row.id, 1, "Tuesdays are better")]


def test_no_step_without_an_open_consultation_running_today(db_url: str) -> None:
    create("A draft?")
    opened("Starts tomorrow?", starts_on=TODAY + DAY, ends_on=TODAY + 5 * DAY)
    closed = opened("Closed?").id
    change(c.close_consultation, closed)
    archived = opened("Archived?").id
    change(c.close_consultation, archived)
    change(c.archive_consultation, archived)
    at = to_last_step(kiosk(site="drop-in"))
    assert "submit" in button_keys(at)
    assert "Step 4 of 4" in texts(at)
    click(at, "submit")
    assert "Thank you" in texts(at)
    assert not any(t.endswith("?") and t != "How was tonight?" for t in texts(at))


def test_a_consultation_for_another_site_never_shows(db_url: str) -> None:
    opened("Should the van stop by the station?", sites=["van-town-centre"])
    for site in ("drop-in", None):
        at = to_last_step(kiosk(site=site))
        assert "submit" in button_keys(at)
        click(at, "submit")
        assert "Should the van stop by the station?" not in texts(at)
    at = to_last_step(kiosk(site="van-town-centre"))
    click(at, "next")
    assert "Should the van stop by the station?" in texts(at)


def test_at_most_two_are_asked_newest_first(db_url: str) -> None:
    first, second, third = (opened(f"Question number {n}?") for n in (1, 2, 3))
    at = to_last_step(kiosk())
    click(at, "next")
    shown = texts(at)
    assert shown.index(third.question) < shown.index(second.question)
    assert first.question not in shown
    assert at.pills(key=f"consultation_{third.id}")
    assert at.pills(key=f"consultation_{second.id}")


def test_a_faces_consultation_uses_the_faces_and_stores_the_scale(db_url: str) -> None:
    row = opened("How would a Sunday afternoon drop-in suit you?", kind="faces", choices=())
    at = to_last_step(kiosk())
    click(at, "next")
    at.feedback(key=f"consultation_{row.id}").set_value(4).run()  # the happiest face
    click(at, "submit")
    assert responses() == [(row.id, 0, None)]  # position 0: very good


def test_worrying_words_in_a_consultation_bring_the_safety_message(db_url: str) -> None:
    row = opened()
    at = to_last_step(kiosk())
    click(at, "next")
    at.text_area(key=f"consultation_{row.id}_text").input("I'm not safe tonight").run()
    click(at, "submit")
    assert "You don't have to go through anything alone." in texts(at)


def test_the_inactivity_reset_wipes_consultation_answers(db_url: str) -> None:
    row = opened()
    at = to_last_step(kiosk())
    click(at, "next")
    at.pills(key=f"consultation_{row.id}").set_value(0).run()
    at.text_area(key=f"consultation_{row.id}_text").input("half typed").run()
    click(at, "kiosk_idle_reset")
    assert at.button(key="start")
    assert consultation_keys(at) == []
    assert responses() == []


def test_staff_words_are_shown_as_plain_text_never_markdown(db_url: str) -> None:
    row = opened(
        "Would **Wednesday** work? [click](https://example.com)",
        choices=(c.ChoiceDraft("👍", "Yes *really*"), c.ChoiceDraft("👎", "<b>No</b>")),
    )
    at = to_last_step(kiosk())
    click(at, "next")
    assert row.question in [t.value for t in at.text]  # st.text: shown exactly as typed
    assert not at.markdown or all(row.question not in m.value for m in at.markdown)
    options = at.pills(key=f"consultation_{row.id}").options
    assert r"Yes \*really\*" in options[0]
    assert r"\<b\>No\<\/b\>" in options[1]  # every ASCII punctuation mark escaped


# --- What did you use today? ----------------------------------------------------------


def test_the_services_she_used_are_stored_with_her_feedback(db_url: str) -> None:
    at = walk(kiosk(site="drop-in"), face=4, services=["drop_in", "key_work"])
    assert "Thank you" in texts(at)
    assert "services" not in at.session_state
    with read_session() as session:
        used = session.scalars(
            select(Service.slug)
            .join(SubmissionService, SubmissionService.service_id == Service.id)
            .order_by(Service.slug)
        ).all()
    assert used == ["drop_in", "key_work"]


def test_the_services_question_is_optional_and_offers_only_active_services(db_url: str) -> None:
    with write_session() as session:
        services.retire_service(session, "recovery_group", actor="ada")
        services.add_service(session, "Sauna night", "🧖", actor="ada")
    at = kiosk()
    click(at, "start")
    assert "What did you use today?" in texts(at)
    options = at.pills(key="services").options
    assert any("Sauna night" in o for o in options)
    assert not any("Recovery group" in o for o in options)
    walk_on = walk(kiosk(), face=2)
    assert "Thank you" in texts(walk_on)
    with read_session() as session:
        assert session.scalar(select(SubmissionService.service_id)) is None
