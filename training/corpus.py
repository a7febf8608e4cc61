"""The labelled outreach corpus (corpus/): its manifest, its rows, and the role of each file.

Every labelled file the project owns is listed in corpus/manifest.toml with its role:
- `train`: fitted on (a model's weights, a lexicon or a rule was shaped by it);
- `tune`: thresholds and choices between designs were made on it, nothing fitted;
- `heldout`: measured once per analysis version and never looked at row by row; once it
  has been tuned on it moves to `train` under a new name and a new held-out set is written.
Each writer's rows sit in one role only, so a held-out figure measures voices no model met.
"""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
MANIFEST = CORPUS / "manifest.toml"
ROLES = ("train", "tune", "heldout")
HEADER = (
    "id", "question", "prompt", "lang", "text", "sentiment", "themes", "safeguarding",
    "identifiers", "not_names",
)  # fmt: skip
QUESTIONS = ("what_good", "could_improve", "provision_other", "consultation")
LANGUAGES = ("en", "ro", "pl", "bg", "lt", "pt")
SENTIMENTS = ("positive", "neutral", "negative")
THEMES = (
    "food_drink", "clothing_warmth", "hygiene_toiletries", "sexual_health", "harm_reduction",
    "times_schedule", "location_access", "staff_kindness", "safety_violence", "housing_money",
    "health_wellbeing", "justice_police", "children_family", "practical_phone",
    "gratitude_general",
)  # fmt: skip
CATEGORIES = (
    "immediate_danger", "self_harm_suicide", "violence_assault", "domestic_abuse",
    "stalking_harassment", "exploitation_trafficking", "child_safeguarding", "overdose_medical",
)  # fmt: skip
IDENTIFIER_TYPES = (
    "name", "phone", "email", "postcode", "nhs_number", "address", "vehicle_reg",
    "date_of_birth", "handle",
)  # fmt: skip


@dataclass(frozen=True)
class Row:
    """One labelled answer."""

    id: str
    file: str
    role: str
    question: str
    prompt: str
    lang: str
    text: str
    sentiment: str
    themes: tuple[str, ...]
    safeguarding: str
    identifiers: tuple[tuple[str, str], ...]
    not_names: tuple[str, ...]

    @property
    def writer(self) -> str:
        """The writer's code ("T01"), the part of the id before the dash."""
        return self.id.split("-", 1)[0]

    @property
    def sentiment_question(self) -> str | None:
        """The question as sentiment reads it: what_good and could_improve, else None."""
        return self.question if self.question in ("what_good", "could_improve") else None


@dataclass(frozen=True)
class Entry:
    """One file of the manifest."""

    name: str
    path: Path
    role: str
    labels: str
    writers: tuple[str, ...]
    description: str


def manifest() -> list[Entry]:
    """Every labelled file of the corpus with its role, as corpus/manifest.toml lists them."""
    with MANIFEST.open("rb") as handle:
        table = tomllib.load(handle)
    entries = []
    for name, item in table["files"].items():
        entries.append(
            Entry(
                name=name,
                path=CORPUS / item["path"],
                role=item["role"],
                labels=item["labels"],
                writers=tuple(item.get("writers", ())),
                description=item.get("description", ""),
            )
        )
    return entries


def _split(value: str) -> tuple[str, ...]:
    return tuple(v for v in value.split("|") if v)


def read(path: Path, role: str = "") -> list[Row]:
    """The rows of one corpus CSV file."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != HEADER:
            raise ValueError(f"{path}: the header must be {','.join(HEADER)}")
        return [
            Row(
                id=r["id"],
                file=path.stem,
                role=role,
                question=r["question"],
                prompt=r["prompt"],
                lang=r["lang"],
                text=r["text"],
                sentiment=r["sentiment"],
                themes=_split(r["themes"]),
                safeguarding=r["safeguarding"],
                identifiers=tuple(
                    (kind, value)
                    for kind, _, value in (i.partition("=") for i in _split(r["identifiers"]))
                ),
                not_names=_split(r["not_names"]),
            )
            for r in reader
        ]


def _entries(roles: Iterable[str], files: Iterable[str] | None, labels: str) -> list[Entry]:
    wanted_roles = set(roles)
    wanted_files = set(files) if files is not None else None
    return [
        e
        for e in manifest()
        if e.role in wanted_roles
        and e.labels == labels
        and (wanted_files is None or e.name in wanted_files)
    ]


def rows(roles: Iterable[str] = ("train",), files: Iterable[str] | None = None) -> list[Row]:
    """The fully labelled rows of every manifest file in roles (and, if given, among files)."""
    found: list[Row] = []
    for entry in _entries(roles, files, "full"):
        found.extend(read(entry.path, entry.role))
    return found


@dataclass(frozen=True)
class Example:
    """A text with its safeguarding label alone ("" when harmless), from any labelled file."""

    text: str
    safeguarding: str
    file: str
    lang: str = "en"


def safeguarding_examples(
    roles: Iterable[str] = ("train",), files: Iterable[str] | None = None
) -> list[Example]:
    """Every text in roles with a safeguarding label: the fully labelled rows, the
    safeguarding-only sets, and the older outreach set's comments (all harmless)."""
    roles = tuple(roles)
    found = [Example(r.text, r.safeguarding, r.file, r.lang) for r in rows(roles, files)]
    for entry in _entries(roles, files, "safeguarding"):
        with entry.path.open(encoding="utf-8", newline="") as handle:
            found += [
                Example(r["text"], r["safeguarding"], entry.name) for r in csv.DictReader(handle)
            ]
    for entry in _entries(roles, files, "outreach"):
        with entry.path.open(encoding="utf-8", newline="") as handle:
            found += [Example(r["text"], "", entry.name) for r in csv.DictReader(handle)]
    found += [Example(r.text, "", r.file) for r in stock(roles, files)]
    return found


@dataclass(frozen=True)
class Stock:
    """A stock answer: the short harmless things a tablet sees again and again."""

    id: str
    file: str
    question: str
    text: str


def stock(roles: Iterable[str] = ("train",), files: Iterable[str] | None = None) -> list[Stock]:
    """The stock answers of every stock table in roles."""
    found: list[Stock] = []
    for entry in _entries(roles, files, "stock"):
        with entry.path.open(encoding="utf-8", newline="") as handle:
            found += [
                Stock(r["id"], entry.name, r["question"], r["text"]) for r in csv.DictReader(handle)
            ]
    return found


def outreach_examples(roles: Iterable[str] = ("train",)) -> list[dict[str, str]]:
    """The older outreach set's rows (text, question_type, sentiment_3, app_themes)."""
    found: list[dict[str, str]] = []
    for entry in _entries(roles, None, "outreach"):
        with entry.path.open(encoding="utf-8", newline="") as handle:
            found += list(csv.DictReader(handle))
    return found


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def seen_texts() -> set[str]:
    """Every text (lower case, spaces squeezed) in the train and tune files."""
    return {_key(e.text) for e in safeguarding_examples(("train", "tune"))}


def held_out() -> tuple[list[Row], int]:
    """The held-out rows a measurement may use, and how many were left out because the same
    words also occur in a training or tuning file ("100%", "cant think of anything": short
    stock answers that different writers type alike)."""
    seen = seen_texts()
    rows_ = rows(("heldout",))
    kept = [r for r in rows_ if _key(r.text) not in seen]
    return kept, len(rows_) - len(kept)


def by_writer(items: Iterable[Row]) -> Iterator[tuple[str, list[Row]]]:
    """(writer, rows) groups, in first-seen order."""
    groups: dict[str, list[Row]] = {}
    for row in items:
        groups.setdefault(row.writer, []).append(row)
    yield from groups.items()
