"""Safeguarding on fresh tables: outreach-style disclosures and harmless decoys.

Written for Lantern after an independent review found phrasings the first table
(tests/test_analysis_safeguarding.py) never tried: threats, coercive control, children
at risk described indirectly, a friend going blue. Lower case, text-speak, misspellings
and no punctuation on purpose. The reviewer's missed examples are kept verbatim so they
stay fixed. Targets (issue 3): recall >= 0.95, false alarms <= 10%.

How these were used, so the numbers are read honestly (docs/accuracy.md):
- FRESH was written first and measured on the old rules, then the rules were tuned on it.
- ROUND_A, ROUND_B, ROUND_C were each written after the previous tuning, measured once on
  the rules as they stood (recall 38%, 37%, 39%), and only then tuned on. All four now pass
  case by case, so they guard against regressions but say little about unseen wording.
- HELD_OUT was written last and never tuned on: it is the estimate for new wording (47%
  recall, 0 false alarms when written). Do not add rules for its misses; if you improve
  the rules, write a new held-out set and measure that instead.
- With the wide net (tests/test_analysis_safeguarding_wide.py), written without reading
  HELD_OUT, it measured 77% recall (46/60, all in category) and 0 false alarms; the floor
  below was raised to match.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from analysis import safeguarding
from analysis.text import normalise
from tests import test_analysis_safeguarding as first_table

# Missed by the independent review; kept as they were written.
REVIEWER: list[tuple[str, str]] = [
    ("he threatened to stab me", "immediate_danger"),
    ("he controls me", "domestic_abuse"),
    ("he controls my money", "domestic_abuse"),
    ("he wont let me leave", "domestic_abuse"),
    ("my baby's dad hits the kids", "child_safeguarding"),
    ("a young girl about 14 working the street", "child_safeguarding"),
    ("i took too many pills", "overdose_medical"),
]

# (text, category that must be among the concerns)
FRESH: list[tuple[str, str]] = [
    # immediate danger: threats, weapons, fear of going back tonight
    ("hes gonna do me in when i get back", "immediate_danger"),
    ("scared hes gonna find me tonite", "immediate_danger"),
    ("he said hed kill me if i told anyone", "immediate_danger"),
    ("i need to get away from him tonight", "immediate_danger"),
    ("frightened to go back to the flat", "immediate_danger"),
    ("he pulled a knife on me", "immediate_danger"),
    ("he says hell burn the flat down with me in it", "immediate_danger"),
    ("i think hes going to hurt me tonight", "immediate_danger"),
    ("theres a guy with a blade hanging round the beat", "immediate_danger"),
    ("he put a gun to my head", "immediate_danger"),
    ("he threatend to cut my face", "immediate_danger"),
    ("im hiding from him rite now", "immediate_danger"),
    # self-harm and suicide, often indirect
    ("i dont want to be here anymore", "self_harm_suicide"),
    ("thought about jumping off the bridge last week", "self_harm_suicide"),
    ("been cutting again", "self_harm_suicide"),
    ("i just want to go to sleep and not wake up", "self_harm_suicide"),
    ("whats the point in carrying on", "self_harm_suicide"),
    ("tried to top myself last month", "self_harm_suicide"),
    ("burning myself with fags again", "self_harm_suicide"),
    ("ive been saving up my meds to take them all at once", "self_harm_suicide"),
    ("no one would miss me if i was gone", "self_harm_suicide"),
    ("i wanna end it", "self_harm_suicide"),
    ("i tried to hang myself", "self_harm_suicide"),
    ("had enough of life tbh", "self_harm_suicide"),
    ("everyone would be better off if i wasnt around", "self_harm_suicide"),
    # violence and sexual assault
    ("he choked me", "violence_assault"),
    ("punter wouldnt let me out the car", "violence_assault"),
    ("my drink was spiked", "violence_assault"),
    ("a punter forced himself on me", "violence_assault"),
    ("got jumped by two lads near the arches", "violence_assault"),
    ("he had his hands round my neck", "violence_assault"),
    ("guy smacked me in the face", "violence_assault"),
    ("he put me in hospital", "violence_assault"),
    ("a man grabbed my hair and pulled me down the alley", "violence_assault"),
    ("he took the condom off when i said no", "violence_assault"),
    ("he wouldnt stop when i said no", "violence_assault"),
    ("got headbutted last nite", "violence_assault"),
    ("someone threw a bottle at me from a car", "violence_assault"),
    ("he burnt me with a lighter", "violence_assault"),
    ("got raped last week", "violence_assault"),
    ("he stamped on my head", "violence_assault"),
    ("a punter made me do stuff i didnt want to", "violence_assault"),
    # domestic abuse and coercive control
    ("he keeps my bank card", "domestic_abuse"),
    ("my fella gets handy when hes had a drink", "domestic_abuse"),
    ("he checks my phone all the time and goes mad", "domestic_abuse"),
    ("my boyfriend wont let me see my family", "domestic_abuse"),
    ("he goes mental if i talk to anyone", "domestic_abuse"),
    ("my partner smashed my phone so i cant call anyone", "domestic_abuse"),
    ("my ex put his hands round my throat", "domestic_abuse"),
    ("bf takes my benefits as soon as they come in", "domestic_abuse"),
    ("he tells me im worthless and no one else would have me", "domestic_abuse"),
    ("walking on eggshells at home all the time", "domestic_abuse"),
    ("my other half knocks me about", "domestic_abuse"),
    ("my husband says hell take the kids if i leave him", "domestic_abuse"),
    ("he wont give me any money for food", "domestic_abuse"),
    ("my man slapped me again", "domestic_abuse"),
    # stalking and harassment
    ("my ex wont leave me alone", "stalking_harassment"),
    ("someone's been waiting outside my flat", "stalking_harassment"),
    ("a punter keeps ringing me at all hours", "stalking_harassment"),
    ("theres a bloke who keeps turning up where i work", "stalking_harassment"),
    ("same man drives past every nite and stares", "stalking_harassment"),
    ("he found out where i live", "stalking_harassment"),
    ("my ex has been sending me threats", "stalking_harassment"),
    ("someone put pictures of me online", "stalking_harassment"),
    ("he tracks my phone", "stalking_harassment"),
    ("been getting followed by a car", "stalking_harassment"),
    ("a guy keeps hanging about the hostel asking for me", "stalking_harassment"),
    ("he keeps showing up at my door", "stalking_harassment"),
    ("my ex keeps messaging my mates about me", "stalking_harassment"),
    # exploitation, trafficking, debt bondage
    ("they take all my money", "exploitation_trafficking"),
    ("i owe them and they make me work it off", "exploitation_trafficking"),
    ("hes got me working to pay off his drug debt", "exploitation_trafficking"),
    ("they took my id when i got here", "exploitation_trafficking"),
    ("i have to hand over everything i earn", "exploitation_trafficking"),
    ("he sets up the punters and keeps the cash", "exploitation_trafficking"),
    ("they move me round different towns", "exploitation_trafficking"),
    ("they said it was a job in a restaurant but it was this", "exploitation_trafficking"),
    ("i have to bring back 200 a nite or else", "exploitation_trafficking"),
    ("if i dont earn enough he says he'll hurt me", "exploitation_trafficking"),
    ("theyve got my passport and i cant go home", "exploitation_trafficking"),
    ("he puts me out on the street every night", "exploitation_trafficking"),
    ("im not allowed out without one of them", "exploitation_trafficking"),
    # children at risk
    ("a girl looks about 15 out here", "child_safeguarding"),
    ("the kids saw him hit me", "child_safeguarding"),
    ("theres a kid no older than 16 getting in cars", "child_safeguarding"),
    ("my son is being groomed by older lads", "child_safeguarding"),
    ("my daughters been going missing at night", "child_safeguarding"),
    ("my kids are left on their own when im out", "child_safeguarding"),
    ("my boyfriend smacks my little boy", "child_safeguarding"),
    ("theres a lass out here that cant be more than 15", "child_safeguarding"),
    ("my 13 year old is running with dealers", "child_safeguarding"),
    ("the baby hasnt eaten today", "child_safeguarding"),
    ("men are giving the girls from the care home drugs", "child_safeguarding"),
    ("my little girl is scared of him", "child_safeguarding"),
    # overdose and medical emergencies
    ("my mate went blue after using", "overdose_medical"),
    ("she went grey and floppy after a hit", "overdose_medical"),
    ("found him slumped and not responding", "overdose_medical"),
    ("my friend stopped breathing in the toilets", "overdose_medical"),
    ("had to give her narcan", "overdose_medical"),
    ("he was foaming at the mouth", "overdose_medical"),
    ("she mixed benzos and gear and wont come round", "overdose_medical"),
    ("her lips went purple", "overdose_medical"),
    ("we couldnt wake him he was gouching", "overdose_medical"),
    ("my injecting site has gone black and smells", "overdose_medical"),
    ("nearly went over on tuesday", "overdose_medical"),
    ("im pregnant and bleeding heavy", "overdose_medical"),
]

# Outreach small talk that uses alarming words harmlessly, and decoys that name a
# safeguarding topic without disclosing anything. Written with FRESH (7 of 48 were
# false alarms on the old rules).
FRESH_IDIOMS: list[str] = [
    "attack of the giggles",
    "had an attack of the giggles with the volunteers",
    "just killing time till the van",
    "i could murder a bacon sandwich",
    "the hot choc is to die for",
    "dying to try the new soup",
    "a shot of coffee would be nice",
    "this cold is killing me",
    "my feet are killing me",
    "safe sex talk was good",
    "the police liaison was helpful",
    "lifesaver",
    "overdose awareness session was good",
    "hit the spot",
    "choked up, thank you",
    "blown away by the kindness",
    "my kids are doing well at school",
    "she's a star, she's a bomb",
    "you lot are the bomb",
    "got my naloxone kit thanks",
    "the naloxone training was really good",
    "the new nurse is a knockout",
    "laughed till i cried",
    "the van is my safe haven",
    "took a stab at the quiz",
    "my kids are safe with my mum",
    "the drop in is a lifeline",
    "the coffee is strong enough to wake the dead",
    "the worker followed up with my gp",
    "you pushed me to go to the clinic and it helped",
    "the staff really fight for us",
    "im dead happy with the coat",
    "we were in stitches",
    "my mate killed it at karaoke",
    "the domestic abuse leaflet was useful",
    "the self harm support group is great",
    "nearly burnt myself on the tea lol",
    "the talk about spiking was good",
    "that jacket is the bomb",
    "crashed out on the sofa at the drop in, so warm",
    "drop dead gorgeous new volunteer",
    "the warm gloves saved me tonight",
    "my son starts college next week",
    "i'd die without my morning brew",
    "the nurse sorted my abscess, much better now",
    "the stalking advice line number was handy",
    "the chilli was a killer",
    "bad weather tonight but the van came",
]

# Written after the first tuning; measured at 38% recall, then tuned on.
ROUND_A: list[tuple[str, str]] = [
    ("hes waiting at the end of the road for me", "immediate_danger"),
    ("my pimp said if i dont come back tonight im dead", "immediate_danger"),
    ("i'm scared to leave the van, he's across the road", "immediate_danger"),
    ("he's got a machete in his car", "immediate_danger"),
    ("can i stay in the van he's gonna batter me", "immediate_danger"),
    ("he told me i wont see morning", "immediate_danger"),
    ("theres a man out there threatening the girls with a knife", "immediate_danger"),
    ("i keep thinking about walking in front of a bus", "self_harm_suicide"),
    ("took a razor to my arms again last night", "self_harm_suicide"),
    ("i feel like i'd be better dead", "self_harm_suicide"),
    ("dont see the point anymore", "self_harm_suicide"),
    ("i've written letters to my kids in case", "self_harm_suicide"),
    ("wanted to od on purpose last week", "self_harm_suicide"),
    ("i cant see a way out except dying", "self_harm_suicide"),
    ("punter bit me and wouldnt pay", "violence_assault"),
    ("got dragged into a van by two men", "violence_assault"),
    ("a guy tried to strangle me with my scarf", "violence_assault"),
    ("some lads battered me at the bus station", "violence_assault"),
    ("he held me by my throat against the wall", "violence_assault"),
    ("punter got rough and hurt me bad", "violence_assault"),
    ("woke up in a strangers flat and didnt know what happened", "violence_assault"),
    ("he forced me to do things without a condom", "violence_assault"),
    ("my boyfriend broke my ribs", "domestic_abuse"),
    ("he makes me ask before i spend anything", "domestic_abuse"),
    ("my ex wont let me see the kids unless i sleep with him", "domestic_abuse"),
    ("my husband hit me in front of the baby", "domestic_abuse"),
    ("he says nobody will believe me if i tell", "domestic_abuse"),
    ("my partner takes my script off me", "domestic_abuse"),
    ("he locks the door and keeps the key", "domestic_abuse"),
    ("some punter found my facebook and keeps messaging", "stalking_harassment"),
    ("theres a guy who sits outside the drop in every day watching me", "stalking_harassment"),
    ("my ex made a fake account to message me", "stalking_harassment"),
    ("he keeps driving past the hostel", "stalking_harassment"),
    ("a man has been following the girls home", "stalking_harassment"),
    ("i dont get to keep any of the money", "exploitation_trafficking"),
    ("they tell me who to see and how much to charge", "exploitation_trafficking"),
    ("they bring girls over from romania and put them in flats", "exploitation_trafficking"),
    ("im only allowed 10 quid a day out of what i make", "exploitation_trafficking"),
    ("he said i owe him for the flight and the room", "exploitation_trafficking"),
    ("he keeps me on the gear so i keep working", "exploitation_trafficking"),
    ("theres a 14yo girl hanging around with the older men", "child_safeguarding"),
    ("my kids dad is dealing from the house where the kids sleep", "child_safeguarding"),
    ("my daughter's new boyfriend is 30 and shes 14", "child_safeguarding"),
    ("a schoolgirl in uniform getting in a punters car", "child_safeguarding"),
    ("the kids have been on their own since friday", "child_safeguarding"),
    ("social services took my baby cos of him", "child_safeguarding"),
    ("my friend went unconscious after smoking spice", "overdose_medical"),
    ("she's been sick and shaking after the new batch", "overdose_medical"),
    ("he wasnt moving for ages after he used", "overdose_medical"),
    ("my mate dropped in the toilets and we had to do cpr", "overdose_medical"),
    ("i think the gear is cut with something, two girls went over", "overdose_medical"),
    ("she was snoring weird and wouldnt wake", "overdose_medical"),
]

# Decoys written with ROUND_A (2 of 30 false alarms when measured).
ROUND_A_IDIOMS: list[str] = [
    "the soup was killer",
    "you guys are angels, saved my night",
    "my daughter loved the teddy you gave her",
    "im dying of laughter at the van radio",
    "ran away with the last sandwich lol",
    "the condoms are a godsend",
    "i got battered by the rain tonight",
    "the fish was battered perfectly",
    "the staff never judge me",
    "can i get a hair tie, mine snapped",
    "my son passed his driving test",
    "the nurse gave me a flu jab",
    "shot in the dark but any chance of size 8 boots",
    "i was frozen to death tonight, the soup helped",
    "the naloxone spray training was good",
    "the van is the only place i feel safe",
    "i'd be lost without you lot",
    "you knocked it out of the park with the curry",
    "we had a right laugh tonight",
    "the kids loved the selection box",
    "my feet were killing me, thanks for the socks",
    "stuck in traffic so i missed the van",
    "killer shoes in the clothes bin",
    "the coffee nearly blew my head off it was so strong",
    "my phone died so i couldnt ring",
    "ill die happy if you bring more cake",
    "the worker pushed for my housing",
    "cheers for the advice on my benefits",
    "the bus pass is a blessing",
    "you lot keep me going",
]

# Written after the second tuning; measured at 37% recall, then tuned on.
ROUND_B: list[tuple[str, str]] = [
    ("he's parked up over the road again, please dont make me leave", "immediate_danger"),
    ("i ran off from him last night and hes mad, i cant go back", "immediate_danger"),
    ("theres a guy going round with a hammer", "immediate_danger"),
    ("my dealer said hes gonna break my legs", "immediate_danger"),
    ("he's outside the drop in right now", "immediate_danger"),
    ("i think hes going to kill me one day", "immediate_danger"),
    ("they said theyd come for me if i talked", "immediate_danger"),
    ("i just want it all to stop", "self_harm_suicide"),
    ("i'd rather be dead than go back to him", "self_harm_suicide"),
    ("got my tablets saved up for when its time", "self_harm_suicide"),
    ("ive started hurting myself again", "self_harm_suicide"),
    ("i was on the bridge last night thinking about it", "self_harm_suicide"),
    ("i'm done, i cant do this anymore", "self_harm_suicide"),
    ("nobody cares if i live or die", "self_harm_suicide"),
    ("sometimes i wish i didnt wake up", "self_harm_suicide"),
    ("punter pulled my hair and smashed my head on the dashboard", "violence_assault"),
    ("two men made me get in their car and did stuff to me", "violence_assault"),
    ("guy took his money back and slapped me about", "violence_assault"),
    ("he bust my lip", "violence_assault"),
    ("a lad set his dog on me", "violence_assault"),
    ("punter put something in my drink", "violence_assault"),
    ("he tried it on and wouldnt take no for an answer", "violence_assault"),
    ("i got kicked in the head by a punter", "violence_assault"),
    ("my partner punched a hole in the wall next to my head", "domestic_abuse"),
    ("my husband takes my whole universal credit", "domestic_abuse"),
    ("my ex threatens to tell my family what i do", "domestic_abuse"),
    ("hes jealous and wont let me have a phone", "domestic_abuse"),
    ("my boyfriend made me sleep outside as punishment", "domestic_abuse"),
    ("bf gets violent when hes using", "domestic_abuse"),
    ("he calls me a dirty whore every day", "domestic_abuse"),
    ("my fella threw hot tea over me", "domestic_abuse"),
    ("a punter keeps waiting for me after the van goes", "stalking_harassment"),
    ("someone keeps leaving notes on my door", "stalking_harassment"),
    ("my ex turned up at the hostel drunk again", "stalking_harassment"),
    ("a customer found out my real name and keeps contacting me", "stalking_harassment"),
    ("he follows me on the bus", "stalking_harassment"),
    ("there's a car that sits outside my place every night", "stalking_harassment"),
    ("they keep all the money and i get nothing", "exploitation_trafficking"),
    ("he books the hotel and sends the men up", "exploitation_trafficking"),
    ("i work for a man who keeps my documents", "exploitation_trafficking"),
    ("i was sold to him by my ex", "exploitation_trafficking"),
    ("the lads that run the house make us work every day", "exploitation_trafficking"),
    ("i cant leave cos i owe too much", "exploitation_trafficking"),
    (
        "they gave me a place to stay but now i have to pay it back with punters",
        "exploitation_trafficking",
    ),
    (
        "theres girls in the flat above who never go out and dont speak english",
        "exploitation_trafficking",
    ),
    ("saw a girl in school uniform with a punter", "child_safeguarding"),
    ("my kids are with my ex and he's using again", "child_safeguarding"),
    ("a young one asked me how to get punters, she's only a kid", "child_safeguarding"),
    ("my daughter is sleeping with a man in his 40s", "child_safeguarding"),
    ("older guys giving the kids from the estate drugs to sell", "child_safeguarding"),
    ("i havent been able to feed my kids for days", "child_safeguarding"),
    ("my son is scared to come home because of my boyfriend", "child_safeguarding"),
    ("my mate needed naloxone twice this week", "overdose_medical"),
    ("found a girl in the alley not breathing properly", "overdose_medical"),
    ("she keeps nodding out and going blue", "overdose_medical"),
    ("he overdid it on the pregabs and collapsed", "overdose_medical"),
    ("my leg is swollen and red where i inject", "overdose_medical"),
    ("i had chest pains after the crack", "overdose_medical"),
    ("my mate fell and hit her head and is being sick", "overdose_medical"),
    ("theres some strong stuff about, three people dropped this week", "overdose_medical"),
]

# Decoys written with ROUND_B (4 of 30 false alarms when measured).
ROUND_B_IDIOMS: list[str] = [
    "the volunteers are killing it tonight",
    "the curry is to die for honestly",
    "my kids are with my mum tonight",
    "i was dying to see you lot",
    "ta for the hot water bottle, lifesaver",
    "the van is my lifeline",
    "the girls were in fits of laughter",
    "that new hat is a knockout",
    "my son got a job, chuffed",
    "the nurse talk on overdoses was useful",
    "i shot over here as soon as i could",
    "got caught in the rain, soaked to the bone",
    "you lot saved my bacon",
    "crying happy tears, thank you",
    "the coffee is lethal lol",
    "thanks for the rape crisis number",
    "the cold is brutal tonight",
    "had a smashing time at the drop in",
    "the van was packed, a proper crush",
    "my feet are in bits from walking",
    "we were screaming laughing",
    "the punters were quiet tonight",
    "my daughter is doing her gcses",
    "the police were actually nice tonight",
    "i nearly died of shock when the van was early",
    "cheers for the condoms and lube",
    "stabbed my finger on the sewing needle lol",
    "the workers are my rock",
    "the stew is to kill for",
    "beat the cold with your soup",
]

# Written after the third tuning; measured at 39% recall, then tuned on.
ROUND_C: list[tuple[str, str]] = [
    ("he knows im here, can someone walk me to the bus", "immediate_danger"),
    ("hes been ringing saying hes going to find me and finish me", "immediate_danger"),
    ("need somewhere to go tonight he's kicked off big time", "immediate_danger"),
    ("my pimp is looking for me with his mates", "immediate_danger"),
    ("theres a man with a gun who's been after the girls", "immediate_danger"),
    ("he said next time he sees me im getting it", "immediate_danger"),
    ("i'm not going back to that house he will hurt me", "immediate_danger"),
    ("i dont wanna live like this no more", "self_harm_suicide"),
    ("ive been thinking about taking all my methadone in one go", "self_harm_suicide"),
    ("ive got scars all up my arms from doing it", "self_harm_suicide"),
    ("i went to the river to end things but couldnt", "self_harm_suicide"),
    ("life is pointless, nothing matters anymore", "self_harm_suicide"),
    ("feel like i'm a burden to everyone", "self_harm_suicide"),
    ("i had a plan to do it on my birthday", "self_harm_suicide"),
    ("some bloke battered me with a bottle", "violence_assault"),
    ("punter wouldnt let me go til i did what he wanted", "violence_assault"),
    ("guy in a silver car tried to pull me in", "violence_assault"),
    ("got attacked behind the station friday", "violence_assault"),
    ("he sat on me and i couldnt breathe", "violence_assault"),
    ("a man exposed himself and then grabbed me", "violence_assault"),
    ("me and my mate got robbed at knifepoint", "violence_assault"),
    ("he bashed my head off the wall", "violence_assault"),
    ("my partner makes me give him my pin number", "domestic_abuse"),
    ("i have to tell him where i am every minute", "domestic_abuse"),
    ("my husband raped me", "domestic_abuse"),
    ("he kicked me when i was pregnant", "domestic_abuse"),
    ("my ex broke into my flat and smashed it up", "domestic_abuse"),
    ("he isolates me from everyone", "domestic_abuse"),
    ("bf strangled me till i passed out", "domestic_abuse"),
    ("my bloke twisted my arm til it cracked", "domestic_abuse"),
    ("a punter got my number and wont stop ringing", "stalking_harassment"),
    ("my ex put a tracker on my car", "stalking_harassment"),
    ("he knows what time i finish and waits", "stalking_harassment"),
    ("a guy has been photographing the girls on the beat", "stalking_harassment"),
    ("someone keeps banging on my door at night", "stalking_harassment"),
    ("my ex is spreading lies about me online", "stalking_harassment"),
    ("theres a punter who keeps coming back even after i said no", "stalking_harassment"),
    ("i have to do what they say or they hurt my family back home", "exploitation_trafficking"),
    ("they drive me to different cities every weekend", "exploitation_trafficking"),
    ("my boyfriend puts ads up for me online", "exploitation_trafficking"),
    ("i work off what i owe for the room", "exploitation_trafficking"),
    ("he takes the money and gives me a bag", "exploitation_trafficking"),
    ("i'm not allowed to talk to you lot", "exploitation_trafficking"),
    ("they control everything, my phone my money where i sleep", "exploitation_trafficking"),
    ("girl with braces and a school bag getting in a car", "child_safeguarding"),
    ("theres a teenager sleeping in the bus station", "child_safeguarding"),
    ("my son keeps coming home with money and new trainers", "child_safeguarding"),
    ("my baby's been crying all night and i'm off my head", "child_safeguarding"),
    ("a girl told me she's in year 10", "child_safeguarding"),
    ("my ex is letting his mates babysit my daughter", "child_safeguarding"),
    ("there's a little one living in that crack house", "child_safeguarding"),
    ("my friend has been gouching for hours and her breathing is funny", "overdose_medical"),
    ("someone collapsed at the back of the church", "overdose_medical"),
    ("i think i need an ambulance my heart is racing after the coke", "overdose_medical"),
    ("he's lying on the floor and wont wake up", "overdose_medical"),
    ("my wound from injecting is full of pus", "overdose_medical"),
    ("i've been throwing up blood", "overdose_medical"),
    ("she had a fit after the spice", "overdose_medical"),
    ("my mate's gone a funny colour and his eyes are rolling", "overdose_medical"),
]

# Decoys written with ROUND_C (2 of 30 false alarms when measured).
ROUND_C_IDIOMS: list[str] = [
    "you lot are a godsend, honestly",
    "the van was mobbed tonight",
    "i murdered that soup",
    "my kids are with their nan for the weekend",
    "i'm dead on my feet",
    "the cold was biting tonight",
    "cheers for the overdose kit training",
    "my daughter got a place at college",
    "shattered but happy",
    "the biscuits went down a storm",
    "nearly froze to death waiting but the tea was worth it",
    "the new worker is lovely, she gets it",
    "i could die for a hot shower",
    "the safe sex packs are great",
    "thanks for the spiking test kits",
    "love the domestic violence drop in on tuesdays",
    "the van staff never make me feel judged",
    "can we have more needle exchange times",
    "the naloxone is in my bag now thanks",
    "my son made me a birthday card",
    "the soup knocked spots off last week",
    "got a stitch from laughing",
    "the hot chocolate hit the spot, killer",
    "fighting fit tonight thanks to your vitamins",
    "that pizza was criminal it was so good",
    "my mate went home early, she was tired",
    "please keep coming out on fridays",
    "the police liaison officer sorted my bad date report",
    "we had a blast at the christmas party",
    "lost my voice from singing",
]

# Written last, never tuned on: 28 of 60 flagged (47%) when measured.
HELD_OUT: list[tuple[str, str]] = [
    ("he rang and said he'd be waiting for me after", "immediate_danger"),
    ("i'm frightened he'll turn up here", "immediate_danger"),
    ("pls can u call someone hes outside the van", "immediate_danger"),
    ("theyre after me over money i owe", "immediate_danger"),
    ("he said he'd slash my face", "immediate_danger"),
    ("somebody's got a blade out by the garages", "immediate_danger"),
    ("he keeps saying hes going to end me", "immediate_danger"),
    ("i want to disappear forever", "self_harm_suicide"),
    ("been thinking my kids would be better without me", "self_harm_suicide"),
    ("i tried to drown myself", "self_harm_suicide"),
    ("cant stop thinking about dying", "self_harm_suicide"),
    ("took an od on purpose last month", "self_harm_suicide"),
    ("i hurt myself so i can feel something", "self_harm_suicide"),
    ("what's the point of me", "self_harm_suicide"),
    ("punter tried to choke me with his belt", "violence_assault"),
    ("got my nose broke by a client", "violence_assault"),
    ("he wouldnt stop hitting me", "violence_assault"),
    ("a group of lads attacked me and my mate", "violence_assault"),
    ("the man pinned me to the bed", "violence_assault"),
    ("i think someone drugged me last night", "violence_assault"),
    ("he pushed me out of a moving car", "violence_assault"),
    ("he had sex with me when i was asleep", "violence_assault"),
    ("my partner bites me", "domestic_abuse"),
    ("my boyfriend threatens to leave me on the street if i dont bring money", "domestic_abuse"),
    ("hes taken my bank cards and my phone", "domestic_abuse"),
    ("my husband checks everything i spend", "domestic_abuse"),
    ("my fella beat me black and blue", "domestic_abuse"),
    ("my ex keeps hurting me when he sees me", "domestic_abuse"),
    ("he makes me feel like im going mad", "domestic_abuse"),
    ("my bf wont let me get help", "domestic_abuse"),
    ("he wont stop ringing my mum", "stalking_harassment"),
    ("a man has been hanging round the flats asking where i live", "stalking_harassment"),
    ("my ex hacked my facebook", "stalking_harassment"),
    ("a punter sits in his car outside my house", "stalking_harassment"),
    ("someone keeps following me from the van", "stalking_harassment"),
    ("my ex keeps turning up wherever i am", "stalking_harassment"),
    ("i keep getting weird calls from a withheld number", "stalking_harassment"),
    ("i dont have my own passport they keep it", "exploitation_trafficking"),
    ("he takes me to meet men in hotels", "exploitation_trafficking"),
    ("i have to earn 300 before i can go home", "exploitation_trafficking"),
    ("my debt keeps going up so i can never stop", "exploitation_trafficking"),
    ("the man i live with makes me sleep with his mates", "exploitation_trafficking"),
    ("they make me carry stuff for them", "exploitation_trafficking"),
    ("they took me to a different city and left me with a man", "exploitation_trafficking"),
    ("the kids are scared when he comes home", "child_safeguarding"),
    ("there's a 16 yr old selling herself on the corner", "child_safeguarding"),
    ("my son has been excluded and is running for a dealer", "child_safeguarding"),
    ("my daughter is getting messages from older men online", "child_safeguarding"),
    ("the baby was left in the car while she was working", "child_safeguarding"),
    ("a girl no more than 15 was with a punter", "child_safeguarding"),
    ("my ex hurts my son when he has him", "child_safeguarding"),
    ("my friend went limp after a bag", "overdose_medical"),
    ("we found her cold on the floor", "overdose_medical"),
    ("i overdid the benzos and dont remember yesterday", "overdose_medical"),
    ("he's sweating and shaking really badly after the spice", "overdose_medical"),
    ("my mate isnt breathing right", "overdose_medical"),
    ("someone nearly died in the park on wednesday", "overdose_medical"),
    ("my arm has gone hard and hot where i inject", "overdose_medical"),
    ("she fitted for ages after smoking", "overdose_medical"),
    ("the nurse needs to look at my leg its gone black", "overdose_medical"),
]

# Decoys written with HELD_OUT (0 of 30 false alarms when measured).
HELD_OUT_IDIOMS: list[str] = [
    "the soup was mint tonight",
    "i'm dying to get my new flat keys",
    "your van is a lifesaver on cold nights",
    "my kids made me proud this week",
    "you guys smashed it with the toiletries",
    "had a mare getting here but glad i came",
    "i'm frozen solid, thanks for the blanket",
    "the quiz night was a riot",
    "we got soaked, the rain was brutal",
    "thanks for the self defence class",
    "the harm reduction talk on fentanyl was eye opening",
    "my feet were killing me till i got the new boots",
    "i was gutted when the van was late",
    "you lot are the bomb, honestly",
    "the volunteers are stars, they fight our corner",
    "the clinic nurse was a diamond",
    "i'd kill for some new socks",
    "the sandwiches were fire",
    "i was shaking with cold but the tea helped",
    "my daughter's birthday was great",
    "it was a bloodbath at the clothes rail lol",
    "that curry nearly blew my head off",
    "i'm in a much better place now",
    "the drop in is safe and warm",
    "my mate is doing great in rehab",
    "the overdose awareness poster is good",
    "cheers for sorting my phone credit",
    "the queue was mental tonight",
    "thank you for believing in me",
    "the cake was to die for",
]

DISCLOSURES: list[tuple[str, str]] = REVIEWER + FRESH + ROUND_A + ROUND_B + ROUND_C
IDIOMS: list[str] = FRESH_IDIOMS + ROUND_A_IDIOMS + ROUND_B_IDIOMS + ROUND_C_IDIOMS
OUTREACH = Path(__file__).resolve().parent / "data" / "outreach_labelled.csv"


@pytest.mark.parametrize(("text", "category"), DISCLOSURES)
def test_a_fresh_disclosure_is_flagged_in_its_category(text: str, category: str) -> None:
    assert category in safeguarding.concerns(text)


@pytest.mark.parametrize("text", IDIOMS)
def test_a_fresh_harmless_idiom_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


@pytest.mark.parametrize(
    ("disclosures", "idioms"),
    [
        (REVIEWER + FRESH, FRESH_IDIOMS),
        (ROUND_A, ROUND_A_IDIOMS),
        (ROUND_B, ROUND_B_IDIOMS),
        (ROUND_C, ROUND_C_IDIOMS),
    ],
    ids=["fresh", "round_a", "round_b", "round_c"],
)
def test_each_tuned_table_meets_the_targets(
    disclosures: list[tuple[str, str]], idioms: list[str]
) -> None:
    hits = sum(bool(safeguarding.concerns(text)) for text, _ in disclosures)
    alarms = sum(bool(safeguarding.concerns(text)) for text in idioms)
    assert hits / len(disclosures) >= 0.95
    assert alarms / len(idioms) <= 0.10


def test_held_out_table_does_not_fall_below_what_was_measured() -> None:
    """Not the target: a floor, so the honest held-out figure cannot quietly get worse."""
    hits = sum(bool(safeguarding.concerns(text)) for text, _ in HELD_OUT)
    alarms = sum(bool(safeguarding.concerns(text)) for text in HELD_OUT_IDIOMS)
    assert hits / len(HELD_OUT) >= 0.75
    assert alarms / len(HELD_OUT_IDIOMS) <= 0.10


def test_fresh_tables_cover_every_category_and_are_big_enough() -> None:
    for table in (REVIEWER + FRESH, ROUND_A, ROUND_B, ROUND_C, HELD_OUT):
        assert {category for _, category in table} == set(safeguarding.CATEGORIES)
    assert len(REVIEWER + FRESH) >= 80 and len(FRESH_IDIOMS) >= 40
    everything = DISCLOSURES + HELD_OUT
    assert len({text for text, _ in everything}) == len(everything)
    assert len(set(IDIOMS + HELD_OUT_IDIOMS)) == len(IDIOMS + HELD_OUT_IDIOMS)


def _texts() -> list[str]:
    with OUTREACH.open(newline="", encoding="utf-8") as handle:
        outreach = [row["text"] for row in csv.DictReader(handle)]
    tables = [text for text, _ in DISCLOSURES + HELD_OUT] + IDIOMS + HELD_OUT_IDIOMS
    return outreach + tables + [t for t, _ in first_table.DISCLOSURES] + first_table.IDIOMS


def test_filing_patterns_by_opening_finds_what_one_big_regex_finds() -> None:
    """The speed-up (patterns tried only where their opening letters are) changes nothing."""
    big = {cat: re.compile(safeguarding._wrap(p)) for cat, p in safeguarding.CATEGORIES.items()}
    idioms = re.compile(safeguarding._wrap(safeguarding.HARMLESS))
    for text in _texts():
        norm = normalise(text)
        norm = safeguarding._CONTRACTION.sub(lambda m: safeguarding._CONTRACTIONS[m.group(1)], norm)
        prepared = " " + idioms.sub(" ~ ", norm) + " "
        assert safeguarding.prepared(text) == prepared
        expected = {
            cat
            for cat, rx in big.items()
            if any(not safeguarding._negated(prepared, m.start()) for m in rx.finditer(prepared))
        }
        assert safeguarding.matched(prepared) == expected, text
