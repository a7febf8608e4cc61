"""Hostile text typed into the real kiosk, then read on the staff pages, in the exports
and in the forum pack's PDF: nothing in it runs, nothing is fetched from its host, and
it shows exactly as it was stored (control and invisible characters dropped, cut at the
limit), in a real Chromium."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from analysis.pipeline import analyse
from analysis.text import MAX_ANSWER_CHARS, clean
from db import auth, comments
from db import consultations as c
from db.service_day import service_date_now
from db.session import reset_engines, write_session
from db.submissions import FeedbackForm, submit_feedback
from locales import words
from pages._ui import STAFF_PAGES
from tests.conftest import StreamlitServer, open_from_sidebar, sign_in, step, wait_for_app
from tests.staff_helpers import PASSWORD, STAFF_PAGE_FILES

HOST = "evil.example"
LONG = ("longplum " + "wordy " * 20_000)[:100_000]
AT_LIMIT = words("en")["text.at_limit"]


@dataclass(frozen=True)
class Payload:
    """One hostile answer: the box it goes in, what is typed, what must be stored."""

    name: str
    box: str  # text_good, text_better, provision_other or consultation
    typed: str
    stored: str  # analysis/text.py clean(): control and invisible characters go, cut at 1,000
    marker: str  # a piece of it to find on the page
    quote: bool = False  # marked as suitable to quote in the forum pack


def _same(name: str, box: str, text: str, marker: str, quote: bool = False) -> Payload:
    """A payload that is stored exactly as typed."""
    return Payload(name, box, text, text, marker, quote)


# Redaction leaves every one as it is (the first test below): what is stored is known.
PAYLOADS = (
    _same(
        "tags",
        "text_good",
        '<b>boldplum</b> <i>italic</i> <div style="position:fixed;inset:0;background:red">'
        "coverplum</div> the hot food was good",
        "boldplum",
        quote=True,
    ),
    _same(
        "script",
        "text_better",
        '<script>window.__pwned="script"</script> scriptplum',
        "scriptplum",
        quote=True,
    ),
    _same(
        "img onerror",
        "text_better",
        "<img src=x onerror=\"window.__pwned='img'\"> imgplum "
        f'<img src="https://{HOST}/direct.png"> <svg onload="window.__pwned=1"></svg>',
        "imgplum",
        quote=True,
    ),
    _same(
        "javascript links",
        "text_good",
        '[clickplum](javascript:window.__pwned="md") '
        "<a href=\"javascript:window.__pwned='a'\">anchorplum</a>",
        "clickplum",
    ),
    _same(
        "remote image",
        "text_better",
        f"![pixelplum](https://{HOST}/pixel.png) **starplum** # hashplum "
        f'<iframe src="https://{HOST}/frame"></iframe>',
        "pixelplum",
        quote=True,
    ),
    _same(
        "formula",
        "text_better",
        f'=HYPERLINK("https://{HOST}/f","formulaplum")',
        "formulaplum",
        quote=True,
    ),
    Payload(
        "right-to-left override",
        "text_good",
        "rtlplum \u202egnp.exe\u202c and \u2066isolated\u2069 text",
        "rtlplum gnp.exe and isolated text",
        "rtlplum",
    ),
    Payload(
        "zero-width",
        "text_good",
        "zero\u200bwidth\u200cplum\u200d\ufeff joined\u2060word",
        "zerowidth\u200cplum\u200d joinedword",
        "joinedword",
    ),
    Payload("nul", "text_better", "nul\x00plum\x01\x07\x1b[31m red", "nulplum[31m red", "nulplum"),
    Payload("100,000 characters", "text_good", LONG, LONG[:MAX_ANSWER_CHARS], "longplum"),
    _same(
        "flagged",
        "text_better",
        "<b>my partner hits me</b> <img src=x onerror=\"window.__pwned='flag'\"> hurtplum",
        "hurtplum",
    ),
    _same(
        "something else",
        "provision_other",
        "<img src=x onerror=\"window.__pwned='other'\">otherplum",
        "otherplum",
    ),
    _same(
        "consultation words",
        "consultation",
        '<script>window.__pwned="consult"</script>[consultplum](javascript:window.__pwned=2)',
        "consultplum",
    ),
)
BY_NAME = {p.name: p for p in PAYLOADS}
# Anything the payloads could turn into, if they were ever read as HTML or Markdown.
LIVE = f"img[src*='{HOST}'], iframe[src*='{HOST}'], a[href^='javascript:' i], [onerror], [onload]"


class Watch:
    """Everything a browser context asked for, and any dialog a payload could open."""

    def __init__(self, context, base: str) -> None:  # type: ignore[no-untyped-def]
        self.context = context
        self.base = base
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.dialogs: list[str] = []
        context.on("request", lambda request: self.requests.append(request.url))
        # A pattern, not a Python callable: the driver matches it without asking us each time.
        context.route(re.compile(re.escape(HOST)), self._block)

    def _block(self, route) -> None:  # type: ignore[no-untyped-def]
        self.blocked.append(route.request.url)
        route.abort()

    def new_page(self):  # type: ignore[no-untyped-def]
        """A page whose dialogs are recorded (and dismissed)."""
        page = self.context.new_page()
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        return page

    def elsewhere(self) -> list[str]:
        """Requests to anywhere but the Lantern server, or for the payloads' `src=x`."""
        return [
            url
            for url in self.requests
            if not url.startswith(self.base) or urlparse(url).path.rstrip("/").endswith("/x")
        ]


@dataclass
class Kiosk:
    """The stored answers of the hostile visits, and what the tablet did meanwhile."""

    server: StreamlitServer
    answers: dict[str, tuple[int, str]]  # payload name -> (answer id, stored text)
    watch: Watch
    pwned: list[object]  # window.__pwned on each tablet at the end
    said_full: dict[str, object]  # payload name -> whether the kiosk said a box was full
    service_date: dt.date
    themes: dict[int, set[str]] = field(default_factory=dict)  # answer id -> theme slugs
    flagged: set[int] = field(default_factory=set)  # answer ids with a safeguarding concern


def _rows(server: StreamlitServer, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(server.database_url.removeprefix("sqlite:///")) as conn:
        return conn.execute(sql, args).fetchall()


# Whichever test first uses `kiosk` pays for its visits (thirteen of them, one payload
# each, took 250-340 s on a slow machine; seven now): the test order is not fixed, so
# every test here gets 900 s.
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory, sqlite_template, chromium) -> Iterator[StreamlitServer]:  # type: ignore[no-untyped-def]
    """A server over an empty database with one admin (who may open every staff page)."""
    path = tmp_path_factory.mktemp("hostile") / "lantern.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    with write_session(url) as session:
        auth.create_user(session, "ada", PASSWORD, "admin")
    reset_engines()
    running = StreamlitServer(url, env={"LANTERN_KIOSK_RETURN_SECONDS": "120"})
    yield running
    running.stop()


def _open_consultation(server: StreamlitServer) -> int:
    """An open consultation at the drop-in, asking for her own words too; its id."""
    today = service_date_now()  # the date the pages' filters end on
    draft = c.ConsultationDraft(
        question="Would a later van suit you?",
        starts_on=today - dt.timedelta(days=2),
        ends_on=today + dt.timedelta(days=10),
        choices=[c.ChoiceDraft("👍", "Yes"), c.ChoiceDraft("👎", "No")],
        text_prompt="Anything else about the van?",
        sites=["drop-in"],
    )
    with write_session(server.database_url) as session:
        row = c.create_consultation(session, draft, actor="ada")
        c.open_consultation(session, row.id, actor="ada")
    reset_engines()
    return row.id


def _settled(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until nothing on the page will move: the last run's leftovers are gone and
    every chart has drawn (a chart drawn late pushes what is below it down the page)."""
    wait_for_app(page)
    page.wait_for_function(
        """() => !document.querySelector("[data-stale='true']") &&
            [...document.querySelectorAll("[data-testid='stPlotlyChart']")]
                .every(chart => chart.querySelector('.main-svg'))""",
        timeout=30_000,
    )


def _shown(page, selector: str) -> None:  # type: ignore[no-untyped-def]
    """Wait for the next step's own content, then for the script to finish."""
    page.locator(selector).first.wait_for(timeout=30_000)
    wait_for_app(page)


def _visits() -> list[tuple[Payload, ...]]:
    """The payloads in as few visits as the boxes allow (one payload per box), so the
    module's setup stays short. The flagged one goes alone (a concern may change what is
    shown of the rest of her submission), and the consultation's visit comes last: an
    open consultation adds a step to every visit."""
    alone = [p for p in PAYLOADS if p.name == "flagged" or p.box == "consultation"]
    visits: list[list[Payload]] = []
    for payload in PAYLOADS:
        if payload in alone:
            continue
        free = next((v for v in visits if all(q.box != payload.box for q in v)), None)
        if free is None:
            visits.append([payload])
        else:
            free.append(payload)
    return [tuple(v) for v in visits] + [(p,) for p in alone]


def _visit(page, base: str, payloads: tuple[Payload, ...], consultation: int | None) -> set[str]:  # type: ignore[no-untyped-def]
    """One visit to the kiosk (a session of its own), Welcome to Thank you, typing each
    payload in its box; the names of those for which the kiosk said kindly that a box
    was full."""
    by_box = {p.box: p for p in payloads}
    page.goto(f"{base}/?site=drop-in")
    _shown(page, ".st-key-start button")
    step(page, "start", "text=How was tonight?")
    step(page, "next", "text=What would you like more of?")
    if "provision_other" in by_box:
        page.locator(".st-key-provision_other input").fill(by_box["provision_other"].typed)
    step(page, "next", "text=When is best for you?")
    step(page, "next", ".st-key-text_good textarea")
    said_full = set()
    # The one past the limit goes last, so leaving its box is the last thing typed.
    typed = sorted(
        (p for p in payloads if p.box in ("text_good", "text_better")),
        key=lambda p: len(p.typed) > MAX_ANSWER_CHARS,
    )
    for payload in typed:
        box = page.locator(f".st-key-{payload.box} textarea")
        box.fill(payload.typed)  # like a paste: all of it at once
        if len(payload.typed) > MAX_ANSWER_CHARS:
            # The box keeps what fits (rather than dropping the lot), and says so once
            # Streamlit has the value (on leaving the box).
            assert box.input_value() == payload.typed[:MAX_ANSWER_CHARS]
            other = "text_better" if payload.box == "text_good" else "text_good"
            page.locator(f".st-key-{other} textarea").click()
            _shown(page, f"text={AT_LIMIT}")
            said_full.add(payload.name)
    if consultation is not None:
        her_words = f".st-key-consultation_{consultation}_text textarea"
        step(page, "next", her_words)
        page.locator(her_words).fill(by_box["consultation"].typed)
    step(page, "submit", "text=Thank you for telling us.")
    return said_full


@pytest.fixture(scope="module")
def kiosk(chromium, hostile_server: StreamlitServer) -> Iterator[Kiosk]:
    """Every payload sent through the real kiosk on a tablet, a few to each visit (each
    visit a session of its own)."""
    context = chromium.new_context(viewport={"width": 800, "height": 1280}, has_touch=True)
    watch = Watch(context, hostile_server.url)
    base = hostile_server.url
    visits = _visits()
    said_full: set[str] = set()
    pwned = []
    for payloads in visits:
        consultation = None
        if any(p.box == "consultation" for p in payloads):
            consultation = _open_consultation(hostile_server)
        page = watch.new_page()
        said_full |= _visit(page, base, payloads, consultation)
        pwned.append(page.evaluate("() => window.__pwned"))
        page.close()  # its thank-you screen would keep asking the server every 2 s
    context.close()

    stored = _rows(hostile_server, "SELECT id, text FROM answers ORDER BY id")
    assert len(stored) == len(PAYLOADS)
    assert len(visits) == len(_rows(hostile_server, "SELECT id FROM submissions"))
    # The Comments page dates a comment no finer than a group of 8 women: one more (a
    # rating alone, that night) makes the drop-in's week big enough to show the cards.
    (night,) = _rows(hostile_server, "SELECT max(service_date) FROM submissions")[0]
    submit_feedback(
        FeedbackForm(rating=2, site="drop-in", service_date=dt.date.fromisoformat(str(night))),
        url=hostile_server.database_url,
    )
    reset_engines()
    answers = {p.name: next(row for row in stored if p.marker in row[1]) for p in PAYLOADS}
    themes: dict[int, set[str]] = {}
    for answer_id, theme in _rows(hostile_server, "SELECT answer_id, theme FROM answer_themes"):
        themes.setdefault(answer_id, set()).add(theme)
    (day,) = _rows(hostile_server, "SELECT max(service_date) FROM submissions")[0]
    # Some may be quoted word for word in the forum pack (a co-ordinator's review).
    with write_session(hostile_server.database_url) as session:
        for payload in PAYLOADS:
            if payload.quote:
                comments.review(session, answers[payload.name][0], reviewer="ada", publishable=True)
    reset_engines()
    yield Kiosk(
        hostile_server,
        answers,
        watch,
        pwned,
        {p.name: p.name in said_full for p in PAYLOADS},
        dt.date.fromisoformat(day),
        themes,
        {a for (a,) in _rows(hostile_server, "SELECT DISTINCT answer_id FROM answer_concerns")},
    )


@dataclass
class Staff:
    """One signed-in staff browser, shared by the tests of this module."""

    page: object
    watch: Watch


@pytest.fixture(scope="module")
def staff(chromium, kiosk: Kiosk) -> Iterator[Staff]:
    """An admin signed in on a laptop-sized browser."""
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
    watch = Watch(context, kiosk.server.url)
    page = watch.new_page()
    sign_in(page, kiosk.server.url, "ada", PASSWORD)
    yield Staff(page, watch)
    context.close()


def _assert_inert(page, watch: Watch) -> None:  # type: ignore[no-untyped-def]
    """Nothing a payload holds became an element, ran, opened a dialog or fetched anything."""
    assert any(url.startswith(watch.base) for url in watch.requests)  # the watch works
    # st.text draws one <span> of text: any element inside it was made from her words.
    made = page.locator("[data-testid='stText'] > span *")
    assert made.count() == 0, made.first.evaluate("e => e.outerHTML")
    assert page.locator(LIVE).count() == 0
    # Labels, headings and captions are Markdown: her words must never be among them.
    assert page.locator("[data-testid='stMarkdownContainer']", has_text="plum").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert watch.dialogs == []
    assert watch.blocked == []
    assert watch.elsewhere() == []


def _card_ids(page) -> set[int]:  # type: ignore[no-untyped-def]
    """The answer ids of the comment cards on the page."""
    classes = page.locator("[class*='st-key-comment_']").evaluate_all(
        "cards => cards.map(card => card.className)"
    )
    return {int(m.group(1)) for name in classes for m in [re.search(r"st-key-comment_(\d+)", name)]}


def _assert_cards_literal(page, kiosk: Kiosk, names) -> None:  # type: ignore[no-untyped-def]
    """Each named payload's card shows the stored text exactly, and its marker is visible."""
    for name in names:
        answer_id, text = kiosk.answers[name]
        card = page.locator(f".st-key-comment_{answer_id}")
        shown = card.locator("[data-testid='stText']").nth(1).text_content()
        assert shown == text, name
        assert page.get_by_text(BY_NAME[name].marker).first.is_visible(), name


@pytest.mark.parametrize("payload", PAYLOADS, ids=lambda p: p.name)
def test_cleaning_and_redaction_leave_each_payload_as_the_table_says(payload: Payload) -> None:
    assert analyse(clean(payload.typed).text).redacted == payload.stored


def test_the_kiosk_stores_each_payload_as_plain_cleaned_text(kiosk: Kiosk) -> None:
    stored = {name: text for name, (_, text) in kiosk.answers.items()}
    assert stored == {p.name: p.stored for p in PAYLOADS}
    assert len(stored["100,000 characters"]) == MAX_ANSWER_CHARS
    assert kiosk.said_full == {p.name: p.name == "100,000 characters" for p in PAYLOADS}
    assert not re.search(
        r"[\x00-\x08\x0b-\x1f\u202a-\u202e\u2066-\u2069\u200b\ufeff]", "".join(stored.values())
    )
    assert kiosk.pwned == [None] * len(kiosk.pwned)
    assert kiosk.watch.dialogs == []
    assert kiosk.watch.blocked == []
    assert kiosk.watch.elsewhere() == []


def test_comments_show_every_payload_literally_and_nothing_runs(staff: Staff, kiosk: Kiosk) -> None:
    page = staff.page
    open_from_sidebar(page, "Comments")
    page.locator(f".st-key-comment_{kiosk.answers['tags'][0]}").wait_for(timeout=30_000)
    assert _card_ids(page) == {answer_id for answer_id, _ in kiosk.answers.values()}
    _assert_cards_literal(page, kiosk, BY_NAME)
    _assert_inert(page, staff.watch)


def test_the_safeguarding_review_shows_the_flagged_payload_literally(
    staff: Staff, kiosk: Kiosk
) -> None:
    page = staff.page
    open_from_sidebar(page, "Safeguarding review")
    flagged = kiosk.answers["flagged"][0]
    assert flagged in kiosk.flagged
    page.locator(f".st-key-comment_{flagged}").wait_for(timeout=30_000)
    assert _card_ids(page) == kiosk.flagged
    names = [n for n, (answer_id, _) in kiosk.answers.items() if answer_id in kiosk.flagged]
    _assert_cards_literal(page, kiosk, names)
    _assert_inert(page, staff.watch)


def test_a_themes_click_through_shows_its_payloads_literally(staff: Staff, kiosk: Kiosk) -> None:
    from playwright.sync_api import expect

    page = staff.page
    open_from_sidebar(page, "Themes")
    grid = page.locator(".st-key-theme_table [data-testid='data-grid-canvas']").first
    grid.wait_for(timeout=30_000)
    _assert_inert(page, staff.watch)
    _settled(page)
    # The first row's selection box: at the left of the first row, under the header.
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 17)
    button = page.locator(".st-key-open_theme button")
    button.wait_for(timeout=30_000)
    label = button.inner_text().removeprefix("Read the comments about ").strip()
    button.click()
    page.get_by_role("heading", name="Comments").wait_for(timeout=30_000)
    expect(page.locator(".st-key-comments_theme input")).to_have_value(label, timeout=30_000)
    wait_for_app(page)
    slug = _rows(kiosk.server, "SELECT slug FROM themes WHERE label = ?", label)
    expected = {a for a, slugs in kiosk.themes.items() if slug and slug[0][0] in slugs}
    assert expected, f"no payload has the theme {label!r}"
    assert _card_ids(page) == expected
    names = [n for n, (answer_id, _) in kiosk.answers.items() if answer_id in expected]
    _assert_cards_literal(page, kiosk, names)
    _assert_inert(page, staff.watch)


def test_the_consultation_results_show_her_words_literally(staff: Staff, kiosk: Kiosk) -> None:
    page = staff.page
    open_from_sidebar(page, "Consultations")
    page.get_by_text("What women wrote (redacted; plain text)").click()
    words_shown = page.get_by_text(BY_NAME["consultation words"].marker)
    words_shown.first.wait_for(timeout=30_000)
    texts = page.locator("[data-testid='stExpander'] [data-testid='stText']").all_text_contents()
    assert kiosk.answers["consultation words"][1] in texts
    _assert_inert(page, staff.watch)


def test_every_staff_page_stays_inert_with_the_payloads_stored(staff: Staff) -> None:
    page = staff.page
    for path in STAFF_PAGE_FILES:
        open_from_sidebar(page, STAFF_PAGES[path][0])
        _assert_inert(page, staff.watch)


def _download(page, key: str) -> bytes:  # type: ignore[no-untyped-def]
    """Press a download button; the file's bytes.

    With the keyboard (focus, Enter): a table drawn late above the button can move it
    between the moment a mouse click is aimed and the moment it lands.
    """
    _settled(page)
    with page.expect_download(timeout=30_000) as info:
        page.locator(f".st-key-{key} button").press("Enter")
    path = info.value.path()
    wait_for_app(page)
    with open(path, "rb") as handle:
        return handle.read()


def _squeezed(text: str) -> str:
    """Text without whitespace (a PDF wraps lines where it likes)."""
    return re.sub(r"\s+", "", text)


def test_the_forum_pack_quotes_payloads_literally_and_formula_safe(
    staff: Staff, kiosk: Kiosk
) -> None:
    page = staff.page
    open_from_sidebar(page, "Forum report")
    month = f"{kiosk.service_date:%B %Y}"
    page.locator(".st-key-report_month input").click()
    page.get_by_role("option", name=month).click()
    page.get_by_role("heading", name=f"{month} · All sites").wait_for(timeout=30_000)
    wait_for_app(page)
    step(page, "report_make", ".st-key-report_pdf button")
    pdf = _download(page, "report_pdf")
    pack = _download(page, "report_zip")
    _assert_inert(page, staff.watch)

    quoted = [kiosk.answers[p.name][1] for p in PAYLOADS if p.quote]
    reader = PdfReader(io.BytesIO(pdf))
    text = _squeezed("".join(p.extract_text() for p in reader.pages))
    for quote in quoted:
        assert _squeezed(quote) in text
    # Nothing in the PDF links, runs or fetches: no annotations, actions or scripts.
    assert all("/Annots" not in p for p in reader.pages)
    root = reader.trailer["/Root"]
    assert not {"/AA", "/Names", "/AcroForm"} & set(root)
    # fpdf2 opens at the first page (a destination, which is a list), never an action.
    assert isinstance(root.get("/OpenAction", []), list)
    for marker in (b"/JavaScript", b"/URI", b"/Launch", b"/SubmitForm"):
        assert marker not in pdf

    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith("-quotes.csv")]
        rows = list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
    assert rows[0] == ["Question", "In her words"]
    cells = sorted(row[1] for row in rows[1:])
    # A cell that starts like a formula gets an apostrophe; the rest is exactly as stored.
    assert cells == sorted("'" + q if q.startswith("=") else q for q in quoted)


def test_the_themes_downloads_hold_no_payload_text(staff: Staff) -> None:
    page = staff.page
    open_from_sidebar(page, "Themes")
    _settled(page)
    page.get_by_text("Data: themes", exact=True).click()
    page.locator(".st-key-xlsx_themes_counts button").wait_for(timeout=30_000)
    table = _download(page, "csv_themes_counts").decode("utf-8-sig")
    book = load_workbook(io.BytesIO(_download(page, "xlsx_themes_counts")))
    cells = [str(v) for sheet in book for row in sheet.iter_rows(values_only=True) for v in row]
    assert table.count("\n") >= 2  # a header and at least one theme
    for payload in PAYLOADS:
        assert payload.marker not in table
        assert all(payload.marker not in cell for cell in cells)
    assert all(not cell.startswith(("=", "+", "@")) for cell in cells)
    _assert_inert(page, staff.watch)
