"""The monthly forum pack (db/report.py, db.manage report): safe numbers, safe words."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db import actions, audit, comments, consultations, report
from db.actions import ActionDraft
from db.dashboard import Headline, Table
from db.manage import main
from db.models import Answer
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback

MARCH = dt.date(2026, 3, 1)
QUOTABLE = "the tea was lovely and warm"
NOT_FOR_QUOTING = "the queue by the chip shop was long tonight"
UNREVIEWED = "the soup ran out early again"
WHOLE_NUMBER = re.compile(r"^\d+$")


def submit(day: int, *, site: str | None = "drop-in", month: dt.date = MARCH, **answers) -> int:  # type: ignore[no-untyped-def]
    """One submission on a day of the month; its id."""
    form = FeedbackForm(site=site, service_date=month.replace(day=day), **answers)
    return submit_feedback(form).submission_id


def answer_of(submission_id: int) -> int:
    """The id of a submission's only answer."""
    with read_session() as session:
        return session.scalar(select(Answer.id).where(Answer.submission_id == submission_id))


def review(submission_id: int, publishable: bool) -> None:
    """A co-ordinator reviews the submission's comment."""
    with write_session() as session:
        comments.review(session, answer_of(submission_id), reviewer="ada", publishable=publishable)


def seed_march() -> None:
    """26 responses in March 2026 with known small and large counts, and three comments.

    Ratings: 13 good or very good, 13 poor (so 26 responses, rounded to 25, while the
    rounded parts are 15 + 15). Sites: drop-in 23, van 3. Socks 12, hot food 3.
    Friday 9pm–midnight 10, Saturday midnight–3am 2. February has 10 responses.
    """
    for i in range(10):
        submit(2 + i, rating=1, provisions=["socks"], slots=["fri:late_evening"])
    for i in range(13):
        submit(
            3 + i,
            rating=4,
            provisions=["socks"] if i < 2 else ["hot_food"] if i < 5 else [],
            slots=["sat:night"] if i < 2 else [],
        )
    for _ in range(3):
        submit(9, site="van-town-centre", rating=2)
    for day in range(1, 11):
        submit(day, month=dt.date(2026, 2, 1), rating=1)


def seed_march_comments() -> tuple[int, int, int]:
    """Three March comments: publishable, reviewed but not publishable, unreviewed."""
    quotable = submit(20, text_good=QUOTABLE)
    private = submit(21, text_better=NOT_FOR_QUOTING)
    unreviewed = submit(22, text_better=UNREVIEWED)
    review(quotable, publishable=True)
    review(private, publishable=False)
    return quotable, private, unreviewed


def build(month: dt.date = MARCH, site: str | None = None) -> report.ForumPack:
    with read_session() as session:
        return report.build_pack(session, month, site)


def pdf_text(data: bytes) -> str:
    """All the words of a PDF, whitespace squeezed."""
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())


def csv_cells(files: dict[str, bytes]) -> list[str]:
    """Every cell of every CSV (headings too)."""
    cells = []
    for data in files.values():
        rows = csv.reader(io.StringIO(data.decode("utf-8-sig")))
        cells.extend(cell for row in rows for cell in row)
    return cells


# --- Months --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-03", dt.date(2026, 3, 1)), (" 2025-12 ", dt.date(2025, 12, 1))],
)
def test_a_month_is_read_as_year_dash_month(value: str, expected: dt.date) -> None:
    assert report.parse_month(value, today=dt.date(2026, 11, 25)) == expected


@pytest.mark.parametrize("value", ["2026-3", "March 2026", "2026-13", "2026-00", "", "26-03"])
def test_a_badly_written_month_is_refused_clearly(value: str) -> None:
    with pytest.raises(report.ReportError, match="must look like 2026-03"):
        report.parse_month(value, today=dt.date(2026, 11, 25))


def test_a_month_that_has_not_started_is_refused() -> None:
    with pytest.raises(report.ReportError, match="has not started yet"):
        report.parse_month("2026-12", today=dt.date(2026, 11, 25))


@pytest.mark.parametrize(
    ("month", "last"),
    [
        (dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        (dt.date(2028, 2, 1), dt.date(2028, 2, 29)),
        (dt.date(2026, 12, 1), dt.date(2026, 12, 31)),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
    ],
)
def test_the_month_ends_on_its_last_day(month: dt.date, last: dt.date) -> None:
    assert report.month_end(month) == last


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain words", "plain words"),
        ("bell\x07 and\x00 nul", "bell and nul"),
        ("socks 🧦 please", "socks □ please"),
        ("café “warm” – £5", "café “warm” – £5"),
    ],
)
def test_text_is_made_printable_without_losing_what_the_font_can_draw(
    text: str, expected: str
) -> None:
    assert report.printable(text) == expected


# --- Disclosure control ----------------------------------------------------------------------


def test_a_seeded_month_gives_a_pdf_and_a_csv_for_every_table(db_url: str) -> None:
    seed_march()
    pack = build()
    data = report.pdf_bytes(pack)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Feedback forum pack" in text
    assert "1 March 2026 to 31 March 2026" in text
    assert "Sites: all (feedback came from Evening drop-in, Outreach van – town centre)" in text
    assert "Method and disclosure control" in text
    files = report.csv_files(pack)
    assert sorted(files) == sorted(f"lantern-forum-pack-2026-03-{name}.csv" for name in pack.tables)
    assert {"headlines", "sites", "ratings", "provisions", "times", "actions", "quotes"} <= set(
        pack.tables
    )
    with zipfile.ZipFile(io.BytesIO(report.zip_bytes(pack))) as archive:
        assert sorted(archive.namelist()) == sorted(files)


def test_the_pdf_carries_its_charts_as_images(db_url: str) -> None:
    seed_march()
    pack = build()
    drawn = report.charts(pack)
    assert {"ratings", "provisions", "times"} <= set(drawn)
    assert all(png.startswith(b"\x89PNG") for png in drawn.values())
    pages = PdfReader(io.BytesIO(report.pdf_bytes(pack))).pages
    images = [image for page in pages for image in page.images]
    assert len(images) == len(drawn)
    assert all(image.image.width > 300 for image in images)  # drawn charts, not icons


def test_no_csv_cell_shows_a_count_from_1_to_7_and_every_count_is_a_multiple_of_5(
    db_url: str,
) -> None:
    seed_march()
    cells = csv_cells(report.csv_files(build()))
    counts = [int(c) for c in cells if WHOLE_NUMBER.match(c)]
    assert counts, "no counts found: the check would pass on nothing"
    assert [c for c in counts if c % 5] == []
    assert [c for c in counts if 1 <= c <= 7] == []
    assert "<8" in cells  # small counts are there, hidden
    assert 10 in counts  # socks (12) and Friday 9pm–midnight (10), rounded


def test_the_pdf_shows_the_same_protected_numbers_as_the_csvs(db_url: str) -> None:
    seed_march()
    text = pdf_text(report.pdf_bytes(build()))
    assert "Socks 10" in text
    assert "Hot food <8" in text
    assert not re.search(r"\b(12|13|23|26)\b", text)  # the exact counts never appear


def test_headline_totals_are_worked_out_before_rounding(db_url: str) -> None:
    seed_march()
    pack = build()
    headlines = dict(pack.tables["headlines"].rows)
    assert headlines["Responses"] == 25  # 26 exactly, rounded; not 15 + 15
    assert headlines["% rated good or very good"] == 50.0  # 13 of 26, from exact counts
    ratings = dict(pack.tables["ratings"].rows)
    assert ratings["Good or very good"] == 15
    assert ratings["Poor or very poor"] == 15


def test_a_small_site_is_hidden_and_so_is_enough_else_that_it_cannot_be_worked_out(
    db_url: str,
) -> None:
    seed_march()
    sites = {row[0]: row[1] for row in build().tables["sites"].rows}
    assert sites["Outreach van – town centre"] == "<8"
    assert sites["Evening drop-in"] == "<8"  # else 26 - 23 would give the van's 3 away


def test_a_higher_threshold_hides_more_and_the_note_says_so(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANTERN_SUPPRESS_BELOW", "11")
    seed_march()
    pack = build()
    friday = {row[0]: row for row in pack.tables["times"].rows}["Fri"]
    assert friday[pack.tables["times"].columns.index("9pm–midnight")] == "<11"  # 10 women
    assert "<11" in csv_cells(report.csv_files(pack))
    assert "A count of 1 to 10 could point to one woman" in " ".join(t for _, t in pack.method())


def test_a_percentage_resting_on_too_few_is_starred(db_url: str) -> None:
    seed_march()
    provisions = {row[0]: row[2] for row in build().tables["provisions"].rows}
    assert provisions["Hot food"] == report.HIDDEN_SHARE
    assert provisions["Socks"] == pytest.approx(100 * 12 / 26, abs=0.1)


def test_themes_show_the_change_from_last_month(db_url: str) -> None:
    for day in range(1, 13):
        submit(day, month=dt.date(2026, 2, 1), text_better="more hot food and soup please")
    for day in range(1, 9):
        submit(day, text_better="more hot food and soup please")
    themes = {row[0]: row for row in build().tables["themes"].rows}
    food = themes["Food and drink"]
    assert food[1:4] == (10, 10, "about the same")  # 8 and 12, rounded
    for day in range(10, 22):
        submit(day, text_better="more hot food and soup please")
    food = {row[0]: row for row in build().tables["themes"].rows}["Food and drink"]
    assert food[1:4] == (20, 10, "up")


# --- Words ---------------------------------------------------------------------------------


def test_only_comments_marked_publishable_are_quoted(db_url: str) -> None:
    seed_march_comments()
    pack = build()
    text = pdf_text(report.pdf_bytes(pack))
    cells = " ".join(csv_cells(report.csv_files(pack)))
    assert QUOTABLE in text
    assert QUOTABLE in cells
    for words in (NOT_FOR_QUOTING, UNREVIEWED):
        assert words not in text
        assert words not in cells


def test_a_comment_flagged_as_a_concern_is_never_quoted_even_if_marked_publishable(
    db_url: str,
) -> None:
    seed_march_comments()
    flagged = "he said hell kill me if i dont pay him"
    review(submit(23, text_better=flagged), publishable=True)
    pack = build()
    assert flagged not in pdf_text(report.pdf_bytes(pack))
    assert flagged not in " ".join(csv_cells(report.csv_files(pack)))
    assert QUOTABLE in " ".join(csv_cells(report.csv_files(pack)))


def test_a_quote_is_dropped_when_it_is_no_longer_publishable(db_url: str) -> None:
    quotable, _, _ = seed_march_comments()
    review(quotable, publishable=False)
    pack = build()
    assert QUOTABLE not in pdf_text(report.pdf_bytes(pack))
    assert pack.tables["quotes"].rows == ()


def test_at_most_a_handful_of_quotes_are_used(db_url: str) -> None:
    for day in range(1, 9):
        review(submit(day, text_good=f"lovely night number {day} thank you"), publishable=True)
    assert len(build().tables["quotes"].rows) == report.MAX_QUOTES


def test_a_quote_that_looks_like_a_formula_is_neutralised_in_the_csv(db_url: str) -> None:
    review(submit(5, text_good="=HYPERLINK(1) more socks please"), publishable=True)
    cells = csv_cells(report.csv_files(build()))
    assert "'=HYPERLINK(1) more socks please" in cells
    assert "=HYPERLINK(1) more socks please" not in cells


def test_actions_taken_that_month_are_in_the_pack(db_url: str) -> None:
    with write_session() as session:
        for title, day, publish in (
            ("Socks in the van", dt.date(2026, 3, 10), True),
            ("A draft idea", dt.date(2026, 3, 11), False),
            ("Next month's change", dt.date(2026, 4, 2), True),
        ):
            row = actions.create_action(
                session,
                ActionDraft(title, day, "Bought 200 pairs.", provisions=["socks"]),
                actor="ada",
            )
            if publish:
                actions.publish_action(session, row.id, actor="ada")
    pack = build()
    assert [r[1:] for r in pack.tables["actions"].rows] == [
        ("Socks in the van", "Bought 200 pairs.", "Socks")
    ]
    text = pdf_text(report.pdf_bytes(pack))
    assert "Socks in the van" in text
    assert "A draft idea" not in text


def test_a_pack_for_one_site_covers_only_that_site(db_url: str) -> None:
    seed_march()
    van = submit(9, site="van-town-centre", text_good="the van driver was kind")
    review(van, publishable=True)
    pack = build(site="drop-in")
    assert pack.sites == ("Evening drop-in",)
    assert pack.stem == "lantern-forum-pack-2026-03-drop-in"
    assert dict(pack.tables["headlines"].rows)["Responses"] == 25  # drop-in's 23
    assert "sites" not in pack.tables
    assert pack.tables["quotes"].rows == ()


def test_an_unknown_site_is_refused_with_the_known_ones(db_url: str) -> None:
    with pytest.raises(report.ReportError, match=r"unknown site 'nowhere'.*drop-in"):
        build(site="nowhere")


def test_a_month_without_feedback_still_makes_a_pack(db_url: str) -> None:
    pack = build(dt.date(2025, 1, 1))
    assert pack.empty
    assert dict(pack.tables["headlines"].rows) == {"Responses": 0}
    text = pdf_text(report.pdf_bytes(pack))
    assert "No feedback was given in this period." in text
    assert "No changes were recorded for this month." in text


# --- Command line --------------------------------------------------------------------------


def test_the_command_line_writes_the_pack_and_logs_the_export(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_march()
    seed_march_comments()
    out = tmp_path / "forum" / "march"
    assert main(["report", "--month", "2026-03", "--out", str(out)]) == 0
    assert "March 2026 forum pack" in capsys.readouterr().out
    names = sorted(p.name for p in out.iterdir())
    assert "lantern-forum-pack-2026-03.pdf" in names
    assert len([n for n in names if n.endswith(".csv")]) >= 6
    assert (out / "lantern-forum-pack-2026-03.pdf").read_bytes().startswith(b"%PDF")
    everything = " ".join(
        pdf_text(p.read_bytes()) if p.suffix == ".pdf" else p.read_text("utf-8-sig")
        for p in out.iterdir()
    )
    assert QUOTABLE in everything
    assert NOT_FOR_QUOTING not in everything
    with read_session() as session:
        [event] = audit.events(session, action="export")
    assert (event.actor, event.target, event.detail) == (
        "cli",
        "forum pack 2026-03",
        f"site=all; files={len(names)}",
    )


def test_the_command_line_writes_one_site(db_url: str, tmp_path: Path) -> None:
    seed_march()
    assert main(["report", "--month", "2026-03", "--site", "drop-in", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "lantern-forum-pack-2026-03-drop-in.pdf").exists()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--month", "2026-3"], "month must look like 2026-03"),
        (["--month", "2999-01"], "has not started yet"),
        (["--month", "2026-03", "--site", "nowhere"], "unknown site 'nowhere'"),
        (["--month", "2026-03", "--out-is-a-file"], "is a file, not a folder"),
        (["--month", "2026-03", "--out-under-a-file"], "cannot write the pack into"),
    ],
)
def test_the_command_line_fails_clearly_on_bad_input(
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    message: str,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    out = tmp_path / "out"
    if "--out-is-a-file" in arguments:
        arguments, out = arguments[:-1], blocker
    elif "--out-under-a-file" in arguments:
        arguments, out = arguments[:-1], blocker / "inside"
    assert main(["report", *arguments, "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ")
    assert message in error
    assert not (tmp_path / "out").exists()
    with read_session() as session:
        assert audit.events(session, action="export") == []


# --- Consultations that closed in the month ------------------------------------------------


def _march_consultation(closed_on: dt.date = dt.date(2026, 3, 20), **changes) -> int:  # type: ignore[no-untyped-def]
    """A consultation run in March 2026 at every site, answered, then closed; its id."""
    from db import consultations as c
    from db.submissions import ConsultationAnswer

    draft = c.ConsultationDraft(
        question=changes.pop("question", "Would Wednesday work instead of Tuesday?"),
        starts_on=dt.date(2026, 3, 2),
        ends_on=changes.pop("ends_on", dt.date(2026, 3, 29)),
        choices=(c.ChoiceDraft("👍", "Yes, Wednesday works"), c.ChoiceDraft("👎", "No")),
        **changes,
    )
    with write_session() as session:
        row = c.create_consultation(session, draft, actor="ada")
        c.open_consultation(session, row.id, actor="ada", today=dt.date(2026, 3, 1))
    for day, choice, n in ((3, 0, 14), (10, 1, 9), (11, None, 0)):
        for _ in range(n):
            submit(day, consultations=[ConsultationAnswer(row.id, choice)])
    submit(12, site="van-town-centre", consultations=[ConsultationAnswer(row.id, 1)])
    with write_session() as session:
        c.close_consultation(session, row.id, actor="ada", today=closed_on)
    return row.id


def test_a_consultation_closed_in_the_month_is_in_its_pack_with_safe_numbers(
    db_url: str,
) -> None:
    consultation = _march_consultation()
    with write_session() as session:
        actions.create_action(
            session,
            ActionDraft(
                "From 3 April the van comes on Wednesdays",
                changed_on=dt.date(2026, 3, 25),
                consultation=consultation,
            ),
            actor="ada",
        )
        actions.publish_action(session, 1, actor="ada")
    pack = build()
    table = pack.tables["consultations"]
    answers = {row[3]: row[4:] for row in table.rows}
    assert answers["Yes, Wednesday works"][:1] == (15,)  # 14, rounded to 5
    assert answers["No"][:1] == (10,)  # 10
    assert answers["All who answered"] == (25, "", "From 3 April the van comes on Wednesdays")
    assert table.rows[0][:3] == (
        "Would Wednesday work instead of Tuesday?",
        "2 March 2026 to 20 March 2026",
        "Every site",
    )
    assert "lantern-forum-pack-2026-03-consultations.csv" in report.csv_files(pack)
    text = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(report.pdf_bytes(pack))).pages
    )
    assert "consultations that closed this month" in text
    assert "Would Wednesday work instead of Tuesday?" in text
    prompted = dict((r[1], r[3]) for r in pack.tables["actions"].rows)
    assert (
        "Consultation: Would Wednesday work" in prompted["From 3 April the van comes on Wednesdays"]
    )


def test_a_consultation_is_only_in_the_pack_of_the_month_it_closed(db_url: str) -> None:
    _march_consultation(ends_on=dt.date(2026, 4, 30), closed_on=dt.date(2026, 4, 2))
    assert "consultations" not in build().tables
    april = build(dt.date(2026, 4, 1))
    assert [row[3] for row in april.tables["consultations"].rows][-1] == "All who answered"


def test_a_site_pack_counts_only_that_sites_answers_and_hides_small_ones(db_url: str) -> None:
    _march_consultation()
    van = build(site="van-town-centre").tables["consultations"]
    answers = {row[3]: row[4] for row in van.rows}
    assert answers == {"Yes, Wednesday works": 0, "No": "<8", "All who answered": "<8"}


# --- Page 1: the summary -------------------------------------------------------------------

DATE = re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b")


def pages_text(data: bytes) -> list[str]:
    """Each page's words, whitespace squeezed."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


def publish(title: str, day: dt.date, draft: bool = False, **links: Any) -> None:
    """Record a "You said, we did" change, published unless draft."""
    with write_session() as session:
        row = actions.create_action(session, ActionDraft(title, day, **links), actor="ada")
        if not draft:
            actions.publish_action(session, row.id, actor="ada")


def ask(question: str, starts_on: dt.date, ends_on: dt.date, opened: bool = True) -> int:
    """A consultation at every site, opened unless `opened` is False; its id."""
    draft = consultations.ConsultationDraft(
        question=question,
        starts_on=starts_on,
        ends_on=ends_on,
        choices=(consultations.ChoiceDraft("👍", "Yes"), consultations.ChoiceDraft("👎", "No")),
    )
    with write_session() as session:
        row = consultations.create_consultation(session, draft, actor="ada")
        if opened:
            consultations.open_consultation(session, row.id, actor="ada", today=starts_on)
    return row.id


def test_page_one_is_a_summary_of_what_was_asked_for_what_changed_and_what_is_next(
    db_url: str,
) -> None:
    seed_march()
    publish("Socks in the van", dt.date(2026, 3, 10), provisions=["socks"])
    publish("A Sunday drop-in from April", dt.date(2026, 4, 5))
    publish("A draft idea", dt.date(2026, 4, 6), draft=True)
    ask("Would a Sunday afternoon drop-in help?", dt.date(2026, 3, 20), dt.date(2026, 4, 20))
    pages = pages_text(report.pdf_bytes(build()))
    first = pages[0]
    for heading in (
        "Summary",
        "The month in numbers",
        "What women asked for most",
        "What changed (You said, we did)",
        "What is next",
    ):
        assert heading in first
    assert "Responses: 25" in first  # 26, rounded, as in the detail
    assert "% rated good or very good: 50%" in first
    assert "Socks: 10 women" in first  # the top provision, protected and rounded
    assert "Most wanted time: Friday, 9pm–midnight (10 women)" in first
    assert "10 March 2026: Socks in the van" in first
    assert "From 5 April 2026: A Sunday drop-in from April" in first
    assert "Would a Sunday afternoon drop-in help?" in first
    assert "A draft idea" not in " ".join(pages)  # drafts stay with the staff
    assert pages[1].startswith("Headline figures")  # the detail starts on page 2
    assert "Method and disclosure control" in pages[-1]


def test_the_summary_never_states_a_count_from_1_to_7(db_url: str) -> None:
    seed_march()  # hot food 3, the van 3, Saturday midnight-3am 2: all small
    pack = build()
    summary = pack.summary()
    assert summary.asked_most == (("Socks", 10),)  # hot food's 3 is left out, not shown
    first = pages_text(report.pdf_bytes(pack))[0]
    assert "Hot food" not in first
    assert "Saturday" not in first
    # Dates, the page number and "rounded to the nearest 5" are not counts.
    words = DATE.sub(" ", first).replace("page 1", " ").replace("nearest 5", " ")
    numbers = [int(n) for n in re.findall(r"(?<![<\d])\d+", words.replace(",", ""))]
    assert numbers, "no numbers found: the check would pass on nothing"
    assert [n for n in numbers if 1 <= n <= 7] == []


@pytest.mark.parametrize(
    ("provisions", "expected"),
    [
        ((("Socks", 10), ("Hot food", "<8"), ("Coats", 15)), (("Coats", 15), ("Socks", 10))),
        ((("Hot food", "<8"), ("Socks", 0)), ()),
        ((("A", 10), ("B", 10), ("C", 10), ("D", 20)), (("D", 20), ("A", 10), ("B", 10))),
    ],
)
def test_the_summary_names_only_counts_the_detail_shows_as_numbers(
    provisions: tuple, expected: tuple
) -> None:
    pack = report.ForumPack(
        MARCH,
        report.month_end(MARCH),
        None,
        (),
        8,
        False,
        (Headline("Responses", 25), Headline("% rated good or very good", report.HIDDEN_SHARE)),
        {"provisions": Table(("Provision", "Asked for by", "% of responses"), provisions)},
    )
    summary = pack.summary()
    assert summary.asked_most == expected
    assert summary.figures == (
        ("Responses", "25"),
        ("% rated good or very good", "not shown (fewer than 8 people)"),
    )


def test_what_is_next_holds_announced_changes_and_consultations_but_never_drafts(
    db_url: str,
) -> None:
    seed_march()
    publish("Hats from May", dt.date(2026, 5, 1))
    publish("Coats in the van", dt.date(2026, 4, 2))
    publish("Far off", dt.date(2026, 9, 1))  # beyond the months the pack looks ahead
    publish("Only an idea", dt.date(2026, 4, 3), draft=True)
    ask("Would Sunday suit you?", dt.date(2026, 3, 20), dt.date(2026, 4, 20))
    ask("Would a Monday van help?", dt.date(2026, 4, 5), dt.date(2026, 4, 30))
    ask("Not asked yet", dt.date(2026, 4, 1), dt.date(2026, 4, 20), opened=False)
    put_away = ask("Put away unasked", dt.date(2026, 4, 1), dt.date(2026, 4, 20), opened=False)
    with write_session() as session:
        consultations.archive_consultation(session, put_away, actor="ada")
    rows = build().tables["next"].rows
    assert [row[1] for row in rows] == [
        "Would Sunday suit you?",
        "Coats in the van",
        "Would a Monday van help?",
        "Hats from May",
    ]
    assert rows[2][2] == "A question we will ask women"
    assert rows[0] == (
        "20 March 2026 to 20 April 2026",
        "Would Sunday suit you?",
        "A question women are being asked",
        "Every site",
    )
    assert rows[1][0] == "From 2 April 2026"


def test_a_consultation_closed_without_an_answer_yet_is_what_is_next(db_url: str) -> None:
    consultation = _march_consultation()
    rows = build().tables["next"].rows
    assert rows == (
        (
            "Closed 20 March 2026",
            "Would Wednesday work instead of Tuesday?",
            "We will say what we do about the answers",
            "Every site",
        ),
    )
    publish(
        "From 3 April the van comes on Wednesdays", dt.date(2026, 3, 25), consultation=consultation
    )
    assert build().tables["next"].rows == ()


# --- Charts: hidden is never drawn as 0 ----------------------------------------------------


def _cell(table: Table, day: str, slot: str) -> tuple[int, int]:
    """(row, column) of a day x slot square in the drawn grid."""
    return [row[0] for row in table.rows].index(day), table.columns.index(slot) - 1


def test_a_hidden_time_is_grey_hatched_and_marked_while_a_time_nobody_chose_is_white_and_empty(
    db_url: str,
) -> None:
    seed_march()  # Saturday midnight-3am: 2 women; Sunday daytime: nobody
    pack = build()
    table = pack.tables["times"]
    hidden, nobody = _cell(table, "Sat", "Midnight–3am"), _cell(table, "Sun", "Daytime")
    cells = {(c.row, c.column): c for c in report.heat_cells(table)}
    assert (cells[hidden].kind, cells[hidden].label) == ("hidden", "<8")
    assert (cells[nobody].kind, cells[nobody].label) == ("none", "")

    axes = report.chart_figures(pack)["times"].axes[0]
    hatched = [p for p in axes.patches if p.get_hatch()]
    assert [(p.get_x() + 0.5, p.get_y() + 0.5) for p in hatched] == [hidden[::-1]]
    written = {
        (round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in axes.texts
    }
    assert written[hidden] == "<8"
    assert nobody not in written  # an empty square, not a "0" or a pale shade
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == ["white, empty: nobody", "grey, hatched, <8: 1 to 7 women, too few to show"]

    text = pdf_text(report.pdf_bytes(pack))
    assert 'A grey, hatched square marked "<8" means 1 to 7 women' in text
    assert "A white, empty square means nobody chose that time" in text
    assert "Sat 0 0 0 <8 0" in text  # the table under the grid: <8 where hidden, 0 where none
    assert "Sun 0 0 0 0 0" in text


def _grey_pixels(table: Table) -> int:
    """How many pixels of the drawn time grid have the hidden squares' grey."""
    from PIL import Image

    pack = report.ForumPack(
        MARCH, report.month_end(MARCH), None, (), 8, False, (), {"times": table}
    )
    image = Image.open(io.BytesIO(report.charts(pack)["times"])).convert("RGB")
    grey = tuple(int(report.HIDDEN_FILL[i : i + 2], 16) for i in (1, 3, 5))
    return int((np.asarray(image) == grey).all(axis=2).sum())


def test_the_drawn_grid_is_grey_only_where_a_count_is_hidden() -> None:
    columns = ("Day", "Daytime", "Night")
    zeros = Table(columns, (("Mon", 0, 0), ("Tue", 10, 0)))
    one_hidden = Table(columns, (("Mon", 0, "<8"), ("Tue", 10, 0)))
    legend_only = _grey_pixels(zeros)  # the legend's grey key, and no square
    assert legend_only < 500
    assert _grey_pixels(one_hidden) - legend_only > 2000  # a whole square's worth, at 150 dpi


def test_a_hidden_bar_is_marked_and_never_drawn_as_0(db_url: str) -> None:
    seed_march()
    pack = build()
    figure = report.chart_figures(pack)["provisions"]
    axes = figure.axes[0]
    labels = [t.get_text().strip() for t in axes.texts]
    assert labels == ["10", "<8"]  # socks, then hot food (3 women), which has no bar
    assert "<8: 1 to 7 women, too few to show" in axes.get_xlabel()
    text = pdf_text(report.pdf_bytes(pack))
    assert 'A bar marked "<8" stands for 1 to 7, too few to show' in text


def test_a_hidden_theme_count_is_marked_in_the_chart_for_both_months() -> None:
    themes = Table(
        ("Theme", "Comments", "Comments last month", "Change", "% positive", "% negative"),
        (
            ("Food and drink", 10, "<8", "not shown", 50.0, 20.0),
            ("Warmth", "<8", 0, "not shown", "*", "*"),
        ),
    )
    pack = report.ForumPack(
        MARCH, report.month_end(MARCH), None, (), 8, False, (), {"themes": themes}
    )
    axes = report.chart_figures(pack)["themes"].axes[0]
    assert sorted(t.get_text().strip() for t in axes.texts) == ["0", "10", "<8", "<8"]


# --- The method note -----------------------------------------------------------------------


def test_the_method_note_is_in_the_pdf_in_plain_words_and_points_to_no_readme(db_url: str) -> None:
    seed_march()
    consultation_free = pdf_text(report.pdf_bytes(build()))
    for words in (
        "What the numbers are",
        "gave this feedback anonymously",
        "Nobody is asked her name",
        "A count of 1 to 7 could point to one woman",
        'it appears as "<8"',
        "another count is hidden too",
        "rounded to the nearest 5",
        "only when it rests on 8 or more people",
        "the parts of a table may not add up to its total",
        "read automatically by software, not by a person",
        "agrees with them most of the time but not always",
        "This feedback is not a way to report a crime",
    ):
        assert words in consultation_free
    assert "readme" not in consultation_free.lower()
