"""The one place the kiosk styles or scripts against Streamlit's own page elements.

Streamlit draws its connection dialog, its "Running..." status and its stale-page greying
with no setting to turn them off, and names its faces for screen readers in its own words.
Everything here depends on how Streamlit's front end is built, so it is kept in this one
file, and tests/test_browser_offline.py fails when a Streamlit upgrade breaks it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import streamlit as st

# How the page says whether its connection to the server is up: Streamlit marks its app
# element with the connection's state (CONNECTED, or CONNECTING / PINGING_SERVER /
# DISCONNECTED_FOREVER while it is down). pages/_tablet.js reads it through this.
CONNECTION = {
    "selector": "[data-testid='stApp']",
    "attribute": "data-test-connection-state",
    "connected": "CONNECTED",
}

# Keys of the kiosk's own containers that the rules below show or hide.
RECONNECTING_KEY = "kiosk_reconnecting"
BODY_KEY = "kiosk_body"
WARM_UP_KEY = "kiosk_warm_up"

_OFFLINE = "[data-testid='stApp']:not([data-test-connection-state='CONNECTED'])"
_CSS = f"""
<style>
/* Streamlit's own "Connection error ... Are you connected to the internet?" dialog, and
   any error box (a part of the page that could not load while offline): never on a
   kiosk page, which says so calmly itself. The kiosk draws no dialog or alert of its own. */
[data-testid='stDialog'], [data-testid='stException'], [data-testid='stAlert'] {{
  display: none !important;
}}
/* The calm line under the Exit control, only while the connection is down. Streamlit
   wraps a keyed container in a layout wrapper that keeps its gap: hide the wrapper too. */
.st-key-{RECONNECTING_KEY},
[data-testid='stLayoutWrapper']:has(> .st-key-{RECONNECTING_KEY}) {{ display: none !important; }}
{_OFFLINE} .st-key-{RECONNECTING_KEY},
{_OFFLINE} [data-testid='stLayoutWrapper']:has(> .st-key-{RECONNECTING_KEY}) {{
  display: flex !important;
}}
{_OFFLINE} .st-key-{RECONNECTING_KEY} [data-testid='stText'] {{ opacity: 1; }}
/* Exit stays live while Streamlit greys its disabled widgets. */
{_OFFLINE} .st-key-exit button {{ opacity: 1 !important; cursor: pointer; }}
/* The idle wipe fired in the browser: nothing of her form shows until a clean screen. */
html.lantern-wiped .st-key-{BODY_KEY} {{ visibility: hidden !important; }}
html.lantern-wiped .st-key-{RECONNECTING_KEY},
html.lantern-wiped [data-testid='stLayoutWrapper']:has(> .st-key-{RECONNECTING_KEY}) {{
  display: flex !important;
}}
/* The warm-up widgets below and the tablet's component: in the page, never seen. */
.st-key-{WARM_UP_KEY}, .st-key-kiosk_tablet,
[data-testid='stLayoutWrapper']:has(> .st-key-{WARM_UP_KEY}),
[data-testid='stLayoutWrapper']:has(> .st-key-kiosk_tablet) {{ display: none !important; }}
</style>
"""


def hide_connection_chrome() -> None:
    """Hide Streamlit's connection dialog and error boxes; show the kiosk's own line."""
    st.html(_CSS)


def warm_up() -> None:
    """Draw, hidden, one of each widget the later steps use, while the connection is up.

    Streamlit's page fetches the code for each kind of widget the first time one is drawn:
    a step reached just as the connection drops would show a red "Failed to fetch
    dynamically imported module" where her text box should be, and keep it until the page
    is reloaded (which would lose her answers). Drawn once on Welcome, the code is loaded.
    """
    with st.container(key=WARM_UP_KEY):
        st.text_area("warm-up", key="kiosk_warm_up_area", disabled=True)
        st.text_input("warm-up", key="kiosk_warm_up_input", disabled=True)
        st.feedback("faces", key="kiosk_warm_up_faces", disabled=True)
        st.pills("warm-up", ["a"], key="kiosk_warm_up_pills", disabled=True)
        with st.container(border=True):
            st.text("warm-up")


# Streamlit names its five faces "Very dissatisfied" .. "Very satisfied" and their group
# "Feedback rating", in English, whatever the words under them say. This gives each face
# (saddest first, as Streamlit draws them) the words the kiosk shows under it, in her
# language, and the group its question; it puts them back if Streamlit redraws the faces.
_FACE_NAMES_JS = """
<script>
(function () {
  var F = window.__lanternFaces = window.__lanternFaces || { named: {} };
  var given = %s;
  F.named[given.key] = given;
  function name(element, words) {
    // The widget may not be drawn yet (its code still loading): the observer below
    // names it when it is.
    if (element && words && element.getAttribute('aria-label') !== words) {
      element.setAttribute('aria-label', words);
    }
  }
  F.apply = function () {
    Object.keys(F.named).forEach(function (key) {
      var one = F.named[key];
      var widget = document.querySelector('.st-key-' + CSS.escape(key));
      if (!widget) return;
      name(widget.querySelector('[role=radiogroup]'), one.question);
      widget.querySelectorAll('[role=radio]').forEach(function (face, i) {
        name(face, one.names[i]);
      });
    });
  };
  if (!F.observer) {
    F.observer = new MutationObserver(function () { F.apply(); });
    F.observer.observe(document.body, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'],
    });
  }
  F.apply();
})();
</script>
"""


def name_faces(key: str, names: Sequence[str], question: str) -> None:
    """Name the faces of the st.feedback keyed `key` with `names` (saddest first), the words
    shown under them, and their group with `question`, for screen readers."""
    given = json.dumps({"key": key, "names": list(names), "question": question})
    # JSON is a JavaScript expression; "</" and "<!--" escaped so no words can end the <script>.
    given = given.replace("</", "<\\/").replace("<!--", "<\\!--")
    st.html(_FACE_NAMES_JS % given, unsafe_allow_javascript=True)
