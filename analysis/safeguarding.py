"""Safeguarding concerns in free text: high recall, but idioms are not concerns (SPEC §4).

Each category is a list of patterns over the normalised text (lower case, text-speak
expanded, see `text.normalise`; a few apostrophe-less contractions such as "hes", "theyve"
restored here). Before matching, well-known harmless idioms ("I'd kill for a coffee", "the
van's a lifesaver", "dying for a brew", "safe space", "dead tired", "attack of the giggles")
and mentions of a service or session about a topic ("the domestic abuse leaflet", "overdose
awareness") are blanked out. A match is dropped only when it is plainly negated close before
it ("he has never hit me", "no one followed me"); anything less clear still counts, because
a missed disclosure costs far more than a second look at a harmless comment. Violence or
stalking in a comment that names her partner ("my man slapped me") is also domestic abuse.
"""

from __future__ import annotations

import re
import string

try:  # the stdlib's own regex parser, used once at import to file patterns by opening
    import re._parser as _sre
except ImportError:  # pragma: no cover - without it every pattern is searched everywhere
    _sre = None

from analysis.text import normalise

_ME = r"(me|us|her|my mate|my friend|a girl|one of the girls)"
_PARTNER = (
    r"(partner|boyfriend|bf|fella|feller|husband|hubby|man|ex|pimp|dealer|"
    r"other half|girlfriend)"
)
# Who might be controlling her: a pronoun or a partner word.
_WHO = r"(he|she|he's|she's|my " + _PARTNER + r"|" + _PARTNER + r")"
# Future or intended harm: "he'll", "hell" (he'll without the apostrophe), "going to".
_WILL = (
    r"(going to|will|he'll|hell|she'll|they'll|he'd|she'd|they'd|wants to|want to|"
    r"tried to|trying to|try to|swore to|swears he'll|promised to)"
)
_HARM = r"(kill|hurt|stab|shoot|cut|glass|batter|beat|burn|strangle|choke|rape|knife|smash|torch)"
_KID = (
    r"(kid|kids|child|children|baby|babies|daughter|daughters|son|sons|little one|little ones|"
    r"little boy|little girl|toddler|kiddies|kiddos|grandkids?|grandson|granddaughter)"
)
# Verbs of violence, for "<verb> me", "got <verb>", "<verb> my face".
_VIOLENT = (
    r"(hit|hits|hitting|punch\w*|kick\w*|slap\w*|smack\w*|batter\w*|beat|beaten|beating|"
    r"stab\w*|strangl\w*|choked|throttl\w*|bash\w*|head ?butt\w*|bit|bitten|whack\w*|thump\w*|"
    r"bust|busted|glassed|shoved|booted|stamped on|jumped|mugged|robbed|attacked|assaulted|"
    r"raped|spiked|knocked about|roughed up|done over|set on)"
)
_BODY = r"(lip|lips|nose|face|head|eye|eyes|ribs?|jaw|teeth|tooth|neck|throat|cheek|skull|legs?)"
_AGE = r"(1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
# A number after an age cue that is a time, price or count, not an age ("about 15 mins").
_NOT_AN_AGE = (
    r"(?! ?(mins?|minutes|hours?|hrs|quid|pounds|p|pence|percent|pm|am|o'clock|degrees|of)\b)"
    r"(?! (?!years\b|yrs\b)[a-z]+s\b)"
)
_W = r"( [\w']+)"  # one more word, for "within a few words" windows

# fmt: off
CATEGORIES: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"not safe (tonight|right now|now|at home|to go home|where i am)",
        r"(i'm|i am|im) not safe", r"don't feel safe", r"do not feel safe", r"unsafe tonight",
        r"in danger", r"help me", r"scared for my life", r"fear(ing)? for my life",
        r"(going to|gonna|will|wants to|threatened to|said he'd|said he would) kill me",
        r"(he's|he is|they're|they are) (outside|waiting for me|after me|looking for me)",
        r"can't go (home|back)", r"nowhere safe", r"please help", r"need help (now|tonight)",
        r"(he|they|he's|he has|they've|they have) (has |have |got )?(got )?a (knife|gun|weapon)",
        r"(scared|afraid|frightened|terrified|petrified) (to go|of going) (home|back)",
        r"terrified",
        # threats, said or meant
        r"threat\w* (me |her |us )?(to|with) (a |an )?(" + _HARM[1:-1] + r"|do (me|her|us) in|"
        r"break|acid|gun|weapon|bat|blade)",
        _WILL + r" " + _HARM + r" (me|her|us|my face)",
        r"(going to|will|he'll|hell|he'd|they'll|wants to|threatened to|said he'd) "
        r"do (me|her|us) in",
        r"(he'll|hell|he will|they'll|they will|he's going to|they're going to) "
        r"(find|catch|come for|come after|track down) (me|her|us)",
        r"(burn|torch|set fire to) (the|my|our) (flat|house|place|room|tent|home)",
        # weapons
        r"(pulled|pulls|held|holds|put|puts|had|waved|waving|pointed|pointing|carrying|carries|"
        r"flashed) (a|his|their) (knife|gun|blade|machete|weapon|shank)",
        r"with a (knife|gun|blade|machete|weapon|shank)(?! (and|n) fork)",
        r"(knife|gun|blade|machete|weapon)s? (to|at|against) (my|her|me)",
        # fear of him, getting away, hiding
        r"(scared|afraid|frightened|terrified|petrified|bricking it) (that )?"
        r"(he|he's|he'll|hell|he'd|he is|he will|he might|he may)",
        r"(get|getting|got to get|need to get|run|running|ran|escape|escaped|escaping|hide|"
        r"hiding|hid) (away )?from (him|them|my " + _PARTNER + r"|my pimp|a punter|the punter|"
        r"punters|someone|this guy|a man)",
        r"(he|they|guy|man|punter|bloke|someone|lad|lads|men)('s)?( [\w']+){0,6} "
        r"(machete|gun|knife|blade|shank|weapon|hammer|axe|crowbar|baseball bat|acid)s?",
        _WILL + r" (break|smash|bust|snap) (my|her|your) (legs?|arms?|neck|face|jaw|head|teeth|"
        r"fingers|hands?)",
        r"(come|coming) (for|after) (me|her|us)",
        r"(if|when) i (talk|talked|tell|told|grass|grassed|snitch|snitched|go to the police)",
        r"(he|they|he's|pimp|dealer) (knows|know|found out|has found out) (i'm|i am) (here|back|"
        r"out)",
        r"(walk|take) me to (the )?(bus|car|taxi|station|hostel|door)",
        r"need (somewhere|a place|anywhere) (safe )?to (go|stay|sleep) tonight",
        r"(is|are|been|was|were|'s) (looking|searching|asking around) for (me|her|us)",
        r"(i'm|i am|she's|you're) (getting it|going to get it|in for it)",
        r"next time (he|they) (sees|see|catch|catches|find|finds) (me|her|us)",
        r"threatening (me|her|us|the girls|girls|people|to)",
        r"(he's|he is|they're|they are) (waiting|parked|sat|sitting|standing|hanging (about|around|"
        r"round)|across the road|over the road|round the corner|down the road|outside|out there|"
        r"at the end)",
        r"(or|else|tonight|then|otherwise) (i'm|i am|you're|she's) dead", r"(i'm|i am) dead if",
        r"(if|unless) i( [\w']+){1,6} (i'm|i am|i'll be) dead",
        r"(won't|not going to|never) (see|make it to) (the )?(morning|tomorrow|another day|"
        r"the weekend)",
        r"(scared|afraid|frightened|terrified|petrified|too scared) to (leave|go out|go outside|"
        r"walk|step out)",
    ),
    "self_harm_suicide": (
        r"suicid\w*", r"kill(ing)? myself", r"end(ing)? (it all|my life|it tonight|things)",
        r"self[- ]?harm\w*", r"cut(ting)? myself", r"hurt(ing)? myself", r"harm(ing)? myself",
        r"(don't|do not|dont) want to (be here|live|be alive|wake up|go on)",
        r"no (point|reason) (in |to )?(living|going on|carrying on|being (here|alive)|trying)",
        r"want(ed)? to die",
        r"better off dead", r"better off without me", r"take (all )?my (pills|tablets)",
        r"overdose on purpose", r"can't go on", r"cannot go on", r"can't cope any ?more",
        r"(jump|jumping) (off|in front)", r"hang myself", r"not (be|being) here anymore",
        r"wish i (was|were) dead", r"wish i wasn't here", r"life (isn't|is not) worth",
        r"cutting (myself |me )?again",
        r"(cut|cutting|slit|slitting|slash\w*) my (wrists?|arms?)",
        r"(sleep|go to sleep|fall asleep|close my eyes) and (not|never) wake( up)?",
        r"(never|not) (to )?wake up again",
        r"(what's|what is) the point (in |of )?(carrying on|going on|living|it all|anything|"
        r"being (here|alive)|life|trying|me)",
        r"(top|topped|topping|off|offed|offing) (myself|meself)",
        r"(do|did|doing) (myself|meself) in",
        r"(burn|burning|burnt|burned|scratch|scratching|scratched|starve|starving|starved|punish|"
        r"punishing) (myself|meself)",
        r"(saving|saved|stockpil\w*|hoard\w*|collecting|stashing) (up )?(my |all my )?"
        r"(meds|pills|tablets|methadone|medication)",
        r"take (them |it |the lot )?all at once",
        r"(no one|nobody|noone) (would|will|'d|is going to) (miss|notice|care)( me| if| when)",
        r"if i (was|were) (gone|dead)",
        r"better off (if i|with me gone|when i'm gone|once i'm gone)",
        r"(want to|going to|thinking (of|about)|thought about|planning to|plan to|might|just|"
        r"i'll) end it(?! (with|between))",
        r"(had enough of|sick of|tired of|done with|fed up of|fed up with) (life|living|"
        r"being alive)(?! (on|in|at|like|with|rough|out|here|the|outside))",
        r"had enough of (it all|everything)",
        r"throw(ing)? myself (off|in front|under)",
        r"(walk\w*|step\w*|jump\w*|lie|lying|lay) (out )?in front of (a|the) (bus|train|car|"
        r"lorry|truck|tube)",
        r"(razor|blade|knife|glass)s? (to|on|across) my (arms?|wrists?|legs?|thighs?|skin|body)",
        r"cutting my (arms?|wrists?|legs?|thighs?)",
        r"(better|best) (off )?dead",
        r"(don't|can't|cannot|do not) see (the|any) point(?! (of|in) (the|this|that|a|them|it|"
        r"having|getting|coming|going|queuing|waiting|asking|filling|doing|booking))",
        r"(no|see no|can't see a|cannot see a|can't see any|only) way out",
        r"(od|od'd|overdos\w*|took (them|it|everything|the lot|too many)) (on purpose|"
        r"deliberately)",
        r"(thoughts|thinking|thought) (of|about) (dying|death|ending it|killing|suicide|"
        r"not being here|jumping|hanging)",
        r"goodbye (letters?|notes?)",
        r"(rather|prefer to) (be )?(dead|die)", r"(live|living) or (die|dead)",
        r"want (it|this|everything) (all )?to (stop|end|be over)",
        r"(can't|cannot) (do|take|handle|cope with) (this|it|any of this|life) (anymore|any more|"
        r"no more)",
        r"(i'm|i am) done(?= *(,|\.|!|$| and i| with (life|living|it all|everything)))",
        r"(tablets|pills|meds) (saved|stashed|stockpiled|hidden) (up|away)",
        r"for when (it's|its|it is) time",
        r"(all|the lot|everything)( of (it|them|my [\w']+))? in one go",
        r"(taking|take|took|swallow\w*) all (of )?my (methadone|meds|pills|tablets|script|"
        r"medication)",
        r"scars? (all )?(up|on|over|across|down) my (arms?|legs?|wrists?|thighs?|body)",
        r"(life|everything|it all|living)( is| feels|'s)? (pointless|meaningless|hopeless|"
        r"not worth it)",
        r"nothing matters( anymore| any more)?",
        r"(i feel|i'm|feeling|i am) (so |really |totally |completely )?(hopeless|worthless|empty|"
        r"numb)(?! (at|with|when))",
        r"(i'm|i am|feel like i'm|feel like|being) (just )?a burden",
        r"a burden (to|on) (everyone|everybody|my|them|people)",
        r"(a|my) plan to (do it|end it|end things|kill|die)", r"go through with it",
        r"(wish|want|hope|hoping|wishing) (that )?i (didn't|don't|wouldn't|never|did not|"
        r"would not) wake( up)?",
        r"(nobody|no one|noone) (cares|would care|will care|gives a) (\w+ )?(if|whether) i "
        r"(live|die|lived|died|was|am)",
        r"(on|at|up on) (the|a) (bridge|roof|ledge|edge|tracks|railway line|cliff)( [\w']+){0,4} "
        r"(thinking|wanting|going to|about to|ready to|jump)",
        r"(written|wrote|writing|write|left) (a )?(letters?|notes?)( [\w']+){0,4} in case",
    ),
    "violence_assault": (
        r"attack(ed|ing|s)?", r"assault(ed|ing|s)?", r"rap(e|ed|ing|ist)", r"sexually assaulted",
        r"beat(en|ing)? (me |her |us )?up", r"battered", r"punch(ed|ing)", r"stab(bed|bing)",
        r"strangl\w*", r"chok(ed|ing) me", r"kick(ed|ing) (me|her|us)", r"slap(ped|ping)",
        r"hit (me|her|us)", r"hits (me|her|us)", r"hurt (me|her|us)", r"hurts (me|her|us)",
        r"(threw|pushed|dragged|grabbed) (me|her|us)", r"(bad|nasty|dodgy) (date|punter)",
        r"glassed", r"mugged", r"robbed (me|her|us)", r"(got|been|was|were) (hit|robbed|jumped)",
        r"knife to my", r"held me down", r"wouldn't let me (go|out|leave)",
        r"forced (me|her) to have sex", r"spiked", r"black eye", r"broke my (nose|arm|ribs)",
        r"forced (himself|themselves|his way) (on|onto|into) (me|her)",
        r"(hands?|arm|belt|rope|cord) (round|around|on|across) (my|her) (neck|throat)",
        r"(squeezed|squeezing|grabbed|gripped) (my|her) (neck|throat)",
        r"(smack|smacked|smacks|smacking|whack|whacked|whacks|thump|thumped|thumps|belted|decked|"
        r"floored|lamped|elbowed|shoved|kneed|booted|bit|bites|spat on|spit on|spits on|"
        r"spitting on) (me|her|us)",
        r"head ?butt\w*",
        r"(stamped|stamping|stamps|stomped|stomping|jumped|jumping) on (my|her) "
        r"(head|face|body|ribs|hands?|chest|stomach|belly)",
        r"(knock|knocks|knocked|knocking) (me|her) (about|around|out|down|over|unconscious)",
        r"(burnt|burned|burns|burning) (me|her|us) with",
        r"put (me|her|us) in (hospital|a&e|intensive care|icu)",
        r"(grabbed|grabs|grabbing|yanked|yanks|pulled|pulls|dragged|drags) (me|her) by",
        r"(grabbed|grabs|grabbing|yanked|yanks|pulled|pulls|dragged|drags) (my|her) "
        r"(hair|arms?|neck|throat|clothes|top|wrists?|legs?)",
        r"(took|takes|pulled|ripped|taking) (the|his) condom off", r"stealth(ed|ing)",
        r"((wouldn't|won't|didn't|would not|did not|will not) stop )?(when|after|even though|"
        r"though|tho) i (said|told (him|them)|was saying|kept saying) no",
        r"without (my )?consent", r"against my will",
        r"(didn't|did not|never) (consent|agree to (it|that|this))",
        r"made (me|her) (do|have) (stuff|things|something|it|sex)( [\w']+)? "
        r"(i|she) (didn't|did not|don't|do not|never) want",
        r"(threw|throw|throws|throwing|chucked|chucks|chucking|lobbed) (a |an |the |some |his |"
        r"their )?(bottles?|bricks?|stones?|rocks?|eggs?|glass|glasses|cans?|drinks?|stuff|things|"
        r"acid|bleach|hot water|coffee|piss) (at|over|on) (me|her|us)",
        r"spiking (drinks|girls|people|women|me|her|us)",
        r"(pinned|pins|pinning) (me|her) (down|against|to)", r"(tied|ties|tying) (me|her) up",
        r"(groped|groping|gropes|touched me up|touching me up|exposed himself)",
        r"(dragged|dragging) (into|in to|onto|out of|off|away|down|along|across|by)",
        r"(got|been|was|were|being) dragged",
        r"by (my|her|the) (throat|neck|hair)",
        r"(held|holding|pinned|pushed|slammed|shoved|threw|pressed) (me|her)( [\w']+){0,4} "
        r"(against|into) (the|a) (wall|door|car|floor|ground|window)",
        r"woke up (in|at) (a |some )?(stranger's|strangers|strange|random|punter's|punters|"
        r"someone's|someones)",
        r"(can't|don't|couldn't|didn't|cannot|do not|could not) remember (anything|what happened|"
        r"how i got)",
        r"(forced|forcing|made|makes|pressured|pressuring|pushed) (me|her) (to )?(do|have|go)"
        r"( [\w']+){0,3} (without a condom|bareback|no condom)",
        r"(forced|forcing) (me|her) (to )?(do|have) (things|stuff|sex|it)",
        _VIOLENT + r" (me|her|us|my mate|my friend|one of the girls|the girls)",
        r"(got|get|getting|been|was|were|being) " + _VIOLENT,
        _VIOLENT + r" (my|her) " + _BODY,
        r"(did|does|done|doing|tried) (stuff|things|something) to (me|her|us)",
        r"(made|make|makes|forced) (me|us|her) (to )?get in (his|their|the) (car|van|motor)",
        r"(put|puts|slipped|spiked) (something|stuff|\w+ pills?|drugs) in (my|her|our) drinks?",
        r"(set|sets|setting) (his|their|a|the) dogs? on",
        r"(tried|try|trying) to (pull|drag|get|force|bundle|grab) me (in|into)",
        r"(sat|sitting|kneeling|knelt|lay|lying) on (me|my chest|my neck|her)",
        r"twist(ed|ing)? my (arm|wrist|fingers)( [\w']+)? (till|til|until|behind|back|so|and)",
        r"(wouldn't|won't|would not|will not|didn't) take no( for an answer)?",
        r"(threw|throws|thrown|chucked|poured|pours) (hot |boiling )?(tea|coffee|water|kettle|"
        r"drink|drinks) (over|at|on) (me|her|us)",
    ),
    "domestic_abuse": (
        _PARTNER + r" (hits|hit|beats|beat|batters|hurts|hurt|chokes|kicks|slaps|punches|"
        r"punched|kicked|slapped|strangled|threatens|threatened) (me|her)",
        _PARTNER + r" (takes|took|keeps|has|steals|stole) (all )?my (money|cash|benefits|"
        r"card|bank card|phone|earnings)",
        _PARTNER + r" (won't let me|doesn't let me|makes me|controls|watches|checks my)",
        r"domestic (abuse|violence)", r"\bdv\b", r"controlling", r"coercive",
        r"(scared|afraid|frightened|terrified) of (him|my " + _PARTNER + r"|his temper)",
        r"he (takes|took|keeps) (all )?my (money|cash|benefits|card)",
        r"he (hits|beats|hurts|batters|chokes|strangles) me",
        r"abusive (relationship|" + _PARTNER + r")",
        r"(locks|locked) me (in|out)",
        # coercive control: money, phone, who she sees
        r"(controls|control) (me|her|my (money|life|phone|benefits|card|cash|everything|meds|"
        r"script|methadone)|everything i|what i|where i|who i)",
        _WHO + r" (won't|will not|doesn't|does not|never|wouldn't|would not) let (me|her) "
        r"(leave|go|out|see|have|talk|speak|keep|use|call|phone|ring|sleep|eat|work|get|text|"
        r"contact|visit|wear|spend|open)",
        _WHO + r" (won't|will not|doesn't|does not|never) give me (any |my own |my )?"
        r"(money|cash|food|benefits|card|phone|meds)",
        r"(he|she|" + _PARTNER + r") (takes|took|keeps|kept|steals|stole|spends|spent|controls|"
        r"uses|used) (all )?(of )?my (money|cash|benefits|bank ?card|cards?|phone|earnings|"
        r"wages|giro|universal credit|pin|bank|bank account|keys|id|passport|meds|methadone|"
        r"script|pay)",
        _WHO + r" (checks|checking|goes through|went through|reads|monitors) my (phone|messages|"
        r"texts|bank|emails|facebook|whatsapp)",
        _WHO + r" (goes|went|gets|got|kicks off|kicked off|flips|flipped|loses it|lost it)"
        r"( (mad|mental|nuts|crazy|psycho|ballistic|off on one|off|angry))?( at me)? "
        r"(if|when|whenever|every time|because) i",
        _WHO + r" (smashed|smashes|broke|breaks|took|takes|hid|hides|threw|throws) my "
        r"(phone|sim|charger|keys)",
        r"(gets|getting|got|get|can get|goes) (handy|violent|rough|physical|heavy handed)",
        r"(tells|told|calls|called|calling) me (i'm |i am |i was )?(a |an )?(worthless|useless|"
        r"slag|whore|slut|fat|ugly|stupid|thick|pathetic|psycho|skank|bitch)",
        r"(tells|told) me (i'm|i am|i was|i'll always be|i'll never be) (nothing|nobody)",
        r"no one else (would|will|'d|could) (have|want|love|put up with) (me|her)",
        r"walking on egg ?shells",
        r"(take|takes|took|taking|have|get) (the|my) " + _KID + r" (off|away|from) (me|her)",
        r"(take|takes|took|taking) the (kids|children|baby) if i",
        r"if i (leave|left|try to leave|tried to leave|ever leave) (him|her)",
        r"(makes|made|make) me (ask|beg) (him |her )?(before|for|permission)",
        r"(nobody|no one|noone) (will|would|'ll|is going to|going to) believe (me|you|her)",
        _WHO + r" (keeps|kept|took|takes|has|hides|hid) (the|my|all the) keys?",
        _WHO + r" locks (the door|the doors|us in|me in)",
        r"(takes|took|keeps|steals|stole|spends) (my|all my) (whole|entire) [\w']+",
        r"threat\w* (to|that he'll|he'll) (tell|out|expose|report|take|send|show|post|share|put|"
        r"leave|kick me out|throw me out)",
        r"(he's|he is|he gets|gets|getting|boyfriend is|partner is|husband is)( really| so| very|"
        r" dead| proper| well)? (jealous|possessive)",
        r"(won't|will not|doesn't|does not|never|wouldn't|would not) let me (leave|go out|have "
        r"(a|my) phone|see (my|anyone|friends|family)|talk to|speak to|keep (my|any)|have (any )?"
        r"money|out of (his|her) sight)",
        r"(as|for) (a )?punishment",
        r"(have|got|has) to (tell|text|ring|call|check in with|report to) (him|them) (where|who|"
        r"what|every|all the time)",
        r"isolat\w* (me|her)", r"(cut|cuts|cutting) me off from (everyone|my|friends|family)",
        r"(made|makes|make) me (sleep|stay|stand|wait) (outside|on the floor|in the (car|cold|"
        r"street))",
        r"(calls|called|calling) me (a |an )?(dirty|fucking|stupid|useless|fat|ugly|little) "
        r"(whore|slag|slut|bitch|skank|junkie|cow|tramp)",
        r"(punched|kicked|smashed|put his fist through|put his head through) (a hole in )?(the )?"
        r"(wall|door|window)",
    ),
    "stalking_harassment": (
        r"follow(ed|ing|s)? (me|her|us)", r"stalk\w*", r"won't leave (me|her|us) alone",
        r"harass\w*", r"keeps (texting|calling|ringing|messaging|turning up)",
        r"(turns|turned|keeps turning) up (at|outside)", r"watching (me|my)",
        r"outside my (flat|house|hostel|room)", r"knows where i (live|stay|sleep)",
        r"(same|this) (car|van|guy|man|bloke) (keeps|kept|again)", r"creep(y|ing)? (guy|man|bloke)",
        r"hanging (round|around) (me|outside)", r"(threatening|nasty) (messages|texts|calls)",
        r"won't stop (texting|calling|messaging)",
        r"same (car|van|guy|man|bloke|punter|lad|boyfriend)( [\w']+)? (keeps|kept|again|every|"
        r"drives|drove|is always|always|sits|parks|waits|hangs|follows|followed)",
        r"(drives|driving|drove|keeps driving|circling|circles|circled) (past|by|round|around) "
        r"(me|every|all|again|my|where i|the (flat|hostel|house))",
        r"(stares|staring|stared) at me",
        r"(found out|finds out|find out|figured out|worked out|knows|know|found) "
        r"(where i (live|stay|sleep|work|am|go)|my (address|new address|room number))",
        r"(sending|sends|sent|send|getting|get|got|gets|had|receiving|leaving|leaves|left) "
        r"(me |her )?(death )?threats",
        r"(horrible|abusive|sick|dirty|creepy|weird|vile|disgusting|scary) (messages|texts|"
        r"calls|voicemails|pictures|pics|photos|comments|posts)",
        r"(put|puts|putting|posted|posting|posts|post|shared|sharing|shares|share|spread\w*|"
        r"uploaded|uploading|leaked|leaking|showing|showed)( [\w']+)? (pictures|pics|photos|"
        r"videos|vids|nudes|images|video|picture|photo|pic) of (me|her|us)",
        r"(pictures|pics|photos|videos|nudes) of (me|her) (online|on (facebook|insta|instagram|"
        r"snapchat|the internet|social media|twitter|tiktok|whatsapp))",
        r"(track|tracks|tracking|tracked|tracker|trackers|trace|traces|tracing|traced) "
        r"(me|my|her|on (me|my))", r"air ?tags?",
        r"(getting|got|get|being|been|was|were|i'm|am|keep getting) followed",
        r"keeps (hanging|hanging (about|around|round)|showing up|waiting (for me|outside|around|"
        r"about|round)|watching|following|asking (for|about|after) me|coming (to|round to|"
        r"round|by) my|sitting outside|parking outside|driving (past|round|by)|pestering|"
        r"hassling|bothering me|contacting me|finding me)",
        r"(showing|shows|showed|turning|turns|turned|turn|show) up (at|outside|to|by) "
        r"(my|the hostel|where i|her)",
        r"(pestering|hassling|hounding) (me|her|us)",
        r"fake (accounts?|profiles?|page|pages|number)",
        r"won't stop (ringing|phoning|contacting|following|turning up)",
        r"knows (what time|when) i (finish|leave|get|go|start)",
        r"(photograph\w*|filming|filmed|recording|recorded|taking (pictures|photos|pics|videos) "
        r"of) (me|us|her|the girls|girls|women)",
        r"(keeps|kept|was|been) (banging|hammering|kicking|knocking) (on|at) (my|her) (door|"
        r"window)",
        r"(spreading|spread|spreads|telling|posting|saying) (lies|rumours|rumors|stuff|things)"
        r"( about me)? (about me|online)",
        r"keeps coming back",
        r"(broke|breaks|broken|break) into (my|her|our) (flat|house|room|place|home|car)",
        r"(keeps|kept|been|keep) leaving (notes|flowers|messages|letters|things|stuff|gifts|"
        r"presents)",
        r"(sits|sat|sitting|parks|parked|parking|waits|waiting|stands|standing|hangs about|"
        r"hanging about) (outside|by|near|across from|opposite|at the end of) (my|her|the hostel|"
        r"where i)",
        r"outside my (place|door|window|work|tent|spot|pitch|patch)",
        r"follow(ed|ing|s)? (the girls|girls|women)",
    ),
    "exploitation_trafficking": (
        r"made to work", r"(makes|make|made|forcing|forces|forced) (me|us|her) (to )?"
        r"(work|go out|do|sell|have sex|see)", r"forced", r"pimp\w*",
        r"owe (him|them|her) (money|a debt)", r"(pay|paying) off (a |my |the )?debt",
        r"traffick\w*", r"takes? (all )?(my|the) (money|earnings)", r"(has|took|keeps) my passport",
        r"not allowed (to )?(leave|go|stop|out|outside|go out)",
        r"not allowed to (talk|speak) to (you|anyone|anybody|the (outreach|van|police|workers)|"
        r"people|other)", r"can't (leave|stop|get out)",
        r"controlled",
        r"(have|has) to (give|hand) (him|them) (the|my|all)", r"(runs|run) me",
        r"work for (him|them)", r"cuckoo(ed|ing)?", r"county lines", r"(being|been) used",
        r"(he|they) (sells|sold|pimps) (me|us)", r"brought (me|us) (here|over)",
        r"(he|they|she|he's|they've|they have|he has|she's)( got| gets| has| have| keeps| keep|"
        r" had)? (me|us|her|the girls) (working|grafting|out (on|there|every)|on the (street|beat|"
        r"game|corner)|selling|shotting|dealing|holding (drugs|gear|stuff)|running (drugs|gear|"
        r"lines))",
        r"(drug|drugs) debts?",
        r"(pay|paying|work|working|pay back|paying back|work off|working off) (off )?(his|their|"
        r"her|the dealer's|a dealer's) debts?",
        r"work (it|the debt|that|this) off",
        r"(they|he|she|they've|he's|he has|they have|pimp|dealer|boss)( have| has)? (got|took|"
        r"taken|takes|take|keep|keeps|kept|holds|hold|holding|hid|hide|hides) (my|our|her) "
        r"(passports?|ids?|documents|papers|visa|id card|identity|birth certificate)",
        r"(hand|hands|handing|handed) over (all|everything|most|half|every|the money|my money|"
        r"my earnings|what i)",
        r"(give|gives|giving|gave) (him|them|her) (everything|all|most|half) (of )?(what|that|"
        r"i|my)",
        r"(sets|set|setting) up (the |my |all the )?(punters|clients|dates|jobs|customers|meets)",
        r"(finds|found|books|booked|arranges|arranged|organises|sorts) (me |my |the )?"
        r"(punters|clients|customers)",
        r"(advertises|advertised|advertising) me",
        r"(keeps|keep|kept|takes|take|took|taking|pockets|pocketed) (the|all the|half the|"
        r"most of the|half|most|all|a cut of the|a cut of my|half of my|my) (cash|money|"
        r"earnings|takings)",
        r"(move|moves|moved|moving|drive|drives|driven|ship|shipped|take|takes|taken|took) "
        r"(me|us|her|the girls|girls) (round|around|about|between) (different |other |the )?"
        r"(towns|cities|flats|places|hotels|houses|areas)",
        r"different (town|towns|city|cities|hotel|hotels|flat|flats) every (week|weekend|night|day|"
        r"few)",
        r"(said|told me|told us|promised|thought) (it was|it would be|there was|there'd be|"
        r"i'd get|i would get|i'd have|i would have|i'd be|i would be) (a |proper |some )?"
        r"(job|work|working)( [\w']+){0,6} but",
        r"(fake|false) job",
        r"(have to|has to|got to|gotta|need to|must|made to|forced to|expected to) (bring|make|"
        r"earn|get|hand over|hand in|give (him|them|her)) (back |in |home )?£? ?\d+ "
        r"(a|per|every|each) (night|day|shift|week)",
        r"if i (don't|do not|didn't|did not|can't|cannot) (earn|make|bring (in|back|home)|"
        r"get|hand over|pay) (enough|the money|it|my quota|what|him|them|back)",
        r"(puts|put|putting|sends|send|sent|sending|drops|dropped|dropping|takes|took) "
        r"(me|us|her|the girls) (out )?(on|onto) the (street|streets|beat|corner|game)",
        r"(puts|put|sends|sent|drops|dropped) (me|us|her|the girls) out (to work|every night|"
        r"every day|to punters|to men)",
        r"((don't|do not|never|can't|not) )?(get|allowed|let|able) to keep (any|none|much|half|"
        r"anything) (of )?(the|my|what)",
        r"(out of|from) (what|everything|all) i (make|earn)",
        r"only (allowed|get|getting|given|let) (to keep )?£? ?[\w']+ (quid |pounds )?(a|per) "
        r"(day|night|week)",
        r"tells? (me|us|her) (who|which punters|what) to (see|do|charge)", r"how much to charge",
        r"(bring|brings|brought|bringing|ship|ships|shipped) (girls|women|us|them|people)"
        r"( [\w']+){0,2} (over|in) (from|to)",
        r"(put|puts|keep|keeps|kept) (them|us|the girls|girls|women) in (flats|houses|a flat|"
        r"a house|hotels)",
        r"(hurt|kill|harm|do something to|come after|go after) (my|her) (family|kids|mum|mam|"
        r"children|sister|brother|parents)",
        r"family back home",
        r"do what (they|he) (say|says|tell me|tells me|want|wants)",
        r"(puts?|putting|posts?|posting|posted|made|makes|places?) (up )?(ads|adverts|profiles?|"
        r"listings?)( up)? (for|of|with) me",
        r"work(ing)? off what (i|we) owe", r"what (i|we) owe (them|him|for)",
        r"(they|he) (control|controls) (everything|me|us|my (money|phone|life))",
        r"(he|they) (says|said|say|told me) i owe",
        r"owe (him|them|her) (for|money|a debt|\d+|£|loads|everything|rent)",
        r"(keeps|kept|keep|got|gets|hooked) (me|us|her|the girls) (on|hooked on) (the )?(gear|"
        r"drugs|heroin|crack|brown|white|spice)",
        r"(books|booked|book|arranges) (the|a) (hotel|room|flat|airbnb)",
        r"(sends|sent|send) (the )?(men|punters|clients|guys|customers) (up|in|round|to me|over)",
        r"(took|taken|takes|keeps|keep|kept|holds|holding|hid|hides|has got|have got|got hold of) "
        r"(all )?(my|our|her) (passports?|documents|papers|visa|id card|identity documents|"
        r"birth certificate)",
        r"(sold|sell|selling|sells|bought) (me|us|her|girls|women) (to|for|on)",
        r"(i|we|she) (was|were|got|been|have been|had been) (sold|bought)",
        r"pay (it|that|him|them|the \w+) (back|off) (with|by|in) (punters|working|sex|clients|"
        r"doing)",
        r"(girls|women)( [\w']+){0,6} (never|don't|do not|can't|cannot|aren't allowed to|"
        r"not allowed to) (go out|leave|speak english|go outside)",
    ),
    "child_safeguarding": (
        r"(my |the |her |a )?(kid|kids|child|children|baby|daughter|son|little one|boy|girl)s?"
        r" (is|are|was|were|isn't|aren't|wasn't) (not safe|in danger|at risk|being hurt|scared|"
        r"left alone|on (her|his|their) own|hungry|with him)",
        r"(kid|kids|child|children|baby|daughter|son|little one)s? (isn't|aren't|wasn't) safe",
        r"child (at risk|abuse|protection)", r"under ?age", r"under 1[0-8]",
        r"(1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?(yr|year)s? old "
        r"(girl|lass|boy|working|out)", r"young girls? (out|working|on the street)",
        r"(he|she|they) (hits|hurts|hit|hurt|touches|touched) (my |the |her )?(kid|child|"
        r"baby|daughter|son|kids|children)", r"schoolgirl", r"still at school",
        r"left (the|my|her) (kids|baby|children) (alone|on their own)",
        r"(kid|kids|child|children|baby) (are |is )?(with|around) (punters|him|dealers)",
        # anyone hurting a child: "my baby's dad hits the kids", "smacks my little boy"
        r"(hits|hit|hurts|hurt|beats|beat|smacks|smacked|slaps|slapped|kicks|kicked|punches|"
        r"punched|batters|battered|touches|touched|abuses|abused|shakes|shook|hitting|hurting|"
        r"beating|smacking|slapping|kicking|touching|abusing|shaking|throws|threw|starves|"
        r"neglects|neglected|neglecting) (my |the |her |our |his |their |a )?" + _KID,
        # a girl or boy who looks under age: "a young girl about 14", "can't be more than 15"
        r"(girls?|lass|lasses|kids?|boys?|lads?|child|she|someone|teen|teenager)( [\w']+){0,4} "
        r"(about|around|maybe|only|looks|look|looked|looking|like|no older than|not older than|"
        r"be more than|older than|under|barely|aged|age|probably|reckon) (about |around |like |"
        r"maybe )?" + _AGE + _NOT_AN_AGE,
        r"(groomed|grooming (her|him|them|my|kids|girls|young|children|the kids|the girls))",
        _KID + r"('s)?" + _W + r"{0,3} (saw|see|seen|sees|watched|watch|watches|heard|hear|hears|"
        r"witnessed|witness)" + _W + r"{0,3} (hit|hits|hitting|beat|beats|beating|hurt|hurting|"
        r"hurts|attack\w*|kick\w*|slap\w*|punch\w*|strangl\w*|chok\w*|fight|fighting|fights|"
        r"rowing|violence|abuse|stab\w*)",
        r"(son|daughter|kid|child|children|boy|girl|teenager|teen|little one|year old)s?('s)?"
        + _W + r"{0,3} (going|goes|gone|went|keeps going|run|runs|running|ran|keeps running) "
        r"(missing|away)",
        _KID + _W + r"{0,2} (left|leave|leaving|home|stay|stays|staying|are|is) (alone|on "
        r"(their|his|her) own|by (themselves|himself|herself))",
        _KID + _W + r"? (hasn't|haven't|has not|have not|hadn't|didn't|did not|not|never) "
        r"(eaten|had (any )?(food|anything to eat|a meal|milk)|been fed|being fed|fed)",
        r"no (food|milk|nappies|formula) for (the|my) (kids|baby|children|little ones)",
        r"(girls?|kids?|lads?|boys?|young [\w']+|children) (from|in) (the |a )?(care home|"
        r"children's home|kids home|kids' home|residential home|unit)",
        r"(son|daughter|kid|kids|child|children|boy|girl|year old|teenager|teen|lad|lass)('s)?"
        + _W + r"{0,4} (with|for|by|around|round) (dealers|gangs?|older (men|lads|boys|guys|"
        r"blokes)|a gang|grown men)",
        r"(hanging|hangs|hang|going|goes) (around|about|round|out) with (the )?(older|grown|old) "
        r"(men|man|guys|blokes|lads)",
        _AGE + r" ?(yo|y/o|yrs?|years?)( old)?( [\w']+){0,4} (with|around|round|for) (the )?"
        r"(older|grown|old) (men|man|guys|blokes|lads)",
        r"(she's|she is|he's|he is|who's|who is|girl is|she was)( only| just)? " + _AGE
        + _NOT_AN_AGE,
        r"(dealing|dealers?|drugs|gear|crack|using|punters)( [\w']+){0,6} (where|in front of|"
        r"around|near) (the |my |her )?" + _KID,
        _KID + _W + r"{0,2} (been|was|were|sleeping|sat|sitting|locked) (alone|on (their|his|her) "
        r"own|by (themselves|himself|herself))",
        r"(social services|social workers?|the social) (took|take|taking|have taken|removed|"
        r"involved|are involved|got involved|came|coming|want)",
        _KID + r" (taken|removed) (into care|off me|away)",
        r"(in|wearing) (a |her |his )?school uniform",
        r"(girl|boy|kid|lass|lad|she|he)( [\w']+){0,4} school (bag|uniform|blazer|tie|jumper)",
        r"(teenager|teen|young (girl|lad|boy|lass|one)|kid|child|schoolkid)s?( [\w']+){0,2} "
        r"(sleeping|living|staying|dossing) (rough|out|in the|on the|at the)",
        _KID + _W + r"{0,3} (coming|comes|came) home with (money|cash|new|phones?|expensive)",
        _KID + r"('s)?" + _W + r"{0,6} (and|but|while) (i'm|i am|i was) (off my (head|face)|high|"
        r"wasted|out of it|using|smashed|mashed)",
        r"(she's|she is|he's|he is|girl|lad|boy|who's)( [\w']+){0,3} in year (7|8|9|10|11|seven|"
        r"eight|nine|ten|eleven)",
        r"(letting|let|lets|leaving|left) (his|her|their) (mates|friends|pals|punters|dealer)"
        r"( [\w']+){0,2} (babysit|look after|mind|watch|stay with)",
        _KID + _W + r"{0,4} (crack|drug|trap|cuckooed) (house|den|flat)",
        _KID + _W + r"{0,4} (and|but|while|when) (he's|he is|she's|she is) (using|drinking|dealing|"
        r"violent|high|off (his|her) head|drunk|back on)",
        r"(she's|he's|she is|he is|they're|they are) (only|just) (a )?(kid|child|kids|children|"
        r"little girl|schoolgirl|baby)",
        r"(daughter|son|girl|kid)('s)?( [\w']+){0,3} (sleeping with|seeing|going out with|dating|"
        r"having sex with|boyfriend is) (a |an )?(man|guy|bloke|older|grown|\d\d)",
        r"(older|grown) (men|guys|lads|blokes|man)( [\w']+){0,3} (giving|give|gave|gets|getting|"
        r"using|grooming|paying|taking)( [\w']+){0,2} (the )?(kids|children|girls|young)",
        r"(kids|children|young (ones|lads|girls))( [\w']+){0,4} (drugs|gear) to (sell|run|hold)",
        r"(can't|cannot|couldn't|not been able to|haven't been able to|unable to|struggling to) "
        r"(feed|clothe|look after|keep) (my|the|her) " + _KID,
    ),
    "overdose_medical": (
        r"overdos\w*", r"\bod(ed|'d|d)?\b", r"(not|wasn't|weren't|isn't|stopped) breathing",
        r"collapsed", r"unconscious", r"turned blue", r"(went|going|gone) over",
        r"(use|used|using|needed|need|gave|give|had to use) (the |some )?(naloxone|narcan)",
        r"wouldn't wake (up)?",
        r"couldn't wake (her|him|them)", r"fitting", r"seizure", r"passed out",
        r"(people|girls|they|she|he|my mate) (are |is |was |were )?dropping( like flies)?",
        r"(bad|dodgy) (batch|gear|bag)", r"ambulance (came|took)", r"nearly died",
        r"blood everywhere", r"spice (attack|going round)",
        r"bleeding (badly|loads|a lot|heavy|heavily|bad|lots|everywhere|won't stop|non stop|"
        r"for days)",
        r"(took|take|taken|taking|had|has|swallowed|necked|downed) (too many|too much|loads of|"
        r"a load of|a bunch of|a handful of|a whole (packet|box|strip|bottle) of|all (my|the|"
        r"her|his|of (my|her|his))) (pills|tablets|meds|medication|benzos|valium|diazepam|"
        r"methadone|paracetamol|painkillers|co-codamol|pregabalin|gabapentin|sleeping (pills|"
        r"tablets)|gear|heroin|spice|fentanyl|xanax)",
        r"(lips|face|skin|she|he|they|mate|friend|him|her|girl|guy|lad|fingers|someone)"
        r"( [\w']+)? (went|gone|going|turned|turning|was|were|is|looked|looks|looking) "
        r"(blue|purple|grey|gray)",
        r"floppy", r"(foaming|frothing) at the mouth",
        r"(him|her|she|he|they|them|mate|friend|someone|girl|guy|body)( [\w']+){0,3} "
        r"(not responding|unresponsive|not responsive|wouldn't respond|won't respond|"
        r"didn't respond|wasn't responding|weren't responding|isn't responding)",
        r"(she|he|they|her|him|mate|friend)( [\w']+){0,6} (won't|wouldn't|didn't|couldn't|"
        r"wasn't|isn't) (come|coming) (round|around)(?! (to|mine|my|here|for|the|later|tonight|"
        r"today|tomorrow|again|yet|with|at|much|often|every|last|this|anymore|no more)\b)",
        r"(couldn't|can't|could not|cannot|tried to|trying to) (bring|get) (him|her|them) "
        r"(round|around)",
        r"(give|gave|giving|use|used|using|need|needed|had to give|had to use|administer\w*|jab|"
        r"jabbed|injected|inject|spray|sprayed) (her|him|them|my mate|my friend|someone|a girl|"
        r"a guy|a lad|the girl) (the |some |a )?(naloxone|narcan|nyxoid|prenoxad)",
        r"(injecting site|injection site|abscess|wound|leg|arm|foot|groin|site)( [\w']+){0,3} "
        r"(gone|going|turned|turning|went|is|looks) (black|green|purple|septic|rotten)",
        r"(abscess\w*|wound|site)( [\w']+){0,4} (swollen|spreading|burst|bursting|oozing|"
        r"weeping|smells|stinks|pus)",
        r"(sepsis|septic|gangrene|dvt|blood clot)",
        r"pregnant( [\w']+){0,3} (bleeding|blood|pains|cramps|cramping)", r"miscarr\w*",
        r"(having|had|has) a (fit|seizure|stroke|heart attack)",
        r"(can't|cannot|couldn't|could not|struggling to) breathe",
        r"(sick|shaking|twitching|convulsing|fitting|foaming|blue|grey|floppy|unconscious|"
        r"collapsed|not moving|not breathing|dropped)( [\w']+){0,4} (after|from) (the|this|that|"
        r"a|some|her|his) (new |bad |dodgy |last )?(batch|bag|gear|spice|pills?|hit|dig|shot|"
        r"line|pipe|fix|stuff)",
        r"(he|she|him|her|they|mate|friend|girl|guy|body|someone)( [\w']+){0,2} (wasn't|was not|"
        r"not|isn't|stopped|weren't) moving",
        r"cpr", r"chest compressions", r"defib\w*",
        r"(mate|friend|she|he|girl|guy|someone|they|people|girls)( just)? (dropped|went down|"
        r"hit the floor|keeled over)(?! (off|by|round|me|us|her|him|my|the|a|some|it|in on|"
        r"in to|into|in at|in for|in later|in tonight|in yesterday|in today|in earlier)\b)",
        r"(cut|mixed|laced) with (something|fent\w*|nitazene\w*|xylazine|benzos|tranq|spice|"
        r"rat poison|glass)",
        r"(snoring|gurgling|rattling) (weird|funny|strange|loud|and)",
        r"(went|gone|going|turned|turning|turn) (blue|purple)",
        r"(swollen|red|hot|hard|lump|infected|black|green|weeping|oozing|pus)( [\w']+){0,4} "
        r"(where i inject|injecting site|injection site|where i've been injecting)",
        r"chest (pains?|hurts|tight|tightness)",
        r"(banged|bashed|hit|cracked|split) (her|his|my|their) head", r"head injury",
        r"concuss\w*",
        r"breathing (is |was |sounds |sounded |went |gone )?(funny|weird|strange|slow|shallow|"
        r"noisy|bad|wrong|odd|raspy)",
        r"gouch\w* for (hours|ages)",
        r"(need|needed|needs|call|called|ring|rang|get|got) (an|the) ambulance",
        r"heart (is |was |keeps |kept )?(racing|pounding|going mad|beating (fast|funny|weird))",
        r"(he|she|they|he's|she's|mate|friend|him|her)( [\w']+){0,6} (won't|will not|can't|"
        r"cannot|wouldn't|couldn't) (wake|be woken)",
        r"pus",
        r"(throwing up|being sick|vomiting|coughing up|coughing|spitting|sick|peeing|pissing|"
        r"weeing) (up )?blood",
        r"(gone|went|going|turned|turning) (a )?(funny|weird|strange|horrible|odd) colou?r",
        r"eyes (are |were |went |keep )?(rolling|rolled)",
    ),
}
# fmt: on

# Safeguarding topics named as a service, session or resource, not a disclosure.
_TOPIC = (
    r"(domestic (abuse|violence)|dv|self[- ]?harm|suicide|overdose|od|stalking|harassment|"
    r"trafficking|exploitation|spiking|drink spiking|sexual (assault|violence)|rape|overdoses|"
    r"child protection|safeguarding|naloxone|narcan|violence|abuse|assault)"
)
_SERVICE = (
    r"(awareness|prevention|training|sessions?|talks?|leaflets?|posters?|workshops?|courses?|"
    r"groups?|support( (group|worker|service|line))?|advice( line)?|helpline|help line|line|"
    r"services?|team|workers?|charity|info|information|kits?|cards?|advocate|idva|isva|"
    r"counsell\w*|nurse|clinic|campaign|week|day|number|drop ?in|meetings?|nights?)"
)

# Idioms that use alarming words harmlessly; blanked before matching.
# fmt: off
HARMLESS: tuple[str, ...] = (
    r"(i'd|i would|i could|could) kill for", r"kill for a", r"killing me (softly)?\b(?! (he|she))",
    r"(is|are|was) killing me", r"killed it", r"killer (soup|hot chocolate|coffee|brew)",
    r"life ?saver", r"lifesaving", r"saved my life", r"dying (for|to) (a|some|get|see|go)",
    r"dying for", r"(dead|proper|so) (tired|cold|good|nice|lovely|chuffed|happy)",
    r"(?<!or )(?<!else )(?<!tonight )(?<!then )i'm dead\b(?! serious| if)",
    r"(nearly|almost) died laughing", r"died laughing",
    r"safe space", r"safe place", r"(?<!not )(?<!n't )(?<!never )feel(s)? safe",
    r"(?<!not )(?<!n't )(?<!never )felt safe", r"safe in the van",
    r"keep(s)? (us|me) safe", r"keeping (us|me) safe", r"stay safe", r"safer sex",
    r"(police|cop|safety) (talk|session|chat|advice)", r"(killing|kill) time",
    r"(attack|attacked) (the|a) (soup|sandwich|biscuits?|food|cake)", r"panic attack",
    r"beat (the|my) (cold|rush|queue)", r"hit the spot", r"hit and miss",
    r"(i'm|im|i am) knackered", r"over the moon", r"(help|helps|helped) me (with|to|get|out|sort|"
    r"find|fill|a lot|loads)", r"help me out", r"you (help|helped) me", r"forced to wait",
    r"bad date(s)? (list|sheet|scheme|alerts?|reports?|forms?|line|app|book|warnings?)",
    r"ugly mugs?", r"(report|reporting) (a |the )?bad",
    r"free from (harm|danger)", r"no danger", r"game over", r"took my breath away",
    r"over the top", r"went over (to|the|and|there|well)", r"fitting (room|in|clothes)",
    r"(harm reduction|reduce harm)", r"(in|with) danger money", r"gone over to",
    r"cold is killing", r"feet are killing", r"back is killing", r"(sold|sell) out",
    r"attacks? of (the )?[\w']+",
    r"(pushed|pushes|pushing|push) (me|us|her) to (go|get|do|apply|come|try|see|ask|keep|sort|"
    r"stay|make|be|ring|call|book|speak|talk|contact|look|visit|register|join|sign|fill|take|eat)",
    _TOPIC + r" " + _SERVICE,
    r"(talks?|sessions?|leaflets?|info|information|advice|training|chat|workshops?|posters?) "
    r"(about|on) (the )?" + _TOPIC,
    r"battered by the (rain|wind|weather|storm|cold)", r"rape crisis",
    r"(nearly|almost) died (of|from) (shock|laughing|laughter|embarrassment|boredom|happiness|"
    r"excitement)",
    r"stabbed (my|myself)( [\w']+)? (finger|thumb|hand) (on|with)",
    r"(fish|cod|haddock|sausages?|mars bar|chips) (was |were |is |are )?battered",
    r"battered (fish|cod|haddock|sausages?|mars bar)",
    r"(nearly|almost) (burnt|burned|cut|scalded) myself (on|with) (the|my|a) (tea|coffee|"
    r"kettle|soup|hot chocolate|urn|cup|mug|toaster|knife|tin|can|lid|stove|cooker|pan|oven)",
)
# fmt: on

# Contractions people type without the apostrophe that `normalise` leaves alone.
_CONTRACTIONS = {
    "hes": "he's",
    "shes": "she's",
    "hed": "he'd",
    "theyre": "they're",
    "theyve": "they've",
    "theyll": "they'll",
    "theyd": "they'd",
    "whats": "what's",
    "theres": "there's",
    "babys": "baby's",
    "noone": "no one",
    "gunna": "going to",
    "tryna": "trying to",
    "threatend": "threatened",
    "threatned": "threatened",
}
_CONTRACTION = re.compile(r"(?<![\w'])(" + "|".join(_CONTRACTIONS) + r")(?![\w'])")

# Her partner named in the comment: violence or stalking there is also domestic abuse.
_HER_PARTNER = re.compile(
    r"\b(my (partner|boyfriend|husband|hubby|ex|man|other half|girlfriend|wife|baby's dad|"
    r"baby dad|baby daddy|kids' dad|kids dad|fiance|bloke)|(boyfriend|husband|partner|"
    r"other half|baby's dad) (hits|hit|beat|beats|kicked|kicks|punched|slapped|strangled|"
    r"choked)|(when|while) i (was|am|'m) pregnant)\b"
)

_NEGATION = re.compile(
    r"\b(never|not|no one|nobody|no|hasn't|has not|hadn't|didn't|did not|don't|do not|"
    r"doesn't|does not|wasn't|was not|won't|isn't|is not|nothing|haven't|have not)\b"
    r"( \w+){0,3} $"
)

_MAX_CHARS = 20000


# Speed: hundreds of patterns tried at every word would be slow, so each pattern is filed
# under the three characters it can start with (worked out once from the regex itself); at a
# word only the patterns filed under its first three characters are tried. A pattern that can
# be shorter is filed under its opening plus each character that may follow a word; one whose
# start cannot be worked out (it opens with a class such as \d) is searched for everywhere.
# tests/test_analysis_safeguarding_fresh.py checks this gives what one big regex would.
_KEY = 3
_AFTER_WORD = " " + string.punctuation.replace("_", "")


def _openings(items: list, k: int, depth: int = 0) -> set[str] | None:
    """The strings of up to k characters a parsed regex can start with; None if unknown."""
    if k == 0 or not items:
        return {""}
    if depth > 80:
        return None
    op, av = items[0]
    rest = items[1:]
    if op is _sre.LITERAL:
        tail = _openings(rest, k - 1, depth + 1)
        return None if tail is None else {chr(av) + t for t in tail}
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero width: look past it
        return _openings(rest, k, depth + 1)
    if op is _sre.SUBPATTERN:
        return _openings(list(av[-1]) + rest, k, depth + 1)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alt in av[1]:
            more = _openings(list(alt) + rest, k, depth + 1)
            if more is None:
                return None
            found |= more
        return found
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, body = av
        found = set()
        if low == 0:
            skip = _openings(rest, k, depth + 1)
            if skip is None:
                return None
            found |= skip
        if high != 0:
            again = high if high is _sre.MAXREPEAT else high - 1
            loop = [(op, (max(low - 1, 0), again, body))] if again != 0 else []
            once = _openings(list(body) + loop + rest, k, depth + 1)
            if once is None:
                return None
            found |= once
        return found
    return None  # a character class, any character, a back-reference: unknown


def _wrap(patterns: tuple[str, ...]) -> str:
    """One regex for patterns, each matching whole words only."""
    return r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])"


def _file_by_opening(
    patterns: tuple[str, ...],
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Patterns (in their order) under each three-character opening, and those for anywhere."""
    by_key: dict[str, list[str]] = {}
    anywhere: list[str] = []
    if _sre is None:  # pragma: no cover
        return {}, patterns
    for pattern in patterns:
        try:
            opens = _openings(list(_sre.parse(pattern)), _KEY)
        except Exception:  # any surprise in the parser: search for it everywhere
            opens = None
        if opens is None or any(len(o) < _KEY - 1 or o[:1].isspace() for o in opens):
            anywhere.append(pattern)
            continue
        keys = {o for o in opens if len(o) == _KEY}
        keys |= {o + c for o in opens if len(o) == _KEY - 1 for c in _AFTER_WORD}
        for key in keys:
            by_key.setdefault(key, []).append(pattern)
    return {key: tuple(group) for key, group in by_key.items()}, tuple(anywhere)


_RX: dict[tuple[str, ...], re.Pattern] = {}


def _rx(patterns: tuple[str, ...]) -> re.Pattern:
    """The compiled regex for a group of patterns, compiled on first use."""
    rx = _RX.get(patterns)
    if rx is None:
        rx = _RX[patterns] = re.compile(_wrap(patterns))
    return rx


def _build() -> tuple[dict[str, tuple[tuple[str, tuple[str, ...]], ...]], dict[str, re.Pattern]]:
    """Every category's patterns by opening (with their category), and the ones for anywhere."""
    by_key: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    anywhere = {}
    for cat, patterns in CATEGORIES.items():
        table, rest = _file_by_opening(patterns)
        for key, group in table.items():
            by_key.setdefault(key, []).append((cat, group))
        if rest:
            anywhere[cat] = re.compile(_wrap(rest))
    return {key: tuple(entries) for key, entries in by_key.items()}, anywhere


_BY_OPENING, _ANYWHERE = _build()
_HARMLESS_BY_OPENING, _HARMLESS_ANYWHERE = _file_by_opening(HARMLESS)
_HARMLESS_REST = re.compile(_wrap(_HARMLESS_ANYWHERE)) if _HARMLESS_ANYWHERE else None
_STARTS = re.compile(r"(?<![\w])\S")


def _negated(text: str, start: int) -> bool:
    """True when a negator sits within three words before position start, in one clause."""
    window = text[max(0, start - 40) : start]
    window = re.split(r"[.!?;,]| but | and then ", window)[-1]
    return bool(_NEGATION.search(window + " " if not window.endswith(" ") else window))


def _blank_idioms(norm: str) -> str:
    """norm with each harmless idiom replaced by " ~ " (as re.sub with one big regex would)."""
    if _HARMLESS_REST is not None:
        return re.compile(_wrap(HARMLESS)).sub(" ~ ", norm)
    parts = []
    done = 0
    for start in _STARTS.finditer(norm):
        pos = start.start()
        if pos < done:
            continue
        group = _HARMLESS_BY_OPENING.get(norm[pos : pos + _KEY])
        if group is not None:
            match = _rx(group).match(norm, pos)
            if match:
                parts.append(norm[done:pos])
                parts.append(" ~ ")
                done = match.end()
    parts.append(norm[done:])
    return "".join(parts)


def prepared(text: str) -> str:
    """The text as the patterns see it: normalised, contractions restored, idioms blanked."""
    norm = normalise(text[:_MAX_CHARS])
    norm = _CONTRACTION.sub(lambda m: _CONTRACTIONS[m.group(1)], norm)
    return " " + _blank_idioms(norm) + " "


def matched(norm: str) -> set[str]:
    """Categories with a pattern matching the prepared text norm, not plainly negated."""
    found = set()
    for start in _STARTS.finditer(norm):
        pos = start.start()
        for cat, group in _BY_OPENING.get(norm[pos : pos + _KEY], ()):
            if cat not in found and _rx(group).match(norm, pos) and not _negated(norm, pos):
                found.add(cat)
    for cat, rx in _ANYWHERE.items():
        if cat not in found and any(not _negated(norm, m.start()) for m in rx.finditer(norm)):
            found.add(cat)
    return found


def concerns(text: str) -> list[str]:
    """Category slugs whose signs appear in text, [] when none."""
    if not text:
        return []
    norm = prepared(text)
    found = matched(norm)
    if found & {"violence_assault", "stalking_harassment"} and _HER_PARTNER.search(norm):
        found.add("domestic_abuse")
    return [cat for cat in CATEGORIES if cat in found]
