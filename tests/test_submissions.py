"""The submit path: what is stored, what is never stored, and what happens on failure."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from db.models import Answer, AnswerConcern, AnswerTheme, Submission, SubmissionSlot
from db.session import read_session, write_session
from db.submissions import (
    FeedbackForm,
    SubmissionError,
    parse_slot,
    service_date_now,
    submit_feedback,
)

PHONE = "07911 123456"
EMAIL = "jade.smith@example.com"


def _slug(table: str, row_id: int | None) -> str | None:
    with read_session() as session:
        return session.scalar(text(f"SELECT slug FROM {table} WHERE id = :i"), {"i": row_id})


def _count(model: type) -> int:
    with read_session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_a_full_form_is_stored_as_one_submission_with_its_choices(db_url: str) -> None:
    result = submit_feedback(
        FeedbackForm(
            rating=2,
            provisions=["socks", "hot_food"],
            provision_other="hand warmers",
            slots=["mon:late_evening", "sat:night"],
            places=["drop-in"],
            text_good="The staff were lovely and kind",
            text_better="Nothing really",
            site="van-town-centre",
            service_date=dt.date(2026, 3, 14),
        )
    )
    with read_session() as session:
        submission = session.get(Submission, result.submission_id)
        assert submission.rating == 2
        assert submission.service_date == dt.date(2026, 3, 14)
        assert submission.assisted is False
        assert submission.language == "en"
        site = session.execute(
            text("SELECT slug FROM sites WHERE id = :i"), {"i": submission.site_id}
        )
        assert site.scalar() == "van-town-centre"
        assert len(submission.provisions) == 2
        assert sorted((s.day, s.slot_id) for s in submission.slots)[0][0] == 0
        assert len(submission.places) == 1
        answers = {a.question: a for a in submission.answers}
        assert set(answers) == {"what_good", "could_improve", "provision_other"}
        assert answers["what_good"].sentiment_label == "positive"
        assert "staff_kindness" in [t.theme for t in answers["what_good"].themes]
        assert answers["could_improve"].sentiment_label == "positive"
        assert answers["what_good"].analysis_version
    assert result.concerns == ()
    assert _count(Submission) == 1


def test_an_empty_form_is_still_a_valid_anonymous_submission(db_url: str) -> None:
    result = submit_feedback(FeedbackForm())
    with read_session() as session:
        submission = session.get(Submission, result.submission_id)
        assert submission.rating is None
        assert submission.site_id is None
        assert submission.answers == []


@pytest.mark.parametrize(
    ("form", "expected_rating", "expected_site"),
    [
        (FeedbackForm(rating=0), None, None),
        (FeedbackForm(rating=6), None, None),
        (FeedbackForm(rating="3"), None, None),  # type: ignore[arg-type]
        (FeedbackForm(rating=5, site="nowhere"), 5, None),
        (FeedbackForm(rating=1, site="drop-in"), 1, "drop-in"),
    ],
)
def test_out_of_range_values_are_dropped_not_stored(
    db_url: str, form: FeedbackForm, expected_rating: int | None, expected_site: str | None
) -> None:
    result = submit_feedback(form)
    with read_session() as session:
        submission = session.get(Submission, result.submission_id)
        assert submission.rating == expected_rating
        slug = session.scalar(
            text("SELECT slug FROM sites WHERE id = :i"), {"i": submission.site_id}
        )
        assert slug == expected_site


def test_unknown_provisions_slots_and_places_are_ignored(db_url: str) -> None:
    result = submit_feedback(
        FeedbackForm(
            provisions=["socks", "caviar", ""],
            slots=["mon:night", "xyz:night", "tue:brunch", "garbage", "sun:daytime"],
            places=["drop-in", "the moon"],
        )
    )
    with read_session() as session:
        submission = session.get(Submission, result.submission_id)
        assert len(submission.provisions) == 1
        assert sorted(s.day for s in submission.slots) == [0, 6]
        assert len(submission.places) == 1


def test_identifiers_are_redacted_before_storage(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_better=f"ring me on {PHONE} or email {EMAIL} ta"))
    with read_session() as session:
        stored = session.scalar(select(Answer.text))
    assert PHONE not in stored
    assert EMAIL not in stored
    assert "[phone]" in stored
    assert "[email]" in stored


def test_the_original_text_is_nowhere_in_the_sqlite_files(sqlite_url: str) -> None:
    submit_feedback(FeedbackForm(text_good=f"my number is {PHONE}, email {EMAIL}"))
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    for file in [path, *path.parent.glob(path.name + "-*")]:
        content = file.read_bytes()
        assert PHONE.encode() not in content
        assert b"7911 123456" not in content
        assert EMAIL.encode() not in content


def test_an_over_long_answer_is_cut_at_the_limit_and_flagged(db_url: str) -> None:
    result = submit_feedback(FeedbackForm(text_good="a" * 5000))
    assert result.truncated
    with read_session() as session:
        assert len(session.scalar(select(Answer.text))) == 1000


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("hot choc 🙏🏽❤️ x", "hot choc 🙏🏽❤️ x"),
        ("شكرا لكم", "شكرا لكم"),
        ("thanks\x00 for\x07 the soup", "thanks for the soup"),
        ("\u202eevil\u202c text", "evil text"),
        ("zero\u200bwidth", "zerowidth"),
        ("  \n\t  ", None),
    ],
)
def test_emoji_and_rtl_are_kept_and_control_characters_stripped(
    db_url: str, typed: str, stored: str | None
) -> None:
    submit_feedback(FeedbackForm(text_good=typed))
    with read_session() as session:
        assert session.scalar(select(Answer.text)) == stored


def test_concerns_are_reported_and_stored(db_url: str) -> None:
    result = submit_feedback(FeedbackForm(text_better="he followed me home again last night"))
    assert "stalking_harassment" in result.concerns
    assert _count(AnswerConcern) >= 1


def test_a_database_failure_raises_without_text_and_keeps_earlier_rows(
    db_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    submit_feedback(FeedbackForm(rating=1, text_good="first one"))
    with write_session() as session:  # break the schema so the next insert fails
        session.execute(text("ALTER TABLE answer_themes RENAME TO answer_themes_gone"))
    secret = "my secret words 07911 123456"
    with caplog.at_level(logging.DEBUG), pytest.raises(SubmissionError) as failure:
        submit_feedback(FeedbackForm(rating=2, text_good=f"{secret} staff lovely"))
    assert "secret" not in str(failure.value)
    assert failure.value.__cause__ is None
    assert failure.value.__suppress_context__
    assert "secret" not in caplog.text
    assert "07911" not in caplog.text
    assert "Storing a submission failed" in caplog.text  # logged, without her words
    with write_session() as session:
        session.execute(text("ALTER TABLE answer_themes_gone RENAME TO answer_themes"))
    assert _count(Submission) == 1
    with read_session() as session:
        assert session.scalar(select(Answer.text)) == "first one"


def test_themes_are_stored_one_row_per_theme(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_good="hot soup and warm socks, staff were kind"))
    with read_session() as session:
        themes = set(session.scalars(select(AnswerTheme.theme)))
    assert {"food_drink", "clothing_warmth", "staff_kindness"} <= themes


def test_slots_are_stored_as_day_and_slot(db_url: str) -> None:
    submit_feedback(FeedbackForm(slots=["wed:small_hours"]))
    with read_session() as session:
        slot = session.scalars(select(SubmissionSlot)).one()
        label = session.scalar(
            text("SELECT slug FROM time_slots WHERE id = :i"), {"i": slot.slot_id}
        )
        assert (slot.day, label) == (2, "small_hours")


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        (dt.datetime(2026, 1, 14, 23, 30, tzinfo=dt.UTC), dt.date(2026, 1, 14)),
        (dt.datetime(2026, 1, 15, 1, 30, tzinfo=dt.UTC), dt.date(2026, 1, 14)),
        (dt.datetime(2026, 1, 15, 6, 30, tzinfo=dt.UTC), dt.date(2026, 1, 15)),
        # British Summer Time: 05:30 UTC is 06:30 in London, a new day.
        (dt.datetime(2026, 7, 15, 5, 30, tzinfo=dt.UTC), dt.date(2026, 7, 15)),
        (dt.datetime(2026, 7, 15, 4, 30, tzinfo=dt.UTC), dt.date(2026, 7, 14)),
    ],
)
def test_a_night_belongs_to_the_evening_it_started(utc: dt.datetime, expected: dt.date) -> None:
    assert service_date_now(utc) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("mon:night", (0, "night")),
        ("sun:daytime", (6, "daytime")),
        ("Mon:night", None),
        ("mon:", None),
        ("", None),
        ("mon", None),
    ],
)
def test_slot_values_parse_to_day_and_slug(value: str, expected: tuple[int, str] | None) -> None:
    assert parse_slot(value) == expected
