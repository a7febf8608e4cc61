"""The editable theme framework and re-analysis of stored text."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from analysis.themes import DEFAULT_THEMES
from db import audit, reanalyse, rollups, themes
from db.manage import main
from db.models import Answer, AnswerTheme, DailyThemeStats
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback


def _themes_of(text: str) -> set[str]:
    with read_session() as session:
        answer_id = session.scalar(select(Answer.id).where(Answer.text == text))
        return set(
            session.scalars(select(AnswerTheme.theme).where(AnswerTheme.answer_id == answer_id))
        )


def test_the_default_framework_comes_from_the_migration(db_url: str) -> None:
    with read_session() as session:
        rows = themes.list_themes(session)
    assert [t.slug for t in rows] == list(DEFAULT_THEMES)
    food = next(t for t in rows if t.slug == "food_drink")
    assert food.label == DEFAULT_THEMES["food_drink"][0]
    assert set(food.keywords) == {k.lower() for k in DEFAULT_THEMES["food_drink"][1]}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("socks\nHat\n\n  warm   coat \nsocks", ("socks", "hat", "warm coat")),
        ("a, b,, c", ("a", "b", "c")),
        ("", ()),
    ],
)
def test_keywords_are_one_per_line_trimmed_and_deduplicated(raw: str, expected: tuple) -> None:
    assert themes.parse_keywords(raw) == expected


def test_editing_keywords_then_reanalysing_retags_stored_text(db_url: str) -> None:
    submit_feedback(FeedbackForm(text_better="can you bring a yoyo"))
    submit_feedback(FeedbackForm(text_good="the soup was lovely"))
    assert "practical_phone" not in _themes_of("can you bring a yoyo")
    with write_session() as session:
        row = next(t for t in themes.list_themes(session) if t.slug == "practical_phone")
        themes.update_theme(
            session,
            "practical_phone",
            keywords="\n".join([*row.keywords, "yoyo"]),
            actor="ada",
        )
    with read_session() as session:
        assert reanalyse.pending(session) == 2
    done = reanalyse.reanalyse_all(actor="ada")
    assert done == 2
    assert "practical_phone" in _themes_of("can you bring a yoyo")
    with read_session() as session:
        assert reanalyse.pending(session) == 0
        stamps = set(session.scalars(select(Answer.analysis_version)))
        assert stamps == {themes.current(session).stamp}
        themed = session.scalar(
            select(func.sum(DailyThemeStats.answers)).where(
                DailyThemeStats.theme == "practical_phone"
            )
        )
        assert themed == 1
        assert audit.count(session, "theme_keywords_changed") == 1
        assert audit.count(session, "reanalysed") == 1


def test_reanalysis_is_resumable_batch_by_batch(db_url: str) -> None:
    for i in range(5):
        submit_feedback(FeedbackForm(text_good=f"tea number {i}"))
    with write_session() as session:
        themes.update_theme(session, "food_drink", keywords="tea\nsoup", actor="ada")
    with write_session() as session:
        assert reanalyse.reanalyse_batch(session, batch_size=2) == 2
    with read_session() as session:
        assert reanalyse.pending(session) == 3  # an interruption here loses nothing
    steps: list[tuple[int, int]] = []
    assert reanalyse.reanalyse_all(batch_size=2, progress=lambda *s: steps.append(s)) == 3
    assert steps == [(2, 3), (3, 3)]  # what the admin page's and the CLI's bars show
    with read_session() as session:
        assert reanalyse.pending(session) == 0


def test_new_submissions_use_the_edited_keywords_at_once(db_url: str) -> None:
    with write_session() as session:
        themes.update_theme(session, "sexual_health", keywords="femidom\ncondom", actor="ada")
    submit_feedback(FeedbackForm(text_better="more femidoms"))
    assert "sexual_health" in _themes_of("more femidoms")
    with read_session() as session:
        assert reanalyse.pending(session) == 0


def test_an_active_theme_needs_a_keyword(db_url: str) -> None:
    with pytest.raises(ValueError, match="at least one keyword"), write_session() as session:
        themes.update_theme(session, "food_drink", keywords="  ", actor="ada")


def test_rollups_after_reanalysis_match_a_rebuild(db_url: str) -> None:
    for text in ("warm socks", "soup", "kind staff and soup"):
        submit_feedback(FeedbackForm(text_good=text))
    with write_session() as session:
        themes.update_theme(session, "food_drink", keywords="socks", actor="ada")
    reanalyse.reanalyse_all()
    with read_session() as session:
        before = sorted(session.execute(select(DailyThemeStats.__table__)).all())
    with write_session() as session:
        rollups.rebuild(session)
    with read_session() as session:
        assert sorted(session.execute(select(DailyThemeStats.__table__)).all()) == before


def test_the_reanalyse_command_reports_what_it_did(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    submit_feedback(FeedbackForm(text_good="hot chocolate"))
    with write_session() as session:
        themes.update_theme(session, "food_drink", keywords="chocolate", actor="ada")
    assert main(["reanalyse", "--quiet"]) == 0
    assert "Re-analysed 1 answers" in capsys.readouterr().out
    assert main(["reanalyse", "--batch", "0"]) == 1
