"""'Send just this' and 'Send now': a rating in one more tap, and a send on every step."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select, text

from db.models import ConsultationResponse, Submission
from db.session import read_session, write_session
from pages import _kiosk
from tests.kiosk_helpers import ANSWER_KEYS, button_keys, click, kiosk, texts
from tests.test_consultations import opened

THANKS = "Thank you for telling us. It helps us get things right."
SORRY = "Sorry — please hand the tablet to a worker."


@dataclass(frozen=True)
class Stored:
    """One stored submission: its rating and how many of each kind of answer it holds."""

    rating: int | None
    services: int
    provisions: int
    slots: int
    places: int
    answers: int
    consultation_responses: int


def _stored() -> list[Stored]:
    with read_session() as session:
        return [
            Stored(
                row.rating,
                len(row.services),
                len(row.provisions),
                len(row.slots),
                len(row.places),
                len(row.answers),
                len(row.consultation_responses),
            )
            for row in session.scalars(select(Submission))
        ]


def _rated(face: int, site: str | None = None):  # type: ignore[no-untyped-def]
    """Welcome -> Start -> one face: the two taps before 'Send just this'."""
    at = click(kiosk(site=site), "start")
    at.feedback(key="rating").set_value(face).run()
    assert not at.exception
    return at


def _nothing_left(at) -> None:  # type: ignore[no-untyped-def]
    for key in ANSWER_KEYS:
        assert key not in at.session_state, f"{key} left in session state"


def test_send_just_this_stores_her_face_alone_and_thanks_her(db_url: str) -> None:
    at = _rated(4, site="drop-in")
    assert at.button(key="send_now").label == "Send just this"
    click(at, "send_now")
    assert THANKS in texts(at)
    assert at.button(key="done")
    assert _stored() == [Stored(1, 0, 0, 0, 0, 0, 0)]  # the happiest face is "very good"
    _nothing_left(at)


def test_the_saddest_face_is_a_face_too(db_url: str) -> None:
    click(_rated(0), "send_now")
    assert [s.rating for s in _stored()] == [5]


def test_send_just_this_is_offered_only_once_she_has_chosen_a_face(db_url: str) -> None:
    at = click(kiosk(), "start")
    assert "send_now" not in button_keys(at)  # nothing chosen: nothing empty to send
    at.feedback(key="rating").set_value(2).run()
    assert "send_now" in button_keys(at)
    at.feedback(key="rating").set_value(None).run()  # tapped again: no face any more
    assert "send_now" not in button_keys(at)
    assert _stored() == []


def test_a_tap_that_clears_the_face_as_it_sends_sends_nothing(db_url: str) -> None:
    at = _rated(2)
    # Both reach the server in one rerun: the face is gone by the time the send runs.
    at.feedback(key="rating").set_value(None)
    at.button(key="send_now").click().run()
    assert not at.exception
    assert _stored() == []
    assert "send_now" not in button_keys(at)


def test_send_just_this_leaves_out_what_later_steps_held(db_url: str) -> None:
    at = _rated(3)
    click(at, "next")
    at.pills(key="provisions").set_value(["socks"]).run()
    click(at, "next")
    at.pills(key="slots").set_value(["mon:night"]).run()
    click(at, "back")
    click(at, "back")
    click(at, "send_now")  # the button says "just this": her face, not the socks
    assert THANKS in texts(at)
    assert _stored() == [Stored(2, 0, 0, 0, 0, 0, 0)]
    _nothing_left(at)


def test_a_second_send_just_this_within_ten_seconds_is_ignored(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_kiosk, "DOUBLE_TAP_SECONDS", 3600)  # a slow machine stays inside it
    at = click(_rated(4), "send_now")
    click(at, "done")
    click(at, "start")
    at.feedback(key="rating").set_value(0).run()
    click(at, "send_now")
    assert len(_stored()) == 1
    assert any("This tablet sent feedback a moment ago." in line for line in texts(at))
    assert at.feedback(key="rating").value == 0  # her face is still there
    at.session_state["kiosk_last_submit"] -= 3601
    click(at, "send_now")
    assert THANKS in texts(at)
    assert sorted(s.rating for s in _stored()) == [1, 5]


def test_send_just_this_fails_calmly_and_retry_sends_the_same(db_url: str) -> None:
    at = _rated(1)
    with write_session() as session:
        session.execute(text("ALTER TABLE submissions RENAME TO submissions_gone"))
    click(at, "send_now")
    assert SORRY in texts(at)
    assert not at.error
    with write_session() as session:
        session.execute(text("ALTER TABLE submissions_gone RENAME TO submissions"))
    click(at, "retry")
    assert THANKS in texts(at)
    assert _stored() == [Stored(4, 0, 0, 0, 0, 0, 0)]


def test_what_she_used_today_goes_with_her_face(db_url: str) -> None:
    at = click(kiosk(), "start")
    at.pills(key="services").set_value(["drop_in"]).run()
    assert "send_now" not in button_keys(at)  # still no face
    at.feedback(key="rating").set_value(4).run()
    click(at, "send_now")
    assert _stored() == [Stored(1, 1, 0, 0, 0, 0, 0)]


def test_send_now_on_the_provisions_step_sends_what_she_has(db_url: str) -> None:
    at = _rated(4)
    click(at, "next")
    at.pills(key="provisions").set_value(["hot_food", "socks"]).run()
    assert at.button(key="send_now").label == "Send now"
    click(at, "send_now")
    assert THANKS in texts(at)
    assert _stored() == [Stored(1, 0, 2, 0, 0, 0, 0)]
    _nothing_left(at)


def test_send_now_on_the_times_step_sends_what_she_has(db_url: str) -> None:
    at = _rated(2)
    click(at, "next")
    click(at, "next")
    at.pills(key="slots").set_value(["fri:late_evening", "sat:night"]).run()
    click(at, "send_now")
    assert THANKS in texts(at)
    assert _stored() == [Stored(3, 0, 0, 2, 0, 0, 0)]


def test_send_now_waits_until_she_has_something_to_send(db_url: str) -> None:
    at = click(click(kiosk(), "start"), "rating_skip")  # "Don't want to say"
    assert "send_now" not in button_keys(at)
    at.pills(key="provisions").set_value(["socks"]).run()
    click(at, "send_now")
    assert _stored() == [Stored(None, 0, 1, 0, 0, 0, 0)]


def test_send_now_before_the_extra_question_leaves_it_unanswered(db_url: str) -> None:
    opened()
    at = _rated(4)
    for _ in range(2):
        click(at, "next")
    at.pills(key="slots").set_value(["mon:night"]).run()
    click(at, "next")
    assert "submit" not in button_keys(at)  # the extra question comes next...
    assert at.button(key="send_now").label == "Send now"  # ...or she sends now
    at.text_area(key="text_better").input("more socks").run()
    click(at, "send_now")
    assert THANKS in texts(at)
    assert _stored() == [Stored(1, 0, 0, 1, 0, 1, 0)]
    with read_session() as session:
        assert session.scalar(select(ConsultationResponse.id)) is None


def test_the_last_steps_keep_their_own_send(db_url: str) -> None:
    at = _rated(4)
    for _ in range(3):
        click(at, "next")
    assert "submit" in button_keys(at)
    assert "send_now" not in button_keys(at)  # one Send on the last step, not two
