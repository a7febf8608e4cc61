"""The safeguarding review queue as a tool: its order, outcomes, counts and page (issue 15)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event, func, select, text
from sqlalchemy.exc import IntegrityError

from analysis.safeguarding import CATEGORIES
from db import audit, comments, migrate, review_queue
from db.close_day import close_day
from db.models import Answer, AnswerConcern, AuditEvent, CommentReview, Submission, random_id
from db.review_queue import NOT_READ, severities
from db.session import get_engine, read_session, reset_engines, write_session
from db.submissions import service_date_now
from tests.kiosk_helpers import texts
from tests.staff_helpers import create_user, signed_in_on

TODAY = service_date_now()
LAST_WEEK = TODAY - dt.timedelta(days=7)
BADGE_COLOURS = {"red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"}
MARKUP = "**bold** <b>tag</b> [link](javascript:alert(1)) ![x](http://evil.example/x.png)"


def _comment(
    day: dt.date,
    *categories: str,
    words: str = "words of hers",
    machine_read: bool = True,
    language: str | None = "en",
    answer_id: int | None = None,
) -> int:
    """Store one comment with these concern categories, straight into the database."""
    with write_session() as session:
        submission = Submission(service_date=day)
        session.add(submission)
        session.flush()
        answer = Answer(
            id=answer_id or random_id(),
            submission_id=submission.id,
            question="could_improve",
            text=words,
            analysis_version="test",
            machine_read=machine_read,
            language=language,
        )
        session.add(answer)
        session.flush()
        session.add_all(AnswerConcern(answer_id=answer.id, category=c) for c in categories)
        return answer.id


def _queue(**kwargs: object) -> list[int]:
    with read_session() as session:
        return [item.id for item in review_queue.queue_page(session, **kwargs).items]


def _record(answer_id: int, outcome: str, **kwargs: object) -> None:
    with write_session() as session:
        review_queue.record_outcome(session, answer_id, reviewer="cara", outcome=outcome, **kwargs)


@contextmanager
def _statements() -> Iterator[list[str]]:
    """The SQL statements sent to the database while the block runs."""
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = get_engine()
    event.listen(engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", seen)


# --- The severity table ---------------------------------------------------------------


def test_every_category_the_analysis_can_flag_has_exactly_one_severity() -> None:
    table = severities()
    listed = [c for level in table.levels for c in level.categories]
    assert sorted(listed) == sorted([*CATEGORIES, NOT_READ])
    assert len({level.rank for level in table.levels}) == len(table.levels)
    assert {level.colour for level in table.levels} <= BADGE_COLOURS
    assert len({level.colour for level in table.levels}) == len(table.levels)
    assert table.unlisted_rank in {level.rank for level in table.levels}


def test_immediate_danger_alone_is_the_most_urgent() -> None:
    table = severities()
    assert table.levels[0].categories == ("immediate_danger",)
    assert all(table.rank(c) > 1 for c in CATEGORIES if c != "immediate_danger")


@pytest.mark.parametrize(
    ("concerns", "machine_read", "level"),
    [
        (("immediate_danger",), True, "Danger now"),
        (("stalking_harassment", "immediate_danger"), True, "Danger now"),
        (("domestic_abuse",), True, "Serious"),
        ((), False, "Urgent"),
        (("domestic_abuse",), False, "Urgent"),
        (("a_category_from_a_newer_analysis",), True, "Urgent"),
    ],
)
def test_a_comment_takes_its_most_urgent_level(
    concerns: tuple[str, ...], machine_read: bool, level: str
) -> None:
    assert review_queue.severity_of(concerns, machine_read).name == level


# --- Order and pages ------------------------------------------------------------------


def test_a_danger_concern_from_last_week_comes_before_a_lower_one_from_today(
    db_url: str,
) -> None:
    lower_today = _comment(TODAY, "domestic_abuse")
    danger_last_week = _comment(LAST_WEEK, "immediate_danger")
    unread_yesterday = _comment(TODAY - dt.timedelta(days=1), machine_read=False, language="sq")
    assert _queue() == [danger_last_week, unread_yesterday, lower_today]


def test_within_a_severity_the_newest_service_date_comes_first(db_url: str) -> None:
    older = _comment(LAST_WEEK, "violence_assault")
    newer = _comment(TODAY, "stalking_harassment")
    assert _queue() == [newer, older]


def test_within_a_date_the_order_is_random_never_the_order_they_came_in(db_url: str) -> None:
    arrived = [3_000_000_000_001, 1_000_000_000_001, 2_000_000_000_001]
    for answer_id in arrived:
        _comment(TODAY, "violence_assault", answer_id=answer_id)
    assert _queue() == sorted(arrived) != arrived  # by random id, not by arrival


def test_random_ids_give_a_different_order_from_arrival(db_url: str) -> None:
    arrived = [_comment(TODAY, "domestic_abuse") for _ in range(8)]
    shown = _queue()
    assert shown == sorted(arrived)
    assert shown != arrived  # 1 in 40,320 that random ids came in sorted


def test_keyset_pages_show_each_comment_once_in_the_queue_order(db_url: str) -> None:
    days = [TODAY - dt.timedelta(days=d) for d in (0, 0, 1, 2, 2, 5, 9)]
    categories = ["immediate_danger", "domestic_abuse", "self_harm_suicide"]
    for i, day in enumerate(days):
        _comment(day, categories[i % 3])
    everything = _queue(per_page=50)
    seen: list[int] = []
    cursor = None
    with read_session() as session:
        while True:
            page = review_queue.queue_page(session, after=cursor, per_page=3)
            assert len(page.items) <= 3
            seen.extend(item.id for item in page.items)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
    assert seen == everything and len(seen) == len(days)


def test_the_queue_reads_one_page_not_every_row(db_url: str) -> None:
    for _ in range(12):
        _comment(TODAY, "violence_assault")
    with _statements() as statements, read_session() as session:
        page = review_queue.queue_page(session, per_page=5)
    assert len(page.items) == 5 and page.next_cursor is not None
    assert any("LIMIT" in s.upper() for s in statements)


def test_only_comments_in_the_queue_and_still_waiting_are_shown(db_url: str) -> None:
    _comment(TODAY)  # ordinary feedback
    flagged = _comment(TODAY, "violence_assault")
    done = _comment(TODAY, "domestic_abuse")
    _record(done, "false_alarm")
    assert _queue() == [flagged]
    assert set(_queue(include_reviewed=True)) == {flagged, done}


# --- Outcomes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("outcome", "extra", "stored"),
    [
        ("real_concern", {"action_taken": "talked_next_session"}, ("talked_next_session", None)),
        ("real_concern", {"action_taken": "referred"}, ("referred", None)),
        ("real_concern", {"action_taken": "taken_to_forum"}, ("taken_to_forum", None)),
        ("real_concern", {"action_taken": "nothing_possible"}, ("nothing_possible", None)),
        ("false_alarm", {}, (None, None)),
        ("wrong_category", {"right_category": "domestic_abuse"}, (None, "domestic_abuse")),
    ],
)
def test_each_outcome_is_stored_with_who_recorded_it_and_audited(
    db_url: str, outcome: str, extra: dict, stored: tuple
) -> None:
    answer_id = _comment(LAST_WEEK, "violence_assault")
    _record(answer_id, outcome, note="Raised at the briefing: she said x", today=TODAY, **extra)
    with read_session() as session:
        row = session.get(CommentReview, answer_id)
        assert (row.outcome, row.action_taken, row.right_category) == (outcome, *stored)
        assert (row.outcome_by, row.reviewer) == ("cara", "cara")
        assert row.note == "Raised at the briefing: she said x"
        assert row.first_reviewed_on == TODAY
        (event_,) = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "comment_reviewed")
        )
    assert event_.actor == "cara" and event_.target == f"answer {answer_id}"
    assert f"outcome={outcome}" in event_.detail
    assert "briefing" not in event_.detail  # the note's words are never logged
    assert _queue() == []


def test_wrong_category_records_the_right_one(db_url: str) -> None:
    answer_id = _comment(TODAY, "violence_assault")
    _record(answer_id, "wrong_category", right_category="domestic_abuse")
    with read_session() as session:
        assert session.get(CommentReview, answer_id).right_category == "domestic_abuse"
        assert "right category=domestic_abuse" in session.scalar(select(AuditEvent.detail))


@pytest.mark.parametrize(
    ("outcome", "extra", "message"),
    [
        ("real_concern", {}, "Say what was done"),
        ("real_concern", {"action_taken": "shrugged"}, "Say what was done"),
        ("wrong_category", {}, "Choose the right category"),
        ("wrong_category", {"right_category": "made_up"}, "Choose the right category"),
        ("", {}, "Choose what the review found"),
        ("reviewed_earlier", {}, "Choose what the review found"),
    ],
)
def test_an_outcome_without_what_it_needs_is_refused_and_nothing_stored(
    db_url: str, outcome: str, extra: dict, message: str
) -> None:
    answer_id = _comment(TODAY, "violence_assault")
    with pytest.raises(ValueError, match=message):
        _record(answer_id, outcome, **extra)
    with read_session() as session:
        assert session.get(CommentReview, answer_id) is None
        assert audit.count(session, "comment_reviewed") == 0


@pytest.mark.parametrize(
    "values",
    [
        {"outcome": "real_concern"},
        {"outcome": "false_alarm", "action_taken": "referred"},
        {"outcome": "wrong_category"},
        {"outcome": "false_alarm", "right_category": "domestic_abuse"},
        {"outcome": "shrug"},
    ],
)
def test_the_database_refuses_an_outcome_that_does_not_add_up(db_url: str, values: dict) -> None:
    answer_id = _comment(TODAY, "violence_assault")
    with pytest.raises(IntegrityError), write_session() as session:
        session.add(
            CommentReview(
                answer_id=answer_id,
                reviewed_at=audit.utcnow(),
                reviewer="cara",
                note="",
                publishable=False,
                **values,
            )
        )


def test_a_second_review_keeps_the_day_of_the_first(db_url: str) -> None:
    answer_id = _comment(LAST_WEEK, "violence_assault")
    _record(answer_id, "false_alarm", today=LAST_WEEK + dt.timedelta(days=2))
    _record(answer_id, "real_concern", action_taken="referred", today=TODAY)
    with read_session() as session:
        row = session.get(CommentReview, answer_id)
        assert (row.outcome, row.action_taken) == ("real_concern", "referred")
        assert row.first_reviewed_on == LAST_WEEK + dt.timedelta(days=2)
        assert audit.count(session, "comment_reviewed") == 2


def test_marking_a_comment_quotable_is_not_a_safeguarding_review(db_url: str) -> None:
    answer_id = _comment(TODAY, "violence_assault")
    with write_session() as session:
        comments.review(session, answer_id, reviewer="cara", publishable=True)
    assert _queue() == [answer_id]
    _record(answer_id, "false_alarm")
    with read_session() as session:
        row = session.get(CommentReview, answer_id)
        assert row.publishable is True and row.outcome == "false_alarm"


def test_closing_the_day_keeps_the_review(db_url: str) -> None:
    _comment(LAST_WEEK, "violence_assault")
    (answer_id,) = _queue()
    _record(answer_id, "wrong_category", right_category="domestic_abuse", today=TODAY)
    with write_session() as session:
        assert close_day(session, LAST_WEEK) == 1
    with read_session() as session:
        row = session.scalars(select(CommentReview)).one()
        assert row.answer_id != answer_id  # a new random id
        assert (row.outcome, row.right_category, row.outcome_by, row.first_reviewed_on) == (
            "wrong_category",
            "domestic_abuse",
            "cara",
            TODAY,
        )


# --- Counts ------------------------------------------------------------------------------


def test_the_waiting_count_counts_what_still_needs_an_outcome(db_url: str) -> None:
    _comment(TODAY)
    _comment(TODAY, "violence_assault")
    _comment(LAST_WEEK, "immediate_danger", "self_harm_suicide")
    _comment(TODAY, machine_read=False, language="sq")
    done = _comment(TODAY, "domestic_abuse")
    _record(done, "false_alarm")
    with read_session() as session:
        assert review_queue.waiting_count(session) == 3
        assert comments.unreviewed_concerns(session) == 3


def test_the_waiting_count_is_one_sql_count(db_url: str) -> None:
    for _ in range(5):
        _comment(TODAY, "violence_assault")
    with _statements() as statements, read_session() as session:
        assert review_queue.waiting_count(session) == 5
    (statement,) = [s for s in statements if "answers" in s]
    assert statement.lower().startswith("select count(")


def test_the_median_days_to_first_review_counts_this_month_only(db_url: str) -> None:
    today = dt.date(2026, 12, 20)
    for service_date, reviewed_on in (
        (dt.date(2026, 12, 10), dt.date(2026, 12, 12)),  # 2 days
        (dt.date(2026, 12, 18), dt.date(2026, 12, 19)),  # 1 day
        (dt.date(2026, 12, 19), dt.date(2026, 12, 20)),  # 1 day
        (dt.date(2026, 12, 14), dt.date(2026, 12, 20)),  # 6 days
        (dt.date(2026, 11, 1), dt.date(2026, 11, 28)),  # last month: not counted
    ):
        _record(_comment(service_date, "violence_assault"), "false_alarm", today=reviewed_on)
    _comment(dt.date(2026, 12, 1), "violence_assault")  # waiting: not counted
    with read_session() as session:
        assert review_queue.median_days_to_first_review(session, today) == 1.5
        assert review_queue.median_days_to_first_review(session, dt.date(2026, 11, 30)) == 27
        assert review_queue.median_days_to_first_review(session, dt.date(2026, 10, 30)) is None
    _record(_comment(dt.date(2026, 12, 20), "domestic_abuse"), "false_alarm", today=today)
    with read_session() as session:  # five now: 0, 1, 1, 2, 6
        assert review_queue.median_days_to_first_review(session, today) == 1


# --- The migration ---------------------------------------------------------------------


def test_reviews_stored_before_outcomes_migrate_sensibly(db_url: str) -> None:
    flagged = _comment(LAST_WEEK, "violence_assault")
    unread = _comment(LAST_WEEK, machine_read=False, language="sq")
    ordinary = _comment(LAST_WEEK)
    waiting = _comment(TODAY, "domestic_abuse")
    reset_engines()
    migrate.downgrade(db_url, "0011")
    reset_engines()
    with get_engine(db_url).begin() as conn:
        for answer_id in (flagged, unread, ordinary):
            conn.execute(
                text(
                    "INSERT INTO comment_reviews (answer_id, reviewed_at, reviewer, note, "
                    "publishable) VALUES (:id, :at, 'cara', 'seen', :quotable)"
                ),
                {
                    "id": answer_id,
                    "at": "2026-12-03 10:30:00",
                    "quotable": answer_id == ordinary,
                },
            )
    reset_engines()
    migrate.upgrade(db_url)
    reset_engines()
    with read_session() as session:
        rows = {r.answer_id: r for r in session.scalars(select(CommentReview))}
        assert {a: (r.outcome, r.outcome_by, r.first_reviewed_on) for a, r in rows.items()} == {
            flagged: ("reviewed_earlier", "cara", dt.date(2026, 12, 3)),
            unread: ("reviewed_earlier", "cara", dt.date(2026, 12, 3)),
            ordinary: (None, None, None),
        }
        assert rows[ordinary].publishable is True and rows[flagged].note == "seen"
        assert review_queue.waiting_count(session) == 1
    assert _queue() == [waiting]


# --- The page ---------------------------------------------------------------------------


def _page():  # type: ignore[no-untyped-def]
    create_user("cara")
    return signed_in_on("pages/safeguarding.py", "cara")


def _card_texts(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.value for t in at.text]


def test_the_page_shows_the_most_urgent_first_with_colour_and_words(db_url: str) -> None:
    _comment(TODAY, "domestic_abuse", words="lower concern from today")
    _comment(LAST_WEEK, "immediate_danger", words="danger from last week")
    _comment(TODAY, machine_read=False, language="sq", words="Kam nevojë për ndihmë")
    at = _page()
    assert not at.exception
    shown = _card_texts(at)
    order = [
        shown.index(w)
        for w in ("danger from last week", "Kam nevojë për ndihmë", "lower concern from today")
    ]
    assert order == sorted(order)
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert badges == [
        ":red-badge[Danger now · May be in danger now]",
        ":orange-badge[Urgent · Not read automatically]",
        ":violet-badge[Serious · Domestic abuse]",
    ]
    assert any(t.startswith("Not read automatically: written in Albanian") for t in shown)
    assert any("not watched around the clock" in t for t in texts(at))
    assert any("service night" in t for t in texts(at))


def test_the_page_shows_the_waiting_count_and_median_days(db_url: str) -> None:
    _comment(TODAY, "violence_assault")
    _comment(TODAY, "domestic_abuse")
    _record(_comment(TODAY - dt.timedelta(days=2), "domestic_abuse"), "false_alarm")
    at = _page()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Waiting for review"] == "2"
    assert metrics["Median days to first review, this month"] == "2 days"


def test_the_sidebar_badge_shows_how_many_wait(db_url: str) -> None:
    _comment(TODAY, "violence_assault")
    _comment(TODAY, machine_read=False, language="sq")
    _record(_comment(TODAY, "domestic_abuse"), "false_alarm")
    at = _page()
    links = [link.value for link in at.sidebar.get("page_link")]
    assert "Safeguarding review · 2 waiting" in links


def test_the_sidebar_badge_is_not_shown_to_a_worker_or_when_nothing_waits(db_url: str) -> None:
    at = _page()
    assert "Safeguarding review" in [link.value for link in at.sidebar.get("page_link")]
    _comment(TODAY, "violence_assault")
    create_user("wes", "worker")
    worker = signed_in_on("pages/overview.py", "wes")
    assert not any("waiting" in link.value for link in worker.sidebar.get("page_link"))


def test_recording_a_real_concern_on_the_page_stores_who_and_what_was_done(db_url: str) -> None:
    _comment(TODAY, "violence_assault", words="he hit me")
    at = _page()
    (answer_id,) = _queue()
    at.radio(key=f"outcome_{answer_id}").set_value("real_concern")
    at.selectbox(key=f"action_{answer_id}").set_value("talked_next_session")
    at.text_area(key=f"note_{answer_id}").input("Spoke with her on Friday's van")
    at.button(key=f"mark_{answer_id}").click().run()
    assert not at.exception
    with read_session() as session:
        row = session.get(CommentReview, answer_id)
        assert (row.outcome, row.action_taken, row.outcome_by, row.note) == (
            "real_concern",
            "talked_next_session",
            "cara",
            "Spoke with her on Friday's van",
        )
        assert audit.count(session, "comment_reviewed") == 1
    at.run()
    assert "Nothing is waiting for review." in [i.value for i in at.info]


def test_a_real_concern_without_what_was_done_is_refused_on_the_page(db_url: str) -> None:
    _comment(TODAY, "violence_assault")
    at = _page()
    (answer_id,) = _queue()
    at.radio(key=f"outcome_{answer_id}").set_value("real_concern")
    at.button(key=f"mark_{answer_id}").click().run()
    assert not at.exception
    assert "Say what was done about this concern." in [w.value for w in at.warning]
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(CommentReview)) == 0


def test_her_words_and_staff_notes_are_shown_as_plain_text(db_url: str) -> None:
    answer_id = _comment(TODAY, "violence_assault", words=MARKUP)
    _record(answer_id, "wrong_category", right_category="domestic_abuse", note=MARKUP)
    at = _page()
    at.toggle(key="safeguarding_all").set_value(True).run()
    assert not at.exception
    shown = _card_texts(at)
    assert MARKUP in shown
    assert f"Note: {MARKUP}" in shown
    assert any(
        t.startswith("Reviewed: Wrong category · should be: Domestic abuse (recorded by cara)")
        for t in shown
    )
    assert not any("evil.example" in m.value or "<b>" in m.value for m in at.markdown)
    # the form to change it starts from what was recorded
    assert at.radio(key=f"outcome_{answer_id}").value == "wrong_category"
    assert at.selectbox(key=f"category_{answer_id}").value == "domestic_abuse"


def test_the_queue_pages_on_with_next(db_url: str) -> None:
    rng = random.Random(4)
    for i in range(review_queue.PER_PAGE + 3):
        _comment(TODAY - dt.timedelta(days=rng.randrange(3)), "violence_assault", words=f"c{i}")
    at = _page()
    first = {t for t in _card_texts(at) if t.startswith("c")}
    assert len(first) == review_queue.PER_PAGE
    at.button(key="safeguarding_next").click().run()
    assert not at.exception
    second = {t for t in _card_texts(at) if t.startswith("c")}
    assert len(second) == 3 and not first & second
    assert "safeguarding_next" not in [b.key for b in at.button]
