"""Re-analysis of stored text after keyword edits or a new analysis version (SPEC §4).

Works in batches, each in its own transaction, so it can be stopped and started again:
an answer is done once it carries the current stamp (analysis version + keyword digest).
Only redacted text is stored, so re-analysis reads that; redaction runs again too, so
an improved redactor also cleans older text. Text removed by retention is skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from analysis.pipeline import analyse
from db import audit, rollups, themes
from db.dashboard import bump_data_version
from db.models import Answer, AnswerConcern, AnswerTheme, Submission
from db.session import read_session, write_session
from db.submissions import unread_or
from db.timeouts import MAINTENANCE

DEFAULT_BATCH = 500


def _pending_query(stamp: str):  # type: ignore[no-untyped-def]
    """Answers with text that were analysed under another stamp."""
    return select(Answer.id).where(Answer.text.is_not(None), Answer.analysis_version != stamp)


def pending(session: Session) -> int:
    """How many stored answers still need re-analysis."""
    stamp = themes.current(session).stamp
    return session.scalar(select(func.count()).select_from(_pending_query(stamp).subquery())) or 0


def reanalyse_batch(session: Session, batch_size: int = DEFAULT_BATCH) -> int:
    """Re-analyse up to batch_size answers; returns how many were done."""
    compiled = themes.current(session)
    ids = list(
        session.scalars(_pending_query(compiled.stamp).order_by(Answer.id).limit(batch_size))
    )
    if not ids:
        return 0
    session.execute(delete(AnswerTheme).where(AnswerTheme.answer_id.in_(ids)))
    session.execute(delete(AnswerConcern).where(AnswerConcern.answer_id.in_(ids)))
    rows = session.execute(
        select(Answer, Submission.language)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(Answer.id.in_(ids))
    )
    for answer, kiosk_language in rows:
        reading = unread_or(
            analyse(answer.text or "", answer.question, compiled.framework, kiosk_language)
        )
        answer.text = reading.redacted
        answer.sentiment_score = reading.sentiment_score
        answer.sentiment_label = reading.sentiment_label
        answer.language = reading.language
        answer.machine_read = reading.machine_read
        answer.concern_confidence = reading.concern_confidence if reading.concerns else None
        answer.analysis_version = compiled.stamp
        session.add_all(AnswerTheme(answer_id=answer.id, theme=t) for t in reading.themes)
        session.add_all(AnswerConcern(answer_id=answer.id, category=c) for c in reading.concerns)
    return len(ids)


def reanalyse_all(
    url: str | None = None,
    *,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int, int], None] | None = None,
    actor: str | None = None,
) -> int:
    """Re-analyse everything pending, batch by batch; then rebuild the rollups."""
    with read_session(url) as session:
        total = pending(session)
    done = 0
    while True:
        with write_session(url, MAINTENANCE) as session:
            count = reanalyse_batch(session, batch_size)
        if not count:
            break
        done += count
        if progress:
            progress(done, total)
    with write_session(url, MAINTENANCE) as session:
        rollups.rebuild(session)
        bump_data_version(session)
        audit.record(session, "reanalysed", actor=actor, detail=f"{done} answers")
    return done
