"""Every input the staff forms allow makes a forum pack (db/report.py).

A "You said, we did" description past about 1,600 characters once stopped the month's
pack ("row ... too high": a table row cannot break across pages). Here every staff-typed
text the pack prints is filled to the most its form allows, in any script (emoji,
right-to-left, combining marks, one long word without spaces), and the pack must still
be made, on SQLite and PostgreSQL. LANTERN_PACK_EXAMPLES sets how many packs each
property makes (a pack with charts takes about a second).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from db import actions, admin, report, themes
from db import consultations as c
from db.dashboard import Headline, Table
from db.session import read_session, write_session
from db.submissions import ConsultationAnswer, FeedbackForm, submit_feedback

EXAMPLES = int(os.environ.get("LANTERN_PACK_EXAMPLES", "5"))
PACKS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
    database=None,
)
MARCH = dt.date(2026, 3, 1)

# Letters, marks, digits, punctuation, symbols (emoji) and spaces of any script.
PRINTED = st.characters(categories=("L", "M", "N", "P", "S", "Zs"))
SEEDS = st.sampled_from(
    [
        "שלום עולם ",  # Hebrew, right to left
        "مرحبا بكم ",  # Arabic, joined letters
        "e\u0301\u0323\u0302 ",  # stacked combining marks
        "👩🏽‍🦱🧦☕ ",  # emoji sequences the font has no glyph for
        "𒀀𒀁",  # outside the Basic Multilingual Plane
        "Supercalifragilistic",  # a long word without spaces (repeated below)
        "Hot food and drinks, ",
    ]
)
UNITS = st.one_of(SEEDS, st.text(PRINTED, min_size=1, max_size=40))


def full(limit: int) -> st.SearchStrategy[str]:
    """Text exactly `limit` characters long as typed (cleaning may shorten it a little)."""
    return st.builds(lambda unit: ("A" + unit * limit)[:limit], UNITS)


def numbered(number: int, text: str, limit: int) -> str:
    """text cut to fit after a number that keeps labels of one kind apart."""
    return f"{number} {text}"[:limit]


def _seed_march() -> None:
    """Enough feedback in March 2026 for every table and chart the pack draws."""
    for day in range(2, 14):
        submit_feedback(
            FeedbackForm(
                site="drop-in" if day % 3 else "van-town-centre",
                service_date=MARCH.replace(day=day),
                rating=1 + day % 5,
                provisions=["socks", "hot_food"],
                slots=["fri:late_evening", "sat:night"],
                text_good="the tea was lovely and warm, thank you",
                text_better="more socks please, the van was late",
            )
        )


def _make_pack() -> bytes:
    """The March pack as the report page and `db.manage report` make it: PDF and CSVs."""
    with read_session() as session:
        pack = report.build_pack(session, MARCH)
    report.csv_files(pack)
    return report.pdf_bytes(pack)


@given(
    title=full(actions.MAX_TITLE_CHARS),
    description=full(actions.MAX_DESCRIPTION_CHARS),
    question=full(c.MAX_QUESTION_CHARS),
    prompt=full(c.MAX_PROMPT_CHARS),
    answer=full(c.MAX_CHOICE_CHARS),
    name=full(admin.MAX_LABEL_CHARS),
)
@PACKS
def _every_field_at_its_longest_makes_a_pack(
    title: str, description: str, question: str, prompt: str, answer: str, name: str
) -> None:
    """One example: fill everything the pack prints, then make the pack."""
    with write_session() as session:
        for kind in ("sites", "provisions", "slots"):
            for number, item in enumerate(admin.list_items(session, kind)):
                label = numbered(number, name, admin.MAX_LABEL_CHARS)
                admin.update_item(session, kind, item.id, label=label, actor="ada")
        every_theme = themes.list_themes(session)
        for number, theme in enumerate(every_theme):
            themes.update_theme(
                session,
                theme.slug,
                keywords="\n".join(theme.keywords),
                label=numbered(number, name, 120),
                actor="ada",
            )
        asked = c.create_consultation(
            session,
            c.ConsultationDraft(
                question=question,
                starts_on=MARCH,
                ends_on=MARCH.replace(day=28),
                choices=[
                    c.ChoiceDraft("👍", numbered(n, answer, c.MAX_CHOICE_CHARS))
                    for n in range(c.MAX_CHOICES)
                ],
                text_prompt=prompt,
            ),
            actor="ada",
        )
        c.open_consultation(session, asked.id, actor="ada", today=MARCH)
        options = actions.link_options(session)
        change = actions.create_action(
            session,
            actions.ActionDraft(
                title=title,
                changed_on=MARCH.replace(day=20),
                description=description,
                themes=list(options.themes),
                provisions=list(options.provisions),
                slots=list(options.slots),
                consultation=asked.id,
            ),
            actor="ada",
        )
        actions.publish_action(session, change.id, actor="ada")
    submit_feedback(
        FeedbackForm(
            site="drop-in",
            service_date=MARCH.replace(day=10),
            consultations=[ConsultationAnswer(asked.id, 0, "yes please")],
        )
    )
    with write_session() as session:
        c.close_consultation(session, asked.id, actor="ada", today=MARCH.replace(day=25))

    data = _make_pack()
    pages = PdfReader(io.BytesIO(data)).pages
    words = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "What we changed (You said, we did)" in words
    assert "Method and disclosure control" in words  # the pack is whole, to its last section


def test_every_field_at_its_longest_in_any_script_makes_a_pack(db_url: str) -> None:
    _seed_march()
    _every_field_at_its_longest_makes_a_pack()


def test_a_2000_character_description_is_printed_whole(db_url: str) -> None:
    description = ("We now bring more socks to every stop of the van. " * 40)[:2000].strip()
    with write_session() as session:
        row = actions.create_action(
            session,
            actions.ActionDraft(
                title="More socks", changed_on=MARCH.replace(day=5), description=description
            ),
            actor="ada",
        )
        actions.publish_action(session, row.id, actor="ada")
    data = _make_pack()
    words = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert " ".join(words.split()).count("every stop of the van") == 40


# Any text at all, in any cell: control characters, lone surrogates, everything.
ANY = st.text(st.characters(exclude_categories=()), max_size=2500)


@given(cells=st.lists(ANY, min_size=9, max_size=9), long=full(2500))
@PACKS
def test_any_unicode_in_any_table_makes_a_pdf(cells: list[str], long: str) -> None:
    """No database: a pack whose tables hold any text, each cell past any form's limit."""
    a, b, c_, d, e, f, g, h, i = cells
    pack = report.ForumPack(
        month=MARCH,
        end=report.month_end(MARCH),
        site_slug=None,
        sites=(a, b),
        threshold=8,
        empty=False,
        headlines=(),
        tables={
            "headlines": Table(("Figure", "Value"), (("Responses", 25),)),
            "sites": Table(("Site", "Responses"), ((a, 10), (long, "<8"))),
            "provisions": Table(("Provision", "Asked for by"), ((b, 15), (long, "<8"), (c_, 10))),
            "consultations": Table(
                ("Question", "Ran", "Where", "Answer", "Women", "% answered", "What we did"),
                ((long, d, e, f, 10, 50, long), (g, "", "", h, "<8", "*", "")),
            ),
            "actions": Table(
                ("Date", "What changed", "More detail", "Prompted by"),
                ((MARCH, long[:120], long, i), (MARCH, a, "", "")),
            ),
            "quotes": Table(("Question", "In her words"), ((b, long),)),
        },
    )
    assert report.pdf_bytes(pack).startswith(b"%PDF")


def test_a_dollar_sign_in_a_name_is_not_read_as_mathematics_by_the_charts() -> None:
    table = Table(("Provision", "Asked for by"), ((r"$\frac$ tokens", 15), ("a$b$c", 10)))
    pack = report.ForumPack(MARCH, report.month_end(MARCH), None, (), 8, False, (), {})
    pack.tables["provisions"] = table
    assert re.match(rb"^\x89PNG", report.charts(pack)["provisions"])


def test_the_summary_fits_on_page_one_with_every_list_full_and_every_name_at_its_longest() -> None:
    """Page 1 holds the whole summary even when each item it names is as long as allowed."""
    word = ("Supercalifragilistic " * 20).strip()
    label = word[: admin.MAX_LABEL_CHARS]
    counts = [40, 35, 30, 25, 20, 15, 10]
    slots = [f"{n} {label}"[: admin.MAX_LABEL_CHARS] for n in range(5)]
    pack = report.ForumPack(
        month=MARCH,
        end=report.month_end(MARCH),
        site_slug=None,
        sites=tuple(f"{n} {label}"[: admin.MAX_LABEL_CHARS] for n in range(3)),
        threshold=8,
        empty=False,
        headlines=(
            Headline("Responses", 1234),
            Headline("% rated good or very good", 61.5),
            Headline("Comments", 415),
            Headline("% of comments that read positive", "*"),
        ),
        tables={
            "headlines": Table(("Figure", "Value"), (("Responses", 1235),)),
            "provisions": Table(
                ("Provision", "Asked for by", "% of responses"),
                tuple((f"{n} {label}", count, 10.0) for n, count in enumerate(counts)),
            ),
            "times": Table(
                ("Day", *slots),
                tuple((day, *counts[:5]) for day in ("Mon", "Tue", "Wed", "Thu", "Fri")),
            ),
            "actions": Table(
                ("Date", "What changed", "More detail", "Prompted by"),
                tuple(
                    (MARCH.replace(day=n + 1), f"{n} {word}"[: actions.MAX_TITLE_CHARS], "", "")
                    for n in range(report.SUMMARY_CHANGES + 2)
                ),
            ),
            "next": Table(
                ("When", "What", "About", "Where"),
                tuple(
                    (
                        "20 March 2026 to 20 April 2026",
                        f"{n} {word}"[: c.MAX_QUESTION_CHARS],
                        "A question women are being asked",
                        label,
                    )
                    for n in range(report.SUMMARY_NEXT + 2)
                ),
            ),
            "quotes": Table(("Question", "In her words"), ()),
        },
    )
    pages = [
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO(report.pdf_bytes(pack))).pages
    ]
    assert "The detail follows" in pages[0]  # the summary's last line is still on page 1
    assert "There is more" in pages[0]
    assert pages[1].startswith("Headline figures")
