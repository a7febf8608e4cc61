"""Many kiosks at once: 8 processes x 250 submissions land as exactly 2,000 rows."""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import func, select

from db.models import Answer, Submission
from db.session import read_session

PROCESSES = 8
PER_PROCESS = 250


def submit_many(url: str, worker: int) -> tuple[int, list[str]]:
    """Submit PER_PROCESS forms; return (stored, error type names)."""
    from db.session import reset_engines
    from db.submissions import FeedbackForm, submit_feedback

    reset_engines()
    stored, errors = 0, []
    for i in range(PER_PROCESS):
        form = FeedbackForm(
            rating=1 + (i + worker) % 5,
            provisions=["hot_food", "socks"][: i % 3],
            slots=[f"{('mon', 'fri', 'sat')[i % 3]}:late_evening"],
            text_good="tea and a chat, ta x" if i % 2 else "",
            site=("drop-in", "van-town-centre", None)[i % 3],
        )
        try:
            submit_feedback(form, url=url)
            stored += 1
        except Exception as exc:
            errors.append(type(exc).__name__)
    return stored, errors


@pytest.mark.slow
def test_eight_processes_submitting_at_once_store_every_row(db_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    with context.Pool(PROCESSES) as pool:
        results = pool.starmap(submit_many, [(db_url, w) for w in range(PROCESSES)])
    errors = [e for _, errs in results for e in errs]
    assert errors == []
    assert sum(stored for stored, _ in results) == PROCESSES * PER_PROCESS
    with read_session() as session:
        assert session.scalar(select(func.count()).select_from(Submission)) == 2000
        assert session.scalar(select(func.count()).select_from(Answer)) == 1000
