"""Assisted entry: a worker fills the kiosk form for a woman who prefers to talk (SPEC §3.8)."""

from pages import _ui as ui
from pages._kiosk import run

ui.require_role("pages/assisted.py")
run(assisted=True)
