"""A tablet that never strands her: the server killed and restarted, the browser offline,
the tablet asleep, in a real Chromium (issue 14, point 1).

These tests also guard pages/_streamlit_chrome.py, the one place that depends on how
Streamlit's page is built: they fail when a Streamlit upgrade renames the connection state
it marks its app with, or brings back its own connection dialog on a kiosk page.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import create_engine, func, select, text

from db.models import Answer, Submission
from tests.conftest import StreamlitServer, step, wait_for_app

RATING = "text=How was tonight?"
PROVISIONS = "text=What would you like more of?"
TIMES = "text=When is best for you?"
TEXT = "text=Tell us more"
THANKS = "text=Thank you for telling us."
DOWN = "[data-testid='stApp']:not([data-test-connection-state='CONNECTED'])"
UP = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
RECONNECTING = "Reconnecting… Your answers are still here. You can still tap Exit."
IDLE_SECONDS = 12  # where the idle time is to run out
PATIENT_SECONDS = 90  # where it must not: a server restart takes a few seconds
NEUTRAL = "https://www.bbc.co.uk/weather"
# The neutral site, answered locally; it shows when its navigation began, on the browser's
# own clock, so the test can time quick exit without a clock of its own.
NEUTRAL_PAGE = "<p>Weather</p><script>document.title = String(performance.timeOrigin)</script>"


@pytest.fixture
def database(tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated SQLite database of this test's own."""
    path = tmp_path / "lantern.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


def _server(
    database: str, port: int | None = None, idle: int = PATIENT_SECONDS, back: int = PATIENT_SECONDS
) -> StreamlitServer:
    return StreamlitServer(
        database,
        env={"LANTERN_KIOSK_IDLE_SECONDS": str(idle), "LANTERN_KIOSK_RETURN_SECONDS": str(back)},
        port=port,
    )


@pytest.fixture
def tablet(chromium):
    """A tablet-sized page whose neutral exit site answers locally."""
    context = chromium.new_context(viewport={"width": 800, "height": 1280}, has_touch=True)
    context.route(
        f"{NEUTRAL}**",
        lambda route: route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE),
    )
    page = context.new_page()
    yield page
    context.close()


class Line:
    """The tablet's connection to the server, run through the test so it can be cut.

    Going offline in Chromium stops new requests but leaves an open websocket alone; a
    real dead spot ends it too. So the page's websocket is routed through here: cut() ends
    it and refuses new ones (and takes the browser offline); mend() lets them through.
    """

    def __init__(self, page) -> None:
        self.page = page
        self.up = True
        self.sockets: list = []
        page.route_web_socket(re.compile(r".*/_stcore/stream$"), self._route)

    def _route(self, socket) -> None:
        if not self.up:
            socket.close()
            return
        socket.connect_to_server()
        self.sockets.append(socket)

    def cut(self) -> None:
        self.up = False
        self.page.context.set_offline(True)
        for socket in self.sockets:
            socket.close()
        self.sockets.clear()

    def mend(self) -> None:
        self.up = True
        self.page.context.set_offline(False)


def _to_text_step(page, server: StreamlitServer) -> None:
    """Start a form: a face, one provision, then the words step with one box sent to the
    server (it lost focus) and words still being typed in the other."""
    page.goto(server.url)
    wait_for_app(page)
    step(page, "start", RATING)
    page.locator(".st-key-rating button").nth(3).click()  # the second-happiest face
    wait_for_app(page)
    step(page, "next", PROVISIONS)
    page.locator(".st-key-provisions button").first.click()
    page.wait_for_function("() => (window.__lantern.memory.answers.provisions || []).length === 1")
    wait_for_app(page)
    step(page, "next", TIMES)
    step(page, "next", TEXT)
    page.locator(".st-key-text_good textarea").fill("the soup was lovely")
    page.locator(".st-key-text_better textarea").click()  # the first box is sent on blur
    wait_for_app(page)
    page.wait_for_function(
        "() => (window.__lantern.memory || {answers: {}}).answers.text_good"
        " === 'the soup was lovely'"
    )
    page.locator(".st-key-text_better textarea").press_sequentially("more socks please")


def _stored(database: str) -> list[tuple]:
    """Every submission's rating and its answers' words, as stored."""
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            count = connection.scalar(select(func.count()).select_from(Submission))
            words = sorted(connection.scalars(select(Answer.text)).all())
            provisions = connection.scalar(text("SELECT count(*) FROM submission_provisions"))
    finally:
        engine.dispose()
    return [count, words, provisions]


def _assert_calm_while_down(page) -> None:
    """Nothing of Streamlit's own shows; the kiosk's line does, and Exit is live."""
    page.locator(DOWN).wait_for(state="attached", timeout=30_000)
    line = page.locator(".st-key-kiosk_reconnecting")
    line.wait_for(state="visible", timeout=10_000)
    assert line.inner_text().strip() == RECONNECTING
    # Streamlit's "Connection error" dialog is in the page by now (it appears at once on a
    # lost connection): it must not be seen.
    page.wait_for_timeout(1_500)  # Streamlit shows its dialog after its first retry fails
    for selector in ("[role='dialog']", "[data-testid='stException']", "[data-testid='stAlert']"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    assert page.locator(".st-key-exit button").is_visible()


def test_a_server_killed_mid_form_gives_her_answers_back_sends_once_and_exit_still_works(
    tablet, database: str
) -> None:
    """One journey, three server starts (each start costs seconds of CI): a crash mid-form,
    a send whose reply was lost in a second crash, then Exit with the server gone."""
    page = tablet
    server = _server(database)
    try:
        _to_text_step(page, server)
        server.kill()
        _assert_calm_while_down(page)
        server = _server(database, port=server.port)
        page.locator(UP).wait_for(state="attached", timeout=60_000)
        # A new server session: the page handed it her form, and it drew it again.
        page.wait_for_function("() => window.__lantern.restored === 1", timeout=60_000)
        wait_for_app(page)
        assert page.locator(".st-key-text_better textarea").input_value() == "more socks please"
        assert page.locator(".st-key-text_good textarea").input_value() == "the soup was lovely"
        page.evaluate(
            "() => { window.__lantern.keepForTest = JSON.stringify(window.__lantern.memory); }"
        )
        step(page, "submit", THANKS)
        assert _stored(database) == [1, ["more socks please", "the soup was lovely"], 1]

        # Her send reached the database, then the server died before the page heard back:
        # as if that reply were lost, the page's copy is the form as it was before Send.
        server.kill()
        page.locator(DOWN).wait_for(state="attached", timeout=30_000)
        page.evaluate("() => { const L = window.__lantern; L.memory = JSON.parse(L.keepForTest) }")
        server = _server(database, port=server.port)
        page.locator(UP).wait_for(state="attached", timeout=60_000)
        page.wait_for_function("() => window.__lantern.restored === 2", timeout=60_000)
        page.locator(TEXT).wait_for(timeout=30_000)
        wait_for_app(page)
        step(page, "submit", THANKS)  # the form's send key came back with it: stored once
        assert _stored(database) == [1, ["more socks please", "the soup was lovely"], 1]

        # Exit with the server gone: a tap on the (disabled) button reaches the neutral site
        # in under a second, on the browser's own clock.
        step(page, "done", ".st-key-start button")
        step(page, "start", RATING)
        server.kill()
        _assert_calm_while_down(page)
        exit_button = page.locator(".st-key-exit button")
        assert exit_button.is_disabled()  # Streamlit's doing: a disabled button gets no click
        box = exit_button.bounding_box()
        tapped = page.evaluate("Date.now()")
        page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_url(f"{NEUTRAL}**", timeout=5_000)
        page.wait_for_function("document.title !== ''")
        began = float(page.title())
        assert began - tapped < 1_000, f"quick exit took {began - tapped:.0f} ms"
    finally:
        server.stop()


def test_offline_for_a_moment_keeps_her_answers(tablet, database: str) -> None:
    page = tablet
    server = _server(database)
    try:
        line = Line(page)
        _to_text_step(page, server)
        line.cut()
        _assert_calm_while_down(page)
        # The page looks at the connection once a second: on a starved machine the line can
        # be down and up again before it has looked (her answers then simply stay, as the
        # server kept them). Mend it once the page has seen it down.
        page.wait_for_function("() => window.__lantern.wasOffline === true", timeout=30_000)
        line.mend()
        page.locator(UP).wait_for(state="attached", timeout=60_000)
        page.locator(".st-key-kiosk_reconnecting").wait_for(state="hidden", timeout=30_000)
        # Whether the server kept her session through the cut (then the page's copy is not
        # needed and its offer is ignored) or lost it (then the page hands it back), her
        # words are in the boxes and Send stores them once. (The handing back itself is
        # the server-killed test's.)
        expect(page.locator(".st-key-text_better textarea")).to_have_value(
            "more socks please", timeout=60_000
        )
        wait_for_app(page)
        assert page.locator(".st-key-text_good textarea").input_value() == "the soup was lovely"
        step(page, "submit", THANKS)
        assert _stored(database) == [1, ["more socks please", "the soup was lovely"], 1]
    finally:
        server.stop()


def test_offline_past_the_idle_time_wipes_her_answers_in_the_browser(tablet, database: str) -> None:
    page = tablet
    server = _server(database, idle=IDLE_SECONDS)
    try:
        line = Line(page)
        _to_text_step(page, server)
        line.cut()
        page.locator(DOWN).wait_for(state="attached", timeout=30_000)
        # The idle time runs out with no connection: the browser wipes the form itself.
        page.wait_for_function(
            "() => document.documentElement.classList.contains('lantern-wiped')",
            timeout=(IDLE_SECONDS + 10) * 1000,
        )
        assert not page.locator(".st-key-kiosk_body").is_visible()
        assert page.evaluate("() => window.__lantern.memory") is None
        values = page.locator("textarea").evaluate_all("boxes => boxes.map(b => b.value)")
        assert not any(values)
        assert page.locator(".st-key-exit button").is_visible()
        assert page.locator(".st-key-kiosk_reconnecting").is_visible()
        line.mend()
        page.locator(UP).wait_for(state="attached", timeout=60_000)
        # The server's copy is wiped too: a clean Welcome for the next woman.
        page.locator(".st-key-start button").wait_for(timeout=30_000)
        wait_for_app(page)
        assert page.locator(".st-key-kiosk_body").is_visible()
        assert _stored(database)[0] == 0
        step(page, "start", RATING)
        step(page, "next", PROVISIONS)
        assert page.evaluate("() => window.__lantern.memory.answers.provisions") in (None, [])
    finally:
        server.stop()


def test_a_tablet_asleep_past_the_idle_time_wakes_to_a_clean_form(tablet, database: str) -> None:
    page = tablet
    server = _server(database, idle=IDLE_SECONDS)
    try:
        _to_text_step(page, server)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Page.setWebLifecycleState", {"state": "frozen"})  # timers stop
        page.wait_for_timeout((IDLE_SECONDS + 2) * 1000)  # the tablet sleeps past the idle time
        cdp.send("Page.setWebLifecycleState", {"state": "active"})
        page.locator(".st-key-start button").wait_for(timeout=30_000)
        wait_for_app(page)
        assert not page.locator("textarea:visible").count()
        assert page.evaluate("() => window.__lantern.memory") is None
    finally:
        server.stop()


def test_the_thank_you_screen_goes_blank_on_time_with_the_connection_down(
    tablet, database: str
) -> None:
    page = tablet
    server = _server(database, back=IDLE_SECONDS)
    try:
        line = Line(page)
        _to_text_step(page, server)
        step(page, "submit", THANKS)
        line.cut()
        page.locator(DOWN).wait_for(state="attached", timeout=30_000)
        # Its card may hold a concern: with no server to send her back, the page blanks it.
        page.wait_for_function(
            "() => document.documentElement.classList.contains('lantern-wiped')",
            timeout=(IDLE_SECONDS + 10) * 1000,
        )
        assert not page.locator(".st-key-safety").is_visible()
        assert page.locator(".st-key-exit button").is_visible()
        line.mend()
        page.locator(".st-key-start button").wait_for(timeout=30_000)
        wait_for_app(page)
        assert page.locator(".st-key-kiosk_body").is_visible()
        assert _stored(database)[0] == 1
    finally:
        server.stop()
