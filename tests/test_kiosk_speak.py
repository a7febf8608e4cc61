"""Read-aloud through AppTest: what each kiosk step gives its speaker button to read.

The button itself (the voice, when it speaks, what it hides) runs in the browser and is
tested in tests/test_browser_speak.py; here, that each step mounts it once with its
question, hint and every choice on offer in her language, and never with what she typed
or which choices she picked.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from db import settings
from db.catalogue import load_catalogue
from db.models import DAYS
from db.session import read_session
from locales import available, words
from pages._speak import VOICE_LANGUAGES, lines_for, speakable, voice_language
from tests.kiosk_helpers import click, kiosk, walk
from tests.test_consultations import opened

EN = words("en")
TYPED = "Call me on 07700 900123, I'm Jo at 12 High Street"


def speaker(at: AppTest) -> dict:
    """The one read-aloud component on the page: its data (lang, label, lines)."""
    return json.loads(_proto(at).json)


def _proto(at: AppTest):  # type: ignore[no-untyped-def]
    """The read-aloud component's message (other components may be on the page too)."""
    found = [
        e.proto for e in at.get("bidi_component") if e.proto.component_name == "lantern_read_aloud"
    ]
    assert len(found) == 1, f"{len(found)} read-aloud buttons on the page"
    return found[0]


def spoken(at: AppTest) -> list[str]:
    """The lines the button would read now (each language name's text on Welcome too)."""
    return [line if isinstance(line, str) else line["text"] for line in speaker(at)["lines"]]


def _catalogue():  # type: ignore[no-untyped-def]
    with read_session() as session:
        return load_catalogue(session)


def test_welcome_reads_its_line_and_start_in_english(db_url: str) -> None:
    at = kiosk()
    data = speaker(at)
    assert data["lang"] == "en-GB"
    assert data["label"] == EN["common.listen"]
    lines = spoken(at)
    assert lines[:2] == [EN["welcome.title"], EN["welcome.line"]]
    assert lines[-2:] == [EN["common.exit_help"], EN["welcome.start"]]
    # Every language on offer is read by its own name, in its own voice.
    others = [line for line in data["lines"] if not isinstance(line, str)]
    if len(available()) > 1:
        assert others == [
            {"text": name, "lang": voice_language(code)} for code, name in available()
        ]
    else:
        assert others == []


def test_the_rating_step_reads_the_services_the_question_and_every_face(db_url: str) -> None:
    at = click(kiosk(), "start")
    services = [speakable(f"{v.label}") for v in _catalogue().services]
    assert spoken(at) == [
        EN["services.title"],
        *services,
        EN["rating.title"],
        *EN.get("rating.faces"),
        EN["rating.no_say"],
    ]


def test_the_provisions_step_reads_every_provision_without_its_icon(db_url: str) -> None:
    at = click(click(kiosk(), "start"), "next")
    provisions = [p.label for p in _catalogue().provisions]
    assert spoken(at) == [
        EN["provisions.title"],
        EN["provisions.hint"],
        *provisions,
        EN["provisions.other"],
    ]


def test_the_times_step_reads_each_day_and_each_time_once(db_url: str) -> None:
    at = kiosk(site="drop-in")
    for key in ("start", "next", "next"):
        click(at, key)
    catalogue = _catalogue()
    lines = spoken(at)
    assert lines[:2] == [EN["times.title"], EN["times.hint"]]
    days = EN.get("times.days")
    assert len(days) == len(DAYS)
    slots = [s.label for s in catalogue.slots]
    assert lines[2 : 2 + len(days) + len(slots)] == [*days, *slots]
    if len(catalogue.sites) > 1:
        assert lines[2 + len(days) + len(slots) :] == [
            EN["times.where"],
            *(s.label for s in catalogue.sites),
        ]
    assert len(lines) < 7 * len(slots)  # never every day-and-time pair


def test_what_she_typed_or_picked_is_never_given_to_the_voice(db_url: str) -> None:
    at = click(click(kiosk(), "start"), "next")
    before = speaker(at)
    at.pills(key="provisions").set_value(["hot_food", "socks"]).run()
    at.text_input(key="provision_other").input(TYPED).run()
    assert speaker(at) == before  # choosing changes nothing it reads
    click(at, "next")
    click(at, "next")
    text_step = speaker(at)
    at.text_area(key="text_good").input(TYPED).run()
    at.text_area(key="text_better").input("the kind woman with red hair").run()
    assert speaker(at) == text_step
    assert spoken(at) == [
        EN["text.title"],
        EN["text.hint"],
        EN["text.good"],
        EN["text.better"],
        EN["text.not_urgent"],
    ]
    assert "07700" not in json.dumps(speaker(at))


def test_the_thank_you_screen_reads_its_thanks_and_never_the_helplines(db_url: str) -> None:
    at = walk(kiosk(), face=4, good=TYPED, better="I am scared he will hurt me tonight")
    assert spoken(at) == [EN["thanks.title"], EN["thanks.line"]]
    data = json.dumps(speaker(at))
    for line in settings.DEFAULT_HELPLINES:
        assert line.name not in data
        assert line.number not in data
    for key in ("helplines_title", "safety_title", "safety_line", "safety_numbers"):
        assert EN[f"thanks.{key}"] not in data


def test_the_consultation_step_reads_the_question_its_choices_and_its_prompt(
    db_url: str,
) -> None:
    row = opened(sites=["drop-in"])
    at = kiosk(site="drop-in")
    for key in ("start", "next", "next", "next", "next"):
        click(at, key)
    assert spoken(at) == [
        EN["consultation.title"],
        EN["consultation.hint"],
        row.question,
        "Yes, Wednesday works",  # the icons are not read
        "No",
        "Anything else about Wednesdays?",
    ]
    at.pills(key=f"consultation_{row.id}").set_value(0).run()
    at.text_area(key=f"consultation_{row.id}_text").input(TYPED).run()
    assert "07700" not in json.dumps(speaker(at))


def test_the_sorry_screen_reads_its_message(db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from pages import _kiosk

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise _kiosk.SubmissionError("database away")

    monkeypatch.setattr(_kiosk, "submit_feedback", broken)
    at = walk(kiosk(), face=4)
    assert spoken(at) == [EN["sorry.title"], EN["sorry.line"]]


def test_every_step_has_the_same_button_code_and_only_its_data_differs(db_url: str) -> None:
    at = kiosk()
    protos = [_proto(at)]
    for key in ("start", "next", "next", "next"):
        click(at, key)
        protos.append(_proto(at))
    # The words are data: never part of the component's HTML, CSS or script.
    assert len({(p.html_content, p.css_content, p.js_content) for p in protos}) == 1
    assert len({p.json for p in protos}) == len(protos)
    for proto in protos:
        for line in json.loads(proto.json)["lines"]:
            text = line if isinstance(line, str) else line["text"]
            assert text not in proto.html_content + proto.js_content


@pytest.mark.parametrize("code", sorted(VOICE_LANGUAGES))
def test_each_language_is_read_in_its_own_voice_and_words(db_url: str, code: str) -> None:
    if code not in dict(available()):
        pytest.skip(f"locales/{code}.toml is not there yet (another engineer is translating it)")
    w = words(code)
    at = kiosk()
    at.session_state["kiosk_language"] = code
    at.run()
    click(at, "start")
    data = speaker(at)
    assert data["lang"] == VOICE_LANGUAGES[code]
    assert data["label"] == w["common.listen"]
    assert speakable(w["rating.title"]) in data["lines"]


def test_catalogue_codes_map_to_bcp47_tags() -> None:
    assert voice_language("en") == "en-GB"
    assert voice_language("pl") == "pl-PL"
    assert voice_language("pt") == "pt-PT"
    assert voice_language("fr") == "fr"  # unknown: matched on the language alone


def test_icons_are_not_read_but_letters_and_accents_are() -> None:
    assert speakable("🍲 Hot food") == "Hot food"
    assert speakable("🧑‍🍳 Cook") == "Cook"  # a joined emoji, all of it
    assert speakable("❤️ Someone to talk to") == "Someone to talk to"
    assert speakable("Îmbrăcăminte șosete") == "Îmbrăcăminte șosete"
    assert speakable("Coats & blankets") == "Coats & blankets"
    assert speakable("Šiltas maistas ė") == "Šiltas maistas ė"
    assert speakable("Топла храна") == "Топла храна"


def test_lines_are_flattened_in_order_and_blanks_left_out() -> None:
    labels = {"hot_food": "🍲 Hot food", "socks": "🧦 Socks"}
    assert lines_for(["Title", None, "", labels, [["a", None], ("Polski", "pl")]]) == [
        "Title",
        "Hot food",
        "Socks",
        "a",
        {"text": "Polski", "lang": "pl-PL"},
    ]
