"""A consultation's results: answers by choice, site and week, and what its words say.

Counted in SQL from its responses (one consultation's rows, found by index), then
protected as one whole (analysis.disclosure.protect_linked): the choice, site and week
tables share their totals, so a value hidden in one cannot be worked out from another.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis import disclosure
from db import actions as db_actions
from db import consultations
from db.consultations import ConsultationRow
from db.dashboard import Headline, Table, period_start, site_names, theme_labels
from db.models import Answer, AnswerTheme, ConsultationResponse, Submission

NO_CHOICE = -1  # she wrote something but tapped no answer
NO_CHOICE_LABEL = "No answer tapped (wrote only)"
MAX_COMMENTS = 50


@dataclass(frozen=True)
class Results:
    """Everything a consultation's results page and the forum pack show, protected."""

    consultation: ConsultationRow
    responses: int  # exact; only for deciding what to draw, never shown as is
    headlines: tuple[Headline, ...] = ()
    tables: dict[str, Table] = field(default_factory=dict)
    comments: tuple[str, ...] = ()
    actions: tuple[db_actions.ActionRow, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nobody has answered (at this site)."""
        return self.responses == 0


def _pct(part: int, whole: int, part_shown: object) -> float | None:
    """A protected share of the whole, hidden whenever its count is hidden."""
    if isinstance(part_shown, str):
        return None
    value = disclosure.share(part, whole)
    return None if value is None else round(value, 1)


def _as_date(value: dt.date | str) -> dt.date:
    """SQLite returns period starts as text."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def results(session: Session, consultation_id: int, site_id: int | None = None) -> Results | None:
    """The protected results of one consultation (at one site, if given); None if unknown."""
    row = consultations.get_consultation(session, consultation_id)
    if row is None:
        return None
    conditions = [ConsultationResponse.consultation_id == consultation_id]
    if site_id is not None:
        conditions.append(Submission.site_id == site_id)
    linked = tuple(db_actions.list_actions(session, consultation=consultation_id))

    site_key = func.coalesce(Submission.site_id, 0)
    week = period_start(session, Submission.service_date, "week")
    positions = {c.id: c.position for c in row.choices}
    counts: dict[tuple[int, dt.date, int], int] = {}
    for key, start, choice_id, n in session.execute(
        select(site_key, week, ConsultationResponse.choice_id, func.count())
        .join(Submission, Submission.id == ConsultationResponse.submission_id)
        .where(*conditions)
        .group_by(site_key, week, ConsultationResponse.choice_id)
    ):
        counts[(int(key), _as_date(start), positions.get(choice_id, NO_CHOICE))] = int(n)
    total = sum(counts.values())
    if total == 0:
        return Results(row, 0, actions=linked)

    labels = {c.position: c.text for c in row.choices}
    choices = [c.position for c in row.choices]
    if any(k[2] == NO_CHOICE for k in counts):
        choices.append(NO_CHOICE)
        labels[NO_CHOICE] = NO_CHOICE_LABEL
    sites = sorted({k[0] for k in counts})
    weeks = sorted({k[1] for k in counts})

    values: dict[tuple, int] = defaultdict(int)
    for (site, start, choice), n in counts.items():
        values[("site", site, choice)] += n
        values[("week", start, choice)] += n
    for choice in choices:
        values[("choice", choice)] = sum(n for k, n in counts.items() if k[2] == choice)
    for site in sites:
        values[("site", site)] = sum(n for k, n in counts.items() if k[0] == site)
    for start in weeks:
        values[("week", start)] = sum(n for k, n in counts.items() if k[1] == start)
    values[("all",)] = total
    for site in sites:  # fill the grids so every cell is a value, zeros included
        for choice in choices:
            values[("site", site, choice)] += 0
    for start in weeks:
        for choice in choices:
            values[("week", start, choice)] += 0
    sums = [
        (("all",), [("choice", c) for c in choices]),
        (("all",), [("site", s) for s in sites]),
        (("all",), [("week", w) for w in weeks]),
        *[(("choice", c), [("site", s, c) for s in sites]) for c in choices],
        *[(("choice", c), [("week", w, c) for w in weeks]) for c in choices],
        *[(("site", s), [("site", s, c) for c in choices]) for s in sites],
        *[(("week", w), [("week", w, c) for c in choices]) for w in weeks],
    ]
    shown = disclosure.protect_linked(dict(values), sums)

    names = site_names(session)
    choice_table = Table(
        ("Answer", "Women", "% of those who answered"),
        tuple(
            (
                labels[c],
                shown[("choice", c)],
                _pct(values[("choice", c)], total, shown[("choice", c)]),
            )
            for c in choices
        ),
    )
    columns = tuple(labels[c] for c in choices)
    site_table = Table(
        ("Site", "Answered", *columns),
        tuple(
            (
                names.get(s, f"Site {s}"),
                shown[("site", s)],
                *(shown[("site", s, c)] for c in choices),
            )
            for s in sites
        ),
    )
    week_table = Table(
        ("Week starting", "Answered", *columns),
        tuple((w, shown[("week", w)], *(shown[("week", w, c)] for c in choices)) for w in weeks),
    )
    words = _words(session, conditions)
    headlines = (
        Headline("Answered", shown[("all",)]),
        Headline("Wrote something", words.headline),
        Headline(
            "Words that read positive",
            _pct(words.positive, words.total, words.positive_shown),
            "%",
            "Share of written answers whose words read as positive (see README for accuracy).",
        ),
    )
    return Results(
        consultation=row,
        responses=total,
        headlines=headlines,
        tables={
            "choices": choice_table,
            "sites": site_table,
            "weeks": week_table,
            "sentiment": words.sentiment,
            "themes": words.themes(theme_labels(session)),
        },
        comments=words.comments,
        actions=linked,
    )


@dataclass(frozen=True)
class _Words:
    """Readings of a consultation's free-text answers, protected."""

    total: int
    positive: int
    positive_shown: object
    headline: object
    sentiment: Table
    theme_counts: dict[str, object]
    comments: tuple[str, ...]

    def themes(self, labels: dict[str, str]) -> Table:
        """Themes its words touch, most first (each answer may touch several)."""
        ordered = sorted(
            self.theme_counts.items(),
            key=lambda kv: (isinstance(kv[1], str), -(kv[1] if isinstance(kv[1], int) else 0)),
        )
        return Table(("Theme", "Answers"), tuple((labels.get(t, t), n) for t, n in ordered))


def _words(session: Session, conditions: list) -> _Words:
    """Sentiment and themes of the words written to a consultation, and the words."""
    base = (
        select(Answer.id)
        .join(ConsultationResponse, ConsultationResponse.answer_id == Answer.id)
        .join(Submission, Submission.id == ConsultationResponse.submission_id)
        .where(*conditions)
    )
    labels = {
        label or "unknown": int(n)
        for label, n in session.execute(
            select(Answer.sentiment_label, func.count())
            .where(Answer.id.in_(base))
            .group_by(Answer.sentiment_label)
        )
    }
    total = sum(labels.values())
    feelings = {k: labels.get(k, 0) for k in ("positive", "neutral", "negative")}
    shown = disclosure.protect(feelings, total)
    sentiment = Table(
        ("Words read as", "Answers", "% of written answers"),
        tuple(
            (k, shown[k], _pct(feelings[k], total, shown[k]))
            for k in ("positive", "neutral", "negative")
        )
        if total
        else (),
    )
    themes = dict(
        session.execute(
            select(AnswerTheme.theme, func.count())
            .where(AnswerTheme.answer_id.in_(base))
            .group_by(AnswerTheme.theme)
        ).all()
    )
    # Each answer can touch several themes: no total to protect against, only small counts.
    theme_counts = disclosure.protect({t: int(n) for t, n in themes.items()})
    comments = tuple(
        session.scalars(
            select(Answer.text)
            .where(Answer.id.in_(base), Answer.text.is_not(None))
            .order_by(Answer.id.desc())
            .limit(MAX_COMMENTS)
        )
    )
    return _Words(
        total=total,
        positive=feelings["positive"],
        positive_shown=shown.get("positive", 0),
        headline=disclosure.suppress(total),
        sentiment=sentiment,
        theme_counts=theme_counts,
        comments=comments,
    )
