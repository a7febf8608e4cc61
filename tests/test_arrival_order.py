"""Her place in the queue does not give her away (SPEC §2.1).

Plays the attacker who knows a woman was the kth at the van that night and looks for her
row: by id, by the order the Comments page lists them, by the database's own row order
(SQLite rowid and file order, PostgreSQL ctid and xmin). Ids are random from the start;
once the day has closed the rows are rewritten in a random order, so none of these beats
chance. Before the close, PostgreSQL's ctid and xmin still follow arrival: the test shows
that too, so it would notice the close doing nothing.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import insert, select, text

from db import actions, comments
from db.close_day import close_due_days
from db.dashboard import Filters
from db.models import ActionComment, Answer, CommentReview, SendKey, Submission
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback

ROOT = Path(__file__).resolve().parents[1]
NIGHT = dt.date(2026, 3, 14)
WOMEN = 150
# With 150 rows in a random order, Spearman's rho has a standard deviation of 0.082: 0.35
# is over four of them (a false alarm about 1 run in 50,000), while arrival order gives 1.
UNRELATED = 0.35
# Guessing the kth row right for k = 1..150 hits once on average by chance (Poisson 1);
# 7 or more happens about 1 run in 12,000.
CHANCE_HITS = 6


def _night(url: str) -> list[str]:
    """150 women send on one night, one transaction each; her words say her place."""
    order = []
    for k in range(WOMEN):
        words = f"arrival marker {k:03d} the tea was lovely"
        submit_feedback(
            FeedbackForm(
                rating=1 + k % 5, text_good=words, site="van-town-centre", service_date=NIGHT
            ),
            url=url,
        )
        order.append(words)
    return order


def spearman(ranks: list[int]) -> float:
    """Spearman's rho between listing position and true place (both permutations of 0..n-1)."""
    n = len(ranks)
    return 1 - 6 * sum((k - r) ** 2 for k, r in enumerate(ranks)) / (n * (n * n - 1))


def _ranks(listed: list[str], order: list[str]) -> list[int]:
    """For each row the attacker listed, the true place of the woman who wrote it."""
    place = {words: k for k, words in enumerate(order)}
    return [place[words] for words in listed]


def _listings(url: str) -> dict[str, list[str]]:
    """Every order an attacker with the database, or a staff page, could read rows in."""
    join = "FROM answers a JOIN submissions s ON s.id = a.submission_id"
    queries = {
        "answers by id": f"SELECT a.text {join} ORDER BY a.id",
        "submissions by id": f"SELECT a.text {join} ORDER BY s.id",
        "answers as stored": "SELECT text FROM answers",
    }
    with read_session(url) as session:
        if session.get_bind().dialect.name == "postgresql":
            queries |= {
                "answers by ctid": "SELECT text FROM answers ORDER BY ctid",
                "answers by xmin": "SELECT text FROM answers ORDER BY xmin::text::bigint",
                "submissions by ctid": f"SELECT a.text {join} ORDER BY s.ctid",
                "submissions by xmin": (f"SELECT a.text {join} ORDER BY s.xmin::text::bigint"),
            }
        else:
            queries |= {
                "answers by rowid": "SELECT text FROM answers ORDER BY rowid",
                "submissions as stored": (
                    "SELECT a.text FROM submissions s CROSS JOIN answers a "
                    "WHERE a.submission_id = s.id"
                ),
            }
        found = {name: list(session.scalars(text(sql))) for name, sql in queries.items()}
        page = comments.search_comments(session, Filters(NIGHT, NIGHT), per_page=WOMEN)
        found["the Comments page"] = [c.text for c in page.comments]
    return found


def _assert_no_better_than_chance(listings: dict[str, list[str]], order: list[str]) -> None:
    for name, listed in listings.items():
        assert sorted(listed) == sorted(order), name
        ranks = _ranks(listed, order)
        rho = spearman(ranks)
        hits = sum(rank == k for k, rank in enumerate(ranks))
        assert abs(rho) < UNRELATED, f"{name}: rho {rho:.2f}"
        assert hits <= CHANCE_HITS, f"{name}: the kth row was the kth woman {hits} times"


def _fingerprint(url: str) -> Counter:
    """Everything stored about the night, by content: what a rewrite must keep exactly."""
    with read_session(url) as session:
        rows = session.execute(
            text(
                "SELECT s.rating, s.site_id, s.language, a.question, a.text, a.sentiment_label,"
                " a.language, a.machine_read,"
                " (SELECT count(*) FROM answer_themes t WHERE t.answer_id = a.id),"
                " (SELECT count(*) FROM answer_concerns c WHERE c.answer_id = a.id),"
                " (SELECT note FROM comment_reviews r WHERE r.answer_id = a.id),"
                " (SELECT count(*) FROM action_comments l WHERE l.answer_id = a.id),"
                " (SELECT count(*) FROM submission_provisions p WHERE p.submission_id = s.id)"
                " FROM answers a JOIN submissions s ON s.id = a.submission_id"
            )
        )
        return Counter(tuple(r) for r in rows)


def test_no_order_a_night_was_stored_in_survives_its_close(db_url: str) -> None:
    order = _night(db_url)
    with read_session(db_url) as session:
        answer_ids = {
            words: answer_id for answer_id, words in session.execute(select(Answer.id, Answer.text))
        }
        postgres = session.get_bind().dialect.name == "postgresql"
    # Random ids from the start: the id alone never told the order.
    by_id = _ranks(sorted(answer_ids, key=answer_ids.get), order)
    assert abs(spearman(by_id)) < UNRELATED
    if postgres:  # before the close, the row positions still follow arrival
        before = _listings(db_url)
        assert spearman(_ranks(before["answers by ctid"], order)) > 0.99
    # Staff review one comment and link another to a change: those rows move with them.
    with write_session(db_url) as session:
        comments.review(session, answer_ids[order[3]], reviewer="ada", note="checked in")
        comments.review(session, answer_ids[order[7]], reviewer="ada", publishable=True)
        actions.create_action(
            session,
            actions.ActionDraft("More socks", NIGHT, comments=[answer_ids[order[7]]]),
            actor="ada",
        )
    kept = _fingerprint(db_url)

    done = close_due_days(db_url, today=NIGHT + dt.timedelta(days=1))

    assert (done.days, done.submissions) == (1, WOMEN)
    assert _fingerprint(db_url) == kept
    _assert_no_better_than_chance(_listings(db_url), order)
    with read_session(db_url) as session:
        new_ids = dict(session.execute(select(Answer.text, Answer.id)).all())
        reviewed = session.scalar(select(CommentReview.answer_id).where(CommentReview.note != ""))
        linked = session.scalar(select(ActionComment.answer_id))
    assert not set(new_ids.values()) & set(answer_ids.values())  # every id is new
    assert reviewed == new_ids[order[3]] and linked == new_ids[order[7]]
    # Closing again finds nothing to do.
    assert close_due_days(db_url, today=NIGHT + dt.timedelta(days=1)).days == 0


def test_tonight_is_left_alone_and_a_late_row_for_a_closed_night_is_closed_next_time(
    db_url: str,
) -> None:
    for k in range(3):
        submit_feedback(
            FeedbackForm(rating=1, text_good=f"night one {k}", service_date=NIGHT), url=db_url
        )
    tonight = NIGHT + dt.timedelta(days=1)
    submit_feedback(FeedbackForm(rating=2, text_good="tonight", service_date=tonight), url=db_url)
    assert close_due_days(db_url, today=tonight).submissions == 3
    with read_session(db_url) as session:
        open_rows = session.scalars(select(Submission.service_date).where(~Submission.closed))
        assert list(open_rows) == [tonight]
    # An assisted entry typed up the next morning for the closed night:
    submit_feedback(
        FeedbackForm(rating=3, text_good="typed up late", service_date=NIGHT, assisted=True),
        url=db_url,
    )
    assert close_due_days(db_url, today=tonight).submissions == 4  # the night again, whole
    with read_session(db_url) as session:
        assert session.scalar(select(Submission.id).where(~Submission.closed)) is not None


def test_close_day_from_the_shell_clears_the_send_keys_of_finished_days(db_url: str) -> None:
    for k in range(2):
        submit_feedback(
            FeedbackForm(rating=1, text_good=f"shell {k}", service_date=NIGHT), url=db_url
        )
    with write_session(db_url) as session:
        session.execute(
            insert(SendKey),
            [{"key": "k-old", "service_date": NIGHT}],
        )
    env = {**os.environ, "DATABASE_URL": db_url}
    done = subprocess.run(
        [sys.executable, "-m", "db.manage", "close-day", "--today", "2026-03-15"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Closed 1 service day: 2 submissions" in done.stdout
    assert "1 send keys cleared" in done.stdout
    with read_session(db_url) as session:
        assert session.scalar(text("SELECT count(*) FROM send_keys")) == 0


def test_ids_are_random_53_bit_numbers(db_url: str) -> None:
    for k in range(20):
        submit_feedback(FeedbackForm(rating=1, text_good=f"id {k}"), url=db_url)
    with read_session(db_url) as session:
        ids = sorted(session.scalars(select(Submission.id)))
    assert all(0 < i < 2**53 for i in ids)
    assert max(ids) > 2**40  # 20 draws all below 2^40 would be a 1-in-10^48 chance
    assert len(set(b - a for a, b in itertools.pairwise(ids))) > 1


def test_sends_for_the_night_being_closed_are_never_lost(db_url: str) -> None:
    """A send (or a late assisted entry) for the night being closed, committed while the
    close runs, is kept: the close locks what it rewrites and deletes only what it read."""
    for k in range(60):
        submit_feedback(
            FeedbackForm(rating=1, text_good=f"before {k}", service_date=NIGHT), url=db_url
        )
    sent: list[str] = []
    closing = threading.Event()
    closed = threading.Event()

    def send_meanwhile() -> None:
        closing.wait()
        n = 0
        while not closed.is_set() or n < 5:
            words = f"during {n}"
            submit_feedback(FeedbackForm(rating=2, text_good=words, service_date=NIGHT), url=db_url)
            sent.append(words)
            n += 1

    sender = threading.Thread(target=send_meanwhile)
    sender.start()
    closing.set()
    try:
        for _ in range(3):  # the late rows reopen the night: close it again, twice
            close_due_days(db_url, today=NIGHT + dt.timedelta(days=1))
    finally:
        closed.set()
        sender.join()
    with read_session(db_url) as session:
        stored = Counter(session.scalars(select(Answer.text)))
    assert stored == Counter([f"before {k}" for k in range(60)] + sent)
