"""Regenerate the README screenshots: a demo database, a real server, Debian's Chromium.

python docs/make_screenshots.py            # the kiosk (both ways up) and the staff pages
python docs/make_screenshots.py kiosk      # only the kiosk
python docs/make_screenshots.py staff      # only the staff pages
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from db import actions, migrate  # noqa: E402
from db.session import write_session  # noqa: E402
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, step, wait_for_app  # noqa: E402
from tests.test_browser_layout import LANGUAGES, ORIENTATIONS, VOICES, turn  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "tea and toast at the drop-in"  # noqa: S105 - a throwaway demo account
PAGES = ("Overview", "Provisions", "Times", "Themes", "Comments", "Safeguarding review")
CHANGES = ("Hot soup every night now", "The van stops by the retail park on Fridays")
# The kiosk's screens, in order: kiosk-<n>-<name>.png portrait (the tablet held upright),
# kiosk-landscape-<n>-<name>.png on its side.
KIOSK_SCREENS = ("welcome", "rating", "provisions", "times", "tell-us-more", "thank-you")


def kiosk() -> None:
    """Photograph every kiosk screen on a 10" tablet both ways up, as she would see it.

    A fresh database with the default catalogue and two published changes; a touch screen
    (no Shift x3 advice) with a voice for every language (the read-aloud button shows).
    """
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'kiosk.db'}"
    migrate.upgrade(url)
    with write_session(url) as session:
        for title in CHANGES:
            change = actions.create_action(
                session, actions.ActionDraft(title, dt.date.today()), actor="demo"
            )
            actions.publish_action(session, change.id, actor="demo")
    server = StreamlitServer(url)
    OUT.mkdir(parents=True, exist_ok=True)
    screens = iter(enumerate(KIOSK_SCREENS, start=1))

    def photograph(page) -> None:  # type: ignore[no-untyped-def]
        number, name = next(screens)
        page.mouse.move(0, 0)  # no button left looking hovered
        for orientation in ORIENTATIONS:
            turn(page, orientation)
            held = "" if orientation == "portrait" else "landscape-"
            page.screenshot(path=str(OUT / f"kiosk-{held}{number}-{name}.png"))
        turn(page, "portrait")

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            width, height = ORIENTATIONS["portrait"]
            context = browser.new_context(
                viewport={"width": width, "height": height}, has_touch=True
            )
            context.add_init_script(VOICES % json.dumps(LANGUAGES))
            page = context.new_page()
            page.goto(f"{server.url}/?site=drop-in")
            wait_for_app(page)
            page.locator(".st-key-start button").wait_for()
            photograph(page)
            step(page, "start", ".st-key-rating")
            page.get_by_role("radio", name="Good", exact=True).click()
            page.locator(".st-key-send_now button").wait_for()
            wait_for_app(page)
            photograph(page)
            step(page, "next", ".st-key-provisions")
            for chip in ("Hot food", "Socks"):
                page.get_by_role("button", name=chip).click()
                page.locator("button[aria-pressed=true]", has_text=chip).wait_for()
                wait_for_app(page)
            photograph(page)
            step(page, "next", ".st-key-slots")
            for toggle in ("Fri 9pm–midnight", "Sat 9pm–midnight", "Sat Midnight–3am"):
                page.get_by_role("button", name=toggle, exact=True).click()
                page.locator("button[aria-pressed=true]", has_text=toggle).wait_for()
                wait_for_app(page)
            photograph(page)
            step(page, "next", ".st-key-text_good textarea")
            photograph(page)
            step(page, "submit", ".st-key-done")
            photograph(page)
            browser.close()
    finally:
        server.stop()
    print(f"Kiosk screenshots written to {OUT}")


def staff() -> None:
    """Seed a demo database, start Lantern on it and photograph the staff pages."""
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'demo.db'}"
    env = {**os.environ, "DATABASE_URL": url, "LANTERN_PASSWORD": PASSWORD}
    subprocess.run(
        [sys.executable, "-m", "db.manage", "seed", "--demo", "4000", "--quiet"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    subprocess.run(
        [sys.executable, "-m", "db.manage", "create-user", "demo", "--role", "admin"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = StreamlitServer(url)
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(server.url)
            wait_for_app(page)
            page.goto(f"{server.url}/staff")
            wait_for_app(page)
            page.get_by_role("textbox", name="Username").fill("demo")
            page.get_by_role("textbox", name="Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            for title in PAGES:
                link = page.locator("[data-testid='stPageLink-NavLink']", has_text=title).first
                link.click()
                page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
                wait_for_app(page)
                if page.locator("[data-testid='stPlotlyChart']").count():
                    page.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for()
                page.wait_for_timeout(2500)  # let Plotly finish drawing
                name = title.lower().replace(" ", "-")
                page.screenshot(path=str(OUT / f"staff-{name}.png"))
            browser.close()
    finally:
        server.stop()
    print(f"Staff screenshots written to {OUT}")


def main() -> None:
    """Photograph what the command line asks for: the kiosk, the staff pages, or both."""
    wanted = sys.argv[1:] or ["kiosk", "staff"]
    for name in wanted:
        {"kiosk": kiosk, "staff": staff}[name]()


if __name__ == "__main__":
    main()
