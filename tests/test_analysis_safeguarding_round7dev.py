"""Round 7 development table for the catch-all layer: 152 disclosures, 102 harmless comments.

Written by the project (invented; no real people, names, numbers or addresses) in the
kiosk's style, BEFORE the catch-all layer (`safeguarding.CATCH_ALL`) was built, to measure
it: subtle disclosures whose danger word is not tied to the context the precise rules need
("my ribs still hurt from the weekend, the guy in the grey van"), or told by circumstance
alone ("he knows what time i finish", "the kids slept in the car with me again"), and
harmless comments built on the same words ("my phone died", "i owe you lot a brew", "my
daughter is 15 and doing her exams", "nurse sorted my infection").

Measured once on analysis version 5, before the catch-all layer was written: 99 / 152 =
65.1% of disclosures flagged (92 in the expected category), 8 / 102 = 7.8% false alarms.
With the catch-all (analysis version 6, built with this table in view, so a tuned figure:
read it as a regression test): 152 / 152 = 100% flagged (144 in the expected category),
0 / 102 false alarms (the eight were idioms for the rules, now in `HARMLESS`). Every
harmless table in tests/test_analysis_safeguarding*.py together: 6 / 669 = 0.9% flagged
on version 5; 4 / 771 = 0.5% on version 6 (this table included); the budget is 6%.
"""

from __future__ import annotations

import pytest

from analysis import safeguarding
from tests.safeguarding_helpers import alarm_share, flagged_share, in_category_share

DISCLOSURES: list[tuple[str, str]] = [
    # ---------------- immediate_danger ----------------
    ("can i stay in the van a bit longer, that car's been round three times", "immediate_danger"),
    (
        "dont want to go back to the room tonight, hes been drinking since dinner",
        "immediate_danger",
    ),
    ("if i dont turn up with the money by 12 im in trouble big time", "immediate_danger"),
    ("he's sat in the car park with his mates, i need another way out", "immediate_danger"),
    ("they took my door off its hinges last night, got nowhere to lock", "immediate_danger"),
    ("my heart's pounding, he rang and said he's on his way over", "immediate_danger"),
    ("please ring someone for me, i cant use my phone he checks it", "immediate_danger"),
    (
        "honestly dont know if ill be here next week the way things are going with them lot",
        "immediate_danger",
    ),
    ("the lads i owe said tonight is the last chance", "immediate_danger"),
    ("i need to get out of the city tonight, its not safe for me anymore", "immediate_danger"),
    ("keep an eye on the window for me will you, blue car", "immediate_danger"),
    ("he said next time it wont be a slap", "immediate_danger"),
    ("i'm terrified to walk back past the bridge, they hang about there", "immediate_danger"),
    ("they said they know where my mum lives", "immediate_danger"),
    ("he's got my address now, i cant sleep there", "immediate_danger"),
    ("someone's after me, i had to leave everything at the flat", "immediate_danger"),
    ("can i hide my bag here, if he finds it he'll go mad", "immediate_danger"),
    ("they put a brick through my window and said theyll be back", "immediate_danger"),
    ("don't let me leave on my own, hes waiting by the chippy", "immediate_danger"),
    # ---------------- self_harm_suicide ----------------
    ("been giving my stuff away, wont need it where im going", "self_harm_suicide"),
    ("i keep looking at the river on the walk over", "self_harm_suicide"),
    ("ive written letters for my kids just in case", "self_harm_suicide"),
    ("took a load of my tablets last night but woke up anyway", "self_harm_suicide"),
    ("everyone would be better off, honestly", "self_harm_suicide"),
    ("the sleeves stay down for a reason", "self_harm_suicide"),
    ("i've been saving my meds in a sock", "self_harm_suicide"),
    ("the bridge by the station keeps calling me", "self_harm_suicide"),
    ("tired of waking up every morning", "self_harm_suicide"),
    ("sorry for being a pain, you wont have to deal with me much longer", "self_harm_suicide"),
    ("had a rope in my bag for weeks, just to know its there", "self_harm_suicide"),
    ("my arms are a mess again, used a razor", "self_harm_suicide"),
    ("cant see a way out of this except one", "self_harm_suicide"),
    ("went to the top of the car park last night and just stood there", "self_harm_suicide"),
    ("burned myself with a lighter again, it helps", "self_harm_suicide"),
    ("i dont want to be here anymore, full stop", "self_harm_suicide"),
    ("told my mate where my things should go after", "self_harm_suicide"),
    ("cant keep doing this, tonight might be it", "self_harm_suicide"),
    ("stood on the train platform a long time yesterday thinking about it", "self_harm_suicide"),
    # ---------------- violence_assault ----------------
    ("a punter put his hands round my neck till i saw stars", "violence_assault"),
    ("my ribs still hurt from the weekend, the guy in the grey van", "violence_assault"),
    ("got dragged into an alley by two lads on saturday", "violence_assault"),
    ("someone threw a bottle at my head from a car", "violence_assault"),
    ("he pushed me down the stairs at the hostel", "violence_assault"),
    ("woke up with bruises everywhere and no memory of the night", "violence_assault"),
    ("the man last night wouldnt stop when i said stop", "violence_assault"),
    ("my lip's split, one of the regulars got nasty", "violence_assault"),
    ("he held me down and took what he wanted", "violence_assault"),
    ("a client pulled my hair and smashed my face into the dashboard", "violence_assault"),
    ("got a cracked tooth off a customer who didnt want to pay", "violence_assault"),
    ("they jumped me behind the garages and took my bag", "violence_assault"),
    ("my eye's swollen shut, dont ask", "violence_assault"),
    ("a bloke in a silver car burnt me with his cig", "violence_assault"),
    ("the stitches in my head are from a punter", "violence_assault"),
    ("two men got out of the car and went for me", "violence_assault"),
    ("some fella stamped on my hand when i was on the floor", "violence_assault"),
    ("was forced in the back of a car and driven out of town", "violence_assault"),
    ("he wouldnt let me out of the car until i did it", "violence_assault"),
    # ---------------- domestic_abuse ----------------
    ("my fella has my bank card and gives me a tenner a week", "domestic_abuse"),
    ("he's changed the wifi password so i cant message anyone", "domestic_abuse"),
    ("i have to send him a photo of where i am every hour", "domestic_abuse"),
    ("my partner gets funny if i talk to other girls", "domestic_abuse"),
    ("not allowed out without him unless im working", "domestic_abuse"),
    ("he takes my phone to bed with him", "domestic_abuse"),
    ("my boyfriend locks the door and keeps the key", "domestic_abuse"),
    ("i have to ask him for money for tampons", "domestic_abuse"),
    ("my husband says no one else would want me", "domestic_abuse"),
    ("he threw my tea at the wall when i came back late", "domestic_abuse"),
    ("my ex still has my keys and comes in when he wants", "domestic_abuse"),
    ("i wear long sleeves because of my fella", "domestic_abuse"),
    ("my man checks my messages every night", "domestic_abuse"),
    ("he smashed my phone so i couldnt ring my sister", "domestic_abuse"),
    ("my partner decides what i eat and when", "domestic_abuse"),
    ("he said if i leave he'll take the baby", "domestic_abuse"),
    ("my boyfriend made me sleep in the hall as punishment", "domestic_abuse"),
    ("he pulled the plug on the electric till i said sorry", "domestic_abuse"),
    ("my other half goes through my purse and counts every penny", "domestic_abuse"),
    # ---------------- stalking_harassment ----------------
    ("he's been sat outside my hostel every morning", "stalking_harassment"),
    ("i keep seeing the same car wherever i go", "stalking_harassment"),
    ("my ex found my new number again", "stalking_harassment"),
    ("getting messages off accounts i dont know saying they can see me", "stalking_harassment"),
    ("he knows what time i finish", "stalking_harassment"),
    ("a punter keeps turning up at my mums", "stalking_harassment"),
    ("someone's been leaving things on my doorstep", "stalking_harassment"),
    ("he found out which van i come to", "stalking_harassment"),
    ("my phone had an app on it i never put there", "stalking_harassment"),
    ("someone keeps ringing from a private number and just breathing", "stalking_harassment"),
    ("he messages me 50 times a day", "stalking_harassment"),
    ("a regular follows me to the shop and back", "stalking_harassment"),
    ("my ex's mate keeps telling him where i am", "stalking_harassment"),
    ("he knew what i had on yesterday and i never saw him", "stalking_harassment"),
    ("same bloke at every corner i work, just watching", "stalking_harassment"),
    ("he turned up at my work and my doctors", "stalking_harassment"),
    ("keeps commenting on my pictures from fake profiles", "stalking_harassment"),
    ("found a tracker in my coat lining", "stalking_harassment"),
    ("he's been posting where i live online", "stalking_harassment"),
    # ---------------- exploitation_trafficking ----------------
    ("i owe him for the room so i have to keep working", "exploitation_trafficking"),
    ("he holds my passport for safe keeping he says", "exploitation_trafficking"),
    ("they move us to a different house every few weeks", "exploitation_trafficking"),
    ("the man i work for takes half and the rest goes on rent he sets", "exploitation_trafficking"),
    ("have to make 300 a night or i dont eat", "exploitation_trafficking"),
    ("came over for a cleaning job, that's not what it was", "exploitation_trafficking"),
    ("he says im paying off the flight still", "exploitation_trafficking"),
    ("they drive me to hotels and wait outside", "exploitation_trafficking"),
    ("i dont know what town this is, they brought me in a van", "exploitation_trafficking"),
    ("he put my pictures online and books the men himself", "exploitation_trafficking"),
    ("my debt to them just keeps growing", "exploitation_trafficking"),
    ("they said my family back home will pay if i stop", "exploitation_trafficking"),
    ("the boss keeps my card and my pin", "exploitation_trafficking"),
    ("girls in the house arent allowed to go out alone", "exploitation_trafficking"),
    ("he gives me gear instead of money for the work", "exploitation_trafficking"),
    ("he makes me do punters to pay off what my boyfriend owes", "exploitation_trafficking"),
    ("someone else answers my work phone and tells me where to go", "exploitation_trafficking"),
    ("i havent seen any of the money i made", "exploitation_trafficking"),
    ("they keep my id so i cant leave", "exploitation_trafficking"),
    # ---------------- child_safeguarding ----------------
    ("my 14 year old has been staying at a flat with older lads", "child_safeguarding"),
    ("my neighbour's girl is about 15 and getting in cars with men", "child_safeguarding"),
    ("the kids were at the squat with me again last week", "child_safeguarding"),
    ("my son is carrying stuff for the dealer on our estate", "child_safeguarding"),
    ("theres a young girl working the same street, cant be more than 16", "child_safeguarding"),
    ("my daughter has a boyfriend who is 28", "child_safeguarding"),
    ("the baby was in the flat when they were using", "child_safeguarding"),
    ("my little boy found a needle in the living room", "child_safeguarding"),
    ("my kids have been on their own since friday", "child_safeguarding"),
    ("my daughter keeps coming home with new phones and trainers", "child_safeguarding"),
    ("my lad has stopped going to school and has cash from somewhere", "child_safeguarding"),
    ("there was a kid in school uniform at the punters house", "child_safeguarding"),
    (
        "my girl's dad lets his mates stay over and they're always off their heads",
        "child_safeguarding",
    ),
    (
        "my 12 year old does the cooking and looks after the little ones while i work",
        "child_safeguarding",
    ),
    (
        "social took the baby off my mate but she still has the toddler and shes on it",
        "child_safeguarding",
    ),
    ("a man keeps giving my daughter lifts home from school", "child_safeguarding"),
    ("the kids slept in the car with me again", "child_safeguarding"),
    ("my son's got a gash on his arm and wont say who did it", "child_safeguarding"),
    ("the girl in the room next door looks about 13 and a man brings her", "child_safeguarding"),
    # ---------------- overdose_medical ----------------
    ("my mate went all floppy after the new batch", "overdose_medical"),
    ("found him snoring weird and couldnt wake him", "overdose_medical"),
    ("my leg's gone hard and black where i inject", "overdose_medical"),
    ("i passed out in the stairwell and woke up hours later", "overdose_medical"),
    ("shes been throwing up blood since last night", "overdose_medical"),
    ("the new stuff hit me like a train, lips went funny", "overdose_medical"),
    ("my abscess is leaking and smells", "overdose_medical"),
    ("took too many of my mates tablets and cant stop shaking", "overdose_medical"),
    ("he had a seizure coming off the drink", "overdose_medical"),
    ("the lump on my arm is hot and spreading up", "overdose_medical"),
    ("my friend's breathing went really slow and quiet", "overdose_medical"),
    ("i cant feel my fingers since i fixed in my hand", "overdose_medical"),
    ("got a fever and my injection site is weeping", "overdose_medical"),
    ("someone in the tent went grey and wasnt moving", "overdose_medical"),
    ("been coughing up blood for a week", "overdose_medical"),
    ("i think i've got sepsis, red line up my arm", "overdose_medical"),
    ("my mate collapsed in the loos and we had to get an ambulance", "overdose_medical"),
    ("took a double dose cos the first didnt hit and everything went dark", "overdose_medical"),
    ("my chest is tight and i cant breathe right since i smoked that", "overdose_medical"),
]

HARMLESS: list[str] = [
    "my phone died halfway through so sorry i didnt text back",
    "the boss at the chippy gave me free chips",
    "i owe you lot a brew when im sorted",
    "watching the football with the volunteers was a laugh",
    "i follow the van on facebook now so i know where it is",
    "my daughter is 15 and doing her exams, so proud",
    "my son starts big school in september, he's excited",
    "the paramedics did a first aid session in the drop in, really good",
    "got my bank card back off the bank finally",
    "always losing my keys lol",
    "the text messages about van times are handy",
    "the bridge by the canal is lovely first thing",
    "she made me laugh till i cried",
    "wasnt allowed a third biscuit haha",
    "the soup went a bit funny after sitting out",
    "my mate takes too much sugar in her tea",
    "my dog knows where the van parks before i do",
    "same volunteer turns up every week, always smiling",
    "nurse sorted my infection, all healed now",
    "blood test came back clear",
    "moved into my own flat last month, so happy",
    "paid off my phone bill this month, feels good",
    "my fella got me a new phone for my birthday",
    "my partner lets me have the remote for once lol",
    "the kids loved the selection box you gave me",
    "my 16 year old helped me carry the bags home",
    "school holidays are hard going but the kids are great",
    "my daughter wants to be a nurse when she leaves school",
    "the young lads at the youth club did a car wash for charity",
    "got a new passport sorted with the help of the caseworker",
    "my debt advice appointment went well, paying it off bit by bit",
    "the man at the housing office was kind",
    "i'm on a methadone script now and doing well",
    "went to a&e with my wrist, turned out it was just a sprain from falling on ice",
    "the hand warmers were a godsend on that freezing night",
    "i nearly fell asleep in the warm van",
    "my knee's been swollen since i slipped on the stairs, doctor says rest",
    "fitting a new lock on my door next week, the council's paying",
    "my mate's pregnant and doing really well, off everything",
    "i keep checking my phone for the job interview call",
    "i'm scared of spiders, any chance of fewer in the portaloo",
    "the film at the drop in was terrifying haha",
    "the new worker is tracking down a dentist for me",
    "my grandad passed away last month, thanks for the card",
    "the staff always know where to find me, makes me feel looked after",
    "my key worker keeps an eye on me, she's great",
    "he keeps messaging me memes, my brother is so annoying",
    "i was sick as a dog with the flu last week",
    "the curry was so hot i nearly passed out",
    "went blue in the face laughing at the volunteer's jokes",
    "my sister moved to another town for work",
    "the dealer on the corner has gone, the street's quieter",
    "my mum's looking after the kids while i do my course",
    "the needle exchange was quick and friendly",
    "got my jabs at the van, arm a bit sore",
    "i used to use but i've been clean 8 months",
    "i wanted to end my tenancy and the support worker helped",
    "the rope swing in the park is still there from when i was a kid",
    "picked up my pills from the chemist, all sorted",
    "the ending of that film made me cry",
    "my cat's a menace, scratched my arm again playing",
    "watching my weight so no cake for me ta",
    "the bus driver wouldnt let me on without the fare, sorted it with the pass",
    "my phone got cut off but you lot let me use yours",
    "the landlord finally came and fixed the boiler",
    "i told my boyfriend about the van and he's glad i come",
    "my ex and me are on good terms now, he has the kids on weekends",
    "my son's 14 and taller than me already",
    "my money came through so i treated myself",
    "the card machine wasnt working at the shop",
    "the girls at the drop in threw me a little birthday party",
    "i was knocked out by how good the curry was",
    "i'm done with smoking, day 5",
    "the van turns up bang on time now",
    "someone's always watching out for us on the van",
    "thanks for helping me fill in the forms for my kids school",
    "my abscess healed up after the antibiotics from the nurse",
    "got a lift home from the outreach worker, ta",
    "we had a fire drill at the hostel at 3am, nightmare",
    "the men's group at the drop in sounds good for my brother",
    "my hands go numb in this cold",
    "my fella's working away so its quiet at home",
    "i'm moving on from the hostel into supported housing",
    "my little boy fell off his scooter, just a graze",
    "can u bring plasters, i've got blisters from walking",
    "my ankle gave way on the kerb, it's only a bruise",
    "the volunteers let me charge my phone every week",
    "my partner and i are doing a cooking course together",
    "would be nice to have a quiet space to sit",
    "i keep getting spam texts about parcels",
    "i dont get out much but i love coming here",
    "the queue for the hot food was a killer tonight",
    "my daughter turned 13 and thinks she knows everything",
    "nobody's ever been rude to me here",
    "the lads from the football team came to help unload the van",
    "my mate from school got in touch after years",
    "sorry i missed last week, i was at my sisters",
    "i take my meds every morning now, the pill box helps",
    "the boss of the charity came out on the van, nice fella",
    "i couldnt stop laughing when the van broke down in the rain",
    "the knife and fork packs are handy",
    "shame about the rain, soaked through",
]


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_a_round_7_dev_disclosure_is_flagged(text: str, category: str) -> None:
    assert safeguarding.concerns(text), category


@pytest.mark.parametrize("text", HARMLESS)
def test_a_round_7_dev_harmless_comment_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


def test_round_7_dev_table_stays_above_its_floor() -> None:
    """A floor on the whole table: any flag >= 95%, in the expected category >= 90%."""
    assert flagged_share(DISCLOSURES) >= 0.95
    assert in_category_share(DISCLOSURES) >= 0.90
    assert alarm_share(HARMLESS) <= 0.06


def test_false_alarms_over_every_harmless_table_stay_within_the_catch_all_budget() -> None:
    """The catch-all spends false alarms: at most 6% over all harmless tables together."""
    from tests import test_analysis_safeguarding as first
    from tests import test_analysis_safeguarding_fresh as fresh
    from tests import test_analysis_safeguarding_independent as independent
    from tests import test_analysis_safeguarding_round6 as round6
    from tests import test_analysis_safeguarding_wide as wide

    tables = [
        first.IDIOMS,
        fresh.IDIOMS + fresh.HELD_OUT_IDIOMS,
        wide.TUNED_IDIOMS + wide.HELD_OUT_WIDE_IDIOMS,
        round6.HARMLESS,
        independent.HARMLESS,
        HARMLESS,
    ]
    texts = [text for table in tables for text in table]
    assert len(texts) >= 700
    assert alarm_share(texts) <= 0.06


def test_round_7_dev_table_covers_every_category() -> None:
    assert {cat for _, cat in DISCLOSURES} == set(safeguarding.CATEGORIES)
    assert len(DISCLOSURES) == 152 and len(HARMLESS) == 102
    assert len({t for t, _ in DISCLOSURES}) == len(DISCLOSURES)
    assert len(set(HARMLESS)) == len(HARMLESS)
