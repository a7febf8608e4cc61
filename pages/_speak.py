"""Read-aloud on every kiosk step: the tablet's own voice reads the question and the choices.

Many women cannot read well (SPEC §3.1). A speaker button reads what the step asks and the
choices on offer, in her language, with the browser's Web Speech API (`speechSynthesis`):
it runs wholly in the browser, so it works while the van is in a dead spot.

What it reads is decided here, on the server, from words the kiosk shows anyway (the
catalogue's questions and hints, the choices' labels). It is never what she typed or
which choices she picked: the step functions pass only the words on offer. The words go to
the browser as data (JSON) and reach the page only through textContent and the speech API,
never as HTML or script source.

It speaks only when tapped, and a second tap stops it. Speech stops when the step's words
change (another step, another language), when the button leaves the page, on Exit (and
Shift x3, which taps Exit) and when the page is hidden or left. The button is hidden while
the tablet has no voice for her language, or no speech at all.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping

import streamlit as st

# Catalogue code -> BCP-47 tag for the voice. An unknown code is passed on as it is (a
# voice is then matched on its language alone).
VOICE_LANGUAGES = {
    "en": "en-GB",
    "ro": "ro-RO",
    "pl": "pl-PL",
    "bg": "bg-BG",
    "lt": "lt-LT",
    "pt": "pt-PT",
}

# Icons (emoji and their joiners and modifiers) are not read: "🍲 Hot food" is "Hot food".
_UNSPOKEN_CATEGORIES = {"So", "Sk", "Cs", "Co", "Cn", "Cf", "Mn", "Me"}
# Marks that belong to letters (Romanian ș, Lithuanian ė, Bulgarian й when decomposed) are
# kept: only marks that follow a dropped symbol are dropped (below).

_CSS = """
:host { display: block; }
.speak[hidden] { display: none; }
.speak {
  display: inline-flex;
  align-items: center;
  gap: 0.6rem;
  min-height: 64px;
  min-width: 64px;
  padding: 0.5rem 1.4rem;
  box-sizing: border-box;
  font-family: var(--st-font, inherit);
  font-size: 1.25rem;
  font-weight: 600;
  line-height: 1.2;
  color: var(--st-text-color, #ece7df);
  background: var(--st-secondary-background-color, #1e2227);
  border: 2px solid var(--st-text-color, #ece7df);
  border-radius: 2rem;
  cursor: pointer;
  touch-action: manipulation;
}
.speak:focus-visible {
  outline: 3px solid var(--st-primary-color, #f2b84b);
  outline-offset: 2px;
}
.speak[aria-pressed="true"] {
  border-color: var(--st-primary-color, #f2b84b);
  box-shadow: 0 0 0 2px var(--st-primary-color, #f2b84b) inset;
}
.speak svg { width: 1.9rem; height: 1.9rem; flex: none; }
"""

# A speaker; its sound waves show while it is reading.
_HTML = """
<button type="button" class="speak" data-testid="read-aloud" aria-pressed="false" hidden>
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z"/>
    <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
      d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13"/>
  </svg>
  <span class="label"></span>
</button>
"""

_JS = """
// One speaker on the page at a time; `S.owner` is the button whose words are being read.
const synth = () => (typeof window.speechSynthesis === "object" ? window.speechSynthesis : null);
const S = (window.__lanternSpeak = window.__lanternSpeak || { owner: null, run: 0 });

function stop() {
  S.run += 1;  // events of the utterances cancelled now are ignored
  const owner = S.owner;
  S.owner = null;
  if (owner) owner.setAttribute("aria-pressed", "false");
  const speech = synth();
  if (speech) speech.cancel();
}

if (!S.installed) {
  S.installed = true;
  S.stop = stop;
  // Exit (and Shift x3, which clicks Exit) and leaving the page stop the voice at once.
  // A touch counts too: Streamlit disables its buttons while the connection is down.
  const onExit = (event) => {
    const target = event.target;
    if (target && target.closest && target.closest(".st-key-exit")) S.stop();
  };
  document.addEventListener("pointerdown", onExit, true);
  document.addEventListener("click", onExit, true);
  window.addEventListener("pagehide", () => S.stop());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") S.stop();
  });
}

function primary(tag) {
  return String(tag || "").toLowerCase().replace("_", "-").split("-")[0];
}

// The best voice for the tag: one on the tablet itself (works offline) before one on the
// network, the exact region before another region of the same language.
function pickVoice(tag) {
  const speech = synth();
  if (!speech || !tag) return null;
  const want = String(tag).toLowerCase();
  const lang = primary(tag);
  let best = null;
  let bestScore = -1;
  for (const voice of speech.getVoices() || []) {
    const have = String(voice.lang || "").toLowerCase().replace("_", "-");
    if (primary(have) !== lang) continue;
    const score = (voice.localService ? 2 : 0) + (have === want ? 1 : 0);
    if (score > bestScore) { best = voice; bestScore = score; }
  }
  return best;
}

function signature(data) {
  return JSON.stringify([data.lang, data.lines]);
}

// A line is a string (the step's language) or {text, lang} (a language's own name).
function line(item, lang) {
  if (item && typeof item === "object") {
    return { text: String(item.text || ""), lang: String(item.lang || lang) };
  }
  return { text: String(item == null ? "" : item), lang: lang };
}

export default function ({ parentElement, data }) {
  const button = parentElement.querySelector("button.speak");
  if (!button) return;
  const lang = String((data && data.lang) || "");
  const words = {
    lang: lang,
    label: String((data && data.label) || ""),
    lines: (Array.isArray(data && data.lines) ? data.lines : []).map((item) => line(item, lang)),
  };
  // Other words (another step, another language) while this button is reading: stop.
  if (S.owner === button && button.__words && signature(button.__words) !== signature(words)) {
    stop();
  }
  button.__words = words;
  button.querySelector(".label").textContent = words.label;

  const show = () => {
    const now = button.__words;
    button.hidden = !(synth() && now.lines.length && pickVoice(now.lang));
  };
  show();
  const speech = synth();
  if (speech && !button.__listening) {
    button.__listening = true;
    // Voices arrive after the page loads, and can change (a voice pack installed).
    speech.addEventListener("voiceschanged", () => {
      if (button.isConnected) show();
    });
    button.addEventListener("click", () => {
      if (S.owner === button) { stop(); return; }
      stop();
      const now = button.__words;
      // Each line in its own language's voice; a line no voice here can say is left out.
      const said = now.lines
        .map((item) => ({ text: item.text, lang: item.lang, voice: pickVoice(item.lang) }))
        .filter((item) => item.text && item.voice);
      if (!pickVoice(now.lang) || !said.length) { show(); return; }
      const run = S.run;
      S.owner = button;
      button.setAttribute("aria-pressed", "true");
      said.forEach((item, index) => {
        const utterance = new SpeechSynthesisUtterance(item.text);
        utterance.lang = item.lang;
        utterance.voice = item.voice;
        utterance.rate = 0.9;
        if (index === said.length - 1) {
          const done = () => {
            if (S.run !== run) return;
            S.owner = null;
            button.setAttribute("aria-pressed", "false");
          };
          utterance.addEventListener("end", done);
          utterance.addEventListener("error", done);
        }
        synth().speak(utterance);
      });
    });
  }
  S.updates = (S.updates || 0) + 1;  // how many times a step has set its words (for tests)
  // The button leaves the page (Sorry, Exit's blank page): its voice goes with it.
  return () => {
    if (S.owner === button) stop();
  };
}
"""

_component = st.components.v2.component("lantern_read_aloud", html=_HTML, css=_CSS, js=_JS)


def voice_language(code: str) -> str:
    """The BCP-47 tag a voice for this catalogue code should speak (en -> en-GB)."""
    return VOICE_LANGUAGES.get(code, code)


def speakable(text: object) -> str:
    """Words as the voice should get them: icons dropped, spaces tidied."""
    kept: list[str] = []
    dropped = False
    for char in unicodedata.normalize("NFC", str(text)):
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            if not dropped:
                kept.append(char)  # an accent on a letter
            continue
        dropped = category in _UNSPOKEN_CATEGORIES
        if not dropped:
            kept.append(char)
    return " ".join("".join(kept).split())


# A line to read: words in the step's language, or (words, catalogue code) for words in
# another language, read in that language's voice (each language's own name on Welcome).
# A step passes its lines in order, as lines or lists of lines (a step's choices; a label
# dict gives its values); None and blank lines are left out.
Line = str | tuple[str, str]
Lines = Iterable["Line | Lines | None"]


def lines_for(parts: Lines) -> list[str | dict[str, str]]:
    """The lines as the browser gets them, in order and flat: icons dropped, blanks out.

    A line in another language becomes {"text", "lang"} with its voice's BCP-47 tag.
    """
    found: list[str | dict[str, str]] = []
    for part in parts:
        if part is None:
            continue
        if isinstance(part, tuple):
            text, code = part
            said = speakable(text)
            if said:
                found.append({"text": said, "lang": voice_language(code)})
        elif isinstance(part, str):
            said = speakable(part)
            if said:
                found.append(said)
        elif isinstance(part, Mapping):  # a step's label dict: its words, not its slugs
            found.extend(lines_for(part.values()))
        else:
            found.extend(lines_for(part))
    return found


def read_aloud(w, lines: Lines) -> None:
    """The speaker button for this step: `lines` read in `w`'s language when she taps it.

    `lines` are the step's question, hint and the labels of every choice on offer (a list
    of labels may be given as one item, e.g. `labels.values()`), never anything she typed
    or chose.
    """
    _component(
        key="read_aloud",
        data={
            "lang": voice_language(w.code),
            "label": w["common.listen"],
            "lines": lines_for(lines),
        },
        width="content",
    )
