# ruff: noqa: E501 - the comments are kept exactly as they were written
"""Two held-out safeguarding sets: written blind, measured once per version, never tuned on.

Both were written on 2026-11-30 by writers who had not seen analysis/safeguarding.py, its
test tables or each other's sets, as a woman would type on the tablet at night (set A:
160 disclosures, 20 per category, and 100 harmless comments with danger-looking words;
set B: the same shape, with harmless "near-twins" of disclosures). They were kept outside
the project while the rules were changed, and only totals were read:

| version | set A flagged | set A false alarms | set B flagged | set B false alarms |
|---|---|---|---|---|
| 4 | 106/160 = 66% | 0/100 | - | - |
| 5 | 122/160 = 76% | 0/100 | 113/160 = 71% | 8/100 |
| 6 | 130/160 = 81% | 2/100 | 128/160 = 80% | 13/100 |

Together, version 6 flags 258/320 = 81% of disclosures with 15/200 = 7.5% false alarms;
the issue's target is 95% and at most 10%. The floors hold that line. DO NOT tune rules on
these cases (or read them to fix misses): they are the project's honest estimate of how
the rules do on wording nobody anticipated. All text is invented; no real names, numbers
or addresses.
"""

from __future__ import annotations

from analysis import safeguarding

DISCLOSURES_A: list[tuple[str, str]] = [
    ("im not safe tonight can someone come out to me", "immediate_danger"),
    ("hes waiting outside the van for me i cant go back out there", "immediate_danger"),
    (
        "pls dont let me leave yet the car thats been circling is the one from last week",
        "immediate_danger",
    ),
    (
        "got nowhere to go and he said if i come back to the flat tonight im dead",
        "immediate_danger",
    ),
    (
        "can i stay in here a bit longer, theres a bloke at the bus stop whos been watching me all night and he had a blade on him earlier",
        "immediate_danger",
    ),
    (
        "soup was lush. also need help now, my ex is round the corner and hes off his head",
        "immediate_danger",
    ),
    (
        "dont feel right going back to the squat tonight, the lads there said theyd sort me out for grassing",
        "immediate_danger",
    ),
    (
        "scared to go home. he txtd saying hes gonna be waiting up for me and i know what that means",
        "immediate_danger",
    ),
    ("if i get in another car tonight i dont think im coming back", "immediate_danger"),
    (
        "someones kicked the door of the hostel in looking for me, im hiding in the toilets here",
        "immediate_danger",
    ),
    (
        "need to get off the beat rite now the man in the silver van grabbed my arm and said hed be back for me",
        "immediate_danger",
    ),
    ("can u ring someone for me i cant go out the door hes right there", "immediate_danger"),
    (
        "my pimp knows im here. please dont open the door to anyone asking for me",
        "immediate_danger",
    ),
    ("whats the number for refuge i need a bed tonight not tomorrow TONIGHT", "immediate_danger"),
    (
        "dealer said if i dont have it by midnight hes doing my knees. its 11 now",
        "immediate_danger",
    ),
    (
        "thanks for the tea. idk where to sleep, every place i go he finds me and tonights worse than usual hes properly raging",
        "immediate_danger",
    ),
    (
        "feel like somethings gonna happen 2nite, 3 missed calls off him and a voicenote saying watch ur back",
        "immediate_danger",
    ),
    (
        "pls cud someone walk me to the taxi rank theres a group of men by the arches been shouting what theyll do to me",
        "immediate_danger",
    ),
    (
        "i legged it from a punters car 10 mins ago and hes still driving round looking",
        "immediate_danger",
    ),
    (
        "not going back to that flat, he locked me in last time and tonight he said it would be for good",
        "immediate_danger",
    ),
    ("dont see the point anymore tbh", "self_harm_suicide"),
    ("been saving my script up, got enough now i think", "self_harm_suicide"),
    ("everyones better off without me, the van included no offence", "self_harm_suicide"),
    ("cut myself again last nite, its gone a bit yellow round it", "self_harm_suicide"),
    (
        "thinking of going off the top of the multistory on the ring road. not joking this time",
        "self_harm_suicide",
    ),
    ("i just want to go to sleep and not wake up", "self_harm_suicide"),
    (
        "good chat with the nurse. didnt tell her ive been thinking about ending it all",
        "self_harm_suicide",
    ),
    (
        "tired of everything. might just step out in front of a lorry and be done with it",
        "self_harm_suicide",
    ),
    (
        "keep burning my arms with a lighter when it gets bad, its getting bad more often",
        "self_harm_suicide",
    ),
    ("had a rope in my bag for a week now. dunno why im telling a tablet", "self_harm_suicide"),
    (
        "if i dont see u next week its cos i finally did it. thanks for being kind x",
        "self_harm_suicide",
    ),
    (
        "could do better: someone to talk to at 3am when the voices tell me to do it",
        "self_harm_suicide",
    ),
    (
        "took a load of pills last week on purpose, woke up in a&e, nobodys followed it up",
        "self_harm_suicide",
    ),
    ("no one would even notice if i was gone, my own mum wouldnt", "self_harm_suicide"),
    ("im done. properly done. this is the last time ill come in", "self_harm_suicide"),
    ("got my stash of paras sorted for when i need it", "self_harm_suicide"),
    (
        "the river looks peaceful some nights, been stood on the bridge a few times lately",
        "self_harm_suicide",
    ),
    ("wish the last punter had just finished me off tbh", "self_harm_suicide"),
    (
        "hurting myself is the only thing that works now, the bathroom at the hostel is a mess from it",
        "self_harm_suicide",
    ),
    ("keep writing goodbye letters to my kids in my head", "self_harm_suicide"),
    ("punter put his hands round my neck last night till i saw stars", "violence_assault"),
    ("got battered by a bloke in the park, ribs are still killing me", "violence_assault"),
    ("some lads threw a bottle at me from a car, cut my head open", "violence_assault"),
    (
        "he wouldnt stop when i said no. then he wouldnt pay. then he chucked me out the car on the bypass",
        "violence_assault",
    ),
    ("was raped on sunday. havent told anyone. dont want police", "violence_assault"),
    (
        "had my bag nicked and got booted in the face when i tried to get it back",
        "violence_assault",
    ),
    ("punter pulled a knife when i asked for the money first", "violence_assault"),
    ("he took the condom off without asking and held me down", "violence_assault"),
    ("my mate got beat up that bad behind the station she cant open her eye", "violence_assault"),
    ("got jumped by two girls over a spot, one had a stanley", "violence_assault"),
    (
        "woke up in a strangers flat with no knickers and no memory, think i was spiked",
        "violence_assault",
    ),
    ("a bloke choked me out in his car, came round on the pavement", "violence_assault"),
    ("3 men in a house near the canal made me do stuff i never agreed to", "violence_assault"),
    (
        "could u do better with the ugly mugs list. the guy in the black audi hit my mate with a steering lock",
        "violence_assault",
    ),
    ("face is still swollen from saturday, punter headbutted me", "violence_assault"),
    ("robbed at knifepoint on the corner, took my phone and my nights money", "violence_assault"),
    ("he bit me hard enough to bleed and just laughed", "violence_assault"),
    ("someone set fire to my tent while i was in it", "violence_assault"),
    ("got dragged into the alley by my hair on tuesday", "violence_assault"),
    ("punter stamped on my hand, think a fingers broke", "violence_assault"),
    (
        "my fella takes all my money off me at the end of the night and if its short i get a slap",
        "domestic_abuse",
    ),
    (
        "he checks my phone every time i get in and goes mental if theres a number he dont know",
        "domestic_abuse",
    ),
    ("bf pushed me down the stairs but it was my fault i wound him up", "domestic_abuse"),
    ("he wont let me have my own bank card or my id", "domestic_abuse"),
    (
        "when hes been drinking he goes for me, bruises are all on my back so no one sees",
        "domestic_abuse",
    ),
    ("partner says if i leave hell tell everyone what i do and keep the dog", "domestic_abuse"),
    ("my man held a pillow over my face cos i came back late", "domestic_abuse"),
    ("i love him but hes hurt me so many times ive lost count", "domestic_abuse"),
    ("cant stay long he times how long im out", "domestic_abuse"),
    ("husband smashed my phone so i couldnt ring my sister", "domestic_abuse"),
    (
        "he puts his hands round my throat in bed, says its just a game but i dont like it",
        "domestic_abuse",
    ),
    (
        "hes not meant to be near me, theres an order, but hes moved back in and i cant say no",
        "domestic_abuse",
    ),
    (
        "boyfriend makes me score for him and if i dont get enough he locks me out in the cold",
        "domestic_abuse",
    ),
    ("my girlfriend hits me, ppl dont believe a woman can do that", "domestic_abuse"),
    ("he threw the kettle at me when it just boiled, hand still blistered", "domestic_abuse"),
    ("says im nothing without him and ive started believing it", "domestic_abuse"),
    ("my partner burnt my clothes so i cant go anywhere", "domestic_abuse"),
    ("he wont let me see my mum, only lets me out to work", "domestic_abuse"),
    ("my sisters fella is battering her, she came out with a split lip again", "domestic_abuse"),
    ("it was him who did my eye, not a punter like i said last week", "domestic_abuse"),
    ("a punter keeps turning up wherever i am, even outside the chemist", "stalking_harassment"),
    (
        "someone followed me back to the squat after i got out the van last week, hes been back twice since",
        "stalking_harassment",
    ),
    (
        "my ex made a fake fb and keeps messaging my mates asking where im sleeping",
        "stalking_harassment",
    ),
    ("keep getting calls off a withheld number at 4am, just breathing", "stalking_harassment"),
    ("same car keeps parking opposite the hostel with its lights off", "stalking_harassment"),
    (
        "a bloke knows my real name and what school my kids go to and ive never told him",
        "stalking_harassment",
    ),
    ("think hes put a tracker on my phone, he always knows where i am", "stalking_harassment"),
    ("ex keeps leaving stuff on my doorstep, dead flowers last time", "stalking_harassment"),
    (
        "punter wont take no, texts me 50 times a day, says hes in love with me",
        "stalking_harassment",
    ),
    (
        "getting loads of messages calling me a dirty smackhead whore saying theyll tell my family",
        "stalking_harassment",
    ),
    ("he put pics of me online with where i stand", "stalking_harassment"),
    (
        "the man from the garage keeps following me to the van and sitting there watching",
        "stalking_harassment",
    ),
    ("i moved hostels but he found me in 2 days", "stalking_harassment"),
    ("someone keeps ringing the hostel asking for me by my working name", "stalking_harassment"),
    ("saw him outside my mums again even tho i blocked him on everything", "stalking_harassment"),
    ("a guy been filming us girls on the beat and putting it on some site", "stalking_harassment"),
    ("he waits at the end of the road every morning when i come off", "stalking_harassment"),
    (
        "weird bloke in a hi vis keeps showing up at the drop in door asking if im in, plz dont tell him",
        "stalking_harassment",
    ),
    (
        "my old punter got hold of my new number somehow and knows my new address",
        "stalking_harassment",
    ),
    (
        "its been 3 months of him turning up everywhere, i feel watched all the time",
        "stalking_harassment",
    ),
    ("i dont keep any of the money, it all goes to him and his mates", "exploitation_trafficking"),
    (
        "they brought me over saying it was cleaning work, now i cant leave the house only to work",
        "exploitation_trafficking",
    ),
    (
        "the man who drops me off has my passport and wont give it back till ive paid",
        "exploitation_trafficking",
    ),
    (
        "owe my dealer 2 grand so im working it off for him, he sets the punters up",
        "exploitation_trafficking",
    ),
    (
        "girl i work with barely speaks english and a man watches her from a car the whole time",
        "exploitation_trafficking",
    ),
    ("they make us do 10 a night or we dont eat", "exploitation_trafficking"),
    (
        "my boyfriend sets up the dates for me on his phone, i dont really get a say",
        "exploitation_trafficking",
    ),
    (
        "been moved round different cities, dont even know what town this is",
        "exploitation_trafficking",
    ),
    (
        "got cuckooed, lads are using my flat to deal and they make me do stuff for them",
        "exploitation_trafficking",
    ),
    (
        "he says i owe him for the room and the gear and it just keeps going up",
        "exploitation_trafficking",
    ),
    (
        "have to hand my phone over every night so he can check the punters paid",
        "exploitation_trafficking",
    ),
    (
        "cant come next week, they taking me to another house, dont know where",
        "exploitation_trafficking",
    ),
    (
        "someones been making girls sleep with his mates to clear their debts",
        "exploitation_trafficking",
    ),
    (
        "the nice older guy who gave me a place to stay now wants me to pay him back by seeing his friends",
        "exploitation_trafficking",
    ),
    (
        "theres a flat above the takeaway where they keep girls, they bring them down the beat in a minibus",
        "exploitation_trafficking",
    ),
    (
        "not allowed to talk to yous, hes parked across the road, just give me condoms",
        "exploitation_trafficking",
    ),
    (
        "my 'manager' takes 80% and if i argue he says hell report me to immigration",
        "exploitation_trafficking",
    ),
    (
        "lads from the city came and took over, now we have to pay them to stand on our own patch",
        "exploitation_trafficking",
    ),
    ("being made to run gear up to a town up north as well as work", "exploitation_trafficking"),
    (
        "he give me my first bag for free, now i cant stop working for him",
        "exploitation_trafficking",
    ),
    (
        "theres a girl out on the beat tonight looks about 15, she had a school bag",
        "child_safeguarding",
    ),
    (
        "left my little ones with my fellas mate tonight and hes not great with them",
        "child_safeguarding",
    ),
    (
        "my daughter is 14 and an older bloke keeps picking her up from school in a nice car",
        "child_safeguarding",
    ),
    (
        "kids been on their own since this afternoon, had to come out for money",
        "child_safeguarding",
    ),
    (
        "young lad being used to run gear round the estate, cant be more than 12",
        "child_safeguarding",
    ),
    ("my neighbours baby cries all night and ive never seen the mum sober", "child_safeguarding"),
    (
        "pregnant and still using every day, scared theyll take it off me so i havent told anyone",
        "child_safeguarding",
    ),
    ("me partner hits the kids when hes drunk", "child_safeguarding"),
    (
        "saw a punter trying to get a girl in school uniform into his car by the chicken shop",
        "child_safeguarding",
    ),
    ("my son found my needles again", "child_safeguarding"),
    (
        "the man i stay with has asked about my 13 yr old a few times and it made me feel sick",
        "child_safeguarding",
    ),
    ("my sister leaves her toddler in the car when shes working", "child_safeguarding"),
    ("girl at the hostel says shes 18 but shes got braces and a kids phone", "child_safeguarding"),
    (
        "social services dont know the kids are back with me and their dads around again",
        "child_safeguarding",
    ),
    (
        "my eldest is going missing for days and comes back with new trainers and phones",
        "child_safeguarding",
    ),
    (
        "can yous help, i think my niece is being groomed online by some man saying hes 16",
        "child_safeguarding",
    ),
    (
        "there was a little kid in the house where we were using, sat in the corner all night",
        "child_safeguarding",
    ),
    ("babys not been fed since yesterday, ive got nothing", "child_safeguarding"),
    (
        "young ones, like year 9 age, hanging round the old mill with the men from the flats",
        "child_safeguarding",
    ),
    (
        "stepdad goes in my girls room at night, she told me and i didnt believe her",
        "child_safeguarding",
    ),
    (
        "my mate took something in the toilets in the park and shes gone all blue, pls send someone",
        "overdose_medical",
    ),
    ("found a girl slumped by the bins not breathing properly", "overdose_medical"),
    ("had to use my naloxone on my friend last nite, took 2 goes", "overdose_medical"),
    (
        "theres new gear about thats knocking people out cold, 3 people dropped this week",
        "overdose_medical",
    ),
    ("abscess on my leg has gone black and smells, been like it a week", "overdose_medical"),
    ("keep having fits since i stopped the benzos", "overdose_medical"),
    (
        "she went over in the squat and the lads wouldnt ring an ambulance cos of the police",
        "overdose_medical",
    ),
    ("chest pains all day after the crack, cant catch my breath", "overdose_medical"),
    ("mixed my meth with vallies and drink, feeling proper weird and sleepy", "overdose_medical"),
    ("my friend hasnt woken up since this afternoon, is that normal on spice?", "overdose_medical"),
    ("injecting in my groin cos my arms are gone, now its swollen and hot", "overdose_medical"),
    ("bleeding down there for 2 weeks and it wont stop", "overdose_medical"),
    ("pregnant and had a bad pain and bleeding tonight", "overdose_medical"),
    (
        "lass in the tent next to me was making that snoring noise and wouldnt wake up",
        "overdose_medical",
    ),
    ("think im having a reaction, throat feels tight and im itchy all over", "overdose_medical"),
    ("i dropped last week and they brought me back, first time in 2 years", "overdose_medical"),
    ("been sick with blood in it", "overdose_medical"),
    ("got out of prison tuesday and used the same amount as before", "overdose_medical"),
    ("cant feel my feet been out in the cold all night, theyre gone white", "overdose_medical"),
    ("diabetic and not had insulin in days, feel shaky and confused", "overdose_medical"),
]

HARMLESS_A: list[str] = [
    "soup was killer tonight, proper warming",
    "freezing my tits off out there so the hot choc was a lifesaver",
    "dying for a wee and the toilet was free for once, ta",
    "could do better: more of the safety leaflets with the ugly mugs on, they ran out",
    "police liaison session was actually alright, didnt think it would be",
    "thanks for the kids christmas presents, my little one will be buzzing",
    "my partner picked me up tonight so didnt need the taxi, he says thanks for looking after me",
    "no dramas tonight, all quiet",
    "need a couple of quid for the bus home if anyones got it",
    "txt reminder for my hospital appointment on thursday was helpful",
    "nobodys bothered me this week, first time in ages, feels nice",
    "the nurse sorted my wound dressing, healing well now",
    "felt safe in the van, staff are lovely",
    "could do with more blankets, nights are brutal",
    "the knife crime talk was interesting but a bit long",
    "my mate overdid it on the biscuits lol",
    "got my naloxone training today, feel more confident now",
    "the cold is killing me but the van is always warm",
    "not suicidal or anything just fed up of the rain",
    "more sanitary towels pls",
    "staff went above and beyond getting me a bed at the hostel, proper grateful",
    "need more condoms and lube, ran out fast this week",
    "the film night was a scream",
    "id murder a bacon sarnie, any chance of hot food next time?",
    "blokes been fine this week, no trouble",
    "ty for helping me fill in the housing forms",
    "chilli was fire",
    "gutted i missed the hairdresser",
    "punters quiet tonight, cold weather keeps them in",
    "my kids are with my mum this week and shes doing great with them",
    "thanks for the clean works and sharps bin",
    "van was late and i nearly froze to death lol",
    "better than last year, more staff",
    "cud u get more phone chargers, mines always dead",
    "the talk about scams and loan sharks was useful, didnt know half of it",
    "my fella got his first job in years, proud of him",
    "buzzing i got my script sorted",
    "would be good to have a shower on the van",
    "sandwiches were a bit stale tbh",
    "the self defence class was a laugh, want another one",
    "6 months clean today!! thanks for believing in me",
    "more vegan options pls",
    "worker helped me get my id back from the council, finally",
    "happy to see the same faces every week",
    "kids party at the centre was brill my daughter loved the face paint",
    "got a new phone, can you update my number for the texts",
    "head is banging, any paracetamol going?",
    "police were actually decent tonight, moved some lads on who were being loud",
    "nice to have somewhere that doesnt judge",
    "i was that hungry i could of eaten a horse",
    "buses are a nightmare this time of night but the tokens helped",
    "pregnancy test was negative phew",
    "got my flu jab here, arm a bit sore but fine",
    "music was shocking lol who picked it",
    "felt a bit low earlier but the chat cheered me up, all good now",
    "my friend is safe now, moved to her aunties down south, thanks for helping her",
    "thank u for the sleeping bag, was a lifesaver",
    "can you bring hand warmers, my fingers went numb but theyre fine now",
    "staff nagged me about going the dentist lol fair enough",
    "my boyfriend says hi, hes doing the detox programme now",
    "not been hit by any punters this month touch wood",
    "wish you came out on sundays too",
    "the new worker is a bit shy but sound",
    "got my hep results back all clear",
    "leaflet about strangulation signs was useful to know, keeping it for my mates",
    "the quiz was cutthroat, still fuming i lost",
    "coffee strong enough to wake the dead",
    "mental night at the bingo",
    "more tampons and wet wipes please",
    "would be good to have somewhere to charge phones",
    "happy birthday to the driver!",
    "my kids dad took them to the panto, they loved it",
    "dropped my chips on the floor, gutted",
    "had a fall on the ice last week but im fine now, just a bruise",
    "the sexual health nurse was great, very gentle",
    "loved the pamper night, nails look gorge",
    "money advice lady helped me sort my universal credit",
    "can u get the tablet screen fixed its cracked",
    "van smelt of bleach lol",
    "i was shaking when i came in but it was just the cold, warm now",
    "me and my partner are getting on well, hes been really supportive",
    "got no complaints, keep doing what your doing",
    "sometimes feel like no one cares but yous do",
    "tell the council the streetlight on the corner is out again",
    "the pasta bake was to die for",
    "brill to get the hostel referral, moving in monday",
    "my little boy started school this week, so proud",
    "please keep the van coming through winter, we need it",
    "wasnt threatened or hassled by anyone tonight, quiet one",
    "cracking night, good laugh with the girls",
    "dentist appointment booked for me, ta",
    "the rape crisis poster on the van wall is a good idea, people should know the number",
    "overdose awareness day candles were lovely, made me think of my brother",
    "my mate is getting married, she wants yous to come lol",
    "blood pressure check was fine",
    "the toilet roll situation is dire",
    "got a bit of a cough but the nurse said its just a cold",
    "thank you for remembering my name",
    "beat my record, 3 weeks without using",
    "the drugs worker explained the fentanyl testing strips really well",
]

DISCLOSURES_B: list[tuple[str, str]] = [
    ("hes outside the van now waitin for me pls dont make me go out yet", "immediate_danger"),
    (
        "the blue car been round 3 times tonite he said hed finish me if i didnt get in",
        "immediate_danger",
    ),
    (
        "can someone walk me to the bus stop hes parked up by the garage n hes got a blade on him",
        "immediate_danger",
    ),
    (
        "soup was nice but i cant go back to the flat tonight he said hes gonna do me in when i get back",
        "immediate_danger",
    ),
    (
        "my mate kel got in a car wiv a bloke 2 hours ago and her phone is off now and she always texts me",
        "immediate_danger",
    ),
    (
        "theres a man up by the arches with a bat looking for the girls who took his money and he thinks its me",
        "immediate_danger",
    ),
    ("dont let me leave with him please", "immediate_danger"),
    ("if i go home tonight i wont come out of it thats all im saying", "immediate_danger"),
    (
        "lads in the white van keep circling n shouting theyre gonna get me after u lot go",
        "immediate_danger",
    ),
    (
        "hes got my phone n my keys and hes sat in the car across the road watching the van right now",
        "immediate_danger",
    ),
    (
        "need somewhere tonite not safe to go back, he kicked the door in earlier and said hed be back for me",
        "immediate_danger",
    ),
    (
        "the girl in the red coat hasnt come back from the punter she went with at 10 and its gone 1 now worried sick",
        "immediate_danger",
    ),
    ("he rang and said hes coming down here to drag me back by my hair", "immediate_danger"),
    (
        "thanks for the condoms. can u stay parked a bit longer tho theres a fella by the bins thats been following me all nite and i dont feel right",
        "immediate_danger",
    ),
    ("im locked out and hes inside with a hammer saying hell use it on me", "immediate_danger"),
    (
        "my dealer says if i dont have his money by the morning im done for and he means it",
        "immediate_danger",
    ),
    (
        "new girl got pulled into a car on the corner by 2 men about 20 mins ago nobody knows where shes gone",
        "immediate_danger",
    ),
    (
        "staff r lovely. pls dont tell the tall guy with the scar im here if he asks hes been looking for me since he got out",
        "immediate_danger",
    ),
    (
        "he poured petrol round the tent last nite and said next time hes lighting it",
        "immediate_danger",
    ),
    ("cant talk hes right there", "immediate_danger"),
    ("i dont think ill be around much longer so thanks for everything x", "self_harm_suicide"),
    ("whats the point anymore honestly. soup was nice tho", "self_harm_suicide"),
    ("been cutting again since they took the baby", "self_harm_suicide"),
    ("ive been saving my tablets up. just so u know im grateful for the van", "self_harm_suicide"),
    (
        "sometimes i stand on the bridge on the way here and think about just going over",
        "self_harm_suicide",
    ),
    ("id be better off not waking up tbh everyone would be", "self_harm_suicide"),
    (
        "my friend sal keeps saying when her money comes in shes gonna buy enough to not wake up",
        "self_harm_suicide",
    ),
    ("told my worker i was fine but im not, i dont wanna be here no more", "self_harm_suicide"),
    ("if im not here next week dont come looking", "self_harm_suicide"),
    (
        "burnt my arms with a lighter again last nite its the only thing that makes it stop",
        "self_harm_suicide",
    ),
    (
        "could u do more on mental health, the voices keep telling me to walk in front of a bus and im starting to listen",
        "self_harm_suicide",
    ),
    (
        "gave my dog to my sister today so shes sorted. wanted to say bye to the van girls",
        "self_harm_suicide",
    ),
    ("so tired of everything, tired of waking up", "self_harm_suicide"),
    (
        "the new girl has marks all up her arms fresh ones and she said she wants to die",
        "self_harm_suicide",
    ),
    ("took a load of pills on purpose last week didnt work, might try again", "self_harm_suicide"),
    (
        "wish the punter had just finished me off last nite would of been easier",
        "self_harm_suicide",
    ),
    ("ive wrote letters for my kids in case", "self_harm_suicide"),
    ("nobody would notice if i was gone would they", "self_harm_suicide"),
    ("keep thinking about the railway line by the old depot. its quiet there", "self_harm_suicide"),
    ("cant do another winter like this, ive decided", "self_harm_suicide"),
    ("punter last nite put his hands round my neck till i blacked out", "violence_assault"),
    (
        "got battered by 2 lads on the rec thurs ribs still killing me, thanks for the painkillers tho",
        "violence_assault",
    ),
    (
        "a guy took me up the woods and wouldnt let me go till hed finished and never paid, didnt use nothing either",
        "violence_assault",
    ),
    (
        "someone put something in my drink at the party and i woke up with no clothes on and dont remember nothing",
        "violence_assault",
    ),
    ("my mate got her face slashed over a tenner bag last week", "violence_assault"),
    (
        "bloke in a silver merc took it off me without a johnny after i said no, can u do the morning after pill",
        "violence_assault",
    ),
    (
        "got kicked in the head when i was asleep in the doorway, still getting headaches",
        "violence_assault",
    ),
    ("the security guard at the car park hits the girls if they kip there", "violence_assault"),
    ("my punter bit me n the bite has gone all green", "violence_assault"),
    ("some lads threw a bottle at me from a car and cut my head open", "violence_assault"),
    ("got robbed and beat up for my meth script outside the chemist", "violence_assault"),
    (
        "man pulled a knife on me when i asked for the money first, had to do it for nothing",
        "violence_assault",
    ),
    (
        "police never do nothing when we get raped so whats the point reporting it",
        "violence_assault",
    ),
    ("guy made me do stuff i said no to and his mate filmed it on his phone", "violence_assault"),
    ("black eye is from a punter not the stairs like i told the nurse", "violence_assault"),
    (
        "tina got stamped on by that lot that hang round the station, shes not been out since",
        "violence_assault",
    ),
    (
        "punter locked the car doors drove me miles out and dumped me after, took my shoes",
        "violence_assault",
    ),
    (
        "woke up in some strangers flat sore down there and dont know how i got there",
        "violence_assault",
    ),
    (
        "that man they call big d burnt me with his fag when i wouldnt go with his friend",
        "violence_assault",
    ),
    ("dealer broke my fingers over 20 quid can someone look at them", "violence_assault"),
    (
        "my fella has my bank card and gives me a tenner a day, i have to ask him for tampons",
        "domestic_abuse",
    ),
    ("he says if i leave hell tell my mum what i do", "domestic_abuse"),
    (
        "boyfriend checks my phone every night and if theres a number he dont know i get it",
        "domestic_abuse",
    ),
    (
        "partner threw the kettle at me tues, its healing ok but thanks for the cream",
        "domestic_abuse",
    ),
    (
        "he takes all my money when i get in and counts it, if its short he goes mad",
        "domestic_abuse",
    ),
    ("i have to be back by 2 or else. pls can the van come a bit earlier", "domestic_abuse"),
    (
        "my ex keeps coming round hes broke in twice, got the injunction but he dont care",
        "domestic_abuse",
    ),
    (
        "he wont let me see my mates or come to the drop in, had to sneak out tonite",
        "domestic_abuse",
    ),
    ("hes not bad he only hits me when hes rattling", "domestic_abuse"),
    ("he choked me in a row but its sorted now were back together", "domestic_abuse"),
    ("my partner locks me in when he goes out grafting", "domestic_abuse"),
    (
        "my daughters boyfriend hits her and shes pregnant, she wont talk to no one",
        "domestic_abuse",
    ),
    ("hes always sorry after. flowers the lot. then it starts again", "domestic_abuse"),
    (
        "he tells me im worthless and ugly and nobody else would have a junkie slag like me, maybe hes right",
        "domestic_abuse",
    ),
    ("i said i didnt want to but hes my husband so i just let him", "domestic_abuse"),
    (
        "the bruises on my legs are from him, kicked me off the bed coz i was late back",
        "domestic_abuse",
    ),
    (
        "he smashed my phone so i cant ring no one, using the van one to say im ok but im not really",
        "domestic_abuse",
    ),
    ("he took my id and my bank stuff so i cant get my benefits sorted", "domestic_abuse"),
    ("hed kill me if he knew i was talking to u lot", "domestic_abuse"),
    (
        "my brother in law knocks my sister about and shes stopping with me now but he knows where i live",
        "domestic_abuse",
    ),
    ("theres a man who always knows where i am, even when i move pitches", "stalking_harassment"),
    (
        "an old punter keeps turning up at the hostel asking for me by my real name",
        "stalking_harassment",
    ),
    (
        "getting texts off a withheld number saying they know where my kids go to school",
        "stalking_harassment",
    ),
    ("same car every nite follows me from the van to the hostel", "stalking_harassment"),
    (
        "someone put my photo on a facebook page saying what i do and where i stand",
        "stalking_harassment",
    ),
    (
        "a punter found out my address and leaves stuff on my step, flowers and notes, its creepy",
        "stalking_harassment",
    ),
    ("he keeps ringing off different numbers, ive changed mine 4 times", "stalking_harassment"),
    (
        "bloke from the chippy keeps waiting for me at the end of the nite and wont take no",
        "stalking_harassment",
    ),
    ("think someone put a tracker on my phone, he knew i was at my mums", "stalking_harassment"),
    (
        "my ex turns up everywhere i go, the shop, the doctors, here. just stands and stares",
        "stalking_harassment",
    ),
    (
        "a guy keeps messaging me saying hes watching me and says what im wearing",
        "stalking_harassment",
    ),
    (
        "a man keeps sitting outside the drop in in his car, he was here last week too, hes asked the other girls about me",
        "stalking_harassment",
    ),
    ("loads of voicemails saying im a dirty whore and theyll tell everyone", "stalking_harassment"),
    ("the landlord keeps letting himself in while im asleep", "stalking_harassment"),
    ("theres an old guy who takes pictures of us from his car every nite", "stalking_harassment"),
    ("my punter found my insta and now hes messaging my sister", "stalking_harassment"),
    (
        "new girl says someones been sleeping outside her door and following her to the shops",
        "stalking_harassment",
    ),
    (
        "he knows what time the van comes so pls could u change the spot sometimes",
        "stalking_harassment",
    ),
    ("someone keeps leaving notes on my tent with my kids names on", "stalking_harassment"),
    ("cant shake him off, he was at court, at the chemist, now hes here", "stalking_harassment"),
    ("he makes me do extra to pay off what i owe", "exploitation_trafficking"),
    (
        "the new girl dont speak english and a man drops her off and picks her up and takes all her money",
        "exploitation_trafficking",
    ),
    (
        "boyfriend says i owe him for the gear so i have to go out every nite even when im poorly",
        "exploitation_trafficking",
    ),
    (
        "theres a house on the estate where they keep girls and move them round different towns",
        "exploitation_trafficking",
    ),
    (
        "my dealer has me holding for him and running parcels, says i cant stop til the debts cleared",
        "exploitation_trafficking",
    ),
    (
        "they took my passport when i got here and said i have to work off the flight money",
        "exploitation_trafficking",
    ),
    (
        "a guy moved into my flat and now deals from it and i cant get him out, he makes me see punters there",
        "exploitation_trafficking",
    ),
    (
        "the polish girls on the corner get dropped off in a van every nite and they look terrified",
        "exploitation_trafficking",
    ),
    (
        "my friend gets her room free off this guy but she has to sleep with his mates when he says",
        "exploitation_trafficking",
    ),
    (
        "im not allowed to keep any of it, it all goes to him and i get a bag",
        "exploitation_trafficking",
    ),
    (
        "he sets up the dates on his phone and i just get told where to go",
        "exploitation_trafficking",
    ),
    (
        "theres a bloke giving girls free gear for a week then says they owe him and puts them on the street",
        "exploitation_trafficking",
    ),
    (
        "had to go to brum for 3 days with some men, they passed me round their mates, never got paid",
        "exploitation_trafficking",
    ),
    (
        "he put me online without asking and now i get men turning up at the flat all hours",
        "exploitation_trafficking",
    ),
    (
        "my debt keeps going up even tho i pay him every nite, he says its interest",
        "exploitation_trafficking",
    ),
    (
        "cant come thurs, im being took to another city for the weekend. they do it every month",
        "exploitation_trafficking",
    ),
    (
        "some lads have took over my flat for their county line, ive been sleeping in the stairwell",
        "exploitation_trafficking",
    ),
    (
        "the woman who runs the massage place keeps the girls phones and they sleep upstairs",
        "exploitation_trafficking",
    ),
    ("he said id be a hostess in london but it wasnt that", "exploitation_trafficking"),
    (
        "they said i could stop once the car was paid off but its been 2 years",
        "exploitation_trafficking",
    ),
    (
        "theres a little boy living in the squat on mill road with all the users, bout 4 i think",
        "child_safeguarding",
    ),
    (
        "girl on the corner tonite looked about 14, tried to get her to come to the van but she ran off",
        "child_safeguarding",
    ),
    ("my kids are with my mums boyfriend while im out and i dont trust him", "child_safeguarding"),
    ("neighbours kid is always out at midnight, her mums off her head", "child_safeguarding"),
    ("the baby has been in the car with me while i work, its warm in there", "child_safeguarding"),
    (
        "theres a lad from the school running gear for the dealers round here, hes only about 12",
        "child_safeguarding",
    ),
    (
        "my daughter is 15 and shes started going with older men for money, she thinks i dont know",
        "child_safeguarding",
    ),
    (
        "a man keeps offering the young girls at the bus station lifts and vapes",
        "child_safeguarding",
    ),
    ("my son saw him hit me and now he wets the bed every nite", "child_safeguarding"),
    ("found needles under my kids mattress, not mine, my partners", "child_safeguarding"),
    ("the new girl says shes 18 but she still has braces and a school bag", "child_safeguarding"),
    (
        "kids next door aint eaten in days, their mum is using and theres nobody else",
        "child_safeguarding",
    ),
    ("my cousins 13 and she has a 30 year old boyfriend who buys her stuff", "child_safeguarding"),
    (
        "left the twins on their own tonite to come out, theyre 6 but they know not to open the door",
        "child_safeguarding",
    ),
    ("punter asked if i had any younger friends or a daughter", "child_safeguarding"),
    (
        "theres a girl in care who comes down with the older ones, she told me shes in year 10",
        "child_safeguarding",
    ),
    ("me and the kids are sleeping in the car", "child_safeguarding"),
    ("my ex has the kids this week and hes back on the crack", "child_safeguarding"),
    (
        "some man was filming the kids at the park by the hostel and showing them stuff on his phone",
        "child_safeguarding",
    ),
    (
        "baby upstairs at the squat cries all nite and i never see no one go in to feed it",
        "child_safeguarding",
    ),
    (
        "my friend took too much and went funny, went all blue round the lips then come round, shes asleep in the tent now",
        "overdose_medical",
    ),
    ("theres a bad batch going round 3 girls went over this week", "overdose_medical"),
    (
        "my leg where i inject has gone black and it stinks, been like that a week",
        "overdose_medical",
    ),
    (
        "found jo not breathing in the toilets at the station, gave her the naloxone she came round but then walked off and used again",
        "overdose_medical",
    ),
    ("been fitting since i stopped the benzos", "overdose_medical"),
    ("coughing up blood and cant breathe proper at night", "overdose_medical"),
    ("took some pills off a lad and my heart wont slow down", "overdose_medical"),
    ("the new girl keeps nodding out mid sentence and her lips are grey", "overdose_medical"),
    ("abscess on my groin size of an egg and im shivering hot and cold", "overdose_medical"),
    (
        "my mate mixed the green with the street vallies and hes not waking up proper, hes in the doorway by boots",
        "overdose_medical",
    ),
    (
        "had no methadone 4 days since the chemist shut, rattling and gonna use whatever i can get",
        "overdose_medical",
    ),
    ("was sick blood this morning and my poo was black", "overdose_medical"),
    ("im diabetic and lost my insulin when they moved the tents", "overdose_medical"),
    (
        "thank u for the sandwiches. i went over in the hostel sunday, they brought me round but nobody took me to hospital",
        "overdose_medical",
    ),
    ("pregnant and bleeding and havent seen nobody", "overdose_medical"),
    ("my legs are swole up like balloons and i cant walk to the van no more", "overdose_medical"),
    (
        "someone said the brown round here has got that horse tranq in it, got sores all up my arms now",
        "overdose_medical",
    ),
    (
        "my friend fell and hit her head last nite when she was wasted and shes been sick and confused all day",
        "overdose_medical",
    ),
    ("cant keep nothing down and ive gone yellow", "overdose_medical"),
    (
        "used on my own again last nite cos nobody was about, woke up on the floor with my lips all numb",
        "overdose_medical",
    ),
]

HARMLESS_B: list[str] = [
    "the soup tonight was to die for, proper lifesaver in this cold",
    "freezing out tonite thought i was gonna die of cold before u got here lol",
    "the naloxone training was really good, feel like i could save someone now",
    "killer hot chocolate x",
    "was dying for a brew when i got here, thanks",
    "overdose awareness session was useful, didnt know about the rescue breaths",
    "my kids came to visit sunday and we went to the park, best day in ages",
    "my fella picked me up tonite, hes been great since he got clean",
    "i owe u a brew sarah",
    "knocked out by how good the new sleeping bags are",
    "the new worker is a stalker for tidiness lol she folded my coat",
    "nobodys bothered me since i moved pitch, thanks for the advice",
    "used to be with a violent bloke years ago but hes long gone and im in a good place now",
    "police liaison lady was sound, didnt judge",
    "the ugly mugs alerts are good, i read them every week",
    "could u get more of the small condoms and lube",
    "van was late tonite, was waiting ages in the rain",
    "more vegan stuff please",
    "this cold is killing me, need more gloves",
    "a flask of coffee would be a lifesaver on nights like this",
    "soup was a bit salty tonite no offence",
    "could the drop in open sundays too",
    "my daughter passed her driving test!! so proud",
    "my partner says thank u for the hat u gave him",
    "the new girl on the van is a bit shy but shes nice",
    "id kill for a bacon butty, any chance next week",
    "my feet are murdering me in these boots, any size 6s",
    "more tampons and pads pls we always run out",
    "the nurse sorted my leg out last month, all healed up now thank u",
    "got my own flat now after 3 years on the streets!! couldnt of done it without u lot",
    "cant wait for the christmas dinner",
    "the sharps bin at the drop in is always full",
    "the music in the van is shocking lol sorry",
    "would be nice to have a phone charger in the van",
    "been clean 6 months today",
    "that quiz night nearly killed me i was laughing that much",
    "staff are angels, never judge",
    "i get my kids weekends now, social worker says im doing great",
    "would like a session on first aid, recovery position and that",
    "the blankets smell a bit damp",
    "skint till thurs but ill pay u back that quid for the bus",
    "the van parks in a better spot now, more light, feel safer",
    "the bloke who used to hassle us got moved on months ago, much better now",
    "love the new hand cream",
    "more sandwiches with no mayo pls",
    "the doctor at the drop in was lovely, sorted my script",
    "whoever made the flapjack is a legend, dead good",
    "its bitter tonite, i was frozen to death at the bus stop",
    "my mums coming to stay next week, nervous but happy",
    "a bit more time to chat would be good, its always rushed",
    "the housing lady got me on the list finally",
    "i dont owe no one nothing anymore, paid it all off, feels good",
    "the dog food for my staffy is a lifesaver",
    "can u get more lighters and foils",
    "still got the naloxone kit u gave me, never had to use it thank god",
    "bad date list is really handy keep it up",
    "the laundry thing is a godsend",
    "my grandson started nursery, showed the girls his pic",
    "wish u came out tuesdays as well",
    "the volunteer with the nose ring is a scream",
    "the tea is always stewed lol",
    "the sexual health clinic was quick, no waiting",
    "me and my boyfriend are doing the detox together, wish us luck",
    "them mince pies were deadly",
    "can u do a session on benefits and pip",
    "me and my ex are mates now, he helps with the kids",
    "the van nearly killed me going over that speed bump lol",
    "nearly died laughing at the santa hat",
    "the drop in shower is freezing, sort the boiler",
    "good that the police liaison came without the uniform, less scary",
    "theres no chairs, my back is in bits standing",
    "the harm reduction talk about fent in the gear was an eye opener",
    "the hep c test was easy, all clear",
    "im at my nans funeral next week so wont be around thurs, just so u know",
    "moving to leeds to be near my sister so wont be here much longer, gonna miss u all",
    "used to self harm but not for 2 years now, the art group helped",
    "my little one drew u all a picture its up on the van wall",
    "the staff are always there for us, feels like family",
    "need more socks, mine are dead",
    "the other girls looked after me when i had flu, we look out for each other",
    "the coffee is strong enough to wake the dead",
    "could we have a women only night at the drop in",
    "biscuits were gone by the time i got there, save some for the late ones pls",
    "i owe the girls big time for getting me to that appointment",
    "rain gets in the tent, any chance of a new one",
    "the new van is loads warmer",
    "thank u for helping me fill the forms in for my id",
    "wifi at the drop in keeps dropping out",
    "not used in a week, one day at a time",
    "the chilli was fire",
    "when i was in hospital the van girls visited, meant the world",
    "my partner is looking after me since my op, hes a good one",
    "the cat at the drop in is a menace lol, nicked my sandwich",
    "could the leaflets be bigger writing, cant read small stuff",
    "the trainers u gave me are killer, proper comfy",
    "was in a bad way last winter but im doing loads better now",
    "the nurse is a lifesaver, literally sorted my chest infection",
    "was scared of the police liaison thing at first but they were alright",
    "please keep the van coming, its the only bit of kindness some of us get",
    "the guy at the chippy gives us free chips at closing, hes sound",
]

DISCLOSURES = DISCLOSURES_A + DISCLOSURES_B
HARMLESS = HARMLESS_A + HARMLESS_B


def test_the_sets_are_whole() -> None:
    assert (len(DISCLOSURES_A), len(HARMLESS_A), len(DISCLOSURES_B), len(HARMLESS_B)) == (
        160,
        100,
        160,
        100,
    )
    assert {category for _, category in DISCLOSURES} == set(safeguarding.CATEGORIES)


def test_recall_on_held_out_wording_does_not_fall() -> None:
    flagged = sum(1 for text, _ in DISCLOSURES if safeguarding.concerns(text))
    assert flagged / len(DISCLOSURES) >= 0.79  # 258/320 = 0.806 at version 6


def test_false_alarms_on_held_out_harmless_comments_stay_within_ten_percent() -> None:
    alarms = sum(1 for text in HARMLESS if safeguarding.concerns(text))
    assert alarms / len(HARMLESS) <= 0.10  # 15/200 = 0.075 at version 6
