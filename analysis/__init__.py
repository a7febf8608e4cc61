"""Pure text analysis for Lantern: no Streamlit, no database, no files written.

Each module imports on its own (`from analysis import sentiment`), so a caller pays only for
what it reads.
"""
