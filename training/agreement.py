"""How far two labellers agree on the held-out rows: `python -m training.agreement`.

The first labels are the writers' own (corpus/heldout/*.csv, before settling: kept in
corpus/heldout/first/); the second are an independent labeller's, made blind to the first
(corpus/heldout/second/). Cohen's kappa per reading, as scikit-learn computes it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from training import corpus


def _kappa(a: list, b: list) -> float:
    from sklearn.metrics import cohen_kappa_score

    return float(cohen_kappa_score(a, b))


def compare(first: list[corpus.Row], second: list[corpus.Row]) -> dict[str, float]:
    """Kappa (and plain agreement) per reading for two labellings of the same rows."""
    by_id = {r.id: r for r in second}
    pairs = [(a, by_id[a.id]) for a in first if a.id in by_id]
    if len(pairs) != len(first):
        raise ValueError("the two labellings do not cover the same rows")
    out: dict[str, float] = {"rows": float(len(pairs))}
    out["sentiment"] = _kappa([a.sentiment for a, _ in pairs], [b.sentiment for _, b in pairs])
    out["safeguarding_flag"] = _kappa(
        [bool(a.safeguarding) for a, _ in pairs], [bool(b.safeguarding) for _, b in pairs]
    )
    out["safeguarding_category"] = _kappa(
        [a.safeguarding or "none" for a, _ in pairs], [b.safeguarding or "none" for _, b in pairs]
    )
    per_theme = []
    for theme in corpus.THEMES:
        per_theme.append(
            _kappa([theme in a.themes for a, _ in pairs], [theme in b.themes for _, b in pairs])
        )
        out[f"theme:{theme}"] = per_theme[-1]
    out["themes_mean"] = sum(per_theme) / len(per_theme)
    out["language"] = _kappa([a.lang for a, _ in pairs], [b.lang for _, b in pairs])
    ids_a = {(a.id, k, v) for a, _ in pairs for k, v in a.identifiers}
    ids_b = {(b.id, k, v) for _, b in pairs for k, v in b.identifiers}
    out["identifiers_agreement_f1"] = 2 * len(ids_a & ids_b) / max(1, len(ids_a) + len(ids_b))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, default=corpus.CORPUS / "heldout" / "first")
    parser.add_argument("--second", type=Path, default=corpus.CORPUS / "heldout" / "second")
    args = parser.parse_args()
    first, second = [], []
    for path in sorted(args.first.glob("H*.csv")):
        first += corpus.read(path, "heldout")
        second += corpus.read(args.second / path.name, "heldout")
    for key, value in compare(first, second).items():
        print(f"{key:32} {value:.3f}")


if __name__ == "__main__":
    main()
