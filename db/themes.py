"""The editable theme framework: keywords in the database, compiled once per change."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.pipeline import ANALYSIS_VERSION
from analysis.text import clean_staff_text
from analysis.themes import Framework, compile_framework
from db import audit
from db.models import Theme

MAX_KEYWORD_CHARS = 80
MAX_KEYWORDS = 400


@dataclass(frozen=True)
class ThemeRow:
    """A theme as plain values."""

    slug: str
    label: str
    keywords: tuple[str, ...]
    active: bool


@dataclass(frozen=True)
class CompiledThemes:
    """A compiled framework and the stamp stored with every answer analysed by it."""

    framework: Framework
    stamp: str


_cache: dict[str, CompiledThemes] = {}
_lock = threading.Lock()


def parse_keywords(raw: str) -> tuple[str, ...]:
    """One keyword or phrase per line (or comma-separated); blanks and repeats dropped."""
    seen: list[str] = []
    for line in (raw or "").replace(",", "\n").splitlines():
        keyword = " ".join(line.strip().lower().split())[:MAX_KEYWORD_CHARS]
        if keyword and keyword not in seen:
            seen.append(keyword)
    return tuple(seen[:MAX_KEYWORDS])


def list_themes(session: Session, include_inactive: bool = True) -> list[ThemeRow]:
    """Every theme in framework order."""
    query = select(Theme).order_by(Theme.sort_order, Theme.slug)
    if not include_inactive:
        query = query.where(Theme.active.is_(True))
    return [
        ThemeRow(t.slug, t.label, parse_keywords(t.keywords), t.active)
        for t in session.scalars(query)
    ]


def labels(session: Session) -> dict[str, str]:
    """Theme slug -> label."""
    return {t.slug: t.label for t in list_themes(session)}


def _digest(themes: list[ThemeRow]) -> str:
    """A short fingerprint of the active keyword lists."""
    text = "\n".join(f"{t.slug}:{'|'.join(t.keywords)}" for t in themes if t.active)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def current(session: Session) -> CompiledThemes:
    """The framework as the database has it now, compiled once per distinct version."""
    rows = list_themes(session, include_inactive=False)
    digest = _digest(rows)
    with _lock:
        if digest not in _cache:
            framework = compile_framework({t.slug: list(t.keywords) for t in rows})
            _cache[digest] = CompiledThemes(framework, f"{ANALYSIS_VERSION}+{digest}")
        return _cache[digest]


def update_theme(
    session: Session,
    slug: str,
    *,
    keywords: str,
    label: str | None = None,
    active: bool | None = None,
    actor: str,
) -> ThemeRow:
    """Change a theme's keywords (and label/active); audit-logged. Stored text needs re-analysis."""
    theme = session.get(Theme, slug)
    if theme is None:
        raise ValueError("No such theme.")
    # Cleaned as her words are, once, on the way in: no control or bidi characters.
    parsed = parse_keywords(clean_staff_text(keywords, multiline=True))
    if not parsed and (active if active is not None else theme.active):
        raise ValueError("An active theme needs at least one keyword.")
    before = parse_keywords(theme.keywords)
    theme.keywords = "\n".join(parsed)
    name = clean_staff_text(label)[:120].rstrip()
    if name:
        theme.label = name
    if active is not None:
        theme.active = active
    added = sorted(set(parsed) - set(before))
    removed = sorted(set(before) - set(parsed))
    audit.record(
        session,
        "theme_keywords_changed",
        actor=actor,
        target=slug,
        detail=f"added={added[:20]} removed={removed[:20]} active={theme.active}",
    )
    return ThemeRow(theme.slug, theme.label, parsed, theme.active)
