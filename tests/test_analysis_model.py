"""The learned model: read with NumPy exactly as scikit-learn fitted it, from the project's
own words only, and its lexicons well formed."""

from __future__ import annotations

import json
import tomllib
from itertools import pairwise

import numpy as np
import pytest

from analysis import features, model
from training import corpus

ROOT = model.MODEL_JSON.parents[2]


def test_the_fast_reading_of_an_answer_equals_the_plain_one() -> None:
    found = model.load()
    for row in corpus.rows(("tune",))[:300]:
        for keywords in ((), ("food_drink", "staff_kindness")):
            plain = found.vocabulary.vector(
                features.terms(row.text, row.lang, row.question, keywords)
            )
            fast = found.vectorizer.vector(row.text, row.lang, row.question, keywords)
            a = dict(zip(plain[0].tolist(), plain[1].tolist(), strict=True))
            b = dict(zip(fast[0].tolist(), fast[1].tolist(), strict=True))
            assert a.keys() == b.keys()
            assert all(abs(a[k] - b[k]) < 1e-9 for k in a)


def test_the_shipped_reading_equals_scikit_learn(tmp_path, monkeypatch) -> None:
    """A small model fitted by the training code and written as the shipped one is, then read
    by the app, gives scikit-learn's probabilities."""
    pytest.importorskip("sklearn")
    from scipy.sparse import csr_matrix, hstack

    from training import featurize, train

    monkeypatch.setattr(model, "MODEL_JSON", tmp_path / "model.json")
    monkeypatch.setattr(model, "MODEL_NPZ", tmp_path / "model.npz")
    answers = [a for a in train.training_answers(with_fft=False) if a.group in ("T01", "T06")]
    train.describe(answers)
    heads = train.fit(answers)
    thresholds = {"concern": 0.5, "confident": 0.8}
    thresholds |= {f"theme:{t}": 0.5 for t in corpus.THEMES}
    train.save(heads, thresholds, {"trained_on": ["T01", "T06"]})
    model.load.cache_clear()
    try:
        shipped = model.load()
        sample = answers[:120]
        X = featurize.matrix(heads.vocabulary, [a.terms for a in sample])
        plain = X @ train._without_question(heads.vocabulary, plain_only=True)
        dense = (train._dense(sample) - heads.dense_mean) / heads.dense_scale
        dense = dense * train.DENSE_WEIGHT * train._DENSE_KEEP
        expected = heads.sentiment.predict_proba(hstack([plain, csr_matrix(dense)]).tocsr())
        concern = heads.concern.predict_proba(X @ train._without_question(heads.vocabulary))
        for i, a in enumerate(sample):
            columns, values = shipped.vocabulary.vector(a.terms)
            logits = shipped.bias + values @ shipped.weights[columns].astype(np.float64)
            start, end = shipped.heads["sentiment"]
            values_dense = (train._dense([a])[0] - shipped.dense_mean) / shipped.dense_scale
            got = logits[start:end] + values_dense @ shipped.dense_weights
            assert model.softmax(got) == pytest.approx(expected[i], abs=2e-3)
            c = shipped.heads["concern"][0]
            assert model.sigmoid(float(logits[c])) == pytest.approx(concern[i][1], abs=2e-3)
    finally:
        model.load.cache_clear()


def test_every_shipped_word_comes_from_the_project_s_own_answers() -> None:
    """No word or word pair of the FFT data (which the sentiment head learned from) is
    shipped: the vocabulary holds only terms found in the project's written answers."""
    meta = json.loads(model.MODEL_JSON.read_text(encoding="utf-8"))
    shipped = set(meta["vocabulary"]["w"])
    own: set[str] = set()
    for example in corpus.safeguarding_examples(("train",)):
        tokens = features.words(features.prepare(model.for_reading(example.text)))
        own |= set(tokens) | {f"{a} {b}" for a, b in pairwise(tokens)}
    # names are read as "someone" and identifiers dropped, so words seen only after
    # redaction count too
    own |= {"someone"}
    missing = shipped - own
    assert len(missing) <= 0.01 * len(shipped), sorted(missing)[:20]


def test_the_model_file_describes_its_heads_and_training() -> None:
    meta = json.loads(model.MODEL_JSON.read_text(encoding="utf-8"))
    found = model.load()
    assert set(meta["labels"]) == set(model.HEADS)
    assert found.weights.shape == (
        found.vocabulary.size,
        sum(e - s for s, e in found.heads.values()),
    )
    assert 0 < found.thresholds["concern"] <= found.thresholds["confident"] < 1
    assert all(f"theme:{t}" in found.thresholds for t in corpus.THEMES)


@pytest.mark.parametrize("code", ["en", "ro", "pl", "bg", "lt", "pt"])
def test_every_lexicon_names_every_concept_with_safe_stems(code: str) -> None:
    with (features.LEXICONS / f"{code}.toml").open("rb") as handle:
        concepts = tomllib.load(handle)["concepts"]
    with (features.LEXICONS / "en.toml").open("rb") as handle:
        english = set(tomllib.load(handle)["concepts"])
    assert set(concepts) == english
    for concept, block in concepts.items():
        entries = [line.strip() for line in block.splitlines() if line.strip()]
        assert len(entries) >= 5, (code, concept)
        for entry in entries:
            for word in entry.split():
                if word.endswith("*"):
                    assert len(word.rstrip("*")) >= 4, (code, concept, entry)
