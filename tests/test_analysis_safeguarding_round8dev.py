"""Round 8 development table: 240 disclosures (30 per category) and 160 harmless comments.

Written blind for the project (invented; no real people, names, numbers or addresses) in
the kiosk's style: disclosures in wording nobody anticipated (county lines slang such as
"grafting", "the line", "the trap", "plugging"; danger told by circumstance: hiding, someone
waiting, a SIM taken, a debt deadline, a pet rehomed "for after", a girl still in juniors),
and harmless comments that are mostly "near-twins" of disclosures ("hes outside in the car,
its just my brother", "my ex used to knock me about but im miles away now").

Measured on analysis version 6, before version 7 was written: 172 / 240 = 71.7% of
disclosures flagged (156 = 65.0% in the expected category), 18 / 160 = 11.2% false alarms.
Version 7 was built with this table in view, so its figures are TUNED (read them as a
regression test, not as an estimate of recall on new wording): 240 / 240 = 100% flagged
(221 = 92.1% in the expected category), 0 / 160 false alarms. Every harmless table in
tests/test_analysis_safeguarding*.py together (this one and the blind held-out sets
included): 15 / 1,131 = 1.3% on version 7 (version 6: 37 / 1,131 = 3.3%); the budget is 3%.
"""

from __future__ import annotations

import pytest

from analysis import safeguarding
from tests.safeguarding_helpers import alarm_share, flagged_share, in_category_share

DISCLOSURES: list[tuple[str, str]] = [
    ("guy paid for an hour then his mates came in the room", "violence_assault"),
    (
        "my boyfriend has sold me to his mates for the night more than once",
        "exploitation_trafficking",
    ),
    ("been rattling that bad i had a fit in the hostel", "overdose_medical"),
    ("the gear going round is mad strong, two girls have dropped this week", "overdose_medical"),
    ("we had a row and he held my head under the bath water", "domestic_abuse"),
    ("passed out in ur van toilet last time, pls check on me", "overdose_medical"),
    ("punter wouldnt pay and choked me til i passed out", "violence_assault"),
    ("i smoke the new stuff and my heart goes mad and i collapse", "overdose_medical"),
    ("he took my bank card and id so i cant get a flat on my own", "domestic_abuse"),
    ("still got bruises round my neck from saturday", "violence_assault"),
    ("people keep lobbing stuff at my tent and shouting at night", "stalking_harassment"),
    ("my nephew is being used to run for the county lines, hes 12", "child_safeguarding"),
    ("he took my shoes so i cant run off. hes outside", "immediate_danger"),
    ("used on my own again last night, nobody about if i go over", "overdose_medical"),
    ("keep slicing my legs with a razor when im rattling", "self_harm_suicide"),
    ("the copper who picked me up made me give him a freebie", "violence_assault"),
    ("he held me down and took photos, says hell post them", "violence_assault"),
    ("man keep my money and passport, i not allowed go out alone", "exploitation_trafficking"),
    ("she says shes 18 but she was moaning about her year 9 teacher", "child_safeguarding"),
    ("everyone would be better off without me, theyd stop having to worry", "self_harm_suicide"),
    ("keep thinking about just walking into the canal", "self_harm_suicide"),
    (
        (
            "the fella in the white transit has been circling all nite and said hes coming back "
            "for me when u lot go"
        ),
        "immediate_danger",
    ),
    ("injecting site on my leg is hot and leaking green stuff", "overdose_medical"),
    ("my fella takes all my money when i get in and counts it in front of me", "domestic_abuse"),
    (
        "came round in some strangers flat with no knickers on and no memory of going there",
        "violence_assault",
    ),
    ("they keep a few of us in a house and take us out in a minibus", "exploitation_trafficking"),
    (
        "got taxed by some lads on the way here, they took my money and booted me in the ribs",
        "violence_assault",
    ),
    ("they said my family back home get hurt if i stop", "exploitation_trafficking"),
    (
        "had a baby last week, not seen a doctor and i still feel really ill and hot",
        "overdose_medical",
    ),
    ("he keeps sending flowers to the hostel even tho i told him stop", "stalking_harassment"),
    (
        "not allowed keep any money or buy my own food, they give me one meal",
        "exploitation_trafficking",
    ),
    ("good van. someone keeps spraying my tent and writing whore on it", "stalking_harassment"),
    ("dont open the door if a bald lad in a grey trackie asks for me", "immediate_danger"),
    (
        "the lady who takes us to the massage place locks the door when she goes",
        "exploitation_trafficking",
    ),
    ("he cut up all my clothes so i cant go out without him", "domestic_abuse"),
    ("abscess in my groin is the size of an egg", "overdose_medical"),
    (
        "he took the sim out my phone so i cant ring no one and hes waiting by the bins",
        "immediate_danger",
    ),
    ("same car follows me back to the hostel every night", "stalking_harassment"),
    (
        "can i sleep here tonight i cant go back to the squat theyre looking for me",
        "immediate_danger",
    ),
    ("he left a dead bird on my step with a note", "stalking_harassment"),
    ("diabetic and lost my insulin when they nicked my bag", "overdose_medical"),
    ("ex is using his mates to watch where i go and report back to him", "stalking_harassment"),
    ("if i dont have 200 for them by midnight im done, not even joking", "immediate_danger"),
    ("if i dont wake up tomorrow its fine honestly", "self_harm_suicide"),
    (
        "they burnt my mates tent with her in it and said im next, theyre by the arches now",
        "immediate_danger",
    ),
    ("was told it was a cleaning job when i came over, it wasnt", "exploitation_trafficking"),
    (
        "the punter from last week is back and parked up across the road just watching the van",
        "immediate_danger",
    ),
    ("dont see the point of any of it anymore", "self_harm_suicide"),
    (
        "ex got out of prison this morning and hes already been to the hostel asking for me",
        "immediate_danger",
    ),
    ("pls dont let me leave with him tonight", "immediate_danger"),
    ("my kids havent eaten proper in days, theres nothing in the cupboards", "child_safeguarding"),
    (
        "found my mate foaming at the mouth in the underpass, ambulance took ages",
        "overdose_medical",
    ),
    (
        "social took my first two, not told anyone about this one yet and im using heavy",
        "child_safeguarding",
    ),
    ("he took the johnny off halfway and wouldnt stop when i said", "violence_assault"),
    ("rehomed my cat today so shes sorted for after", "self_harm_suicide"),
    (
        "they said if i grass theyll petrol bomb my door and i think they seen me talking to u",
        "immediate_danger",
    ),
    ("a punter put summat in my drink and i lost like 6 hours", "violence_assault"),
    (
        "keep getting texts from numbers i dont know saying what i was wearing that day",
        "stalking_harassment",
    ),
    ("theyve got me running to brum and back with stuff in my bra", "exploitation_trafficking"),
    ("he picks me up after and if i aint made enough i get it", "domestic_abuse"),
    ("my baby fell off the sofa while i was gouching out", "child_safeguarding"),
    (
        "a punter said hed find out where i live, now hes outside the hostel most nights",
        "stalking_harassment",
    ),
    (
        "my partner holds my script money and wont give it me unless i do what he says",
        "domestic_abuse",
    ),
    ("the new girl on the patch still has her school bag with her", "child_safeguarding"),
    ("tried to neck all me methadone in one go", "self_harm_suicide"),
    ("someone cut the bags with summat, my lips went numb and i went down", "overdose_medical"),
    ("lad from the hostel forced himself on me in the laundry room", "violence_assault"),
    ("cut again last nite, the dressings u gave me ran out", "self_harm_suicide"),
    ("my ex has made fake accounts and messages me like 50 times a day", "stalking_harassment"),
    ("he gets jealous of the punters and takes it out on me after", "domestic_abuse"),
    ("wrote letters to my kids today just in case", "self_harm_suicide"),
    ("he pushed me down the stairs when i was 6 month gone", "domestic_abuse"),
    ("got told get in the car or else. im in ur loo now", "immediate_danger"),
    ("one of the regulars bit me that hard it needed stitches", "violence_assault"),
    ("he sent me a picture of my own front door", "stalking_harassment"),
    ("hes been waiting outside the drop in every wed since i blocked him", "stalking_harassment"),
    (
        "they took my passport when i got here and say i owe for the flight",
        "exploitation_trafficking",
    ),
    ("he made me sleep on the floor last nite cos i was late back", "domestic_abuse"),
    (
        "my son keeps coming home with new trainers and phones and wont say where from, hes 11",
        "child_safeguarding",
    ),
    (
        "they gave me a phone to answer but its not my phone, its the line",
        "exploitation_trafficking",
    ),
    ("doing a last round to say ta ra to everyone. love u all x", "self_harm_suicide"),
    ("they put a fag out on my arm for a laugh", "violence_assault"),
    ("my partner locks me in when he goes out", "domestic_abuse"),
    ("i got to work til the debt is paid but it keeps going up", "exploitation_trafficking"),
    (
        "theres girls in the flat above the nail bar who never come out, they dont speak english",
        "exploitation_trafficking",
    ),
    ("my eldest minds the baby while im out working, shes 9", "child_safeguarding"),
    (
        "fella lets me stay at his for free but now says i gotta see his mates to pay rent",
        "exploitation_trafficking",
    ),
    ("he wont let me have my own phone, checks everything", "domestic_abuse"),
    ("got clumps of my hair ripped out by a woman over a patch", "violence_assault"),
    ("cant come to the van on fridays thats when the man collects", "exploitation_trafficking"),
    ("have to be back by 10 or he goes mental", "domestic_abuse"),
    (
        "a man from the church keeps turning up where i sleep with presents and wont leave",
        "stalking_harassment",
    ),
    (
        "a dealer took over my flat, brings girls round and makes them work there",
        "exploitation_trafficking",
    ),
    ("left the kids with my fella tonight and hes off his face", "child_safeguarding"),
    ("minding a stash at mine for some lads, not by choice", "exploitation_trafficking"),
    ("hes got a gun in the glovebox he showed me, says hes back at 11 for me", "immediate_danger"),
    ("my daughters getting money off a man she met online", "child_safeguarding"),
    ("my jaw clicks since the punter punched me, think its broke", "violence_assault"),
    (
        "the young one who started last week has her birthday next month, shell be 15",
        "child_safeguarding",
    ),
    ("took a load of pills and vodka like an hour ago, feel weird", "overdose_medical"),
    (
        "theres a lad who waits at the bus stop where i get off, every single day",
        "stalking_harassment",
    ),
    ("found a tracker thing sewn in the lining of my bag", "stalking_harassment"),
    ("cant keep nothing down for days and im peeing blood", "overdose_medical"),
    (
        "theres a girl working round the back of the station who cant be more than 14",
        "child_safeguarding",
    ),
    (
        "keep seeing the same bloke at the chemist at the exact same time as me every day",
        "stalking_harassment",
    ),
    (
        "theres toddlers in the flat where they cook up, needles all over the floor",
        "child_safeguarding",
    ),
    ("burns on my hands from the pipe are all weeping and swole up", "overdose_medical"),
    ("the punter who got barred keeps driving past shouting my name", "stalking_harassment"),
    ("i owe the man who runs the house and he adds interest every day", "exploitation_trafficking"),
    ("hes got a blade in his jacket and hes waiting by the chippy", "immediate_danger"),
    (
        "some lads drive me round different hotels and take the money after",
        "exploitation_trafficking",
    ),
    ("my little one is stopping at my dealers while im out", "child_safeguarding"),
    (
        "hes waiting in the car outside and said if im not out in 5 mins ill regret it",
        "immediate_danger",
    ),
    (
        "my mate went blue in the tent last nite and we couldnt wake her for ages",
        "overdose_medical",
    ),
    ("coughing up blood for a week", "overdose_medical"),
    ("dont let the next car take me, its his mate, he sends them to fetch me", "immediate_danger"),
    ("he only hits me when i deserve it", "domestic_abuse"),
    ("help me im not safe to go back", "immediate_danger"),
    ("been banging my head on the wall til it bleeds", "self_harm_suicide"),
    ("he says if i leave hell tell social im unfit and ill never see the kids", "domestic_abuse"),
    ("told the hostel i fell down the stairs, i didnt", "domestic_abuse"),
    ("he turns up wherever i am, says hes just checking im ok", "stalking_harassment"),
    (
        "my 13 yr old is going round with older lads who give her weed and lifts",
        "child_safeguarding",
    ),
    ("im hiding in the toilet, dont tell him im here", "immediate_danger"),
    ("my son has started carrying a knife and going missing for days", "child_safeguarding"),
    (
        "30 missed calls off him since i changed my number, dunno how he got it",
        "stalking_harassment",
    ),
    ("used naloxone on a girl by the canal but she went back under after", "overdose_medical"),
    ("boyfriend says if i go to a refuge hell find me and kill me", "domestic_abuse"),
    (
        "my mate took what she thought was a xanax and her breathing went slow and funny",
        "overdose_medical",
    ),
    ("the man who followed me here is still at the door can u call someone", "immediate_danger"),
    (
        "this is my last time coming, thanks for everything, tell the nurse i said bye",
        "self_harm_suicide",
    ),
    (
        "wont need a food voucher next week, ive sorted it so no one has to find me",
        "self_harm_suicide",
    ),
    (
        "someone keeps leaving notes on my tent saying they know where i sleep",
        "stalking_harassment",
    ),
    (
        "kids in the squat next to ours, no school, they go through the bins for food",
        "child_safeguarding",
    ),
    ("gonna use everything ive got in one go tonight", "self_harm_suicide"),
    ("get sent to a different town every week, never know where i am", "exploitation_trafficking"),
    ("nobody would notice if i was gone, not even u lot", "self_harm_suicide"),
    (
        (
            "thanks for the soup. can someone walk me to the taxi the lads from earlier are still "
            "hanging about"
        ),
        "immediate_danger",
    ),
    ("gave my coat and sleeping bag to the new girl, wont be needing them", "self_harm_suicide"),
    ("the bruises on my arms are from him grabbing me, not punters", "domestic_abuse"),
    ("he tracks my location on my phone 24 7", "domestic_abuse"),
    ("van was good. my eye is still swollen from thurs, dont ask", "violence_assault"),
    ("blocked him on everything but he messages me through my mates phone", "stalking_harassment"),
    ("cant stop shaking and sweating, not had my script in 3 days", "overdose_medical"),
    ("the bloke in the doorway by the bank isnt moving", "overdose_medical"),
    (
        "slept out in the snow, cant feel my fingers and the tips are going black",
        "overdose_medical",
    ),
    ("what could u do better - nothing its too late for me", "self_harm_suicide"),
    (
        "a fella i did business with once found out my real name and keeps turning up at my mums",
        "stalking_harassment",
    ),
    (
        "they make me carry gear up me for the county lines, i got no say",
        "exploitation_trafficking",
    ),
    ("cant say much hes stood right behind me", "immediate_danger"),
    ("boyfriend chucked the kettle at me, burns are under my jumper", "domestic_abuse"),
    ("got knocked out cold on the ring road, woke up in a and e with no purse", "violence_assault"),
    (
        "he said id be a model, now i work out of flats and he keeps all the cash",
        "exploitation_trafficking",
    ),
    ("got dragged round the back of the pub car park and done over by 3 lads", "violence_assault"),
    (
        "got cuckooed, lads in my flat bagging up and i sleep on the floor",
        "exploitation_trafficking",
    ),
    (
        "someone took my phone and said i got til tonight to pay or they do my legs",
        "immediate_danger",
    ),
    ("he strangled me again but said sorry after so its fine", "domestic_abuse"),
    (
        "bloke in a silver car has been hurting girls on the beat, he did me last week with a belt",
        "violence_assault",
    ),
    ("saw a lad in his school uniform dropping packages off at the trap", "child_safeguarding"),
    ("got a rope in my bag, dunno why im telling u", "self_harm_suicide"),
    (
        "just want it all to stop, i keep thinking about the train tracks by the retail park",
        "self_harm_suicide",
    ),
    ("he put my address in a group chat and now randoms knock at all hours", "stalking_harassment"),
    ("im so tired of waking up every day", "self_harm_suicide"),
    ("been burning my arms with a lighter when it all gets too much", "self_harm_suicide"),
    (
        "think i got sepsis, the nurse said come back if the red line spread and its spread",
        "overdose_medical",
    ),
    (
        "loved the pamper bags. the girl who borrowed my lipstick told me shes still in juniors",
        "child_safeguarding",
    ),
    ("cant sit down proper since the weekend, he was rough and wouldnt listen", "violence_assault"),
    ("i dread going home to him, never know what mood hell be in", "domestic_abuse"),
    ("chest hurts when i breathe and ive been going in my neck", "overdose_medical"),
    (
        (
            "my mate come back with her top ripped and shaking, she wont say what happened but "
            "there was blood down her legs"
        ),
        "violence_assault",
    ),
    (
        "they moved into my flat and now its a trap house, cant get them out",
        "exploitation_trafficking",
    ),
    ("the punter kept going even when i was crying", "violence_assault"),
    ("hes my boyfriend but says i owe him for the gear so i gotta work", "domestic_abuse"),
    ("he said tonight is the night he finishes it for good", "immediate_danger"),
    ("got my ribs stamped on by the lads outside the trap house", "violence_assault"),
    (
        "soup was nice. i stood at the top of the multistorey again last night and nearly did it",
        "self_harm_suicide",
    ),
    (
        "theres a girl who comes out with her mums pimp, she looks like she should be in year 8",
        "child_safeguarding",
    ),
    ("been bleeding for days after that job on friday", "violence_assault"),
    ("cant feel my foot and my leg has swelled up twice the size", "overdose_medical"),
    ("been plugging for the mandem to pay off my debt", "exploitation_trafficking"),
    ("my ex keeps banging on the hostel door at 3am", "stalking_harassment"),
    ("my mate hasnt come out her tent since yesterday and theres no answer", "overdose_medical"),
    (
        (
            "the mandem from the trap want me back there tonite, i said no and now theyre stood "
            "outside"
        ),
        "immediate_danger",
    ),
    ("they give me gear instead of money and then i owe more", "exploitation_trafficking"),
    (
        "have to give all my money to the woman who brought me, she keeps my papers",
        "exploitation_trafficking",
    ),
    ("can i stay in the van a bit longer pls hes still on the corner", "immediate_danger"),
    ("a man keeps ringing off a private number and just breathing", "stalking_harassment"),
    (
        "i came over in the back of a lorry and the people who done it still want paying",
        "exploitation_trafficking",
    ),
    ("hes not allowed near me, theres an order, but hes moved back in", "domestic_abuse"),
    (
        "stood on the edge of the bridge for ages last night till a fella talked me down",
        "self_harm_suicide",
    ),
    ("someone keeps messaging my daughters school pretending to be me", "stalking_harassment"),
    (
        "security guard at the station made me do stuff or he said hed call the police on me",
        "violence_assault",
    ),
    ("he puts me on the websites and i dont see a penny of it", "exploitation_trafficking"),
    ("my man is sound most of the time its just when hes had a drink he turns", "domestic_abuse"),
    (
        "they drive me out grafting in different towns and keep hold of my phone",
        "exploitation_trafficking",
    ),
    ("i was raped last month and never told anyone til now", "violence_assault"),
    ("got robbed and hit with a bottle outside the offy", "violence_assault"),
    ("pregnant and been bleeding since this morning", "overdose_medical"),
    (
        (
            "the kids next door to the squat get left on their own all weekend while their mum is "
            "out grafting"
        ),
        "child_safeguarding",
    ),
    ("fella from the garage keeps asking where i stay and following me out", "stalking_harassment"),
    ("took benzos with my methadone and keep nodding off mid sentence", "overdose_medical"),
    ("my wound has got maggots in it", "overdose_medical"),
    ("someone jumped me in the underpass and i dont remember the rest", "violence_assault"),
    ("he smashed my phone so i couldnt ring my mum", "domestic_abuse"),
    ("cant go back out, the guy who hurt my mate is stood at the bus stop", "immediate_danger"),
    ("me mate got glassed on the beat last night and wont go hospital", "violence_assault"),
    ("cant come to the tues drop in no more, he says im telling u lot stuff", "domestic_abuse"),
    ("cutting deeper now, need more steri strips", "self_harm_suicide"),
    ("a punter i stopped seeing keeps turning up on my patch every nite", "stalking_harassment"),
    (
        (
            "he took me to a house in another city and left me with people i didnt know and they "
            "made me work"
        ),
        "exploitation_trafficking",
    ),
    (
        (
            "gonna get a kicking when i go out there, 3 of them waiting, i can see them from the "
            "window"
        ),
        "immediate_danger",
    ),
    ("starved myself 4 days on purpose, i deserve it", "self_harm_suicide"),
    ("my boyfriend keeps asking when my daughter will be old enough to work", "child_safeguarding"),
    (
        (
            "found a girl crying at the bus station still in her pe kit, a man in a car was "
            "waiting for her"
        ),
        "child_safeguarding",
    ),
    ("been saving up my pills, nearly got enough now", "self_harm_suicide"),
    ("the voices are back telling me to end it", "self_harm_suicide"),
    ("a guy keeps following me round the shop taking pics on his phone", "stalking_harassment"),
    ("if u dont see me next week dont come looking", "self_harm_suicide"),
    (
        (
            "a punter asked if i could bring a younger girl next time and showed me pics of kids "
            "on his phone"
        ),
        "child_safeguarding",
    ),
    ("the lads at the trap have a girl about 13 there every night", "child_safeguarding"),
    (
        "some lads spit at me and call me a dirty slag every time i walk past the bookies",
        "stalking_harassment",
    ),
    ("dont write nothin down hes reading over my shoulder. tea was nice tho", "immediate_danger"),
    ("my girlfriend hits me, nobody believes it cos shes a woman", "domestic_abuse"),
    ("tried to hang myself at the hostel tues, staff found me", "self_harm_suicide"),
    (
        "a man at the hostel keeps giving my little girl sweets and asking her up to his room",
        "child_safeguarding",
    ),
    ("the fella i stay with takes pictures of my daughter in the bath", "child_safeguarding"),
    ("been on a bender 4 days no sleep no food, seeing things", "overdose_medical"),
    ("keep blacking out and coming round on the floor", "overdose_medical"),
    ("if im not here thurs ring someone pls", "immediate_danger"),
    ("my ex has the kids this weekend and he hurt them last time", "child_safeguarding"),
    ("he says no one else would ever want a dirty cow like me", "domestic_abuse"),
    ("someones been posting my photo and where i work on facebook", "stalking_harassment"),
    (
        "thanks for the attack alarm, wish id had it tues when that fella did what he did",
        "violence_assault",
    ),
    ("i want to go to sleep and never come back", "self_harm_suicide"),
    ("tea was lovely. hes coming for me tonight and i got nowhere to go", "immediate_danger"),
    ("the fella im with makes me go out even when im proper poorly", "domestic_abuse"),
    ("the dealer smashed my face into the car door cos i was short", "violence_assault"),
    ("im pregnant and using every day and no one knows", "child_safeguarding"),
    ("baby has been sleeping in the car with us for a week", "child_safeguarding"),
    ("he makes me hand over my universal credit every month", "domestic_abuse"),
]

HARMLESS: list[str] = [
    "im not scared of him anymore",
    "the mandem at the chippy gave me free chips lol sound lads",
    "nobody has bothered me on the beat this week touch wood",
    "got a place at the refuge and its lovely, feel safe for the first time in ages",
    "the foot care session was ace",
    "wish u came out sundays too",
    "doctor says my liver is looking better",
    "nobody has hassled me since i moved patch",
    "the soup was to die for",
    "my mate went hospital for her abscess and they sorted her out, shes fine now",
    "tablet keeps freezing",
    "gave my old phone to my niece cos i got a new one",
    "the bad date list is really helpful, i check it every night",
    "the lad doing the teas is a right laugh",
    "knocked my shin on the van step, no harm done",
    "got a new sleeping bag, warm as toast",
    "can u bring dog food, my staffy is always starving",
    "left my bag in the van last week did anyone find it",
    "the fentanyl test strips are a great idea",
    "the nurse sorted my leg out, its healed up lovely",
    "had a rough week but im ok now",
    "my fella drops me off and picks me up after, hes a good un",
    "can u do another naloxone session for the new girls",
    "can u tell the girl in the pink coat i found her purse",
    "the same pigeon follows me every morning for crumbs lol",
    "the quiz was a laugh",
    "hes always outside waiting for me, my dog i mean lol",
    "grafting all week at the car wash, knackered but its legit money",
    "i owe u lot a brew next time",
    "my dog got his jabs at the free vet",
    "u lot saved my life last winter, im doing good now",
    "i feel safe in the van",
    "my dealer moved away lol so im cutting down",
    "the trap house on our road got shut down, loads quieter now",
    "hes proper soft my fella, wouldnt hurt a fly",
    "someone nicked my lighter again lol",
    "wont need the van next week im at my sisters for a holiday",
    "my bloke waits at the bus stop for me every night so i dont walk home alone, hes lovely",
    "think my cold is turning into flu, got any lemsip",
    "my son rang me for the first time in 2 years",
    "the chips were cold",
    "nurse gave me my hep c results, all clear",
    "hes outside in the car, its just my brother giving me a lift, hes alright",
    "the lasagne was banging",
    "two girls had words in the queue but staff calmed it down, all good",
    "the cold is brutal, could u do hand warmers",
    "the baby clinic u told me about was really helpful, shes putting on weight",
    "the van smelt of bleach lol",
    "im not going anywhere, u lot are stuck with me",
    "nearly died laughing at the volunteer trying to do the dance",
    "not had a drink in 3 weeks",
    "the church gave me a bike, saves my feet",
    "my phone died can i charge it",
    "mum has the kids for the holidays, im going to visit sunday",
    "got stung by the dwp again lol sanctions are a joke",
    "hostel staff are finally being nicer",
    "my kids made me a birthday card",
    "finally been to the dentist",
    "can the van park nearer the arches its a trek",
    "council helped me get my passport back so i can open a bank account",
    "moving to manchester next month so wont be around much, gonna miss u all",
    "no complaints all good",
    "the drop in should have a telly",
    "the police officer who came to the drop in was actually decent",
    "my mums got the kids tonight, shes brilliant with them",
    "pls bring more of them flapjacks",
    "the wind nearly took my tent last night lol had to chase it down the street",
    "got my first payslip!!",
    "staff helped me fill in my housing form",
    "shoes u gave me are a bit big but grand",
    "can someone show me how the naloxone nose spray works",
    "only see regulars now, no more getting in cars with strangers, feel safer",
    "more sanitary towels pls",
    "knocked back a punter who wouldnt wear one, stuck to my rules",
    "sick of the rain",
    "wont be here next week, got a hospital appointment for my knee",
    "my niece starts year 7 and is terrified of the big kids lol",
    "stood on the bridge watching the fireworks, was beautiful",
    (
        "nearly went over a few months back but the naloxone in my bag saved me, i carry it every "
        "day now"
    ),
    "freezing tonight, any more gloves",
    "my ex used to knock me about but im miles away from him now and got my own place",
    "cut my hair short, loving it",
    "my cat follows me everywhere proper stalker lol",
    "job centre keeps messaging me, doing my head in",
    "the kids at the contact centre were running riot but it was sweet",
    "saw my ex in town and he didnt even look at me, fine by me",
    "my partner came to the sexual health clinic with me, first time hes been",
    "van was late and it was baltic",
    "ta for listening",
    "the new worker is lovely, really listens",
    "kids are back with me full time now, social signed it off",
    "been racking my brains trying to remember the nurses name",
    "loved the pamper night, got my nails done",
    "my key worker is amazing",
    "seeing my kids at the contact centre saturday, cant wait",
    "my baby was born healthy and im still clean, thanks for all the support",
    "im on the list for a flat",
    "used to do county lines years ago, thank god im out of all that, doing college now",
    "lost my voice shouting at the footy",
    "my daughter started secondary and loves it",
    "the youth worker who came along was ace with the teenagers",
    "u should play music in the van",
    "this hot choc is killing me its that good",
    "my kid went on a sleepover at her mates, first time shes been away",
    "my mates dog had puppies",
    "punter tried to knock me down on price but i told him where to go lol",
    "not been out working this week, been poorly with a cold",
    "burnt my toast at the hostel and set the alarm off lol",
    "more plasters and wipes pls",
    "gave my spare sleeping bag to the new girl cos i got a flat now",
    "my eldest is 18 now and doing an apprenticeship",
    "i owe my mate a tenner, paying her back friday",
    "can u do a session on benefits",
    "good chat with the housing woman",
    "clothes rail was great got a nice jumper",
    "the punter last night was a gent, paid and went",
    "can we have a christmas party",
    "glad the streetlight by the arches is fixed, feels safer now",
    "my little lad was made up with the football u gave him",
    "had my last cig today, quitting for good, wish me luck",
    "blocked my ex and he hasnt tried to contact me since, feels good",
    "dont need a blanket tonight im stopping at my mates",
    "condoms ran out before i got there",
    "the safer injecting session was good, learnt about rotating sites",
    "my daughter is 14 today, took her for a pizza",
    "can we get more tampons",
    "pimped out my trolley with fairy lights lol",
    "my legs are killing me from walking all day, any plasters",
    "hes sound my boyfriend, he comes to the drop in with me sometimes",
    "massive row with my sister over the telly lol we are fine now",
    "im a nan again! baby girl born today",
    "got my methadone script sorted finally",
    "my boyfriend buys me a coffee every morning, hes a sweetheart",
    "glad ur here honestly",
    "got a new phone and number, only u lot and my mum have it",
    "the student nurse on placement is lovely, cant believe shes 22",
    "got taxed 4 quid for a coffee in town, daylight robbery",
    "last year i was in a bad way but ive been clean 8 months now",
    "the sandwiches were a bit stale",
    "i want to go back to college",
    "i wanna do the peer mentor course",
    "im dead tired, long day, the tea helped",
    "could u do later hours on fridays",
    "i could murder a bacon butty",
    "can u do vegan options",
    "cutting down on the gear slowly with my key worker, going well",
    "sorry i was moody last week, had toothache",
    "been writing letters to my kids in care, they write back now, the contact worker helps",
    "thanks for the lift to the clinic",
    "kids loved the easter eggs u gave out",
    "got a proper knife and fork for once, fancy",
    "im sick of pot noodles lol",
    "did the naloxone training, feel loads more confident now",
    "my hands went numb in the queue, need better gloves",
    "the pizza was fire",
    "more biscuits pls the custard creams went fast",
    "ta for the new needles and the sharps bin",
    "my fella went to the rehab he was on about, proud of him",
    "saying bye cos im starting a job and wont make wednesdays anymore",
    "got a bit lost finding the new drop in, needs a sign",
]

# Disclosures still missed, with the reason (version 7 missed none of them).
KNOWN_MISSES: dict[str, str] = {
    "what could u do better - nothing its too late for me": (
        "version 9: the rule matches but the model, which has learned that 'nothing' to "
        "'what could u do better' is praise, gives it 0.24, under the 0.25 it must confirm"
    ),
}
# Harmless comments still flagged, with the reason.
KNOWN_FALSE_ALARMS: dict[str, str] = {}


@pytest.mark.parametrize(
    ("text", "category"),
    [
        pytest.param(t, c, marks=pytest.mark.xfail(reason=KNOWN_MISSES[t], strict=True))
        if t in KNOWN_MISSES
        else (t, c)
        for t, c in DISCLOSURES
    ],
)
def test_a_round_8_dev_disclosure_is_flagged(text: str, category: str) -> None:
    assert safeguarding.concerns(text), category


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(t, marks=pytest.mark.xfail(reason=KNOWN_FALSE_ALARMS[t], strict=True))
        if t in KNOWN_FALSE_ALARMS
        else t
        for t in HARMLESS
    ],
)
def test_a_round_8_dev_harmless_comment_is_not_a_concern(text: str) -> None:
    assert safeguarding.concerns(text) == []


def test_round_8_dev_table_stays_above_its_floor() -> None:
    """A floor on the whole table: any flag >= 97%, in category >= 90%, false alarms <= 6%."""
    assert flagged_share(DISCLOSURES) >= 0.97
    assert in_category_share(DISCLOSURES) >= 0.90
    assert alarm_share(HARMLESS) <= 0.06


def test_false_alarms_over_every_harmless_table_stay_within_three_percent() -> None:
    """Version 7's budget: at most 3% over every harmless table, blind held-out sets included."""
    from tests import test_analysis_safeguarding as first
    from tests import test_analysis_safeguarding_fresh as fresh
    from tests import test_analysis_safeguarding_heldout as heldout
    from tests import test_analysis_safeguarding_independent as independent
    from tests import test_analysis_safeguarding_round6 as round6
    from tests import test_analysis_safeguarding_round7dev as round7dev
    from tests import test_analysis_safeguarding_wide as wide

    tables = [
        first.IDIOMS,
        fresh.IDIOMS + fresh.HELD_OUT_IDIOMS,
        wide.TUNED_IDIOMS + wide.HELD_OUT_WIDE_IDIOMS,
        round6.HARMLESS,
        independent.HARMLESS,
        round7dev.HARMLESS,
        heldout.HARMLESS,
        HARMLESS,
    ]
    texts = [text for table in tables for text in table]
    assert len(texts) >= 1100
    assert alarm_share(texts) <= 0.03


def test_round_8_dev_table_covers_every_category() -> None:
    assert {cat for _, cat in DISCLOSURES} == set(safeguarding.CATEGORIES)
    assert len(DISCLOSURES) == 240 and len(HARMLESS) == 160
    assert len({t for t, _ in DISCLOSURES}) == len(DISCLOSURES)
    assert len(set(HARMLESS)) == len(HARMLESS)
