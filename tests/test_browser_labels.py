"""Words staff typed are plain text on every kiosk screen, in a real Chromium.

A Markdown or HTML image in a provision's name once made every tablet fetch a URL, telling
its owner the tablet's address and when each woman reached that step. Here every kind of
staff-typed label (sites, provisions, time slots, services, a consultation's question,
answers and prompt, helplines, themes and "You said, we did") holds image payloads that
point at a real listener on this machine; a tablet walks every kiosk step and the public
board, and the listener must hear nothing while each payload shows exactly as typed.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from db import actions, admin, services, settings, themes
from db import consultations as c
from db.service_day import service_date_now
from db.session import reset_engines, write_session
from tests.conftest import StreamlitServer, step, wait_for_app

SAFETY_TITLE = "You don't have to go through anything alone."


class Listener:
    """A tiny real HTTP server on a free port that counts every request it hears."""

    def __init__(self) -> None:
        heard = self.heard = []

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                heard.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.end_headers()
                self.wfile.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

            do_GET = do_POST = do_HEAD = _answer  # noqa: N815 (http.server's names)

            def log_message(self, *args: object) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop listening."""
        self.server.shutdown()
        self.server.server_close()


@dataclass(frozen=True)
class Labels:
    """What staff typed into each kind of label (each stored as typed: no control chars)."""

    site: str
    provision: str
    slot: str
    service_md: str
    service_html: str
    question: str
    choice_md: str
    choice_html: str
    prompt: str
    helpline: str
    helpline_number: str
    theme: str
    action: str

    def all(self) -> dict[str, str]:
        """Every label by its kind."""
        return dict(vars(self))


def _labels(port: int) -> Labels:
    """Payloads for each label, each under its field's limit; markers name the kind."""
    at = f"http://127.0.0.1:{port}"
    return Labels(
        site=f"siteplum ![s]({at}/leak-site) <img src={at}/leak-site-html>",
        provision=f"provplum ![p]({at}/leak-provision) <img src={at}/leak-provision-html>",
        slot=f"slotplum ![t]({at}/leak-slot) <img src='{at}/leak-slot-html'>",
        service_md=f"servplum ![v]({at}/leak-service)",  # services: at most 60 characters
        service_html=f"<img src={at}/leak-service-html>",
        question=(
            f"questplum ![q]({at}/leak-question) <img src={at}/leak-question-html> "
            f"**bold** :red[red] :material/home: :smile: $x^2$ [link]({at}/leak-link)"
        ),
        choice_md=f"![a]({at}/c)",  # answers: at most 40 characters
        choice_html=f"<img src={at}/d>",
        prompt=f"promptplum ![r]({at}/leak-prompt) <img src={at}/leak-prompt-html>",
        helpline=f"helpplum ![h]({at}/leak-helpline) <img src={at}/leak-helpline-html>",
        helpline_number=f"![n]({at}/leak-number)",
        theme=f"themeplum ![m]({at}/leak-theme) <img src={at}/leak-theme-html>",
        action=f"actplum ![y]({at}/leak-action) <img src={at}/leak-action-html> www.example.com",
    )


@dataclass
class Setup:
    """The running server, the listener it must never reach, and the labels stored."""

    server: StreamlitServer
    listener: Listener
    labels: Labels


@pytest.fixture(scope="module")
def setup(tmp_path_factory, sqlite_template, chromium) -> Iterator[Setup]:  # type: ignore[no-untyped-def]
    """One server over a database whose every staff-typed label is a payload."""
    listener = Listener()
    labels = _labels(listener.port)
    path = tmp_path_factory.mktemp("labels") / "lantern.db"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    today = service_date_now()
    with write_session(url) as session:
        admin.add_item(session, "sites", labels.site, "leaky-site", actor="ada")
        provision = admin.add_item(
            session, "provisions", labels.provision, "leaky", "🧦", actor="ada"
        )
        slot = admin.add_item(session, "slots", labels.slot, "leaky_slot", actor="ada")
        services.add_service(session, labels.service_md, "🚐", actor="ada")
        services.add_service(session, labels.service_html, "☕", actor="ada")
        # Stored as an install saved it before numbers were checked (set_helplines now
        # refuses a number like this one): the kiosk must still show it as plain text.
        settings.set_value(
            session,
            "helplines",
            json.dumps([{"name": labels.helpline, "number": labels.helpline_number, "note": ""}]),
        )
        theme = themes.list_themes(session)[0]
        themes.update_theme(
            session, theme.slug, keywords="\n".join(theme.keywords), label=labels.theme, actor="ada"
        )
        asked = c.create_consultation(
            session,
            c.ConsultationDraft(
                question=labels.question,
                starts_on=today - dt.timedelta(days=1),
                ends_on=today + dt.timedelta(days=7),
                choices=[
                    c.ChoiceDraft("👍", labels.choice_md),
                    c.ChoiceDraft("👎", labels.choice_html),
                ],
                text_prompt=labels.prompt,
            ),
            actor="ada",
        )
        c.open_consultation(session, asked.id, actor="ada")
        done = actions.create_action(
            session,
            actions.ActionDraft(
                title=labels.action,
                changed_on=today,
                themes=[theme.slug],
                provisions=[provision.slug],
                slots=[slot.slug],
            ),
            actor="ada",
        )
        actions.publish_action(session, done.id, actor="ada")
    reset_engines()
    running = StreamlitServer(url, env={"LANTERN_KIOSK_RETURN_SECONDS": "120"})
    yield Setup(running, listener, labels)
    running.stop()
    listener.stop()


def _shows(page, text: str) -> None:  # type: ignore[no-untyped-def]
    """The page shows text exactly as typed (waits for it, so no sleeping)."""
    page.wait_for_function(
        "text => document.body.innerText.includes(text)", arg=text, timeout=30_000
    )


def _no_images_to(page, port: int) -> None:  # type: ignore[no-untyped-def]
    """No element on the page points at the listener."""
    live = page.evaluate(
        """port => [...document.querySelectorAll('[src], [href], [srcset]')]
            .map(e => e.outerHTML).filter(html => html.includes(':' + port))""",
        port,
    )
    assert live == []


def test_every_staff_label_on_the_kiosk_and_board_is_plain_text_and_fetches_nothing(
    chromium, setup: Setup
) -> None:
    labels, port, base = setup.labels, setup.listener.port, setup.server.url
    context = chromium.new_context(viewport={"width": 800, "height": 1280}, has_touch=True)
    page = context.new_page()
    page.goto(f"{base}/?site=drop-in")
    page.locator(".st-key-start button").first.wait_for(timeout=30_000)
    wait_for_app(page)
    step(page, "start", "text=How was tonight?")
    # Step 1: the services she used today.
    _shows(page, labels.service_md)
    _shows(page, labels.service_html)
    _no_images_to(page, port)
    step(page, "next", "text=What would you like more of?")
    _shows(page, labels.provision)
    _no_images_to(page, port)
    step(page, "next", "text=When is best for you?")
    _shows(page, labels.slot)
    _shows(page, labels.site)
    _no_images_to(page, port)
    step(page, "next", ".st-key-text_better textarea")
    page.locator(".st-key-text_better textarea").fill("my boyfriend hits me and takes my money")
    step(page, "next", f"text={labels.prompt}")
    _shows(page, labels.question)
    _shows(page, labels.choice_md)
    _shows(page, labels.choice_html)
    _no_images_to(page, port)
    step(page, "submit", "text=Thank you for telling us.")
    _shows(page, SAFETY_TITLE)
    _shows(page, f"{labels.helpline}: {labels.helpline_number}")
    _shows(page, labels.action)
    _no_images_to(page, port)
    # The public board: the change and what prompted it (theme, provision, time).
    page.goto(f"{base}/you_said_we_did")
    _shows(page, labels.action)
    _shows(page, labels.theme)
    _shows(page, labels.provision)
    _shows(page, labels.slot)
    _no_images_to(page, port)
    context.close()
    assert setup.listener.heard == []
