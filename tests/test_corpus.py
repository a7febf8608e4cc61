"""The labelled corpus: every file listed with its role, well formed, and held out for real."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest

from training import corpus

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
MANIFEST = corpus.manifest()
FULL = [e for e in MANIFEST if e.labels == "full"]


def test_every_labelled_file_in_the_corpus_is_in_the_manifest() -> None:
    listed = {e.path.resolve() for e in MANIFEST}
    on_disk = {
        p.resolve()
        for p in corpus.CORPUS.rglob("*.csv")
        if not {"first", "second", "adjudication"} & set(p.parts)
    }
    assert on_disk == listed


def test_every_manifest_entry_has_a_known_role_and_label_kind() -> None:
    for entry in MANIFEST:
        assert entry.role in corpus.ROLES, entry.name
        assert entry.labels in ("full", "safeguarding", "outreach", "stock"), entry.name
        assert entry.path.is_file(), entry.name
        assert entry.path.parent.name == entry.role or entry.path.parent.parent.name == entry.role


@pytest.mark.parametrize("entry", FULL, ids=[e.name for e in FULL])
def test_a_full_label_file_holds_only_known_labels(entry: corpus.Entry) -> None:
    rows = corpus.read(entry.path, entry.role)
    assert rows
    for row in rows:
        assert row.writer in entry.writers, row.id
        assert row.question in corpus.QUESTIONS
        assert row.lang in corpus.LANGUAGES
        assert row.sentiment in corpus.SENTIMENTS
        assert set(row.themes) <= set(corpus.THEMES)
        assert row.safeguarding in ("", *corpus.CATEGORIES)
        assert not row.safeguarding or row.sentiment == "negative"  # the guide's rule
        for kind, value in row.identifiers:
            assert kind in corpus.IDENTIFIER_TYPES and value in row.text
        assert all(word in row.text for word in row.not_names)
    assert len({r.id for r in rows}) == len(rows)


def test_each_writer_sits_in_one_role_only() -> None:
    roles: dict[str, set[str]] = {}
    for entry in MANIFEST:
        for writer in entry.writers:
            roles.setdefault(writer, set()).add(entry.role)
    assert all(len(r) == 1 for r in roles.values()), roles


def test_a_held_out_measurement_leaves_out_answers_also_seen_in_training() -> None:
    kept, dropped = corpus.held_out()
    seen = corpus.seen_texts()
    assert not {" ".join(r.text.lower().split()) for r in kept} & seen
    assert len(kept) >= 2000
    assert dropped < 0.15 * (len(kept) + dropped)  # short stock answers only, not copying


def test_the_corpus_is_big_enough_and_mostly_ordinary_feedback() -> None:
    full = corpus.rows(("train", "tune", "heldout"))
    held, _ = corpus.held_out()
    writers = {r.writer for r in full}
    assert len(full) >= 6000
    assert len(held) >= 2000
    assert len(writers) >= 12
    harmless = sum(1 for r in full if not r.safeguarding)
    assert harmless / len(full) >= 0.75
    # at least a quarter written by women whose first language is not English
    non_native = {w for w in writers if any(r.lang != "en" for r in full if r.writer == w)}
    share = sum(1 for r in full if r.writer in non_native) / len(full)
    assert share >= 0.25
    languages = Counter(r.lang for r in held)
    assert set(languages) == set(corpus.LANGUAGES)


def test_the_held_out_rows_were_labelled_twice_blind_and_settled() -> None:
    folder = corpus.CORPUS / "heldout"
    names = sorted(p.name for p in folder.glob("H*.csv"))
    assert names
    for name in names:
        settled = corpus.read(folder / name)
        first = corpus.read(folder / "first" / name)
        second = corpus.read(folder / "second" / name)
        assert [r.id for r in settled] == [r.id for r in first] == [r.id for r in second]
        assert [r.text for r in settled] == [r.text for r in second]


def test_the_shipped_model_learned_from_training_files_only() -> None:
    info = json.loads((ROOT / "analysis" / "data" / "model.json").read_text("utf-8"))["info"]
    roles = {e.name: e.role for e in MANIFEST}
    assert info["trained_on"]
    assert all(roles[name] == "train" for name in info["trained_on"])
    held = {e.name for e in MANIFEST if e.role == "heldout"}
    assert not held & set(info["trained_on"])


def test_no_text_of_the_shared_nhs_data_is_copied_into_the_corpus() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared/data is not beside the project")
    shared: set[str] = set()
    for path in SHARED.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as handle:
            shared |= {
                r["text"].strip().lower() for r in csv.DictReader(handle) if len(r["text"]) > 25
            }
    ours = {e.text.strip().lower() for e in corpus.safeguarding_examples(corpus.ROLES)}
    assert not shared & ours
