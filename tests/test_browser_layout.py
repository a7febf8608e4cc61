"""The kiosk's layout in a real Chromium, on a 10" tablet both ways up (800x1280, 1280x800).

In every language in locales/: each screen, from Welcome through two consultations to Thank
you, shows all its controls without scrolling, and no words are cut ("Mon 9pm–midni…"); the
faces sit over their words and are named with them; the times are a day x time grid with
headings, each toggle named with its day and time; a chosen chip carries a tick. And the
Shift x3 advice shows only where there is a keyboard or a mouse.

One browser page walks the kiosk once per language, and each test reads what that walk
measured; each screen is measured both ways up by turning the page (resizing it).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from db import actions
from db import consultations as c
from db.service_day import service_date_now
from db.session import write_session
from locales import available, words
from tests.conftest import StreamlitServer, step, wait_for_app

ORIENTATIONS = {"portrait": (800, 1280), "landscape": (1280, 800)}
LANGUAGES = [code for code, _ in available()]  # a new locales/*.toml is covered as it lands
MIN_TARGET_PX = 48
QUESTION = "We're thinking of moving Tuesday's van to Wednesday. Would that work for you?"
# The drop-in's consultations: (question, kind, choices, prompt for her own words).
CONSULTATIONS = (
    (QUESTION, "faces", (), "Anything else about the van's days?"),
    (
        "Would a Sunday afternoon drop-in suit you?",
        "choices",
        (("👍", "Yes"), ("👎", "No")),
        "Anything else?",
    ),
)

# The tablet has a voice for every language, so the read-aloud button shows on every step
# (headless Chromium has none) and takes its room in the layout.
VOICES = """(() => {
  const speech = window.speechSynthesis;
  if (!speech) return;
  const voices = %s.map((lang) => ({ lang, name: lang, voiceURI: lang, localService: true,
    default: false }));
  speech.getVoices = () => voices;
})();"""

# What is wrong with the screen as it stands, scrolled to the top: controls and words
# outside the viewport, words cut short (scrollWidth > clientWidth, an ellipsis), a page
# wider than the screen. Icons' glyphs and words drawn only for screen readers are not
# words on the screen; what she typed in a box is not measured.
MEASURE = """() => {
  const width = window.innerWidth;
  const height = window.innerHeight;
  const problems = [];
  const all = [];
  (function collect(root) {
    for (const e of root.querySelectorAll('*')) {
      all.push(e);
      if (e.shadowRoot) collect(e.shadowRoot);
    }
  })(document);
  for (const e of all) if (e.scrollTop) e.scrollTop = 0;
  const up = (n) => n.parentElement || (n.getRootNode() && n.getRootNode().host) || null;
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) return false;
    for (let n = e; n; n = up(n)) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    return true;
  };
  const name = (e) =>
    (e.innerText || e.getAttribute('aria-label') || e.tagName).trim().slice(0, 40);
  const px = Math.round;
  const box = (r) => `${px(r.left)},${px(r.top)} ${px(r.width)}x${px(r.height)}`;
  for (const e of all) {
    const control = e.matches('button, input, textarea, select, [role=radio], [role=button]');
    const text = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!(control || text) || e.closest('script, style, noscript, textarea')) continue;
    if (!control && e.closest('[data-testid^=stIcon]')) continue;
    if (!shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.left < -1 || r.top < -1 || r.right > width + 1 || r.bottom > height + 1) {
      problems.push(`off the screen: ${control ? 'control' : 'words'} "${name(e)}" at ${box(r)}`);
    }
    if (!text) continue;
    let block = e;
    while (block && getComputedStyle(block).display.startsWith('inline')) {
      block = block.parentElement;
    }
    // Up from the words to their element: each box holds them whole.
    for (let n = block; n && !n.matches('[data-testid=stElementContainer]'); n = n.parentElement) {
      const s = getComputedStyle(n);
      const wide = n.clientWidth > 0 && n.scrollWidth > n.clientWidth + 1;
      const tall = s.overflowY !== 'visible' && n.clientHeight > 0
        && n.scrollHeight > n.clientHeight + 1;
      if (wide || tall) {
        const size = `${n.scrollWidth}x${n.scrollHeight} in ${n.clientWidth}x${n.clientHeight}`;
        problems.push(`cut: "${name(e)}" (${n.tagName} ${size})`);
        break;
      }
      const clipped = s.overflowX !== 'visible' && n.scrollWidth > n.clientWidth;
      if (s.textOverflow === 'ellipsis' && clipped) {
        problems.push(`ellipsis: "${name(e)}"`);
        break;
      }
    }
  }
  for (const e of [document.documentElement, document.querySelector('[data-testid=stMain]')]) {
    if (e && e.scrollWidth > width + 1) problems.push(`wider than the screen: ${e.scrollWidth}`);
  }
  return problems;
}"""

# A faces widget keyed `key`: each face's centre x, top and bottom; each word's text extent
# (left, right, top) under it; the names a screen reader hears.
FACES = """(key) => {
  const widget = document.querySelector('.st-key-' + key);
  const faces = Array.from(widget.querySelectorAll('[role=radio]'));
  const words = Array.from(document.querySelectorAll(`.st-key-${key}_words [data-testid=stText]`));
  const extent = (e) => {  // the words themselves, not the column they stand in
    const range = document.createRange();
    range.selectNodeContents(document.createTreeWalker(e, NodeFilter.SHOW_TEXT).nextNode());
    const r = range.getBoundingClientRect();
    return [r.left, r.right, r.top];
  };
  return {
    faces: faces.map((f) => {
      const r = f.getBoundingClientRect();
      return [(r.left + r.right) / 2, r.top, r.bottom];
    }),
    words: words.map(extent),
    shown: words.map((e) => e.innerText.trim()),
    names: faces.map((f) => f.getAttribute('aria-label')),
    group: widget.querySelector('[role=radiogroup]').getAttribute('aria-label'),
  };
}"""


# The times grid as drawn: its headings' boxes, and every toggle's box and words.
CELLS = """() => {
  const rect = (e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const texts = (key) =>
    Array.from(document.querySelectorAll(`.st-key-${key} [data-testid=stText]`));
  return {
    times: texts('times_heads').map((e) => [e.innerText.trim(), rect(e)]),
    days: texts('times_days').map((e) => [e.innerText.trim(), rect(e)]),
    toggles: Array.from(document.querySelectorAll('.st-key-slots button')).map(
      (e) => [e.innerText.trim(), rect(e)]),
  };
}"""

# What a chip's tick is drawn with ('none' or '""' when it has none).
TICK = "(chip) => getComputedStyle(chip.querySelector(':scope > div'), '::before').content"


@dataclass
class Walk:
    """What one walk through the kiosk in one language found, screen by screen."""

    problems: dict[str, list[str]] = field(default_factory=dict)
    faces: dict[str, dict] = field(default_factory=dict)
    expected_faces: dict[str, list[str]] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)
    grids: dict[str, dict] = field(default_factory=dict)
    ticks: dict[str, tuple[str, str]] = field(default_factory=dict)  # chosen, not chosen
    chosen_names: dict[str, int] = field(default_factory=dict)  # name -> buttons so named


@pytest.fixture(scope="module")
def layout_server(tmp_path_factory, sqlite_template, chromium) -> Iterator[StreamlitServer]:  # type: ignore[no-untyped-def]
    """A server whose drop-in kiosk asks two consultations (one with faces) and shows
    changes made."""
    path = tmp_path_factory.mktemp("layout") / "lantern.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    today = service_date_now()
    with write_session(url) as session:
        for title in ("Hot soup every night now", "The van stops by the retail park on Fridays"):
            change = actions.create_action(session, actions.ActionDraft(title, today), actor="ada")
            actions.publish_action(session, change.id, actor="ada")
        # Two at once, the most a visit asks: the consultation step at its fullest.
        asked = []
        for question, kind, choices, prompt in CONSULTATIONS:
            row = c.create_consultation(
                session,
                c.ConsultationDraft(
                    question=question,
                    starts_on=today - dt.timedelta(days=2),
                    ends_on=today + dt.timedelta(days=10),
                    kind=kind,
                    choices=[c.ChoiceDraft(icon, words) for icon, words in choices],
                    text_prompt=prompt,
                    sites=["drop-in"],
                ),
                actor="ada",
            )
            c.open_consultation(session, row.id, actor="ada")
            asked.append(row.id)
    running = StreamlitServer(url, env={"LANTERN_KIOSK_RETURN_SECONDS": "120"})
    running.consultation = asked[0]  # type: ignore[attr-defined]  # the faces one
    yield running
    running.stop()


def _context(chromium, *, touch: bool):  # type: ignore[no-untyped-def]
    """A portrait tablet (touch) or a screen with a keyboard and a mouse (no touch)."""
    width, height = ORIENTATIONS["portrait"]
    context = chromium.new_context(viewport={"width": width, "height": height}, has_touch=touch)
    context.add_init_script(VOICES % json.dumps(LANGUAGES))
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Weather</p>"),
    )
    return context


@pytest.fixture(scope="module")
def kiosk_page(chromium, layout_server):  # type: ignore[no-untyped-def]
    """One tablet page for the whole module."""
    context = _context(chromium, touch=True)
    yield context.new_page()
    context.close()


def turn(page, orientation: str) -> None:  # type: ignore[no-untyped-def]
    """Turn the tablet, and let the page lay itself out again."""
    width, height = ORIENTATIONS[orientation]
    page.set_viewport_size({"width": width, "height": height})
    page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _tap(page, selector: str, index: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Tap one of the matching controls and wait for the app to settle."""
    page.locator(selector).nth(index).click()
    wait_for_app(page)


def _named(page, key: str, names: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Wait (briefly) for the faces keyed `key` to carry the names given to them."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # If they never do, the test reports the names the faces have instead.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(
            """([key, names]) => {
                const faces = document.querySelectorAll(`.st-key-${key} [role=radio]`);
                return faces.length === names.length
                    && Array.from(faces).every((f, i) => f.getAttribute('aria-label') === names[i]);
            }""",
            arg=[key, names],
            timeout=5_000,
        )


def _ticks(page, found: Walk, chips: str) -> None:  # type: ignore[no-untyped-def]
    """Record the tick of a chosen and of an unchosen chip among `chips` (a selector of the
    chips with {state} where their state goes), and how many buttons carry the chosen
    one's words as their whole name (a tick read out would make that none)."""
    chosen = page.locator(chips.format(state="true")).first
    other = page.locator(chips.format(state="false")).first
    found.ticks[chips] = (chosen.evaluate(TICK), other.evaluate(TICK))
    role, name = chosen.evaluate(
        """(chip) => {
            const words = chip.querySelector('p').innerText.trim();
            return [chip.getAttribute('role') || 'button', words];
        }"""
    )
    found.chosen_names[name] = page.get_by_role(role, name=name, exact=True).count()


def _walk(page, server, code: str) -> Walk:  # type: ignore[no-untyped-def]
    """Walk from Welcome to Thank you in `code`, measuring every screen both ways up."""
    w = words(code)
    found = Walk()
    consultation = f"consultation_{server.consultation}"

    def measure(screen: str, faces: str | None = None, grid: bool = False) -> None:
        for orientation in ORIENTATIONS:
            turn(page, orientation)
            problems = page.evaluate(MEASURE)
            if problems:
                found.problems[f"{screen}, {orientation}"] = problems
            if faces:
                found.faces[f"{screen}, {orientation}"] = page.evaluate(FACES, faces)
            if grid:
                found.grids[orientation] = page.evaluate(CELLS)
        turn(page, "portrait")

    turn(page, "portrait")
    page.goto(f"{server.url}/?site=drop-in")
    wait_for_app(page)
    if len(LANGUAGES) > 1:  # one language: no choice to make
        page.locator(".st-key-kiosk_language button", has_text=dict(available())[code]).click()
        page.locator(".st-key-start button", has_text=w["welcome.start"]).wait_for()
        wait_for_app(page)
        _ticks(page, found, ".st-key-kiosk_language button[aria-checked={state}]")
    measure("welcome")
    step(page, "start", ".st-key-rating")
    _tap(page, ".st-key-rating [role=radio]", 3)  # "Send just this" appears too
    page.locator(".st-key-send_now button").wait_for()
    found.expected_faces["rating"] = w.get("rating.faces")
    found.questions["rating"] = w["rating.title"]
    _named(page, "rating", found.expected_faces["rating"])
    measure("rating", faces="rating")
    step(page, "next", ".st-key-provisions")
    _tap(page, ".st-key-provisions button", 4)  # and "Send now"
    _ticks(page, found, ".st-key-provisions button[aria-pressed={state}]")
    measure("provisions")
    step(page, "next", ".st-key-slots")
    _tap(page, ".st-key-slots button", 12)  # Wednesday, the third time of day
    _ticks(page, found, ".st-key-slots button[aria-pressed={state}]")
    measure("times", grid=True)
    step(page, "next", ".st-key-text_good textarea")
    measure("tell us more")
    step(page, "next", f".st-key-{consultation}")
    _tap(page, f".st-key-{consultation} [role=radio]", 4)
    found.expected_faces["consultation"] = w.get("consultation.faces")
    found.questions["consultation"] = QUESTION
    _named(page, consultation, found.expected_faces["consultation"])
    measure("consultation", faces=consultation)
    step(page, "submit", ".st-key-done")
    measure("thank you")
    return found


@pytest.fixture(scope="module")
def walked(kiosk_page, layout_server) -> Callable[[str], Walk]:  # type: ignore[no-untyped-def]
    """The walk in a language, taken once however many tests read it."""
    done: dict[str, Walk] = {}

    def walk(code: str) -> Walk:
        if code not in done:
            done[code] = _walk(kiosk_page, layout_server, code)
        return done[code]

    return walk


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_screen_fits_the_tablet_both_ways_up_with_no_words_cut(walked, code) -> None:
    assert walked(code).problems == {}


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_face_sits_over_its_words_and_the_faces_are_evenly_spread(walked, code) -> None:
    found = walked(code).faces
    assert len(found) == 2 * len(ORIENTATIONS)  # rating and consultation, both ways up
    wrong = {}
    for screen, seen in found.items():
        faces, shown = seen["faces"], seen["words"]
        assert len(faces) == len(shown) == 5, screen
        for (centre, _, bottom), (left, right, top) in zip(faces, shown, strict=True):
            if not (left - 1 <= centre <= right + 1 and top >= bottom - 1):
                wrong[screen] = (faces, shown)
        steps = [b[0] - a[0] for a, b in itertools.pairwise(faces)]
        if max(steps) - min(steps) > 2:
            wrong[f"{screen}: uneven"] = steps
        # Spread over the words' width, not bunched at one side of it.
        if faces[-1][0] - faces[0][0] < 0.6 * (shown[-1][1] - shown[0][0]):
            wrong[f"{screen}: bunched"] = (faces, shown)
    assert wrong == {}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_screen_reader_names_each_face_with_the_words_under_it(walked, code) -> None:
    found = walked(code)
    for screen, seen in found.faces.items():
        kind = screen.split(",")[0]
        assert seen["names"] == found.expected_faces[kind], screen
        assert seen["shown"] == found.expected_faces[kind], screen
        assert seen["group"] == found.questions[kind], screen


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_times_are_a_grid_of_days_and_times_with_headings(walked, code) -> None:
    days = words(code).get("times.days")
    wrong = {}
    for orientation, grid in walked(code).grids.items():
        times = [name for name, _ in grid["times"]]
        assert [name for name, _ in grid["days"]] == days
        assert len(times) == 5  # the default catalogue's time slots
        assert len(grid["toggles"]) == len(days) * len(times)
        # The times head the grid; the days run down its side.
        assert max(box["bottom"] for _, box in grid["times"]) <= grid["toggles"][0][1]["top"]
        for i, (day, row) in enumerate(grid["days"]):
            for j, (time, column) in enumerate(grid["times"]):
                said, cell = grid["toggles"][i * len(times) + j]
                middle_x = (cell["left"] + cell["right"]) / 2
                middle_y = (cell["top"] + cell["bottom"]) / 2
                checks = {
                    # Its words, which a screen reader says, name the day and the time.
                    "named": said == f"{day} {time}",
                    "under its time": column["left"] <= middle_x <= column["right"],
                    "beside its day": row["top"] <= middle_y <= row["bottom"]
                    and row["right"] <= cell["left"],
                    "big enough": cell["right"] - cell["left"] >= MIN_TARGET_PX
                    and cell["bottom"] - cell["top"] >= MIN_TARGET_PX,
                }
                wrong |= {f"{orientation} {day} {time}": k for k, ok in checks.items() if not ok}
    assert set(walked(code).grids) == set(ORIENTATIONS)
    assert wrong == {}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_chosen_chip_carries_a_tick_as_well_as_its_colour(walked, code) -> None:
    found = walked(code)
    assert len(found.ticks) == (3 if len(LANGUAGES) > 1 else 2)  # language, provision, time
    for chips, (chosen, other) in found.ticks.items():
        assert "✓" in chosen, chips
        assert "✓" not in other, chips
    # The tick is drawn, not said: each chosen chip's name is its words alone.
    assert found.chosen_names and set(found.chosen_names.values()) == {1}


def test_the_shift_advice_shows_only_on_a_device_with_a_keyboard(
    chromium, kiosk_page, layout_server
) -> None:
    w = words("en")
    seen = {}
    laptop = _context(chromium, touch=False)  # a keyboard and a mouse
    for device, page in (("tablet", kiosk_page), ("laptop", laptop.new_page())):
        page.goto(f"{layout_server.url}/?site=drop-in")
        page.locator(".st-key-start button", has_text=w["welcome.start"]).wait_for()
        wait_for_app(page)
        # The kiosk's style sheet may land after the words it hides (seen on a busy
        # machine): wait until it is in force (Exit's own colours) before looking.
        page.wait_for_function(
            "() => { const b = document.querySelector('.st-key-exit button');"
            " return b && getComputedStyle(b).backgroundColor === 'rgb(43, 51, 64)'; }",
            timeout=30_000,
        )
        seen[device] = (
            page.get_by_text(w["common.exit_help"]).is_visible(),
            page.get_by_text(w["common.exit_keys"]).is_visible(),
        )
    laptop.close()
    assert seen == {"tablet": (True, False), "laptop": (True, True)}
