"""What the staff dashboards show: aggregated in SQL from the daily rollups, then protected.

Every function here returns display-ready values with disclosure control applied
(analysis/disclosure.py): a page can draw them as they are, and so can a download.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import Date, and_, case, cast, exists, func, literal_column, or_, select
from sqlalchemy.orm import Session

from analysis import disclosure
from db import themes as db_themes
from db.models import (
    DAYS,
    Answer,
    DailyProvisionStats,
    DailySiteStats,
    DailySlotStats,
    DailyThemeStats,
    Provision,
    Service,
    Setting,
    Site,
    Submission,
    SubmissionService,
    TimeSlot,
)
from db.service_day import service_date_now

NO_SITE = 0
ALL_SERVICES = 0  # the rollups' service_key for every submission (db/rollups.py)
DATA_EPOCH_KEY = "data_epoch"
NO_SITE_LABEL = "No site given"
Shown = int | str
# The rating is stored on the Friends and Family Test scale (1 very good ... 5 very poor);
# the dashboards turn it round so that a higher number reads better.
RATING_LABEL = "Average rating (5 = very good)"
RATING_HELP = "Out of 5: 1 very poor, 2 poor, 3 neither, 4 good, 5 very good. Higher is better."
COVERS = "Covers"  # the column saying whether a period is whole, partial or so far


@dataclass(frozen=True)
class Filters:
    """The date range (inclusive), sites (empty = all; 0 = no site given), period and service.

    `service_key` 0 means every submission; a service id means only submissions that
    said they used that service.
    """

    start: dt.date
    end: dt.date
    site_keys: tuple[int, ...] = ()
    granularity: str = "week"  # or "month"
    service_key: int = ALL_SERVICES


@dataclass(frozen=True)
class Table:
    """A display-ready table: column names and rows of shown values."""

    columns: tuple[str, ...]
    rows: tuple[tuple, ...] = ()

    def column(self, name: str) -> list:
        """The values of one column."""
        index = self.columns.index(name)
        return [row[index] for row in self.rows]


@dataclass(frozen=True)
class Headline:
    """One big number on a dashboard."""

    label: str
    value: Shown | None
    unit: str = ""
    help: str = ""


@dataclass(frozen=True)
class View:
    """Everything one dashboard draws: headline numbers and tables."""

    empty: bool
    headlines: tuple[Headline, ...] = ()
    tables: dict[str, Table] = field(default_factory=dict)


def _pct(part: int, whole: int) -> float | None:
    """A protected percentage, rounded to one decimal place."""
    value = disclosure.share(part, whole)
    return None if value is None else round(value, 1)


def _avg(total: float, n: int, digits: int = 2) -> float | None:
    """A protected mean, rounded."""
    value = disclosure.mean(total, n)
    return None if value is None else round(value, digits)


def period_start(session: Session, column, granularity: str):  # type: ignore[no-untyped-def]
    """SQL for the Monday of the week, or the first of the month, of a date column."""
    if session.get_bind().dialect.name == "postgresql":
        unit = "month" if granularity == "month" else "week"
        return cast(func.date_trunc(unit, column), Date)
    if granularity == "month":
        return func.strftime("%Y-%m-01", column)
    return func.date(column, literal_column("'weekday 0'"), literal_column("'-6 days'"))


def _as_date(value: dt.date | str) -> dt.date:
    """SQLite returns period starts as text."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def period_end(start: dt.date, granularity: str) -> dt.date:
    """The last day of the week (Sunday) or month that begins on start."""
    if granularity == "month":
        following = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    return start + dt.timedelta(days=6)


def period_cover(start: dt.date, filters: Filters, today: dt.date | None = None) -> str:
    """Whether the chosen dates hold the whole period: "whole week", "so far" or "partial".

    The current period is "so far" (it is still going on); a period the date range cuts
    is "partial", so a short month is not read as a collapse.
    """
    unit = "month" if filters.granularity == "month" else "week"
    end = period_end(start, filters.granularity)
    today = today or service_date_now()
    if start <= today <= end and filters.end >= today:
        return f"{unit} so far (to {today:%d %b})"
    if start < filters.start or end > filters.end:
        first, last = max(start, filters.start), min(end, filters.end)
        return f"partial {unit} ({first:%d %b}–{last:%d %b})"
    return f"whole {unit}"


def comment_conditions(filters: Filters) -> list:
    """What a comment is, in every count and list: a written answer (to any of her
    questions) whose words are still held, in the filters' dates, sites and service.

    Conditions over Answer joined to Submission; the Overview's counts and the Comments
    page's list both start from these, so the two always agree.
    """
    conditions = [
        Submission.service_date >= filters.start,
        Submission.service_date <= filters.end,
        Answer.text.is_not(None),
        Answer.text != "",
    ]
    if filters.site_keys:
        keys = [k for k in filters.site_keys if k != NO_SITE]
        site_conditions = [Submission.site_id.in_(keys)] if keys else []
        if NO_SITE in filters.site_keys:
            site_conditions.append(Submission.site_id.is_(None))
        conditions.append(or_(*site_conditions))
    if filters.service_key:
        conditions.append(
            exists()
            .where(
                and_(
                    SubmissionService.submission_id == Submission.id,
                    SubmissionService.service_id == filters.service_key,
                )
            )
            .correlate(Submission)
        )
    return conditions


def comment_counts(session: Session, filters: Filters, by=None) -> dict:  # type: ignore[no-untyped-def]
    """Comments (comment_conditions), those reading positive, and their summed sentiment
    score, per value of `by` (a SQL expression over Submission; None: one total under None).

    Counted in SQL; exact, for the caller to protect.
    """
    key = by if by is not None else literal_column("NULL")
    query = (
        select(
            key,
            func.count(),
            func.sum(case((Answer.sentiment_label == "positive", 1), else_=0)),
            func.coalesce(func.sum(Answer.sentiment_score), 0.0),
        )
        .select_from(Answer)
        .join(Submission, Submission.id == Answer.submission_id)
        .where(*comment_conditions(filters))
    )
    if by is not None:
        query = query.group_by(by)
    return {
        k: (int(n), int(positive or 0), float(score or 0.0))
        for k, n, positive, score in session.execute(query)
    }


def _where(model, filters: Filters) -> list:  # type: ignore[no-untyped-def]
    """Service, date range and site conditions for a rollup table."""
    conditions = [
        model.service_key == filters.service_key,
        model.service_date >= filters.start,
        model.service_date <= filters.end,
    ]
    if filters.site_keys:
        conditions.append(model.site_key.in_(filters.site_keys))
    return conditions


def site_names(session: Session) -> dict[int, str]:
    """site_key -> name, including retired sites and "no site given"."""
    names = {NO_SITE: NO_SITE_LABEL}
    names.update(
        [tuple(r) for r in session.execute(select(Site.id, Site.name).order_by(Site.sort_order))]
    )
    return names


def service_names(session: Session) -> dict[int, str]:
    """service_key -> label for the service filter: active services, then retired ones."""
    rows = session.execute(
        select(Service.id, Service.label, Service.active).order_by(
            Service.active.desc(), Service.sort_order, Service.id
        )
    )
    return {int(i): label if active else f"{label} (retired)" for i, label, active in rows}


def data_version(session: Session) -> tuple[int, str]:
    """Changes whenever a submission arrives or stored readings change, so caches refresh.

    Ids are random (SPEC §2.1), so the newest is not the largest: the count changes instead.
    """
    newest = session.scalar(select(func.count()).select_from(Submission)) or 0
    epoch = session.scalar(select(Setting.value).where(Setting.key == DATA_EPOCH_KEY)) or ""
    return int(newest), epoch


def bump_data_version(session: Session) -> None:
    """Tell cached dashboards that stored readings changed (after re-analysis or edits)."""
    row = session.get(Setting, DATA_EPOCH_KEY)
    stamp = dt.datetime.now(dt.UTC).isoformat()
    if row is None:
        session.add(Setting(key=DATA_EPOCH_KEY, value=stamp))
    else:
        row.value = stamp


def date_bounds(session: Session) -> tuple[dt.date, dt.date] | None:
    """The first and last service dates with any feedback."""
    first, last = session.execute(
        select(func.min(DailySiteStats.service_date), func.max(DailySiteStats.service_date)).where(
            DailySiteStats.service_key == ALL_SERVICES
        )
    ).one()
    if first is None:
        return None
    return _as_date(first), _as_date(last)


# --- Overview ---------------------------------------------------------------------------


def overview(session: Session, filters: Filters) -> View:
    """Responses, % positive, rating and comment-sentiment trends, and a by-site table."""
    s = DailySiteStats
    totals = session.execute(
        select(
            func.coalesce(func.sum(s.responses), 0),
            func.coalesce(func.sum(s.rated), 0),
            func.coalesce(func.sum(s.rating_sum), 0),
            func.coalesce(func.sum(s.positive), 0),
            func.coalesce(func.sum(s.neutral), 0),
            func.coalesce(func.sum(s.negative), 0),
        ).where(*_where(s, filters))
    ).one()
    responses, rated, rating_sum, positive, neutral, negative = (int(v) for v in totals)
    if responses == 0:
        return View(empty=True)

    comments, comments_positive, _ = comment_counts(session, filters)[None]

    headlines = (
        Headline("Responses", disclosure.suppress(responses)),
        Headline(
            "Good or very good",
            _pct(positive, rated),
            "%",
            "Share of those who rated tonight who chose good or very good.",
        ),
        Headline(RATING_LABEL, _avg(6 * rated - rating_sum, rated, 1), " / 5", RATING_HELP),
        Headline("Comments", disclosure.suppress(comments)),
        Headline(
            "Positive comments",
            _pct(comments_positive, comments),
            "%",
            "Share of comments (any written answer) whose words read as positive "
            "(see README for accuracy).",
        ),
    )

    ratings = {
        "Good or very good": positive,
        "Neither": neutral,
        "Poor or very poor": negative,
        "Not said": responses - rated,
    }
    return View(
        empty=False,
        headlines=headlines,
        tables={
            "trend": _overview_trend(session, filters, responses),
            "sites": _overview_sites(session, filters, responses),
            "ratings": Table(
                ("Rating", "Responses"), tuple(disclosure.protect(ratings, responses).items())
            ),
        },
    )


def _overview_trend(session: Session, filters: Filters, responses: int) -> Table:
    """Per week or month: responses, % positive, average rating, comment sentiment."""
    s = DailySiteStats
    period = period_start(session, s.service_date, filters.granularity)
    rows = session.execute(
        select(
            period.label("period"),
            func.sum(s.responses),
            func.sum(s.rated),
            func.sum(s.rating_sum),
            func.sum(s.positive),
        )
        .where(*_where(s, filters))
        .group_by(period)
        .order_by(period)
    ).all()
    text = {
        _as_date(p): value
        for p, value in comment_counts(
            session, filters, period_start(session, Submission.service_date, filters.granularity)
        ).items()
    }
    counts = {_as_date(p): int(n) for p, n, *_ in rows}
    shown = disclosure.protect(counts, responses)
    comment_totals = {p: v[0] for p, v in text.items()}
    shown_comments = disclosure.protect(comment_totals, sum(comment_totals.values()))
    table = []
    for p, _n, rated, rating_sum, positive in rows:
        day = _as_date(p)
        n_text, text_positive, score = text.get(day, (0, 0, 0.0))
        table.append(
            (
                day,
                period_cover(day, filters),
                shown[day],
                _pct(int(positive), int(rated)),
                _avg(6 * int(rated) - float(rating_sum), int(rated), 1),
                shown_comments.get(day, 0),
                _pct(text_positive, n_text),
                _avg(score, n_text),
            )
        )
    return Table(
        (
            "Period starting",
            COVERS,
            "Responses",
            "% good or very good",
            RATING_LABEL,
            "Comments",
            "% comments positive",
            "Average comment sentiment",
        ),
        tuple(table),
    )


def _overview_sites(session: Session, filters: Filters, responses: int) -> Table:
    """Per site: responses, % positive, average rating, comments and their sentiment."""
    s = DailySiteStats
    names = site_names(session)
    rows = session.execute(
        select(
            s.site_key,
            func.sum(s.responses),
            func.sum(s.rated),
            func.sum(s.rating_sum),
            func.sum(s.positive),
        )
        .where(*_where(s, filters))
        .group_by(s.site_key)
    ).all()
    text = {
        int(key): value
        for key, value in comment_counts(
            session, filters, func.coalesce(Submission.site_id, NO_SITE)
        ).items()
    }
    shown = disclosure.protect({k: int(n) for k, n, *_ in rows}, responses)
    comment_totals = {k: v[0] for k, v in text.items()}
    shown_comments = disclosure.protect(comment_totals, sum(comment_totals.values()))
    table = [
        (
            names.get(key, f"Site {key}"),
            shown[key],
            _pct(int(positive), int(rated)),
            _avg(6 * int(rated) - float(rating_sum), int(rated), 1),
            shown_comments.get(key, 0),
            _pct(text.get(key, (0, 0, 0.0))[1], text.get(key, (0, 0, 0.0))[0]),
        )
        for key, n, rated, rating_sum, positive in sorted(rows, key=lambda r: -int(r[1]))
    ]
    return Table(
        (
            "Site",
            "Responses",
            "% good or very good",
            RATING_LABEL,
            "Comments",
            "% comments positive",
        ),
        tuple(table),
    )


# --- Provisions ----------------------------------------------------------------------------


def provisions(session: Session, filters: Filters) -> View:
    """What is asked for most, its trend, and by site."""
    responses = _responses(session, filters)
    if responses == 0:
        return View(empty=True)
    p = DailyProvisionStats
    labels = {pid: label for pid, label in session.execute(select(Provision.id, Provision.label))}
    totals = {
        int(pid): int(n)
        for pid, n in session.execute(
            select(p.provision_id, func.sum(p.requests))
            .where(*_where(p, filters))
            .group_by(p.provision_id)
        )
    }
    ranking = sorted(totals.items(), key=lambda kv: (-kv[1], labels.get(kv[0], "")))
    ranking_table = Table(
        ("Provision", "Asked for by", "% of responses"),
        tuple(
            (labels.get(pid, f"#{pid}"), disclosure.suppress(n), _pct(n, responses))
            for pid, n in ranking
        ),
    )
    period = period_start(session, p.service_date, filters.granularity)
    by_period: dict[int, dict[dt.date, int]] = defaultdict(dict)
    for pid, start, n in session.execute(
        select(p.provision_id, period, func.sum(p.requests))
        .where(*_where(p, filters))
        .group_by(p.provision_id, period)
    ):
        by_period[int(pid)][_as_date(start)] = int(n)
    trend_rows = []
    for pid, total in ranking:
        shown = disclosure.protect(by_period[pid], total)
        trend_rows.extend(
            (start, period_cover(start, filters), labels.get(pid, f"#{pid}"), shown[start])
            for start in sorted(shown)
        )
    names = site_names(session)
    by_site: dict[int, dict[int, int]] = defaultdict(dict)
    for pid, key, n in session.execute(
        select(p.provision_id, p.site_key, func.sum(p.requests))
        .where(*_where(p, filters))
        .group_by(p.provision_id, p.site_key)
    ):
        by_site[int(pid)][int(key)] = int(n)
    site_rows = []
    for pid, total in ranking:
        shown = disclosure.protect(by_site[pid], total)
        site_rows.extend(
            (labels.get(pid, f"#{pid}"), names.get(key, f"Site {key}"), shown[key])
            for key in sorted(shown)
        )
    return View(
        empty=False,
        headlines=(Headline("Responses", disclosure.suppress(responses)),),
        tables={
            "ranking": ranking_table,
            "trend": Table(
                ("Period starting", COVERS, "Provision", "Asked for by"), tuple(trend_rows)
            ),
            "sites": Table(("Provision", "Site", "Asked for by"), tuple(site_rows)),
        },
    )


def _responses(session: Session, filters: Filters) -> int:
    """How many responses match the filters."""
    s = DailySiteStats
    return int(
        session.scalar(select(func.coalesce(func.sum(s.responses), 0)).where(*_where(s, filters)))
    )


# --- Times ---------------------------------------------------------------------------------


def times(session: Session, filters: Filters) -> View:
    """Day x time-slot counts of when women said the service suits them; and by site."""
    responses = _responses(session, filters)
    if responses == 0:
        return View(empty=True)
    t = DailySlotStats
    slots = list(session.execute(select(TimeSlot.id, TimeSlot.label).order_by(TimeSlot.sort_order)))
    cells: dict[tuple[int, int], int] = {
        (int(day), int(slot)): int(n)
        for day, slot, n in session.execute(
            select(t.day, t.slot_id, func.sum(t.choices))
            .where(*_where(t, filters))
            .group_by(t.day, t.slot_id)
        )
    }
    # Each cell counts women; cells do not add up to a shown total (several choices each).
    shown = disclosure.protect(cells)
    grid = tuple(
        (DAYS[day].title(), *[shown.get((day, slot_id), 0) for slot_id, _ in slots])
        for day in range(7)
    )
    names = site_names(session)
    per_site: dict[tuple[int, int], dict[int, int]] = defaultdict(dict)
    for key, day, slot, n in session.execute(
        select(t.site_key, t.day, t.slot_id, func.sum(t.choices))
        .where(*_where(t, filters))
        .group_by(t.site_key, t.day, t.slot_id)
    ):
        per_site[(int(day), int(slot))][int(key)] = int(n)
    slot_labels = dict(slots)
    site_rows = []
    for (day, slot), counts in sorted(per_site.items()):
        protected = disclosure.protect(counts, cells[(day, slot)])
        site_rows.extend(
            (
                names.get(key, f"Site {key}"),
                DAYS[day].title(),
                slot_labels.get(slot, f"#{slot}"),
                protected[key],
            )
            for key in sorted(protected)
        )
    return View(
        empty=False,
        headlines=(Headline("Responses", disclosure.suppress(responses)),),
        tables={
            "heatmap": Table(("Day", *[label for _, label in slots]), grid),
            "sites": Table(("Site", "Day", "Time", "Chosen by"), tuple(site_rows)),
        },
    )


# --- Themes --------------------------------------------------------------------------------


def theme_labels(session: Session) -> dict[str, str]:
    """Theme slug -> label, as the admins have named them."""
    return db_themes.labels(session)


def themes(session: Session, filters: Filters) -> View:
    """Theme counts, sentiment per theme, and trend."""
    h = DailyThemeStats
    rows = session.execute(
        select(
            h.theme,
            func.sum(h.answers),
            func.sum(h.positive),
            func.sum(h.neutral),
            func.sum(h.negative),
            func.sum(h.score_sum),
        )
        .where(*_where(h, filters))
        .group_by(h.theme)
    ).all()
    if not rows:
        return View(empty=True)
    labels = theme_labels(session)
    ordered = sorted(rows, key=lambda r: -int(r[1]))

    def split(n: int, pos: int, neu: int, neg: int) -> tuple[float | None, float | None]:
        """% positive and % negative, hidden together where either would give a small count
        away (neutral is 100 minus the two)."""
        pct = disclosure.shares({"pos": pos, "neu": neu, "neg": neg}, n)
        return tuple(None if pct[k] is None else round(pct[k], 1) for k in ("pos", "neg"))

    counts_table = Table(
        ("Theme", "Comments", "% positive", "% negative", "Average sentiment"),
        tuple(
            (
                labels.get(theme, theme),
                disclosure.suppress(int(n)),
                *split(int(n), int(pos), int(neu), int(neg)),
                _avg(float(score), int(n)),
            )
            for theme, n, pos, neu, neg, score in ordered
        ),
    )
    period = period_start(session, h.service_date, filters.granularity)
    series: dict[str, dict[dt.date, int]] = defaultdict(dict)
    for theme, start, n in session.execute(
        select(h.theme, period, func.sum(h.answers))
        .where(*_where(h, filters))
        .group_by(h.theme, period)
    ):
        series[theme][_as_date(start)] = int(n)
    trend_rows = []
    for theme, n, *_ in ordered:
        shown = disclosure.protect(series[theme], int(n))
        trend_rows.extend(
            (start, period_cover(start, filters), labels.get(theme, theme), shown[start])
            for start in sorted(shown)
        )
    return View(
        empty=False,
        tables={
            "themes": counts_table,
            "trend": Table(("Period starting", COVERS, "Theme", "Comments"), tuple(trend_rows)),
        },
    )


def slugs_for_labels(session: Session, labels: Sequence[str]) -> list[str]:
    """Theme slugs for display labels (for click-through from a table)."""
    inverse = {label: slug for slug, label in theme_labels(session).items()}
    return [inverse[label] for label in labels if label in inverse]
