"""Many kiosks at once: 8 processes x 250 submissions land as exactly 2,000 rows.

Each process behaves as the kiosk does: a send is bounded (db/timeouts.py), and one that
ends in Sorry is tried again with the same idempotency key, as her Retry would be. On two
busy cores a send can wait past its bound for SQLite's write lock; what must hold is that
every form is stored exactly once, however many tries it took.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import func, select

from db.models import Answer, Submission
from db.session import read_session

PROCESSES = 8
PER_PROCESS = 250
TRIES = 5  # a woman pressing Retry after Sorry, at most this many times


def submit_many(url: str, worker: int) -> tuple[int, list[str], int]:
    """Submit PER_PROCESS forms, each retried after a SubmissionError as the kiosk's Retry
    would; return (stored, error type names of forms never stored, retries)."""
    from db.session import reset_engines
    from db.submissions import FeedbackForm, SubmissionError, new_send_key, submit_feedback

    reset_engines()
    stored, errors, retries = 0, [], 0
    for i in range(PER_PROCESS):
        form = FeedbackForm(
            rating=1 + (i + worker) % 5,
            provisions=["hot_food", "socks"][: i % 3],
            slots=[f"{('mon', 'fri', 'sat')[i % 3]}:late_evening"],
            text_good="tea and a chat, ta x" if i % 2 else "",
            site=("drop-in", "van-town-centre", None)[i % 3],
            send_key=new_send_key(),
        )
        for attempt in range(TRIES):
            try:
                submit_feedback(form, url=url)
            except SubmissionError as exc:
                if attempt == TRIES - 1:
                    errors.append(type(exc).__name__)
                retries += 1
            except Exception as exc:  # anything else is a bug, never retried
                errors.append(type(exc).__name__)
                break
            else:
                stored += 1
                break
    return stored, errors, retries


@pytest.mark.slow
def test_eight_processes_submitting_at_once_store_every_row_once(
    db_url: str,
    record_property,  # type: ignore[no-untyped-def]
) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        results = pool.starmap(submit_many, [(db_url, w) for w in range(PROCESSES)])
    errors = [e for _, errs, _ in results for e in errs]
    assert errors == []
    assert sum(stored for stored, _, _ in results) == PROCESSES * PER_PROCESS
    retries = sum(r for _, _, r in results)
    record_property("benchmark", f"8 processes x 250 sends: {retries} retried after Sorry")
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 2000
        assert session.scalar(select(func.count()).select_from(Answer)) == 1000
