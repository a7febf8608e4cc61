"""Regenerate the README screenshots: a demo database, a real server, Debian's Chromium.

python docs/make_screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, StreamlitServer, wait_for_app  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "tea and toast at the drop-in"  # noqa: S105 - a throwaway demo account
PAGES = ("Overview", "Provisions", "Times", "Themes", "Comments", "Safeguarding review")


def main() -> None:
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
    print(f"Screenshots written to {OUT}")


if __name__ == "__main__":
    main()
