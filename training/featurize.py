"""Answers as matrices for scikit-learn, made with the runtime's own `analysis.features`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.sparse import csr_matrix

from analysis import features, language


def counted(
    texts: Sequence[str], languages: Sequence[str] | None = None
) -> list[dict[str, Counter[str]]]:
    """Each text's counted terms; its language is detected unless given."""
    if languages is None:
        languages = [language.detect(t).code for t in texts]
    return [features.terms(t, lang) for t, lang in zip(texts, languages, strict=True)]


def matrix(
    vocabulary: features.Vocabulary, items: Sequence[Mapping[str, Counter[str]]]
) -> csr_matrix:
    """The TF-IDF rows of items over vocabulary, exactly as `Vocabulary.vector` makes them."""
    indptr = [0]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for item in items:
        columns, values = vocabulary.vector(item)
        indices.append(columns)
        data.append(values)
        indptr.append(indptr[-1] + len(columns))
    return csr_matrix(
        (
            np.concatenate(data) if data else np.zeros(0),
            np.concatenate(indices) if indices else np.zeros(0, dtype=np.int64),
            np.asarray(indptr),
        ),
        shape=(len(items), vocabulary.size),
    )
