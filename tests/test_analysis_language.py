"""Language detection: each read language is told apart, the kiosk language is the prior,
short answers stay in it, and only plainly foreign answers go to a person unread."""

from __future__ import annotations

import pytest

from analysis import language

READ_CASES = [
    ("the soup was lovely ta x", "en"),
    ("WEN IS THE VAN COMIN BAK I WANT SCOKS", "en"),
    ("ngl the van was peak tonight innit bruv", "en"),
    ("ur all amazing thank u sooo much 😭🙏", "en"),
    ("me fella took me giro again la", "en"),
    ("fetele sunt foarte dragute cu noi", "ro"),
    ("supa a fost buna multumesc", "ro"),
    ("zupa była dobra dziękuję", "pl"),
    ("dziewczyny sa bardzo mile", "pl"),
    ("супата беше хубава благодаря", "bg"),
    ("mnogo hubavo blagodarq", "bg"),
    ("sriuba buvo skani ačiū", "lt"),
    ("merginos labai geros", "lt"),
    ("a sopa estava boa obrigada", "pt"),
    ("vc é mto legal kkkk", "pt"),
]


@pytest.mark.parametrize(("text", "code"), READ_CASES)
def test_each_read_language_is_told(text: str, code: str) -> None:
    found = language.detect(text)
    assert (found.code, found.read) == (code, True)


@pytest.mark.parametrize(
    "text",
    [
        "Ich brauche mehr warme Kleidung bitte",
        "Мне нужна помощь, он меня бьёт каждый день",
        "أحتاج إلى مساعدة",
        "Kam nevojë për ndihmë, ju lutem",
    ],
)
def test_an_answer_plainly_in_another_language_is_not_read(text: str) -> None:
    assert not language.detect(text).read


@pytest.mark.parametrize(
    "text", ["ok", "idk", "ta x", "nothing", "all good", "more socks pls", "no"]
)
def test_a_short_english_answer_is_never_sent_away(text: str) -> None:
    assert language.detect(text) == language.Language("en", True)


@pytest.mark.parametrize("prior", ["ro", "pl", "bg", "lt", "pt"])
def test_a_short_answer_takes_the_kiosk_language(prior: str) -> None:
    assert language.detect("ok", prior) == language.Language(prior, True)
    assert language.detect("🙂🙂", prior) == language.Language(prior, True)


def test_a_short_answer_with_its_own_language_s_words_is_read_in_it() -> None:
    assert language.detect("nimic", "en").code == "ro"
    assert language.detect("chce kawe").code == "pl"


def test_cyrillic_is_bulgarian_unless_plainly_another_language() -> None:
    assert language.detect("пак ме би").code == "bg"
    assert language.detect("Мне нужна помощь, он меня бьёт каждый день").code in ("ru", "uk")


@pytest.mark.parametrize("text", ["", "   ", "12345", "\x00", "x" * 100_000, "?!"])
def test_odd_input_is_read_in_the_kiosk_language(text: str) -> None:
    assert language.detect(text, "pl").read


def test_every_read_language_has_a_name_and_everyday_words() -> None:
    words = language.common_words()
    for code in language.READ:
        assert language.NAMES[code]
        assert len(words[code]) >= 60
