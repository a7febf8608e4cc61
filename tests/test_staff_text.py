"""Words staff type are cleaned as hers are, on SQLite and PostgreSQL.

Every staff-typed field (catalogue names and icons, services, "You said, we did",
consultations, helplines and addresses, themes, review notes) either stores its text
cleaned (no control characters, no bidi overrides or isolates) or refuses it with its
module's own clear error; never a database error (a NUL is one on PostgreSQL).
Each of the 22 fields runs a tenth of LANTERN_FUZZ_EXAMPLES (CI: 100 each, 4,400 in all,
derandomised): the hostile characters are few, and CI's time is shared.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.text import clean_staff_text
from db import actions, admin, comments, services, themes
from db import consultations as c
from db import settings as db_settings
from db.models import (
    Action,
    Answer,
    CommentReview,
    Consultation,
    ConsultationChoice,
    Provision,
    Service,
    Setting,
    Site,
    Theme,
    TimeSlot,
)
from db.session import read_session, write_session
from db.submissions import FeedbackForm, submit_feedback

EXAMPLES = max(10, int(os.environ.get("LANTERN_FUZZ_EXAMPLES", "100")) // 10)
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F}
HOSTILE = [
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\x85",
    "\x7f",
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u200b",
    "\ufeff",
    "\ud800",
    "\u2028",
    "e\u0301",
    "👩🏽‍🦱",
    "🧦",
    "שלום",
    "مرحبا",
    "<img src=x>",
    "![x](http://127.0.0.1/x)",
    "https://example.org/",
    " ",
    "Hot food",
]
pieces = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(st.characters(exclude_categories=()), max_size=12),  # surrogates too
)
short = st.lists(pieces, max_size=30).map("".join)
# Past every limit sometimes (the longest field takes 2,000 characters).
texts = st.one_of(short, st.builds(lambda t, n: t * n, short, st.integers(1, 120)))


def _unclean(text: str, multiline: bool) -> list[str]:
    """The characters of text that cleaning should have taken out."""
    allowed = "\n\t" if multiline else ""
    return [
        f"U+{ord(ch):04X}"
        for ch in text
        if ch not in allowed
        and (unicodedata.category(ch) in ("Cc", "Cs") or ord(ch) in BIDI or ch in "\u200b\ufeff")
    ]


def _stored(session: Session) -> list[tuple[str, bool]]:
    """Every staff-typed text in the database, with whether it may hold newlines."""
    one_line = [
        *session.scalars(select(Site.name)),
        *session.scalars(select(Provision.label)),
        *session.scalars(select(Provision.icon)),
        *session.scalars(select(TimeSlot.label)),
        *session.scalars(select(Service.label)),
        *session.scalars(select(Service.icon)),
        *session.scalars(select(Action.title)),
        *session.scalars(select(Consultation.question)),
        *session.scalars(select(Consultation.text_prompt)),
        *session.scalars(select(ConsultationChoice.label)),
        *session.scalars(select(ConsultationChoice.icon)),
        *session.scalars(select(Theme.label)),
    ]
    lines = [
        *session.scalars(select(Action.description)),
        *session.scalars(select(Theme.keywords)),
        *session.scalars(select(CommentReview.note)),
    ]
    for key, value in session.execute(select(Setting.key, Setting.value)):
        if key == "helplines":
            one_line += [v for line in json.loads(value) for v in line.values()]
        else:
            one_line.append(value)
    return [(t, False) for t in one_line if t] + [(t, True) for t in lines if t]


COUNTER = itertools.count()
TODAY = dt.date(2026, 3, 2)


def _consultation(**typed: object) -> c.ConsultationDraft:
    """A consultation draft with one field typed in."""
    n = next(COUNTER)
    values: dict = {
        "question": f"Question {n}?",
        "starts_on": TODAY,
        "ends_on": TODAY + dt.timedelta(days=7),
        "choices": [c.ChoiceDraft("👍", "Yes"), c.ChoiceDraft("👎", "No")],
        "text_prompt": None,
    }
    values.update(typed)
    return c.ConsultationDraft(**values)


def _first(session: Session, model) -> int:  # type: ignore[no-untyped-def]
    return session.scalars(select(model.id).order_by(model.id)).first()


def _theme(session: Session) -> str:
    return session.scalars(select(Theme.slug).order_by(Theme.slug)).first()


# name -> (how it is stored, the error that module gives for bad input)
FIELDS: dict[str, tuple[Callable[[Session, str], object], type[Exception]]] = {
    "site name": (
        lambda s, t: admin.add_item(s, "sites", t, f"s{next(COUNTER)}", actor="ada"),
        admin.CatalogueError,
    ),
    "site renamed": (
        lambda s, t: admin.update_item(s, "sites", _first(s, Site), label=t, actor="ada"),
        admin.CatalogueError,
    ),
    "provision name": (
        lambda s, t: admin.add_item(s, "provisions", t, f"p{next(COUNTER)}", actor="ada"),
        admin.CatalogueError,
    ),
    "provision icon": (
        lambda s, t: admin.add_item(
            s, "provisions", f"Thing {next(COUNTER)}", f"p{next(COUNTER)}", t, actor="ada"
        ),
        admin.CatalogueError,
    ),
    "time slot name": (
        lambda s, t: admin.add_item(s, "slots", t, f"t{next(COUNTER)}", actor="ada"),
        admin.CatalogueError,
    ),
    "service name": (
        lambda s, t: services.add_service(s, t, actor="ada", slug=f"v{next(COUNTER)}"),
        services.ServiceError,
    ),
    "service icon": (
        lambda s, t: services.add_service(
            s, f"Service {next(COUNTER)}", t, actor="ada", slug=f"v{next(COUNTER)}"
        ),
        services.ServiceError,
    ),
    "you said we did title": (
        lambda s, t: actions.create_action(
            s, actions.ActionDraft(title=t, changed_on=TODAY), actor="ada"
        ),
        actions.ActionError,
    ),
    "you said we did description": (
        lambda s, t: actions.create_action(
            s, actions.ActionDraft(title="Soup", changed_on=TODAY, description=t), actor="ada"
        ),
        actions.ActionError,
    ),
    "consultation question": (
        lambda s, t: c.create_consultation(s, _consultation(question=t), actor="ada"),
        c.ConsultationError,
    ),
    "consultation prompt": (
        lambda s, t: c.create_consultation(s, _consultation(text_prompt=t), actor="ada"),
        c.ConsultationError,
    ),
    "consultation answer": (
        lambda s, t: c.create_consultation(
            s,
            _consultation(choices=[c.ChoiceDraft("👍", t), c.ChoiceDraft("👎", "No")]),
            actor="ada",
        ),
        c.ConsultationError,
    ),
    "consultation answer icon": (
        lambda s, t: c.create_consultation(
            s,
            _consultation(choices=[c.ChoiceDraft(t, "Yes"), c.ChoiceDraft("👎", "No")]),
            actor="ada",
        ),
        c.ConsultationError,
    ),
    "helpline name": (
        lambda s, t: db_settings.set_helplines(s, [{"name": t, "number": "999"}], actor="ada"),
        db_settings.SettingError,
    ),
    "helpline number": (
        lambda s, t: db_settings.set_helplines(s, [{"name": "Police", "number": t}], actor="ada"),
        db_settings.SettingError,
    ),
    "helpline note": (
        lambda s, t: db_settings.set_helplines(
            s, [{"name": "Police", "number": "999", "note": t}], actor="ada"
        ),
        db_settings.SettingError,
    ),
    "exit site": (
        lambda s, t: db_settings.set_exit_url(s, t, actor="ada"),
        db_settings.SettingError,
    ),
    "public address": (
        lambda s, t: db_settings.set_public_url(s, t, actor="ada"),
        db_settings.SettingError,
    ),
    "backup folder": (
        lambda s, t: db_settings.set_backup_dir(s, t, actor="ada"),
        db_settings.SettingError,
    ),
    "theme name": (
        lambda s, t: themes.update_theme(s, _theme(s), keywords="soup", label=t, actor="ada"),
        ValueError,
    ),
    "theme keywords": (
        lambda s, t: themes.update_theme(s, _theme(s), keywords=t, actor="ada"),
        ValueError,
    ),
    "review note": (
        lambda s, t: comments.review(s, _first(s, Answer), reviewer="ada", note=t),
        ValueError,
    ),
}


@pytest.mark.parametrize("field", FIELDS)
def test_any_staff_text_is_stored_cleaned_or_refused_clearly(db_url: str, field: str) -> None:
    store, error = FIELDS[field]
    submit_feedback(FeedbackForm(text_good="the soup was lovely"))  # a comment to review

    @FUZZ
    @given(text=texts)
    def stored_cleaned_or_refused(text: str) -> None:
        try:
            with write_session() as session:
                store(session, text)
        except error as exc:
            # Its own error, saying what to fix: not a database or an encoding error.
            assert not isinstance(exc, UnicodeError), field
            assert str(exc)
        with read_session() as session:
            bad = {t: _unclean(t, multiline) for t, multiline in _stored(session)}
        assert not any(bad.values()), (field, {k: v for k, v in bad.items() if v})

    stored_cleaned_or_refused()


@pytest.mark.parametrize(
    ("typed", "one_line", "lines"),
    [
        ("You said\x00 we did", "You said we did", "You said we did"),
        ("\u202egnp.exe\u202c site", "gnp.exe site", "gnp.exe site"),
        ("\u2066isolated\u2069 \u200evan\u200f", "isolated van", "isolated van"),
        ("  two\r\n lines\tand a tab ", "two lines and a tab", "two\n lines\tand a tab"),
        ("e\u0301", "é", "é"),
        (None, "", ""),
    ],
)
def test_staff_text_is_cleaned_as_hers_is(typed: str | None, one_line: str, lines: str) -> None:
    assert clean_staff_text(typed) == one_line
    assert clean_staff_text(typed, multiline=True) == lines


def test_a_nul_in_a_you_said_we_did_title_is_stored_without_it(db_url: str) -> None:
    with write_session() as session:
        row = actions.create_action(
            session, actions.ActionDraft(title="More\x00 socks", changed_on=TODAY), actor="ada"
        )
    assert row.title == "More socks"


def test_a_site_name_made_only_of_invisible_characters_is_refused_naming_the_field(
    db_url: str,
) -> None:
    with write_session() as session, pytest.raises(admin.CatalogueError, match="name"):
        admin.add_item(session, "sites", "\u202e\u200b\x00", "ghost", actor="ada")


def test_an_exit_site_with_a_bidi_override_is_refused(db_url: str) -> None:
    with write_session() as session, pytest.raises(db_settings.SettingError, match="invisible"):
        db_settings.set_exit_url(session, "https://www.bbc.co.uk/\u202eweather", actor="ada")
