"""The tablet's behaviour in the browser: quick exit, the idle wipe, a dropped connection.

Everything here must hold with the server gone (a dead spot in the van, a restart), so it
runs in the page (pages/_tablet.js, a Streamlit component): Exit and Shift x3 leave in
under a second, the idle wipe fires on time, and her answers are kept in the page's memory
(never in browser storage, SPEC §2.2) so that a new server session can take them back
when the connection returns within the idle window. What the page tells the server comes
back as one of two one-shot triggers: `wipe` (the idle time ran out) and `restore` (her
form, for a session that has lost it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from pages import _streamlit_chrome as chrome

_JS = Path(__file__).with_name("_tablet.js").read_text(encoding="utf-8")
_COMPONENT = st.components.v2.component("lantern_tablet", js=_JS)
KEY = "kiosk_tablet"


@dataclass(frozen=True)
class PageSays:
    """What the page asked for in this run (each at most once)."""

    wipe: bool = False
    restore: dict[str, Any] | None = None


def mount(
    *,
    exit_url: str,
    idle_seconds: int,
    limits: dict[str, int],
    step: str,
    memory: dict[str, Any] | None,
    keep: str,
    return_seconds: int | None = None,
) -> PageSays:
    """Install (or update) the tablet's behaviour in this page; what it asked for.

    step is the kiosk's step now; memory is her form as the server holds it (None when no
    form is in progress: Welcome, the thank-you screen); keep is a pattern of the answer
    boxes whose typed words the page keeps too. The component draws nothing (its container
    is hidden). return_seconds, on the thank-you screen, is how long it stays.
    """
    with st.container(key=KEY):
        result = _COMPONENT(
            key=KEY + "_component",
            data={
                "exitUrl": exit_url,
                "idleMs": idle_seconds * 1000,
                "limits": limits,
                "step": step,
                "memory": memory,
                "keep": keep,
                "returnMs": None if return_seconds is None else return_seconds * 1000,
                "connection": chrome.CONNECTION,
            },
            on_wipe_change=_nothing,
            on_restore_change=_nothing,
        )
    restore = getattr(result, "restore", None)
    if isinstance(restore, str):  # a trigger's payload may arrive as JSON text
        try:
            restore = json.loads(restore)
        except ValueError:
            restore = None
    return PageSays(
        wipe=bool(getattr(result, "wipe", None)),
        restore=restore if isinstance(restore, dict) else None,
    )


def _nothing() -> None:
    """Triggers are read from the component's result in the run they fire."""
