"""A page that fails, run with Lantern's own .streamlit/config.toml by the security tests."""

raise ValueError("zebra-detail-that-must-not-show")
