"""Accuracy against human labels: the shared FFT split (skipped without it) and our outreach set."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from analysis import evaluate, safeguarding, sentiment, themes

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FFT = SHARED / "fft_v6_dev.csv"
OUTREACH = Path(__file__).resolve().parent / "data" / "outreach_labelled.csv"
needs_fft = pytest.mark.skipif(not FFT.is_file(), reason="../shared/data/fft_v6_dev.csv absent")


@pytest.fixture(scope="module")
def fft_rows() -> list[evaluate.Row]:
    return evaluate.read_rows(FFT)


@pytest.fixture(scope="module")
def outreach_rows() -> list[evaluate.Row]:
    return evaluate.read_rows(OUTREACH)


def _theme_f1(rows: list[evaluate.Row], source: str, slug: str) -> float:
    gold = [source in r.themes for r in rows]
    predicted = [slug in themes.tag(r.text) for r in rows]
    return evaluate.prf(gold, predicted)[2]


@needs_fft
@pytest.mark.slow
def test_cross_validated_sentiment_beats_the_baselines_by_far(fft_rows) -> None:
    """5-fold CV with the shipped settings: fit on 4 folds, score the fifth."""
    pytest.importorskip("sklearn")
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    from analysis import train_sentiment

    settings = json.loads(resources.files("analysis").joinpath("sentiment_model.json").read_text())[
        "settings"
    ]
    x, docs = train_sentiment.readings([r.text for r in fft_rows], [r.question for r in fft_rows])
    x, docs = np.array(x), np.array(docs, dtype=object)
    y = np.array([r.sentiment for r in fft_rows])
    scores = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=7).split(x, y):
        model = train_sentiment.Reader(
            x[train], docs[train], y[train], settings["class_weight"], settings["C"]
        )
        predicted = train_sentiment.predict_as_shipped(model, x[test], docs[test])  # + rule
        scores.append(evaluate.f1_table(list(y[test]), list(predicted))["macro"])
    mean = sum(scores) / len(scores)
    # Target 0.70; measured 0.711 ± 0.020 nested (docs/accuracy.md). Guard against regression.
    assert mean >= 0.68
    assert mean > 0.46 + 0.2  # VADER alone: 0.46


@needs_fft
def test_food_and_staff_themes_meet_their_f1_targets(fft_rows) -> None:
    assert _theme_f1(fft_rows, "food_drink", "food_drink") >= 0.85
    assert _theme_f1(fft_rows, "staff", "staff_kindness") >= 0.75


def test_outreach_set_covers_every_theme_with_enough_comments(outreach_rows) -> None:
    assert len(outreach_rows) >= 150
    assert {t for r in outreach_rows for t in r.themes} == set(themes.DEFAULT_THEMES)


def test_outreach_theme_micro_f1_is_at_least_075(outreach_rows) -> None:
    tp = fp = fn = 0
    for r in outreach_rows:
        tagged = set(themes.tag(r.text))
        tp += len(tagged & r.themes)
        fp += len(tagged - r.themes)
        fn += len(r.themes - tagged)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.75


def test_outreach_sentiment_is_far_better_than_textblob(outreach_rows) -> None:
    gold = [r.sentiment for r in outreach_rows]
    ours = evaluate.f1_table(gold, [sentiment.label(r.text, r.question) for r in outreach_rows])
    tb = evaluate.f1_table(gold, [evaluate.baselines()["TextBlob"](r) for r in outreach_rows])
    assert ours["macro"] >= 0.60 and ours["macro"] > tb["macro"] + 0.2


def test_no_outreach_comment_about_food_or_thanks_is_a_safeguarding_concern(outreach_rows):
    calm = [r for r in outreach_rows if r.themes <= {"food_drink", "gratitude_general"}]
    assert calm and all(safeguarding.concerns(r.text) == [] for r in calm)


@needs_fft
def test_ordinary_service_feedback_is_rarely_flagged() -> None:
    """Real FFT comments are feedback, not disclosures. The model of version 8 learned from
    them as harmless examples, so this is a floor, not a fresh estimate: cross-validated, it
    flags 0.9% of them at version 8, 1.1% at version 9 (the rules alone, 4.3%)."""
    from analysis import train_safeguarding

    texts = train_safeguarding.fft_texts()
    flagged = sum(bool(safeguarding.concerns(t)) for t in texts)
    assert flagged / len(texts) <= 0.02


@needs_fft
def test_no_shared_comment_is_copied_into_the_safeguarding_sets() -> None:
    """The blind-written sets and tables are the project's own words (data README rule)."""
    from analysis import train_safeguarding
    from tests import test_analysis_safeguarding_heldout as heldout

    disclosures, harmless = train_safeguarding.project_examples()
    ours = {t.lower() for t, _ in disclosures + heldout.DISCLOSURES}
    ours |= {t.lower() for t in harmless + heldout.HARMLESS}
    theirs = {t.lower() for t in train_safeguarding.fft_texts() if len(t.split()) >= 5}
    assert not ours & theirs
