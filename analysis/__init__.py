"""Pure text analysis for Lantern: no Streamlit, no database, no files written."""

from analysis import disclosure, emerging, redact, safeguarding, sentiment, themes

__all__ = ["disclosure", "emerging", "redact", "safeguarding", "sentiment", "themes"]
