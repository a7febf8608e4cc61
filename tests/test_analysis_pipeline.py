"""The pipeline: one call, redacted text and readings, never the original; imports stay pure."""

from __future__ import annotations

import ast
from pathlib import Path

from analysis import pipeline

ROOT = Path(__file__).resolve().parents[1]

ANALYSIS = Path(__file__).resolve().parents[1] / "analysis"


def test_analyse_redacts_and_reads_the_original() -> None:
    result = pipeline.analyse("ta Shaz, hot choc was gr8, ring me 07700 900123", "what_good")
    assert "07700" not in result.redacted and "Shaz" not in result.redacted
    assert result.sentiment_label == "positive"
    assert "food_drink" in result.themes
    assert result.version == pipeline.ANALYSIS_VERSION


def test_a_disclosure_is_carried_into_the_result() -> None:
    assert "domestic_abuse" in pipeline.analyse("my fella takes all my money").concerns


def test_analysis_never_imports_streamlit_sqlalchemy_or_db() -> None:
    for path in ANALYSIS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            for name in names:
                assert name.split(".")[0] not in {"streamlit", "sqlalchemy", "db"}, path


def test_a_hundred_thousand_characters_are_read_quickly_without_raising() -> None:
    import time

    for text in ("a" * 100_000, "1" * 100_000, "a.b@" * 25_000, "ok \x00 😀 مرحبا " * 8_000):
        start = time.perf_counter()
        result = pipeline.analyse(text, "could_improve")
        assert isinstance(result.redacted, str)
        assert time.perf_counter() - start < 10  # was minutes before the e-mail pattern fix


def test_one_normalised_copy_changes_no_reading_and_is_dropped_afterwards() -> None:
    import csv

    from analysis import model, redact, safeguarding, sentiment, text, themes

    path = ROOT / "corpus" / "train" / "legacy" / "outreach_project.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [(r["text"], r["question_type"] or None) for r in csv.DictReader(handle)]
    rows += [("Ring me on 07700 900123, my fella hits me. [name] said hi", None), ("", None)]
    for answer, question in rows:
        # each reader on its own, normalising and reading the model by itself
        value, label = sentiment.read(answer, question)
        finding = safeguarding.read(answer, question=question)
        shared = pipeline.analyse(answer, question)
        assert shared.redacted == redact.redact(answer, shared.language), answer
        assert (shared.sentiment_score, shared.sentiment_label) == (value, label), answer
        assert shared.themes == tuple(themes.tag(answer, None, question)), answer
        assert shared.concerns == finding.categories, answer
        assert text._MEMO.get() is None  # nothing of hers is kept once the call ends
        assert model._MEMO.get() is None


def test_no_word_of_hers_stays_in_the_model_s_memory() -> None:
    """The model's table of letter pieces is made from its own vocabulary when it loads and
    never changes: reading an answer adds nothing to it, not even which words she used."""
    from analysis import model

    table = model.load().vectorizer.pieces
    before = dict(table)
    pipeline.analyse("my snapname is zorblatxq and the soup was lovely", "what_good")
    assert table == before
    assert "zorblatxq" not in table and "soup" in table
