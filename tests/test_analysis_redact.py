"""Redaction: identifiers go (recall >= 0.95), ordinary outreach text stays (>= 90% unchanged)."""

from __future__ import annotations

import pytest

from analysis import redact

# (text, token that must appear, fragment that must be gone) — all invented for Lantern.
IDENTIFIERS: list[tuple[str, str, str]] = [
    # the cases an outside review found stored as typed by version 9
    ("Jade was lovely tonight", "[name]", "Jade"),
    ("ask Charlotte at the van", "[name]", "Charlotte"),
    ("Donna gave me socks", "[name]", "Donna"),
    ("thanks Lucy", "[name]", "Lucy"),
    ("Amber is kind", "[name]", "Amber"),
    ("Maria helped me", "[name]", "Maria"),
    ("Andreea e foarte buna", "[name]", "Andreea"),
    ("Mihaela si Oana au fost aici", "[name]", "Oana"),
    ("Katarzyna mi pomogla", "[name]", "Katarzyna"),
    ("Olena and Oksana came too", "[name]", "Oksana"),
    ("Ngozi is the best", "[name]", "Ngozi"),
    ("Priya the nurse", "[name]", "Priya"),
    ("Jade Smith gave me tea", "[name]", "Smith"),
    ("darren hit me", "[name]", "darren"),
    ("jade at gmail dot com", "[email]", "gmail"),
    ("snapchat jadebabe", "[handle]", "jadebabe"),
    ("onlyfans.com/jadex", "[handle]", "jadex"),
    ("born 12.03.90", "[date_of_birth]", "12.03.90"),
    ("Mrs Kowalska was kind", "[name]", "Kowalska"),
    ("ring me on +40 712 345 678", "[phone]", "345 678"),
    ("add me its gemzbabe85", "[handle]", "gemzbabe85"),
    ("call me on 07700 900123", "[phone]", "900123"),
    ("my number is 07700900456", "[phone]", "07700900456"),
    ("ring me +44 7700 900789", "[phone]", "900789"),
    ("text 07700-900-321 if the van moves", "[phone]", "900-321"),
    ("landline 0117 496 0123", "[phone]", "496 0123"),
    ("my mum's number 020 7946 0958", "[phone]", "7946 0958"),
    ("0161 496 0000 is my sister", "[phone]", "496 0000"),
    ("+447700900654 whatsapp me", "[phone]", "900654"),
    ("ring 01632 960 001 for me", "[phone]", "960 001"),
    ("mobile (07700) 900 111", "[phone]", "900 111"),
    ("email me jade.b@example.com", "[email]", "example.com"),
    ("kayz_88@example.co.uk is my email", "[email]", "kayz_88"),
    ("contact first.last+van@example.org", "[email]", "first.last"),
    ("my postcode is BS1 4DJ", "[postcode]", "BS1 4DJ"),
    ("i'm at SN1 1AA most nights", "[postcode]", "SN1 1AA"),
    ("hostel is gl1 2ab", "[postcode]", "gl1 2ab"),
    ("send it to M1 1AE", "[postcode]", "M1 1AE"),
    ("EC1A 1BB", "[postcode]", "EC1A 1BB"),
    ("W1A 0AX is where he works", "[postcode]", "W1A 0AX"),
    ("postcode SW1A1AA", "[postcode]", "SW1A1AA"),
    ("my nhs number is 943 476 5919", "[nhs_number]", "943 476 5919"),
    ("nhs no 9434765919", "[nhs_number]", "9434765919"),
    ("NHS 401-023-2137", "[nhs_number]", "401-023-2137"),
    ("I live at 12 Elm Road", "[address]", "12 Elm"),
    ("flat 3 by the station", "[address]", "flat 3"),
    ("come to 45b Station Street", "[address]", "45b Station"),
    ("she stays at 7 Mill Lane", "[address]", "7 Mill"),
    ("room 14 at the hostel", "[address]", "room 14"),
    ("22 Victoria Terrace", "[address]", "22 Victoria"),
    ("i'm in flat 2a", "[address]", "flat 2a"),
    ("he lives at 9 Church Close", "[address]", "9 Church"),
    ("3 Park View", "[address]", "3 Park View"),
    ("we stay at 101 High Street now", "[address]", "101 High"),
    ("his car was AB12 CDE", "[vehicle_reg]", "AB12 CDE"),
    ("silver car reg WX63KLM", "[vehicle_reg]", "WX63KLM"),
    ("blue van yk19 abc", "[vehicle_reg]", "yk19 abc"),
    ("old car A123 BCD", "[vehicle_reg]", "A123 BCD"),
    ("number plate is ABC 123D", "[vehicle_reg]", "ABC 123D"),
    ("reg is LR07 XYZ watch out", "[vehicle_reg]", "LR07 XYZ"),
    ("red fiesta, plate MA65 TTT", "[vehicle_reg]", "MA65 TTT"),
    ("dob 12/03/1990", "[date_of_birth]", "12/03/1990"),
    ("born 3rd May 1988", "[date_of_birth]", "3rd May 1988"),
    ("date of birth 01.02.1985", "[date_of_birth]", "01.02.1985"),
    ("my birthday is 14 feb 1992", "[date_of_birth]", "14 feb 1992"),
    ("DOB: 5/6/79", "[date_of_birth]", "5/6/79"),
    ("born on 22nd of June 1990", "[date_of_birth]", "22nd of June 1990"),
    ("d.o.b 30/11/1987", "[date_of_birth]", "30/11/1987"),
    ("i was born May 3rd 1986", "[date_of_birth]", "May 3rd 1986"),
    ("follow me @jadey_x", "[handle]", "jadey_x"),
    ("insta: kayz.88", "[handle]", "kayz.88"),
    ("snap me shaz_b", "[handle]", "shaz_b"),
    ("my insta is tash.xo", "[handle]", "tash.xo"),
    ("add me on snap lozza22", "[handle]", "lozza22"),
    ("@becky2001 on tiktok", "[handle]", "becky2001"),
    ("tiktok: demi_d", "[handle]", "demi_d"),
    ("facebook is gemma.jones.77", "[handle]", "gemma.jones"),
    ("my name is Kayleigh", "[name]", "Kayleigh"),
    ("my names Chantelle", "[name]", "Chantelle"),
    ("ask for Shaz", "[name]", "Shaz"),
    ("tell Shaz thanks", "[name]", "Shaz"),
    ("me and Kayleigh came together", "[name]", "Kayleigh"),
    ("me and kayleigh came", "[name]", "kayleigh"),
    ("I'm Jade", "[name]", "Jade"),
    ("Sharon was lovely tonight", "[name]", "Sharon"),
    ("Stacey and Gemma helped me", "[name]", "Stacey"),
    ("thank you Leanne", "[name]", "Leanne"),
    ("ta Becky x", "[name]", "Becky"),
    ("call me Roxy", "[name]", "Roxy"),
    ("my mate Tasha got a coat", "[name]", "Tasha"),
    ("ask for Hope at the desk", "[name]", "Hope"),
    ("my name is Joy", "[name]", "Joy"),
    ("I'm Amber", "[name]", "Amber"),
    ("tell Crystal i said hi", "[name]", "Crystal"),
    ("Kirsty is the best worker", "[name]", "Kirsty"),
    ("Donna and Michelle sorted my housing", "[name]", "Michelle"),
    ("love from Siobhan", "[name]", "Siobhan"),
    ("my name's Zelda", "[name]", "Zelda"),
    ("say hi to Paula", "[name]", "Paula"),
    ("Dave the driver is sound", "[name]", "Dave"),
    ("my worker Nicola helped", "[name]", "Nicola"),
    ("with Lauren from the drop in", "[name]", "Lauren"),
    ("Kelly, Sam and Jo were on", "[name]", "Kelly"),
    ("cheers Tina", "[name]", "Tina"),
    ("my friend Natalie needs socks", "[name]", "Natalie"),
    ("speak to Carly about it", "[name]", "Carly"),
    ("i'm called Destiny", "[name]", "Destiny"),
    ("Rachel's soup is the best", "[name]", "Rachel"),
    ("LISA was there", "[name]", "LISA"),
    ("me and Danielle", "[name]", "Danielle"),
    ("ask for Will on the van", "[name]", "Will"),
    ("Jodie said to come back tmrw", "[name]", "Jodie"),
    ("thanks Vicky", "[name]", "Vicky"),
    ("my sister Emma", "[name]", "Emma"),
    ("Kerry knows my situation", "[name]", "Kerry"),
    ("i'm Shannon from the hostel", "[name]", "Shannon"),
    ("call me on 07700 900222 ask for Jess", "[phone]", "900222"),
    ("email jess@example.com or ring 07700900333", "[phone]", "07700900333"),
    ("flat 6, 14 Mill Road, GL1 1AB", "[postcode]", "GL1 1AB"),
    ("text me 07700 900444 after 10pm", "[phone]", "900444"),
    ("my email is shaz.b99@example.net", "[email]", "shaz.b99"),
    ("i'm staying at 4 Orchard Close", "[address]", "4 Orchard"),
]

# Ordinary comments with numbers, codes and name-like words that must stay as they are.
UNCHANGED: list[str] = [
    "the amber light by the bins",
    "i hope so",
    "grace period on the rent",
    "see you in summer",
    "Hope you are ok",
    "Will you come tuesday",
    "snapchat is down again",
    "can u text me on whatsapp instead",
    "they keep moving me, leeds one week bradford the next",
    "van at 10pm",
    "size 12 jeans please",
    "£20 for the bus",
    "2 sugars",
    "the A419 is dangerous at night",
    "ring 999 if you need to",
    "the helpline is 0808 800 5000",
    "111 were useless",
    "call 101 to report it",
    "samaritans 116 123",
    "size 5 trainers",
    "more hats and gloves",
    "i hope the van comes",
    "will you come later",
    "may i have a coat",
    "the rose tea was nice",
    "amber light on the road",
    "we waited 20 mins",
    "come at 9 not 8",
    "2 or 3 times a week",
    "the M4 services",
    "size 8 knickers",
    "i'm 35 and i've been out 10 years",
    "open 7 days a week",
    "the 42 bus stops near the beat",
    "50p for a brew",
    "4 pairs of socks",
    "i'm tired",
    "i'm cold",
    "i'm fine thanks",
    "tell them i said thanks",
    "me and my mate came",
    "ask for more socks",
    "the staff are lovely",
    "Will there be soup?",
    "Hope to see you next week",
    "Mark my words it works",
    "Grace period for the hostel rent",
    "Joy of a hot drink",
    "may the van come later",
    "from 6 till 9",
    "at 11.30 last night",
    "room for more people",
    "the girls on the van",
    "1 in 10 women",
    "3am is too late",
    "i need a size 16 coat",
    "flat shoes please",
    "the park at 2am",
    "100% better than last year",
    "top 10 van",
    "i had 3 coffees",
    "bra size 34b",
    "on the 5th of may the van didn't come",
    "since march",
    "i'm 40 in june",
    "the number 7 bus",
    "b and b is rubbish",
    "call the police on 999",
    "it's 24/7 now",
    "tuesdays and thursdays",
    "the van stopped at the lights",
    "i need my script",
    "a pack of 12 condoms",
    "van came at 11:45",
    "it was -2 degrees",
    "i owe £50 on my phone",
    "my phone is on 5%",
    "give me 2 minutes",
    "ok see u at 10",
    "the new girls are nice",
    "Sunday is best",
    "the door code thing doesn't work",
    "more vegetarian food",
    "The van on Friday was late",
    "I'm Polish and need help with forms",
    "Christmas was hard",
    "April was a bad month",
    "June and July are busy",
    "the A38 lay-by",
    "Doctor said come back in 2 weeks",
    "hot choc x2",
    "I'm ok",
    "I'm in recovery",
    "I'm sober 3 months",
    "I'm homeless again",
    "I'm pregnant",
    "tell the nurse",
    "thanks for the socks",
    "ta for the brew",
    "cheers for the coat",
    "with the van",
    "speak to the police",
    "love from all of us",
    "me and my fella",
    "Kindness matters",
    "Lovely soup",
    "Brilliant service",
    "Amazing team",
    "Faith in people restored",
    "regular visits from the nurse",
    "regarding the van times",
    "the plate of chips was nice",
]


@pytest.mark.parametrize(("text", "token", "gone"), IDENTIFIERS)
def test_an_identifier_is_replaced_by_its_token(text: str, token: str, gone: str) -> None:
    result = redact.redact(text)
    assert token in result
    assert gone not in result


# Known misses, kept visible: a common-word name typed in lower case is read as the word.
KNOWN_MISSES: list[tuple[str, str, str]] = [("im jade btw", "[name]", "jade")]


@pytest.mark.parametrize(("text", "token", "gone"), KNOWN_MISSES)
@pytest.mark.xfail(reason="lower-case names that are also words need a capital", strict=True)
def test_a_known_miss_is_still_missed(text: str, token: str, gone: str) -> None:
    assert gone not in redact.redact(text)


def test_recall_over_all_identifiers_is_at_least_95_percent() -> None:
    caught = 0
    for text, token, gone in IDENTIFIERS + KNOWN_MISSES:
        result = redact.redact(text)
        caught += token in result and gone not in result
    assert caught / len(IDENTIFIERS + KNOWN_MISSES) >= 0.95


def test_every_identifier_type_is_in_the_table() -> None:
    tokens = {token for _, token, _ in IDENTIFIERS}
    assert tokens == {
        "[phone]",
        "[email]",
        "[postcode]",
        "[nhs_number]",
        "[address]",
        "[name]",
        "[vehicle_reg]",
        "[date_of_birth]",
        "[handle]",
    }


@pytest.mark.parametrize("text", UNCHANGED)
def test_text_without_identifiers_is_left_alone(text: str) -> None:
    assert redact.redact(text) == text


def test_at_least_90_percent_of_text_without_identifiers_is_unchanged() -> None:
    same = sum(redact.redact(text) == text for text in UNCHANGED)
    assert same / len(UNCHANGED) >= 0.90


def test_a_number_failing_the_nhs_checksum_is_not_an_nhs_number() -> None:
    assert "[nhs_number]" not in redact.redact("ref 123 456 7890")


def test_common_word_names_are_kept_without_a_naming_cue() -> None:
    assert "hope" in redact.AMBIGUOUS_NAMES and "will" in redact.AMBIGUOUS_NAMES
    assert "kayleigh" not in redact.AMBIGUOUS_NAMES


@pytest.mark.parametrize("text", ["", " ", "\x00", "🙂", "مرحبا", "[name] [phone]"])
def test_odd_input_comes_back_unchanged(text: str) -> None:
    assert redact.redact(text) == text


def test_the_first_names_list_is_loaded() -> None:
    # Without the census lists names would be stored as typed: that must never be quiet.
    assert len(redact.FIRST_NAMES) > 4000
    assert {"kayleigh", "shaz", "mary"} <= redact.FIRST_NAMES
