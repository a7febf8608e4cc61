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
from fpdf import FPDF
from fpdf.fonts import FontFace
from matplotlib.figure import Figure
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
HIDDEN_SHARE = "*"  # a percentage or average hidden because it rests on too few people
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
# Okabe–Ito colours: distinguishable with the common forms of colour blindness.
THIS_MONTH_COLOUR, LAST_MONTH_COLOUR, HEAT_COLOURS = "#0072B2", "#E69F00", "Blues"

TITLES = {
    "headlines": "Headline figures",
    "sites": "By site",
    "ratings": "How the night was rated",
    "provisions": "What women asked for more of",
    "times": "When women said the service suits them",
    "themes": "What the comments were about, and the change from last month",
    "consultations": "What we asked: consultations that closed this month",
    "actions": "What we changed (You said, we did)",
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

    def method(self) -> list[str]:
        """The short note on method and suppression printed in the pack."""
        n = self.threshold
        return [
            "The figures come from anonymous feedback women gave on the service's tablets "
            f"(and with a worker's help) between {_day(self.month)} and {_day(self.end)}. "
            "Nobody is asked her name, and only the day and the site are stored.",
            f"Disclosure control: counts from 1 to {n - 1} are not shown (they appear as "
            f'"<{n}"), and further counts are hidden where they could be worked out from a '
            "total. Every other count is rounded to the nearest 5. Totals and percentages are "
            "worked out from the exact numbers before rounding, so rounded parts may not add "
            f"up to the rounded total. A percentage or average resting on fewer than {n} "
            f'people is not shown ("{HIDDEN_SHARE}").',
            "Whether a comment reads positive and which themes it touches are read by "
            "software, measured against human labels (see the project README for accuracy).",
            "Comments are quoted only where a co-ordinator has reviewed them and marked them "
            "as suitable to quote; identifying details were removed before they were stored.",
            *(
                [
                    "Consultations: the tablet asked one extra, optional question while each "
                    "was open; the figures count the women who chose to answer it, with the "
                    "same suppression and rounding."
                ]
                if "consultations" in self.tables
                else []
            ),
        ]


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
    """A plottable count; hidden ones are left out (the table beside says why)."""
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _bar_chart(title: str, labels: list[str], values: list[object], hidden: str) -> bytes:
    """A horizontal bar chart; hidden counts get a label instead of a bar."""
    figure = Figure(figsize=(7, 0.35 * len(labels) + 1.2))
    axes = figure.subplots()
    numbers = [_number(v) or 0.0 for v in values]
    positions = list(range(len(labels)))[::-1]
    axes.barh(positions, numbers, color=THIS_MONTH_COLOUR)
    for y, value in zip(positions, values, strict=True):
        if isinstance(value, str):
            axes.text(0, y, f" {hidden}", va="center", fontsize=8)
    axes.set_yticks(positions, _labels(labels), fontsize=8)
    axes.set_title(title, fontsize=10, loc="left")
    axes.set_xlabel("Women (rounded to the nearest 5)", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _heatmap(table: Table, hidden: str) -> bytes:
    """Day x time slot, shaded by how many chose it; hidden cells are marked."""
    slots = list(table.columns[1:])
    days = [row[0] for row in table.rows]
    grid = [[_number(v) or 0.0 for v in row[1:]] for row in table.rows]
    figure = Figure(figsize=(7, 3.4))
    axes = figure.subplots()
    image = axes.imshow(grid, cmap=HEAT_COLOURS, aspect="auto")
    top = max((v for row in grid for v in row), default=0) or 1
    for i, row in enumerate(table.rows):
        for j, value in enumerate(row[1:]):
            text = hidden if isinstance(value, str) else str(value)
            colour = "white" if (_number(value) or 0) > top * 0.6 else "black"
            axes.text(j, i, text, ha="center", va="center", fontsize=7, color=colour)
    axes.set_xticks(range(len(slots)), _labels(slots), fontsize=7)
    axes.set_yticks(range(len(days)), _labels(days), fontsize=8)
    axes.set_title("When the service suits women (rounded to 5)", fontsize=10, loc="left")
    figure.colorbar(image, ax=axes, shrink=0.8)
    return _png(figure)


def _themes_chart(table: Table) -> bytes:
    """This month's and last month's comments per theme, side by side."""
    labels = table.column("Theme")
    now = [_number(v) or 0.0 for v in table.column("Comments")]
    before = [_number(v) or 0.0 for v in table.column("Comments last month")]
    figure = Figure(figsize=(7, 0.32 * len(labels) + 1.2))
    axes = figure.subplots()
    positions = list(range(len(labels)))[::-1]
    axes.barh([p + 0.2 for p in positions], now, height=0.4, color=THIS_MONTH_COLOUR)
    axes.barh([p - 0.2 for p in positions], before, height=0.4, color=LAST_MONTH_COLOUR)
    axes.set_yticks(positions, _labels(labels), fontsize=8)
    axes.legend(["This month", "Last month"], fontsize=8, loc="lower right")
    axes.set_title("Comments per theme (rounded to 5)", fontsize=10, loc="left")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def charts(pack: ForumPack) -> dict[str, bytes]:
    """PNG charts for the sections that have something to draw.

    Labels are staff-typed names: matplotlib would read "$...$" in one as mathematics (and
    fail on "$\\frac$"), so that is switched off, and characters the font lacks are boxed
    here rather than warned about in the log.
    """
    with matplotlib.rc_context({"text.parse_math": False, "text.usetex": False}):
        return _charts(pack)


def _labels(values: list) -> list[str]:
    """Chart labels as the font can draw them."""
    return [printable(str(v)) for v in values]


def _charts(pack: ForumPack) -> dict[str, bytes]:
    """charts() itself."""
    hidden = disclosure.hidden(pack.threshold)
    drawn: dict[str, bytes] = {}
    tables = pack.tables
    if "ratings" in tables and tables["ratings"].rows:
        table = tables["ratings"]
        drawn["ratings"] = _bar_chart(
            "How the night was rated", table.column("Rating"), table.column("Responses"), hidden
        )
    if "provisions" in tables and tables["provisions"].rows:
        table = tables["provisions"]
        drawn["provisions"] = _bar_chart(
            "Asked for more of",
            table.column("Provision")[:12],
            table.column("Asked for by")[:12],
            hidden,
        )
    if "times" in tables and tables["times"].rows:
        drawn["times"] = _heatmap(tables["times"], hidden)
    if "themes" in tables and tables["themes"].rows:
        drawn["themes"] = _themes_chart(tables["themes"])
    return drawn


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


def pdf_bytes(pack: ForumPack) -> bytes:
    """The pack as a PDF: figures, charts, tables, changes made, quotes and method."""
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
        f"Counts of 1 to {pack.threshold - 1} are hidden (<{pack.threshold}); other counts "
        "are rounded to the nearest 5. See the note on method at the end.",
    )
    if pack.empty:
        _paragraph(pdf, "No feedback was given in this period.", 11)
    drawn = charts(pack)
    for name, table in pack.tables.items():
        if name == "quotes":
            continue
        width = pdf.epw * (0.9 if name == "times" else 0.8)
        if name in drawn:
            pixels_wide, pixels_high = _image_size(drawn[name])
            height = width * pixels_high / pixels_wide
            _heading(pdf, TITLES[name], keep_with=height)
            pdf.image(io.BytesIO(drawn[name]), w=width, h=height)
        else:
            _heading(pdf, TITLES[name])
        if name == "actions":
            _actions(pdf, table)
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
    for line in pack.method():
        _paragraph(pdf, line)
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
