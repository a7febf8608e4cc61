"""The kiosk: anonymous feedback on a shared tablet, one big step at a time (SPEC §3)."""

from pages._kiosk import run

run(assisted=False)
