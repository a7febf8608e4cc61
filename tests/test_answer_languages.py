"""Answers in other languages: stored with their language, read when Lantern reads it,
and sent to a person in the review queue when it does not (SPEC §2.5, §4)."""

from __future__ import annotations

from sqlalchemy import select

from db import comments, dashboard
from db.models import Answer
from db.reanalyse import reanalyse_all
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback
from tests.kiosk_helpers import texts
from tests.staff_helpers import create_user, signed_in_on

ALBANIAN = "Kam nevojë për ndihmë, ju lutem, nuk kam ku të fle sonte"
POLISH = "zupa była bardzo dobra, dziękuję dziewczynom"
DOUBTFUL = "naloxone for my friend pls, she use alone"  # flagged, but below "confident"
EVERYTHING = dashboard.Filters(dashboard.dt.date(1900, 1, 1), dashboard.dt.date(9999, 12, 31))


def _stored() -> list[tuple[str, str | None, bool, float | None]]:
    with read_session() as session:
        rows = session.execute(
            select(
                Answer.question, Answer.language, Answer.machine_read, Answer.concern_confidence
            ).order_by(Answer.question)
        ).all()
    return [tuple(r) for r in rows]


def test_each_answer_is_stored_with_its_language_and_whether_it_was_read(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_good=POLISH, text_better=ALBANIAN, language="pl"))
    (better, good) = _stored()
    assert good[1:3] == ("pl", True)
    assert better[1] == "sq" and better[2] is False


def test_an_answer_not_read_waits_in_the_review_queue_marked_so(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_better=ALBANIAN))
    submit_feedback(FeedbackForm(text_good=POLISH, language="pl"))
    for _ in range(6):  # the Comments page lists words only among 8 or more women
        submit_feedback(FeedbackForm(rating=1))
    with read_session() as session:
        queue = comments.search_comments(session, EVERYTHING, concerns_only=True, reviewed=False)
        waiting = comments.unreviewed_concerns(session)
    assert queue.total == 1 == waiting
    (comment,) = queue.comments
    assert not comment.machine_read and comment.language == "sq"
    create_user()
    at = signed_in_on("pages/safeguarding.py")
    assert any("Not read automatically: written in Albanian" in t for t in texts(at))


def test_only_a_confident_concern_brings_the_safety_message(db_url: str) -> None:
    doubtful = submit_feedback(FeedbackForm(text_better=DOUBTFUL))
    assert doubtful.concerns and not doubtful.confident  # still goes to the review queue
    sure = submit_feedback(FeedbackForm(text_better="my fella hit me again and i cant go home"))
    assert sure.concerns and sure.confident
    confidences = [c for *_, c in _stored() if c is not None]
    assert len(confidences) == 2 and all(0 < c <= 1 for c in confidences)


def test_re_analysis_fills_in_the_language_of_older_answers(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_better=ALBANIAN))
    with write_session() as session:  # as stored before version 10: no language, read
        for answer in session.scalars(select(Answer)):
            answer.language, answer.machine_read, answer.analysis_version = None, True, "9"
    reanalyse_all()
    assert [(lang, read) for _, lang, read, _ in _stored()] == [("sq", False)]


def test_an_answer_not_read_counts_on_no_dashboard(db_url: str) -> None:
    """The model's guesses on words it cannot read are not stored as readings."""
    submit_feedback(FeedbackForm(text_better=ALBANIAN))
    with read_session() as session:
        answer = session.scalars(select(Answer)).one()
        assert answer.sentiment_label is None and answer.sentiment_score is None
        assert answer.themes == []
