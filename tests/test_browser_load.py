"""Ten tablets at once against one server: every submission is stored exactly once."""

from __future__ import annotations

import shutil

import pytest

from benchmarks.kiosk_load import run_load


@pytest.mark.slow
def test_ten_tablets_sending_five_each_store_exactly_fifty_rows(
    chromium,
    tmp_path,
    sqlite_template,  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "lantern.db"
    shutil.copy(sqlite_template, path)
    rows, latencies = run_load(f"sqlite:///{path}", tablets=10, each=5)
    assert rows == 50
    assert len(latencies) == 50
