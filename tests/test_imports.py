"""Imports point one way: pages/app -> db, analysis; db -> analysis; analysis -> neither."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("app", "pages", "db", "analysis", "locales", "benchmarks")
# package -> top-level names it must never import
FORBIDDEN = {
    "analysis": {"db", "pages", "app", "locales", "streamlit", "sqlalchemy", "alembic"},
    "db": {"pages", "app", "locales", "streamlit"},
    "locales": {"db", "pages", "app", "analysis", "streamlit", "sqlalchemy"},
}
# benchmarks/ drives pages through AppTest, as the tests do; it is not part of the app.
STREAMLIT_ALLOWED = {"app", "pages", "benchmarks"}


def _modules() -> list[tuple[str, Path]]:
    """(top-level package, path) for every project source file outside tests/."""
    found = [("app", ROOT / "app.py")]
    for package in PACKAGES[1:]:
        found.extend((package, path) for path in sorted((ROOT / package).rglob("*.py")))
    return found


def _imported(path: Path) -> set[str]:
    """Top-level names a file imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("package", "path"),
    _modules(),
    ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else v,
)
def test_imports_point_one_way(package: str, path: Path) -> None:
    imported = _imported(path)
    assert not imported & FORBIDDEN.get(package, set()), f"{path} imports {imported}"
    if package not in STREAMLIT_ALLOWED:
        assert "streamlit" not in imported, f"{path} imports streamlit"


def test_the_checker_would_catch_a_wrong_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import streamlit as st\nfrom db.session import read_session\n")
    assert {"streamlit", "db"} <= _imported(bad)
