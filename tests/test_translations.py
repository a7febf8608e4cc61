"""Staff's words in the kiosk's other languages (db/translations.py), on the kiosk and Admin."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from db import actions, admin, audit, consultations, settings
from db import translations as t
from db.models import TRANSLATION_KINDS, Action, Consultation, Site, Translation
from db.session import read_session, write_session
from tests.kiosk_helpers import click, kiosk, own_locales, texts
from tests.staff_helpers import create_user, signed_in_on, signed_out
from tests.test_actions import change as change_action
from tests.test_actions import create as create_action
from tests.test_consultations import opened

LANGUAGES = ("pl", "ro")
# Test words only (not a translation to ship): a name of its own, and built-in words for two
# of the default catalogue's items; everything else falls back to English.
POLISH = """
[meta]
language_name = "Polski (test)"

[provision_labels]
hot_drinks = "Gorące napoje"

[slot_labels]
night = "Od północy do 3"
"""
ROMANIAN = """
[meta]
language_name = "Română (test)"
"""


@pytest.fixture
def polish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """English, Polish and Romanian locale files of our own, whatever locales/ ships."""
    yield from own_locales(tmp_path / "locales", monkeypatch, pl=POLISH, ro=ROMANIAN)


def save(kind: str, slug: str, words: str | None, language: str = "pl") -> str | None:
    """Save one translation as ada."""
    with write_session() as session:
        return t.set_translation(
            session, kind, slug, language, words, actor="ada", languages=LANGUAGES
        )


def stored(language: str = "pl") -> dict[tuple[str, str], t.Translated]:
    """Every translation into language."""
    with read_session() as session:
        return t.translations_for(session, language)


def events(action: str) -> list[tuple[str | None, str | None, str | None]]:
    """(actor, target, detail) of each audit event of this action, newest first."""
    with read_session() as session:
        return [(e.actor, e.target, e.detail) for e in audit.events(session, action=action)]


def slugs(kind: str) -> list[str]:
    """The slugs of the things of kind the kiosk shows."""
    with read_session() as session:
        return [i.slug for i in t.items(session, kind)]


def helpline_999() -> settings.Helpline:
    """The default list's 999 line."""
    return next(h for h in settings.DEFAULT_HELPLINES if h.number == "999")


# --- The table and its functions ------------------------------------------------------------


def test_the_kinds_are_the_ones_the_table_allows() -> None:
    assert tuple(t.KINDS) == TRANSLATION_KINDS


def test_a_translation_is_stored_read_back_and_audited(db_url: str) -> None:
    assert save("provision", "hot_food", "Ciepłe jedzenie") == "Ciepłe jedzenie"
    assert stored() == {("provision", "hot_food"): t.Translated("Ciepłe jedzenie", "Hot food")}
    assert stored("ro") == {}
    assert events("translation_saved") == [("ada", "provision hot_food [pl]", "Ciepłe jedzenie")]


def test_saving_again_replaces_unchanged_logs_nothing_and_blank_removes(db_url: str) -> None:
    save("site", "drop-in", "Punkt")
    save("site", "drop-in", "Punkt dzienny")
    save("site", "drop-in", "Punkt dzienny")  # the same again: nothing to do
    assert stored() == {("site", "drop-in"): t.Translated("Punkt dzienny", "Evening drop-in")}
    assert len(events("translation_saved")) == 2
    assert save("site", "drop-in", "   ") is None
    assert stored() == {}
    assert events("translation_removed") == [("ada", "site drop-in [pl]", None)]
    assert save("site", "drop-in", "") is None  # nothing there: nothing to remove or log
    assert len(events("translation_removed")) == 1


def test_the_words_are_cleaned_as_staff_words_are(db_url: str) -> None:
    assert save("slot", "night", "  Od\u202e północy\n  do 3\x00 ") == "Od północy do 3"


@pytest.mark.parametrize(
    ("kind", "slug", "language", "words", "message"),
    [
        ("colour", "hot_food", "pl", "x", r"Unknown kind 'colour': use one of site, provision"),
        ("provision", "hot_food", "xx", "x", r"Unknown language 'xx'.*pl, ro"),
        ("provision", "hot_food", "en", "x", r"English is each thing's own name"),
        ("provision", "caviar", "pl", "x", r"There is no provision 'caviar'"),
        ("helpline", "+441234", "pl", "x", r"There is no helpline name '\+441234'"),
        ("action", "404", "pl", "x", r"There is no change '404'"),
        ("provision", "hot_food", "pl", "x" * 121, r"120 characters or fewer \(one is 121\)"),
    ],
)
def test_what_cannot_be_saved_is_refused_naming_what_is_wrong(
    db_url: str, kind: str, slug: str, language: str, words: str, message: str
) -> None:
    with pytest.raises(t.TranslationError, match=message):
        save(kind, slug, words, language)
    assert stored() == {}
    assert events("translation_saved") == []


def test_an_answer_choice_is_as_short_as_the_english_must_be(db_url: str) -> None:
    asked = opened()
    save("consultation_choice", f"{asked.id}:0", "x" * consultations.MAX_CHOICE_CHARS)
    with pytest.raises(t.TranslationError, match="40 characters or fewer"):
        save("consultation_choice", f"{asked.id}:1", "x" * 41)


def test_one_row_per_thing_and_language_is_all_the_database_allows(db_url: str) -> None:
    save("provision", "socks", "Skarpetki")
    with pytest.raises(IntegrityError), write_session() as session:
        session.add(
            Translation(kind="provision", slug="socks", language="pl", text="x", source="Socks")
        )
        session.flush()


def test_each_kind_names_its_things_by_the_slugs_the_module_documents(db_url: str) -> None:
    asked = opened()
    faces = opened("How was the new drop-in?", kind="faces", choices=(), text_prompt=None)
    change = create_action("Hot soup on Fridays")
    assert "drop-in" in slugs("site")
    assert "hot_food" in slugs("provision")
    assert "night" in slugs("slot")
    assert "outreach_van" in slugs("service")
    assert slugs("consultation") == [str(faces.id), str(asked.id)]  # newest first
    assert slugs("consultation_prompt") == [str(asked.id)]  # the faces one has no box
    assert slugs("consultation_choice") == [f"{asked.id}:0", f"{asked.id}:1"]
    assert slugs("action") == [str(change.id)]
    assert slugs("helpline")[0] == "+44999"


@pytest.mark.parametrize(
    ("number", "slug"),
    [
        ("999", "+44999"),
        ("0808 2000 247", "+448082000247"),
        ("+44 808 2000 247", "+448082000247"),
        ("116 123", "+44116123"),
    ],
)
def test_a_helpline_is_named_by_its_number(number: str, slug: str) -> None:
    assert t.helpline_slug(number) == slug


def test_retired_closed_and_archived_things_are_not_offered_for_translating(db_url: str) -> None:
    asked = opened()
    change = create_action()
    with write_session() as session:
        site = session.scalar(select(Site).where(Site.slug == "drop-in"))
        admin.set_item_active(session, "sites", site.id, False, actor="ada")
        consultations.close_consultation(session, asked.id, actor="ada")
        actions.archive_action(session, change.id, actor="ada")
    assert "drop-in" not in slugs("site")
    assert slugs("consultation") == slugs("consultation_choice") == slugs("action") == []
    save("site", "drop-in", "Punkt dzienny")  # still there, so still translatable


def test_deleting_a_consultation_or_an_action_deletes_its_translations(db_url: str) -> None:
    gone, kept = opened(), opened("Would you come on Sundays?")
    change = create_action()
    for asked in (gone, kept):
        save("consultation", str(asked.id), "Pytanie")
        save("consultation_prompt", str(asked.id), "Coś jeszcze?")
        save("consultation_choice", f"{asked.id}:0", "Tak")
        save("consultation_choice", f"{asked.id}:1", "Nie")
    save("action", str(change.id), "Zupa w piątki")
    save("provision", "socks", "Skarpetki")
    with write_session() as session:
        session.delete(session.get(Consultation, gone.id))
        session.delete(session.get(Action, change.id))
    left = stored()
    assert sorted(left) == sorted(
        [
            ("consultation", str(kept.id)),
            ("consultation_prompt", str(kept.id)),
            ("consultation_choice", f"{kept.id}:0"),
            ("consultation_choice", f"{kept.id}:1"),
            ("provision", "socks"),
        ]
    )


def test_deleting_a_site_deletes_its_translations(db_url: str) -> None:
    with write_session() as session:
        new = admin.add_item(session, "sites", "Harbour van", actor="ada")
    save("site", new.slug, "Furgonetka w porcie")
    save("site", "drop-in", "Punkt dzienny")
    with write_session() as session:
        session.delete(session.get(Site, new.id))
    assert list(stored()) == [("site", "drop-in")]


def test_words_written_for_english_that_has_changed_wait_to_be_checked(db_url: str) -> None:
    save("site", "drop-in", "Punkt dzienny")
    with write_session() as session:
        site = session.scalar(select(Site).where(Site.slug == "drop-in"))
        admin.update_item(session, "sites", site.id, label="Drop-in centre", actor="ada")
    table = stored()
    assert t.lookup(table, "site", "drop-in", "Drop-in centre") is None
    assert t.lookup(table, "site", "drop-in", "Evening drop-in") == "Punkt dzienny"
    with read_session() as session:
        [row] = [r for r in t.for_language(session, "site", "pl") if r.item.slug == "drop-in"]
        [sites] = [c for c in t.coverage(session, LANGUAGES) if c.kind == "site"]
    assert row.stale and row.source == "Evening drop-in"
    assert (sites.translated["pl"], sites.to_check["pl"]) == (0, 1)
    save("site", "drop-in", "Punkt dzienny")  # checked and saved again
    assert t.lookup(stored(), "site", "drop-in", "Drop-in centre") == "Punkt dzienny"


def test_coverage_counts_what_the_kiosk_shows_per_kind_and_language(db_url: str) -> None:
    save("provision", "hot_food", "Ciepłe jedzenie")
    save("provision", "socks", "Skarpetki")
    save("provision", "socks", "Șosete", language="ro")
    with read_session() as session:
        found = {c.kind: c for c in t.coverage(session, LANGUAGES)}
    assert list(found) == list(t.KINDS)
    assert found["provision"].items == 12
    assert found["provision"].translated == {"pl": 2, "ro": 1}
    assert found["site"].translated == {"pl": 0, "ro": 0}
    assert found["helpline"].items == len(settings.DEFAULT_HELPLINES)


# --- The kiosk --------------------------------------------------------------------------------


def _polish_visit(site: str | None = None):  # type: ignore[no-untyped-def]
    """A kiosk visit that picked Polish on Welcome, at the rating step."""
    at = kiosk(site=site)
    at.pills(key="kiosk_language").set_value("pl").run()
    click(at, "start")
    return at


def _options(at, key: str) -> list[str]:  # type: ignore[no-untyped-def]
    """A chip group's options as she reads them: icon and words, Markdown escapes undone."""
    options = at.pills(key=key).proto.options
    return [re.sub(r"\\(.)", r"\1", f"{o.content_icon} {o.content}".strip()) for o in options]


def _staff_words_in_polish() -> tuple[int, int]:
    """A consultation and a published change, each with Polish words; their ids."""
    asked = opened()
    change = create_action("Hot soup on Fridays", changed_on=dt.date(2026, 3, 3))
    change_action(actions.publish_action, change.id)
    save("provision", "hot_food", "Ciepłe jedzenie [z bazy]")
    save("site", "drop-in", "Punkt dzienny")
    save("consultation", str(asked.id), "Czy środa byłaby lepsza?")
    save("consultation_choice", f"{asked.id}:0", "Tak, środa")
    save("consultation_prompt", str(asked.id), "Coś jeszcze o środach?")
    save("action", str(change.id), "Zupa w piątki")
    save("helpline", "+44999", "Numer alarmowy")
    return asked.id, change.id


def test_the_kiosk_shows_her_language_for_the_names_staff_typed(db_url: str, polish: None) -> None:
    asked, _ = _staff_words_in_polish()
    at = _polish_visit(site="drop-in")
    click(at, "next")
    provisions = _options(at, "provisions")
    assert "🍲 Ciepłe jedzenie [z bazy]" in provisions  # the table first
    assert any("Gorące napoje" in o for o in provisions)  # then the locale file's words
    assert any(o.endswith("Socks") for o in provisions)  # then the English
    click(at, "next")
    places = _options(at, "places")
    assert "Punkt dzienny" in places
    assert "Outreach van – town centre" in places  # no Polish: English
    assert any(o.endswith("Od północy do 3") for o in _options(at, "slots"))
    click(at, "next")
    click(at, "next")  # the consultation's step
    shown = texts(at)
    assert "Czy środa byłaby lepsza?" in shown
    assert "Coś jeszcze o środach?" in shown
    assert "Would Wednesday work instead of Tuesday?" not in shown
    choices = _options(at, f"consultation_{asked}")
    assert "👍 Tak, środa" in choices
    assert "👎 No" in choices  # no Polish for this one: English
    click(at, "submit")
    shown = texts(at)
    assert "Numer alarmowy: 999" in shown
    assert any(s.endswith(": Zupa w piątki") for s in shown)
    assert not any("Hot soup on Fridays" in s for s in shown)
    national = next(h for h in settings.DEFAULT_HELPLINES if h.number == "0808 2000 247")
    assert f"{national.name}: {national.number}" in shown  # untranslated: English


def test_without_translations_she_reads_the_english_names(db_url: str, polish: None) -> None:
    asked = opened()
    at = _polish_visit(site="drop-in")
    click(at, "next")
    assert "🍲 Hot food" in _options(at, "provisions")
    for _ in range(3):
        click(at, "next")
    assert asked.question in texts(at)
    assert "👍 Yes, Wednesday works" in _options(at, f"consultation_{asked.id}")
    click(at, "submit")
    line = helpline_999()
    assert f"{line.name}: {line.number}" in texts(at)


def test_an_english_visit_is_untouched_by_the_translations(db_url: str, polish: None) -> None:
    _staff_words_in_polish()
    at = kiosk(site="drop-in")
    click(at, "start")
    click(at, "next")
    assert "🍲 Hot food" in _options(at, "provisions")


def test_the_board_shows_a_translated_title(db_url: str, polish: None) -> None:
    _staff_words_in_polish()
    at = signed_out("pages/you_said_we_did.py")
    assert "Hot soup on Fridays" in texts(at)
    at.session_state["kiosk_language"] = "pl"
    at.run()
    assert "Zupa w piątki" in texts(at)
    assert "Hot soup on Fridays" not in texts(at)


def test_a_failing_database_leaves_the_kiosk_working_in_english(
    db_url: str, polish: None, caplog: pytest.LogCaptureFixture
) -> None:
    _staff_words_in_polish()
    with write_session() as session:
        session.execute(text("DROP TABLE translations"))
    caplog.set_level(logging.WARNING)
    at = _polish_visit(site="drop-in")
    click(at, "next")
    assert not at.exception
    provisions = _options(at, "provisions")
    assert "🍲 Hot food" in provisions
    assert any("Gorące napoje" in o for o in provisions)  # the locale file still serves
    warnings = [r.getMessage() for r in caplog.records if r.name == "pages._kiosk"]
    assert warnings
    assert all(re.fullmatch(r"Kiosk translations unavailable: \w+", m) for m in warnings)
    assert not any("Ciepłe" in r.getMessage() for r in caplog.records)


# --- Admin ------------------------------------------------------------------------------------


def _translations_tab(polish_language: str = "pl", kind: str = "provision"):  # type: ignore[no-untyped-def]
    """Admin, signed in as ada, with a language and a kind picked on the Translations tab."""
    create_user("ada", "admin")
    at = signed_in_on("pages/admin.py")
    at.selectbox(key="translation_language").set_value(polish_language).run()
    at.selectbox(key="translation_kind").set_value(kind).run()
    assert not at.exception
    return at


def _tab(at):  # type: ignore[no-untyped-def]
    """The Translations tab."""
    return next(tab for tab in at.tabs if tab.label == "Translations")


def _present_table(at):  # type: ignore[no-untyped-def]
    """The 'Translations present' table."""
    return _tab(at).dataframe[0].value


def test_an_admin_translates_a_provision_on_the_translations_tab(db_url: str, polish: None) -> None:
    at = _translations_tab()
    assert "Hot food" in [x.value for x in _tab(at).text]  # the English, as plain text
    at.text_input(key="translation_pl_provision_hot_food").input("Ciepłe posiłki")
    click(at, "save_translations")
    assert stored() == {("provision", "hot_food"): t.Translated("Ciepłe posiłki", "Hot food")}
    assert events("translation_saved") == [("ada", "provision hot_food [pl]", "Ciepłe posiłki")]
    assert any("Translations saved" in x.value for x in at.toast)
    table = _present_table(at).set_index("What")
    assert table.loc["Provisions", "Polski (test)"] == "1 of 12"
    assert table.loc["Provisions", "Română (test)"] == "0 of 12"


def test_a_blank_box_on_the_tab_removes_the_words(db_url: str, polish: None) -> None:
    save("slot", "night", "Noc")
    at = _translations_tab(kind="slot")
    box = at.text_input(key="translation_pl_slot_night")
    assert box.value == "Noc"
    box.input("")
    click(at, "save_translations")
    assert stored() == {}
    assert events("translation_removed") == [("ada", "slot night [pl]", None)]


def test_the_tab_shows_staff_words_as_plain_text(db_url: str, polish: None) -> None:
    with write_session() as session:
        site = session.scalar(select(Site).where(Site.slug == "drop-in"))
        admin.update_item(session, "sites", site.id, label="**Drop** <b>in</b>", actor="ada")
    at = _translations_tab(kind="site")
    assert "**Drop** <b>in</b>" in [x.value for x in _tab(at).text]
    assert not any("Drop" in m.value for m in _tab(at).markdown)
