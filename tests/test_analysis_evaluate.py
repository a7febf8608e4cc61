"""The evaluate command: clear errors, the three readers side by side, per-theme table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from analysis import evaluate

ROOT = Path(__file__).resolve().parents[1]
OUTREACH = ROOT / "corpus" / "train" / "legacy" / "outreach_project.csv"


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


def _write(path: Path, header: str, rows: list[tuple[str, ...]]) -> Path:
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header.split(","))
        writer.writerows(rows)
    return path


def test_a_safeguarding_column_adds_recall_and_false_alarms(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "sg.csv",
        "text,sentiment_3,safeguarding",
        [
            ("my boyfriend hit me last night and took all my money", "negative", "domestic_abuse"),
            ("my mate took too much and she wont wake up", "negative", "overdose_medical"),
            ("i would kill for a coffee", "neutral", ""),
            ("the van is a lifesaver", "positive", ""),
        ],
    )
    rows = evaluate.read_rows(path)
    score = evaluate.score_safeguarding(rows)
    assert (score.disclosures, score.flagged, score.in_category) == (2, 2, 2)
    assert (score.harmless, score.false_alarms) == (2, 0)
    assert score.per_category == {"domestic_abuse": (1, 1), "overdose_medical": (1, 1)}
    out = io.StringIO()
    evaluate.report(rows, out=out)
    text = out.getvalue()
    assert "disclosures flagged" in text and "false alarms" in text
    assert "sentiment F1" in text


def test_the_safeguarding_table_counts_what_the_reader_finds() -> None:
    """On a blind set the project wrote, the table agrees with safeguarding.concerns."""
    import csv

    from analysis import safeguarding

    source = ROOT / "corpus" / "train" / "legacy" / "safeguarding_blind_d.csv"
    with source.open(newline="", encoding="utf-8") as handle:
        labelled = [(r["text"], r["safeguarding"]) for r in csv.DictReader(handle)]
    score = evaluate.score_safeguarding(evaluate.read_rows(source))
    found = [(safeguarding.concerns(t), c) for t, c in labelled]
    assert score.disclosures == sum(bool(c) for _, c in labelled) == 160
    assert score.harmless == 100
    assert score.flagged == sum(bool(f) for f, c in found if c)
    assert score.in_category == sum(c in f for f, c in found if c)
    assert score.false_alarms == sum(bool(f) for f, c in found if not c)


def test_a_safeguarding_only_csv_needs_no_sentiment(tmp_path: Path, capsys) -> None:
    path = _write(
        tmp_path / "only.csv",
        "text,safeguarding",
        [("hes outside the van right now", "immediate_danger"), ("dying for a brew", "")],
    )
    assert evaluate.main([str(path)]) == 0
    printed = capsys.readouterr().out
    assert "disclosures flagged" in printed and "sentiment F1" not in printed


def test_rows_without_a_sentiment_label_are_left_out_of_the_sentiment_scores(
    tmp_path: Path,
) -> None:
    felt = [
        ("the soup was lovely", "positive", ""),
        ("nobody came tonight", "negative", ""),
        ("van was there", "neutral", ""),
    ]
    unfelt = [("he hit me last night and took all my money", "", "domestic_abuse")] * 3
    mixed = evaluate.read_rows(
        _write(tmp_path / "m.csv", "text,sentiment_3,safeguarding", felt + unfelt)
    )
    alone = evaluate.read_rows(_write(tmp_path / "a.csv", "text,sentiment_3,safeguarding", felt))
    out = io.StringIO()
    assert evaluate.report(mixed, out=out) == evaluate.report(alone, out=io.StringIO())
    assert "(3 answers with sentiment_3)" in out.getvalue()


@pytest.mark.parametrize(
    ("header", "rows", "said"),
    [
        (
            "text,sentiment_3,safeguarding",
            [("fine", "neutral", ""), ("he hit me", "negative", "domestic-abuse")],
            ["line 3", "'domestic-abuse'", "domestic_abuse"],
        ),
        (
            "text,sentiment_3",
            [("a comment\nover two lines", "positive"), ("fine", "mixed")],
            ["line 4", "'mixed'"],  # the header, two lines of one row, then it
        ),
    ],
    ids=["safeguarding category", "sentiment label"],
)
def test_an_unknown_label_is_named_with_its_line(
    tmp_path: Path, capsys, header: str, rows: list[tuple[str, ...]], said: list[str]
) -> None:
    assert evaluate.main([str(_write(tmp_path / "odd.csv", header, rows))]) == 2
    err = capsys.readouterr().err
    for words in said:
        assert words in err
