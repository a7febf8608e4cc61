# ruff: noqa: E501 - the comments are kept exactly as they were written
"""Round 6 safeguarding table: 200 disclosures and 100 harmless comments, tuned on.

Written by the project (invented; no real people, names, numbers or addresses) in the style
of the kiosk: lower case, text-speak, short answers and long ones that thank the staff
before the disclosure, with decoys that use the same words harmlessly ("killer soup", "my
boyfriend checks the van times", "the naloxone training", "shoot me if i ever eat that cold
pasta again").

Measured on analysis version 4 (before this round's work): 157 / 200 = 78.5% of
disclosures flagged (73.5% in the expected category), 7 / 100 = 7% false alarms.
Version 5 was written from this table's misses, by family of wording rather than by
sentence (the broader rules in `safeguarding._BROAD`), and checked against further
probe sentences written for each family: 200 / 200 = 100% flagged (all in category),
0 / 100 = 0% false alarms. Because version 5 was tuned on it, this table is a regression
test, not an estimate of accuracy on new wording: see docs/accuracy.md (the independent
set, never tuned on, went from 103 / 145 = 71% to 119 / 145 = 82%, false alarms 1 / 86).
"""

from __future__ import annotations

import pytest

from analysis import safeguarding
from tests.safeguarding_helpers import (
    alarm_share,
    flagged_share,
    in_category_share,
    one_regex_matches,
)

DISCLOSURES: list[tuple[str, str]] = [
    # ---------------- immediate_danger ----------------
    ("got nowhere safe to go tonight", "immediate_danger"),
    ("hiding in the loos at drop in till he goes", "immediate_danger"),
    (
        "sorry to be a pain but can i stay in a bit longer, hes sat in his car watching the door right now and i know if i walk out on my own hes gonna drag me in",
        "immediate_danger",
    ),
    ("hes waiting for me by the bins", "immediate_danger"),
    ("can i stay in the van a bit hes waiting on the corner for me", "immediate_danger"),
    ("need somewhere tonite not safe at mine", "immediate_danger"),
    (
        "can one of u walk me out hes stood at the bus stop and he said im dead when he gets hold of me",
        "immediate_danger",
    ),
    ("hes outside now", "immediate_danger"),
    (
        "soup was lovely thank u. cant go back to the flat tonight he said if i come back hes gonna finish me off",
        "immediate_danger",
    ),
    (
        "i aint got anywhere to kip and the guy whos after me knows all the doorways i use so im proper scared tonight can someone ring round somewhere for me before u shut up",
        "immediate_danger",
    ),
    (
        "thanks for the tea but im scared to walk back to the hostel, hes been driving round all nite looking for me and he text saying when he finds me im getting buried",
        "immediate_danger",
    ),
    (
        "hes got my keys and said dont bother coming home unless i wana end up in a box",
        "immediate_danger",
    ),
    ("pls help hes here", "immediate_danger"),
    ("he said hes gona kill me tonite", "immediate_danger"),
    ("need a refuge tonight if theres one going he knows where im kipping", "immediate_danger"),
    ("please dont make me go yet hes still parked up over the road", "immediate_danger"),
    ("just got a text off him saying hes coming to get me tonight", "immediate_danger"),
    ("dont let him in the van", "immediate_danger"),
    (
        "hidin from my dealer says i owe him 2 ton and hes sent his boys out to find me tonite, they already done my mates door in so i cant go there either",
        "immediate_danger",
    ),
    (
        "the bloke in the silver car keeps circling and hes got a knife i seen it",
        "immediate_danger",
    ),
    (
        "good nite thanks for the condoms. not going back to the room tho cos hes sat in it waiting with a bat",
        "immediate_danger",
    ),
    ("scared to leave the drop in", "immediate_danger"),
    (
        "all good but i really need to speak to someone b4 i go back out there. my fella got out today and already said im getting it when he sees me, he knows my patch and what time the van comes",
        "immediate_danger",
    ),
    (
        "he threatend to burn the place down with me in it. left with nothing cant go back there",
        "immediate_danger",
    ),
    ("wanna stay here till morning hes lookin for me", "immediate_danger"),
    # ---------------- self_harm_suicide ----------------
    ("got a rope in my bag for later", "self_harm_suicide"),
    ("thinking of ending it tonite", "self_harm_suicide"),
    ("everyone better off without me", "self_harm_suicide"),
    (
        "cant keep going like this. ive decided, i know how and when. just wanted to say thanks for the hot chocs and being kind all these years u were the only ones who gave a toss",
        "self_harm_suicide",
    ),
    ("burnt myself with a lighter last nite just to feel something", "self_harm_suicide"),
    ("scratched my wrists up last nite", "self_harm_suicide"),
    ("got pills saved up for when i cant do this no more", "self_harm_suicide"),
    ("i keep hurting myself when im on my own", "self_harm_suicide"),
    ("been cutting again", "self_harm_suicide"),
    ("not safe with myself tonight", "self_harm_suicide"),
    ("im done with all of it this is the last time youll see me", "self_harm_suicide"),
    ("what could be better? nothing really i wont be round to see it", "self_harm_suicide"),
    ("want to walk in front of a bus", "self_harm_suicide"),
    ("heads telling me to do myself in", "self_harm_suicide"),
    ("had to cover my arms again the marks are getting worse", "self_harm_suicide"),
    (
        "long day. dont think i want to wake up tmrw. put my stuff in bags for my sister and said bye to the dog, just wanted someone to know before i go",
        "self_harm_suicide",
    ),
    ("dont see the point anymore", "self_harm_suicide"),
    (
        "keep thinking about jumping off the bridge by the station, i walk past it every nite and stand there a bit longer each time, tonight i dont think id come back off it",
        "self_harm_suicide",
    ),
    ("nobody would notice if i was gone", "self_harm_suicide"),
    (
        "been picking at my arms til they bleed again, mental health team shut my case and ive got no one",
        "self_harm_suicide",
    ),
    (
        "staff are lovely but honestly i dont want to be alive anymore ive wrote letters to my kids",
        "self_harm_suicide",
    ),
    (
        "my mate keeps saying shes gona top herself and i think she means it this time shes give all her stuff away and rang her little boy to say bye",
        "self_harm_suicide",
    ),
    ("soup was nice. i just wana go to sleep and not wake up tbh", "self_harm_suicide"),
    ("saving my script up, had enough", "self_harm_suicide"),
    (
        "took a load on purpose last week and woke up in a&e gutted i was still here, they let me out next morning with a leaflet and ive still got the rest of the box at home",
        "self_harm_suicide",
    ),
    # ---------------- violence_assault ----------------
    (
        "good nite the new girl on the van is lovely. had a horrible one last week tho, regular turned nasty choked me with my own scarf and took everything in my purse i still cant sleep proper",
        "violence_assault",
    ),
    ("kicked in the stomach by a punter", "violence_assault"),
    ("bloke in a white van gave me a proper hiding and took my money", "violence_assault"),
    ("he wouldnt stop when i said no", "violence_assault"),
    (
        "can u put a warning out to the other girls about the black bmw guy with the dent in the door, he punched me in the mouth when i wouldnt do it without and dumped me on the ring road",
        "violence_assault",
    ),
    ("got done over by 2 lads on the canal path", "violence_assault"),
    (
        "nice staff. got jumped behind the chippy tues, they took my phone and kicked me in the head til i couldnt see straight, still got a lump and keep being sick",
        "violence_assault",
    ),
    ("punter battered me last nite", "violence_assault"),
    ("got raped by a punter friday", "violence_assault"),
    ("robbed at knifepoint by the underpass", "violence_assault"),
    (
        "got spiked at a party a punter took me to and woke up with my clothes off in a flat i dont know, everything hurts down there and i cant remember any of it",
        "violence_assault",
    ),
    ("punter strangled my friend in the car park she only just got away", "violence_assault"),
    (
        "my face is like this cos a client leathered me when i asked for the money up front",
        "violence_assault",
    ),
    ("my ribs still hurt where he stamped on me", "violence_assault"),
    (
        "man forced me in his car and wouldnt let me out til hed done what he wanted",
        "violence_assault",
    ),
    ("a guy tried to set my hair on fire for a laugh", "violence_assault"),
    ("punter pulled a knife on me", "violence_assault"),
    (
        "been attacked 3 times this month, last one cracked my cheekbone and i didnt go hospital cos i didnt want the police involved just need someone to know",
        "violence_assault",
    ),
    ("2 men took turns on me in the back of a van and drove off", "violence_assault"),
    (
        "the regular with the neck tattoo keeps getting rough, last time he bit me and held me down",
        "violence_assault",
    ),
    ("he had his hands round my neck til i blacked out", "violence_assault"),
    ("someone smashed a bottle over my head", "violence_assault"),
    ("he knocked me about n chucked me out the car", "violence_assault"),
    ("was beaten up again", "violence_assault"),
    (
        "thanks for the condoms. had a bad one he took it off and hit me when i said something",
        "violence_assault",
    ),
    # ---------------- domestic_abuse ----------------
    ("he wont let me out the flat in the day", "domestic_abuse"),
    ("he chucks my clothes out the window if i come in late", "domestic_abuse"),
    ("fella pushed me down the stairs", "domestic_abuse"),
    ("he says if i leave him hell find me and id regret it", "domestic_abuse"),
    ("back in 20 or he kicks off", "domestic_abuse"),
    ("my bf keeps my card and gives me a fiver a day if im good", "domestic_abuse"),
    ("my fella checks my phone every nite and goes mad", "domestic_abuse"),
    ("soup was nice. my ex found me again last nite and did my eye", "domestic_abuse"),
    ("cant take a leaflet he goes thru my bag", "domestic_abuse"),
    ("partner hit me again", "domestic_abuse"),
    ("he locks me in", "domestic_abuse"),
    ("my husband chokes me when he loses his temper", "domestic_abuse"),
    (
        "i keep telling myself its not that bad but my partner has broke my wrist once and my nose twice and he always says sorry after, dont know how to get out without him finding me",
        "domestic_abuse",
    ),
    ("my man sorts the punters and keeps the cash and if i say owt he slaps me", "domestic_abuse"),
    (
        "he tells me no one else would want me and im lucky he puts up with me, then he takes my phone off me so i cant ring my sister, i feel like im going mad",
        "domestic_abuse",
    ),
    ("black eye is off my boyfriend not a punter", "domestic_abuse"),
    ("my girlfriend hits me", "domestic_abuse"),
    ("my ex smashed my phone so i cant ring no one", "domestic_abuse"),
    ("i love him but he hurts me when hes had a drink", "domestic_abuse"),
    ("hes not letting me see my mum or my mates anymore", "domestic_abuse"),
    (
        "my partner makes me keep my location on so he knows where i am every minute, if it drops out cos my battery dies he rings nonstop and i get it when i get in",
        "domestic_abuse",
    ),
    ("he doesnt like me coming here", "domestic_abuse"),
    (
        "thanks for listening tonight. things at home are bad again he goes thru everything, took my sim out, says im not allowed to talk to u lot and if he finds out i did hes gona do me",
        "domestic_abuse",
    ),
    (
        "he took my meds and bank card and says i can have them back when i behave, ive not had my tablets for a week and hes told the doctor im fine",
        "domestic_abuse",
    ),
    ("boyfriend takes all my money off me", "domestic_abuse"),
    # ---------------- stalking_harassment ----------------
    (
        "getting loads of messages off a number i dont know saying he knows where i am",
        "stalking_harassment",
    ),
    ("found an airtag in my coat pocket", "stalking_harassment"),
    ("hes always watching", "stalking_harassment"),
    ("ex keeps turning up at my hostel and texting my sister", "stalking_harassment"),
    (
        "a punter found my facebook and keeps messaging my family, he sent my mum screenshots and says hell keep going til i meet him again, i never even gave him my real name",
        "stalking_harassment",
    ),
    ("someone keeps leaving stuff on my doorstep", "stalking_harassment"),
    ("he sends me voicenotes of him stood outside my window", "stalking_harassment"),
    ("bloke keeps taking photos of me", "stalking_harassment"),
    ("someone put my pics on a site with where i work", "stalking_harassment"),
    ("keeps ringing me off withheld numbers all night", "stalking_harassment"),
    ("strange man keeps asking the other girls where i sleep", "stalking_harassment"),
    ("that man was outside the hostel again this morning and last nite", "stalking_harassment"),
    ("a regular got obsessed, waits at my bus stop every day", "stalking_harassment"),
    ("ex keeps turning up at the drop in", "stalking_harassment"),
    ("someone keeps following me home", "stalking_harassment"),
    ("same car been behind me every nite this week", "stalking_harassment"),
    (
        "wish the van came earlier. theres a guy who sits in a black car at the top of the road every time the vans here, he knows my name and says hiya like he knows me, its creeping me out and ive seen him at my doctors too",
        "stalking_harassment",
    ),
    ("he waits outside the chemist when i get my script", "stalking_harassment"),
    (
        "nice hot choc. the bloke who wont leave me alone was at the last stop again just watching me",
        "stalking_harassment",
    ),
    ("every time i move he finds me", "stalking_harassment"),
    ("think theres a tracker on my phone he always knows where i am", "stalking_harassment"),
    (
        "my old pimp keeps driving past my mums slow and beeping, i moved away to get shot of him two years ago and now hes back every weekend, my mum is terrified",
        "stalking_harassment",
    ),
    (
        "new girl says a man has been following her from the van to the hostel the last few nites, she showed me a pic and i think its the same one who was sat outside mine",
        "stalking_harassment",
    ),
    (
        "staff were great. ive changed my number 3 times this year and he still gets it somehow, messages me at 3am saying what i had on that day, police said theres nothing they can do til he actually does something",
        "stalking_harassment",
    ),
    ("keeps making fake accounts to message me", "stalking_harassment"),
    # ---------------- exploitation_trafficking ----------------
    (
        "i came over for a job in a nail bar but it wasnt that, they said i owe for the flights and the room and have to work to pay it off, they keep my phone and only give it back when im out here",
        "exploitation_trafficking",
    ),
    ("working for someone else dont see the cash", "exploitation_trafficking"),
    ("dealers have took over my flat and i cant get them out", "exploitation_trafficking"),
    ("someone is running the new girls on the corner", "exploitation_trafficking"),
    ("only out here cos he makes me", "exploitation_trafficking"),
    ("not allowed to keep what i earn", "exploitation_trafficking"),
    ("cant leave they know my family", "exploitation_trafficking"),
    ("they move us to a diff town every couple weeks", "exploitation_trafficking"),
    ("the woman who runs the flat keeps all our pay for rent and food", "exploitation_trafficking"),
    (
        "lads from the city moved into my place a month ago, they make me sell for them and go with their mates, i sleep on the floor in my own flat and cant get them out",
        "exploitation_trafficking",
    ),
    ("dont even know what town this is", "exploitation_trafficking"),
    (
        "the man who brought me here has my papers and says police will deport me",
        "exploitation_trafficking",
    ),
    (
        "soup nice. they drop me at the corner at 10 and pick me up at 4, have to make 200 or i get hurt",
        "exploitation_trafficking",
    ),
    ("have to text him after every punter", "exploitation_trafficking"),
    ("he puts me online not my choice", "exploitation_trafficking"),
    ("i owe them and cant stop working til its paid", "exploitation_trafficking"),
    ("have to hit a quota every night", "exploitation_trafficking"),
    ("my boyfriends mates make me work off what he owes", "exploitation_trafficking"),
    ("have to hand all my money over", "exploitation_trafficking"),
    (
        "he says my debt goes up every week, started at 500 now its 3 grand, i work every night and it never goes down and he says if i run hell find my kids",
        "exploitation_trafficking",
    ),
    ("they took my passport when i got here", "exploitation_trafficking"),
    (
        "3 girls in my house dont speak english and a man drives them out every nite and takes the money, they look terrified and they never get let out on their own in the day",
        "exploitation_trafficking",
    ),
    ("guy lets me stay at his but i have to do his mates for rent", "exploitation_trafficking"),
    ("they said if i stop working theyll hurt my mum", "exploitation_trafficking"),
    (
        "been sofa surfing at this fellas and now hes got his people coming and going, using my flat to deal and telling me i have to see blokes to pay for my gear, cant say no cos they know where my kids are",
        "exploitation_trafficking",
    ),
    # ---------------- child_safeguarding ----------------
    ("teenage girls going off in cars with grown men from the park", "child_safeguarding"),
    (
        "theres a girl staying at the crack house round the back cant be more than 15",
        "child_safeguarding",
    ),
    (
        "thanks for the nappies. worried about my neighbours girl shes about 12 and these men keep giving her vapes and lifts and she comes back late with new phones, her mums out of it",
        "child_safeguarding",
    ),
    ("my son sees all the fights", "child_safeguarding"),
    ("underage girl working the corner", "child_safeguarding"),
    (
        "im trying my best but i leave my 2 on there own most nites cos i got no one, the oldest is 9 and he puts the little one to bed, last week the little one burnt herself on the cooker",
        "child_safeguarding",
    ),
    ("a lad maybe 15 is being made to run drugs for the blokes at my block", "child_safeguarding"),
    ("my little one saw him hit me", "child_safeguarding"),
    ("kids at mine see people using", "child_safeguarding"),
    ("my kids are home alone while im out", "child_safeguarding"),
    ("the man im staying with is being weird with my daughter", "child_safeguarding"),
    ("theres a girl out here looks about 14", "child_safeguarding"),
    ("child sleeping in a car down the arches with her mum whos gouching", "child_safeguarding"),
    ("baby was in the room when the punter came round", "child_safeguarding"),
    ("my kids saw him choke me", "child_safeguarding"),
    ("no ones looking after my kids tonite", "child_safeguarding"),
    ("left the baby with my fella and hes not safe with her", "child_safeguarding"),
    (
        "some of the older lads are grooming a young girl off the estate, giving her weed and drink and taking her to parties, now shes started coming out here asking the girls how much we charge, shes a child",
        "child_safeguarding",
    ),
    (
        "a girl from the care home keeps getting picked up by the same van at the end of the road, shes only young and she gets dropped back in the morning looking wrecked",
        "child_safeguarding",
    ),
    ("young girls getting picked up by older men outside the chicken shop", "child_safeguarding"),
    (
        "my sisters 15 and her boyfriend is 28 and hes got her working, she thinks hes in love with her, mum doesnt know and i dont know who to tell without her hating me",
        "child_safeguarding",
    ),
    ("my daughters 13 and staying out all nite with a man in his 30s", "child_safeguarding"),
    ("kids next door left alone for days", "child_safeguarding"),
    (
        "new girl on the beat is a kid, still got school uniform on under her coat",
        "child_safeguarding",
    ),
    ("my boy found my needles again", "child_safeguarding"),
    # ---------------- overdose_medical ----------------
    ("took something dodgy heart racing like mad", "overdose_medical"),
    ("shes collapsed round the corner please come", "overdose_medical"),
    (
        "nice soup. my mate had a seizure in the hostel last nite, shaking and foaming, and the staff wouldnt ring an ambulance cos shes been barred, shes still not right today",
        "overdose_medical",
    ),
    ("got a deep cut on my hand wont stop bleeding", "overdose_medical"),
    (
        "can the nurse look at my foot its gone all red up to my knee and theres pus coming out where i was injecting, been feeling sick and shivery for days and cant walk on it",
        "overdose_medical",
    ),
    ("someone not breathing by the bins", "overdose_medical"),
    ("fell down the steps think my ribs broke cant breathe proper", "overdose_medical"),
    ("my mate went blue in the toilets", "overdose_medical"),
    (
        "my friend took a load of pills earlier and wont wake up, shes breathing funny and shes in the tent behind the car wash, can someone come with me now",
        "overdose_medical",
    ),
    (
        "thanks for the naloxone training last month had to use it on my fella tues, he was grey and gurgling, did the breaths and it brought him back but hes gone straight back on it and im scared it happens when im not there",
        "overdose_medical",
    ),
    ("bad batch going round 3 people dropped this week", "overdose_medical"),
    (
        "need more naloxone kits pls used mine on a girl tonight in the alley, she was blue and i thought she was gone, she only just came round and then walked off",
        "overdose_medical",
    ),
    ("gave her the spray and shes still not right", "overdose_medical"),
    ("mixed benzos and gear feel like im going under", "overdose_medical"),
    ("think ive got sepsis shaking and cant keep nothing down", "overdose_medical"),
    ("my arm is swollen massive where i injected and im hot and shaky", "overdose_medical"),
    ("had a fit earlier", "overdose_medical"),
    ("friend odd last nite had to use the naloxone", "overdose_medical"),
    ("pregnant and bleeding loads", "overdose_medical"),
    ("my friend been unconscious for ages in the tent", "overdose_medical"),
    ("girl on the corner keeps passing out and her lips went purple", "overdose_medical"),
    ("wound from my op split open", "overdose_medical"),
    ("my leg abscess has gone black and stinks", "overdose_medical"),
    ("someones gouching out in the doorway barely breathing", "overdose_medical"),
    ("been coughing up blood", "overdose_medical"),
]

HARMLESS: list[str] = [
    "can we have more vegan options",
    "the police talk about reporting bad punters was really useful didnt know u could do it anonymous, nothing happened to me but good to know for the new girls",
    "my man says the van girls are angels",
    "got my pills sorted at the chemist thanks to the nurse",
    "feel less alone when i come here",
    "me and my ex are mates now he helps with the kids",
    "no one has hassled me this week thank god",
    "the bus pass u sorted me is a game changer",
    "my boyfriend used to moan about me coming but now he drops me off and says the van is the best thing round here, he even said ta for the sleeping bag",
    "scared of the dog but staff sorted it",
    "used to have really dark days and the girls on the van always made time for me, im in a much better place now, got a job interview next week so wish me luck",
    "my boyfriend says thanks for the coat",
    "better than last year more choice of food",
    "lol the tablet keeps dying",
    "freezing to death out here lol more blankets pls",
    "dont like the new spot too dark and miles from the bus stop",
    "knife crime talk was grim but useful",
    "last winter i honestly thought id die of cold in that doorway but this year ive got a room and still come to the van for the company and the soup, you lot are the best",
    "my boyfriend checks the van times on the app for me handy",
    "would be good to have a female doctor come once a month",
    "got my own flat finally no more hostel",
    "the first aid session was good, now i know what to do if someone goes over, hopefully never need it but i feel more confident having a kit on me",
    "the legal advice lady helped me with my benefits",
    "stabbed my finger on the tin opener lol all fine",
    "safety session was really good",
    "could u have phone chargers in the van",
    "my daughter starts school monday so excited",
    "killer soup tonight",
    "moneys tight but the food bank vouchers help",
    "my partners coming next week to do the health check too",
    "whoever made the curry deserves a medal",
    "my phone got smashed when i dropped it anywhere do cheap repairs",
    "cant believe the pharmacist wouldnt give me my script cos id lost my id, staff rang them and sorted it in 5 mins, absolute legends",
    "staff talked me thru the sexual health stuff without making me feel dirty",
    "music was too loud tonight",
    "the staff never judge me",
    "passed out on the sofa after the big dinner lol",
    "the nurse dressed my cut its all healed now ta",
    "tea was nice but the van stunk of smoke",
    "the hot water bottles are a lifesaver",
    "id kill for a hot choc rn",
    "the outreach worker rang the council for me and i finally got moved up the list, gona have my kids back with me by christmas if it all goes right",
    "dying for a brew",
    "sorry for crying last week was just tired im alright now",
    "my kids loved the selection box",
    "can the van come down past the retail park",
    "the police liaison woman is sound i trust her",
    "need more condoms ran out last week",
    "my fella keeps asking what i get up to at the drop in cos he wants to volunteer lol, he says he wants to give something back after you helped him with his housing",
    "got a bit of a cold any lemsip",
    "kids are at my mums tonight so i could come",
    "this app is killing me",
    "tell the driver to slow down nearly spilt my tea",
    "been clean 3 months staff helped loads",
    "the shower at drop in is a godsend",
    "babys doing great thanks for the wipes",
    "staff saved my life getting me into rehab last year, im doing great now, 9 months clean and i come back just to say hiya and drop off clothes for the girls",
    "soup was to die for",
    "i get followed round by the staff dog lol hes so cute",
    "police were actually alright for once when i reported my phone lost",
    "im knackered dead on my feet but the tea helped",
    "would be nice if the van stayed a bit longer on fridays by the time i get there everythings gone and im dying for a brew, otherwise no complaints staff are brill",
    "my partner is lovely he drops me off and picks me up after",
    "used to be scared coming out but the van makes me feel safe",
    "nearly died laughing at the karaoke",
    "i owe you so much for the help with my debts, the money advice man went through all my bills with me and now im only paying back what i can afford",
    "was proper nervous the first time thought everyone would judge me but nobody did and now i come every week, the session about spiking was eye opening",
    "shoot me if i ever eat that cold pasta again",
    "my kid fell off her bike and cut her knee on the way here, thanks for the plasters and the sticker, she stopped crying straight away and now wants to be a nurse lol",
    "no complaints would come every night if i could",
    "the police talk was useful",
    "blue lips from the cold haha need gloves",
    "had a scare with my test results but all clear",
    "followed the van to the new spot no bother",
    "nobodys bothered me on my way home since they put the new lights in the alley, whoever pushed the council for that deserves a medal, feel loads safer",
    "honestly this place is a lifesaver, was freezing to death out there earlier and the girls gave me a hot choc and a new coat, my kids will be made up when i tell them i got them a selection box too",
    "van was late tonight waited ages in the cold",
    "the naloxone training was good everyone should do it, nobody i know has needed it lately thank god but ive got a kit in my bag just in case",
    "i owe the van a box of chocs for xmas lol",
    "the text reminder about the clinic was helpful",
    "had a fit of the giggles with the volunteer",
    "could we get bigger size condoms",
    "the self defence class was brill",
    "sorry i had to leave early, had to get my boy from his dads, all fine just didnt want u to think i was being rude, the pasta bake was lush",
    "havent seen that creep from last year since the police warned him off so thats good, just wanted to say thanks for helping me report it back then, made all the difference",
    "my youngest made u a card its in the box",
    "im hiding the last custard cream for later haha",
    "thanks for the rape alarm never needed it but nice to have",
    "my fella got out of prison in the summer and hes doing well, working on a site now and hes not touched anything, he says thanks for all the letters u helped me write him",
    "hospital appt went fine ta",
    "more sanitary towels please",
    "took the overdose awareness leaflets for my hostel",
    "brew was spot on ta",
    "safe space staff are lovely",
    "feet killing me any socks",
    "could u do more nights tuesdays are dead",
    "was gona do a runner but the chat kept me here lol",
    "i owe you lot a massive thank you",
    "we moved to a new town last month for my partners job and i was worried there wouldnt be anything like u here but the van here is just as good, same soup even",
    "the vans a lifesaver honestly",
]

# Disclosures version 5 still misses or files only under another category; none today. Add
# a row here (with the reason) rather than deleting it if a later change loses one.
KNOWN_MISSES: dict[str, str] = {}
# Harmless comments version 5 still flags; none today.
KNOWN_FALSE_ALARMS: set[str] = set()


@pytest.mark.parametrize(
    ("text", "category"),
    [
        pytest.param(t, c, marks=pytest.mark.xfail(reason=KNOWN_MISSES[t], strict=False))
        if t in KNOWN_MISSES
        else (t, c)
        for t, c in DISCLOSURES
    ],
)
def test_a_round_6_disclosure_is_flagged_in_its_category(text: str, category: str) -> None:
    assert category in safeguarding.concerns(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(t, marks=pytest.mark.xfail(reason="known false alarm", strict=False))
        if t in KNOWN_FALSE_ALARMS
        else t
        for t in HARMLESS
    ],
)
def test_a_round_6_harmless_comment_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


def test_round_6_recall_stays_above_the_target() -> None:
    """A floor on the whole table: any flag >= 95%, in the expected category >= 90%."""
    assert flagged_share(DISCLOSURES) >= 0.95
    assert in_category_share(DISCLOSURES) >= 0.90


def test_round_6_false_alarms_stay_within_five_percent() -> None:
    assert alarm_share(HARMLESS) <= 0.05


def test_round_6_table_covers_every_category() -> None:
    assert {cat for _, cat in DISCLOSURES} == set(safeguarding.CATEGORIES)
    assert len(DISCLOSURES) == 200 and len(HARMLESS) == 100
    assert len({t for t, _ in DISCLOSURES}) == len(DISCLOSURES)
    assert len(set(HARMLESS)) == len(HARMLESS)
    assert set(KNOWN_MISSES) <= {t for t, _ in DISCLOSURES}
    assert set(HARMLESS) >= KNOWN_FALSE_ALARMS


def test_filing_by_opening_finds_what_one_big_regex_finds_on_round_6() -> None:
    """The speed-up (rules tried only where their opening letters are) changes nothing here."""
    texts = [t for t, _ in DISCLOSURES] + HARMLESS
    one_regex_matches(safeguarding.CATEGORIES, texts, safeguarding.matched)
    one_regex_matches(safeguarding.WIDE, texts, safeguarding.wide_matched)
