"""The one place the kiosk styles or scripts against Streamlit's own page elements.

Streamlit draws its connection dialog, its "Running..." status and its stale-page greying
with no setting to turn them off, and names its faces for screen readers in its own words.
Everything here depends on how Streamlit's front end is built, so it is kept in this one
file, and tests/test_browser_offline.py fails when a Streamlit upgrade breaks it.
"""

from __future__ import annotations
