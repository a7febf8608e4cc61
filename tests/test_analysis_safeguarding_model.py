"""The learned safeguarding model: the plain-Python reading equals scikit-learn's, the shipped
file is fitted on the current tables and only on the project's own words, and it adds to the
rules without undoing what they set aside."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import safeguarding, safeguarding_model, train_safeguarding

sklearn = pytest.importorskip("sklearn")

TEXTS = [
    " he said he'll be waiting outside the van tonight ",
    " the soup was lush ta x ",
    " my little one is on her own at the flat ",
    " i took all my tablets at once ",
    " a ",
    " ~ the van's great ~ ",
    " hes outside hes outside   in the car ",
    "",
]


@pytest.fixture(scope="module")
def small():
    """A small model fitted by the trainer's own code, its export, and the sklearn objects."""
    disclosures, harmless = train_safeguarding.project_examples()
    texts = [safeguarding.prepared(t) for t, _ in disclosures[::7]]
    texts += [safeguarding.prepared(t) for t in harmless[::5]]
    labels = [1] * len(disclosures[::7]) + [0] * len(harmless[::5])
    categories = [c for _, c in disclosures[::7]] + [None] * len(harmless[::5])
    vec, concern, kinds = train_safeguarding.fit(texts, labels, categories, [])
    model = safeguarding_model.prepare(train_safeguarding.export(vec, concern, kinds))
    return vec, concern, kinds, model


def _dense(row: dict[int, float], width: int) -> list[float]:
    values = [0.0] * width
    for column, weight in row.items():
        values[column] = weight
    return values


def _agrees(small, text: str) -> None:
    vec, concern, kinds, model = small
    expected = vec.transform([text]).toarray()[0]
    got = _dense(safeguarding_model.vector(text, model), model["width"])
    # the export keeps IDF to 5 decimals, so weights agree to about 1e-5
    assert got == pytest.approx(list(expected), abs=1e-4)
    p = concern.predict_proba(vec.transform([text]))[0, 1]
    assert safeguarding_model.probability(text, model) == pytest.approx(p, abs=1e-3)
    if expected.any():
        assert safeguarding_model.category(text, model) == kinds.predict(vec.transform([text]))[0]


@pytest.mark.parametrize("text", TEXTS)
def test_the_plain_python_reading_equals_scikit_learn(small, text):
    _agrees(small, text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("abehiklmnorstuwy' ~.\n\t"), max_size=80))
def test_the_plain_python_reading_equals_scikit_learn_on_any_text(small, text):
    _agrees(small, text)


def test_the_shipped_model_is_fitted_on_the_current_tables():
    """Change a table and this fails until `python -m analysis.train_safeguarding` is re-run."""
    model = safeguarding_model.load()
    disclosures, harmless = train_safeguarding.project_examples()
    assert model["trained_on"]["tables_sha256"] == train_safeguarding.digest(disclosures, harmless)
    assert model["trained_on"]["disclosures"] == len(disclosures)
    assert set(model["categories"]["classes"]) == set(safeguarding.CATEGORIES)


def test_every_shipped_term_comes_from_the_project_s_own_comments():
    """The FFT comments only weigh terms in; none of their words may be shipped."""
    disclosures, harmless = train_safeguarding.project_examples()
    own = [safeguarding.prepared(t) for t, _ in disclosures] + [
        safeguarding.prepared(t) for t in harmless
    ]
    seen: set[str] = set()
    for text in own:
        seen.update(safeguarding_model.word_terms(text, 1, 2))
        seen.update(safeguarding_model.char_wb_terms(text, 3, 5))
    for block in safeguarding_model.load()["analyzers"]:
        missing = [t for t in block["terms"] if t not in seen]
        assert not missing, missing[:5]


def test_no_held_out_comment_is_in_the_training_tables():
    from tests import test_analysis_safeguarding_heldout as heldout

    disclosures, harmless = train_safeguarding.project_examples()
    trained = {t for t, _ in disclosures} | set(harmless)
    held = {t for t, _ in heldout.DISCLOSURES} | set(heldout.HARMLESS)
    assert not trained & held


def test_a_rule_s_finding_the_model_confirms_keeps_the_rules_categories():
    text = "my fella punched me in the face"
    assert safeguarding_model.probability(safeguarding.prepared(text)) > 0.9
    assert safeguarding.concerns(text) == safeguarding.rules_concerns(text)


def test_the_model_sets_aside_a_rule_s_match_it_rates_unlikely():
    """A rule matching a comment the model rates at most `confirm` is not flagged."""
    model = safeguarding_model.load()
    norm = safeguarding.prepared("the van's a lifesaver")
    assert safeguarding_model.second_look(norm, lambda _: {"immediate_danger"}) == (
        set() if safeguarding_model.probability(norm) <= model["confirm"] else {"immediate_danger"}
    )
    assert safeguarding_model.probability(norm) <= model["confirm"]
    assert safeguarding_model.second_look(norm, lambda _: set()) == set()


def test_the_rules_are_asked_only_when_the_model_could_let_them_count():
    """Below both thresholds nothing is flagged whatever the rules find, so they are not
    asked; otherwise the decision is the one the rules' finding and P(concern) give."""
    from tests import test_analysis_safeguarding_heldout as heldout

    model = safeguarding_model.load()
    asked_for = []
    for text in [t for t, _ in heldout.DISCLOSURES[::4]] + heldout.HARMLESS[::2]:
        norm = safeguarding.prepared(text)
        asked: list[str] = []
        got = safeguarding_model.second_look(
            norm, lambda n, asked=asked: asked.append(n) or safeguarding._rules_finding(n)
        )
        p, found = safeguarding_model.probability(norm), safeguarding._rules_finding(norm)
        if found:
            expected = found if p > model["confirm"] else set()
        else:
            expected = {safeguarding_model.category(norm)} if p > model["alone"] else set()
        assert got == expected, text
        assert bool(asked) == (p > min(model["confirm"], model["alone"])), text
        asked_for.append(bool(asked))
    assert 0 < sum(asked_for) < len(asked_for)  # both ways were taken


def test_what_the_rules_set_aside_as_over_stays_set_aside():
    """The settled check (danger told as over) applies to what the model confirms too."""
    text = "i used to get beaten up by a pimp years ago"
    norm = safeguarding.prepared(text)
    assert safeguarding.settled(norm)
    assert safeguarding_model.probability(norm) > safeguarding_model.load()["alone"]
    assert safeguarding.concerns(text) == []


def test_a_finding_of_the_model_alone_is_filed_under_a_category():
    model = safeguarding_model.load()
    found = [
        text
        for text, _ in _heldout_disclosures()
        if not safeguarding.rules_concerns(text) and safeguarding.concerns(text)
    ]
    assert found, "the model adds nothing on the held-out sets"
    for text in found:
        assert set(safeguarding.concerns(text)) <= set(safeguarding.CATEGORIES)
        assert safeguarding_model.probability(safeguarding.prepared(text)) > model["alone"]


def _heldout_disclosures() -> list[tuple[str, str]]:
    from tests import test_analysis_safeguarding_heldout as heldout

    return heldout.DISCLOSURES


def test_letter_pieces_are_cut_as_scikit_learn_cuts_them():
    assert safeguarding_model.char_wb_terms("a", 3, 5) == [" a "]
    assert safeguarding_model.char_wb_terms("hit", 3, 5) == [
        " hi", "hit", "it ", " hit", "hit ", " hit ",
    ]  # fmt: skip
    assert safeguarding_model.word_terms("he's out  now", 1, 2) == [
        "he's", "out", "now", "he's out", "out now",
    ]  # fmt: skip
    assert re.fullmatch(r"[a-z' ]*", " ".join(safeguarding_model.word_terms("Hi! 2 u", 1, 2)))


def test_the_model_keeps_none_of_her_own_words_in_memory():
    """Only words of the shipped vocabulary are remembered between comments."""
    safeguarding.concerns("tell Zephyrine at flat 9 the soup was lush")
    model = safeguarding_model.load()
    remembered = set().union(*(block["cache"] for block in model["analyzers"]))
    assert "zephyrine" not in remembered
    assert "soup" in remembered
    assert remembered <= next(iter(model["analyzers"]))["known"]
