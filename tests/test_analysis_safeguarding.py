"""Safeguarding: disclosures are flagged (recall >= 0.95), idioms are not (false alarms <= 10%)."""

from __future__ import annotations

import pytest

from analysis import safeguarding

# (text, category that must be among the concerns) — written for Lantern.
DISCLOSURES: list[tuple[str, str]] = [
    ("I'm not safe tonight", "immediate_danger"),
    ("im not safe tonite", "immediate_danger"),
    ("dont feel safe going home", "immediate_danger"),
    ("he said he's gonna kill me", "immediate_danger"),
    ("he is outside waiting for me", "immediate_danger"),
    ("please help, he's looking for me", "immediate_danger"),
    ("i can't go home tonight he'll go mad", "immediate_danger"),
    ("scared for my life", "immediate_danger"),
    ("he's got a knife", "immediate_danger"),
    ("i'm in danger", "immediate_danger"),
    ("terrified to go back to the flat", "immediate_danger"),
    ("he threatened to kill me", "immediate_danger"),
    ("I want to kill myself", "self_harm_suicide"),
    ("been having suicidal thoughts", "self_harm_suicide"),
    ("i dont want to be here anymore", "self_harm_suicide"),
    ("dont want to wake up tomorrow", "self_harm_suicide"),
    ("i've been cutting myself again", "self_harm_suicide"),
    ("thinking of ending it all", "self_harm_suicide"),
    ("everyone would be better off without me", "self_harm_suicide"),
    ("i self harm when it gets bad", "self_harm_suicide"),
    ("i want to die", "self_harm_suicide"),
    ("no point living", "self_harm_suicide"),
    ("cant go on like this", "self_harm_suicide"),
    ("gonna take all my tablets", "self_harm_suicide"),
    ("wish i was dead", "self_harm_suicide"),
    ("a punter attacked me last night", "violence_assault"),
    ("got beaten up on the corner", "violence_assault"),
    ("he raped me", "violence_assault"),
    ("a guy punched me in the face", "violence_assault"),
    ("my mate got stabbed", "violence_assault"),
    ("bad date on friday, he strangled me", "violence_assault"),
    ("he kicked me out the car and kicked me", "violence_assault"),
    ("one of them hit me", "violence_assault"),
    ("got robbed and battered", "violence_assault"),
    ("someone spiked my drink", "violence_assault"),
    ("he held me down", "violence_assault"),
    ("i was sexually assaulted", "violence_assault"),
    ("he dragged me into the car", "violence_assault"),
    ("dodgy punter in a red car tried it on", "violence_assault"),
    ("my partner hits me", "domestic_abuse"),
    ("my fella takes all my money", "domestic_abuse"),
    ("boyfriend beats me when he's drunk", "domestic_abuse"),
    ("my bf takes my bank card", "domestic_abuse"),
    ("he takes all my money off me", "domestic_abuse"),
    ("my husband won't let me see my friends", "domestic_abuse"),
    ("he's really controlling", "domestic_abuse"),
    ("scared of my boyfriend", "domestic_abuse"),
    ("my ex keeps my benefits", "domestic_abuse"),
    ("he locks me in the flat", "domestic_abuse"),
    ("domestic violence at home", "domestic_abuse"),
    ("my partner threatened me", "domestic_abuse"),
    ("someone followed me home", "stalking_harassment"),
    ("a man keeps following me", "stalking_harassment"),
    ("he won't leave me alone", "stalking_harassment"),
    ("same car keeps coming round", "stalking_harassment"),
    ("my ex is stalking me", "stalking_harassment"),
    ("he keeps turning up outside my hostel", "stalking_harassment"),
    ("he knows where i sleep", "stalking_harassment"),
    ("keeps texting me horrible stuff", "stalking_harassment"),
    ("getting nasty messages from a punter", "stalking_harassment"),
    ("being harassed by a guy on the street", "stalking_harassment"),
    ("he makes me work every night", "exploitation_trafficking"),
    ("i'm made to work to pay his debt", "exploitation_trafficking"),
    ("they forced me to go out", "exploitation_trafficking"),
    ("i owe them money so i have to keep going", "exploitation_trafficking"),
    ("he has my passport", "exploitation_trafficking"),
    ("i have to give him all my money", "exploitation_trafficking"),
    ("not allowed to leave the house", "exploitation_trafficking"),
    ("my pimp takes everything", "exploitation_trafficking"),
    ("they brought me over here to work", "exploitation_trafficking"),
    ("i'm being controlled", "exploitation_trafficking"),
    ("i'm paying off a debt to a dealer", "exploitation_trafficking"),
    ("he runs me and two other girls", "exploitation_trafficking"),
    ("my mate OD'd last night", "overdose_medical"),
    ("a girl overdosed in the park", "overdose_medical"),
    ("she wasn't breathing", "overdose_medical"),
    ("my friend collapsed after using", "overdose_medical"),
    ("had to use naloxone on my mate", "overdose_medical"),
    ("couldn't wake her up", "overdose_medical"),
    ("people are dropping from the spice", "overdose_medical"),
    ("there's a bad batch going round", "overdose_medical"),
    ("he went blue, turned blue and we called 999", "overdose_medical"),
    ("she was fitting on the floor", "overdose_medical"),
    ("my mate nearly died last week", "overdose_medical"),
    ("my kids aren't safe with him", "child_safeguarding"),
    ("there's a 15 year old girl working the beat", "child_safeguarding"),
    ("a girl who's still at school is out here", "child_safeguarding"),
    ("he hits my daughter", "child_safeguarding"),
    ("left the kids alone to come out", "child_safeguarding"),
    ("my baby is with him and he's using", "child_safeguarding"),
    ("there's an underage girl on the street", "child_safeguarding"),
    ("i worry my son is at risk", "child_safeguarding"),
    ("young girls out working on the street", "child_safeguarding"),
    ("my kids are hungry", "child_safeguarding"),
    ("child abuse", "child_safeguarding"),
    ("the kids are around punters at the flat", "child_safeguarding"),
]

# Harmless comments that use alarming words — written for Lantern.
IDIOMS: list[str] = [
    "I'd kill for a coffee",
    "id kill for a hot choc",
    "the van's a lifesaver",
    "you lot are life savers",
    "dying for a brew",
    "i'm dying for a wee",
    "it's a safe space",
    "the van feels like a safe place",
    "the police talk was useful",
    "I'm dead tired",
    "knackered",
    "the cold is killing me",
    "my feet are killing me",
    "this soup is killing it",
    "I feel safe here",
    "you keep us safe",
    "stay safe girls",
    "the safety talk was good",
    "the bad date list is really useful",
    "ugly mugs alerts help",
    "i nearly died laughing at your jokes",
    "hit the spot",
    "condoms are a lifesaver",
    "can you help me with my housing form",
    "help me find a coat please",
    "the harm reduction stuff is good",
    "you saved my life honestly",
    "killing time till the van comes",
    "dead good soup",
    "I attacked the biscuits",
    "the clothes were hit and miss",
    "good to get out of the cold",
    "i had a panic attack last week but the nurse helped",
    "beat the rush tonight",
    "he has never hit me",
    "no one has followed me",
    "nobody hurt me this week",
    "i was fine tonight thanks",
    "thank you for the socks",
    "the van came on time",
    "more sanitary towels",
    "fitting room at the drop in would be nice",
    "sold out of sandwiches",
    "i'm over the moon with the new coat",
    "you help me loads",
    "the hot chocolate is to die for",
    "i'm dead chuffed",
    "i was forced to wait ages for the bus",
    "went over to the drop in",
    "the girls are safe with you",
]


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_a_disclosure_is_flagged_in_its_category(text: str, category: str) -> None:
    assert category in safeguarding.concerns(text)


def test_recall_over_all_disclosures_is_at_least_95_percent() -> None:
    hits = sum(bool(safeguarding.concerns(text)) for text, _ in DISCLOSURES)
    assert hits / len(DISCLOSURES) >= 0.95


@pytest.mark.parametrize("text", IDIOMS)
def test_a_harmless_idiom_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


def test_false_alarms_over_idioms_are_at_most_10_percent() -> None:
    alarms = sum(bool(safeguarding.concerns(text)) for text in IDIOMS)
    assert alarms / len(IDIOMS) <= 0.10


def test_every_category_has_disclosures_in_the_table() -> None:
    assert {category for _, category in DISCLOSURES} == set(safeguarding.CATEGORIES)


def test_the_eight_spec_categories_exist() -> None:
    assert set(safeguarding.CATEGORIES) == {
        "immediate_danger",
        "self_harm_suicide",
        "violence_assault",
        "domestic_abuse",
        "stalking_harassment",
        "exploitation_trafficking",
        "child_safeguarding",
        "overdose_medical",
    }


@pytest.mark.parametrize("text", ["", "   ", "\x00", "🙂🙂", "x" * 100_000])
def test_empty_or_odd_input_has_no_concerns(text: str) -> None:
    assert safeguarding.concerns(text) == []
