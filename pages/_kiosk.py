"""Kiosk look and behaviour: big targets, no chrome, quick exit, inactivity wipe."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

from db.settings import DEFAULT_EXIT_URL


def _seconds(name: str, default: int) -> int:
    """A positive whole number of seconds from the environment, else default."""
    try:
        return max(1, int(os.environ.get(name, default)))
    except ValueError:
        return default


def idle_seconds() -> int:
    """Seconds without a touch mid-form before everything entered is wiped (SPEC §3.6)."""
    return _seconds("LANTERN_KIOSK_IDLE_SECONDS", 120)


def return_seconds() -> int:
    """Seconds the thank-you screen stays before going back to Welcome."""
    return _seconds("LANTERN_KIOSK_RETURN_SECONDS", 20)


DOUBLE_TAP_SECONDS = 10


def safe_exit_url(url: str | None) -> str:
    """url if it is a plain http(s) address, else the default neutral site."""
    if url:
        parsed = urlparse(url.strip())
        if parsed.scheme in ("http", "https") and parsed.netloc:
            return url.strip()
    return DEFAULT_EXIT_URL


def _js_string(value: str) -> str:
    """A JavaScript string literal that cannot close the surrounding <script>."""
    return json.dumps(value).replace("</", "<\\/").replace("<!--", "<\\!--")


_CSS = Path(__file__).with_name("_kiosk.css")


def style() -> None:
    """Apply the kiosk's low-glare, big-target style and hide all Streamlit chrome."""
    st.html(_CSS)


def behaviour(exit_url: str, idle: int) -> None:
    """Install quick exit (Shift x3) and the inactivity wipe in the browser, once per tab."""
    script = f"""
<script>
(function () {{
  var w = window, d = document;
  var L = w.__lantern = w.__lantern || {{}};
  L.cfg = {{ exitUrl: {_js_string(exit_url)}, idleMs: {idle * 1000} }};
  if (L.installed) return;
  L.installed = true;
  L.last = Date.now();
  L.presses = [];
  function onKiosk() {{ return !!d.querySelector('.st-key-exit'); }}
  L.leave = function () {{
    var button = d.querySelector('.st-key-exit button');
    if (button) button.click();
    d.title = '';
    d.documentElement.style.background = '#ffffff';
    if (d.body) d.body.style.visibility = 'hidden';
    setTimeout(function () {{ w.location.replace(L.cfg.exitUrl); }}, 250);
  }};
  d.addEventListener('keydown', function (e) {{
    L.last = Date.now();
    if (e.key === 'Shift') {{ L.other = false; }} else {{ L.other = true; L.presses = []; }}
  }}, true);
  d.addEventListener('keyup', function (e) {{
    if (e.key !== 'Shift' || !onKiosk()) return;
    if (L.other) {{ L.other = false; L.presses = []; return; }}
    var now = Date.now();
    L.presses = L.presses.filter(function (t) {{ return now - t < 5000; }});
    L.presses.push(now);
    if (L.presses.length >= 3) {{ L.presses = []; L.leave(); }}
  }}, true);
  ['pointerdown', 'touchstart', 'input', 'wheel'].forEach(function (name) {{
    d.addEventListener(name, function () {{ L.last = Date.now(); }}, true);
  }});
  setInterval(function () {{
    if (Date.now() - L.last < L.cfg.idleMs) return;
    var reset = d.querySelector('.st-key-kiosk_idle_reset button');
    if (reset) {{ L.last = Date.now(); reset.click(); }}
  }}, 1000);
}})();
</script>
"""
    st.html(script, unsafe_allow_javascript=True)


def leave_now(exit_url: str) -> None:
    """Blank the page and replace it (no history entry) with the neutral site."""
    st.html(
        f"""<script>
document.title = '';
document.documentElement.style.background = '#ffffff';
if (document.body) document.body.style.visibility = 'hidden';
window.location.replace({_js_string(exit_url)});
</script>""",
        unsafe_allow_javascript=True,
    )
