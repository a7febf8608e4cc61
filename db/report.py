"""The monthly forum pack: safe figures, charts, changes made and quotable words (SPEC §5).

Figures come from the dashboard views (db/dashboard.py), which apply disclosure control
to exact counts: 1 to threshold-1 hidden, more hidden where a total would give them
away, percentages hidden when they rest on too few. The pack then rounds every shown
count to the nearest 5, so totals are worked out before rounding. Words are quoted only
where a co-ordinator reviewed the comment and marked it publishable.

PDF by fpdf2 and charts by matplotlib (Agg): pure Python, offline, no browser.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib
import numpy as np
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap, Normalize
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis import disclosure
from db import actions, consultation_results, consultations, dashboard
from db.comments import QUESTION_LABELS
from db.dashboard import Filters, Headline, Table
from db.exports import csv_bytes
from db.models import Answer, CommentReview, Site, Submission
from db.private_files import make_private_folder, write_private_file

MAX_QUOTES = 5
# Page 1, the summary: how many of each it names (the detail pages list them all).
SUMMARY_PROVISIONS, SUMMARY_TIMES, SUMMARY_CHANGES, SUMMARY_NEXT = 3, 2, 5, 4
NEXT_MONTHS = 3  # "what is next" looks this many months past the pack's month
SUMMARY_TEXT_CHARS = 80  # a name or title on page 1 is cut here (the detail has it whole)
HIDDEN_SHARE = "*"  # a percentage or average hidden because it rests on too few people
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
# Okabe–Ito colours: distinguishable with the common forms of colour blindness.
THIS_MONTH_COLOUR, LAST_MONTH_COLOUR, HEAT_COLOURS = "#0072B2", "#E69F00", "Blues"
# A hidden count (1 to threshold-1) is drawn grey and hatched, never white like a 0.
HIDDEN_FILL, HIDDEN_HATCH, HIDDEN_TEXT = "#D9D9D9", "#6E6E6E", "#333333"
DAY_NAMES = {
    "Mon": "Monday",
    "Tue": "Tuesday",
    "Wed": "Wednesday",
    "Thu": "Thursday",
    "Fri": "Friday",
    "Sat": "Saturday",
    "Sun": "Sunday",
}

TITLES = {
    "headlines": "Headline figures",
    "sites": "By site",
    "ratings": "How the night was rated",
    "provisions": "What women asked for more of",
    "times": "When women said the service suits them",
    "themes": "What the comments were about, and the change from last month",
    "consultations": "What we asked: consultations that closed this month",
    "actions": "What we changed (You said, we did)",
    "next": "What is next",
    "quotes": "In her words",
}
# Dashboard headline label -> the pack's label (db/dashboard.overview names them).
HEADLINES = {
    "Responses": "Responses",
    "Good or very good": "% rated good or very good",
    "Comments": "Comments",
    "Positive comments": "% of comments that read positive",
}


def _day(day: dt.date) -> str:
    """'3 March 2026'."""
    return f"{day.day} {day:%B %Y}"


class ReportError(ValueError):
    """The pack cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class Summary:
    """Page 1: the month in a minute, from the same protected, rounded numbers as the detail.

    Only counts the detail shows as numbers (rounded to 5) are named; a hidden count is
    left out rather than written as "<8", and her words are never in it.
    """

    figures: tuple[tuple[str, str], ...]  # headline label, as printed
    asked_most: tuple[tuple[str, int], ...]  # provision, women (rounded)
    times_most: tuple[tuple[str, int], ...]  # "Friday, 9pm–midnight", women (rounded)
    changed: tuple[tuple[dt.date, str], ...]  # date, what changed
    more_changed: bool  # more changes than page 1 names
    coming: tuple[tuple[str, str, str], ...]  # when, what, what kind of thing
    more_coming: bool


@dataclass(frozen=True)
class ForumPack:
    """Everything in one month's pack, disclosure control applied and counts rounded."""

    month: dt.date
    end: dt.date
    site_slug: str | None
    sites: tuple[str, ...]  # the one site asked for, or the sites feedback came from
    threshold: int
    empty: bool
    headlines: tuple[Headline, ...]
    tables: dict[str, Table] = field(default_factory=dict)

    @property
    def period(self) -> str:
        """'March 2026'."""
        return f"{self.month:%B %Y}"

    @property
    def stem(self) -> str:
        """The start of every file name in the pack."""
        suffix = f"-{self.site_slug}" if self.site_slug else ""
        return f"lantern-forum-pack-{self.month:%Y-%m}{suffix}"

    def summary(self) -> Summary:
        """Page 1, read from the pack's own protected tables (never from raw counts)."""
        n = self.threshold
        figures = tuple((h.label, _summary_figure(h.value, n)) for h in self.headlines)
        provisions = self.tables.get("provisions")
        asked = [(str(row[0]), row[1]) for row in provisions.rows] if provisions else []
        times = self.tables.get("times")
        wanted = []
        if times is not None:
            for row in times.rows:
                day = DAY_NAMES.get(str(row[0]), str(row[0]))
                wanted.extend(
                    (f"{day}, {slot}", value)
                    for slot, value in zip(times.columns[1:], row[1:], strict=False)
                )
        changes = self.tables.get("actions", Table(("Date", "What changed")))
        coming = self.tables.get("next", Table(("When", "What", "About", "Where")))
        return Summary(
            figures=figures,
            asked_most=_largest(asked)[:SUMMARY_PROVISIONS],
            times_most=_largest(wanted)[:SUMMARY_TIMES],
            changed=tuple((row[0], str(row[1])) for row in changes.rows[:SUMMARY_CHANGES]),
            more_changed=len(changes.rows) > SUMMARY_CHANGES,
            coming=tuple((str(r[0]), str(r[1]), str(r[2])) for r in coming.rows[:SUMMARY_NEXT]),
            more_coming=len(coming.rows) > SUMMARY_NEXT,
        )

    def method(self) -> list[tuple[str, str]]:
        """The note on method printed in the pack, in plain words: (heading, paragraph)."""
        n = self.threshold
        hidden = disclosure.hidden(n)
        notes = [
            (
                "What the numbers are",
                "Women who use the service gave this feedback anonymously on the service's "
                "tablet, on their own or with a worker's help, between "
                f"{_day(self.month)} and {_day(self.end)}. Nobody is asked her name, and no "
                "name, phone number or other identity is stored: only the day (not the time) "
                "and the site. The counts are of responses, not of different women: a woman "
                "who gave feedback on two nights is counted each time.",
            ),
            (
                "How small numbers are protected",
                f"A count of 1 to {n - 1} could point to one woman, so it is never shown: it "
                f'appears as "{hidden}". Where a table shows a total, another count is hidden '
                "too when the hidden one could otherwise be worked out by subtraction "
                "(secondary suppression). Every "
                "other count in this pack is rounded to the nearest 5 (22 is shown as 20). A "
                f"percentage or average is shown only when it rests on {n} or more people; "
                f'otherwise it appears as "{HIDDEN_SHARE}". A 0 means nobody. In the charts a '
                f'hidden count is marked "{hidden}" (grey and hatched in the time grid) and is '
                "never drawn as a 0.",
            ),
            (
                "Why totals may not add up",
                "Totals and percentages are worked out from the exact numbers before anything "
                "is rounded or hidden, so the parts of a table may not add up to its total, "
                "and a figure here may differ a little from the same figure on the service's "
                "own screens. Small differences mean nothing.",
            ),
            (
                "Readings of the comments",
                "Whether a comment reads positive, neutral or negative, and which themes it "
                "touches, is read automatically by software, not by a person. It was tested "
                "against comments that people had labelled: it agrees with them most of the "
                "time but not always, and real comments can be harder to read than the test "
                "ones. Treat these figures as a guide to how things are moving, not as exact "
                "measures.",
            ),
            (
                "Her words",
                "Comments are quoted only where a co-ordinator has read them and marked them "
                "as safe to quote, and never a comment that raised a safeguarding concern. "
                "Names and other identifying details were removed before anything was "
                "stored, and quotes carry no date or site.",
            ),
            (
                "Not a reporting channel",
                "This feedback is not a way to report a crime or to ask for help, and the "
                "tablet tells women so: it asks them to talk to the team on the night. "
                "Comments are read later, not watched as they arrive. A comment that suggests "
                "a woman may be at risk goes to a co-ordinator, who follows the service's "
                "safeguarding procedures.",
            ),
        ]
        if "consultations" in self.tables:
            notes.append(
                (
                    "Consultations",
                    "While each question was open the tablet asked it as one extra, optional "
                    "step; the figures count the women who chose to answer it, with the same "
                    "protection and rounding.",
                )
            )
        return notes


def _summary_figure(value: object, threshold: int) -> str:
    """A headline as page 1 prints it: whole percentages, hidden values in words."""
    if value == HIDDEN_SHARE or value is None:
        return f"not shown (fewer than {threshold} people)"
    if isinstance(value, float):
        return f"{int(value + 0.5)}%"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _largest(items: list[tuple[str, object]]) -> tuple[tuple[str, int], ...]:
    """Items whose shown count is a number above 0 (never a hidden one), largest first.

    Ties keep the order they came in (the detail table's), so the summary tells nothing
    the detail does not.
    """
    shown = [
        (label, value)
        for label, value in items
        if isinstance(value, int) and not isinstance(value, bool) and value > 0
    ]
    return tuple(sorted(shown, key=lambda item: -item[1]))


def parse_month(value: str, today: dt.date | None = None) -> dt.date:
    """'2026-03' -> 1 March 2026; ReportError for anything else or a month not yet begun."""
    match = MONTH_PATTERN.match((value or "").strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ReportError(f"month must look like 2026-03 (year-month), not {value!r}")
    month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    if month > (today or dt.date.today()):
        raise ReportError(f"{value} has not started yet, so there is nothing to report")
    return month


def month_end(month: dt.date) -> dt.date:
    """The last day of the month that starts on `month`."""
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def site_choices(session: Session) -> dict[str, str]:
    """Every site (retired ones too, for past months): slug -> name."""
    rows = session.execute(select(Site.slug, Site.name).order_by(Site.sort_order, Site.id))
    return dict(rows.all())


def _site(session: Session, slug: str) -> tuple[int, str]:
    """The id and name of the site with this slug; ReportError naming the known ones."""
    row = session.execute(select(Site.id, Site.name).where(Site.slug == slug)).first()
    if row is None:
        known = ", ".join(site_choices(session)) or "none"
        raise ReportError(f"unknown site {slug!r}; the sites are: {known}")
    return int(row[0]), str(row[1])


def for_pack(value: object) -> object:
    """A shown value as the pack prints it: counts rounded to 5, hidden shares starred."""
    if value is None:
        return HIDDEN_SHARE
    if isinstance(value, int) and not isinstance(value, bool):
        return disclosure.round_for_export(value)
    return value


def _rounded(table: Table) -> Table:
    """A protected dashboard table with every count rounded for the pack."""
    return Table(table.columns, tuple(tuple(for_pack(v) for v in row) for row in table.rows))


def _themes_with_trend(current: dashboard.View, previous: dashboard.View) -> Table:
    """This month's themes beside last month's counts, with the direction of change.

    The direction is read from the rounded, shown counts, so it tells nothing finer.
    """
    now = {row[0]: row for row in current.tables["themes"].rows} if not current.empty else {}
    before = (
        {row[0]: for_pack(row[1]) for row in previous.tables["themes"].rows}
        if not previous.empty
        else {}
    )
    rows = []
    for theme in [*now, *(t for t in before if t not in now)]:
        row = now.get(theme)
        count = for_pack(row[1]) if row else 0
        last = before.get(theme, 0)
        if isinstance(count, str) or isinstance(last, str):
            change = "not shown"
        else:
            change = "up" if count > last else "down" if count < last else "about the same"
        shares = [for_pack(v) for v in row[2:4]] if row else [HIDDEN_SHARE, HIDDEN_SHARE]
        rows.append((theme, count, last, change, *shares))
    return Table(
        (
            "Theme",
            "Comments",
            "Comments last month",
            "Change",
            "% positive",
            "% negative",
        ),
        tuple(rows),
    )


def _actions_table(session: Session, start: dt.date, end: dt.date) -> Table:
    """Changes made this month (published or since archived), oldest first."""
    options = actions.link_options(session, include_retired=True)
    return Table(
        ("Date", "What changed", "More detail", "Prompted by"),
        tuple(
            (row.changed_on, row.title, row.description, ", ".join(options.prompted_by(row)))
            for row in actions.taken_between(session, start, end)
        ),
    )


def _months_on(month: dt.date, months: int) -> dt.date:
    """The first day of the month `months` after `month`."""
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _next_table(session: Session, month: dt.date, end: dt.date, site_slug: str | None) -> Table:
    """What comes after the month (up to NEXT_MONTHS months on), soonest first.

    Changes published with a later date, consultations still asking (or about to), and
    consultations that closed this month with no change recorded in answer yet. Drafts
    are not here: a change reaches the forum once a co-ordinator publishes it.
    """
    horizon = month_end(_months_on(month, NEXT_MONTHS))
    after = end + dt.timedelta(days=1)
    found: list[tuple[dt.date, str, str, str, str]] = [
        (
            row.changed_on,
            f"From {_day(row.changed_on)}",
            row.title,
            "A change we have announced",
            "",
        )
        for row in actions.list_actions(session, status="published", start=after, end=horizon)
    ]
    for asked in consultations.list_consultations(session, statuses=("open", "closed", "archived")):
        if asked.opened_at is None or (site_slug and asked.sites and site_slug not in asked.sites):
            continue  # a draft put away unasked, or asked elsewhere
        stops = asked.closed_on or asked.ends_on
        if asked.starts_on <= horizon and stops > end:
            found.append(
                (
                    max(asked.starts_on, after),
                    f"{_day(asked.starts_on)} to {_day(stops)}",
                    asked.question,
                    "A question we will ask women"
                    if asked.starts_on > end
                    else "A question women are being asked",
                    asked.where,
                )
            )
    for asked in consultations.closed_between(session, month, end):
        if site_slug and asked.sites and site_slug not in asked.sites:
            continue
        answered = [
            a for a in actions.list_actions(session, consultation=asked.id) if a.status != "draft"
        ]
        if not answered:
            closed = asked.closed_on or asked.ends_on
            found.append(
                (
                    closed,
                    f"Closed {_day(closed)}",
                    asked.question,
                    "We will say what we do about the answers",
                    asked.where,
                )
            )
    found.sort(key=lambda item: item[0])
    return Table(("When", "What", "About", "Where"), tuple(item[1:] for item in found))


def _consultations_table(
    session: Session, start: dt.date, end: dt.date, site_id: int | None, site_slug: str | None
) -> Table:
    """Consultations that closed in the month (that ran at the site), answer by answer."""
    rows: list[tuple] = []
    for asked in consultations.closed_between(session, start, end):
        if site_slug and asked.sites and site_slug not in asked.sites:
            continue
        found = consultation_results.results(session, asked.id, site_id)
        if found is None:
            continue
        ran = f"{_day(asked.starts_on)} to {_day(asked.closed_on or asked.ends_on)}"
        # Words only: the PDF's font has no emoji, and a forum reads the words anyway.
        words = {c.text: c.label for c in asked.choices}
        changes = "; ".join(a.title for a in found.actions if a.status != "draft")
        lead = (asked.question, ran, asked.where)
        if found.empty:
            rows.append((*lead, "Nobody answered", 0, HIDDEN_SHARE, changes))
            continue
        rows.extend(
            (*lead, words.get(answer, answer), for_pack(women), for_pack(share), "")
            for answer, women, share in found.tables["choices"].rows
        )
        answered = found.headlines[0].value
        rows.append((*lead, "All who answered", for_pack(answered), "", changes))
    return Table(
        ("Question", "Ran", "Where", "Answer", "Women", "% of those who answered", "What we did"),
        tuple(rows),
    )


def _quotes_table(session: Session, start: dt.date, end: dt.date, site_id: int | None) -> Table:
    """Up to MAX_QUOTES comments marked publishable, never a concern; no date or site by them."""
    query = (
        select(Answer.question, Answer.text)
        .join(Submission, Submission.id == Answer.submission_id)
        .join(CommentReview, CommentReview.answer_id == Answer.id)
        .where(
            CommentReview.publishable.is_(True),
            Answer.text.is_not(None),
            actions.no_concern(),
            Submission.service_date >= start,
            Submission.service_date <= end,
        )
        .order_by(Submission.service_date.desc(), Answer.id.desc())
        .limit(MAX_QUOTES)
    )
    if site_id is not None:
        query = query.where(Submission.site_id == site_id)
    return Table(
        ("Question", "In her words"),
        tuple((QUESTION_LABELS.get(q, q), text) for q, text in session.execute(query)),
    )


def build_pack(session: Session, month: dt.date, site_slug: str | None = None) -> ForumPack:
    """Gather one month's pack (for one site, or all), disclosure control applied."""
    month = month.replace(day=1)
    end = month_end(month)
    site_id, site_name = _site(session, site_slug) if site_slug else (None, None)
    keys = (site_id,) if site_id is not None else ()
    chosen = Filters(month, end, keys, "month")
    previous_start = (month - dt.timedelta(days=1)).replace(day=1)
    previous = Filters(previous_start, month - dt.timedelta(days=1), keys, "month")

    overview = dashboard.overview(session, chosen)
    shown = {h.label: h for h in overview.headlines}
    headlines = tuple(
        Headline(pack_label, for_pack(shown[label].value) if label in shown else 0)
        for label, pack_label in HEADLINES.items()
    )
    if overview.empty:
        headlines = (Headline("Responses", 0),)
    tables: dict[str, Table] = {
        "headlines": Table(("Figure", "Value"), tuple((h.label, h.value) for h in headlines))
    }
    if not overview.empty:
        if site_slug is None:
            tables["sites"] = _rounded(overview.tables["sites"])
        tables["ratings"] = _rounded(overview.tables["ratings"])
        tables["provisions"] = _rounded(dashboard.provisions(session, chosen).tables["ranking"])
        tables["times"] = _rounded(dashboard.times(session, chosen).tables["heatmap"])
    themes = _themes_with_trend(
        dashboard.themes(session, chosen), dashboard.themes(session, previous)
    )
    if themes.rows:
        tables["themes"] = themes
    asked = _consultations_table(session, month, end, site_id, site_slug)
    if asked.rows:
        tables["consultations"] = asked
    tables["actions"] = _actions_table(session, month, end)
    tables["next"] = _next_table(session, month, end, site_slug)
    tables["quotes"] = _quotes_table(session, month, end, site_id)

    if site_name:
        sites: tuple[str, ...] = (site_name,)
    elif "sites" in tables:
        sites = tuple(
            str(row[0]) for row in tables["sites"].rows if row[0] != dashboard.NO_SITE_LABEL
        )
    else:
        sites = ()
    return ForumPack(
        month=month,
        end=end,
        site_slug=site_slug,
        sites=sites,
        threshold=disclosure.current_threshold(),
        empty=overview.empty,
        headlines=headlines,
        tables=tables,
    )


# --- Charts --------------------------------------------------------------------------------


def _png(figure: Figure) -> bytes:
    """A figure as PNG bytes (matplotlib's Agg renderer; no display, no network)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight", facecolor="white")
    return buffer.getvalue()


def _number(value: object) -> float | None:
    """A plottable count; hidden ones are left out (they are marked instead)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def value_label(value: object) -> str:
    """What a chart writes by a bar or in a square: the count, "<8" when hidden, "0"."""
    if value is None:
        return HIDDEN_SHARE
    if isinstance(value, str):
        return value
    number = _number(value)
    return f"{int(number):,}" if number is not None else str(value)


def _hidden_words(threshold: int) -> str:
    """'<8: 1 to 7 women, too few to show'."""
    return f"{disclosure.hidden(threshold)}: 1 to {threshold - 1} women, too few to show"


def _mark_bars(axes: Axes, positions: list[float], values: list[object], top: float) -> None:
    """Write each bar's count at its end; a hidden count gets its mark and no bar."""
    for y, value in zip(positions, values, strict=True):
        number = _number(value)
        if number is None:
            axes.text(
                0,
                y,
                f" {value_label(value)}",
                va="center",
                fontsize=7,
                color=HIDDEN_TEXT,
                fontstyle="italic",
                bbox={"boxstyle": "square,pad=0.1", "facecolor": HIDDEN_FILL, "linewidth": 0},
            )
        else:
            axes.text(number + top * 0.01, y, value_label(value), va="center", fontsize=7)


def bar_figure(title: str, labels: list[str], values: list[object], threshold: int) -> Figure:
    """A horizontal bar chart; a hidden count is marked "<8" and drawn as no bar, not 0."""
    figure = Figure(figsize=(7, 0.35 * len(labels) + 1.2))
    axes = figure.subplots()
    numbers = [_number(v) or 0.0 for v in values]
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, numbers, color=THIS_MONTH_COLOUR)
    top = max(numbers, default=0.0) or 1.0
    _mark_bars(axes, positions, values, top)
    axes.set_xlim(0, top * 1.12)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="x", labelsize=8)
    axes.set_yticks(positions, _labels(labels), fontsize=8)
    axes.set_title(title, fontsize=10, loc="left")
    note = f"; {_hidden_words(threshold)}" if any(_number(v) is None for v in values) else ""
    axes.set_xlabel(f"Women (rounded to the nearest 5){note}", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


@dataclass(frozen=True)
class HeatCell:
    """One square of the time grid as drawn: kind is "count", "hidden" or "none" (0)."""

    row: int
    column: int
    kind: str
    label: str  # written in the square: the count, "<8", or nothing for 0


def heat_cells(table: Table) -> list[HeatCell]:
    """The squares of the day x time grid: a hidden count is never drawn as a 0."""
    cells = []
    for i, row in enumerate(table.rows):
        for j, value in enumerate(row[1:]):
            number = _number(value)
            if number is None:
                cells.append(HeatCell(i, j, "hidden", value_label(value)))
            elif number > 0:
                cells.append(HeatCell(i, j, "count", value_label(value)))
            else:
                cells.append(HeatCell(i, j, "none", ""))
    return cells


def heatmap_figure(table: Table, threshold: int) -> Figure:
    """Day x time slot: blue by how many chose it, grey hatched "<8" when hidden, white for 0."""
    slots = list(table.columns[1:])
    days = [row[0] for row in table.rows]
    cells = heat_cells(table)
    values = np.zeros((len(days), len(slots)))
    shaded = np.zeros((len(days), len(slots)), dtype=bool)
    for cell in cells:
        if cell.kind == "count":
            values[cell.row, cell.column] = _number(table.rows[cell.row][cell.column + 1]) or 0
            shaded[cell.row, cell.column] = True
    top = float(values.max()) or 1.0
    lowest = float(values[shaded].min()) if shaded.any() else 0.0
    # Blues from a visible light blue up, so the smallest shown count is never white; the
    # scale starts at the smallest count shown, since white (not the scale) means nobody.
    colours = ListedColormap(matplotlib.colormaps[HEAT_COLOURS](np.linspace(0.25, 1.0, 256)))
    colours = colours.with_extremes(bad="white")
    figure = Figure(figsize=(7, 3.8))
    axes = figure.subplots()
    image = axes.imshow(
        np.ma.masked_array(values, mask=~shaded),
        cmap=colours,
        norm=Normalize(vmin=lowest if lowest < top else 0.0, vmax=top),
        aspect="auto",
    )
    for cell in cells:
        if cell.kind == "hidden":
            axes.add_patch(
                Rectangle(
                    (cell.column - 0.5, cell.row - 0.5),
                    1,
                    1,
                    facecolor=HIDDEN_FILL,
                    edgecolor=HIDDEN_HATCH,
                    hatch="///",
                    linewidth=0,
                )
            )
            axes.text(
                cell.column,
                cell.row,
                cell.label,
                ha="center",
                va="center",
                fontsize=7,
                color=HIDDEN_TEXT,
                bbox={"boxstyle": "square,pad=0.15", "facecolor": HIDDEN_FILL, "linewidth": 0},
            )
        elif cell.kind == "count":
            value = values[cell.row, cell.column]
            colour = "white" if value > top * 0.6 else "black"
            axes.text(
                cell.column,
                cell.row,
                cell.label,
                ha="center",
                va="center",
                fontsize=7,
                color=colour,
            )
    # Thin lines between the squares, so a white square still reads as a square.
    axes.set_xticks(np.arange(-0.5, len(slots)), minor=True)
    axes.set_yticks(np.arange(-0.5, len(days)), minor=True)
    axes.grid(which="minor", color="#BBBBBB", linewidth=0.6)
    axes.tick_params(which="minor", length=0)
    axes.set_xticks(range(len(slots)), _labels(slots), fontsize=7)
    axes.set_yticks(range(len(days)), _labels(days), fontsize=8)
    axes.set_title("When the service suits women", fontsize=10, loc="left", pad=20)
    axes.legend(
        handles=[
            Patch(facecolor="white", edgecolor="#999999", label="white, empty: nobody"),
            Patch(
                facecolor=HIDDEN_FILL,
                edgecolor=HIDDEN_HATCH,
                hatch="///",
                label=f"grey, hatched, {_hidden_words(threshold)}",
            ),
        ],
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncol=2,
        fontsize=7,
        frameon=False,
        borderaxespad=0.2,
    )
    bar = figure.colorbar(image, ax=axes, shrink=0.8)
    bar.set_label("Women (rounded to 5)", fontsize=7)
    bar.ax.tick_params(labelsize=7)
    bar.ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return figure


def themes_figure(table: Table, threshold: int) -> Figure:
    """This month's and last month's comments per theme, side by side; hidden ones marked."""
    labels = table.column("Theme")
    now_values = table.column("Comments")
    before_values = table.column("Comments last month")
    now = [_number(v) or 0.0 for v in now_values]
    before = [_number(v) or 0.0 for v in before_values]
    figure = Figure(figsize=(7, 0.32 * len(labels) + 1.2))
    axes = figure.subplots()
    positions = list(range(len(labels)))[::-1]
    upper = [p + 0.2 for p in positions]
    lower = [p - 0.2 for p in positions]
    axes.barh(upper, now, height=0.4, color=THIS_MONTH_COLOUR)
    axes.barh(lower, before, height=0.4, color=LAST_MONTH_COLOUR)
    top = max([*now, *before], default=0.0) or 1.0
    _mark_bars(axes, upper, now_values, top)
    _mark_bars(axes, lower, before_values, top)
    axes.set_xlim(0, top * 1.12)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.tick_params(axis="x", labelsize=8)
    axes.set_yticks(positions, _labels(labels), fontsize=8)
    axes.legend(["This month", "Last month"], fontsize=8, loc="lower right")
    axes.set_title("Comments per theme (rounded to 5)", fontsize=10, loc="left")
    if any(_number(v) is None for v in [*now_values, *before_values]):
        axes.set_xlabel(_hidden_words(threshold).replace("women", "comments"), fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def chart_figures(pack: ForumPack) -> dict[str, Figure]:
    """The pack's charts as matplotlib figures, for the sections that have something to draw.

    Labels are staff-typed names: matplotlib would read "$...$" in one as mathematics (and
    fail on "$\\frac$"), so that is switched off, and characters the font lacks are boxed
    here rather than warned about in the log.
    """
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _figures(pack)


def charts(pack: ForumPack) -> dict[str, bytes]:
    """PNG charts for the sections that have something to draw."""
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return {name: _png(figure) for name, figure in _figures(pack).items()}


def _labels(values: list) -> list[str]:
    """Chart labels as the font can draw them."""
    return [printable(str(v)) for v in values]


def _figures(pack: ForumPack) -> dict[str, Figure]:
    """chart_figures() itself."""
    n = pack.threshold
    drawn: dict[str, Figure] = {}
    tables = pack.tables
    if "ratings" in tables and tables["ratings"].rows:
        table = tables["ratings"]
        drawn["ratings"] = bar_figure(
            "How the night was rated", table.column("Rating"), table.column("Responses"), n
        )
    if "provisions" in tables and tables["provisions"].rows:
        table = tables["provisions"]
        drawn["provisions"] = bar_figure(
            "Asked for more of",
            table.column("Provision")[:12],
            table.column("Asked for by")[:12],
            n,
        )
    if "times" in tables and tables["times"].rows:
        drawn["times"] = heatmap_figure(tables["times"], n)
    if "themes" in tables and tables["themes"].rows:
        drawn["themes"] = themes_figure(tables["themes"], n)
    return drawn


CHARTED = {
    "ratings": ("Responses",),
    "provisions": ("Asked for by",),
    "themes": ("Comments", "Comments last month"),
}


def _charted(name: str, table: Table) -> list[object]:
    """The values a bar chart draws from a table (the first 12 rows, as drawn)."""
    return [v for column in CHARTED.get(name, ()) for v in table.column(column)[:12]]


def chart_note(name: str, table: Table, threshold: int) -> str:
    """The plain line printed under a chart saying how to read hidden values and zeros."""
    hidden = disclosure.hidden(threshold)
    if name == "times":
        return (
            "How to read the grid: the darker the blue, the more women chose that time "
            f'(rounded to the nearest 5). A grey, hatched square marked "{hidden}" means 1 '
            f"to {threshold - 1} women, too few to show. A white, empty square means nobody "
            "chose that time. The table below gives every square as a number."
        )
    if any(_number(v) is None for v in _charted(name, table)):
        return (
            f'A bar marked "{hidden}" stands for 1 to {threshold - 1}, too few to show, so no '
            "bar is drawn for it; it is not a 0."
        )
    return ""


# --- PDF, CSV and ZIP ----------------------------------------------------------------------


@functools.cache
def _glyphs() -> frozenset[int]:
    """Code points the embedded font can draw."""
    from fontTools.ttLib import TTFont  # ships with fpdf2

    return frozenset(TTFont(str(FONT_DIR / "DejaVuSans.ttf")).getBestCmap())


def printable(text: str) -> str:
    """Text the font can draw: missing glyphs become a box, control characters go.

    Done here so that fpdf2 never logs the missing characters of a woman's words.
    """
    glyphs = _glyphs()
    out = []
    for ch in str(text):
        if ch in "\n\t":
            out.append(" " if ch == "\t" else ch)
        elif ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0:
            continue
        else:
            out.append(ch if ord(ch) in glyphs else "□")
    return "".join(out)


def _cell(value: object) -> str:
    """One table cell as text."""
    if isinstance(value, dt.date):
        return f"{value:%d %b %Y}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return printable("" if value is None else str(value))


class _PackPDF(FPDF):
    """A4 pages with the pack's footer."""

    def __init__(self, footer: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self._footer = footer
        self.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=15)
        self.set_margins(15, 15, 15)

    def footer(self) -> None:
        """Page number and the sensitivity line on every page."""
        self.set_y(-12)
        self.set_font("DejaVu", size=7)
        self.cell(0, 5, f"{self._footer} · page {self.page_no()}", align="C")


def _heading(pdf: FPDF, text: str, size: int = 13, keep_with: float = 40) -> None:
    """A section heading, on a new page unless `keep_with` mm of what follows fits under it."""
    if pdf.get_y() + 12 + keep_with > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font("DejaVu", "B", size)
    pdf.multi_cell(0, 7, printable(text), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_font("DejaVu", size=9)


def _image_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG in pixels (from its header)."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _paragraph(pdf: FPDF, text: str, size: int = 9) -> None:
    """Plain text (never interpreted as markup)."""
    pdf.set_font("DejaVu", size=size)
    pdf.multi_cell(0, 5, printable(text), new_x="LMARGIN", new_y="NEXT", align="L")


def _lines(pdf: FPDF, width: float, text: str) -> int:
    """How many lines text takes in a cell this wide, in the current font."""
    return len(pdf.multi_cell(width, 4, text, dry_run=True, output="LINES"))


def _fits_as_grid(pdf: FPDF, table: Table, line_height: float) -> bool:
    """Whether every row of table, drawn as a grid row, fits well within one page.

    fpdf2 cannot split a row across pages (ValueError "row ... too high"): a long
    description, many linked themes or a long name in a narrow column can need more.
    """
    width = pdf.epw / max(1, len(table.columns))
    usable = (pdf.page_break_trigger - pdf.t_margin) / 2  # leave room: cell padding, heading
    for values in (table.columns, *table.rows):
        for value in values:
            if (_lines(pdf, width, _cell(value)) + 1) * line_height > usable:
                return False
    return True


def _records(pdf: FPDF, table: Table) -> None:
    """A table as one block per row ("Column: value" lines), which breaks across pages."""
    for values in table.rows:
        pdf.set_draw_color(200, 200, 200)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + pdf.epw, pdf.get_y())
        pdf.ln(1)
        for column, value in zip(table.columns, values, strict=False):
            pdf.set_font("DejaVu", "B", 8)
            pdf.multi_cell(0, 4.5, printable(column), new_x="LMARGIN", new_y="NEXT", align="L")
            _paragraph(pdf, _cell(value), 9)
        pdf.ln(2)


def _table(pdf: FPDF, table: Table) -> None:
    """A table with a heading row; text wraps inside its cells (or, when a row is too high
    for a page, one block per row)."""
    wide = len(table.columns) > 4
    pdf.set_font("DejaVu", size=7 if wide else 8)
    if not _fits_as_grid(pdf, table, 4 if wide else 4.5):
        _records(pdf, table)
        return
    with pdf.table(
        headings_style=FontFace(emphasis="BOLD", fill_color=(232, 232, 232)),
        line_height=4 if wide else 4.5,
        text_align="LEFT",
        first_row_as_headings=True,
    ) as grid:
        heading = grid.row()
        for column in table.columns:
            heading.cell(printable(column))
        for values in table.rows:
            row = grid.row()
            for value in values:
                row.cell(_cell(value))
    pdf.ln(2)


def _actions(pdf: FPDF, table: Table) -> None:
    """Changes made: one block each (a description may be 2,000 characters, far more than
    a table row can hold on one page), date and title first, then the detail."""
    if not table.rows:
        _paragraph(pdf, "No changes were recorded for this month.")
        return
    for changed_on, title, description, prompted_by in table.rows:
        pdf.set_font("DejaVu", "B", 10)
        pdf.multi_cell(
            0, 5, f"{_cell(changed_on)}: {_cell(title)}", new_x="LMARGIN", new_y="NEXT", align="L"
        )
        if description:
            _paragraph(pdf, _cell(description))
        if prompted_by:
            _paragraph(pdf, f"Prompted by: {_cell(prompted_by)}", 8)
        pdf.ln(2)


def _short(text: str) -> str:
    """A name or title as page 1 prints it: cut at SUMMARY_TEXT_CHARS, with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= SUMMARY_TEXT_CHARS:
        return text
    return text[: SUMMARY_TEXT_CHARS - 1].rstrip() + "…"


def _bullet(pdf: FPDF, text: str, size: int = 10) -> None:
    """One line of a list on the summary page (plain text)."""
    pdf.set_font("DejaVu", size=size)
    pdf.set_x(pdf.l_margin + 3)
    pdf.multi_cell(0, 5, printable(f"•  {text}"), new_x="LMARGIN", new_y="NEXT", align="L")


def _subheading(pdf: FPDF, text: str) -> None:
    """A heading within the summary page (never starts a new page)."""
    pdf.ln(2)
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(0, 6, printable(text), new_x="LMARGIN", new_y="NEXT", align="L")


def _summary_page(pdf: FPDF, pack: ForumPack) -> None:
    """Page 1: the month a forum member can read in a minute, then the detail follows."""
    summary = pack.summary()
    n = pack.threshold
    _heading(pdf, "Summary", size=14, keep_with=0)
    _subheading(pdf, "The month in numbers")
    if pack.empty:
        _paragraph(pdf, "No feedback was given in this period.", 10)
    for label, shown in summary.figures:
        _bullet(pdf, f"{label}: {shown}")
    if not pack.empty:
        _subheading(pdf, "What women asked for most")
        for provision, women in summary.asked_most:
            _bullet(pdf, f"{_short(provision)}: {women:,} women")
        if not summary.asked_most:
            _paragraph(pdf, f"Nothing was asked for by {n} or more women.", 10)
        for time, women in summary.times_most:
            _bullet(pdf, f"Most wanted time: {_short(time)} ({women:,} women)")
    _subheading(pdf, "What changed (You said, we did)")
    for changed_on, title in summary.changed:
        _bullet(pdf, f"{_day(changed_on)}: {_short(title)}")
    if summary.more_changed:
        _paragraph(pdf, "More changes were made: every one is listed in the detail.", 9)
    if not summary.changed:
        _paragraph(pdf, "No changes were recorded for this month.", 10)
    _subheading(pdf, "What is next")
    for when, what, about in summary.coming:
        _bullet(pdf, f"{when}: {_short(what)} ({about[:1].lower()}{about[1:]})")
    if summary.more_coming:
        _paragraph(pdf, "There is more: see “What is next” in the detail.", 9)
    if not summary.coming:
        _paragraph(
            pdf,
            "Nothing is announced yet. A change is listed here once a co-ordinator publishes "
            "it in You said, we did, and a consultation once it is asked.",
            10,
        )
    pdf.ln(3)
    _paragraph(
        pdf,
        "The detail follows: each figure with its chart and table, the changes made, the "
        "comments that may be quoted, and last, how the numbers are made and protected.",
        9,
    )


def pdf_bytes(pack: ForumPack) -> bytes:
    """The pack as a PDF: a one-page summary, then figures, charts, tables, changes made,
    what is next, quotes and the note on method."""
    pdf = _PackPDF(f"Lantern forum pack · {pack.period} · disclosure control applied")
    pdf.set_title(f"Lantern forum pack {pack.period}")
    pdf.set_creator("Lantern")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 18)
    pdf.multi_cell(0, 9, "Feedback forum pack", new_x="LMARGIN", new_y="NEXT", align="L")
    _paragraph(pdf, f"Period: {_day(pack.month)} to {_day(pack.end)}", 11)
    if pack.site_slug:
        _paragraph(pdf, f"Site: {', '.join(pack.sites)}", 11)
    else:
        came_from = f" (feedback came from {', '.join(pack.sites)})" if pack.sites else ""
        _paragraph(pdf, f"Sites: all{came_from}", 11)
    _paragraph(
        pdf,
        f"Small numbers are protected: a count under {pack.threshold} is shown as "
        f"{disclosure.hidden(pack.threshold)} and other counts are rounded to the nearest 5, "
        "so parts need not add up to totals. How the numbers are made and protected is on "
        "the last page.",
    )
    _summary_page(pdf, pack)
    pdf.add_page()
    drawn = charts(pack)
    for name, table in pack.tables.items():
        if name == "quotes":
            continue
        width = pdf.epw * (0.9 if name == "times" else 0.8)
        note = chart_note(name, table, pack.threshold) if name in drawn else ""
        if name in drawn:
            pixels_wide, pixels_high = _image_size(drawn[name])
            height = width * pixels_high / pixels_wide
            _heading(pdf, TITLES[name], keep_with=height + (15 if note else 0))
            pdf.image(io.BytesIO(drawn[name]), w=width, h=height)
            if note:
                _paragraph(pdf, note, 8)
                pdf.ln(1)
        else:
            _heading(pdf, TITLES[name])
        if name == "actions":
            _actions(pdf, table)
            continue
        if name == "next" and not table.rows:
            _paragraph(pdf, "Nothing after this month is announced yet.")
            continue
        _table(pdf, table)
    _heading(pdf, TITLES["quotes"])
    quotes = pack.tables["quotes"]
    if not quotes.rows:
        _paragraph(pdf, "No comments from this month have been marked as suitable to quote.")
    for question, text in quotes.rows:
        _paragraph(pdf, f"{question}", 8)
        _paragraph(pdf, f"“{text}”", 10)
        pdf.ln(1)
    _heading(pdf, "Method and disclosure control")
    for heading, text in pack.method():
        pdf.set_font("DejaVu", "B", 9)
        pdf.multi_cell(0, 5, heading, new_x="LMARGIN", new_y="NEXT", align="L")
        _paragraph(pdf, text)
        pdf.ln(1)
    return bytes(pdf.output())


def csv_files(pack: ForumPack) -> dict[str, bytes]:
    """One formula-safe CSV per table: file name -> bytes."""
    return {
        f"{pack.stem}-{name}.csv": csv_bytes(table.columns, table.rows)
        for name, table in pack.tables.items()
    }


def zip_bytes(pack: ForumPack) -> bytes:
    """The CSVs in one ZIP file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in csv_files(pack).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write_pack(pack: ForumPack, out_dir: Path) -> list[Path]:
    """Write the PDF and the CSVs into out_dir (made 0700 if missing), each file 0600; the
    paths written."""
    files = {f"{pack.stem}.pdf": pdf_bytes(pack), **csv_files(pack)}
    try:
        make_private_folder(out_dir)
        written = []
        for name, data in files.items():
            path = out_dir / name
            write_private_file(path, data)
            written.append(path)
    except OSError as exc:
        raise ReportError(f"cannot write the pack into {out_dir}: {exc.strerror or exc}") from None
    return written
