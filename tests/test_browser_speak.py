"""Read-aloud in a real Chromium, with the tablet's voice replaced by a recording stand-in.

The stand-in `speechSynthesis` (installed before the page's own scripts) records each
utterance's text, language and voice, offers the voices a test asks for (each with
localService true or false, as a tablet's own and a network voice) only when the test
says they have loaded (`voiceschanged`, as Chrome does after the page loads), and can
hold an utterance "speaking" until told it has ended.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from db import settings
from locales import available, words
from tests.conftest import StreamlitServer, step, wait_for_app
from tests.test_browser_quality import _blocking_violations

EN = words("en")
SPEAKER = ".st-key-read_aloud button.speak"  # Playwright's CSS reaches into its shadow root
MIN_SPEAKER_PX = 64
TYPED = "Ring me on 07700 900461 ask for Dee"
TYPED_GOOD = "the soup and Mags was lovely"
TYPED_BETTER = "come to Bridge Street on Fridays"

ENGLISH_REMOTE = {"name": "Network English (UK)", "lang": "en-GB", "local": False}
ENGLISH_LOCAL = {"name": "Tablet English (UK)", "lang": "en-GB", "local": True}
POLISH_REMOTE = {"name": "Network Polish", "lang": "pl-PL", "local": False}
POLISH_LOCAL = {"name": "Tablet Polish", "lang": "pl_PL", "local": True}  # Android writes pl_PL
# The network voices come first, as a browser may list them: the tablet's own must still win.
VOICES = [ENGLISH_REMOTE, ENGLISH_LOCAL, POLISH_REMOTE, POLISH_LOCAL]

_STUB = """
(() => {
  const cfg = %s;
  if (cfg.noSpeech) {
    Object.defineProperty(window, "speechSynthesis", { value: undefined, configurable: true });
    return;
  }
  const log = (window.__speech = { spoken: [], cancels: 0, hold: !!cfg.hold });
  const listeners = {};
  let voices = [];
  let queue = [];
  let current = null;
  const fire = (u, type) => (u._l[type] || []).forEach((f) => f({ type: type, utterance: u }));
  const finish = () => {
    if (!current) return;
    const u = current;
    current = null;
    fire(u, "end");
    next();
  };
  const next = () => {
    if (current || !queue.length) return;
    current = queue.shift();
    fire(current, "start");
    if (!log.hold) setTimeout(finish, 5);
  };
  class Utterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; this._l = {}; }
    addEventListener(type, f) { (this._l[type] = this._l[type] || []).push(f); }
    removeEventListener() {}
  }
  const synth = {
    get speaking() { return !!current; },
    get pending() { return queue.length > 0; },
    paused: false,
    getVoices: () => voices.slice(),
    speak(u) {
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null });
      queue.push(u);
      next();
    },
    cancel() {
      log.cancels += 1;
      console.log("speech:cancel");
      const dropped = [current, ...queue].filter(Boolean);
      current = null;
      queue = [];
      dropped.forEach((u) => fire(u, "error"));
    },
    pause() {},
    resume() {},
    addEventListener(type, f) { (listeners[type] = listeners[type] || []).push(f); },
    removeEventListener(type, f) {
      listeners[type] = (listeners[type] || []).filter((g) => g !== f);
    },
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  // As in Chrome: no voices when the page loads; they arrive with a voiceschanged event.
  log.loadVoices = () => {
    voices = cfg.voices.map((v) => ({
      name: v.name, lang: v.lang, localService: v.local, default: false, voiceURI: v.name,
    }));
    (listeners.voiceschanged || []).forEach((f) => f({ type: "voiceschanged" }));
  };
})();
"""


@pytest.fixture(scope="module")
def server(server_database: str, chromium) -> Iterator[StreamlitServer]:
    """This module's server: the thank-you screen and the idle wipe wait long enough for a
    test to listen (the shared fixture's 3 s and 4 s are for the tests of those timers)."""
    running = StreamlitServer(
        server_database,
        env={"LANTERN_KIOSK_RETURN_SECONDS": "30", "LANTERN_KIOSK_IDLE_SECONDS": "120"},
    )
    yield running
    running.stop()


def _open(page, server, voices=VOICES, *, hold: bool = False, no_speech: bool = False) -> None:
    """The kiosk's Welcome with the stand-in voice; its voices loaded once the button is set."""
    config = {"voices": voices, "hold": hold, "noSpeech": no_speech}
    page.add_init_script(_STUB % json.dumps(config))
    page.goto(f"{server.url}/?site=drop-in")
    wait_for_app(page)
    _ready(page, 0)
    if not no_speech:
        page.evaluate("() => window.__speech.loadVoices()")


def _updates(page) -> int:
    """How many times a step has given the speaker its words in this page."""
    return page.evaluate("() => (window.__lanternSpeak && window.__lanternSpeak.updates) || 0")


def _ready(page, before: int) -> None:
    """Wait until a step has given the speaker new words (since `before` updates)."""
    page.wait_for_function(
        "(n) => window.__lanternSpeak && window.__lanternSpeak.updates > n",
        arg=before,
        timeout=30_000,
    )


def _spoken(page) -> list[dict]:
    return page.evaluate("() => window.__speech.spoken")


def _listen(page) -> list[dict]:
    """Tap the speaker; the utterances that tap queued."""
    before = len(_spoken(page))
    page.locator(SPEAKER).click()
    page.wait_for_function("(n) => window.__speech.spoken.length > n", arg=before)
    return _spoken(page)[before:]


def _go(page, key: str, then: str) -> None:
    """Tap a step button; wait for the next step and its speaker's words."""
    before = _updates(page)
    step(page, key, then)
    _ready(page, before)


def _choose_language(page, name: str, title: str) -> None:
    before = _updates(page)
    page.locator(".st-key-kiosk_language button", has_text=name).click()
    page.get_by_role("heading", name=title).wait_for(timeout=30_000)
    wait_for_app(page)
    _ready(page, before)


def test_nothing_is_read_until_she_taps_and_the_tablets_own_voice_reads_it(tablet, server) -> None:
    page = tablet
    _open(page, server)
    button = page.locator(SPEAKER)
    button.wait_for(state="visible")
    assert button.inner_text().strip() == EN["common.listen"]
    box = button.bounding_box()
    assert box and box["height"] >= MIN_SPEAKER_PX and box["width"] >= MIN_SPEAKER_PX
    _go(page, "start", "text=How was tonight?")
    page.locator(SPEAKER).wait_for(state="visible")
    assert _spoken(page) == []  # nothing on load, nothing on a step change

    said = _listen(page)
    texts = [u["text"] for u in said]
    assert EN["rating.title"] in texts
    assert set(EN.get("rating.faces")) <= set(texts)
    assert texts[-1] == EN["rating.no_say"]
    # The tablet's own voice, not the network one listed before it.
    assert {(u["lang"], u["voice"]) for u in said} == {("en-GB", ENGLISH_LOCAL["name"])}


def test_a_polish_step_is_read_in_polish_with_a_polish_voice(tablet, server) -> None:
    if "pl" not in dict(available()):
        pytest.skip("locales/pl.toml is not there yet (another engineer is translating it)")
    pl = words("pl")
    page = tablet
    _open(page, server)
    # On the English Welcome, each language's name is read in its own voice; a language
    # this tablet has no voice for is left out.
    welcome = _listen(page)
    assert {"text": "Polski", "lang": "pl-PL", "voice": POLISH_LOCAL["name"]} in welcome
    others = {name for code, name in available() if code not in ("en", "pl")}
    assert not others & {u["text"] for u in welcome}

    _choose_language(page, "Polski", pl["welcome.title"])
    _go(page, "start", f"text={pl['rating.title']}")
    assert page.locator(SPEAKER).inner_text().strip() == pl["common.listen"]
    said = _listen(page)
    assert pl["rating.title"] in [u["text"] for u in said]
    assert {(u["lang"], u["voice"]) for u in said} == {("pl-PL", POLISH_LOCAL["name"])}
    assert EN["rating.title"] not in [u["text"] for u in said]


def test_what_she_typed_or_chose_is_never_read(tablet, server) -> None:
    page = tablet
    _open(page, server)
    _go(page, "start", "text=How was tonight?")
    _go(page, "next", "text=What would you like more of?")
    offered = [u["text"] for u in _listen(page)]
    chosen = ["Socks", "Hot food"]
    for name in chosen:
        page.locator(".st-key-provisions button", has_text=name).click()
        page.locator(".st-key-provisions button[aria-pressed='true']", has_text=name).wait_for()
        wait_for_app(page)
    page.locator(".st-key-provision_other input").fill(TYPED)
    page.locator(".st-key-provision_other input").press("Tab")
    wait_for_app(page)
    # The same words after choosing: the choices on offer, never which she picked.
    assert [u["text"] for u in _listen(page)] == offered

    _go(page, "next", "text=When is best for you?")
    _go(page, "next", ".st-key-text_good textarea")
    page.locator(".st-key-text_good textarea").fill(TYPED_GOOD)
    page.locator(".st-key-text_better textarea").fill(TYPED_BETTER)
    page.locator(".st-key-text_better textarea").press("Tab")
    wait_for_app(page)
    said = _listen(page)
    assert [u["text"] for u in said][:2] == [EN["text.title"], EN["text.hint"]]

    everything = json.dumps(_spoken(page))
    for typed in (TYPED, "07700", "Dee", TYPED_GOOD, "Mags", TYPED_BETTER, "Bridge Street"):
        assert typed not in everything
    later = json.dumps([u["text"] for u in _spoken(page)[len(offered) * 2 :]])
    for name in chosen:  # after the provisions step, her choices are never mentioned
        assert name not in later


def test_the_thank_you_screen_reads_its_thanks_and_never_the_helplines(tablet, server) -> None:
    page = tablet
    _open(page, server)
    _go(page, "start", "text=How was tonight?")
    page.locator(".st-key-rating [role=radio]").last.click()
    wait_for_app(page)
    _go(page, "send_now", "text=Thank you for telling us.")
    said = _listen(page)
    assert [u["text"] for u in said] == [EN["thanks.title"], EN["thanks.line"]]
    spoken = json.dumps(_spoken(page))
    for line in settings.DEFAULT_HELPLINES:
        assert line.name not in spoken
        assert line.number not in spoken
        assert line.number.replace(" ", "") not in spoken.replace(" ", "")


def test_a_second_tap_stops_and_a_new_step_or_exit_stops_the_voice(tablet, server) -> None:
    page = tablet
    cancels: list[str] = []
    page.on("console", lambda m: cancels.append(m.text) if m.text == "speech:cancel" else None)
    _open(page, server, hold=True)  # each line keeps "speaking" until stopped
    _go(page, "start", "text=How was tonight?")
    _go(page, "next", "text=What would you like more of?")
    speaker = page.locator(SPEAKER)

    _listen(page)
    assert speaker.get_attribute("aria-pressed") == "true"
    assert page.evaluate("() => speechSynthesis.speaking")
    queued = len(_spoken(page))
    speaker.click()  # again, while it speaks: it stops, and says nothing new
    page.wait_for_function("() => !speechSynthesis.speaking && !speechSynthesis.pending")
    assert speaker.get_attribute("aria-pressed") == "false"
    assert len(_spoken(page)) == queued

    _listen(page)
    _go(page, "next", "text=When is best for you?")
    page.wait_for_function("() => !speechSynthesis.speaking && !speechSynthesis.pending")
    assert page.locator(SPEAKER).get_attribute("aria-pressed") == "false"

    _listen(page)
    before = len(cancels)
    page.locator(".st-key-exit button").click()
    page.wait_for_url("https://www.bbc.co.uk/**", timeout=10_000)
    assert len(cancels) > before


def test_the_button_is_hidden_without_a_voice_for_her_language(tablet, server) -> None:
    page = tablet
    _open(page, server, voices=[POLISH_LOCAL])  # a Polish voice only
    assert page.locator(SPEAKER).is_hidden()
    if "pl" in dict(available()):
        # Her language has a voice: the button shows (voices can be changed by the tablet).
        _choose_language(page, "Polski", words("pl")["welcome.title"])
        page.locator(SPEAKER).wait_for(state="visible")
        _choose_language(page, "English", EN["welcome.title"])
        page.locator(SPEAKER).wait_for(state="hidden")
    _go(page, "start", "text=How was tonight?")
    assert page.locator(SPEAKER).is_hidden()
    assert _spoken(page) == []


def test_the_button_is_hidden_on_a_tablet_without_speech(tablet, server) -> None:
    page = tablet
    _open(page, server, no_speech=True)
    assert page.locator(SPEAKER).is_hidden()
    _go(page, "start", "text=How was tonight?")  # and the kiosk works as ever
    assert page.locator(SPEAKER).is_hidden()


def test_the_speaker_is_big_and_accessible_on_every_step(tablet, server) -> None:
    page = tablet
    _open(page, server)
    steps = [
        ("start", "text=How was tonight?"),
        ("next", "text=What would you like more of?"),
        ("next", "text=When is best for you?"),
        ("next", ".st-key-text_good textarea"),
    ]
    for index in range(len(steps) + 1):
        if index:
            _go(page, *steps[index - 1])
        button = page.locator(SPEAKER)
        button.wait_for(state="visible")
        box = button.bounding_box()
        assert box and box["height"] >= MIN_SPEAKER_PX, box
        assert _blocking_violations(page) == []
