"""Fit the safeguarding model: `python -m analysis.train_safeguarding [--cv] [--loso]`.

Learns from the project's own written comments only: the disclosure and harmless tables in
tests/ listed in `TABLES`, the blind-written sets in `TRAINING_SETS`
(tests/data/safeguarding/), and tests/data/outreach_labelled.csv as everyday comments. The
held-out sets (tests/test_analysis_safeguarding_heldout.py and `HELD_OUT_SETS`) measure it:
any text found in them is left out. When ../shared/data is beside the project, its
labelled FFT comments join as harmless examples at a lower weight (`FFT_WEIGHT`), so the
model learns that hospital and service feedback is not a disclosure; the terms and their
IDF are fitted on the project's comments alone, so no word of that data is written to
`safeguarding_model.json`.

`--cv` first reports 5-fold cross-validated recall and false alarms (rules, then rules with
the model), with the FFT comments split across the same folds; `--loso` fits without each
blind training set in turn and reports what the model would do on it, the figures the two
thresholds (`CONFIRM`, `ALONE`) were chosen on. Needs scikit-learn (a development
dependency; the shipped model is read with plain Python by `safeguarding_model`).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import importlib
import json
from pathlib import Path

from analysis import safeguarding

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "analysis" / "safeguarding_model.json"
SHARED = ROOT.parent / "shared" / "data"
FFT_FILES = ("fft_v6_dev.csv", "fft_phase1_dev.csv")
OUTREACH = ROOT / "tests" / "data" / "outreach_labelled.csv"
BLIND = ROOT / "tests" / "data" / "safeguarding"
# Sets written blind (by writers who saw no rule, table or other set) that the model learns
# from; the held-out ones measure it and are never learned from (see held_out_texts).
TRAINING_SETS = (
    "blind_d",
    "blind_e",
    "blind_f",
    "blind_g",
    "blind_j",
    "blind_k",
    "blind_l",
    "blind_m",
)
HELD_OUT_SETS = ("blind_h", "blind_i", "blind_n", "blind_o")
# (module under tests/, list name, True for disclosures / False for harmless comments)
TABLES: tuple[tuple[str, str, bool], ...] = (
    ("test_analysis_safeguarding", "DISCLOSURES", True),
    ("test_analysis_safeguarding", "IDIOMS", False),
    ("test_analysis_safeguarding_fresh", "DISCLOSURES", True),
    ("test_analysis_safeguarding_fresh", "HELD_OUT", True),
    ("test_analysis_safeguarding_fresh", "IDIOMS", False),
    ("test_analysis_safeguarding_fresh", "HELD_OUT_IDIOMS", False),
    ("test_analysis_safeguarding_independent", "DISCLOSURES", True),
    ("test_analysis_safeguarding_independent", "HARMLESS", False),
    ("test_analysis_safeguarding_round6", "DISCLOSURES", True),
    ("test_analysis_safeguarding_round6", "HARMLESS", False),
    ("test_analysis_safeguarding_round7dev", "DISCLOSURES", True),
    ("test_analysis_safeguarding_round7dev", "HARMLESS", False),
    ("test_analysis_safeguarding_round8dev", "DISCLOSURES", True),
    ("test_analysis_safeguarding_round8dev", "HARMLESS", False),
    ("test_analysis_safeguarding_wide", "TUNED", True),
    ("test_analysis_safeguarding_wide", "HELD_OUT_WIDE", True),
    ("test_analysis_safeguarding_wide", "TUNED_IDIOMS", False),
    ("test_analysis_safeguarding_wide", "HELD_OUT_WIDE_IDIOMS", False),
)
C = 10.0  # inverse regularisation of both regressions
FFT_WEIGHT = 0.3  # each FFT comment counts 0.3 of a project-written harmless comment
# P(concern) above which a rule's match stands, and above which the model flags alone.
CONFIRM, ALONE = 0.25, 0.5
WORD = {"analyzer": "word", "ngram_range": (1, 2), "min_df": 2, "token_pattern": r"[a-z']+"}
CHAR = {"analyzer": "char_wb", "ngram_range": (3, 5), "min_df": 3}


def blind_set(name: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(text, category) disclosures and harmless texts of one blind-written CSV set.

    Its columns are `text` and `safeguarding` (blank when harmless), the labels
    `python -m analysis.evaluate` reads, so a set can be measured with it directly.
    """
    with (BLIND / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return (
        [(r["text"], r["safeguarding"]) for r in rows if r["safeguarding"]],
        [r["text"] for r in rows if not r["safeguarding"]],
    )


def held_out_texts() -> set[str]:
    """Every comment of the held-out sets, which no model may learn from."""
    from tests import test_analysis_safeguarding_heldout as heldout

    held = {t for t, _ in heldout.DISCLOSURES} | set(heldout.HARMLESS)
    for name in HELD_OUT_SETS:
        disclosures, harmless = blind_set(name)
        held |= {t for t, _ in disclosures} | set(harmless)
    return held


def project_examples(
    sets: tuple[str, ...] = TRAINING_SETS,
) -> tuple[list[tuple[str, str]], list[str]]:
    """(text, category) disclosures and harmless texts from the tables and the blind training
    sets, each text once; a text that is also in a held-out set is left out."""
    disclosures: dict[str, str] = {}
    harmless: dict[str, None] = {}
    for module, name, is_disclosure in TABLES:
        items = getattr(importlib.import_module(f"tests.{module}"), name)
        for item in items:
            if is_disclosure:
                disclosures.setdefault(item[0], item[1])
            else:
                harmless.setdefault(item, None)
    for name in sets:
        found, fine = blind_set(name)
        for text, category in found:
            disclosures.setdefault(text, category)
        harmless.update((text, None) for text in fine)
    with OUTREACH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            harmless.setdefault(row["text"], None)
    held = held_out_texts()
    return (
        [(t, c) for t, c in disclosures.items() if t not in held],
        [t for t in harmless if t not in disclosures and t not in held],
    )


def fft_texts() -> list[str]:
    """The shared FFT comments (harmless service feedback), each text once; [] without them."""
    import pandas as pd

    texts: dict[str, None] = {}
    for name in FFT_FILES:
        if (SHARED / name).is_file():
            frame = pd.read_csv(SHARED / name, keep_default_na=False)
            texts.update((str(t), None) for t in frame["text"] if str(t).strip())
    return list(texts)


def digest(disclosures: list[tuple[str, str]], harmless: list[str]) -> str:
    """A fingerprint of the project tables the model was fitted on."""
    body = json.dumps([disclosures, harmless], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union

    return make_union(
        TfidfVectorizer(sublinear_tf=True, **WORD), TfidfVectorizer(sublinear_tf=True, **CHAR)
    )


def fit(texts: list[str], labels: list[int], categories: list[str | None], fft: list[str]):
    """(vectorizer, concern regression, category regression) on prepared texts."""
    import numpy as np
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    vec = _vectorizer().fit(texts)
    x, y = vec.transform(texts), np.asarray(labels)
    balance = y.sum() / max(1, len(y) - y.sum())  # harmless tables weigh as much as disclosures
    weights = np.where(y == 1, 1.0, balance)
    if fft:
        x = sp.vstack([x, vec.transform(fft)])
        y = np.concatenate([y, np.zeros(len(fft), dtype=int)])
        weights = np.concatenate([weights, np.full(len(fft), FFT_WEIGHT)])
    concern = LogisticRegression(C=C, max_iter=5000).fit(x, y, sample_weight=weights)
    rows = [i for i, c in enumerate(categories) if c]
    kinds = LogisticRegression(C=C, max_iter=5000).fit(
        vec.transform([texts[i] for i in rows]), [categories[i] for i in rows]
    )
    return vec, concern, kinds


def cross_validate(raw, texts, labels, categories, raw_fft, fft, folds: int = 5) -> None:
    """Print k-fold recall and false alarms of the rules alone and with the model. The rules
    read the raw comments (they prepare them themselves); the model their prepared texts."""
    import numpy as np
    from sklearn.model_selection import KFold, StratifiedKFold

    y = np.asarray(labels)
    rules = np.asarray([bool(safeguarding.rules_concerns(t)) for t in raw])
    settled = np.asarray([safeguarding.settled(t) for t in texts])
    rules_f = np.asarray([bool(safeguarding.rules_concerns(t)) for t in raw_fft])
    settled_f = np.asarray([safeguarding.settled(t) for t in fft])
    p, p_f = np.zeros(len(y)), np.zeros(len(fft))
    outer = StratifiedKFold(folds, shuffle=True, random_state=0).split(texts, y)
    inner = KFold(folds, shuffle=True, random_state=0).split(fft) if fft else [([], [])] * folds
    for (train, test), (train_f, test_f) in zip(outer, inner, strict=True):
        vec, concern, _ = fit(
            [texts[i] for i in train],
            [labels[i] for i in train],
            [categories[i] for i in train],
            [fft[i] for i in train_f],
        )
        p[test] = concern.predict_proba(vec.transform([texts[i] for i in test]))[:, 1]
        if len(test_f):
            p_f[test_f] = concern.predict_proba(vec.transform([fft[i] for i in test_f]))[:, 1]
    both = _combined(rules, p, settled)
    both_f = _combined(rules_f, p_f, settled_f)
    pos = y == 1
    print(
        f"CV disclosures flagged: rules {rules[pos].mean():.3f}, with model {both[pos].mean():.3f}"
    )
    print(
        f"CV harmless flagged: rules {rules[~pos].mean():.3f}, with model {both[~pos].mean():.3f}"
    )
    if fft:
        print(
            f"CV FFT comments flagged: rules {rules_f.mean():.4f}, with model {both_f.mean():.4f}"
        )


def leave_one_set_out() -> None:
    """Print recall and false alarms on each blind training set when it is left out of the
    fit (the evidence the thresholds were chosen on), then over all of them."""
    import numpy as np

    fft = [safeguarding.prepared(t) for t in fft_texts()]
    totals = [0, 0, 0, 0]
    for left in TRAINING_SETS:
        out_d, out_h = blind_set(left)
        leave = {t for t, _ in out_d} | set(out_h)
        disclosures, harmless = project_examples(tuple(s for s in TRAINING_SETS if s != left))
        disclosures = [(t, c) for t, c in disclosures if t not in leave]
        harmless = [t for t in harmless if t not in leave]
        _, texts, labels, categories = _examples(disclosures, harmless)
        vec, concern, _ = fit(texts, labels, categories, fft)
        counts = []
        for items in ([t for t, _ in out_d], out_h):
            norm = [safeguarding.prepared(t) for t in items]
            rules = np.asarray([bool(safeguarding.rules_concerns(t)) for t in items])
            settled = np.asarray([safeguarding.settled(t) for t in norm])
            p = concern.predict_proba(vec.transform(norm))[:, 1]
            counts += [int(_combined(rules, p, settled).sum()), len(items)]
        print(f"{left}: flagged {counts[0]}/{counts[1]}, false alarms {counts[2]}/{counts[3]}")
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    print(
        f"left out in turn: flagged {totals[0]}/{totals[1]} = {totals[0] / totals[1]:.3f}, "
        f"false alarms {totals[2]}/{totals[3]} = {totals[2] / totals[3]:.3f}"
    )


def _examples(disclosures: list[tuple[str, str]], harmless: list[str]):
    """Raw texts, prepared texts, labels (1 for a disclosure) and categories, in one order."""
    raw = [t for t, _ in disclosures] + list(harmless)
    labels = [1] * len(disclosures) + [0] * len(harmless)
    categories = [c for _, c in disclosures] + [None] * len(harmless)
    return raw, [safeguarding.prepared(t) for t in raw], labels, categories


def _combined(rules, p, settled):
    """What `safeguarding.concerns` flags: a rule's match the model confirms, or the model
    alone, unless the comment tells its danger as over."""
    return ((rules & (p > CONFIRM)) | (p > ALONE)) & ~settled


def _rounded(values) -> list[float]:
    return [round(float(v), 5) for v in values]


def export(vec, concern, kinds) -> dict:
    """The fitted vectorizers and regressions as the plain data `safeguarding_model` reads."""
    blocks = []
    for _, part in vec.transformer_list:
        terms = sorted(part.vocabulary_, key=part.vocabulary_.__getitem__)
        blocks.append(
            {
                "kind": part.analyzer,
                "ngram": list(part.ngram_range),
                "terms": terms,
                "idf": _rounded(part.idf_),
            }
        )
    return {
        "confirm": CONFIRM,
        "alone": ALONE,
        "analyzers": blocks,
        "concern": {"coef": _rounded(concern.coef_[0]), "intercept": float(concern.intercept_[0])},
        "categories": {
            "classes": [str(c) for c in kinds.classes_],
            "coef": [_rounded(row) for row in kinds.coef_],
            "intercept": _rounded(kinds.intercept_),
        },
    }


def main(argv: list[str] | None = None) -> int:
    """Fit on every project table (and the FFT comments when present); write the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="report 5-fold cross-validation first")
    parser.add_argument(
        "--loso", action="store_true", help="report leave-one-blind-set-out figures first"
    )
    parser.add_argument("--no-write", action="store_true", help="do not write the model file")
    args = parser.parse_args(argv)
    disclosures, harmless = project_examples()
    raw, texts, labels, categories = _examples(disclosures, harmless)
    raw_fft = fft_texts()
    fft = [safeguarding.prepared(t) for t in raw_fft]
    print(f"{len(disclosures)} disclosures, {len(harmless)} harmless, {len(fft)} FFT comments")
    if args.cv:
        cross_validate(raw, texts, labels, categories, raw_fft, fft)
    if args.loso:
        leave_one_set_out()
    if args.no_write:
        return 0
    vec, concern, kinds = fit(texts, labels, categories, fft)
    model = export(vec, concern, kinds)
    model["trained_on"] = {
        "disclosures": len(disclosures),
        "harmless": len(harmless),
        "fft_comments": len(fft),
        "fft_weight": FFT_WEIGHT,
        "C": C,
        "tables_sha256": digest(disclosures, harmless),
    }
    MODEL_PATH.write_text(json.dumps(model, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({sum(len(b['terms']) for b in model['analyzers'])} terms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
