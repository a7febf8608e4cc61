"""Safeguarding: the wide net (`safeguarding.WIDE`) on tables written for it.

The phrase patterns (`safeguarding.CATEGORIES`) scored 100% on the tables they were tuned on
but caught only about half of disclosures written afterwards. The wide net is a second layer
of word-level rules (stems with their inflections, joined to a person, partner, child or
threat a few words away), written from the tables below. Lower case, text-speak, dialect and
misspellings on purpose. Targets (issue 3): recall >= 0.95, false alarms <= 10%.

How the tables were used, so the numbers are read honestly (docs/accuracy.md):
- DEV was written first and measured on the phrase rules alone (61% recall, 1 false alarm in
  65); the wide net was written from it. DEV_IDIOMS_2 probes the wide net's new words.
- SECOND was written before the wide net and measured once on the first draft (88%); THIRD,
  FOURTH and FIFTH were each written after the previous tuning and measured once (52%, 55%,
  58%; the phrase rules alone: 41%, 47%, 41%). All were then tuned on, so they now guard
  against regressions but say little about unseen wording.
- HELD_OUT_WIDE was written last, after all tuning, and measured once: 70% recall (the
  phrase rules alone: 52%), 5 false alarms in 32. The four wide rules behind those false
  alarms were then narrowed; its misses were never tuned on. Do not add rules for them: if
  you improve the rules, write a new held-out set and measure that instead.
"""

from __future__ import annotations

import pytest

from analysis import safeguarding
from tests import test_analysis_safeguarding as first_table
from tests import test_analysis_safeguarding_fresh as fresh
from tests.safeguarding_helpers import one_regex_matches

# Development set: written first; the wide net was written from its misses.
DEV: list[tuple[str, str]] = [
    # immediate danger
    ("he knows im here n hes raging, pls dont let me go back out", "immediate_danger"),
    ("i cant go bk to the flat 2nite hes waitin", "immediate_danger"),
    ("hes sayin hes gonna end me", "immediate_danger"),
    ("theres a car circling me with 3 blokes in it i'm bricking it", "immediate_danger"),
    ("he texted saying im a dead woman", "immediate_danger"),
    ("someone is gonna get hurt tonight i can feel it", "immediate_danger"),
    ("i need out of there tonight before he gets home", "immediate_danger"),
    ("he's got a blade on him and hes looking 4 me", "immediate_danger"),
    ("scared stiff to go home honestly", "immediate_danger"),
    ("please can someone come with me i'm terrified of him", "immediate_danger"),
    ("he said if he sees me on the beat again ill be in a box", "immediate_danger"),
    ("i dont feel safe goin back there tonight at all", "immediate_danger"),
    ("my dealer says im getting done in if i dont pay by friday", "immediate_danger"),
    ("he swore hed murder me", "immediate_danger"),
    # self harm suicide
    ("gonna drown myself in the canal", "self_harm_suicide"),
    ("i keep thinking about stepping off the multi storey", "self_harm_suicide"),
    ("i been slicing my arms again", "self_harm_suicide"),
    ("wanna just disappear for good", "self_harm_suicide"),
    ("no point me being around anymore", "self_harm_suicide"),
    ("thinking of taking all my script at once and that's me", "self_harm_suicide"),
    ("i want to kill myself", "self_harm_suicide"),
    ("wish i could just not exist", "self_harm_suicide"),
    ("i tied a rope up in the stairwell last week", "self_harm_suicide"),
    ("been hurting meself again with the lighter", "self_harm_suicide"),
    ("i feel like ending everything tbh", "self_harm_suicide"),
    ("everyone would be better if i wasnt here", "self_harm_suicide"),
    ("tried to od on purpose at xmas", "self_harm_suicide"),
    ("i'm gonna jump off the car park roof one day", "self_harm_suicide"),
    # violence assault
    ("a punter slashed my face with a stanley knife", "violence_assault"),
    ("he tried to choke me in the car", "violence_assault"),
    ("some bloke battered me behind the garages", "violence_assault"),
    ("got kicked in the head last night by some lads", "violence_assault"),
    ("this guy bit me and wouldnt let go", "violence_assault"),
    ("a man dragged me into the bushes", "violence_assault"),
    ("punter got rough and i've got bruises all over", "violence_assault"),
    ("he held a knife against me and took my phone", "violence_assault"),
    ("2 girls jumped me for my bag", "violence_assault"),
    ("he raped me in his van", "violence_assault"),
    ("someone drugged me and i woke up with no clothes on", "violence_assault"),
    ("the guy beat the crap out of me", "violence_assault"),
    ("he strangled me till i passed out", "violence_assault"),
    ("someone hit me over the head with a bottle", "violence_assault"),
    # domestic abuse
    ("my fella slaps me about when hes had a drink", "domestic_abuse"),
    ("my bf takes my whole giro the minute it lands", "domestic_abuse"),
    ("my husband wont let me see my mum", "domestic_abuse"),
    ("baby dad punched me in the stomach when i was expecting", "domestic_abuse"),
    ("my ex keeps threatening me", "domestic_abuse"),
    ("my partner hurts me", "domestic_abuse"),
    ("my boyfriend chokes me during rows", "domestic_abuse"),
    ("me and my fella had a row and he gave me a black eye", "domestic_abuse"),
    ("my fella smashes the place up and blames me", "domestic_abuse"),
    ("my man makes me hand over everything i earn", "domestic_abuse"),
    ("my other half locks me in the bedroom", "domestic_abuse"),
    ("my bf goes thru my phone every night and kicks off", "domestic_abuse"),
    ("my partner throws things at me", "domestic_abuse"),
    ("ex boyfriend keeps hitting me when he sees me", "domestic_abuse"),
    # stalking harassment
    ("this punter keeps waiting for me at the end of my road", "stalking_harassment"),
    ("some guy keeps messaging me off different numbers", "stalking_harassment"),
    ("he follows me home every night", "stalking_harassment"),
    ("my ex wont leave me alone", "stalking_harassment"),
    ("there's a man who keeps turning up wherever i am", "stalking_harassment"),
    ("someones been watching my flat", "stalking_harassment"),
    ("he put a tracker on my phone", "stalking_harassment"),
    ("bloke keeps sitting in his car across from my door", "stalking_harassment"),
    ("a punter got my number and wont stop calling", "stalking_harassment"),
    ("same fella has been following me round town all week", "stalking_harassment"),
    ("he's posting stuff about me on facebook", "stalking_harassment"),
    ("some guy keeps showing up at the drop in asking for me", "stalking_harassment"),
    ("i keep seeing him everywhere i go its not a coincidence", "stalking_harassment"),
    ("he keeps ringing n ringing from a private number", "stalking_harassment"),
    # exploitation trafficking
    ("my debt keeps going up so i can never stop", "exploitation_trafficking"),
    ("they make me do 10 punters a night", "exploitation_trafficking"),
    ("i owe him for the gear so i work for him", "exploitation_trafficking"),
    ("he keeps my passport in his safe", "exploitation_trafficking"),
    ("they move me round different hotels every few days", "exploitation_trafficking"),
    ("he takes my money every night", "exploitation_trafficking"),
    ("they said it was a cleaning job but it wasnt", "exploitation_trafficking"),
    ("i have to give him half of everything", "exploitation_trafficking"),
    ("the guy who runs the house decides who i see", "exploitation_trafficking"),
    ("they wont let me stop until the debt is paid", "exploitation_trafficking"),
    ("i dont get to keep a penny", "exploitation_trafficking"),
    ("im made to go out every night even when im ill", "exploitation_trafficking"),
    ("they brought me here from romania and took my documents", "exploitation_trafficking"),
    ("the men at the flat say i have to earn 300 a night", "exploitation_trafficking"),
    # child safeguarding
    ("there's a girl out here looks about 15", "child_safeguarding"),
    ("a lass in her school uniform getting in cars", "child_safeguarding"),
    ("my kid saw him hit me", "child_safeguarding"),
    ("my little one is left with whoever when i work", "child_safeguarding"),
    ("theres a young kid doing runs for the dealers", "child_safeguarding"),
    ("her daughter is 14 and shes going with older men", "child_safeguarding"),
    ("my son's dad hits him", "child_safeguarding"),
    ("kids in that flat havent eaten for days", "child_safeguarding"),
    ("a 13 year old was at the party with the punters", "child_safeguarding"),
    ("my daughter is being groomed by some bloke online", "child_safeguarding"),
    ("some bloke was trying to pick up a schoolgirl on the beat", "child_safeguarding"),
    ("my baby was in the room when he was battering me", "child_safeguarding"),
    ("theres a girl sleeping rough who cant be more than 16", "child_safeguarding"),
    ("my kids are scared of him", "child_safeguarding"),
    # overdose medical
    ("my mate went limp and her lips were blue", "overdose_medical"),
    ("she stopped breathin after a bag", "overdose_medical"),
    ("found him grey on the floor of the toilets", "overdose_medical"),
    ("had to narcan my mate twice last night", "overdose_medical"),
    ("she was fitting after smoking the new stuff", "overdose_medical"),
    ("lad in the hostel went over and didnt come back", "overdose_medical"),
    ("i think my drink was drugged i blacked out", "overdose_medical"),
    ("my mate dropped on the floor and was unresponsive", "overdose_medical"),
    ("she collapsed in the street", "overdose_medical"),
    ("my leg has gone all black where i inject", "overdose_medical"),
    ("i think i took too much, can hardly breathe", "overdose_medical"),
    ("my friend od'd in the squat", "overdose_medical"),
    ("she's been throwing up blood", "overdose_medical"),
    ("he was floppy and we couldnt wake him", "overdose_medical"),
]

# Harmless comments sharing its vocabulary, written with it.
DEV_IDIOMS: list[str] = [
    "the soup was to die for",
    "i'd murder a bacon sandwich",
    "that coat is killer",
    "the new nurse is a knockout",
    "my feet are killing me after all that walking",
    "you lot saved my life this winter",
    "i'm dying for a cuppa",
    "i could strangle a biscuit right now",
    "we had a blast at the xmas party",
    "knocked out by how kind the staff are",
    "thanks for the hot chocolate, hit the spot",
    "the van is always a safe space",
    "the self defence class was brilliant",
    "i got my passport back from the council, thanks for helping",
    "the worker helped me sort out my debt",
    "i owe you lot a massive thank you",
    "cheers for the naloxone training",
    "my kids loved the christmas presents",
    "my daughter is doing well at school",
    "my boyfriend says thanks for the sleeping bag",
    "the stab vests the police wear scare me a bit lol",
    "the needle exchange is spot on",
    "you helped me get my son back",
    "my fella is really supportive",
    "the police talk was useful",
    "the girls were laughing their heads off",
    "i'm bursting for the loo",
    "dead good service",
    "nearly froze to death waiting but the tea sorted me",
    "the wind was brutal tonight",
    "my phone keeps dying on me",
    "i keep losing my lighter",
    "the queue was a killer",
    "smashed it with the new menu",
    "the worker followed up on my housing like she said",
    "thanks for following up with the gp",
    "it was great to see everyone tonight",
    "i'm off to the dentist tomorrow, scared stiff lol",
    "knackered but happy",
    "i could kill for a kebab",
    "my partner and me both came tonight",
    "she went over to the clinic with me",
    "the blue van is easier to spot",
    "we had a laugh, proper cracked me up",
    "got a new phone so you can message me",
    "can i get a few more condoms please",
    "the kids' clothes bank is brilliant",
    "my ex finally gave me my stuff back, result",
    "i moved into my new flat",
    "i'm not scared anymore since i left him",
    "i'm safe now thank you",
    "you helped me when i was at rock bottom",
    "thanks for the sandwiches and the chat",
    "hot water bottle was a godsend",
    "i keep forgetting my appointments",
    "dying to see my grandkids at the weekend",
    "the drop in was heaving",
    "my mate's baby is gorgeous",
    "free haircut was amazing",
    "i'd love more fruit in the bags",
    "the worker was watching out for me, really kind",
    "punters are quiet tonight so i'll head off early",
    "cold enough to freeze your bits off",
    "the van was late but the staff made up for it",
    "i nearly cried when you remembered my birthday",
]

# Harder decoys, written after the first draft of the wide net to probe its new words.
DEV_IDIOMS_2: list[str] = [
    "my partner is waiting outside, can i grab him a sandwich",
    "my boyfriend keeps texting me to hurry up lol",
    "the grey hoodie fits perfect",
    "it was so cold my fingers went blue",
    "the breathing exercises helped with my anxiety",
    "i owe my mate a tenner",
    "sorted my passport out at last",
    "my kids are staying at my mums this week",
    "my son hit a growth spurt, needs new trainers",
    "i had a fit of the giggles",
    "the staff went over and above",
    "my daughter was scared of the dog but the worker was lovely",
    "my fella went for a job interview today",
    "he kicked off a bit in the queue but the staff calmed it down",
    "i'm waiting for my script",
    "i followed your advice about the gp",
    "someone called an ambulance for a lad who fell, the staff were great",
    "my husband made me a brew before i came",
    "they made me feel welcome",
    "my phone died so i couldn't ring",
    "the van didn't stop at our corner tonight",
    "i keep getting messages from the council about my rent",
    "we got drenched waiting for the van",
    "i used to be scared of coming here but not now",
    "my ex is a good dad to the kids",
    "i'm gonna kill it at my interview",
    "i can't go home yet, the hostel doesn't open till 9",
    "the lads outside the shop were friendly",
    "my boyfriend takes me to my appointments",
    "thanks for the naloxone kit, hopefully never need it",
    "i was scared stiff of the needle but the nurse was gentle",
    "my mate dropped her phone in the canal lol",
    "i'm struggling with money this month",
    "can you help me fill in my pip form",
    "my kids miss me when i'm at work",
    "the man at the desk was really patient",
    "my boyfriend is jealous of how much i love the soup",
    "the cold hit me as soon as i left the van",
    "i hurt my back lifting boxes",
    "she beat me at cards again",
]

# Second set: written before the wide net, measured once on it (88%), then tuned on.
SECOND: list[tuple[str, str]] = [
    # immediate danger
    ("hes outside the van right now can u ring someone", "immediate_danger"),
    ("if i go home tonite im not coming out alive", "immediate_danger"),
    ("he sent me a pic of a knife and said see u later", "immediate_danger"),
    ("i think theyre gonna kill me over the money", "immediate_danger"),
    ("need a bed tonight i cant go back there, hes lost it", "immediate_danger"),
    ("pls help hes been drinking all day n hes after me", "immediate_danger"),
    ("he told me ill end up in the river", "immediate_danger"),
    ("i'm scared for tonight, he said he's coming round", "immediate_danger"),
    # self harm suicide
    ("i just want it all to stop for good", "self_harm_suicide"),
    ("been stashing my pregabs for a bad day", "self_harm_suicide"),
    ("sometimes i think about walking into the sea", "self_harm_suicide"),
    ("i cut again last night, deeper this time", "self_harm_suicide"),
    ("whats the point of me", "self_harm_suicide"),
    ("id be better off gone tbh", "self_harm_suicide"),
    ("wrote my mum a letter saying sorry for everything, just in case", "self_harm_suicide"),
    ("i ran in front of a car on purpose last week", "self_harm_suicide"),
    # violence assault
    ("punter pulled my hair and smashed my head off the dashboard", "violence_assault"),
    ("got stamped on by a group of lads", "violence_assault"),
    ("he made me do things i didnt want to and wouldnt pay", "violence_assault"),
    ("a bloke pinned me to the floor and wouldnt get off", "violence_assault"),
    ("some guy chucked a brick at my head", "violence_assault"),
    ("this punter bit my lip till it bled", "violence_assault"),
    ("woke up in a strange flat with no knickers on", "violence_assault"),
    ("a man forced me into the back of his car", "violence_assault"),
    # domestic abuse
    ("my fella booted me out in my socks in the rain after a row", "domestic_abuse"),
    ("my husband says if i leave hell find me", "domestic_abuse"),
    ("my boyfriend takes my card n gives me a tenner a week", "domestic_abuse"),
    ("my partner went for me with a kitchen knife", "domestic_abuse"),
    ("my bf broke my phone so i cant call anyone", "domestic_abuse"),
    ("my ex put me in a&e last year and hes out of prison now", "domestic_abuse"),
    ("hubby decides what i wear and who i talk to", "domestic_abuse"),
    ("my baby's father chucked me down the stairs", "domestic_abuse"),
    # stalking harassment
    ("a punter keeps texting me saying he knows what i'm wearing", "stalking_harassment"),
    ("this man keeps parking up by my hostel every night", "stalking_harassment"),
    ("hes made loads of fake accounts to message me", "stalking_harassment"),
    ("he turns up at my mums looking for me", "stalking_harassment"),
    ("some bloke keeps trailing me from the bus stop", "stalking_harassment"),
    ("my ex keeps driving past my place at all hours", "stalking_harassment"),
    ("someone keeps leaving stuff on my doorstep, creeping me out", "stalking_harassment"),
    ("a guy has been hanging round my spot every night staring", "stalking_harassment"),
    # exploitation trafficking
    ("he says i still owe him 2 grand and adds more every week", "exploitation_trafficking"),
    ("the woman who brought me keeps all the money for my flight", "exploitation_trafficking"),
    ("i work out of a flat and they lock the door from outside", "exploitation_trafficking"),
    ("they take photos of me and put them on websites", "exploitation_trafficking"),
    ("my 'boyfriend' sends me out to earn for him", "exploitation_trafficking"),
    ("some lads have took over my flat and sell from it", "exploitation_trafficking"),
    ("i get driven to a different town each weekend", "exploitation_trafficking"),
    (
        "they said id earn good money in england but i just pay them back",
        "exploitation_trafficking",
    ),
    # child safeguarding
    ("theres a kid no older than 14 hanging round the punters", "child_safeguarding"),
    ("my daughter's dad is back on the gear and has her weekends", "child_safeguarding"),
    ("the baby gets left in the flat when she goes out grafting", "child_safeguarding"),
    ("my boy is 15 and hes carrying for some older lads", "child_safeguarding"),
    ("a teenage girl asked me how to get punters", "child_safeguarding"),
    ("my lad has bruises and wont say where from", "child_safeguarding"),
    ("my 12 year old found my needles", "child_safeguarding"),
    ("little girl in year 9 getting picked up by a man in a bmw", "child_safeguarding"),
    # overdose medical
    ("my mate was snoring funny after her dig then went quiet", "overdose_medical"),
    ("she was blue and cold when we found her", "overdose_medical"),
    ("we gave him the spray and he came round", "overdose_medical"),
    ("my friend took a load of xanax and wont answer", "overdose_medical"),
    ("i cant feel my legs after that bag", "overdose_medical"),
    ("had a fit in the street yesterday", "overdose_medical"),
    ("my arm is huge and hot where i missed", "overdose_medical"),
    ("girl next door went down and we had to do cpr", "overdose_medical"),
]

# Its harmless comments (2 false alarms in 32 when measured).
SECOND_IDIOMS: list[str] = [
    "cheers for the tea, you lot are lifesavers",
    "the fella in the van made me laugh",
    "i love the staff, they'd do anything for you",
    "my kids say hi",
    "the knife and fork set in the pack is handy",
    "got my first payslip from my new job",
    "the rain battered down all night but the van was cosy",
    "i owe the worker a cake",
    "thanks for helping with my debt letters",
    "that new girl at the desk is brill",
    "my boyfriend picked me up after",
    "my daughter's birthday is next week, any chance of a card",
    "my mate says the nurse is lovely",
    "i'd kill for some decent socks",
    "it's freezing, i was blue with cold till the tea",
    "i've been off the gear three weeks now",
    "my partner is coming to the drop in next time",
    "the girls all chipped in for the collection",
    "the police were actually decent for once",
    "my son starts college in september",
    "you lot keep me going",
    "i need a new charger, mine keeps cutting out",
    "i'm scared of the dentist lol",
    "shame the van had to leave early",
    "my ex and i are on good terms now",
    "we were watching the fireworks from the bridge",
    "my baby is teething so i'm shattered",
    "the hand warmers were a hit",
    "lovely to have someone to talk to",
    "loved the pamper night",
    "i'm not in any danger, just wanted a chat",
    "can you bring more naloxone kits next week",
]

# Third set: written after tuning on the second, measured once (52%), then tuned on.
THIRD: list[tuple[str, str]] = [
    # immediate danger
    ("can i stay in the van a bit longer, he's parked up the road watching", "immediate_danger"),
    ("hes threatnin to stab me if i dont come back wiv the money", "immediate_danger"),
    ("my pimp found out i talked to u lot, i'm in big trouble tonight", "immediate_danger"),
    ("honestly think he might actually kill me this time", "immediate_danger"),
    ("i got nowhere to go and hes got my keys, he said hes gonna batter me", "immediate_danger"),
    ("the guy from last week is back and asking the girls where i am", "immediate_danger"),
    ("im shaking, he just tried to drag me into his car", "immediate_danger"),
    ("if he finds me i'm done for", "immediate_danger"),
    # self harm suicide
    ("dont see myself being here by christmas", "self_harm_suicide"),
    ("been thinking the world would be better without me in it", "self_harm_suicide"),
    ("i took a load of my mums tablets last week on purpose", "self_harm_suicide"),
    ("sometimes i hold the blade against my wrist just to feel something", "self_harm_suicide"),
    ("i've had enough, i'm going to finish it tonight", "self_harm_suicide"),
    ("keep having thoughts of putting a bag over my head", "self_harm_suicide"),
    ("i looked up how many paracetamol it takes", "self_harm_suicide"),
    ("wanna go to sleep and never wake up tbh", "self_harm_suicide"),
    # violence assault
    ("a punter kept hold of me and wouldnt let me out", "violence_assault"),
    ("somebody threw acid at one of the girls on the corner", "violence_assault"),
    ("got a kicking off some lads on saturday", "violence_assault"),
    ("he had sex with me when i was passed out", "violence_assault"),
    ("this guy twisted my arm behind my back till it cracked", "violence_assault"),
    ("punter refused to pay then smacked me one", "violence_assault"),
    ("someone set my hair on fire for a laugh", "violence_assault"),
    ("got sexually assaulted in the park by a bloke", "violence_assault"),
    # domestic abuse
    ("my fella dunt let me have my own bank card", "domestic_abuse"),
    ("my husband hits me when the kids are in bed", "domestic_abuse"),
    ("my bf says ill never see my kids again if i leave", "domestic_abuse"),
    ("my other half reads all my messages and goes mental", "domestic_abuse"),
    ("my man broke my ribs last month", "domestic_abuse"),
    ("my partner gets nasty when hes on the drink", "domestic_abuse"),
    ("my ex turned up and smashed my windows", "domestic_abuse"),
    ("im not allowed out unless my boyfriend says so", "domestic_abuse"),
    # stalking harassment
    ("some man has been sending me flowers and notes and i dont know him", "stalking_harassment"),
    ("my ex keeps making new accounts to message me after i block him", "stalking_harassment"),
    ("a guy in a white van keeps pulling up next to me", "stalking_harassment"),
    ("this punter found my address and has been coming by", "stalking_harassment"),
    ("someone is phoning me at 3am and just breathing", "stalking_harassment"),
    ("he's put my pictures up on a website without asking", "stalking_harassment"),
    ("a bloke keeps hanging about outside the hostel asking for me", "stalking_harassment"),
    ("my ex is always sat outside my work", "stalking_harassment"),
    # exploitation trafficking
    ("they make me sleep at the flat and i only get out to work", "exploitation_trafficking"),
    ("i'm only given food if i make enough", "exploitation_trafficking"),
    ("a man set me up on an app and takes the money", "exploitation_trafficking"),
    ("i came here for a nanny job but they put me on the street", "exploitation_trafficking"),
    ("he keeps my bank card and i get 20 quid a week back", "exploitation_trafficking"),
    ("the lads use my flat to deal and i cant kick them out", "exploitation_trafficking"),
    ("i have to see whoever they send, i dont get a say", "exploitation_trafficking"),
    (
        "she says i cant leave until i've paid off the flight and the room",
        "exploitation_trafficking",
    ),
    # child safeguarding
    ("theres a lass on the corner tonight still in her school shirt", "child_safeguarding"),
    ("my boy is being made to hold stuff for the dealers", "child_safeguarding"),
    ("the kids were in the car when he was using", "child_safeguarding"),
    ("a girl who can't be older than 15 was with a punter", "child_safeguarding"),
    ("my youngest hasnt been to school in weeks and i cant get him up", "child_safeguarding"),
    ("my daughter is staying with a man of 30, she's 16", "child_safeguarding"),
    ("some of the girls on the beat look like kids", "child_safeguarding"),
    ("my little girl keeps asking why daddy shouts and hits mummy", "child_safeguarding"),
    # overdose medical
    ("my mate went a funny colour and we couldnt get her to talk", "overdose_medical"),
    ("lass in the doorway wasn't moving, lips were purple", "overdose_medical"),
    ("had a bad reaction to the new gear, couldn't stop shaking", "overdose_medical"),
    ("my mate keeps nodding off mid sentence and is hard to wake", "overdose_medical"),
    ("i think i've got an infection, my arm is red and hot and i feel rough", "overdose_medical"),
    ("she fell and smashed her head and was confused", "overdose_medical"),
    ("girl at the hostel od'd again last night", "overdose_medical"),
    ("we had to breathe for him till the paramedics got there", "overdose_medical"),
]

# Its harmless comments (2 false alarms in 32 when measured).
THIRD_IDIOMS: list[str] = [
    "the new worker is a right laugh",
    "i'd kill to have a bath at the drop in",
    "my kids start school next week, so excited",
    "can you bring more blue bags",
    "my fella is driving me to rehab on monday",
    "i was dead scared about the smear test but it was fine",
    "my mate passed her driving test",
    "the coffee is strong enough to knock you out",
    "i got hit with a massive phone bill",
    "the new shoes are killing my feet",
    "my partner says hi to all the staff",
    "i owe my sister a visit",
    "my daughter made me a card",
    "i'm addicted to your flapjacks",
    "we were laughing so hard i couldn't breathe",
    "my ex came to my son's birthday and it was nice",
    "the police came by the van to say hello",
    "sorry i missed last week, my baby was poorly",
    "i'm trying to keep my head down and stay clean",
    "thanks for sorting my bus pass",
    "the staff always check we've got a lift home",
    "i'm running late tonight",
    "the heater in the van is a lifesaver",
    "im gonna murder that cake",
    "i lost my bank card again lol",
    "you lot keep me sane",
    "i kept the leaflet about housing",
    "my lad got into college",
    "the doctor said my breathing is better since i quit smoking",
    "my mate dropped by with some clothes",
    "it's been a rough week but i'm ok",
    "the man at the job centre was rude",
]

# Fourth set: written after tuning on the third, measured once (55%), then tuned on.
FOURTH: list[tuple[str, str]] = [
    # immediate danger
    (
        "is there anywhere i can go tonight, i cant be at the flat when he gets out",
        "immediate_danger",
    ),
    ("he's sat in his car by the chippy waiting for me to finish", "immediate_danger"),
    ("they've said next time they see me out they'll do my legs", "immediate_danger"),
    ("i'm too scared to walk back on my own after what happened", "immediate_danger"),
    ("my dealer has put a price on my head", "immediate_danger"),
    ("he messaged saying watch your back", "immediate_danger"),
    ("i have to go back tonight and i know what's coming", "immediate_danger"),
    ("someone is going round saying they'll cut me", "immediate_danger"),
    # self harm suicide
    ("i cant see a way forward anymore", "self_harm_suicide"),
    ("i've started hurting myself again to cope", "self_harm_suicide"),
    ("part of me hopes i dont wake up tomorrow", "self_harm_suicide"),
    ("i sat on the edge of the roof for an hour last night", "self_harm_suicide"),
    ("everyone's sick of me, i'd be doing them a favour by going", "self_harm_suicide"),
    ("i took all my mirtazapine at once but woke up", "self_harm_suicide"),
    ("gave my dog away to my sister so shes looked after when im gone", "self_harm_suicide"),
    ("ive been scratching my arms till they bleed", "self_harm_suicide"),
    # violence assault
    ("got my head kicked in near the station", "violence_assault"),
    ("some lad robbed me at knifepoint", "violence_assault"),
    ("a punter wouldnt pay and then he went for me with a bottle", "violence_assault"),
    ("he held me down and did what he wanted", "violence_assault"),
    ("theres a man going round hurting girls in the park", "violence_assault"),
    ("i was battered black and blue on friday", "violence_assault"),
    ("this bloke forced me to do it without a johnny", "violence_assault"),
    ("my mates been beaten up by a punter, her face is a mess", "violence_assault"),
    # domestic abuse
    ("my fella knocks me about", "domestic_abuse"),
    ("my husband decides when i can eat", "domestic_abuse"),
    ("every time my partner drinks i end up with bruises", "domestic_abuse"),
    ("me boyfriend grabbed me by the throat last nite", "domestic_abuse"),
    ("my ex wont give me my stuff back and keeps threatening my mum", "domestic_abuse"),
    ("my bf takes my benefits and gives me nothing", "domestic_abuse"),
    ("i have to ask my husband for money for tampons", "domestic_abuse"),
    ("my baby's dad turned up drunk and smashed the door in", "domestic_abuse"),
    # stalking harassment
    ("he keeps showing up at the van when i'm here", "stalking_harassment"),
    ("a punter has my number and texts me horrible stuff all night", "stalking_harassment"),
    ("i think someones been following me from the hostel to the beat", "stalking_harassment"),
    ("i moved but he still found me", "stalking_harassment"),
    ("my ex has been messaging my friends asking where i am", "stalking_harassment"),
    ("same car has been round the block 4 times tonight slowing down by me", "stalking_harassment"),
    ("he waits for me every night at the end of the street", "stalking_harassment"),
    ("someone has been going through my bins and leaving notes", "stalking_harassment"),
    # exploitation trafficking
    ("the man i live with says i have to earn my keep with his mates", "exploitation_trafficking"),
    ("they took my phone and gave me a different one that they check", "exploitation_trafficking"),
    ("i'm not allowed to talk to anyone, he watches from the car", "exploitation_trafficking"),
    ("i was sold to another man for 500", "exploitation_trafficking"),
    ("they keep adding to what i owe for the room", "exploitation_trafficking"),
    ("i have to bring back 200 or i get hurt", "exploitation_trafficking"),
    ("she brought me over from hungary and now she runs me", "exploitation_trafficking"),
    ("i dont know what town im in, they drove me here last night", "exploitation_trafficking"),
    # child safeguarding
    (
        "there's a young lass, maybe 13, going with the older lads in the car park",
        "child_safeguarding",
    ),
    ("my son comes home with cash and new trainers and wont say where from", "child_safeguarding"),
    ("the kids have been home alone all weekend", "child_safeguarding"),
    ("my ex is violent and has the kids this weekend", "child_safeguarding"),
    ("a man at the hostel keeps giving my daughter presents", "child_safeguarding"),
    ("my kids have seen me being hit", "child_safeguarding"),
    (
        "a kid in school uniform asked me for a light and went off with a punter",
        "child_safeguarding",
    ),
    ("my 15 year old has been sending pictures to a man", "child_safeguarding"),
    # overdose medical
    (
        "my mate took a pill at the party and now shes not right, really hot and confused",
        "overdose_medical",
    ),
    ("she went really pale and her eyes rolled back", "overdose_medical"),
    ("found a guy slumped in the underpass not breathing properly", "overdose_medical"),
    ("i OD'd last week, got brought back by the paramedics", "overdose_medical"),
    ("my leg is swollen and it hurts to walk, its where i inject", "overdose_medical"),
    ("my friend went down after a line and was jerking", "overdose_medical"),
    ("i'm pregnant and been bleeding since yesterday", "overdose_medical"),
    (
        "she drank a whole bottle of vodka and took her pills and wont wake properly",
        "overdose_medical",
    ),
]

# Its harmless comments (1 false alarm in 32 when measured).
FOURTH_IDIOMS: list[str] = [
    "my mates been beaten at pool all night lol",
    "the van was a lifesaver when it was snowing",
    "can i have a sleeping bag for my partner",
    "i followed the nurse's advice about my leg and it's better",
    "my son got a job at the chippy",
    "the lasses were singing in the van, was a laugh",
    "i'm scared of spiders not men lol",
    "my fella bought me flowers for my birthday",
    "we had to wait ages but it was worth it",
    "i got a new phone so my number has changed",
    "i owe it all to you guys",
    "my daughter's pregnant, i'm gonna be a nan",
    "the soup was killer tonight",
    "the needle exchange moved, can you tell me where",
    "i keep running out of data",
    "the kids are off school so i came early",
    "the man who runs the cafe gave us free tea",
    "i'm struggling to sleep at the hostel, it's noisy",
    "i'd love some hair dye if you have any",
    "thanks for the hand cream, my hands were cracked",
    "my ex and me are co parenting fine now",
    "the guy in the van knows his stuff about benefits",
    "i dropped my bag on the way here, spilt everything",
    "i've got a cold, can i have some lemsip",
    "thank you for not judging me",
    "the lads from the church brought cakes",
    "i've been clean six months",
    "the new gloves are toasty",
    "i could eat a horse",
    "my partner is taking me out for tea for my birthday",
    "i was gutted the van was full",
    "i keep seeing the same worker which is nice",
]

# Fifth set: written after tuning on the fourth, measured once (58%), then tuned on.
FIFTH: list[tuple[str, str]] = [
    # immediate danger
    ("please dont tell him i was here, he'll go mad and i'll pay for it", "immediate_danger"),
    ("he's just got out of prison and he knows where i'm staying", "immediate_danger"),
    ("they said they're coming to the hostel for me tonight", "immediate_danger"),
    ("i'm sleeping in the stairwell cos its not safe at mine", "immediate_danger"),
    ("he had a machete in the boot and showed me", "immediate_danger"),
    ("i need to get to my sisters in leeds tonight or i'm finished", "immediate_danger"),
    ("my pimp said if i run he'll hurt my little sister", "immediate_danger"),
    ("i'm terrified he'll turn up at the van", "immediate_danger"),
    # self harm suicide
    ("i just feel like everyone would be happier if i wasn't around", "self_harm_suicide"),
    ("i keep a razor in my purse for when it gets too much", "self_harm_suicide"),
    ("ive written letters to my kids", "self_harm_suicide"),
    ("i've been looking at the train tracks a lot lately", "self_harm_suicide"),
    ("i put my hand on the hob on purpose last night", "self_harm_suicide"),
    ("i dont want to do this anymore, any of it", "self_harm_suicide"),
    ("i nearly jumped last week, my mate pulled me back", "self_harm_suicide"),
    ("i was gonna take the lot but i didnt have enough", "self_harm_suicide"),
    # violence assault
    ("a lad snatched my bag and pushed me over, hit my head on the kerb", "violence_assault"),
    ("this punter choked me out in the back of his car", "violence_assault"),
    ("the guy i went with last night wouldnt stop when i told him to", "violence_assault"),
    ("some woman glassed my mate outside the pub", "violence_assault"),
    ("i was grabbed off the street and bundled into a van", "violence_assault"),
    ("he slammed the car door on my hand on purpose", "violence_assault"),
    ("punter pulled a knife and took my earnings", "violence_assault"),
    ("i've got stitches in my head from saturday", "violence_assault"),
    # domestic abuse
    ("my boyfriend gets angry and i end up on the floor", "domestic_abuse"),
    ("my partner broke my arm and i said i fell", "domestic_abuse"),
    ("my fella tells me i'm nothing without him", "domestic_abuse"),
    ("my husband wont let me go to the doctors alone", "domestic_abuse"),
    ("my ex tipped boiling water on me", "domestic_abuse"),
    ("when my boyfriend's on the crack he beats me", "domestic_abuse"),
    ("my partner cut up all my clothes and threw them out", "domestic_abuse"),
    ("my bf makes me give him my pin", "domestic_abuse"),
    # stalking harassment
    ("i keep getting calls from a number i dont know and no one speaks", "stalking_harassment"),
    ("a punter got obsessed, he's at every corner i work", "stalking_harassment"),
    ("my ex knows everything i do, he must be in my phone", "stalking_harassment"),
    ("some guy followed me all the way to the van", "stalking_harassment"),
    ("theres a man who sits in the cafe opposite my flat all day", "stalking_harassment"),
    ("he's sending me hundreds of messages a day", "stalking_harassment"),
    ("someone scratched my name into the door and wrote slag", "stalking_harassment"),
    ("he keeps turning up at my mums and my work", "stalking_harassment"),
    # exploitation trafficking
    ("i have to hand my money over at the end of every night", "exploitation_trafficking"),
    (
        "the woman said i owe her for the flights and the room and it never goes down",
        "exploitation_trafficking",
    ),
    ("they keep us in a house and drive us out to work", "exploitation_trafficking"),
    ("i'm not allowed to say no to any punter", "exploitation_trafficking"),
    ("the boss took my id when i arrived", "exploitation_trafficking"),
    ("a man pays my rent and in return i have to see his friends", "exploitation_trafficking"),
    ("im told where to stand and how much to charge", "exploitation_trafficking"),
    ("the dealer lets me off my debt if i do jobs for him", "exploitation_trafficking"),
    # child safeguarding
    ("a girl of about 14 was getting into a car with a man on the beat", "child_safeguarding"),
    ("my kids dad smacks them hard", "child_safeguarding"),
    ("my baby's been left with my ex and he's using", "child_safeguarding"),
    ("theres kids younger than my son selling for the dealers", "child_safeguarding"),
    ("my daughter's boyfriend is 28 and she's 15", "child_safeguarding"),
    ("my son was there when he stabbed me", "child_safeguarding"),
    ("the kids are scared to come home", "child_safeguarding"),
    ("my little girl had bruises after her dad had her", "child_safeguarding"),
    # overdose medical
    ("my mate's lips went a weird colour after a bag and she went floppy", "overdose_medical"),
    ("she's been asleep for ages and i can't get her up", "overdose_medical"),
    ("a guy dropped in the toilets and wasnt breathing right", "overdose_medical"),
    ("i keep blacking out since i started on the new stuff", "overdose_medical"),
    ("my foot has gone numb and dark where i've been injecting", "overdose_medical"),
    ("i've been spewing blood this morning", "overdose_medical"),
    ("my friend had a seizure and hit her head", "overdose_medical"),
    ("we had to give him naloxone three times", "overdose_medical"),
]

# Its harmless comments (1 false alarm in 32 when measured).
FIFTH_IDIOMS: list[str] = [
    "the van is a proper lifeline",
    "my mate went over the road to the shop",
    "my fella says ta for the coat",
    "i'd die for one of your bacon butties",
    "my daughter's got her gcses this year",
    "the worker waited with me for the bus, so kind",
    "i got a knock back on my flat application",
    "the leaflets about safety were handy",
    "my boyfriend and me are getting married",
    "i was knackered after walking all day",
    "someone left a bag of clothes for us, brill",
    "i'm scared i'll miss my appointment",
    "you helped me through a tough time",
    "i keep getting messages from the job centre",
    "my little boy loves the stickers",
    "can i have some plasters, cut my finger opening a tin",
    "my kids are with their dad this weekend",
    "the new staff member is lovely",
    "we all had a good cry at the memorial",
    "i'm off the streets now, got a room",
    "i took my meds today like the nurse said",
    "the worker followed me up with a phone call",
    "my ex dropped the kids off on time for once",
    "i'm struggling to keep up with my bills",
    "thanks for the condoms and lube",
    "hot choc was gr8 ta",
    "i'm fine, just tired",
    "my husband is poorly so i came on my own",
    "the van was packed out tonight",
    "i'm dying to tell you my news",
    "i had a rough night but i'm ok now",
    "my mate is doing great in her new job",
]

# Written last and measured once (70%); its misses were never tuned on.
HELD_OUT_WIDE: list[tuple[str, str]] = [
    # immediate danger
    ("can u drop me somewhere else tonight, he's sat outside my place", "immediate_danger"),
    ("they know which van i use and said theyll be waiting", "immediate_danger"),
    ("i've got to hide for a few days, people are after me over money", "immediate_danger"),
    ("if i go home tonight he'll finish me off", "immediate_danger"),
    ("he's out looking for me with his brother and they've got a bat", "immediate_danger"),
    ("i'm frightened to leave the van, he's across the road", "immediate_danger"),
    ("he said next time it'll be worse and he'll make sure no one finds me", "immediate_danger"),
    ("pls ring the police for me, i cant use my phone he checks it", "immediate_danger"),
    # self harm suicide
    ("i've been burning my arms with a lighter", "self_harm_suicide"),
    ("i keep thinking about driving into a wall", "self_harm_suicide"),
    ("there's no reason for me to be here anymore", "self_harm_suicide"),
    ("i'm so tired of everything, i want to sleep forever", "self_harm_suicide"),
    ("i've got a stash of pills saved for the right moment", "self_harm_suicide"),
    ("i tried to hang myself at the hostel but the rope snapped", "self_harm_suicide"),
    ("sometimes i just want to disappear and not come back", "self_harm_suicide"),
    ("i dont care if i live or die at this point", "self_harm_suicide"),
    # violence assault
    ("a punter dumped me on the ring road after he hit me", "violence_assault"),
    ("some lads threw eggs and then kicked me when i fell", "violence_assault"),
    (
        "i woke up in a hotel room and couldnt remember anything, i was sore down below",
        "violence_assault",
    ),
    ("the guy wrapped his belt round my neck", "violence_assault"),
    ("this bloke bit my face and wouldn't let go", "violence_assault"),
    ("someone broke my nose in town last night", "violence_assault"),
    ("he stuck a needle in my leg without asking", "violence_assault"),
    ("a punter tried to strangle me with my own scarf", "violence_assault"),
    # domestic abuse
    ("my fella wont let me have a phone", "domestic_abuse"),
    ("my boyfriend spits on me and calls me a junkie", "domestic_abuse"),
    ("my husband makes me sleep in the car if i upset him", "domestic_abuse"),
    ("me ex partner burnt my arm with a cig", "domestic_abuse"),
    ("the father of my kids threatens to take them if i tell anyone", "domestic_abuse"),
    ("my man takes every penny and i have to beg for food", "domestic_abuse"),
    ("my bf pushed me down the stairs when i was 6 months gone", "domestic_abuse"),
    ("my partner watches me on the cameras in the house all day", "domestic_abuse"),
    # stalking harassment
    ("a fella in a blue car keeps following me round the beat", "stalking_harassment"),
    ("someones been ringing my buzzer at 4am every night", "stalking_harassment"),
    ("my ex turned up at my new place, i never told him where it was", "stalking_harassment"),
    ("there's a punter who waits at the bus stop every night for me", "stalking_harassment"),
    ("he's made a fake profile of me with my number on", "stalking_harassment"),
    ("i keep seeing the same man outside the drop in and he stares", "stalking_harassment"),
    ("he won't stop messaging me even after i changed my number", "stalking_harassment"),
    ("my ex got his mates to watch where i go", "stalking_harassment"),
    # exploitation trafficking
    ("they take half of everything i make and say its for protection", "exploitation_trafficking"),
    ("i was brought here on a promise of work in a nail bar", "exploitation_trafficking"),
    (
        "the man who got me my room says i owe him and have to pay it off with punters",
        "exploitation_trafficking",
    ),
    ("i'm not allowed to keep any money, he gives me a bit for food", "exploitation_trafficking"),
    ("they move us between flats every few days", "exploitation_trafficking"),
    ("i can't leave till i've paid back 5 grand", "exploitation_trafficking"),
    ("she keeps our passports in a locked drawer", "exploitation_trafficking"),
    ("the lads running the flat make me work the door and sell", "exploitation_trafficking"),
    # child safeguarding
    ("the new girl on the beat told me she's 15", "child_safeguarding"),
    ("my son's been coming home with bruises and he won't say who", "child_safeguarding"),
    ("kids in the flat next door are left for days", "child_safeguarding"),
    ("my daughter got groomed online and the man wants to meet her", "child_safeguarding"),
    ("there's a 14 yo hanging round the punters in the car park", "child_safeguarding"),
    ("my baby was there when he choked me", "child_safeguarding"),
    ("my kids dad takes them round his dealer's house", "child_safeguarding"),
    ("my eldest is carrying a knife since the lads in the estate got to him", "child_safeguarding"),
    # overdose medical
    ("my friend was grey and snoring and we couldn't wake her", "overdose_medical"),
    ("she's gone blue, what do i do", "overdose_medical"),
    ("a girl collapsed outside the hostel and was frothing", "overdose_medical"),
    ("my arm's got a massive lump where i missed and it's hot", "overdose_medical"),
    ("took too many benzos and woke up in hospital", "overdose_medical"),
    ("my mate was fitting in the doorway after some spice", "overdose_medical"),
    ("i've got pains in my chest and my heart is going really fast", "overdose_medical"),
    ("the lad in room 6 died last night, they think it was the gear", "overdose_medical"),
]

# Its harmless comments: 5 false alarms in 32 when measured; the four
# rules behind them were then narrowed (so this half is tuned), one remains.
HELD_OUT_WIDE_IDIOMS: list[str] = [
    "the van is the best thing about my week",
    "i'd kill for a shower",
    "my fella loves your flapjack",
    "my kids were so happy with the coats",
    "i got my nails done at the pamper night",
    "the police were helpful when i reported my lost phone",
    "thanks for sticking with me",
    "i've been off the drink a month",
    "the worker gave me a lift to my appointment",
    "can i get some blue condoms",
    "i'm going to the gym now, loving it",
    "my son's school play was brilliant",
    "the staff are always watching out for us",
    "my mate keeps texting me pics of her baby",
    "my ex sends the kids presents every birthday",
    "you saved me from a cold night",
    "i'm shattered but happy",
    "i owe you a coffee",
    "the girls had a laugh tonight",
    "my partner got a job, finally",
    "i hurt my ankle stepping off the bus",
    "it was freezing, i couldn't feel my toes",
    "i got knocked back for the flat but i'll keep trying",
    "i feel safe here",
    "my baby's first tooth came through",
    "we ran out of sugar, can you bring more",
    "my daughter is 15 next week, can't believe it",
    "the cake was a killer",
    "thanks for listening to me moan",
    "i went over my budget this week",
    "the music in the van was fire",
    "i'm not scared of asking for help now",
]
TUNED: list[tuple[str, str]] = DEV + SECOND + THIRD + FOURTH + FIFTH
TUNED_IDIOMS: list[str] = DEV_IDIOMS + DEV_IDIOMS_2 + SECOND_IDIOMS + THIRD_IDIOMS
TUNED_IDIOMS += FOURTH_IDIOMS + FIFTH_IDIOMS

# Still flagged by the phrase rules (flagged before the wide net too); kept so
# the aggregate false-alarm rate counts them. Two more ("my boyfriend keeps texting me to
# hurry up lol", "my daughter was scared of the dog...") stopped with version 5's idioms,
# "my mate keeps texting me pics of her baby" with version 6's, and the ambulance for a lad
# who fell and the boyfriend jealous of the soup with version 8's model (which learns from
# these tables, so that is expected rather than earned).
KNOWN_FALSE_ALARMS = {
    "i can't go home yet, the hostel doesn't open till 9",
}


@pytest.mark.parametrize(("text", "category"), TUNED)
def test_a_tuned_disclosure_is_flagged(text: str, category: str) -> None:
    assert safeguarding.concerns(text), category


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(t, marks=pytest.mark.xfail(reason="known false alarm", strict=False))
        if t in KNOWN_FALSE_ALARMS
        else t
        for t in TUNED_IDIOMS + HELD_OUT_WIDE_IDIOMS
    ],
)
def test_a_harmless_comment_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


def _rates(disclosures: list[tuple[str, str]], idioms: list[str]) -> tuple[float, float, float]:
    """Share of disclosures flagged, share flagged in their category, share of idioms flagged."""
    found = [safeguarding.concerns(text) for text, _ in disclosures]
    hits = sum(bool(cats) for cats in found) / len(disclosures)
    in_category = sum(cat in cats for cats, (_, cat) in zip(found, disclosures, strict=True)) / len(
        found
    )
    alarms = sum(bool(safeguarding.concerns(text)) for text in idioms) / len(idioms)
    return hits, in_category, alarms


@pytest.mark.parametrize(
    ("disclosures", "idioms"),
    [
        (DEV, DEV_IDIOMS + DEV_IDIOMS_2),
        (SECOND, SECOND_IDIOMS),
        (THIRD, THIRD_IDIOMS),
        (FOURTH, FOURTH_IDIOMS),
        (FIFTH, FIFTH_IDIOMS),
    ],
    ids=["dev", "second", "third", "fourth", "fifth"],
)
def test_each_tuned_table_meets_the_targets(
    disclosures: list[tuple[str, str]], idioms: list[str]
) -> None:
    hits, in_category, alarms = _rates(disclosures, idioms)
    assert hits >= 0.95 and in_category >= 0.90
    assert alarms <= 0.10


def test_held_out_table_does_not_fall_below_what_was_measured() -> None:
    """Not the target: a floor, so the honest held-out figure cannot quietly get worse."""
    hits, in_category, alarms = _rates(HELD_OUT_WIDE, HELD_OUT_WIDE_IDIOMS)
    assert hits >= 0.70 and in_category >= 0.68
    assert alarms <= 0.10


def test_tables_cover_every_category_and_are_big_enough() -> None:
    for table in (DEV, SECOND, THIRD, FOURTH, FIFTH, HELD_OUT_WIDE):
        assert {category for _, category in table} == set(safeguarding.CATEGORIES)
        assert len(table) >= 60
    assert len(DEV) >= 100 and len(DEV_IDIOMS) >= 60 and len(SECOND_IDIOMS) >= 30
    everything = TUNED + HELD_OUT_WIDE
    assert len({text for text, _ in everything}) == len(everything)
    idioms = TUNED_IDIOMS + HELD_OUT_WIDE_IDIOMS
    assert len(set(idioms)) == len(idioms)
    assert set(idioms) >= KNOWN_FALSE_ALARMS


def test_filing_the_wide_net_by_opening_finds_what_one_big_regex_finds() -> None:
    """The speed-up (rules tried only where their opening letters are) changes nothing.

    Every word start is tried (as the matcher does), not only where re.finditer would look:
    a negated match must not hide a later, overlapping one ("if i dont earn enough he says
    he'll hurt me").
    """
    texts = [text for text, _ in TUNED + HELD_OUT_WIDE] + TUNED_IDIOMS + HELD_OUT_WIDE_IDIOMS
    texts += [text for text, _ in first_table.DISCLOSURES + fresh.DISCLOSURES] + fresh.IDIOMS
    one_regex_matches(safeguarding.WIDE, texts, safeguarding.wide_matched)


def test_concerns_joins_both_layers() -> None:
    """The rules join both layers; the model then keeps their finding whole or sets it aside."""
    for text in [text for text, _ in TUNED] + TUNED_IDIOMS:
        prepared = safeguarding.prepared(text)
        rules = safeguarding.rules_concerns(text)
        assert set(rules) >= (safeguarding.matched(prepared) | safeguarding.wide_matched(prepared))
        if rules:
            assert safeguarding.concerns(text) in (rules, [])
