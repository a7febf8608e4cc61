"""The evaluate command: clear errors, the three readers side by side, per-theme table."""

from __future__ import annotations

import io
from pathlib import Path

from analysis import evaluate

OUTREACH = Path(__file__).resolve().parent / "data" / "outreach_labelled.csv"


def test_a_missing_file_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert evaluate.main([str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_a_missing_column_is_named(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("text,rating\nhello,1\n", encoding="utf-8")
    assert evaluate.main([str(path)]) == 2
    assert "sentiment_3" in capsys.readouterr().err


def test_the_word_none_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "none.csv"
    path.write_text("text,sentiment_3,question_type\nNone,positive,could_improve\n")
    (row,) = evaluate.read_rows(path)
    assert row.text == "None" and row.question == "could_improve"


def test_the_report_shows_lantern_beside_textblob_and_vader() -> None:
    out = io.StringIO()
    scores = evaluate.report(evaluate.read_rows(OUTREACH), out=out)
    text = out.getvalue()
    assert {"Lantern", "TextBlob", "VADER"} <= set(scores)
    assert "macro" in text and "food_drink" in text and "answers/s" in text


def test_f1_table_of_perfect_predictions_is_one() -> None:
    gold = ["positive", "neutral", "negative"]
    assert evaluate.f1_table(gold, gold)["macro"] == 1.0
