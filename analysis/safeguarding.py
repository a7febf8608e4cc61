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

Those phrase patterns catch the wording they were written for and little else, so a second
layer, the wide net (`WIDE`), casts wider: word-level rules that join a lexicon of stems (all
inflections: "chok(e|ed|es|ing)", "strangle", "slashed", "drown myself") to a context a
few words away in the same clause: someone doing it ("some bloke battered me"), it done to
her ("slashed my face"), her partner ("my fella ... takes my whole giro"), a child ("my kid
... saw him hit me"), a threat ("says he's gonna end me"). The gap between two cues never
steps over a negator, the same negation check and idiom blanking apply, and a threat,
violence or stalking in a comment that names her partner or her child is also domestic abuse
or child safeguarding. Measured in docs/accuracy.md: on wording written after the rules it
catches about 70% of disclosures (the phrase patterns alone about 50%), not the 95% target.

Version 5 (`_BROAD`, appended to `WIDE`) is deliberately recall-leaning: rules for whole
families of wording (a threat said any way, "he" controlling her, someone who always finds
her, a child near drugs or strangers, hopelessness with an ending, signs of an overdose),
spending some of the false-alarm budget. On the held-out sets it catches 82-85%.

Version 6 adds a last resort, `catch_all`, tried only when nothing above matched: a danger
signal anywhere (a strong one alone, or two weak ones, or one with a cue such as "again"),
filed under the most likely category, with its own blanking of everyday uses of its words
(`CATCH_ALL_HARMLESS`). It is held to 6% false alarms over every harmless table; the
held-out sets go to 88-95%.

Version 8 adds a learned second opinion (`safeguarding_model`): a logistic regression over
the words, word pairs and 3-5 letter pieces of the prepared text, fitted on the project's
own tables and four sets written blind (`python -m analysis.train_safeguarding`). It reads
every comment: a rule's match stands only when the model gives it more than a 25% chance
of being a concern, and with no rule matching the model flags alone above 50%. The rules
still name the categories; the model names one only for what it alone flags. On two blind
sets measured once after it was fitted: 96% of disclosures flagged, 4% false alarms
(version 7: 78%, 6.5%). `rules_concerns` gives what the rules alone find.
"""

from __future__ import annotations

import re
import string

try:  # the stdlib's own regex parser, used once at import to file patterns by opening
    import re._parser as _sre
except ImportError:  # pragma: no cover - without it every pattern is searched everywhere
    _sre = None

from analysis import safeguarding_model
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
        r"(if|when) i (talk|talked|tell|told|grass|grassed|snitch|snitched|go to the police)"
        r"(?! (them|her|him|you|my [\w']+|the kids) (i got|i've got|what i got|about (the|my) "
        r"(present|presents|selection|new|job|flat|place)))",
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

# ---------------------------------------------------------------------------------------
# The wide net (a second layer): word-level rules that reach past the exact phrases above.
# Each joins a small lexicon of stems, with their inflections ("chok(e|ed|es|ing)",
# "strangl\w*", g-dropped "breathin"), to a context a few words away in the same clause:
# someone doing it or having it done to them, her partner, a child, a threat, a time. The
# gap between two cues never steps over a negator ("he has never hit me"), and a match
# plainly negated just before it is dropped, as for the phrase patterns.
_G = (
    r"( (?!(?:never|not|no|didn't|doesn't|don't|wasn't|won't|hasn't|haven't|isn't|wouldn't|"
    r"nothing|nobody|hardly|without)\b)(?:[\w'£]+|,))"
)


def _gap(n: int) -> str:
    """Up to n more words, none of them a negator."""
    return _G + "{0," + str(n) + "}"


def _join(*fragments: str) -> str:
    """One alternation of several "(a|b)" fragments."""
    return "(" + "|".join(f[1:-1] for f in fragments) + ")"


_PARTNER_W = (
    r"(boyfriend|husband|hubby|partner|ex|ex boyfriend|ex husband|ex partner|other half|"
    r"baby dad|baby's dad|baby daddy|baby father|baby's father|baby's daddy|kids' dad|"
    r"kids dad|kid's dad|fiance|fiancee|missus|wife|girlfriend|my man|my bloke|my guy)"
)
# Someone doing it: a pronoun, a stranger, a punter, a partner.
_AGENT = (
    r"(he|she|they|he's|she's|they've|they're|he'd|they'd|someone|somebody|some1|man|men|bloke|"
    r"blokes|guy|guys|lad|lads|punter|punters|pimp|dealer|dealers|gang|group|stranger|"
    r"strangers|driver|woman|women|geezer|client|clients|regular|regulars|customer|customers|"
    + _PARTNER_W[1:-1]
    + r")"
)
# Someone it was done to.
_VICTIM = (
    r"(me|her|us|him|my (mate|friend|pal|sister|mum|mam|daughter|son|baby|kids?)|"
    r"one of the girls|a girl|the girls|girls|women|a woman|people|someone|myself|meself|"
    r"herself)"
)
# Violence that names itself: someone doing it is enough.
_HURT_STRONG = (
    r"(rap(e|ed|es|ing)|assault\w*|strangl\w*|chok(e|ed|es|ing)|throttl\w*|stab(s|bed|bing)?|"
    r"slash(ed|es|ing)|batter(ed|s|ing)|punch(ed|es|ing)|slap(s|ped|ping)|"
    r"kick(ed|s|ing)(?! (off|out|about|around|in the (door|wall)))|molest\w*|grop(e|ed|es|ing)|"
    r"head ?butt\w*|smack(ed|s|ing)|whack(ed|s|ing)|thump(ed|s|ing)|bludgeon\w*|"
    r"suffocat\w*|smother(ed|s|ing)|mauled|tortur\w*|sexually (assaulted|abused)|"
    r"abus(ed|es|ing)(?! (drugs|substances|alcohol|the system|his position))|twatted|"
    r"knifed|glassed|stamp(ed|ing) on|kneed|spiked|drugg(ed|ing)|roughed|beat (me|her|us) up|"
    r"beaten up|beat up|leather(ed|s|ing)|pummel\w*|clobber\w*|wallop(ed|s|ing)|brayed|chinned|"
    r"banjo(ed|'d)|lamped|decked|floored|booted|twat(ted|ting)|sparked (me|her|us) out|"
    r"knocked (me|her|us) (out|spark out|sparko|unconscious|senseless|flying)|"
    r"(kicked|beat|beaten|battered|knocked) the (shit|crap|hell|life) out of|"
    r"took turns (on|with)|passed (me|her) (round|around))"
)
# Words that are violence only when done to someone: "pushed me", "burnt her arm".
_HURT_WEAK = (
    r"(hit|hits|hitting|beat|beats|beating|beaten|hurt|hurts|hurting|bit|bite|bites|biting|"
    r"bitten|push(ed|es|ing)?|shov(e|ed|es|ing)|grab(s|bed|bing)?|drag(s|ged|ging)?|"
    r"pinn(ed|ing)|jump(ed|ing)|attack(ed|s|ing)?|burn(ed|t|s|ing)|scald(ed|s|ing)|cut|cuts|"
    r"cutting|slic(e|ed|es|ing)|shot|shoot\w*|rob(s|bed|bing)|mug(s|ged|ging)|"
    r"forc(e|ed|es|ing)|threw|throw(s|ing)?|tied|tying|gag(ged|ging)|chuck(ed|s|ing)|"
    r"smash(ed|es|ing)|"
    r"bash(ed|es|ing)|belt(ed|s|ing)|lash(ed|ing) out at|laid into|lay into|went for|go for|"
    r"goes for|set about|set on|flew at|came at|come at|swung (at|for)|spat (on|at)|"
    r"spit (on|at)|squeez(e|ed|ing)|twist(ed|ing)|slamm(ed|ing)|knock(ed|s|ing)|"
    r"deck(ed|ing)|lamp(ed|ing)|strangle|choke|stab|slap|punch|kick|batter)"
)
_BODY_W = (
    r"(face|head|nose|lip|lips|eye|eyes|mouth|teeth|tooth|jaw|neck|throat|ribs?|arms?|legs?|"
    r"back|stomach|belly|tummy|chest|wrists?|skull|cheek|ear|ears|side|body|boobs?|tits|"
    r"privates|kidneys|fanny|vagina)"
)
_BLADE = (
    r"(knife|knives|blade|machete|gun|hammer|acid|screwdriver|crowbar|axe|shank|razor|"
    r"stanley knife|baseball bat|taser|cosh|knuckle duster|pistol|shotgun)"
)
_WEAPON = _join(
    _BLADE,
    r"(bottle|brick|bat|glass|iron|belt|chair|plate|mug|ashtray|stone|"
    r"rock|pan|kettle|lighter|cigarette|fag|needle|syringe|bleach|boiling water)",
)
# Threats: someone means to do it, said so, or will if she doesn't.
_INTENT = (
    r"(going to|will|he'll|hell|she'll|they'll|he'd|hed|they'd|she'd|wants to|want to|said|"
    r"says|saying|sayin|threat\w*|swore|swears|swear|promised|promises|vowed|out to|"
    r"coming to|try to|tried to|trying to|if|or|else|otherwise|could|might|told me)"
)
_KILL = (
    r"(kill|murder|end|finish|bury|stab|shoot|batter|hurt|slash|glass|knife|torch|merk|shank|"
    r"waste|strangle|choke|rape|smash|break|beat|burn|drown|wipe out|get rid of|mess up|do in|"
    r"do over|put in hospital|put in the ground|put in a box|cripple|disfigure|acid|kneecap|"
    r"cut up|beat up|batter)"
)
_FEAR = (
    r"(scared|scarred|scard|afraid|frightened|terrified|petrified|bricking it|shitting it|"
    r"shitting myself|panicking|fearing|scared stiff|scared to death|in bits|dreading|"
    r"shaking like a leaf|scared shitless|crapping it|crapping myself|on edge|freaking out|"
    r"freaked out|shook up|shaken up)"
)
_DANGER_CONTEXT = (
    r"(tonight|tonite|go home|going home|go back|going back|go bk|him|of him|he'll|he'd|"
    r"he's (back|out|coming|after|looking|outside|waiting|going)|he will|he might|he may|"
    r"they'll|they will|they might|what he|what they|for my life|alive|outside|out there|"
    r"find me|finds me|catches me|dealer|pimp|punter|punters|blokes|men|lads|gang|his temper|"
    r"his mates|" + _PARTNER_W[1:-1] + r"|circling|following me|after me|the flat|the room|"
    r"the hostel|my room|my flat|on my own|alone|walk back|walking back|go out|going out|"
    r"back out there|this man|that man|this guy|that guy|a man|he|they|them|someone|somebody|"
    r"what might happen|what'll happen|what will happen|what he'll do|what they'll do)"
)
_CONTROL = (
    r"((won't|doesn't|never|wouldn't|will not|does not|would not|don't|didn't) let (me|her)|"
    r"(makes|made|make|forces|forced|pressures|pressured) (me|her) (to )?(hand|give|go out|"
    r"work|sleep|stay in|ask|beg|pay|earn|have sex|wear|sit|stand|wait outside|leave|stop|"
    r"shut up)|controls?|controlling|checks (my|up on me|where)|check (my|up on me)|"
    r"(goes|went|going|go) through (all )?my|reads (all )?(of )?my|"
    r"(not|isn't|never|am not|i'm not) allowed (out|to (go|leave|see|have|talk|speak|work|"
    r"keep))|smash(es|ed|ing) (up|the place|the flat|the house|my)|breaks my|broke my|"
    r"locks (me|the|us)|locked (me|the|us)|"
    r"(takes|took|keeps|kept|hides|hid|steals|stole|spends|spent) (all )?(of )?my (money|cash|"
    r"card|bank card|benefits|giro|wages|earnings|phone|keys|id|passport|meds|methadone|script|"
    r"pin|sim|charger|clothes|shoes|purse|whole|entire)|blames me|blamed me|jealous|possessive|"
    r"threat\w*|kicks off|kicked off|kicking off|booted me|kicked me out|throws me|threw me|"
    r"chucked me out|decides (what|who|where|when|if|everything)|tells me (what|who|where) (i|"
    r"to)|(won't|doesn't|never) give me|hand over|allowance|a tenner a week|goes for me|"
    r"went for me|screams at|shouts at|screamed at|shouted at|calls me (names|fat|ugly|stupid|"
    r"useless|worthless|thick|a (slag|whore|slut|bitch|junkie|cow|tramp|skank|waste|failure|"
    r"nothing))|put me down|puts me down|tracks my|isolat\w*|cut me off|hurt\w*|hit|hits|"
    r"hitting|beat|beats|beating|gave me a|give me a|gives me a)"
)
# A child or young person (not "baby dad", her partner).
_CHILD = (
    r"(kid|kids|kiddie|kiddies|child|children|childs|baby(?!('s)? (dad|daddy|father))|babies|"
    r"son|sons|daughter|daughters|little one|little ones|little boy|little girl|toddler|"
    r"teen|teens|teenager|teenagers|teenage (girls?|boys?|lads?|lass|lasses|kids?)|schoolgirl|"
    r"schoolgirls|bairns?|nippers?|youngsters?|minors?|underage (girls?|boys?|kids?|lads?)|"
    r"(my|her|his|our|their) (2|3|4|5|two|three|four|five)(?= (on|alone|home|by|at|are|were|"
    r"with|kids|little|in))|(oldest|eldest|youngest|middle one)('s| is| was)? (only |just )?"
    r"([1-9]|1[0-7]|one|two|three|four|five|six|seven|eight|nine|ten)|"
    r"(sister|brother|cousin|niece|nephew|mate|friend|girl|boy|neighbour's (girl|boy|kid|son|"
    r"daughter))('s|s)?( is| was)? (only |just )?(1[0-7]|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen)(?! ?(mins?|minutes|hours?|quid|pounds|p|pm|am|percent|next|in)\b)|"
    r"schoolboy|schoolkid|school kid|young (girl|girls|lad|lads|boy|boys|one|ones|un|uns|lass|"
    r"kid|kids)|grandkid|grandkids|grandson|granddaughter|niece|nephew|"
    r"(my|her|his|our|their) (girl|boy|lass|lad)|(10|11|12|13|14|15|16|17|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen) ?(year old|yr old|yo|y/o)|"
    r"year (7|8|9|10|11|seven|eight|nine|ten|eleven)|(girl|boy|kid|kids|child|children|lad|lass)"
    r" (next door|downstairs|upstairs|across the road|over the road|on my street|from (next door|"
    r"upstairs|downstairs|the flats)))('s|s')?"
)
_CHILD_RISK = (
    r"((hit|hits|hitting|hurt|hurts|hurting|beat|beats|beating|batter\w*|punch\w*|slap\w*|"
    r"smack\w*|kick\w*|shook|shakes|shaking|burnt|burned|shouts at|screams at) (him|her|them|me|"
    r"us|my|his|their|our|mummy|mum|mam|mom|mommy|mammy|"
    r"the (kids|baby|children|child|little one))|strangl\w*|chok(e|ed|es|ing)|throttl\w*|"
    r"kicks (him|her|them)|abus\w*|molest\w*|rap(e|ed|ing)|assault\w*|bruis\w*|marks on|"
    r"shaken|(scared|frightened|terrified|petrified|afraid) "
    r"(of|to|when)( [\w']+){0,2} (him|them|he|dad|daddy|step ?dad|(my|her|his|their) "
    r"(boyfriend|partner|dad|fella|husband)|go home|going home|be home|be at home|be alone|"
    r"come home)|saw (him|her|them) (hit|hurt|beat|batter|kick|punch|slap|strangl|chok|"
    r"attack)\w*|saw (it|what happened|everything|the whole thing|the blood)|"
    r"in the room when|left with (whoever|anyone|anybody|strangers|randoms|"
    r"a punter|punters|him|them|dealers|men)|left (alone|on (their|his|her) own|by "
    r"(themselves|himself|herself))|home alone|alone in|hungry|starving|"
    r"(haven't|hasn't|not|no|never) eaten|eaten for days|no food|dealers?|drug runs|"
    r"doing runs|running (for (them|him|the dealers|dealers|a dealer|some lads|older)|drugs|"
    r"gear|lines)|carrying for|county lines|older (men|man|lads|guys|blokes|boys|fellas)|"
    r"grown (men|man)|punters|groom\w*|needles|sleeping with|having sex|gone missing|"
    r"(pictures|pics|photos|nudes|selfies) to|comes home with|coming home with|"
    r"went missing|goes missing|going missing|been missing|run away|ran away|runs away|"
    r"running away|neglect\w*|touch(ed|es|ing) (her|him|them)|inappropriat\w*|nudes|"
    r"indecent|on the beat|getting (in|into) (a |his |their |the )?cars?|"
    r"picked up by (a|some|an|older|strange|random)|picking up (girls|kids|young)|violent|"
    r"violence|cuckoo\w*|trap house|"
    r"crack house|(back on|on) the (gear|drugs|crack|brown|smack|spice|drink|booze|pipe)|"
    r"(using|drinking|dealing) again|(gets|get|got|was|were|been|is|are|being) left (in|at|"
    r"with|alone|home)|(while|when|and) (he|she|they|dad|daddy|mum|mummy) (was|is|were|are) "
    r"(using|high|drunk|wasted|smoking|injecting|dealing|gouching|off (his|her|their) (head|face))|"
    r"(while|when|and) (i'm|i am|he's|she's|he is|she is) (using|high|off "
    r"(my|his|her) (head|face)|drunk|wasted|gouching))"
)
# Version 5: anything else that puts a child in danger, said any way (tried after a child word;
# only the few in _CHILD_RISK_FIRST are also tried before one, which keeps the net fast).
_CHILD_RISK_MORE = (
    r"((see|sees|saw|seen|seeing|watch\w*|around|near|with|in front of|round) (people|them|him|her|"
    r"me|us|mum|mummy|mam|dad|daddy|adults|everyone|punters|men|blokes|folk|the adults)"
    r"( [\w']+)? (using|injecting|smoking|dealing|taking|shooting up|cooking|high|off (their|his|"
    r"her) (heads?|faces?)|drunk|fighting|having sex|with punters)|people using|users|"
    r"crack pipes?|foils|syringes|found my (gear|works|pipe|foils|stash|drugs|pills|methadone|"
    r"needles)|(not safe|isn't safe|unsafe|in danger|at risk|dangerous) (with|around|near|for)|"
    r"(worried|scared|frightened|terrified) (for|about) (her|him|them|what)|"
    r"(staying|stays|stayed|stopping|stops|stopped|out) out (all night|overnight|late|till|until|"
    r"for days)|out all night|(not|never|didn't|hasn't) (coming|come|came) home|"
    r"(goes|going|went|gone|go) off (in|with)|(gets|getting|got|get) in (cars|a car|his car|"
    r"their car|vans?)|with (an? |some |this )?(older|grown|random|strange|much older) "
    r"(man|men|guy|guys|bloke|blokes|fella|lads?|boyfriend)|(man|men|guy|bloke|fella|boyfriend)"
    r" in (his|their) (20s|30s|40s|50s|twenties|thirties|forties|fifties)|"
    r"(boyfriend|fella|man|bloke|guy)('s| is| who's|s)? (1[89]|[2-6]\d|twenty|thirty|forty)"
    r"(?! ?(mins?|minutes|hours?|quid|pounds|p|pm|am|percent)\b)|"
    r"(weird|creepy|funny|strange|odd|touchy|handsy|pervy|inappropriate|too friendly|too close)"
    r" (with|around|towards|to|about|near) (her|him|them|my|the|our)|"
    r"gouch\w*|out of it|off (her|his|their|my) (head|face|tits|nut)|"
    r"sleeping (in (a|the|his|her) (car|van|tent|doorway|park|stairwell)|rough|out|in cars)|"
    r"(got|has|have|making|makes|made|putting|put|sends|sent) (her|him|them) (working|to work|"
    r"out working|on the game|on the street|out on)|working (the corner|the streets?|the beat|"
    r"out here|on the street)|(men|blokes|punters|guys|dealers|people|randoms) (coming|come|came) "
    r"(round|over|in|to the (house|flat))|in love with (her|him)|"
    r"(i|i'm|i am) (can't|cannot|can not|not|struggling to) (cope|coping|manage|managing|look "
    r"after)|(sleeping|staying|stopping|going) (at|round|over at|to) (a|an|some|this|his|older) "
    r"(man's|mans|bloke's|blokes|guy's|guys|lad's|fella's|boyfriend's)|(giving|gives|gave|give|"
    r"selling|sells|sold|supplying|offering|offered)( [\w']+){0,2} (drugs|gear|weed|pills|crack|"
    r"spice|ket|coke|vapes|booze|alcohol|drink)|(smoking|smokes|smoked|taking|takes|on|using|"
    r"doing|selling|dealing|carrying|holding|running) (crack|weed|drugs|gear|spice|heroin|coke|"
    r"ket|pills|knives|a knife|a blade|for (a|the) gang)|with (all )?the (men|older (women|girls))|"
    r"(party|parties) with|(really|very|so|proper) (ill|poorly)|(hasn't|not|never|haven't) been "
    r"(to|seen by) (a|the) (doctor|doctors|gp|hospital|nurse)|(in|joined|part of|mixed up with|"
    r"mixed up in|involved with|involved in) (a |the )?(gang|gangs|drugs|county lines|crime)|"
    r"(out|outside|on the streets?|wandering|walking about)( [\w']+){0,3} (alone|on (their|his|"
    r"her) own|at \d+ ?am|in the middle of the night|all night)|(hasn't|not|never|didn't|"
    r"haven't) (been|come) home|being (sold|pimped|used|groomed|exploited|trafficked|abused|"
    r"passed round|passed around|sent out)|(been )?(drinking|smoking|vaping|getting drunk|getting "
    r"high)|screaming|always crying|crying all the time|self harm\w*|harming (himself|herself|"
    r"themselves)|cutting (himself|herself|themselves)|suicid\w*|overdos\w*|no (heating|"
    r"electric|gas|bed|beds|nappies|milk|formula|clean clothes|water)|nothing to eat|living on "
    r"(crisps|biscuits|nothing|chips|sweets|toast)|no money for (food|nappies|milk|formula)|"
    r"locks? (him|her|them) (in|out)|locked (him|her|them) (in|out)|step ?(dad|mum|father)|"
    r"(watch|watches|watched|see|sees|saw|seen) (me|us|mum|him|her|them) (inject|use|smoke|take|"
    r"shoot up|score|deal|work|with punters)|won't let me take (her|him|them|the baby) home|"
    r"(taken|took) into care|child protection|withdrawal|withdrawals|" + _HURT_STRONG[1:-1] + r"|"
    r"(went for|go for|goes for|attacked|came at|threatened) (me|her|us|them|him)|fights|fighting|"
    r"rows|rowing|arguing|kicking off|kicks off|smashing (the place|things|stuff)|screaming at|"
    r"(talking|chatting|messaging|speaking) to (a|an|some|this|older|grown) (man|men|guy|guys|"
    r"bloke|adult)|met (him|a man|a guy|someone|men) online|online (man|men|guy|bloke|"
    r"boyfriend)|(comes|came|goes|went|gets|got|creeps|crept) (in|into) (her|his|their) "
    r"(room|bed)|carr(y|ies|ying|ied) (a )?(knife|blade|weapon|machete|knives)|(not|hasn't|"
    r"haven't|never) been (to|at|in) school|not (going|gone) to school|(wetting|wets) the bed|"
    r"won't go near (him|her)|(looks|look|looking) after (the|her|his) (little ones|baby|brother|"
    r"sister|siblings)|puts the (little one|baby|little ones) to bed)"
)
_CHILD_RISK_FIRST = (
    r"((weird|creepy|funny|strange|odd|touchy|handsy|pervy|inappropriate|too friendly|too close)"
    r" (with|around|towards|to|about|near)|(giving|gives|gave|selling|sells|sold|supplying)"
    r"( [\w']+){0,2} (drugs|gear|weed|pills|crack|spice|ket|coke|vapes|booze|alcohol|drink) to|"
    r"(men|blokes|punters|guys|dealers|people|randoms) (coming|come|came) (round|over|in) (to see|"
    r"for|and)|(can't|cannot|struggling to) (cope|manage) with|"
    r"step ?(dad|mum|father)|(no|not got any|haven't got any) (food|heating|electric|nappies|milk|"
    r"formula) for|(worried|scared|frightened|terrified|concerned) (about|for))"
)
# A number that is a time, price or count: only these units rule out an age in the wide net.
_UNIT_NOT_AGE = (
    r"(?! ?(mins?|minutes|hours?|hrs|quid|pounds|p|pence|percent|pm|am|o'clock|degrees|of|"
    r"times|days|weeks|months|people|girls|women|punters|bags|packs|pairs|cans|bottles|euros|"
    r"miles|stops|grand|k|%)\b)"
)
# Signs of an overdose or a medical emergency.
_LIMP = r"(blue|purple|grey|gray|limp|floppy|white as a sheet|clammy|lifeless)"
_NALOXONE = r"(naloxone|narcan|nyxoid|prenoxad|naloxon|narcan'd|narcanned)"
_PERSON = (
    r"(she|he|they|her|him|them|mate|friend|pal|girl|lad|guy|bloke|man|woman|someone|"
    r"somebody|boyfriend|partner|one of the girls|i'm|i was|lips|face|skin|fingers|nails|"
    r"body|she's|he's)"
)

# fmt: off
WIDE: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        # "hes sayin hes gonna end me", "he swore hed murder me"
        _INTENT + _gap(3) + r" " + _KILL + r" (me|her|us|my (face|legs|family|kids|mum))",
        r"(he|she|they|someone|somebody|pimp|dealer|" + _PARTNER_W[1:-1] + r")" + _gap(2)
        + r" (kill|murder|end|stab|shoot|strangle|do in)\w* (me|her|us)",
        # "im getting done in if", "someone is gonna get hurt tonight"
        r"(going to|gonna|will|could|might|i'm|she's|getting|get|be) (get |be )?(done in|"
        r"killed|murdered|stabbed|shot|hurt|battered|merked|shanked|sliced|cut up|beaten up|"
        r"beat up|kicked in|smashed in|done over|put in hospital)",
        r"(i'll|ill|i will|i'd|she'll|she'd|you'll|we'll|i'm going to|i'm|i am|she's) "
        r"(be|end up|wind up|going to be|going to end up)( in| a)? (a box|a coffin|the ground|"
        r"the river|the canal|the morgue|a body bag|six feet under|brown bread|a goner)",
        r"(dead (woman|girl|meat|lass|bitch|whore|slag)|as good as dead|a goner|marked woman|"
        r"(not|never) (coming|come|get|getting|make it|making it) out (of there |of it )?alive|"
        r"(my|her) life is in danger)",
        # fear with something to fear: "scared stiff to go home", "bricking it, 3 blokes"
        _FEAR + _gap(8) + r" " + _DANGER_CONTEXT,
        _DANGER_CONTEXT + _gap(8) + r" " + _FEAR,
        # nowhere to go tonight, he's on his way
        r"(can't|cannot|can not|daren't|dare not|scared to|afraid to|too scared to) (go|get) "
        r"(back|home|bk)(?! to sleep)",
        r"(need|needs|needed|got to|have to|gotta)( to)?( get)? (out|away|to get away|to escape|"
        r"to run|to hide|out of there|out of the (flat|house|place))" + _gap(6)
        + r" (tonight|tonite|now|right now|asap|before)",
        r"before (he|they) (gets|get|comes|come|is|are|finds|wakes)( [\w']+)? (home|back|in|up|"
        r"out|me)",
        r"(he|they|someone|somebody|pimp|dealer|punter|guy|bloke|man|men|lads|car)('s|'re| is|"
        r" are| has| have| was| were)( been)?( still)? "
        r"(wait\w* (for (me|her)|outside|out there|round the corner|at the end|down the road|"
        r"across the road|by my|downstairs|at the door)|lurk\w*|outside|hunting|after me|"
        r"look\w* for (me|her)|search\w* for (me|her)|coming (for|after) (me|her|us)|circl\w*|"
        r"parked up|sat outside)",
        r"(call|called|ring|rang|phone|phoned) (the police|999|the cops|the feds)",
        r"(i'll|i will|she'll|i'm going to|i'm gonna|i'd) (pay for it|cop it|suffer for it|"
        r"get what's coming|get it|be for it)",
        r"(don't|do not|never) tell (him|them|anyone|my (boyfriend|partner|husband|pimp|ex|"
        r"dealer))( [\w']+){0,4} (i was|i'm|i am|i came|i come|i spoke|i talked|i told|i've been|"
        r"here|about)",
        r"(he's|he is|he has|he|my ex|they|they're|he's just|he just)( just)? (got out|been "
        r"released|out of (prison|jail|the nick|nick)|released|out on licence)( [\w',]+){0,8} "
        r"(knows|find|found|looking|coming|after|where i|scared|terrified|kill|hurt)",
        r"(coming|come|comes|turning up|going) (to|round|over|back)( [\w']+){0,4} (for|after) "
        r"(me|her|us)",
        r"not safe( [\w']+){0,2} (mine|home|there|the flat|my flat|my place|the house|for me|for "
        r"her|to go|to stay|anymore|any more)",
        r"(price|bounty|hit) on (my|her) head|(watch|watching) (your|my|her) back|hit list|"
        r"(out|after) (for )?(my|her) blood|(know|knows|knew) what's coming|"
        r"what's coming to (me|her)|(i'm|i am|she's) (a )?marked",
        r"(can't|cannot|daren't|dare not|too scared to|scared to) (be|stay|sleep|go) (at|in|to) "
        r"(the|my|our|his) (flat|house|place|home|room)( [\w',]+){0,6} (when|while|if|before) "
        r"(he|they)",
        r"(i'm|i am|she's|we're|i'll be|we'll be|she'll be) (done for|finished|toast|for it|"
        r"in (big |real |serious |so much |deep )?(trouble|shit))(?! (the (night|day|week|evening)|"
        r"today|tonight|now)\b)(?! (with|at|for (being|missing|"
        r"not)) (the |my )?(council|hostel|job ?centre|school|probation|doctor|gp|work|landlord|"
        r"dwp|housing))",
        r"(found out|finds out|find out|knows|know|heard|hears|told him|told them) (that )?"
        r"(i|i've|i'm) (talked|spoke|speaking|talking|told|grassed|been talking|been to|went to|"
        r"was at|came to|come to|at the)",
        r"(is |he's |they're |are )?(back|out)( [\w']+){0,3} (and )?(asking|looking|searching|"
        r"hunting|asking around)( [\w']+){0,4} (where i (am|live|stay|work|sleep)|for me|about me|"
        r"after me)",
        r"(threaten\w*|threat|threats)( [\w']+){0,4} (me|her|us|kill|murder|hurt|stab|shoot|acid|"
        r"burn|life)",
        r"(he|they|she|someone|somebody|" + _PARTNER_W[1:-1] + r")" + _gap(3) + r" (pulled|pull|"
        r"pulls|waved|waving|pointed|pointing|had|has|got|carrying|carries|showed|showing|sent|"
        r"brandish\w*|came at|come at|flashed|held|holding)( me| her| us)?( [\w']+){0,2} "
        r"(a |his |their |an )?(pic of a |picture of a |photo of a )?" + _BLADE,
    ),
    "self_harm_suicide": (
        # any harm turned on herself: "drown myself", "hurting meself with the lighter"
        r"(kill\w*|end|ending|ended|top|topped|topping|off|offed|offing|drown\w*|hang|hanging|"
        r"hung|hurt\w*|harm\w*|cut|cuts|cutting|slic\w*|slash\w*|slit\w*|burn\w*|starv\w*|"
        r"poison\w*|gas|gassed|gassing|suffocat\w*|overdos\w*|od|shoot\w*|shot|stab\w*|"
        r"strangl\w*|chok\w*|throw\w*|threw|punish\w*|injur\w*|damag\w*|bash\w*|hit|hitting|"
        r"punch\w*|destroy\w*|do|did|doing|done|finish\w*|get rid of) (myself|meself|herself|"
        r"my self|me self)(?! (a|an|some|to|up|out|down|into|proud|silly|laughing|"
        r"stupid|with (a|some|food|tea|coffee|chocolate|cake|chips))\b)",
        r"(wanna|want to|wanted to|going to|gonna|might|could|about to|ready to|planning to|"
        r"plan to|thinking (of|about)|think about|thought about|tempted to|feel like|felt like|"
        r"i'll|i will|i'm going to|i'd rather|rather|wish i could|just want to|urge to|"
        r"decided to|tried to|try to|trying to)( just)? (end|ending) (it|it all|everything|"
        r"things|my life|me|the pain|for good)(?! (with|between|off|early|now and))",
        r"(end|ending|ended|finish|finishing) (it all|everything|my life|my own life)",
        r"(want|wanna|wanted|wish|wishing|hope|hoping|pray|praying|ready|rather|prefer)"
        r"( (to|i|just|could|was|were|would|be|i'd|really|sometimes|honestly)){0,4} (die|be dead|"
        r"dead|not exist|not be here|not be around|not be alive|disappear for good|disappear "
        r"forever|vanish for good|sleep forever|never wake|not wake|stop existing|stop breathing|"
        r"fade away|not wake up)",
        r"(best|better) off (gone|dead|not here|not around|not alive|out of (it|the way)|"
        r"six feet under)",
        r"(no|not any|isn't any|there's no|what's the|what is the|see no|can't see the|"
        r"cannot see the|is there any) (point|reason)( (of|in|to|for))?( (me|my))? (being (here|"
        r"around|alive)|living|life|existing|staying alive|waking up|going on|carrying on|"
        r"trying anymore|anything anymore|my life|it all|any of it|me(?= ?$| [.!?,;]| anymore|"
        r" any more| now| at all))",
        r"(better|easier|happier|best)( off)?( for everyone| for them| for all)? (if|when|once) "
        r"i (was|were|am|'m|i'm) (gone|dead|not here|not around|no longer here|out of the "
        r"picture|in the ground)",
        r"(better|easier|happier|best)( off)?( for everyone| for them| for all)? (if|when|once) "
        r"i (wasn't|weren't|was not|were not|didn't|did not) (here|around|alive|exist|born)",
        r"(better|easier|happier|best)( off)?( for everyone| for them| for all)? (if|when|once) "
        r"i (died|die|disappeared|vanished|just disappeared)",
        r"(not|never|n't|won't) (be )?(here|around|alive) (anymore|any more|much longer|for "
        r"much longer)",
        # the means
        r"(jump\w*|step\w*|throw\w*|fling\w*|launch\w*) (myself )?(off|from|into)( the| a| that)? "
        r"(multi storey|multistorey|car park|roof|bridge|flyover|cliff|ledge|balcony|window|"
        r"building|tower block|motorway bridge|tracks|railway|sea|river|canal|lake|dock|docks|"
        r"quarry|tower|top floor)",
        r"(jump\w*|step\w*|throw\w*|fling\w*|launch\w*) (myself )?(in front of|under)( the| a| "
        r"that)? (train|tube|bus|lorry|car|motorway|traffic|van)",
        r"(walk|walking|walked|wade|wading|waded|swim out|swam out) (into|in to|out into) (the )?"
        r"(sea|river|canal|water|lake|traffic|motorway)",
        r"(lie|lay|lying|laid|step|stepped|run|ran|running|walk\w*) (out )?in front of (a|the) "
        r"(train|tube|bus|lorry|car|traffic|van)",
        r"(rope|noose|ligature)( [\w']+){0,6} (stairwell|banister|bannister|door|beam|loft|tree|"
        r"hook|ceiling|neck|round my|around my|tied|hang|hanging|myself)",
        r"(tied|tie|tying|bought|buy|got|made|make|making)( a| the)? (rope|noose|ligature)",
        r"(stash\w*|stockpil\w*|hoard\w*|squirrel\w*|sav(e|ed|ing) up|collecting)( up| away)?"
        r"( all)?( my| me| the| some)? (pills|tablets|meds|pregabs?|pregabalin|gabapentin|"
        r"gabbies|benzos|vallies|diazepam|methadone|script|sleeping pills|paracetamol|"
        r"co-codamol|codeine|insulin|oxy\w*|tramadol|painkillers)",
        r"(all|whole|the lot|everything)( of)?( my| me| the)? (pills|tablets|meds|script|"
        r"methadone|pregabs?|insulin)( [\w']+){0,3} (at once|in one go|together|and that's me|"
        r"and that is it|and be done|and go to sleep)",
        r"(and|then) that's me( done| gone)?(?= ?$| [.!?])",
        r"(slic|slash|slit|carv|cutt|cut|burn|scald|gouge)(e|ed|es|ing|t)? (at |into |up )?"
        r"(my|me|her) (arms?|wrists?|legs?|thighs?|skin|stomach|belly|tummy|body|hips?)",
        r"(i|i've|i'm|been|started|keep|kept|she's|she|and) (cutting|slicing|slashing|"
        r"self harming|harming|burning myself|cut|sliced|slashed) (again|deeper|worse|more)",
        r"(suicid\w*|self harm\w*|selfharm\w*|unalive|kms)",
        r"(pills|tablets|meds|paracetamol|methadone|insulin|script|overdos\w*|od|od'd|cut|cutting|"
        r"burn|burnt|burned|jump\w*|stepped|ran out|walked out|crashed)( [\w',]+){0,8} (on purpose|"
        r"deliberately|to end it|to die|so i'd die|so i would die|to not wake up)",
        r"how (many|much) (pills|tablets|paracetamol|methadone|insulin|meds|gear|heroin|"
        r"co-codamol|codeine|diazepam|pregabs?|pregabalin)( [\w']+){0,4} (it takes|to take|would|"
        r"does it take|kills|to kill|is fatal|is lethal|to die|to od|to overdose)",
        r"(lethal|fatal|deadly) (dose|amount|overdose)",
        r"(looked up|looking up|googled|googling|searched|searching|research\w*) (how|ways|best "
        r"way|easiest way|quickest way|painless ways?) to (die|kill myself|end it|end my life|od|"
        r"overdose|hang|do it)",
        r"(bag|plastic bag|pillow) over my (head|face)",
        r"(better|easier|happier|nicer|a better place)( off)? without me",
        r"(don't|can't|do not|cannot) see myself (being here|being around|being alive|lasting|"
        r"making it|here|alive|getting through|living|seeing)",
        r"(finish|end) it( all)? (tonight|today|now|soon|this week|for good)",
        r"(razor|razors|blade|blades|pills|tablets)( [\w',]+){0,8} (for when|in case|just in case) "
        r"(it|things|i|everything)",
        r"(written|wrote|writing|leaving|left) (letters|a letter|notes|a note|goodbyes?) (to|for) "
        r"(my|the) (kids|children|mum|mam|family|son|daughter|baby|sister|nan)",
        r"(looking at|staring at|stood by|standing by|thinking about|walk\w* to|went to|go to|"
        r"going to|been to) the (train tracks|tracks|railway line|train line|edge|cliff|cliffs|"
        r"top of the (car park|multi storey|bridge|flats))",
        r"(staring|stared|looking|looked) (at|into|down at) the (river|water|canal|sea|drop|traffic"
        r"|trains)",
        r"i (put|held|hit|burnt|burned|cut|smashed|banged|punched|scratched|stuck|stabbed|"
        r"scalded|hurt) my (hand|hands|arm|arms|leg|legs|wrist|wrists|head|skin|face|fingers?|"
        r"thighs?|stomach|body)( [\w',]+){0,6} (on purpose|deliberately)",
        r"(gonna|going to|wanted to|tried to|thinking (of|about)|planning to|about to|was going "
        r"to) (take|swallow|neck|down) (the lot|everything|all of (it|them)|the whole (lot|box|"
        r"packet|bottle|strip)|them all)",
        r"(when|after|once|for when) (i'm|i am) (gone|not here|not around|dead)(?! (to|for a|"
        r"on|away|out|home|back|shopping|next))",
        r"(no|can't see a|cannot see a|can't see any|don't see a|don't see any|see no) "
        r"(way forward|way out|future|light at the end|end to it|hope)",
        r"(doing|do) (them|everyone|everybody|the world|you all|my family|my kids) a favour "
        r"(by|if i)",
        r"(hope|hopes|hoping|wish|wishes|wishing|pray|prays|praying)( that)? i (don't|do not|"
        r"never|won't|wouldn't|didn't) wake",
        r"(sat|sit|sitting|stood|standing|stand) (on|at|near) the (edge|ledge|railing|rail|top) "
        r"of (the|a|that) (roof|bridge|car park|multi storey|cliff|building|platform|balcony|"
        r"flyover)",
        r"(scratch\w*|pick\w*|bit\w*|bang\w*|punch\w*|hit\w*|cut\w*|burn\w*)( [\w']+){0,3} "
        r"(till|til|until|so) (they|it|i|my \w+) (bleed|bleeds|bled|bruise|bruised|scar|scarred)",
        r"(all|every one of|the whole (box|packet|pack|bottle|strip) of) my [\w-]+ (at once|in one "
        r"go)",
        r"(giving|gave|give|given) (away )?(my|all my) (dog|cat|stuff|things|belongings|clothes|"
        r"jewellery) (away )?(to [\w']+ )?(so|because|before|for when|in case)",
        r"(sick|tired) of me( [\w',]+){0,6} (better|favour|without me|gone|burden|if i)",
        r"(can't|cannot|can not|don't want to|do not want to) (go on|carry on|keep going|do this|"
        r"do it|take it|take this|cope|handle it|live)( any| no)? ?(more|longer|anymore)",
        r"(can't|cannot|can not|don't want to|do not want to) (go on|carry on|keep going|cope|"
        r"live like this|face (another day|tomorrow|it all)|live)(?= ?$| [.!?,]| like this)",
        r"(tired|sick|done|finished|fed up|had enough) (of|with) (living|life|being alive|"
        r"existing|it all|waking up|breathing|this life|this world)(?! (on|in|at|like|with|"
        r"rough|out|here|the|outside|in a)\b)",
        r"(goodbye|good bye|suicide) (letters?|notes?|texts?|messages?)",
        r"(letter|letters|note|notes)( [\w',]+){0,9} (just in case|in case (anything|something|"
        r"i)|for when i'm gone|for after i'm gone|goodbye|to say goodbye)",
        r"(nobody|no one|no1|noone)( [\w']+){0,3} (miss|care|notice|bother)\w*( [\w']+){0,3} "
        r"(if|when|that) i (die|died|was gone|were gone|was dead|disappeared|wasn't here|"
        r"weren't here|wasn't around|vanished|killed myself)",
    ),
    "violence_assault": (
        _AGENT + _gap(3) + r" " + _HURT_STRONG,
        _HURT_STRONG + _gap(4) + r" " + _VICTIM,
        _HURT_WEAK + r" (me|her|us|my mate|my friend|one of the girls|a girl|the girls|girls|"
        r"women|a woman|people)"
        r"(?! (a|an|some|up with|out with|back to|in the queue|to it|at (pool|cards|darts|"
        r"bingo)|along|in (for|on|at)|round to|for six|sideways)\b)",
        _HURT_WEAK + r"( [\w']+){0,3} (out of|outta) (me|her|us)",
        _AGENT + _gap(3) + r" " + _join(_HURT_STRONG, _HURT_WEAK) + r"( (me|her))?( in| on| round|"
        r" across| over| into)? (my|her) " + _BODY_W,
        _HURT_STRONG + r"( (me|her))?( in| on| round| across| over| into)? (my|her|the) " + _BODY_W,
        r"(got|get|getting|gets|been|was|were|being|get myself)( (?!(a|an|the|such)\b)[\w']+)? "
        r"(raped|assaulted|strangled|choked|throttled|stabbed|slashed|battered|punched|slapped|"
        r"kicked|molested|groped|headbutted|smacked|whacked|thumped|suffocated|smothered|"
        r"mauled|tortured|sexually (assaulted|abused)|abused|knifed|glassed|stamped on|kneed|"
        r"spiked|drugged|roughed up|hit|beaten|bitten|pushed|shoved|grabbed|dragged|"
        r"pinned|jumped|attacked|shot|robbed|mugged|gagged|bashed|belted|knocked (out|down|over|"
        r"about)|bust up|busted up|set on|done over|beat up|slashed|stabbed)(?! (up|out|off|of|"
        r"on|for|along|into (it|this)|by the (rain|wind|cold|weather))\b)",
        r"(got|get|getting|been|was|were) (hurt|beat)(?! (by what|by the|that|when i|about|"
        r"feelings|at))",
        # "gave me a black eye", "i've got bruises all over"
        r"(bruises|bruising|black eyes?|split lip|fat lip|broken (nose|ribs?|jaw|arm|wrist|"
        r"fingers?|cheekbone|leg|eye socket)|cracked (ribs?|skull)|fractur\w*|concussion|"
        r"bite marks|strangle marks|marks (on|round|around) (my|her) (neck|throat|arms?|"
        r"wrists?))( [\w']+){0,3} (all over|on my|on her|everywhere|from|after|where|because|"
        r"cos|when|off|to show)",
        r"(gave|give|gives|giving|left)( me| her)( [\w']+)? (a |two )?(black eye|split lip|"
        r"fat lip|bruises|broken|concussion|kicking|beating|hiding|slap|smack|punch|thump|"
        r"clip round)",
        r"(i've got|i've|i have|i got|i had|she's got|she has|got|covered in|covered with) "
        r"(bruises|bite marks|welts|a black eye|strangle marks)",
        _BLADE + _gap(3) + r" (to|at|against|across|into) (me|my|her|us)",
        _WEAPON + r"( [\w']+){0,2} (over|at|into|across|off) (my|her) (head|face)",
        r"(" + _HURT_STRONG[1:-1] + r"|" + _HURT_WEAK[1:-1] + r"|held|holding|threaten\w*)"
        r" (me|her|us|my " + _BODY_W[1:-1] + r")( [\w']+){0,3} (with|w) (a|an|his|their|the|"
        r"some) " + _WEAPON,
        # sexual violence
        r"(made|make|makes|forced|forcing|force|pressured|pressuring)( me| her) (do|have|give|"
        r"let|take|go)( [\w']+){0,5} (i|she) (didn't|did not|don't|do not|never|wasn't|was not) "
        r"(want|agree|consent|ok|okay|up for)",
        r"(woke|wake|waking|came round|came to|come round|come to)( up)?( [\w']+){0,6} "
        r"(no|without|with no|missing (my|her)) (clothes|knickers|pants|trousers|bottoms|"
        r"underwear|bra|jeans)",
        r"(woke|wake|waking|came round|came to|come round)( up)?( [\w']+){0,3} (naked|undressed|"
        r"stripped|with (a|some) (man|men|guy|guys|bloke|stranger|strangers)|in (a|some) "
        r"(strange|random|stranger's|strangers|bloke's|man's))",
        r"(wouldn't|won't|didn't|would not|will not|did not) (get off (me|her)|let (me|her) "
        r"(go|out|leave|up|get out))",
        _AGENT + r"( [\w']+){0,2} (got|gets|getting|went|was|is) (rough|violent|handy|physical|"
        r"aggressive|nasty)( with (me|her|us))?",
        r"(drugged|drugging|spiked|spiking)( [\w']+){0,2} (me|my|her|our|us)",
        r"(bruises|bruised|bruising|black and blue|knifepoint|knife point|gunpoint|gun point|"
        r"kicked in|stamped on|face is a mess|face was a mess|in a right state)",
        r"bundl(ed|ing) (me|her|us|into|in)|(grabbed|snatched|taken|dragged|pulled) (me |her )?"
        r"(off|from) the (street|road|pavement|corner|beat)",
        r"(slammed|shut|closed|trapped) (the )?(car )?(door|window|boot)( [\w']+){0,2} on (my|her) "
        r"(hand|hands|fingers|arm|leg|head)",
        r"stitches (in|on) (my|her) (head|face|lip|eye|arm|leg|hand|neck|scalp|cheek)",
        r"(tipped|tips|tipping|poured|pours|pouring|threw|throws|chucked|chucks|splashed) (a |the "
        r"|some |his |her )?(boiling |hot |scalding )?(water|kettle|tea|coffee|oil|fat|bleach|acid)"
        r"( [\w']+){0,2} (on|over|at|onto|into|in) (me|her|us|my|her)",
        r"(got|get|had|getting) (my|her) (head|face|teeth|nose|jaw|ribs) (kicked|smashed|bashed|"
        r"punched|knocked|stamped) (in|on|out)",
        r"(got|get|getting|given|gave (me|her|us)|took|had) a (kicking|beating|hiding|pasting|"
        r"battering|good hiding|going over|slap|smack|punch|thump|doing)(?! on the wrist)",
        r"(set|setting|sets)( [\w']+){1,3} (on fire|alight|ablaze)",
        r"(threw|throw\w*|chuck\w*|lob\w*|sprayed|spraying|poured|pours) (acid|bleach|ammonia|"
        r"boiling water|hot water|petrol|paint|piss|urine)( [\w']+){0,2} (at|over|on|in|into) "
        r"(me|her|us|him|them|my|her|one of the girls|the girls|a girl|girls|someone|a woman|"
        r"women)",
        r"(sex|did stuff|did things|touched me|touching me|on top of me|had his way|had sex)"
        r"( [\w']+){0,4} (when|while|whilst) i (was|were) (passed out|asleep|sleeping|"
        r"unconscious|out of it|off my (head|face)|wasted|too drunk|drunk|drugged|spiked|"
        r"gouching|mashed|high)",
        r"(put|puts|putting|landed|left) (me|her|us) in (hospital|a & e|a and e|a&e|resus|"
        r"intensive care|icu|a coma|a wheelchair)",
        r"(push\w*|threw|throw\w*|chuck\w*|kick\w*|shov\w*|dragg\w*|drag|flung|fling\w*|"
        r"knock\w*) (me|her|us) (down|off|out of|through|against|across|over|into) (the |a |his "
        r"|my )?(stairs|window|car|wall|door|floor|road|bed|table|balcony|bannister|banister|"
        r"fence|glass|moving car|cupboard)",
        r"(pin(ned|ning)?|held|holding|hold|knelt|kneeling) (me|her) (down|on top|against)",
        r"(on top of|inside) (me|her)( [\w']+){0,4} (wouldn't|won't|didn't|couldn't|stop|get off|"
        r"pinned|held)",
        r"(his|their|the|a|both|two) (hands?|fingers?|arm|arms|belt|rope|cord|knee)( [\w']+){0,2} "
        r"(round|around|on|across|over|at) (my|her) (neck|throat|mouth)",
    ),
    "domestic_abuse": (
        _PARTNER_W + _gap(6) + r" " + _CONTROL,
        _PARTNER_W + _gap(6) + r" " + _HURT_STRONG,
        _PARTNER_W + _gap(6) + r" " + _HURT_WEAK + r" (me|her|us|my)",
        _join(_HURT_STRONG, _CONTROL) + _gap(6) + r" (by )?(my )?" + _PARTNER_W,
        r"(scared|afraid|frightened|terrified|petrified) of (my )?" + _PARTNER_W,
        _PARTNER_W + _gap(10) + r" (i|i've|she) (end up with|wake up with|get|got|have|had|am "
        r"covered in) (bruises|marks|a black eye|black eyes|cuts|burns|a split lip)",
        _PARTNER_W + _gap(10) + r" (i|she) (end up|ended up|wind up|woke up|wake up|was left|am "
        r"left) (on the floor|in hospital|in a & e|in a&e|black and blue|with (bruises|a black eye|"
        r"marks|cuts))",
        r"(cut up|ripped up|burnt|burned|destroyed|smashed|ruined|binned|threw out|chucked out|"
        r"sold|broke|bleached) (all )?(of )?my (clothes|stuff|things|phone|belongings|photos|id|"
        r"passport|makeup|bag|tent)",
        r"(ask|asks|asking|beg|begging|have to ask) (my )?" + _PARTNER_W
        + r" (for|before|if i can)",
        _PARTNER_W + _gap(10) + r" (if|unless|when|once) i (leave|left|try to leave|tried to "
        r"leave|ever leave|go to the police|tell anyone|told anyone|report|call the police|go)",
        r"(never|won't|not|wouldn't) (see|get|have) (my|the) (kids|children|baby|son|daughter|"
        r"little one|little ones)( again| back)?( [\w']+){0,3} (if|unless|when) i",
    ),
    "stalking_harassment": (
        _AGENT + r"( [\w']+){0,2} (keep|keeps|kept|keeps on|kept on|won't stop|constantly) "
        r"(wait\w*|hanging|hangin|hang|sitting|sittin|sat|parking|parked|parks|standing|stood|"
        r"lurking|turning up|turnin up|showing up|popping up|appearing|messag\w*|text\w*|ring\w*|"
        r"call\w*|phon\w*|contact\w*|follow\w*|trail\w*|watch\w*|star(e|es|ed|ing)|driv\w*|"
        r"circl\w*|coming round|comin round|knocking|bang\w* on|leaving (stuff|things|notes|"
        r"flowers|messages|presents|gifts)|asking (for|about|after) me|turns up|shows up|"
        r"finding me|post\w*|sending|sends|dm\w*|inbox\w*|add\w* me|look\w* for me)",
        r"(follow|follows|followed|following|followin|trail\w*|stalk\w*|tail(ed|ing|s)|"
        r"shadow(ed|ing|s)|track(s|ed|ing)) (me|her|us|where i|my (every move|movements|phone|"
        r"location|car))",
        r"(follow|followed|following|trailed|trailing|tailed|tailing) (me|her) (home|round|"
        r"around|about|back|everywhere|from|to)",
        r"(he|him|they|them|someone|somebody|" + _AGENT[1:-1] + r")" + _gap(6)
        + r" (wherever|everywhere) i (go|am|went|turn|look|stay|work)",
        r"(keeps|kept|been|keep getting|getting|messag\w*|text\w*|call\w*|ring\w*)( [\w']+){0,4} "
        r"(from|off|using|with) (different|loads of|new|other|fake|withheld|private|unknown|"
        r"blocked) (numbers|number|accounts|account|profiles|profile|phones)",
        r"(tracker|trackers|airtag|air tag|spyware|spy app|tracking app|gps tracker)"
        r"( [\w']+){0,4} (on|in|to) (my|her|me)",
        r"(put|puts|putting|installed|hid|hidden|planted)( a| an)? (tracker|airtag|air tag|"
        r"spyware|spy app|tracking app)",
        r"(" + _AGENT[1:-1] + r"|car|van)( [\w']+){0,5} (outside|across from|opposite|"
        r"over the road from|at the end of|end of) (my|her) (flat|house|hostel|door|road|street|"
        r"window|work|room|place|mum's|mums|building|block|tent|spot|pitch|patch)",
        r"(won't|will not|doesn't|never) (leave (me|her|us) alone|stop (calling|ringing|"
        r"texting|messaging|phoning|contacting|following|turning up|coming round))",
        r"(posting|posts|posted|post|put up|putting up|puts up|sharing|shared|shares|spreading|"
        r"spread|spreads|leaked|leaking|uploaded|uploading)( [\w']+){0,3} (stuff|things|lies|"
        r"rumours|pictures|pics|photos|videos|comments|nudes) (about|of) (me|her|us)",
        r"(lies|rumours|rumors) about (me|her|us)",
        r"(calls|calling|ringing|rings|phoning|phones|call)( [\w',]+){0,10} (no one speaks|nobody "
        r"speaks|no one says|nobody says|no one there|nobody there|silence|hangs up|hang up|"
        r"heavy breathing|just breathing)",
        r"(silent|heavy breathing|dead) (calls|phone calls)",
        _AGENT + r"( [\w']+){0,3} (got|gets|is|'s|was|became|become|getting) (obsessed|fixated|"
        r"infatuated)",
        r"(every|each) (corner|place|street|spot|pitch|beat) i (work|go|am|stand)",
        r"(knows|know|knew) (everything|every move|what) i('ve| have)? (do|did|done|say|said|buy|"
        r"spend|text)",
        r"(hacked|hacking|hacks|got into|getting into|logged into|logging into|in) my (phone|"
        r"account|accounts|email|emails|facebook|insta|icloud|snapchat|whatsapp)(?! (bill|contract|"
        r"number|case|credit|top up))",
        r"(hundreds|dozens|100s|thousands|loads|so many|constant) (of )?(messages|texts|calls|"
        r"voicemails|missed calls)( [\w']+){0,2} (a|per|every|each) (day|night|hour)",
        r"(hundreds|dozens|100s|thousands) of (messages|texts|calls|voicemails|missed calls)",
        r"(wrote|written|writes|spray ?painted|painted|scratched|carved) (slag|whore|slut|grass|"
        r"bitch|skank|nonce|my name|threats)( [\w']+){0,4}( (on|into|across|over) (my|the|her) "
        r"(door|car|wall|flat|house|window))?",
        r"(horrible|nasty|sick|dirty|creepy|vile|threatening|weird|abusive) (stuff|things|shit|"
        r"messages|texts|voice ?notes|pics|pictures)( [\w',]+){0,4} (all night|all day|every night|"
        r"every day|all the time|constantly|non stop|at night)",
        r"(still|always|keeps|kept|again|even) (find|finds|found|finding|tracks|tracked|tracking) "
        r"me",
        r"(asking|asked|asks|messaging|ringing|texting|calling)( [\w']+){0,4} (where i (am|live|"
        r"stay|sleep|work|go)|about me|for my (address|number))",
        r"same (car|van|man|guy|bloke|punter|lad|fella|motor)( [\w',]+){0,8} (again|times|every|"
        r"keeps|kept|round|past|by me|following|outside)",
        r"(slowing|slows|slowed|crawling|crawls) (down )?(by|next to|beside|alongside) (me|her|us)",
        r"(wait\w*|lurk\w*|hang\w* about) for (me|her)( [\w',]+){0,4} (every|each|all|again|always|"
        r"outside|at the end|by|round)",
        r"(going|went|goes|been going|gone) through (my|her) (bins|rubbish|post|letters|bag|stuff|"
        r"things|drawers)",
        r"(sending|sends|sent|leaving|leaves|left|keeps sending|been sending) (me|her) (flowers|"
        r"notes|gifts|presents|letters|cards|stuff|things|pictures|pics|photos)( [\w']+){0,8} "
        r"(don't know (him|them|who)|never met|stranger|creepy|weird|scared|scary|won't stop|"
        r"every day|all the time|again)",
        r"(new|fake|different|another|second|other|loads of) (accounts?|profiles?|numbers?|"
        r"phones?)( [\w']+){0,3} (to|and) (message|text|contact|call|ring|find|watch|follow|"
        r"harass|add|get to|see)",
        r"(pulling|pulls|pulled|slowing|slows|slowed|crawling|crawls|crawled|kerb crawl\w*)"
        r"( up| down)?( next to| beside| alongside| behind| up to| up by)? (me|her|us)",
        r"(phoning|ringing|calling|texting|messaging) (me|her)( [\w']+){0,3} (at \d+ ?am|in the "
        r"(night|middle of the night)|all night|all hours|at 3|at three|and (just )?(breathing|"
        r"silence|hanging up|says nothing|saying nothing|heavy breathing))",
        r"(my|her) (pictures|pics|photos|videos|nudes|vids|images)( [\w']+){0,4} (online|website|"
        r"websites|internet|facebook|insta|instagram|snapchat|tiktok|twitter|whatsapp|porn)",
        r"(hanging|hangin|hangs|hung|lurking|lurks|loitering|sitting|sat|parked|parking|waiting|"
        r"stood|standing) (round|around|about|outside|near|by|across from|opposite) (my|her|where "
        r"i) (flat|house|hostel|door|road|street|window|work|room|place|building|block|tent|spot|"
        r"pitch|patch|corner|beat|stop|car)",
        r"(not|isn't|is not) a coincidence",
        r"(creeping|creeps|creeped|freaking|freaks) me out",
        r"(knows|found out|find out|worked out|figured out) where i (live|stay|sleep|work|am|go|"
        r"hang|park|sit|stand|kip)",
        r"(staring|stares|stared|eyeing|photograph\w*|filming|filmed|secretly (filming|"
        r"recording)) (me|at me|her|at her)",
        _AGENT + r"( [\w']+){0,2} (watching|watched|watches) (me|my (flat|house|door|window|"
        r"every move|place|room|spot|tent)|where i)",
    ),
    "exploitation_trafficking": (
        # a debt that never ends
        r"(debt\w*|owe|owes|owed|owing|pay (it|him|them|her|that) back|paying (it|him|them|her) "
        r"back|pay it off|paying it off|work it off|working it off)( [\w']+){0,8} (keeps going up|"
        r"going up|goes up|gets bigger|getting bigger|more every|never (stop|end|ends|get out|"
        r"be free|be paid|gets paid)|can never|can't stop|won't let|make me|makes me|made me|"
        r"punters|clients|graft|grafting|interest|doubles|doubled|on the street|on the beat|"
        r"on the game|(jobs|favours|bits|runs) for (him|them|her)|if i (do|work|see|sleep|hold|"
        r"run|go))",
        r"(i|we|she) (still )?(owe|owes|owed) (him|them|her|the (man|men|guy|dealer|woman|boss|"
        r"lads|gang)|a (man|dealer|guy|bloke))(?! (a (tenner|fiver|quid|pint|drink|brew|thank|"
        r"big thank|favour|coffee|fag)|one|big time|an apology|nothing|for (the|a) (tea|coffee|"
        r"fag|drink|lift)))",
        r"(he|they|she|the (man|men|guy|woman|lads)) (says|say|said|told me|reckon\w*|claims?) "
        r"i (still )?(owe|owes)",
        r"(made|forced|pressured|pushed) to (work|graft|sell|earn|see (punters|men|clients|"
        r"blokes)|do (punters|things|stuff|it|sex|more|extra|jobs)|go out|have sex|sleep with|"
        r"stand|stay out|be out|bring|hand)",
        r"(makes|make|made|forces|force|forced) (me|us|her|the girls|girls) (to )?(work|earn|"
        r"graft|sell|go out|see (punters|men|clients|blokes)|do (punters|clients|men|jobs|extra)|"
        r"have sex|sleep with)",
        r"(sends|send|sent|puts|put|drops|dropped) (me|us|her|the girls|girls) out (to work|on|"
        r"every|at night|grafting|to punters|to earn|working)",
        r"(have|has|got|gotta|need) to (give|hand|hand over|pay|bring|earn|make) (him|them|her)"
        r"( [\w']+){0,3} (half|most|all|everything|every penny|a cut|£?\d+ (a|per) (night|day|"
        r"week))",
        r"(give|gives|gave|hand|hands|handed) (him|them|her)( [\w']+){0,2} (every penny|half of "
        r"(what|everything|my)|most of (what|my)|what i (earn|make))",
        r"(don't|do not|never|not|can't|don't even) (get to )?keep (a penny|a penny of it|any of "
        r"(it|the money|my money|what i)|the money|my money|my own money|my earnings|what i "
        r"(earn|make))",
        r"(he|they|she|pimp|man|men|boss|dealer|" + _PARTNER_W[1:-1] + r")( [\w']+){0,2} "
        r"(take|takes|took|taking|keep|keeps|kept|keeping|has|have|holds|holding|got|hide|hides|"
        r"hid) (my|our|her|all the|the girls') (passport|passports|id|ids|documents|papers|visa|"
        r"earnings|takings)",
        r"(brought|bring|brings|bringing|trafficked|smuggled|shipped|came over with) (me|us|her|"
        r"girls|women)( [\w']+){0,3} (from|over from) (\w+ )?(romania|albania|poland|nigeria|"
        r"vietnam|china|thailand|bulgaria|hungary|lithuania|ukraine|abroad|overseas|another "
        r"country|my country|home)",
        r"(brought|bring|brings|bringing|trafficked|smuggled|shipped) (me|us|her|girls|women)"
        r"( [\w']+){0,2} (over here|to (england|the uk|britain|this country))",
        r"(promised|said|told|offered)( [\w']+){0,6} (job|work|cleaning|waitressing|nannying|"
        r"modelling|hotel|restaurant|bar|care home|salon|massage|earn|good money|a better life|"
        r"a new life|papers|a visa)( [\w']+){0,8} (but|and then|instead|turned out)",
        r"(move|moves|moved|moving|drive|drives|driven|drove|take|takes|took|ship|shipped)"
        r"( me| us| her| the girls)( [\w']+){0,2} (round|around|between) (different |other |"
        r"loads of )?(towns|cities|flats|hotels|houses|places|areas|airbnbs|rooms)",
        r"(get|gets|got|getting|been|being|am|i'm|was|were) (driven|taken|moved|sent|shipped|"
        r"dropped)( [\w']+){0,2} (to|round|around|between) (a different|different|another|other|"
        r"new|loads of) (towns?|cities|city|flats?|hotels?|houses?|places|areas|airbnbs?|rooms)",
        r"(different|another|new) (towns?|cities|city|hotels?|flats?|places?|areas?|airbnbs?|"
        r"houses?) (every|each) (week|weekend|night|day|few)",
        r"(make|makes|made|force|forces|forced) (me|us|her) (sleep|stay|live) (at|in) (the|their|"
        r"his|a) (flat|house|place|room|hotel)",
        r"(only|just) (get|allowed|let|go|get let) (out|outside)( [\w']+){0,2} (to|for) (work|"
        r"punters|clients|graft|earn|jobs)",
        r"(if|unless|until|till) i (make|earn|bring in|bring back|get|pull|do|hand over) (enough|"
        r"my quota|the money|my target|what (he|they) (want|wants))",
        r"(use|using|uses|used) (my|her) (flat|place|house|room|home) (to|for) (deal|sell|cook|"
        r"store|stash|run|bag up|dealing|selling)",
        r"(can't|cannot|won't|couldn't) (kick|get|throw|chuck|make) (them|him) out( of (my|the|"
        r"her) (flat|place|house|room))?",
        r"(earn|pay|work) (my|her|our) keep",
        r"(took|take|takes|taken|taking) (my|her|our) (phone|phones|sim)( [\w',]+){0,8} (check|"
        r"checks|checking|read|reads|reading|track|tracks|tracking|monitor\w*|listen\w*)",
        r"(hand|hands|handing|handed|give|gives|giving|pass) (my|the|all my|all the|all of my) "
        r"(money|cash|earnings|takings|wages) (over|up|in|to (him|them|her|the))",
        r"(not allowed|can't|cannot|never allowed|no choice|don't get to|not let) (to )?(say no|"
        r"refuse|turn (down|away))( [\w']+){0,3} (punter|punters|client|clients|men|customer|"
        r"customers|jobs|him|them|anyone|any)",
        r"(have to|had to|made to|make me|makes me|expected to|got to) (see|sleep with|go with|do|"
        r"have sex with|look after|entertain|be with) (his|their) (friends|mates|pals|mate|friend|"
        r"brothers|cousins|boys|men)",
        r"(in return|in exchange|to pay for|for (my )?(rent|room|the room|a bed|somewhere to "
        r"stay))( [\w',]+){0,6} (have to|got to|must|make me|makes me|expected to) (see|sleep "
        r"with|have sex|go with|do stuff|do things|do favours|do jobs)",
        r"(don't|do not|didn't) (even )?know (what|which|where) (town|city|place|country|area|"
        r"street|i am|i'm)",
        r"(they|he|she)( [\w',]+){0,6} (check|checks|checking|read|reads|go through|goes through|"
        r"track|tracks) (it|my phone|the phone|my messages|everything)",
        r"(sold|bought|traded|swapped|passed) (me|her|us)( on)? (to|for) (another|a|some|other|"
        r"his|\d)",
        r"whoever (they|he|she) (send|sends|sent|bring|brings|book|books|say|says|tell me|"
        r"tells me)",
        r"(runs|run|running|in charge of|owns|controls|manages|boss of) (the|this|that) (house|"
        r"flat|girls|women|parlour|brothel|sauna)",
        r"(decides|decide|chooses|choose|picks|pick) (who|which|how many) (i|punters|clients|men|"
        r"customers)",
        r"tells? me (who|which|how many) (punters|men|clients|to see)",
        r"(won't|will not|doesn't|don't|never|wouldn't) let (me|us|her) (stop|leave|quit|go|out|"
        r"keep|have|speak|talk|see)( [\w']+){0,5} (debt|paid|owe|punters|earn|boss)",
        r"(they|he|she)( [\w']+){0,2} (lock|locks|locked) (us|me|her|the door)( [\w']+){0,3}"
        r"( from (the )?outside)?",
        r"(lock|locks|locked|locking) (the door|us in|me in|her in)( [\w']+){0,3} from (the )?"
        r"outside",
        r"(took|take|taken|taking|takes) over (my|her|the) (flat|place|house|room)",
        r"(sell|selling|sells|deal|dealing|run|running) (drugs |gear )?(from|out of) (my|her) "
        r"(flat|place|house|room)",
        r"(photos|pictures|pics|adverts?|ads|profiles?) of me( [\w']+){0,5} (websites?|online|"
        r"site|sites|adultwork|vivastreet|the internet)",
        r"(earn|earning|work|working|graft|grafting|go out|out) (for|to pay) (him|them|the (man|"
        r"men|boss|guy|dealer))",
        r"(pimp\w*|madam|trafficker\w*|traffick\w*|modern slavery|quota)",
        r"(no|not got|haven't got|don't have|without) (my )?(passport|papers|documents)"
        r"( [\w',]+){0,4} (he|they|she|him|them|took|has|have|kept|keeps)",
    ),
    "child_safeguarding": (
        _CHILD + _gap(8) + r" " + _join(_CHILD_RISK, _CHILD_RISK_MORE),
        _join(_CHILD_RISK, _CHILD_RISK_FIRST) + _gap(8) + r" " + _CHILD,
        r"(?<!my )(?<!our )(girl|girls|lass|lasses|boy|boys|lad|lads|kid|kids|child|teen|teenager)"
        r"( [\w']+){0,6} (is|was|aged|age|only|just|barely|about|around|maybe|looks|look|"
        r"looked|looking|reckon|probably|no older than|no more than|under) (about |around |"
        r"like |maybe |only |just )?" + _AGE + _UNIT_NOT_AGE,
        r"(in|wearing|still in|with) (a |her |his |their )?(school uniform|school blazer|"
        r"school tie|school jumper|school shirt|school skirt|school trousers|school coat)",
        r"(can't|cannot|couldn't) be (more|older) than " + _AGE,
        r"(man|men|guy|guys|bloke|blokes|stranger|punter|punters|dealer|dealers|lads|someone|"
        r"somebody|older)( [\w',]+){0,6} (giving|gives|gave|buying|buys|bought|sending|sends|sent) "
        r"(my|her|his|the) (daughter|son|"
        r"girl|boy|kid|kids|lass|lad|little one|niece|nephew)( [\w']+){0,2} (presents|gifts|money|"
        r"cash|phones?|drink|drinks|drugs|fags|vapes|lifts|weed|alcohol|booze)",
        r"(sending|sends|sent|send|swapping)( [\w']+){0,2} (pictures|pics|photos|nudes|videos|"
        r"selfies)( [\w']+){0,2} (to|with) (a|an|some|this|older|grown) (man|men|guy|bloke|lad|"
        r"adult|older)",
    ),
    "overdose_medical": (
        _PERSON + r"( [\w']+){0,2} (went|gone|goes|going|turned|turning|turn|was|were|is|are|"
        r"looked|looking|looks|all|proper|bit) " + _LIMP + r"(?! (with|from|cos|coz|because) "
        r"(the )?cold)",
        r"(found|find|finding)( [\w']+){0,3} (him|her|them|someone|my (mate|friend|pal)|a (girl|"
        r"lad|guy|bloke|man|woman))( [\w']+){0,3} (on the floor|on the ground|in the (toilet|"
        r"toilets|bathroom|alley|stairwell|doorway)|slumped|collapsed|unconscious|not breathing|"
        r"dead|passed out|gouching|out cold|blue|grey|gray|cold|limp|stiff|face down)",
        r"(stopped|stop|not|wasn't|weren't|isn't|barely|hardly|can't|cannot|couldn't|could not|"
        r"struggling to|struggled to|fighting for|gasping for) (breath\w*|breth\w*|breeth\w*)",
        r"(breath\w*|breth\w*)( (was|is|went|gone|going|sounded|sounds|all))? (funny|weird|"
        r"strange|slow|slowly|shallow|noisy|rattly|rattling|raspy|wrong|odd|gurgly|gurgling|"
        r"snory|shallower|slower)",
        r"(snor\w*|gurgl\w*|rattl\w*|gasp\w*)( [\w']+){0,3} (funny|weird|strange|went quiet|"
        r"stopped|then nothing)",
        r"(had to|gave|give|giving|given|used|use|using|needed|jab\w*|spray\w*|inject\w*|"
        r"administer\w*)( (her|him|them|my mate|my friend|someone|a girl|a lad|a guy))?"
        r"( (some|the|a|two|three|more|another|a dose of|a shot of|a second))? "
        r"(" + _NALOXONE[1:-1] + r"|the spray)",
        _NALOXONE + r"( [\w']+){0,2} (her|him|them|my mate|my friend|someone|a girl|a lad|twice|"
        r"again)",
        r"(went|gone|going|go|goes) over(?! (to|the|there|well|it|them|that|this|my|his|her|our|"
        r"your|everything|a|an|some|and (said|asked|got|had|chatted|talked|spoke|sat|helped|"
        r"gave|told|grabbed|introduced|saw|had a))\b)",
        r"(passed|passing|blacked|blacking|spark|sparked) out",
        r"(blackout|blackouts|blacked out|out cold|out of it for hours|gouch\w*|nodding out|"
        r"nodded out)",
        r"(took|taken|take|takes|taking|had|done|did|used|smoked|injected|snorted|necked|"
        r"swallowed|banged|drank)( [\w']+)? too (much|many|strong)(?! (to drink|food|cake|"
        r"chocolate|sweets|fun|coffee|tea|time|sugar|of a laugh|on|stuff home|bags|clothes)\b)",
        r"(unresponsive|unrousable|couldn't rouse|can't rouse|wouldn't wake|won't wake|"
        r"couldn't wake|can't wake|not waking|didn't wake|never woke)",
        _PERSON + r"( [\w']+){0,3} (not respond\w*|wasn't respond\w*|wouldn't respond|"
        r"won't respond|didn't respond|not responsive|died|passed away|is dead|was dead|"
        r"found dead|didn't make it(?! (to|in|on|back|out|home|there)))(?! laughing)",
        r"(fitting|seizure\w*|convuls\w*|frothing|foaming at)",
        r"(had|having|has|have|took) (a|another|two|loads of) (fit|fits|seizure|seizures|"
        r"funny turn)",
        r"(collaps\w*|keeled over|hit the deck)",
        r"(not right|confused|out of it|really hot|overheating|burning up|twitching|jerking|"
        r"shaking|sweating|pale|clammy|eyes rolled|eyes rolling|slumped|gurgling|dribbling)"
        r"( [\w',]+){0,10} (pill|pills|gear|line|bag|dig|hit|batch|spice|mandy|mdma|ket|coke|"
        r"crack|drink|drugs|party|bottle|vodka)",
        r"(pill|pills|gear|line|bag|dig|batch|spice|mandy|mdma|ket|coke|crack|drugs|vodka|bottle)"
        r"( [\w',]+){0,10} (not right|confused|out of it|really hot|overheating|burning up|"
        r"twitching|jerking|shaking|sweating|pale|clammy|eyes rolled|slumped|gurgling)",
        r"(went|gone|going|turned|was|is|looked|looks) (really |so |dead |proper |all |very )?"
        r"(pale|white|clammy|sweaty|jerky)(?! (with|from) (the )?cold)",
        r"eyes (rolled|rolling|went|go|going) (back|up)",
        r"brought (me|her|him|them) back|(got|been) brought back",
        r"(pregnant|expecting)( [\w',]+){0,6} (bleeding|blood|cramps|pains|cramping|spotting)",
        r"(bad|funny|weird|strange|allergic|nasty) reaction|reacted (badly|bad|funny)",
        r"(can't|cannot|couldn't|could not|won't|wouldn't) stop (shaking|twitching|fitting|"
        r"convulsing|being sick|throwing up|vomiting|bleeding|sweating)",
        r"(hard|difficult|impossible|struggled|struggling|trouble|couldn't|can't) (to )?(wake|"
        r"waking|rouse|rousing|get (him|her|them) to (wake|respond|talk|answer))",
        r"(infect\w*|abscess\w*|cellulitis)( [\w',]+){0,8} (swollen|spreading|red|hot|hurts|"
        r"hurting|pus|oozing|black|green|worse|bad|fever|shivering|rough|ill|sick|smells|stinks|"
        r"massive|huge|throbbing|agony|pain|weeping)",
        r"(swollen|spreading|red|hot|pus|oozing|black|green|smells|stinks|massive|huge|throbbing|"
        r"weeping)( [\w',]+){0,8} (infect\w*|abscess\w*|cellulitis)",
        r"(gangrene|septic|sepsis|dvt|blood clot)",
        r"(breathe|breathing|breaths) (for|into) (him|her|them)|mouth to mouth|paramedics? "
        r"(got there|came|arrived|took)",
        r"(fell|fall|falls|fallen|tripped|slipped)( [\w']+){0,3} (smashed|banged|bashed|hit|"
        r"cracked|split|cut) (her|his|my|their) head",
        r"(nodding|nodded|nods|gouching|gouched) (off|out)( [\w']+){0,4} (hard to|can't|won't|"
        r"wouldn't|couldn't|mid|middle of|while|every)",
        r"(cpr|chest compressions|recovery position|rescue breaths)",
        r"(call|called|calling|ring|rang|ringing|phone|phoned|get|got|needed|need|had to get|"
        r"came|took) (an |the )?(ambulance|paramedics|999)",
        r"(can't|cannot|couldn't|can not|lost|no) feel(ing)? (in )?(my|her|his) (legs?|arms?|"
        r"face|side|body|left|right)",
        r"(black|green|purple|swollen|huge|massive|hot|red|infected|oozing|weeping|pus|abscess\w*|"
        r"lump|hard|rotten|smells|stinks|numb|burning|hurts)( [\w',]+){0,10} (where i "
        r"(inject\w*|missed|go in|dig|use)|injecting|injection site|my (vein|veins|groin|site|"
        r"track marks))",
        r"(missed|miss|missing) (a vein|the vein|my vein|my hit|a hit)",
        r"(can't|cannot|couldn't|could not|won't|unable to) (get|wake) (her|him|them) (up|to wake|"
        r"to respond|to move)",
        r"(asleep|sleeping|out|gone|unconscious) for (ages|hours|too long)",
        r"(spew\w*|heav\w*|chucking up|chuck up|threw up|throw up)( up)? (blood|black)",
        r"(throwing|throw|threw|coughing|cough|coughed|spitting|being sick|sick|vomit\w*|"
        r"bringing|puking|peeing|pissing|weeing|pooing|shitting)( up)? (blood|black)",
        r"(drugged|spiked|roofied|rohypnol|ghb)",
        r"(my|her|his) (heart|chest)( [\w']+){0,2} (racing|pounding|hurts|hurting|tight|"
        r"stopped|going mad|beating (fast|funny|weird))",
        r"(bleed\w*|bled|blood|haemorrhag\w*)( [\w']+){0,3} (everywhere|won't stop|wouldn't stop|"
        r"for days|down (there|below))",
    ),
}
# fmt: on

# ---------------------------------------------------------------------------------------
# Version 5: broader rules, deliberately recall-leaning. Each covers a family of wording
# rather than a sentence: a threat said any way, hiding or asking to be walked out, someone
# who always finds her, control by a partner ("not letting me", "goes through my bag"),
# earnings or movement controlled by someone else, a child near drugs, strangers or a
# carer who is not safe, hopelessness with an ending, and signs of an overdose or wound.
_HE = r"(he|she|they|he's|she's|they're|he'd|she'd|they'd|he'll|she'll|they'll|someone|somebody)"
_OWNER = (
    r"(he|she|they|he's|she's|they're|they've|him|them|her|my (boyfriend|partner|husband|man|pimp|"
    r"ex)|the (man|men|guy|"
    r"woman|boss|dealer|pimp|lads))"
)
_DRUG = (
    r"(benzos|gear|heroin|alcohol|drink|booze|vodka|pills|methadone|xanax|vallies|pregabs?|"
    r"pregabalin|gabapentin|spice|crack|coke|ket|fent\w*|downers|sleepers|diazepam|valium|"
    r"tramadol|codeine|oxy\w*|mandy|mdma|ghb|g|tablets|meds)"
)
_MEANS = (
    r"(pills|tablets|meds|medication|script|methadone|pregabs?|pregabalin|gabapentin|gabbies|"
    r"benzos|vallies|diazepam|paracetamol|co-codamol|codeine|insulin|oxy\w*|tramadol|"
    r"painkillers|sleeping pills|sleepers|antidepressants)"
)

# fmt: off
_BROAD: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"what (he|they|she|he's|they're|she's) (is |are |'s |'re )?(gonna|going to|will|'ll|wants "
        r"to|would|'d|said he'd|threatened to|is going to) do (to )?(me|her|us)",
        r"(if|when|once) (he|they|my [\w']+) (sees|see|saw|catches|catch|finds|find|hears|knows|"
        r"know)( [\w']+){0,5} (i'm|i am|i'll be|she's|i'd be) (done|dead|finished|in trouble|for "
        r"it|getting it)",
        r"(he's|he|he has|they've|they have|they're|they) just (pulled up|turned up|showed up|"
        r"rocked up)(?! (to (help|pick|drop|collect)|with (my|the) (kids|shopping))\b)",
        r"(he's|he|he has) (pulled up|turned up|showed up|rocked up)(?= ?$| [.!?,;]| outside| "
        r"at| here| again| now| in his| drunk| off)",
        r"(he's|he has|they've|they have) just (arrived|walked in|come in)",
        r"(don't|do not|please don't|pls don't|dont) (let|make) me (out|go|leave|go out|go back)"
        r"( yet| now| there| out there| with him| alone)?(?= ?$| [.!?,;]| yet| now| there| out| "
        r"with| alone| he| they)",
        r"(where|somewhere|anywhere) (he|they) (won't|can't|cannot|will not|wont|can not|wouldn't) "
        r"(find|get|see|reach|get to|get at) (me|her|us)",
        r"(he's|he is|they're|they are|he was|he) (raging|fuming|livid|on the warpath|tooled up|"
        r"armed|going mental|off his head and|out for blood)",
        r"(they're|they are|he's|he is|they were|he was|they've been|he's been) tooled up",
        r"(he's|he is|they're|they are) (coming|on (his|their) way) (down |over |round |"
        r"up )?(here|to "
        r"the van|to the drop in|to find me|to get me)",
        r"(cos|because|as|while|till) (he's|he is|they're|they are) (at|in|back at|back in|still "
        r"at|still in) (the|my|our) (flat|house|place|room|home)",
        r"(swinging|swung|waving|waved|brandishing|came at me with|coming at me with|chasing me "
        r"with|chased me with|chased me|chasing me|chased after me|running after me)",
        r"in (real|serious|big|so much|actual|proper|grave|immediate) danger",
        r"(won't|wont|will not|never|not going to|not gonna) (see|make it to|live (to see|till|"
        r"until|past)) (christmas|my birthday|the (weekend|morning|new year|summer|end of the "
        r"(week|month|night))|tomorrow|another (day|week|year)|next (week|year|month))",
        r"(finish|finishing|finished) (the job|what (he|they) started|me off)",
        r"(he's|he is|they're|they are|he|they) (on (his|their) way|coming( back| round| over)?)"
        r"( [\w']+){0,4} (raging|angry|fuming|mad|kicking off|after me|for me|to get me|drunk|off "
        r"(his|their) (head|face)|tooled up|with a)",
        r"(he's|he has|he|they've|they have|they)( been)? (sat|sitting|parked|waiting|stood|"
        r"standing|lurking)( [\w']+){0,4} outside (the|my|her)",
        r"(need|needs|needed|find|get me|take me|drive me|go|any|get to) somewhere (safe|he can't|"
        r"they can't|to hide)",
        r"(he|they|someone|somebody|he's|they've|he has|they have)( [\w']+)? (broke|broken|"
        r"breaking|kicked|smashed) (in|the door in|my door in|the window)(?! (my|the|new|half|two|"
        r"a|"
        r"his|her)\b)",
        # waiting for him to go, hiding, being walked out
        r"(till|until|til|before|once) ((he|they) (goes|go|leaves|leave|drives off|moves on|fucks "
        r"off|pisses off|falls asleep|is asleep|are asleep|calms down|sobers up|gets bored|gives "
        r"up|stops looking)|(he's|they're|he has|they have|he is|they are) (gone|left|asleep))",
        r"(hiding|hid|hide|hidden|hides) (in|inside|behind|under|out|away|round|at|from)"
        r"(?! (the|a) (rain|cold|wind|weather|sun|snow|staff|kids))",
        r"(walk|walking) (me|us) (out|to|back|home|down|up|round|over|across)",
        r"(stay|wait|come|sit) with me (till|until|til|while|in case)",
        # "he said im dead when he gets hold of me"
        r"(i'm|i am|she's|i'll be|she'll be) dead (when|if|once|as soon|the minute|the second|"
        r"the moment|next time|tonight|by)",
        r"(gets|get|got|getting) (hold of|his hands on|their hands on|a hold of) (me|her|us)",
        # don't let him near; if he comes asking
        r"(don't|do not|please don't|never) let (him|them|he|my (boyfriend|ex|partner|husband|"
        r"pimp|dealer)) (in|inside|near|on|into|see me|know where|find|take me)",
        r"(don't|do not|please don't) tell (him|them|anyone|anybody)( [\w']+)? (where i|i'm here|"
        r"i was here|i'm in|that i'm|i've been)",
        r"(if|when) (he|they|anyone|someone|somebody|a man|a guy|my ex) (comes|come|asks|turns up|"
        r"shows up)( [\w']+){0,2} (asking|looking)( for| about| after)? (me|for me|after me)",
        r"(tell|say to) (him|them) (i'm not|i am not|i'm not here|you haven't seen)",
        # threats, said any way
        r"(end|ending|ended|wind|winding|wound) up (in|at) (a box|a coffin|the ground|the river|"
        r"the canal|the morgue|a body bag|a ditch|the cemetery|a grave)",
        r"(don't|do not|not to) (bother )?(coming|come) (home|back)( [\w']+){0,3} (unless|or|if)",
        r"(said|says|saying|text\w*|message\w*|told me|swears|threaten\w*|reckons)( [\w']+){0,3} "
        r"(he's|he is|they're|they are|he'll|they'll|he|they|he'd|they'd) (coming|come|gonna come|"
        r"going to come|on (his|their) way)( [\w']+){0,2} (to get|for|after|round for|to find|"
        r"to sort) (me|her|us)",
        r"(sent|sending|send|sends|got|has|have) (his|their|the|some|a few|two|2|3) (boys|lads|"
        r"mates|men|guys|people|heavies|crew|goons|friends)( out| round| over)? (to find|after|"
        r"for|looking for|to get|round to|out to get|to sort|to look for) (me|her|us|my)",
        r"(done|kicked|smashed|bashed|booted|kicking|put) (my|her|the|our|my mate's|my mates)"
        r"( [\w']+)? (door|window|windows) in",
        r"(or|else|otherwise|if not|or else) (i|i'll|i'm|she|she'll|we)( [\w']+)? (get|gets|be|"
        r"'ll get|'ll be|am|going to get|going to be|gonna get) (hurt|battered|beaten|beat|done|"
        r"done in|a hiding|a beating|a kicking|killed|stabbed|slapped|hit|smacked|punished|dead)",
        r"(going to|will|he'll|she'll|they'll|wants to|said he'd|he'd|they'd|out to|coming to|"
        r"come to|try to|gonna try to) (do|finish|sort) (me|her|us)( in| over| off| proper| good|"
        r"| properly| for good| out)?(?= ?$| [.!?,;]| if| when| for| tonight| later| after| once|"
        r" cos| because| next| this| the minute| as soon)",
        r"(if|when|once) (he|they|my (boyfriend|partner|husband|man|ex|pimp|dealer)) (finds out|"
        r"find out|found out|ever finds|knew|sees me here|saw me here|catches me|caught me|hears|"
        r"heard)",
        # somewhere safe tonight, not safe, he's stood there
        r"(need|needs|needed|want|get|getting|find|finding|looking for|any|place in|space in|room "
        r"in|bed in|go to|into) (a |the |to |to go to a |to get into a )?(refuge|safe house|"
        r"safehouse)",
        r"(need|needs|needed|no|not got|haven't got|don't have|find|any|somewhere)( a| any)? safe "
        r"(place|space|bed|room)",
        r"(not|isn't|aren't|wasn't|never|don't feel|do not feel) safe(?! (with|around) "
        r"(myself|meself))(?! to (leave|park|keep|lock|have|eat|drink) )",
        r"(he's|he is|they're|they are|he was|they were|he|they)( just| still| now)? (stood|"
        r"lurking|loitering|hovering|skulking|creeping about)",
        r"(he's|they're|he is|they are) (here|back)(?= ?$| [.!?,;]| now| again| tonight| and)",
        r"(watching|watches|watched) (the|my|her) (door|van|window|flat|house|room)( [\w']+){0,3} "
        r"(now|right now|waiting|for me)",
    ),
    "self_harm_suicide": (
        r"only (thing|reason|one|ones|person)( [\w']+){0,2} (stopping me|keeping me (alive|here|"
        r"from))|(stopping|stops|stopped) me (from )?(doing it|ending it|going through with it|"
        r"killing myself|jumping|topping myself)",
        r"(took|taken|swallowed|necked|downed) (a load|loads|a handful|a bunch|a box|a packet|the "
        r"lot|all) of (my )?" + _MEANS,
        r"how (many|much)( of)?( my| the| her| me)? " + _MEANS + r"( [\w']+){0,4} (it takes|it "
        r"would take|would it take|to take|does it take|kills|to kill|to die|to od)",
        r"(i've got|i have|i've made|made|got|have|i've) a plan(?= ?$| [.!?,;]| to (end|do it|die|"
        r"go|"
        r"kill)| for (tonight|when|how))",
        r"(i'm|i am|i feel|feel|feeling|i'm just) (so |such |just |completely |totally )?(useless|"
        r"a "
        r"waste of space|a failure|pathetic|nothing|unlovable|disgusting|a mess)(?= ?$| [.!?,;]| "
        r"and| to everyone| anymore| any more)",
        r"wish (i'd|i had|i) (died|not woken up|not survived|stayed dead|gone through with it)",
        r"(after|since|my|last|another|an|failed|second|third) (suicide )?attempt(?! (at|to (get|"
        r"find|sort|make|quit|stop|give up|be|cut down))\b)",
        r"(swallowed|drank|drink|drinking|drunk|took|taken|taking|necked|gonna drink|"
        r"going to drink) "
        r"(some |a bottle of |the )?(bleach|antifreeze|cleaning stuff|weed ?killer|poison|"
        r"rat poison|"
        r"battery acid|lighter fluid)",
        r"(go|going|went|been|walk|walked|walking|stand|stood|standing|sit|sat) (to|on|at|by|"
        r"up) the "
        r"(bridge|river|canal|tracks|railway|edge|cliff|roof|top of the [\w']+)( [\w']+){0,5} "
        r"(think|thinking|thought|jump|stare|staring|look down|looking down|wonder|wondering)",
        r"(tired|sick|done|exhausted|weary) (of|with) (fighting|trying|struggling|being me|being "
        r"alive|it all|everything)",
        r"(better off|best off|be better|happier) (in the ground|in a box|in a grave|underground|"
        r"in "
        r"heaven|with (my|her) (nan|mum|mam|dad|baby|son|daughter|brother|sister))",
        r"(my own|planning my|picturing my|plan my|imagine my|imagining my|organising my) funeral",
        r"(tied|tie|tying|put|wrapped|wrap|tightened|pulled)( a| the| my)? (belt|rope|cord|cable|"
        r"scarf|tie|ligature|lace|laces|wire|bag) (round|around|on) my (neck|throat)",
        r"(got|have|i've|there's|is|i've got) (nothing|nobody|no one|nowt) left(?= ?$| [.!?,;]| to "
        r"live| anymore| any more| in me| inside| for me)",
        r"(think|thinks|thinking|thought|dream|dreaming|fantasi\w*|obsess\w*) (of|about) (dying|"
        r"death|being dead|ending it|killing myself|suicide|not being here|not waking up|"
        r"my funeral|"
        r"jumping|hanging myself|taking them all|ending my life)",
        r"(can't|cannot|can not|couldn't) (take|cope with|handle|deal with|stand) (much|any) more"
        r"(?! (soup|food|tea|coffee|of (the|that|this) (soup|food|music)))",
        r"(died|dead|passed|passed away|lost|gone|heaven|grave|funeral)( [\w',]+){0,8} (want|wanna|"
        r"wanted|wish i could|just want|need) to be with (her|him|them|my [\w']+)",
        r"(i'll|i will|i'm|i am|i'd|i) (be )?(gone|dead|not here|not around)( [\w']+)? (soon|"
        r"anyway|"
        r"shortly|before long|for good|forever|for ever)",
        r"(can't be arsed|can't be bothered|cba|cannot be bothered)( with| to)? (life|living|"
        r"anymore|any more|anything anymore|to (live|carry on|go on|wake up|keep going))",
        r"(pills|tablets|rope|blade|blades|razor|knife|meds|noose|letters?|notes?|paracetamol)"
        r"( [\w']+){0,2} (ready|lined up|set out|counted out)(?! (to|for) (pick|collect|the "
        r"(chemist|pharmacy|doctor)))",
        r"(standing|stood|sat|sitting|been|went|go|going|climbed) (on|up|up on|onto) (the|a|that) "
        r"(bridge|ledge|roof|railway|tracks|railway line|cliff|cliff edge|top of the (car park|"
        r"multi storey|flats))",
        r"(i|i've|i'm|and|so) (cut|cutting|cuts|burn|burning|harm|harming)(?= ?$| [.!?,;]| again| "
        r"more| deeper| when| cos| every| to feel| till)",
        r"(i|i really|i just|i fucking|i proper) (hate|loathe|despise) (myself|meself)",
        r"(planned|planning|worked out|know|decided|figured out|thought about|thinking about) "
        r"(how|where|when) (i'd|i would|i'll|i will|i'm going to|i'm gonna|to|i could) (do it|end "
        r"it|go|die|kill myself|take them|jump|hang)",
        r"(want|wanna|need|wish|just want) (the pain|everything|it all|the thoughts|the voices|my "
        r"head|my life|life) to (stop|end|be over|go away)( forever| for good| for ever| "
        r"permanently)?(?! (hurting|aching))",
        r"(might as well|may as well|just as well|could just) (be dead|die|end it|not be here|not "
        r"exist|kill myself|top myself|be gone)",
        r"(bought|buying|buy|got|getting|collected|collecting) (a load of|loads of|lots of|"
        r"a stash of|"
        r"boxes of|packets of|a bag of|enough|extra|two boxes of|three boxes of) " + _MEANS,
        r"(don't|do not|dont|no longer|stopped|couldn't) car(e|ing) (what happens to me|if i (live|"
        r"die|wake|make it|get hurt|get killed|come back)|about (myself|me|living|anything) "
        r"anymore|whether i (live|die|wake))",
        r"(sleep|sleeping|asleep) (forever|for ever|for good|and never wake|and not wake)",
        r"(life|living|my life|going on|carrying on|it all|being alive|being here)('s| is| isn't|"
        r" is not| ain't| just| no longer)?( not)? worth (it|living|anything|the (effort|pain|"
        r"bother))",
        r"wish (i'd|i had|i) (never|not) (woken|woke|been born|wake|survived|made it)",
        r"(i|i'll|i'm|i am|gonna|going to|will|and|then|just|finally|might|should|night i|day i) "
        r"end it( all)?(?! (with|between|for|off|early|there|here|now and)\b)",
        r"(going to|gonna|want to|wanna|will|might|thinking (of|about)|planning|tempted to|i'll|"
        r"about to|ready to) (take|do|have) (an|a|another|a massive|a big) (overdose|od)",
        r"(not|isn't|never|don't feel|do not feel) safe (with|around) (myself|meself)",
        r"(don't|do not|can't|cannot) trust (myself|meself)",
        r"(can't|cannot|couldn't) keep (myself|meself) safe",
        r"(scared|afraid|frightened|worried|terrified) (of|about) (myself|meself|what i('ll| will| "
        r"might| could| would| may) do)",
        r"(don't|do not|dont|never|not|no longer)( really| even| think i| think i'd| sure i)? "
        r"(want|wanna|wanting|wish|going|planning|bothered) (to )?(wake|waking|be here|be alive|be "
        r"around|live|living|go on|carry on|exist|see (tomorrow|another day|the morning))",
        r"(last time|last night) (you'll|you will|anyone will|you lot will|anyone'll|you|anyone)"
        r"( ever)? (see|hear from|hear off) me",
        r"(you'll|you will|you won't|won't|you lot won't|nobody will|no one will) (ever )?(see|"
        r"hear "
        r"from|hear off) me (again|anymore|any more|after (tonight|today|this))(?! (till|until|til|"
        r"for|cos|because))",
        r"(won't|will not|not going to|not gonna|might not|probably won't|will no longer) be "
        r"(round|around|here|alive|about|living|breathing)( [\w']+)? (to see|much longer|for "
        r"(much|very) long|anymore|any more|by then|by the time|for long)",
        r"(done|finished|had enough|fed up|tired|sick|over) (with|of) (all of it|all this|all of "
        r"this|everything|it all|the lot|this life|life|living|being here|being alive|existing|"
        r"myself|trying|fighting|this world)(?! (being|getting|going|is|in|at|on|like)\b)",
        r"(i've|i have|i've just|just|i'm|i am|i|i honestly|honestly|really) had enough(?= ?$| "
        r"[.!?,;]| now| tbh| honestly| of (everything|it all|life|living|this|all this|all of it|"
        r"being))",
        r"(give|giving|given|gave) up on (life|everything|myself|living|it all|the world|"
        r"getting better)",
        r"(sav\w*|stash\w*|stockpil\w*|hoard\w*|collect\w*|squirrel\w*|hid\w*|keep\w*|kept|put\w*|"
        r"got|have|i've got)( all| up| away| aside| by)?( of)?( my| me| the| some| a load of| "
        r"loads of| enough)? " + _MEANS + r"( [\w']+)? (up|away|aside|by|saved|stashed|hidden|for "
        r"(later|when|the day|one day|tonight)|in case|just in case|till|until)",
        r"(took|taken|take|taking|swallowed|necked|downed|had) (a load|loads|too many|too much|the "
        r"lot|everything|all|them all|a handful|a bunch|a box|a packet|a bottle|my|her|his|some|"
        r"extra|double|a whole)( [\w']+){0,3} (on purpose|deliberately|to end it|to die|so i('d| "
        r"would) die|so i (wouldn't|would not|don't) wake|to not wake)",
        r"(gutted|disappointed|annoyed|angry|upset|sad|pissed off|fuming|sorry)( that)? (i'm|i am|"
        r"i was|i) (still (here|alive|breathing)|woke up|survived|didn't die|pulled through|came "
        r"round)",
        r"(cover|covering|covered|hide|hiding|hid|hidden)( up)? (my|her|the) (arms|wrists|legs|"
        r"thighs|scars|cuts|marks|burns|self harm)",
        r"(marks|scars|cuts|burns|cutting|scratches)( [\w']+){0,3} (getting|get|got|are|is) "
        r"(worse|deeper|bigger|more)",
        r"(scratch\w*|claw\w*|pick\w*|gouge\w*|carv\w*|slic\w*|slash\w*|slit\w*|scald\w*|bit|bite|"
        r"biting|bash\w*|bang\w*|punch\w*|stab\w*|scrap\w*|rip\w*|tear\w*|tore|cut|cuts|cutting|"
        r"burn\w*)( up| at| into)? (my|me) (own )?(arms?|wrists?|legs?|thighs?|skin|stomach|belly|"
        r"tummy|hips?)( up)?(?! (on|against|climbing|in) (a|the|some)\b)",
        r"(wanted|want|needed|need) (someone|somebody|you|you lot|anyone|one person) to know"
        r"( [\w']+){0,3} (before|in case)",
        r"(stuff|things|belongings|possessions) (in bags|in boxes|bagged up|packed up|boxed up) "
        r"for (my|her|the)",
        r"(want|wanna|wanted|wish|wishing|hope|hoping) (to )?(die|be dead|end it|end things|end my|"
        r"sleep forever|not be here|disappear|vanish|never wake|not wake|be gone for good|stop "
        r"existing|not exist)",
        r"(i'm|i am|i've|i have|i just|just|really) (ready|planning|decided|going|"
        r"gonna) (to )?(die|"
        r"end it|end things|end my|disappear for good|be gone for good|stop existing)",
        r"(i know|i've decided|decided|made my mind up|made up my mind)( [\w']+){0,3} (how and "
        r"when|when and how|what i'm doing|what i'm going to do|how i'm going to|how i'll do it|"
        r"it's time)",
        r"(going to|gonna|might|will|i'll|i'm going to|scared i'll|scared i might|afraid i'll|"
        r"worried i'll|feel like|want to|tempted to|before i|or i'll|stop me) (do|doing) "
        r"(something|summat) (stupid|silly|daft|drastic|bad)",
        r"(voices|my head|the voices|head)( [\w']+){0,2} (telling|tell|tells|told|saying) me to "
        r"(die|hurt|cut|kill|jump|end|top|harm|do it|go)",
        r"(nothing|no one|nobody|nowt|no reason) (left )?to (live|stay|keep going|carry on|go on) "
        r"for",
        r"no reason to (live|carry on|go on|stay|be here|keep going|wake up)",
        r"(pills|tablets|meds|paracetamol|sleeping pills|methadone|benzos)( [\w']+){0,3} (and|with|"
        r"washed down with) (a bottle of|vodka|whisky|booze|drink|wine|gin)(?! (and|for) (a|the) "
        r"(party|laugh))",
        r"(what's|what is|wheres|where's) the point(?= ?$| [.!?,;]| anymore| any more| of me)",
    ),
    "violence_assault": (
        r"(bottled|bottling|bottles|glass|glassing) (me|her|us|my mate|my friend|a girl|one of "
        r"the girls)",
        r"(swinging|swung|waving|waved|brandishing|came at me with|coming at me with|chasing me "
        r"with|chased me with)( a| an| his| the| their)? (hammer|knife|bat|machete|blade|bottle|"
        r"axe|weapon|crowbar|screwdriver|baseball bat)",
        r"(got|had|get|getting) (my|her) (nose|jaw|arm|ribs|wrist|fingers?|teeth|tooth|cheekbone|"
        r"leg|eye socket|head|face|lip) (broke|broken|busted|smashed|cracked|split|knocked out|"
        r"kicked in|stamped on|bust|punched in|caved in)",
        r"(had a go at|went at|came at|come at|comes at|came for|lunged at|swung at|went for|goes "
        r"for|attacked|threatened) (me|her|us)( [\w']+){0,2} (with|w) (a|an|his|their|the|some)",
        r"(threw|throws|throw|throwing|chucked|chucks|lobbed|hurled|flung|launched) (a|the|his|her|"
        r"my|some|an) [\w']+( [\w']+)? (at|over) (me|her|us|my head|my face)",
        r"(gave|give|gives|giving|given|got|get|getting|had|took) (me |her |us )?(a|such a|one "
        r"hell of a|a right|a proper|a real)( [\w']+){0,2} (hiding|beating|kicking|pasting|"
        r"battering|going over|slapping|leathering|belting|thumping|whacking|smack|slap|thump|"
        r"punch|clout)(?! (card|bag|line|up))",
        r"(pulled|pull|pulls|pulling|drew|held|holds|holding|put|had|pointed|pointing|waved|waving|"
        r"flashed|stuck) (a|his|their|the|her|an)( [\w']+)? " + _BLADE[:-1] + r"|weapon|bat|"
        r"bottle|needle|syringe) (on|to|at|against|in) (me|my|her|us)",
        _AGENT + _gap(6) + r" (did|done|busted|bust|burst|smashed|"
        r"bashed|messed up|mashed up|fucked up|opened up|slashed) (my|her) " + _BODY_W,
        _BODY_W + r"( [\w']+){0,5} (cos|because|from|after|off|thanks to) (a|the|some|my|this|"
        r"that) (punter|client|bloke|guy|man|lad|lads|men|regular|customer|boyfriend|ex|partner|"
        r"pimp|dealer|husband)",
        r"(turned|turns|turning|went|goes) (nasty|violent|rough|aggressive|psycho|on me|on her)",
        r"(took|taking|take|takes) turns? (on|with|at) (me|her|us)",
        r"(had|have|has|having) (his|their) way with (me|her)",
        r"(two|2|three|3|four|4|a group of|a gang of|a few|some|few) (men|lads|guys|blokes)"
        r"( [\w']+){0,4} (took turns|held me|had me|raped|forced|on me|with me in)",
        r"(put|shoved|stuck|forced) (his|their|a) (hands?|fingers?)( [\w']+){0,2} (up|down|inside|"
        r"in) (my|her)",
        r"(dumped|dumps|chucked|threw|left|kicked|pushed) (me|her|us)( out)? (on|at|in|by) (the )?"
        r"(ring road|side of the road|roadside|middle of nowhere|motorway|lay ?by|field|woods|"
        r"hard shoulder)",
        r"(chucked|threw|kicked|pushed|shoved|booted) (me|her|us) out (of )?(the|his|a) (car|van|"
        r"motor)",
        r"(he|punter|client|the guy|bloke|man)( [\w']+)? (took|takes|taken|pulled|whipped|ripped|"
        r"slipped) (it|the condom|the johnny|his condom|the rubber|the condom) off",
        r"(tried|try|trying) to (set|put)( [\w']+){0,3} (on fire|alight)",
    ),
    "domestic_abuse": (
        r"(he|she|they|my [\w']+)( [\w']+)? (won't|will not|doesn't|does not|never|wont|refuses "
        r"to|wouldn't) (give|hand|let me have) (me )?(my |any |my own |me my )?(own )?(bank ?card|"
        r"card|money|cash|benefits|phone|keys|id|passport|meds|methadone|script|wages|pin)",
        r"(makes|made|make|making) me feel (worthless|useless|stupid|ugly|like (shit|nothing|"
        r"dirt|a (piece of|nobody|slag|whore))|small|scared|terrified|trapped|crazy|mad)",
        r"(he|she|my [\w']+)( [\w']+)? (reads|read|checks|checked|checking|monitors|monitoring|"
        r"goes through|went through|looks through|looked through|scrolls through) (all )?(of )?"
        r"(my|her) (texts|messages|phone|emails|facebook|whatsapp|snapchat|insta|dms|calls|call "
        r"log|bank)",
        r"(get|take|got|took|getting|taking|gets|takes) the brunt",
        r"(he|my [\w']+)( [\w']+)? (has|'s got|has got|got) (a|such a|a really|a bad|a nasty|a "
        r"vile|a violent) (temper|short fuse)",
        r"(says|said|tells me|told me) i (can't|cannot|can not|am not allowed to|'m not allowed "
        r"to|mustn't|have to|need to) (go out|see|leave|talk|speak|have|wear|work|come|go "
        r"anywhere|ask)",
        r"(can't|cannot|not allowed to|never allowed to) (go|go out|leave|do anything|go "
        r"anywhere|see anyone|spend anything) without (him|his permission|asking him|telling him|"
        r"him knowing)",
        r"if i (leave|left|go|went|try to leave|ever leave|tell|told|report)( [\w']+){0,3} (he'll|"
        r"he will|he'd|he would|they'll|he's going to|he is going to|she'll) (take|get|have|keep|"
        r"kill|hurt|find|come|make|tell|ruin|report|stop)",
        r"(have to|got to|gotta|must|makes me|made me|make me) (ask|beg) (him|her|them|my "
        r"[\w']+) (for|before|if|permission)",
        r"(he|she|my (boyfriend|partner|husband|man|ex))( [\w']+){0,3} (telling|tells|told|calls|"
        r"calling|called|says|saying)( me)? (i'm|i am|im|i was|i'll always be|i'm just)?( a| an)?"
        r"( [\w']+)? (fat|ugly|stupid|useless|worthless|nothing|nobody|thick|pathetic|disgusting|"
        r"slag|whore|slut|junkie|waste of space|mental|crazy|psycho|mad)",
        r"(putting|puts|put|keeps putting) me down",
        _OWNER + r"( [\w']+)? (not|isn't|is not|never|stopped|stops|won't|doesn't|wont) (letting|"
        r"allowing|allow|lets|let) (me|her) (see|go|out|have|talk|speak|keep|leave|work|come|use|"
        r"phone|ring|call|text|eat|sleep|wear|visit|spend|get|open|contact|near|anywhere|do|be)",
        r"(he|she|my (boyfriend|partner|husband|man|ex))( [\w']+)? (doesn't|does not|don't|won't|"
        r"wouldn't|hates|hate|can't stand) (like|likes|liking|want|wanting|have|having|stand)?"
        r"( it)? (me|when i|if i|that i|it when i) (coming|come|going|go|talking|talk|seeing|see|"
        r"speaking|being|having|out|here|to|on my phone|texting|with|leave|leaving)",
        r"(he|she|they|my (boyfriend|partner|husband|man|ex))( [\w']+)? (goes|going|gone|went|go|"
        r"been going) (thru|through) (everything|all my|my (bag|phone|stuff|things|pockets|purse|"
        r"messages|texts|bank|handbag|room|drawers|clothes|post))",
        r"(he|she|my (boyfriend|partner|husband|man|ex))( [\w']+){0,2} (took|takes|take|taking|"
        r"taken|has|keeps|kept|hid|hides|smashed|smashes|broke|breaks|snapped|snaps|binned|bins)"
        r"( out)? (my|her) (sim|sim card|phone|keys|bank card|card|meds|money|passport|id|charger|"
        r"tablets|purse|shoes|clothes)(?! (to (get|be|the)|for (repair|me|a)|in for|back)\b)",
        r"(he|she|my (boyfriend|partner|husband|man|ex))( [\w']+){0,2} (chucks|chucked|throws|"
        r"threw|"
        r"bins|binned|burns|burnt|burned|cuts up|cut up|rips up|ripped up|bleaches|bleached) "
        r"(all )?(of )?(my|her) (clothes|stuff|things|belongings|bag|phone|photos|shoes)",
        r"(makes|made|make) me (ask|beg|account|explain|show|hand|give|tell him|keep my location|"
        r"share my location|send (him|her) (pics|photos|my location))",
        r"(tells|told|telling) me (what to wear|who i can|where i can|when i can|i can't (go|see|"
        r"have|wear|talk))",
        r"(back|home|can have (them|it) back|give (them|it) back)( [\w']+){0,2} (when|if|once|"
        r"unless) (i'm|i am|i) (good|behave|behaving|do as i'm told|do what he says|listen)",
        r"(if|when|whenever) (i'm|i am|i) (good|behave|do as i'm told|do what he (says|wants))",
        r"(or|else|otherwise|if not|if i'm not|if i'm late|when i'm late|if i come in late|if i "
        r"get back late)( [\w']+){0,3} (he|she|they|my (boyfriend|partner|husband|man|ex)|he'll|"
        r"she'll|they'll)( [\w']+)? (kicks off|kick off|goes mad|go mad|goes mental|goes spare|"
        r"goes ballistic|goes nuts|loses it|flips|will (kill|batter|hurt|go mad|kick off|lose it|"
        r"hit)|hits me|batters me|punishes me)",
        r"(he|she|they)( [\w']+){0,6} (if|when) i (come|get|stay|am|'m|go)( home| back| in| out)? "
        r"(late|after|past|out)",
        r"(he|my (boyfriend|partner|husband|man|ex))( [\w']+)? (kicks off|goes mad|goes mental|"
        r"goes spare|goes ballistic|loses it|flips out|goes off on one|goes nuts|gets nasty|gets "
        r"angry|loses his temper)(?= ?$| [.!?,;]| if| when| whenever| every| at me| on me| and| "
        r"cos| because)",
        r"(he|my (boyfriend|partner|husband|man|ex))( [\w']+)? (kicked off|went mad|went mental|"
        r"lost it|flipped|went off on one|went nuts|went ballistic) (at|on) me",
        r"(things|it|stuff|life)( at home)? (are|is|'s|have been|has been|'re|were|was) (bad|hard|"
        r"scary|rough|awful|horrible|getting worse|not good|kicking off|tense|hell)( again)? at "
        r"home|(things|it|stuff|life) at home (are|is|'s|have been|has been|'re|were|was) (bad|"
        r"hard|scary|rough|awful|horrible|getting worse|not good|kicking off|tense|hell)",
        r"(can't|cannot|daren't|dare not|not allowed to|scared to|afraid to|won't let me) (take|"
        r"keep|have|carry|bring|be seen with) (a|the|your|any|one of your|this|these) (leaflet|"
        r"leaflets|card|cards|number|info|kit|condoms|stuff)",
        r"(not allowed|never allowed|i'm not allowed|am not allowed) to (talk|speak|see|go|come|"
        r"have|text|ring|phone|leave|keep|work|wear)",
    ),
    "stalking_harassment": (
        _AGENT + r"( [\w']+){0,3} (send\w*|sent|writ\w*|wrote|tell\w*|told|email\w*) (all )?(my|"
        r"her) (friends|mates|family|mum|mam|sister|brother|kids|work|boss|neighbours|landlord|"
        r"nan|dad)",
        r"(" + _AGENT[1:-1] + r"|car|van|cars|vans)( [\w']+){0,4} (following|followed|follows|"
        r"tailing|tailed|trailing) (the van|the car|us|the bus|my car|the taxi|me)",
        r"(knows|know|found out|finds out|worked out|figured out) (which|what) (hostel|flat|house|"
        r"street|road|room|hotel|spot|corner|doorway|bus|van|night|nights|days|times|bed)",
        r"(withheld|private|unknown|hidden|blocked|no caller id) (numbers?|calls?)( [\w']+){0,3} "
        r"(every|all|again|keep|keeps|loads|constantly|at night|night)",
        r"(calls|texts|messages|ringing|phoning|texting|messaging)( [\w']+){0,3} (from|off|"
        r"on) (a |an "
        r")?(withheld|private|unknown|hidden|blocked|different|new|fake) (numbers?|accounts?)",
        _AGENT + r"( [\w']+){0,3} (messag\w*|contact\w*|ring\w*|call\w*|text\w*|turn\w* up at|"
        r"harass\w*|threaten\w*|bother\w*) (all )?(my|her) (friends|mates|family|mum|"
        r"mam|sister|brother|kids|work|boss|neighbours|landlord|hostel|workers|nan|dad)",
        r"(being|been|getting|get|i'm|feel) (watched|tracked|filmed|photographed|spied on)"
        r"(?! (over|by (the|a) (nurse|doctor|staff|carers?|medical)))",
        r"(told|asked|begged|tell|ask|keep telling|keep asking) (him|them|her) to (stop|leave me "
        r"alone|go away|back off|stay away|stop (texting|calling|ringing|messaging|coming))",
        r"(can't|cannot|couldn't) (get rid of|shake|shake off|get away from|escape) (him|her|them|"
        r"this (guy|man|bloke)|that (guy|man|bloke))",
        r"(breaking|broke|broken|breached|breaching|ignoring|ignores|ignored|breaks) (his |the |a |"
        r"my |her )?(restraining order|injunction|non molestation( order)?|bail( conditions)?|"
        r"harassment warning|court order)",
        r"(stalking|stalks|watching|watches|screenshot\w*) (all )?(my|her) (socials|profile|"
        r"stories|"
        r"insta|facebook|posts|snaps|tiktok)",
        r"(knows|know|knew|learnt|learned|worked out|figured out) (my|her) (routine|movements|"
        r"every move|schedule|new address|new number)",
        r"(sent|sends|sending) (me|her) (a )?(photos?|pics?|pictures?|videos?|a video) of (my|her) "
        r"(front door|door|flat|house|car|window|street|kids|mum|building|work|hostel|room)",
        r"(keep|keeps|kept|always) (seeing|spotting|noticing|bumping into) (him|his car|his van|"
        r"the "
        r"same (car|van|man|guy|bloke|face|lad|motor)|that (car|van|man|guy|bloke)|them|a man|the "
        r"man)",
        r"(got|has|found|getting|gets|got hold of|has got) (my|her) (new )?(address|number|details|"
        r"location)( [\w']+){0,2} (somehow|again|from someone|off someone|even though)",
        r"(\d+|a hundred|hundred|fifty|twenty|thirty|forty|loads of|so many) (times|messages|texts|"
        r"calls|missed calls)( [\w']+)? (a|per|every|each|in (a|an|one)) (day|night|hour|morning)",
        r"(leaves|leaving|left|keeps leaving|puts|posted|posts|sticks|stuck|pushed|pushes) (notes|"
        r"letters|flowers|messages|things|stuff|gifts|presents|cards|dead [\w']+)( [\w']+){0,2} "
        r"(on|at|through|outside|by|under) (my|her) (door|doorstep|car|window|letterbox|tent|"
        r"flat|windscreen)",
        _AGENT + r"( [\w']+)? (always|still|somehow|keeps|always seems to|still manages to|manages "
        r"to) (finds? me|finding me|found me|knows where|knew where|gets (it|my (new )?(number|"
        r"address))|got (it|my (new )?(number|address))|turns? up|turned up|shows? up|showed up|"
        r"tracks? me|tracked me|is there|appears|pops up|catches up with me|works out where)",
        r"every time i( [\w']+){0,4} (he|they|she|someone)( [\w']+){0,2} (finds|find|found|turns "
        r"up|shows up|knows|is there|appears|follows|comes|texts|messages|rings|calls)",
        r"(wherever|whenever|anywhere|everywhere) i (go|move|am|stay|work|turn|look)( [\w']+){0,3} "
        r"(he|they|she|someone)( [\w']+){0,2} (finds|turns up|shows up|is there|appears|knows|"
        r"follows)",
        r"(changed|change|changing|blocked|block|blocking) (my|his|her|the) (number|phone|sim|"
        r"account|accounts|profile|facebook)( [\w']+){0,4} (again|times|twice|loads|and (he|she|"
        r"they)|but (he|she|they)|still)",
        r"(i|i've|we|we've) (moved|changed|blocked)( [\w']+){0,4} (and|but) (he|she|they)"
        r"( [\w']+){0,2} (still|found|finds|knows|turned|got)",
        r"(messag\w*|text\w*|ring\w*|call\w*|phon\w*|dm\w*|snap\w*|voice ?notes?)( me| her)"
        r"( [\w']+){0,3} (at \d+ ?am|\d+ in the morning|all night|every night|in the middle of the "
        r"night|at all hours|non ?stop|constantly|all the time|every day|day and night)",
        r"(saying|says|said|tells me|told me|knew|knows|know)( [\w']+){0,2} (what i (had on|was "
        r"wearing|wore|did|was doing|bought|ate)|where i (was|went|had been|been)|who i (was with|"
        r"saw|talked to|spoke to|met))",
        r"(he's|he is|they're|they are|someone's|someone is|he|they|someone)( [\w']+)? (always|"
        r"constantly|forever|still|everywhere) (watching|lurking|following|outside|behind me|"
        r"staring|looking at me|about)(?! (tv|telly|the|football|films|movies|youtube|videos|his|"
        r"her|for|after)\b)",
        r"(waits|waiting|waited|sits|sat|stands|stood|parks|parked|hangs|hanging|lurks|lurking|"
        r"loiter\w*|turns up|turned up|shows up|showed up|appears|appeared)( about| around|"
        r" round)? "
        r"(at|outside|by|near|round|across from|opposite|for me at|for me outside|for me by) (my|"
        r"her|"
        r"the|where i)( [\w']+){0,3} (every|each|again|all the time|when|whenever|most|always)",
        _AGENT + r"( [\w']+){0,3} (outside|by|near|at|round) (my|her|the) [\w']+( [\w']+)? (again|"
        r"every (day|night|morning|time|week|weekend)|all the time)",
        r"obsessed (with|over) (me|her)",
        r"(number|numbers|account|accounts|profile|profiles)( i| that i) (don't|do not|didn't) "
        r"(know|recognise|recognize|have)",
        r"(my|her) (pics|pictures|photos|nudes|videos|vids|images|details|address|number|name)"
        r"( [\w']+){0,4} (on|online|to) (a |the |some |this |that )?(site|sites|website|websites|"
        r"page|group|groups|forum|internet|net|app|apps|facebook|insta|instagram|snapchat|tiktok|"
        r"twitter|whatsapp|telegram|onlyfans|porn)",
        r"(put|puts|putting|posted|posting|posts|shared|sharing|shares|uploaded|uploading|leaked|"
        r"leaking|spread|spreading) (my|her) (pics|pictures|photos|nudes|videos|vids|images|"
        r"address|"
        r"number|location)",
        r"(he's|he|they|someone)( [\w']+){0,2} (found|finds|found out|tracked down) (me|my (new )?"
        r"(address|flat|room|number|facebook|insta))( again)?",
    ),
    "exploitation_trafficking": (
        r"(they|boss|the boss|the owner|the manager|the woman|the man|them|owner|"
        r"manager)( [\w']+)? "
        r"(keep|keeps|kept|take|takes|took|hold|holds|holding|withhold\w*) (all )?(my|our|her|the "
        r"girls') (wages|pay|earnings|money|takings|tips|cash|passports?)",
        r"(massage (place|parlour|shop)|parlour|sauna|nail (bar|shop|salon)|"
        r"car wash)( [\w',]+){0,8} "
        r"(keep|keeps|kept|can't leave|locked|wages|owe|debt|sleep|live|not allowed|passport|paid "
        r"nothing|no pay)",
        r"(have to|got to|gotta|must|made to|make me|makes me) (work|go out|graft|earn|be out|see "
        r"(punters|men))( [\w']+){0,3} (or else|or (he|they|she)|or i|otherwise)",
        r"(lets|let|allows|allowed) me (to )?keep (£ ?)?(\d+|a tenner|a fiver|twenty|ten|fifty|"
        r"half|a bit|some|a little)",
        r"(sleep|live|stay|work|go|eat)( [\w']+)? (where|when|who|what) (they|he|she) (tell|tells|"
        r"told|say|says|want|wants|decide|decides)",
        r"(to|and) (see|meet|do|sleep with|go with|have sex with) (men|punters|clients|blokes|guys|"
        r"his mates|his friends|customers|their mates|their friends)",
        r"(passport|documents|papers|id|visa)( [\w',]+){0,6} (he|they|she|him|them) (has|have|has "
        r"got|have got|keeps|kept|holds|took|takes|took away|got)",
        r"(took|takes|taken|take|keep|keeps|kept|smashed) (my|our|her) (phone|phones|sim)"
        r"( [\w',]+){0,6} (can't|cannot|couldn't|no way to|not allowed to) (contact|call|ring|text|"
        r"phone|message|talk to|speak to) (anyone|anybody|my|no one|nobody|family|home|people|the "
        r"police)",
        r"(made|forced|pressured|told) to (hold|stash|keep|store|sell|deal|carry|run|move|bag up)"
        r"( [\w']+){0,2} (drugs|gear|stuff|it|them|at|for|in)",
        r"(pay|paying|pays|paid|work|working) (him|them|her|it|that|the debt|what i owe)( back|"
        r" off)? "
        r"(by|with|through) (doing|sleeping|seeing|having sex|going|sex|stuff|favours|my body)",
        r"(makes|make|made|forces|force|forced) (me|us|her) (go|sleep|be) with (men|punters|"
        r"clients|blokes|guys|his mates|his friends|strangers|other men)",
        r"(came|come|brought|moved) (here|over|to (the uk|england|this country|london))"
        r"( [\w']+){0,4} (for|to) (work|a job|a better life|study)( [\w',]+){0,4} (but|and then) "
        r"(they|he|she|it) (lied|was a lie|wasn't|weren't|turned out)",
        r"(makes|make|made|forces|forced) (me|us|her) (bring|give|hand|pay|earn|make)( him| them| "
        r"her)?( [\w']+){0,2} (money|cash|£|\d+)",
        r"(keep|keeps|kept|keeping|locked|locks|lock) (me|us|her|the girls|girls|them) (locked )?"
        r"(in|inside)( a| the| their| his)? (house|flat|room|hotel|basement|place)",
        r"(bring|brings|brought|send|sends|sent) (the )?(men|punters|clients|blokes|guys) (to|"
        r"round|"
        r"over|in)",
        r"(dealers?|they|he|gang|lads|them)( [\w']+)? (are |is |have |has )?(using|use|uses|used|"
        r"took over|taken over|run|running|dealing from|dealing out of|working out of|staying at|"
        r"living at|moved into) (my|her) (flat|place|house|room|home)",
        r"(it all|all of it|everything|the money|all the money|every penny|my money|the cash)"
        r"( [\w']+)? (goes|went|going) (to|straight to) (him|them|her|my (boyfriend|pimp|partner|"
        r"man))",
        r"(made|make|makes|forced|forces|getting|got|has|have) (me|us|her|him|them) (to )?(carry|"
        r"hold|run|sell|deal|move|stash|drop off|deliver|plug|bank|shot)( [\w']+){0,2} (drugs|gear|"
        r"stuff|packages|parcels|bags|for (him|them))",
        r"(text|ring|call|phone|message|report to|check in with|tell) (him|them|her)( [\w']+){0,2} "
        r"(after|before|with) (every|each|a|the) (punter|client|job|date|customer|trick)",
        r"(puts|put|putting|posts|posted|posting|lists|listed|listing|advertis\w*|sells|selling|"
        r"sold|offers|offering) (me|us|her|the girls|girls|women)( up)? (online|on (a |the |some )?"
        r"(site|sites|website|websites|internet|app|apps|adultwork|vivastreet|onlyfans|escort))",
        r"((not|wasn't|isn't|never|none of it is|none of this is|none of this was) my choice|(no|"
        r"didn't have a|don't have a|never had a|not got a|haven't got a|got no|have no) choice"
        r"(?! (of|in what|on|about (the|what|which))))",
        r"(not allowed to|can't|cannot|don't get to|never get to|not let|never let|won't let me|"
        r"not "
        r"able to|don't|never) (even )?keep (what i|any of what i|anything i|the money i|my own) "
        r"(earn|make|get|made|earned|money|cash|earnings)",
        r"(don't|do not|never|not|didn't|don't ever) (see|get|touch|keep|have) (the|any|any of the|"
        r"a penny of the|a penny|a penny of|any of my|a single penny of|none of the) (cash|money|"
        r"earnings|takings|wages|pay)(?! (until|till|til) (pay|payday|benefits|my giro))",
        r"(cos|because|coz|as|since|only cos|only because) (he|they|she|my (boyfriend|partner|man|"
        r"pimp|husband)|the man|them|him) (makes|make|made|forces|force|forced|tells|told|wants|"
        r"want|says|said|needs) (me|us|her|i have to|i've got to|i must)",
        r"(he|they|she|pimp) (makes|make|made|forces|forced) (me|us)(?= ?$| [.!?,;])",
        r"(only|just) (out here|doing this|working|on the game|on the street|out)( [\w']+){0,2} "
        r"(cos|because|for|to pay) (him|them|he|they|my (boyfriend|partner|man|pimp|husband|"
        r"debt)|of (him|them)|the debt|what i owe)",
        r"(runs|run|running|ran|pimps|pimping|controls|controlling|manages|managing|in charge of)"
        r"( all)? (the |some |a few |his |their |these |those )?(new |young |other |foreign |"
        r"polish |romanian )?(girls|women|lasses)(?! (home|back|to|round to|group|night|session|"
        r"club|team|football|darts)\b)",
        r"(move|moves|moved|moving|take|takes|took|taken|taking|drive|drives|drove|driving|ship\w*|"
        r"send|sends|sent|put|puts)( me| us| her| the girls| them| girls)( [\w']+){0,2} (to|round|"
        r"around|between) (a |an )?(different|another|other|new|next) (town|towns|city|cities|flat|"
        r"flats|hotel|hotels|place|places|area|areas|house|houses|county|counties|airbnb|airbnbs)",
        r"(every|each) (couple|few|other|\d+|two|three)( of)? (weeks|days|nights|months)"
        r"( [\w']+){0,3} (new|different|another) (town|city|place|flat|hotel)",
        r"(have to|got to|gotta|must|need to|expected to|supposed to|made to|make me|makes me) "
        r"(make|earn|bring in|bring back|bring home|hand over|get|pull|take|do|see) (£ ?)?(\d+|a "
        r"(hundred|ton|grand)|\w+ hundred)( quid| pounds| punters| men| clients)? (or|before i "
        r"(can|go|come|get)|else|every|a|per|each)",
        r"(owe|owes|owing|debt\w*)( [\w']+){0,8} (working|graft|grafting|out here|"
        r"on the (street|corner|beat|game)|punters?|clients?|sex|sleep with|do (stuff|things|"
        r"favours|jobs|runs)|run|sell|selling|hold|holding|till it's paid|until it's paid|til it's "
        r"paid|paid off)",
        r"(drop|drops|dropped|dropping|take|takes|drive|drives|drove) (me|us|her|the girls|them) "
        r"(off )?(at|on|to) (the )?(corner|beat|patch|street|streets|spot|pitch|red light|lay ?by)"
        r"( [\w']+){0,6} (pick|picks|picked|collect|collects|come back)",
        r"(get me|have me|report me|send me|i'll be|i will be|i'd be|i'll get|get) (deported|sent "
        r"back)|(police|immigration|they|he|she)( [\w']+){0,2} (will|'ll|would|gonna|going to|"
        r"could) (deport|send) me",
        r"(?<!used to )(?<!to )(working|work|works|worked|grafting|graft) for (someone|somebody|"
        r"some guy|some bloke|a "
        r"man|a guy|this guy|these (men|guys|people)|some (men|lads|people)|a gang|a woman|this "
        r"woman)( else)?",
        r"(they|he|she)( [\w']+)? (know|knows|knew) where (my|her) (family|kids|mum|children|son|"
        r"daughter|mam|nan|little one)",
    ),
    "child_safeguarding": (
        r"(leaving|leaves|left|leave) (her|his|my|the|their|our) " + _CHILD + r" with (whoever|"
        r"anyone|anybody|strangers|randoms|punters|men|dealers|a punter|some (man|bloke|guy|random|"
        r"lad|lads))",
        r"(1[0-5]|twelve|thirteen|fourteen|fifteen)( [\w']+){0,4} (pregnant|expecting|having a "
        r"baby)|(pregnant|expecting)( [\w']+){0,3} at (1[0-5]|twelve|thirteen|fourteen|fifteen)",
        r"(can't|cannot|couldn't) find (my|the|her) (son|daughter|kid|kids|baby|boy|girl|"
        r"little one|"
        r"children)|(don't|do not) know where (my|the|her) (son|daughter|kid|kids|baby|boy|girl|"
        r"little one|children) (is|are)",
        r"(taken|took|snatched|kept) (him|her|them|the kids|the baby|my (son|daughter|kids|baby))"
        r"( [\w']+){0,4} (and|i) (can't|cannot|don't) (find|know where|see|get)",
        r"(leave|left|leaving|leaves|lock|locked|locking) (my|the|her|"
        r"our) " + _CHILD + r"( [\w']+)? "
        r"(in the (car|van|flat|house|room|tent)|outside|at home)( [\w']+){0,3} (while|when|whilst|"
        r"to go|so i can|and go|cos i|because i)",
        r"(pregnant|expecting|my bump|unborn)( [\w',]+){0,5} (using|injecting|smoking (crack|gear|"
        r"spice)|on (the )?(gear|crack|heroin|drugs|spice|pipe)|taking (drugs|gear|crack)|getting "
        r"(hit|beaten|battered|kicked)|(he|she|they) (hits|kicks|punches|beats|hit|kicked|"
        r"punched))",
        r"(using|injecting|smoking crack|on the gear|on crack|drinking)( [\w',]+){0,5} (pregnant|"
        r"expecting|my bump)",
        r"born (addicted|withdrawing|clucking|rattling|dependent|with (withdrawal|nas|drugs))",
        r"(worried|scared|frightened|terrified|concerned) (about|for|that) (my|her|the|our) "
        + _CHILD,
        r"(not|haven't|can't|couldn't|didn't|hasn't|never|no money to) (fed|feed|feeding|eaten|"
        r"washed|bathed|changed|clothed)( [\w']+){0,2} " + _CHILD,
        r"(no one|no one's|no ones|nobody|nobody's|no1|noone|not got anyone|haven't got anyone|"
        r"got no one|"
        r"no childcare)"
        r"( [\w']+){0,2} (looking after|look after|to look after|watching|to watch|minding|to mind|"
        r"babysitting|with|home with|caring for|feeding|to feed)( [\w']+){0,2} " + _CHILD,
        r"(leave|leaves|leaving|left) (my|the|her|our|them|him)( [\w']+){0,2} (on (their|there|his|"
        r"her) own|alone|home alone|by (themselves|himself|herself))",
        r"(girl|boy|lad|lass|kid|child|teen|teenager)s?( [\w']+){0,3} (looks|look|looked|looking) "
        r"(about |around |like |maybe |only )?" + _AGE + _UNIT_NOT_AGE,
    ),
    "overdose_medical": (
        r"(arm|leg|foot|hand|hip|groin|knee|ankle)('s| is| has| have)?( [\w']+)? (gone |going |is |"
        r"really |so |all )*(hot|red|swollen|massive|huge)( and( really| so)? (hot|red|swollen|"
        r"massive|huge|hard|shiny|throbbing|painful|angry))+",
        r"(coma|hypo|hypothermia|frostbite|heat ?stroke|anaphyla\w*|asthma attack|diabetic (fit|"
        r"coma|attack)|fractur\w*|broken (leg|ankle|hip|back|neck))",
        r"(can't|cannot|couldn't) (stay awake|keep (my|her|his) eyes open|see (properly|straight)|"
        r"move (my|her|his) (legs?|arms?|side|face)|stand up|feel (my|her|his) (legs?|arms?|face))",
        r"(pins|pinned|pinpoint|tiny) (pupils|eyes)|eyes (like|are|were|gone) (pins|pinned|"
        r"pinpoint)|pupils (like pins|pinned|tiny|huge|massive)",
        r"(yellow|jaundice\w*) (skin|eyes)|(skin|eyes)( [\w']+){0,2} (gone|going|turned|turning|"
        r"are|"
        r"is) yellow",
        r"(swallowed|drank|drinking|drunk|took|taken|taking|necked) (some |a bottle of |"
        r"the )?(bleach|"
        r"antifreeze|cleaning stuff|weed ?killer|poison|rat poison|battery acid|lighter fluid)",
        r"(throat|tongue|lips|face)( [\w']+){0,2} (swelling|swelled|closing|closing up)",
        r"(on the floor|on the ground|in the (toilet|toilets|alley|doorway|stairwell|bath)|slumped)"
        r"( [\w']+){0,3} for (ages|hours|a while|too long)",
        r"(greened|greening|whited|whiting) out|k ?hole|spice zombie",
        r"(really|so|too|proper|dead) (sleepy|drowsy|gouchy|out of it)( [\w']+){0,4} (after|on|"
        r"since|"
        r"from) (the |my |her |his )?(methadone|pills|gear|script|meds|benzos|pregabs?|spice|dose)",
        r"(can't|cannot|couldn't|can not) (keep|hold) (anything|nothing|food|water|any food) down",
        r"(choking|choked|chokes) on (her|his|their|my) (own )?(sick|vomit|puke|tongue)",
        r"(foot|leg|arm|hand|toe|toes|finger|fingers|skin|flesh|wound)( [\w']+){0,2} (is |are |"
        r"'s )?"
        r"(rotting|rotten|going black|turning black|gone black|falling off|dying|necrotic)",
        r"(coughing|cough|coughed)( [\w']+){0,4} (for weeks|for months|blood|green|stuff up)|"
        r"bringing up (green|blood|black|yellow|brown)",
        r"(head|skull|ear|nose)( [\w']+){0,2} (is |was |'s |keeps )?(bleeding|pouring|gushing|"
        r"split "
        r"open|cracked open|caved)",
        r"(bleeding|blood|pains?|cramps|cramping|spotting|contractions|waters)( [\w',]+){0,6} "
        r"(pregnant|expecting|weeks gone|months gone)",
        r"(vein|veins|site|groin)( [\w']+){0,2} (has |have |is |are |'s )?(gone |going |really |"
        r"so )?"
        r"(hard|lumpy|swollen|red|hot|black|purple|collapsed|blown)",
        r"(having|had|has|have|keep having|getting|get|keep getting) (fits|seizures|the dts|dts|"
        r"withdrawal fits|the shakes)",
        r"(coming off|withdrawal|withdrawals|withdrawing|clucking|rattling|detox\w*|cold turkey)"
        r"( [\w',]+){0,5} (fits?|seizures?|shakes|sweats|hallucinat\w*|can't stop|for days|really "
        r"bad|so bad|dying|being sick)",
        r"(shakes|sweats|fits|seizures|hallucinat\w*)( [\w',]+){0,5} (coming off|withdrawal|"
        r"withdrawals|withdrawing|clucking|rattling|detox\w*|cold turkey|since i stopped)",
        r"(blood poisoning|septicaemia|septicemia|endocarditis|necrotising|tetanus)",
        _PERSON + r"( [\w']+){0,3} (gone|went|going|turned|is|was|looks|looked|feels|felt)( really|"
        r" so| all| proper| dead| very)? (cold and clammy|stone cold|ice cold|cold to (the )?touch|"
        r"clammy|limp|floppy|lifeless|stiff)",
        _PERSON + r"( [\w']+){0,6} (not|isn't|wasn't|weren't|stopped|barely|hardly|no longer) "
        r"(moving|responding|responsive|breathing|conscious|waking|waking up|making sense)",
        r"(who's|whos|who is|who was) (not|barely|hardly) (moving|responding|breathing|conscious|"
        r"waking)",
        r"(arm|arms|leg|legs|face|side|lips)( [\w']+)? (has |have |is |are )?(gone|going|went|"
        r"turned|turning) (numb|purple|blue|black|grey|gray|cold|dead)( and [\w']+)?(?! (with|from|"
        r"cos|coz|because) (the )?cold)",
        r"heart( [\w']+){0,2} (going|racing|pounding|beating|thumping)( [\w']+)? (crazy|mad|nuts|"
        r"like mad|fast|funny|weird|out of my chest|so fast|like crazy)",
        r"(fent\w*|fentanyl|nitazene\w*|nitaz\w*|xylazine|tranq|carfent\w*)(?! (test|testing|"
        r"strips?))",
        r"(took|taken|had|swallowed|used|smoked|injected)( [\w']+){0,3} (by mistake|by accident|"
        r"accidentally)",
        r"(took|taken|had|necked|swallowed|done|did|smoked)( [\w']+){0,2} (a |some )?(bad|dodgy|"
        r"iffy|funny|wrong|strong|fake|snide|moody) (pill|pills|bag|batch|gear|stuff|line|tab|tabs|"
        r"one|hit)",
        r"(going|gone|went|go|goes) under(?! (the|a|my|his|her|their|budget|18)\b)",
        r"(feel|feels|felt|feeling) like (i'm|i am|she's|he's|i was) (going under|dying|gonna die|"
        r"going to die|going to pass out|gonna pass out|going to collapse|having a heart attack|"
        r"going to stop breathing|can't breathe)",
        r"(mixed|mixing|mix|mixes|on top of|with) " + _DRUG + r"( [\w']+){0,2} (and|with|on top of|"
        r"n) " + _DRUG,
        r"(wound|stitches|scar|cut|incision|op|operation|section|staples)( [\w']+){0,3} (split|"
        r"burst|opened|open|come open|came open|come apart|came apart|busted|infected|weeping|"
        r"oozing|pus|bleeding|gone (green|black|red|bad|manky))",
        r"(fainted|fainting|keep fainting|keeps fainting|feel faint|felt faint|blacking out|"
        r"keeps passing out|keep passing out)",
        r"(bag|bags|wrap|wraps|parcel|packet)( [\w']+){0,3} (split|burst|opened) (inside|in)|"
        r"swallowed (a |the |my |some )?(bag|wrap|bags|wraps|parcel)",
        r"(took|taken|had|necked|swallowed|smoked|done)( [\w']+){0,2} (something|summat|a pill|"
        r"pills|something weird|some)( [\w']+){0,4} (feel|feeling|now|and)( [\w']+){0,2} (weird|"
        r"funny|strange|rough|sick|ill|off|wrong|not right|dizzy|numb|faint|shaky|hot|cold)",
        r"(baby|bump)( [\w']+){0,4} (not moving|stopped moving|hasn't moved|hasn't kicked|not "
        r"kicking)",
        r"woke up (in|at) (a&e|a & e|a and e|hospital|resus|icu|intensive care)",
        r"(high|really high|mad) (temperature|temp|fever)|(burning up|shivery|shivering)"
        r"( [\w']+){0,4} (days|abscess|leg|arm|wound|infect\w*)",
    ),
}
# fmt: on
WIDE = {cat: rules + _BROAD.get(cat, ()) for cat, rules in WIDE.items()}

# Safeguarding topics named as a service, session or resource, not a disclosure.
_TOPIC = (
    r"(domestic (abuse|violence)|dv|self[- ]?harm|suicide|overdose|od|stalking|harassment|"
    r"trafficking|exploitation|spiking|drink spiking|sexual (assault|violence)|rape|overdoses|"
    r"child protection|safeguarding|naloxone|narcan|violence|abuse|assault|fentanyl|spice|"
    r"knife crime|county lines|cuckooing|grooming|drugs|drug use|hate crime)"
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
    r"(so|that|freezing|bitterly|too|proper|dead|really) cold( [\w']+){0,4} (went|turned|go|"
    r"going|gone|were|was|are) (blue|purple|white|numb)",
    r"(i'd|i would|i could|could) kill for", r"kill for a", r"killing me (softly)?\b(?! (he|she))",
    r"(is|are|was) killing me", r"killed it", r"killer (soup|hot chocolate|coffee|brew)",
    r"life ?saver", r"lifesaving", r"saved my life", r"dying (for|to) (a|some|get|see|go)",
    r"dying for", r"(dead|proper|so) (tired|cold|good|nice|lovely|chuffed|happy)(?! (of|with)\b)",
    r"(?<!or )(?<!else )(?<!tonight )(?<!then )i'm dead\b(?! serious| if| when| once| as soon|"
    r" the (minute|second|moment)| next time| tonight| by)",
    r"(nearly|almost) died laughing", r"died laughing",
    r"safe space",
    r"(?<!need a )(?<!needs a )(?<!no )(?<!any )(?<!find a )(?<!get a )(?<!to a )(?<!for a )"
    r"(?<!want a )(?<!nowhere )(?<!somewhere )safe place",
    r"(?<!not )(?<!n't )(?<!never )feel(s)? safe",
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
    r"over the top",
    r"went over (my|the|your|our|his|her) (budget|limit|allowance|data|minutes|overdraft|hours)",
    r"went over (to|the|there|well|and (said|asked|got|had|chatted|talked|spoke|sat|helped|gave|"
    r"told|introduced|grabbed|saw))", r"fitting (room|in|clothes)",
    r"(harm reduction|reduce harm)", r"(in|with) danger money", r"gone over to",
    r"cold is killing", r"feet are killing", r"back is killing", r"(sold|sell) out",
    r"attacks? of (the )?[\w']+",
    r"(pushed|pushes|pushing|push) (me|us|her) to (go|get|do|apply|come|try|see|ask|keep|sort|"
    r"stay|make|be|ring|call|book|speak|talk|contact|look|visit|register|join|sign|fill|take|eat)",
    _TOPIC + r" " + _SERVICE,
    r"(talks?|sessions?|leaflets?|info|information|advice|training|chat|workshops?|posters?) "
    r"(about|on) (the )?" + _TOPIC,
    r"battered by the (rain|wind|weather|storm|cold)", r"rape crisis",
    r"fitting (a|the) new", r"fitting (a|the|new) (lock|locks|door|kitchen|carpet|boiler|window|"
    r"windows|bathroom|shower|cooker|alarm)",
    r"end (my|the|our|her) (tenancy|contract|lease|phone contract|shift|placement)",
    r"(messaging|texting|sending) (me )?(memes|jokes|funny videos|pics of (her|his|their) (baby|"
    r"dog|cat|kids|kid|new))",
    r"(hot|spicy|heat|sun|laughing|laughed)( [\w']+){0,3} (nearly|almost) (passed out|fainted|"
    r"died)",
    r"(blue|red|purple) in the face (laughing|from laughing|with laughing|shouting|waiting|"
    r"telling|asking)", r"(till|until) (i'm|i was|i am|we're|you're) blue in the face",
    r"(scratch\w*|bit|bitten|nipped) (me|my [\w']+)( again)? (playing|messing about)",
    r"watching (my|her|his|our) (weight|figure|diet|calories|spending|budget)",
    r"threw (me|us|her) a( [\w']+){0,2} (party|surprise|do|bash)",
    r"(nearly|almost) died (of|from) (shock|laughing|laughter|embarrassment|boredom|happiness|"
    r"excitement)",
    r"(nearly|almost) died (when i (saw|heard|found out|read|got|opened|looked)|at the)",
    r"stabbed (my|myself)( [\w']+)? (finger|thumb|hand) (on|with)",
    r"(fish|cod|haddock|sausages?|mars bar|chips) (was |were |is |are )?battered",
    r"battered (fish|cod|haddock|sausages?|mars bar)",
    r"(went|go|goes|going|gone) over and above", r"over and above", r"above and beyond",
    r"(a|had a|having a|in a|fits?) of (the )?(giggles|laughter|laughing|hiccups|jealousy|rage|"
    r"the sulks|sneezing|tidying)",
    r"beat (me|us|her) (at|to (it|the))",
    r"(beaten|beat|thrashed|battered|hammered) (at|in) (pool|darts|cards|bingo|scrabble|chess|"
    r"monopoly|uno|dominoes|the quiz|a game)",
    r"(got|get|been|was|getting|gets) (hit|whacked|stung|slapped) with (a|the|another|my|some)"
    r"( [\w']+){0,2} (bill|bills|fine|fines|charge|sanction|letter|tax|fee|penalty|price)",
    r"(laughing|laughed|laugh|crying laughing)( [\w']+){0,4} (couldn't|can't|could not|cannot) "
    r"breathe",
    r"(rain|wind|storm|hail|weather|waves)( [\w']+){0,2} (battered|battering|lashed|lashing|"
    r"pelted|pelting)( down)?",
    r"(was|were|is|are|be|been|'s) (a|such a|an instant|a massive|a big|a real|a huge) (hit|smash)",
    r"(the )?(cold|heat|smell|wind|rain|tiredness|reality|it|realisation) (hit|hits|hitting) "
    r"(me|us|her)",
    r"(could|i'd|i would|would) (murder|strangle|throttle|kill|destroy|demolish|batter|eat) "
    r"(a|an|some|for)",
    r"smash(ed|es|ing)? it", r"crack(ed|s|ing)? (me|us|her) up", r"(hit|hits) (me|us) up",
    r"mug(ged|s|ging)? (me|us|her) off", r"in stitches", r"bottled it", r"deck(ed)? out",
    r"(for|have|had|having|take|took|go for|went for|going for) a (slash|stab|bash|punt|pop)",
    r"kick(ed|ing|s)? (the|my|this|that) habit", r"choked up",
    r"(cut|cutting|cuts|trim\w*|dye\w*|dyed|did|done|do) (my|her|your) hair",
    r"(burnt|burned|scalded) my (tongue|mouth|lips?|hand|fingers?) (on|with|drinking)",
    r"chok(e|ed|ing) on (a|my|his|her|the|some) (biscuit|sandwich|food|crumbs?|drink|tea|coffee|"
    r"chips|bread|toast|sweet|mint|water)",
    r"follow(ed|ing|s)? (me |us |her )?(up|through)",
    r"how to (use|give) (it|naloxone|narcan|nyxoid|the kit|the spray)",
    r"squeez(e|ed|es|ing) (me|us|her) in",
    r"(watch|watching|watched|watches) out for",
    r"knocked (me |us )?(out|sideways) by", r"thumping (headache|music|bass)",
    # version 5
    r"(freezing|froze|frozen|bored|boring|worried|tickled|cold) (me |myself )?to death",
    r"(passed|crashed|conked|zonked|flaked) out( [\w']+){0,4} (after|from) (the |a |my |that |"
    r"all the |too much |our )?(big |huge |massive |lovely |christmas |sunday |long )?(dinner|"
    r"tea|food|meal|roast|curry|lunch|soup|stew|pasta|feed|pudding|breakfast|shift|day|week)",
    r"(what to do|how to (help|respond|react|spot|tell|use)|know (how|what) to do|ready|"
    r"prepared|confident|trained)( [\w']+){0,3} (if|when|in case) (someone|somebody|anyone|a mate|"
    r"your mate|a friend|people|a girl|one of the girls|you|i|they|he|she)( ever)? (goes|go|went|"
    r"is|are|has|have|starts|stops|collapses|collapsed|overdoses|ods|od|fits|passes|needs|"
    r"turns|isn't|stopped)( [\w']+){0,2}",
    r"(follow(ed|s|ing)?|trail(ed|s|ing)?) (me |us )?((round|around|about|everywhere|all the way)"
    r"( [\w']+)? )?by (the|a|my|his|her|their) ([\w']+ )?(dog|dogs|cat|puppy|pup|kitten|kids?|"
    r"baby|little one|"
    r"toddler|son|daughter|ducks?|pigeons?|seagulls?)",
    r"(dog|dogs|cat|puppy|pup|kitten|kids?|baby|toddler|little one|son|daughter)( [\w']+){0,2} "
    r"(follow(s|ed|ing)?|trail(s|ed|ing)?) (me|us|her) (round|around|about|everywhere)",
    r"(fell|fall|falls|falling|fallen|tripped|slipped|came|come)( [\w']+){0,5} (and )?(cut|cuts|"
    r"grazed|hurt|bumped|scraped|sprained|twisted|scuffed|skinned) (her|his|my|their|your) "
    r"(knee|knees|elbow|elbows|hand|hands|chin|ankle|ankles|wrist|leg|legs|arm|finger|fingers|"
    r"toe|toes|foot|feet|shin|shins|palm|palms)",
    r"(?<![a-z'] )(please |pls |just |someone |somebody )?(shoot|kill|strangle|slap|hang|stab) "
    r"me( now)?(?= if i| if you| when i| now| please| ?$| [.!?,])",
    r"(rape|attack|personal|panic|safety|screech|shriek) alarms?",
    r"(got|get|been|was|getting|gets) (hit|smacked|whacked|struck|knocked|bashed|smashed) (by|"
    r"with|in the [\w']+ (by|with)) (a|the) (ball|football|door|branch|swing|car door|wave|"
    r"frisbee|shopping trolley|trolley)",
    r"(couldn't|can't|could not|cannot) breathe (for|from|with) (laughing|laughter|giggling)",
    r"(scared|terrified|petrified|frightened|afraid) of (the )?(dentist|dentists|spiders?|"
    r"needles|dogs?|heights|flying|clowns|the dark|injections|jabs|mice|rats|birds|wasps|spiders)",
    r"keeps? (texting|ringing|calling|messaging|phoning) (me )?(to (hurry|come home for|ask if i "
    r"want|see if i want|say (he|she) loves)|about (tea|dinner|the kids))",
    r"(took|takes|take|taking|taken) (my|her) (phone|charger|card|bike|tablet|laptop) (to|for|in "
    r"for) (get|be|the|repair|fixing|a repair|charge|charging)( [\w']+){0,2}",
    r"(nearly|almost) (burnt|burned|cut|scalded) myself (on|with) (the|my|a) (tea|coffee|"
    r"kettle|soup|hot chocolate|urn|cup|mug|toaster|knife|tin|can|lid|stove|cooker|pan|oven)",
)
# fmt: on

# Version 7: near-twins of disclosures whose own clause says what is harmless about them:
# an animal or an office doing the following or messaging, haggling, pimping up a trolley,
# a bridge or platform with something to watch, a lighter lent or lost.
# fmt: off
HARMLESS = (
    *HARMLESS,
    r"(the |my |a |that |this |our |her )?(same )?(dog|dogs|cat|cats|puppy|pup|kitten|pigeons?|"
    r"seagulls?|birds?|robin|fox|foxes|ducks?|squirrels?|swans?|goose|geese|pooch)( [\w']+){0,3} "
    r"(follow\w*|waits?|waiting|watch\w*|stares?|staring|stalk\w*|always|keeps?|sits?|sat)"
    r"( [\w']+){0,6}",
    r"(proper|little|right|a) stalker",
    r"(job ?centre|council|the bank|my bank|work coach|dwp|housing|the doctors|doctor's|gp|"
    r"surgery|the school|school|my mum|my mam|my nan|my sister|my dad|network|my phone company|"
    r"landlord|the hostel|probation|universal credit)( [\w']+){0,2} (keeps?|kept|been|always) "
    r"(messaging|texting|ringing|calling|phoning|sending|emailing|chasing)( me)?",
    r"knock\w* (me|him|her|it|them|us|the price) down (on|to|by|from|for)( the)? [\w']+",
    r"pimp(ed|ing|s)? (out |up )?(my|the|her|his|our|your) (trolley|car|ride|bike|pram|tent|"
    r"room|flat|van|shoes|jacket|bag|nails|phone|hair|buggy|wheelchair|scooter|bed)",
    r"(on|at|by|off|over|from) the (bridge|river|canal|platform|edge|roof|top|car park|"
    r"multi storey)( [\w']+){0,3} (watching|to watch|looking at|feeding|taking (pictures|photos)|"
    r"fishing|waiting for (the|a|my) (train|bus|mate)|with (a|the|my) (kids|mates|dog))",
    r"(nicked|lost|borrowed|borrow|stole|stolen|pinched|lend|lent|need|got|have|has|found) "
    r"(my|a|your|her|his|me a|me your|us a) lighter",
    r"(letters?|cards?) (to|for) (my|the|her) (kids|children|son|daughter|boys|girls)"
    r"( [\w']+){0,2} (in care|in foster|fostered|adopted)",
    r"(scared|terrified|frightened|nervous|worried|petrified) (of|about) (the )?(big kids|big "
    r"school|starting|exams?|school|the teachers|new school|year \d+|secondary)",
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
    "dunt": "doesn't",
    "dint": "didn't",
    "wunt": "wouldn't",
    "cudnt": "couldn't",
    "bk": "back",
    "gona": "going to",
    "gna": "going to",
    "wana": "want to",
    "whos": "who's",
    "wheres": "where's",
    "youll": "you'll",
    "diff": "different",
    "hisself": "himself",
    "thier": "their",
    "wen": "when",
    "nite": "night",
    "noones": "no one's",
    "nobodys": "nobody's",
    "nites": "nights",
    "2nite": "tonight",
}
# g-dropped verbs ("hidin", "waitin", "followin") read as written in full.
for _stem in (
    "hid",
    "wait",
    "follow",
    "watch",
    "look",
    "stopp",
    "kipp",
    "text",
    "messag",
    "com",
    "go",
    "gett",
    "try",
    "say",
    "stalk",
    "hitt",
    "beat",
    "kick",
    "cutt",
    "bleed",
    "breath",
    "shak",
    "threaten",
    "chas",
    "hurt",
    "dy",
    "starv",
    "us",
    "inject",
    "smok",
    "sleep",
    "stay",
    "sitt",
    "stand",
    "park",
    "ring",
    "call",
    "scream",
    "shout",
    "punch",
    "slapp",
    "chok",
    "strangl",
    "grabb",
    "dragg",
    "push",
    "lurk",
    "hang",
    "track",
    "doss",
    "shott",
    "deal",
    "graft",
    "work",
    "earn",
    "gouch",
    "fitt",
    "collaps",
    "vomit",
    "spew",
    "puk",
    "twitch",
    "jerk",
    "sweat",
    "burn",
    "scratch",
    "pick",
    "plann",
    "think",
    "end",
    "kill",
    "harm",
    "jump",
    "cover",
):
    _CONTRACTIONS.setdefault(_stem + "in", _stem + "ing")
_CONTRACTION = re.compile(r"(?<![\w'])(" + "|".join(_CONTRACTIONS) + r")(?![\w'])")

# Her partner named in the comment: violence, stalking or a threat there is also domestic
# abuse; her child named in it (the child saw it, or lives with it) is also child safeguarding.
_HARM_TO_HER = {"violence_assault", "stalking_harassment", "immediate_danger", "domestic_abuse"}
_HER_PARTNER = re.compile(
    r"\b(my (partner|boyfriend|husband|hubby|ex|man|other half|girlfriend|wife|baby's dad|"
    r"baby dad|baby daddy|kids' dad|kids dad|fiance|bloke)|(boyfriend|husband|partner|hubby|"
    r"other half|baby's dad|baby dad|baby daddy|baby father|baby's father|ex boyfriend|"
    r"ex husband|ex partner|fiance)|(when|while) i (was|am|'m) (pregnant|expecting))\b"
)
_HER_CHILD = re.compile(
    r"\b(my|our|her|the) (kids|kid|children|child|baby(?!('s)? (dad|daddy|father))|babies|son|"
    r"sons|daughter|daughters|little one|little ones|little boy|little girl|toddler|youngest|"
    r"eldest|oldest|boy|lad|teenager|stepson|stepdaughter|grandson|granddaughter|grandkids)\b"
)

# Violence, a threat or stalking by "he" in a comment naming no stranger (no punter, client,
# bloke, dealer...) is most often her partner: also domestic abuse.
_VIOLENCE_BY_HIM = {"violence_assault", "immediate_danger", "stalking_harassment"}
_HE = re.compile(r"\b(he|he's|he'd|he'll|him|his)\b")
_STRANGER = re.compile(
    r"\b(punters?|clients?|customers?|regulars?|bloke|blokes|guy|guys|man|men|lad|lads|stranger|"
    r"strangers|someone|somebody|dealers?|pimp|gang|driver|they|them|their|dad|son|brother|"
    r"mate|friend|boy|kid|paramedics?|operator|doctor|nurse|crew|staff|officer|police|responder|"
    r"worker|neighbour|carer|gp|consultant|surgeon)\b"
)

_NEGATION = re.compile(
    r"\b(never|not|no one|nobody|no|hasn't|has not|hadn't|didn't|did not|don't|do not|"
    r"doesn't|does not|wasn't|was not|won't|isn't|is not|(?<!with )(?<!for )nothing|haven't|"
    r"have not)\b"
    # "i don't know why he hit me", "not sure", "don't care if i live or die": not a denial
    r"(?! (know|knew|care|cared|mind|understand|blame|trust|sure|idea|matter|really|much|else|"
    r"left|to)\b)"
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
    patterns: tuple[str, ...], size: int = _KEY
) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Patterns (in their order) under each opening of size characters, and those for anywhere."""
    by_key: dict[str, list[str]] = {}
    anywhere: list[str] = []
    if _sre is None:  # pragma: no cover
        return {}, patterns
    for pattern in patterns:
        try:
            opens = _openings(list(_sre.parse(pattern)), size)
        except Exception:  # any surprise in the parser: search for it everywhere
            opens = None
        if opens is None or any(len(o) < size - 1 or o[:1].isspace() for o in opens):
            anywhere.append(pattern)
            continue
        keys = {o for o in opens if len(o) == size}
        keys |= {o + c for o in opens if len(o) == size - 1 for c in _AFTER_WORD}
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


# An index entry: [category, its patterns with one opening, their regex once compiled].
_Entry = list


def _build(
    table: dict[str, tuple[str, ...]],
) -> tuple[dict[str, tuple[_Entry, ...]], dict[str, re.Pattern]]:
    """Every category's patterns by opening (with their category), and the ones for anywhere.

    A pattern whose first four characters are known is filed under them ("they", "the "), so
    the word "the" does not try every pattern for "they" and "them"; one known only to three
    characters is filed under those.
    """
    by_key: dict[str, list[_Entry]] = {}
    anywhere = {}
    for cat, patterns in table.items():
        found, rest = _file_by_opening(patterns, _KEY + 1)
        found3, rest = _file_by_opening(rest)
        for key, group in [*found.items(), *found3.items()]:
            by_key.setdefault(key, []).append([cat, group, None])
        if rest:
            anywhere[cat] = re.compile(_wrap(rest))
    return {key: tuple(entries) for key, entries in by_key.items()}, anywhere


def _merge(*indexes: dict[str, tuple[_Entry, ...]]) -> dict[str, tuple[_Entry, ...]]:
    """One index holding the entries of several, so the text is walked once."""
    merged: dict[str, tuple[_Entry, ...]] = {}
    for index in indexes:
        for key, entries in index.items():
            merged[key] = merged.get(key, ()) + entries
    return merged


_BY_OPENING, _ANYWHERE = _build(CATEGORIES)
_WIDE_BY_OPENING, _WIDE_ANYWHERE = _build(WIDE)
_ALL_BY_OPENING = _merge(_BY_OPENING, _WIDE_BY_OPENING)
_ALL_ANYWHERE = {
    cat: re.compile(
        r"|".join(rx.pattern for rx in (_ANYWHERE.get(cat), _WIDE_ANYWHERE.get(cat)) if rx)
    )
    for cat in {**_ANYWHERE, **_WIDE_ANYWHERE}
}
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


def _match(norm: str, by_opening: dict, anywhere: dict[str, re.Pattern]) -> set[str]:
    """Categories with a pattern (filed as by_opening, anywhere) matching norm, not negated."""
    found = set()
    get = by_opening.get
    for start in _STARTS.finditer(norm):
        pos = start.start()
        entries = get(norm[pos : pos + _KEY + 1], ()) + get(norm[pos : pos + _KEY], ())
        for entry in entries:
            cat = entry[0]
            if cat in found:
                continue
            rx = entry[2]
            if rx is None:  # compiled on first use
                rx = entry[2] = _rx(entry[1])
            if rx.match(norm, pos) and not _negated(norm, pos):
                found.add(cat)
    for cat, rx in anywhere.items():
        if cat not in found and any(not _negated(norm, m.start()) for m in rx.finditer(norm)):
            found.add(cat)
    return found


def matched(norm: str) -> set[str]:
    """Categories with a phrase pattern (CATEGORIES) matching the prepared text norm."""
    return _match(norm, _BY_OPENING, _ANYWHERE)


def wide_matched(norm: str) -> set[str]:
    """Categories with a wide-net rule (WIDE) matching the prepared text norm."""
    return _match(norm, _WIDE_BY_OPENING, _WIDE_ANYWHERE)


# ---------------------------------------------------------------------------------------
# The catch-all (version 6): a last resort, tried only when no phrase pattern or wide-net
# rule matched. It flags a comment with a danger signal anywhere in it, without the context
# the precise rules need, and files it under the most likely category. A STRONG signal
# (a fear word, an injury, "took too many", "knows what time i finish", "holds my passport")
# flags on its own; a WEAK one (a body part, "tonight", a partner word, "passport", "owe")
# needs a second weak signal of the same category or a circumstance cue ("again", "last
# night", "on my own"). A child word flags only next to a risk or circumstance ("squat",
# "older lads", "on their own", "slept in the car", an age with "men"). Control of her phone,
# money, keys or papers is exploitation when work or a boss is named, otherwise domestic
# abuse. The same negation check applies, and CATCH_ALL_HARMLESS blanks everyday uses of its
# words first ("my phone died", "knife and fork", "blood test", "fitting a new lock").
# fmt: off
_CA_AGENT = (
    r"(punters?|clients?|customers?|regulars?|(a|some|this|that|the|one) (bloke|guy|man|fella|"
    r"lad|driver)|(two|three|some|these|those|the|a few|a couple of) (men|lads|blokes|guys))"
)
_CA_KIDWORD = (
    r"((my|our|her|his|their|the|a|me) (kids?|children|child|son|sons|daughters?|baby|babies|"
    r"toddler|little ones?|little (boy|girl)|lad|boy|girl|teenager|youngest|eldest|oldest)|"
    r"(son|daughter|girl|boy|lad)'s|young (girl|girls|lad|lads|boy|boys|one|ones|kid|kids)|"
    r"kid|kids|children|school ?(kid|kids|girl|girls|boy|boys)|"
    r"(1[0-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen) ?(year old|yr old|your old|yo|"
    r"years old|yrs old|year olds)|underage|under age|minor|minors)"
)
_CA_AGE = (
    r"((about|like|maybe|only|just|barely|no more than|be more than|younger than|under|turned|"
    r"is|she's|he's|aged|looks|look) (1[0-7]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen)" + _NOT_AN_AGE + r")"
)

CATCH_ALL_STRONG: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"(scared|terrified|frightened|petrified|afraid|bricking it|shitting myself|shaking) "
        r"(of|for|about|that|what|to) (him|them|her|my (fella|boyfriend|partner|husband|man|ex|"
        r"pimp)|what|my life|death|go|leave|walk|be|going|leaving|walking|tell|say|he|they)",
        r"(scared|terrified|frightened|petrified) (he'll|they'll|he's|they're|he will|they will|"
        r"to death|stiff to)",
        r"(threat|threats|threaten\w*|threatnin)",
        r"(after me|looking for me|coming for me|come for me|coming after me|out to get me|"
        r"out for me)",
        r"on (his|their|her) way (over|round|here|back|to)",
        r"(hide|hiding|hid|hidin) (from|here|in here|me|my|out)",
        r"(get|got|getting|run|ran|running) away from",
        r"(not safe|unsafe|in danger|dangerous)",
        r"last chance", r"(they'll|he'll|they will|he will|they'd|he'd) be back",
        r"(brick|bricks|petrol|fire|rock|stone) through", r"(door|lock|locks) off",
        r"(smashed|kicked|booted|put|broke|bashed) (in )?(my|the|our) (window|windows|door)",
        r"(gun|guns|knife|knives|blade|machete|weapon|tooled up|baseball bat|acid)",
        r"(round|past|by)( [\w']+){0,2} (three|3|four|4|five|5|a few|few|several|so many|loads "
        r"of) times",
        r"watching (the|my|our) (door|window|windows|flat|room|van)",
        r"walk me (to|out|home|back|round)",
        r"(don't|dont) (make|let) me (go|leave|get out|walk)",
        r"(can't|cannot|don't want to|too scared to|scared to|afraid to) (go|going) (home|back)",
        r"(nowhere|no where|no place|nowhere safe|no one|nobody) to (go|sleep|stay|lock|hide|run|"
        r"turn)",
        r"(need|needs|have|got) to (get|run) (out|away)( of)?( [\w']+){0,2} (tonight|now|today|"
        r"asap)",
        r"(i'm|im|i am|i'll be|i will be|she's|we're|we are) (dead|done for|finished|in (big |"
        r"serious |real )?trouble|in for it)",
        r"(won't|wont|will not) be (a|just a) (slap|warning|smack)",
        r"next time( [\w']+){0,4} (slap|warning|hit|worse|kill|hurt|hospital)",
        r"(go|goes|going|went) (mad|mental|nuts|ballistic|apeshit)",
        r"(if|when) (he|they|she) (finds?|found|catch(es)?|sees?|hears?|gets hold)",
        r"(don't|dont) know if (i'll|ill|i will|i'm|im) (be here|be around|make it|see|live)",
        r"(can i|could i|let me|need to) (stay|sit|wait|stop|hang about|hide)( [\w']+){0,4} "
        r"(longer|bit|here|van|inside|till|until)",
        r"keep an eye (on|out)( [\w']+){0,3} (window|door|car|van|street|him|them)",
        r"(please|pls|plz) (help|ring|call|get)",
    ),
    "self_harm_suicide": (
        r"(end it|end it all|ending it|end my life|end things|top myself|off myself|do myself in|"
        r"kill myself|killing myself|hurt myself|hurting myself|harm myself|harming myself|"
        r"cut myself|cutting myself|razor|razors|suicid\w*|self harm\w*|noose)",
        r"cutting(?! (out|off|in|back|down|up|it|the|my hair|hair|corners|ties|edge))",
        r"(burn(ed|t|ing)?|scratch\w*|hurt\w*|hit|hitting|punch\w*|starv\w*|bang\w*) myself",
        r"(better off|better without|a burden|no point|pointless|no reason to|not worth it|"
        r"give up|giving up|given up|had enough|can't go on|can't cope|"
        r"can't take (it|this|any more|anymore)|can't keep (doing|going|living|on)|"
        r"can't do this|tired of (waking|living|life|being|it all|everything)|"
        r"sick of (living|life|being alive|waking)|done with (it all|everything|life)|want out|"
        r"see a way out|no way out|nothing to live)",
        r"(don't|dont|do not) want to (be here|be alive|live|wake up|exist|go on|carry on)",
        r"(not be here|won't be here|wont be here|not be around|won't be around|might be it|"
        r"this might be it|much longer|where i'm going|after i'm gone|when i'm gone)",
        r"(giv\w*|gave) (\w+ ){0,2}(stuff|things|belongings|clothes|dog|cat) away",
        r"(letters?|notes?) (for|to) (my|the) (kids|children|mum|mam|family|son|daughter|nan|"
        r"sister)",
        r"where my (things|stuff|dog|cat|kids) (should|will|can|are to) go",
        r"(took|taken|swallowed|necked|downed) (a load of|loads of|all of|all|the lot of|a handful "
        r"of|a bunch of|a box of|a pack of|a packet of)( my)? (tablets|pills|meds|paracetamol|"
        r"co-codamol|codeine|diazepam|sleeping pills)",
        r"(woke up anyway|still woke up|didn't work|didnt work)",
        r"(stood|standing|sat|sitting) (on|at|by) the (edge|ledge|bridge|platform|tracks|railway|"
        r"top)",
        r"(top|roof) of the (car park|multi|multi storey|building|flats|tower)",
    ),
    "violence_assault": (
        r"(bruis\w*|black eye|swollen shut|split lip|cracked (tooth|rib|ribs|skull|cheekbone)|"
        r"broken (nose|jaw|rib|ribs|arm|wrist|finger|fingers|tooth|cheekbone|eye socket)|"
        r"broke my|stitches|concussion|fractured)",
        r"(lip|lips|nose|face|eye|eyes|jaw|ribs|rib|head|neck|throat|cheek|teeth|tooth|skull)"
        r"('s| is| are)? (still )?(hurt|hurts|hurting|sore|swollen|bleeding|busted|cut|split|"
        r"killing|throbbing|cracked|black)",
        r"(hands?|arm|belt|rope) (round|around|on|over) my (neck|throat|mouth)",
        r"(held|hold|holds|holding|pinned|pin|pins|tied|tie) me (down|against|to|up)",
        r"(dragged|pushed|shoved|grabbed|threw|thrown|chucked|slammed|forced|bundled|pulled) "
        r"(me|her|my hair|into|in the|in to|in)",
        r"(went for|jumped|set on|laid into|had a go at|went at|came at|turned on|attacked) (me|her"
        r"|us)",
        r"(wouldn't|wouldnt|would not) (stop|let me (go|out|leave)|take no|listen|get off)",
        r"(when|after|even though) i said (no|stop)",
        r"(took|taken|take|takes|got) what (he|they) want(ed|s)?",
        r"(threw|throw|thrown|chucked|lobbed|launched) (a|the|his|her|my)? ?(bottle|brick|glass|"
        r"drink|can|stone|chair|cup|tea|coffee|plate)",
        r"at (my|me|her) (head|face)",
        r"(smashed|slammed|banged|rammed) (my|her) (face|head)",
        r"(burn(ed|t)|stubbed) (me|it out on|his cig)",
        r"(rape|raped|raping|assault\w*|attack\w*|abus\w*|molest\w*|grop\w*)",
        r"(punch\w*|kick(ed|ing)(?! off)|slap\w*|smack(ed|ing)|batter\w*|beat up|beaten|beat me|"
        r"stab\w*|strangl\w*|chok(ed|ing)|throttl\w*|head ?butt\w*|stamped|glassed|bottled|"
        r"leathered|knocked (me )?(out|about|over|down))",
        r"(got|getting|turned|went|gets) (nasty|rough|violent|handy|physical)",
        r"(spiked|drugged)",
    ),
    "domestic_abuse": (
        r"(have to|had to|got to|made to) (ask|beg)( [\w']+){0,2} (for|permission)",
        r"(have to|had to|got to|made to) (send|show|tell|text|ring|call|check in with|report to) "
        r"(him|my (fella|boyfriend|partner|husband|man))",
        r"(decides|chooses|picks) (what|where|who|when)",
        r"who i (see|talk|speak|text|ring|hang)",
        r"(every penny|counts every|pocket money|punish\w*|jealous|gets funny|goes funny|"
        r"no one else would (want|have)|nobody else would|long sleeves|cover (up )?the marks)",
        r"(pulled the plug|turned off the (electric|gas|heating|wifi|internet))",
        r"(changed|changes|changing) the (wifi|password|passwords|locks|lock)",
        r"(take|takes|took|taking) (the|my|our) (baby|kids|children|son|daughter)( off me| away)",
    ),
    "_control": (  # whose: exploitation if work or a boss is named, else domestic
        r"(not allowed|aren't allowed|arent allowed|isn't allowed|won't let me|wont let me|"
        r"doesn't let me|doesnt let me|never lets me|not let me)",
        r"(he|she|they|he's|she's|they're|fella|boyfriend|bf|partner|husband|man|ex|half|pimp|boss|"
        r"always|still) (checks?|checked|checking|goes through|went through|going through|reads?|"
        r"read) (my|her) "
        r"(phone|messages|texts|bag|purse|pockets|stuff|things|emails|facebook|bank)",
        r"(smashed|broke|took|takes|taken|hid|hides|hidden|keeps|kept|has|holds|held|controls) "
        r"(all )?(my|her|our) (phone|bank card|bank|card|cards|keys|key|money|purse|passport|"
        r"passports|id|papers|documents|benefits|giro|wages|earnings|pin|universal credit|visa)",
        r"(card|cards) and (my )?(pin|pin number)",
        r"(lock|locks|locked) (me|the door|me in)", r"keeps the key",
        r"(made|makes|make) me (sleep|stay|sit|beg|kneel|apologise|say sorry|eat|strip)",
    ),
    "stalking_harassment": (
        r"(knows|knew|found out|worked out|finds out|find out|know) (where|what time|which [\w']+|"
        r"when|what) (i|i'm|my)",
        r"(know|knows|knew) where my (mum|mam|kids|family|sister|daughter|son|nan|dad|work|flat)",
        r"(follow|follows|followed|following|stalk\w*) (me|her|us)",
        r"(keeps?|kept|been|started|always) (turning up|showing up|coming round|coming to|ringing|"
        r"calling|texting|messaging|sending|waiting|sat|sitting|hanging about|following|"
        r"watching|commenting|posting|leaving|parked|parking|driving past)",
        r"(turned|turns|turning|showed|shows|showing|rocked|rocks) up (at|outside|to) my",
        r"(sat|sitting|parked|waiting|stood|standing|hanging about|hangs about|lurking) "
        r"(outside|across from|opposite|at the end of) (my|the hostel|the flat|her|our)",
        r"(same|that) (car|van|bloke|man|guy|fella|face|person)( [\w']+){0,2} (wherever|every|"
        r"again|outside|keeps|at every)",
        r"wherever i (go|am|work|stay)", r"every (corner|street|place|shift|spot) i",
        r"(tracker|tracking me|tracking my|tracked me|tracked my|find my phone|my location|"
        r"an app on)",
        r"(private|withheld|unknown|blocked|hidden) (number|numbers|caller)",
        r"(found|finds|got|get|getting|gets|had) (my|me) (new )?(number|address|location)",
        r"(accounts|numbers|people|profiles) i (don't|dont) know",
        r"(fake|new|different) (accounts?|profiles?)",
        r"(\d+|hundreds of|loads of|so many|fifty|twenty) (times|messages|texts|calls) a (day|"
        r"night|hour)",
        r"(leaving|left|leaves) (things|stuff|notes|flowers|presents|letters|something|dead) "
        r"(on|at|outside|through) (my|the)",
        r"(telling|tells|told) (him|them|her) where i",
        r"(knew|knows) what i (had|was|wore|did|'d)",
        r"(commenting|comments) on my",
        r"(messages|messaging|texts|texting|ringing|calling) (me )?(all the time|constantly|non "
        r"stop|nonstop|every)",
        r"(posting|posted|posts|put|shared|sharing) where i",
    ),
    "exploitation_trafficking": (
        r"(i|we|she) (owe|owed|owes) (him|them|her|money|loads|a lot|the (man|men|boss|dealer|lads|"
        r"people|house|guy|bloke))",
        r"(debt|debts) (to|keeps|is|goes|grows|just|gets|going)",
        r"(pay|paying|work|working) (it )?(off|back) (what (he|they|she|i owe|my [\w']+ owes?)|"
        r"the (flight|debt|money|fare|travel|visa|rent)|his|their|for (the|my) (flight|travel|"
        r"room|visa|fare|papers))",
        r"(pay|paying) off the", r"quota",
        r"(have to|got to|gotta|need to|must) (make|earn|bring (back|in)|hand over|give (him|them))"
        r"( [\w']+){0,3} (a night|a day|a week|or|before|every)",
        r"or i (don't|dont) (eat|get|sleep)",
        r"(holds|holding|keeps|kept|has|took|takes|taken|got) (my|our|her) (passport|passports|id|"
        r"papers|documents|visa)",
        r"(move|moves|moved|moving) (us|me|the girls|girls) (to|round|around|between|about|every)",
        r"different (house|flat|town|city|hotel|place) every",
        r"(the|a) (man|bloke|guy|woman|people|lot|lad|lads|fella) (i|we) work for",
        r"(takes?|took|taking|keeps?|kept|gets) (half|all|most|the lot|a cut|his cut|a share|"
        r"the money|my money|my earnings|what i (earn|make)|everything i (earn|make))",
        r"(that's|thats|it was|it's|it wasn't) not what (it was|they said|i was told|he said)",
        r"(cleaning|waitressing|nanny|bar|modelling|massage|care|hotel) job",
        r"(drive|drives|drove|driving|take|takes|took|taking) (me|us|the girls) (to|round|between) "
        r"(hotels?|houses?|flats?|addresses|punters|clients|men|different)",
        r"(don't|dont) (know|even know) (what|which|where) (town|city|place|area|country|street)",
        r"(books|booked|arranges|sets up|picks) (the|my) (men|punters|clients|jobs|bookings)",
        r"(answers|runs|has) my (work )?phone", r"tells me (where|who|what) to",
        r"(pictures|photos|pics|ads?|adverts?|profile) (online|up|on a site|on the site)",
        r"put (me|my [\w']+) online", r"will pay if",
        r"(other|new|the) girls (in|at) the (house|flat)",
        r"instead of (money|cash|pay|paying)",
        r"(pays|paid|paying) (me )?(in|with) (gear|drugs|crack|a bag|food)",
        r"(haven't|havent|never|don't|dont|not) (seen|see|get|got|kept|keep) (any of |a penny of |"
        r"none of )?(the|my) (money|cash|earnings)",
        r"rent (he|they) (set|sets|charge|charges|decides)",
        r"(made|make|makes|making) me (do|work|go with|sell|see|sleep with|have sex|shag)",
        r"cuckoo\w*",
    ),
    "overdose_medical": (
        r"(went|turned|turning|gone|going|goes) (all |really |proper |a bit )?(blue|grey|gray|"
        r"purple|floppy|limp|stiff|clammy|yellow)",
        r"(blue|grey|gray|purple) (lips|face|skin)",
        r"lips (went|gone|going|were|are|turned|go) (blue|funny|purple|grey|numb)",
        r"(floppy|limp|lifeless|unresponsive|unconscious|not moving|wasn't moving|"
        r"not breathing|stopped breathing|barely breathing|couldn't wake|can't wake|"
        r"wouldn't wake|won't wake|snoring (weird|funny|loud|strange)|gurgling|foaming|fitting|"
        r"fitted|seizure|seizures|having a fit|convuls\w*|collapsed|passed out|blacked out|"
        r"keeled over|went (dark|black)|overdose\w*|overdid|over did|od'd|going under)",
        r"(took|taken|done|did) (too much|too many|a double|double|a triple|loads of|a load of|"
        r"the lot)",
        r"(new|bad|strong|dodgy|strange|funny|new) (batch|gear|bag|pills|tabs)", r"batch",
        r"(abscess\w*|absess\w*|infect\w*|sepsis|septic|cellulitis|dvt|clot|gangrene|pus|"
        r"weeping|oozing|red line|hot and (red|swollen|hard)|gone (hard|black|green|purple|"
        r"numb|dead))",
        r"(coughing|throwing|spitting|pissing|peeing|being sick) (up )?blood",
        r"(can't|cannot|couldn't|struggling to|hard to) (breathe|breath|catch my breath)",
        r"(breathing|breath)( [\w']+){0,2} (slow|funny|weird|shallow|strange|rattly|quiet|noisy)",
        r"chest( is| 's|'s)? (tight|pains?|hurts|hurting|burning)",
        r"(everything|it all) went (dark|black|fuzzy|blurry)",
    ),
}

CATCH_ALL_WEAK: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"(tonight|tonite|right now)", r"(scared|terrified|frightened|petrified|afraid|bricking it|"
        r"shitting myself|shaking|panicking|on edge)",
        r"(waiting (for me|outside|on me|round the corner|at the end)|outside (now|the van))",
        r"(been drinking|off his head|off his face|raging|fuming|"
        r"kick(s|ing)? off|in one of his moods|in a mood|on one)",
        r"(if i|when i) (go back|get back|leave|don't|talk|tell|say)",
        r"(them lot|those lads|his mates|their mates|his boys|his lads|with his mates)",
        r"(help me|get me out|get out of here|somewhere safe|another way out|back way out)",
        r"(heart's|heart is|heart) (pounding|racing|going)", r"or else",
        r"(car|van|motor) (outside|across|keeps|been round|parked)",
    ),
    "self_harm_suicide": (
        r"(rope|bridge|river|canal|railway|train tracks|tracks|platform|multi storey|ledge|edge|"
        r"cliff|motorway)",
        r"(rope|pills|tablets|meds|paracetamol|codeine|sleeping pills|insulin|bleach|lighter|"
        r"sleeves|razor|blades?)",
        r"(saving|stash\w*|hoard\w*|stockpil\w*|collecting|keeping) (my|them|it|up|the)",
        r"(keep|keeps|kept|been|started) (looking at|thinking about|staring at|calling me|"
        r"pulling me)", r"thinking about it", r"just (stood|sat) there",
        r"(just in case|goodbye|last time|won't need|wont need)",
        r"(my )?(arms|wrists|wrist|thighs|legs) (are|is) (a mess|in a state|covered|cut)",
        r"(a mess|a state) again", r"for a reason",
        r"(cant|can't) (keep|see|go on|cope|carry on|do)",
        r"(deal with me|put up with me|without me|rid of me)",
    ),
    "violence_assault": (
        _CA_AGENT, r"(hurt|hurts|hurting|sore|aching|throbbing|swollen|bleeding|cut|marks)",
        r"my (lip|lips|nose|face|eye|eyes|jaw|ribs|head|neck|throat|cheek|teeth|tooth|hair)",
        r"(don't|dont) ask", r"(woke up|came round|came to) (with|in|and|naked|somewhere)",
        r"(no memory|can't remember|don't remember|dont remember)",
        r"(out of town|in the back of (a|the|his) (car|van)|alley|alleyway|behind the)",
        r"((hit|hits|hitting|grabbed|pushed|forced) (me|her|my)|nasty|rough|didn't want to pay|"
        r"wouldn't pay|didnt want to pay|wouldnt pay)",
    ),
    "domestic_abuse": (
        r"(so i (can't|cannot|couldn't) (leave|go|get out|stop|go home|ring|call|text|message|"
        r"see|contact|talk|speak|get help))",
    ),
    "_partner": (
        r"(my (fella|feller|bf|boyfriend|partner|husband|hubby|man|ex|other half|girlfriend|"
        r"missus|baby's dad|baby dad|kids dad|fiance)|he|he's|he'll|him)",
    ),
    "_dom": (
        r"(permission|sorry|makes me feel|worthless|useless|stupid|eggshells|temper|moods?|"
        r"angry|shouts?|shouting|screams?|screaming|calls me|called me|names|jealous)",
    ),
    "stalking_harassment": (
        r"(watching|watches|watched|staring|stares|lurking|lurks)",
        r"(can|could) see (me|where i|what i)", r"where i (live|stay|sleep|work|am|go|hang)",
        r"(messages|messaging|texts|texting|ringing|calling|calls)",
        r"(posting|posted|online|on facebook|on insta|on social media|on a site)",
        r"(outside my|on my doorstep|at my door|at my mum's|at my mums|my new number)",
    ),
    "exploitation_trafficking": (
        r"(owe|owes|owed|owing|debt|debts|pay off|paying off|pay back|paying back)",
        r"(passport|passports|papers|visa|the boss|my boss|his boss|pimp)",
        r"(flight|ticket|travel|the fare)", r"(came|come|brought|bought) (over|here)",
        r"(brought|brings|bring|took) (me|us) (here|in a van|in a car|over)",
        r"(my|our) (family|mum|mam|kids|brother|sister) (back home|at home)",
        r"if i (stop|leave|run|say no|don't work|refuse)",
        r"(the house|the flat) (i|we) (work|stay)",
        r"(hotels|online|work phone|the work|for the work|working for)",
    ),
    "overdose_medical": (
        r"(inject\w*|fix(ed|ing)? in|jack(ed|ing) up|my veins?|vein|injection site|site|my groin)",
        r"(blood|bleeding|swollen|lump|numb|fever|temperature|shivering|shaking|sweats|sweating|"
        r"rattling|clucking|withdrawal\w*|hallucinat\w*|seeing things|throwing up|being sick)",
        r"(ambulance|999|paramedics?|a&e|a and e|resus|hospital)",
        r"(hit me|hits you|knocked me) (like a|so|really|hard|for six)",
        r"(went|gone|going) (all )?(funny|weird|strange|wobbly)",
        r"(new stuff|the stuff|that stuff|smoked that|took that|took something|spreading)",
        r"(nearly|almost) (passed out|fainted|collapsed)", r"(can't|cannot|couldn't) feel my",
    ),
    "_kid": (_CA_KIDWORD,),
    "_kid_risk": (
        r"(squat|users|using|on it|off (their|his|her|they're) (heads?|face|faces|tits|nut)|"
        r"dealer|dealers|gear|needles?|works|alone|on (their|his|her) own|by (themselves|himself|"
        r"herself)|older (lads|men|man|boys|blokes|guys|boyfriend)|men|a man|some man|old man|"
        r"lifts|slept in (the|a) (car|doorway|tent|street|park)|streets|stopped going to school|"
        r"skipping school|not going to school|excluded|cash|(coming|comes|came) home with|"
        r"from somewhere|gash|"
        r"bruises?|marks|burns?|won't say|wont say|uniform|punters?|social (services|worker|took)|"
        r"no food|hungry|nothing to eat|while i work|while i'm working|while im working|while i'm "
        r"out|stay over|staying over|carrying|selling|grooming|groomed|brings her|brings him|"
        r"(who is|who's|he's|she's) (1[89]|[2-6]\d))",
        r"(1[89]|[2-6]\d) ?(year old|yr old|your old|yo|years old)",
    ),
    "_cue": (
        r"(again|every (night|day|time|morning)|last night|all night|for weeks|for days|"
        r"on my own|by myself|for a reason|won't say|wont say|since (friday|the weekend|last))",
    ),
}

# Everyday uses of the catch-all's words, blanked before it looks (not before the rules).
CATCH_ALL_HARMLESS: tuple[str, ...] = (
    r"(phone|battery) (died|dead|is dead|was dead|ran out|broke)", r"charg\w* (my|the|her) phone",
    r"(knife|knives) (and|&) (fork|forks)", r"butter knife", r"blood (test|tests|pressure|sugar|"
    r"donor|donation|results?)", r"first aid", r"fitting (a|the|new|out|my|me|for)",
    r"needle exchange", r"scared of (spiders?|the dark|heights|dogs?|clowns|needles|the dentist|"
    r"flying|birds|mice|rats|the vet|snakes|wasps|bees|moths)",
    r"(just|only) a (bruise|graze|scratch|sprain|scrape|nick|cold|sprained)",
    r"(debt|money) (advice|advisor|adviser|help|charity|relief|management|worker|service)",
    r"(when|since) i was (a kid|a child|little|young|a girl|a teenager|at school)",
    r"(blue|red|purple) in the face (laughing|from laughing|with laughing)",
    r"(laughing|laughed|laugh|laughs) (till|until|so much)", r"made me (laugh|smile|cry|happy)",
    r"(in|with) this (cold|weather|rain)",
    r"(kids|children|son|daughter|baby|little ones?)( [\w']+){0,2} (with|at|round|staying at|"
    r"stopping at) (my|their|her|his) (mum's|mums|mam's|mams|nan's|nans|dad's|dads|sister's|"
    r"gran's|grans|aunty's|auntie's)",
    r"stab vests?", r"knife crime", r"rope swing", r"used to be (scared|frightened|terrified)",
    r"(blue|numb|purple)( [\w']+){0,2} (from|in|with) the (cold|snow|frost|wind)",
    r"(take|taking|takes|took) my (meds|pills|tablets|medication|methadone|script)",
    r"(give|giving|given|gave) up (smoking|the fags|fags|drinking|the drink|drink|booze|sugar|"
    r"gear|using|the gear|crack|meat|chocolate)",
    r"(paid|pay|paying) off my (phone|bill|loan|fine|fines|catalogue|overdraft|contract|arrears)",
    r"(watching|watch|watched) (the|my) (football|telly|tv|film|match|weight|soaps?|kids|"
    r"dog|bags?)",
    r"(follow|following|follows) (the|you|your|you lot|u) on",
    r"(passport|id) (sorted|back|photo|application|form)",
    r"passed away", r"tracking down",
    r"(bridge|canal|river) (is|was|looks|by the canal is) (lovely|pretty|nice|beautiful)",
)
# fmt: on

# Version 7: families of wording from the round-8 development set's misses, each written for
# the family rather than the sentence: someone sent to fetch her, "said i'm next", "don't open
# the door", reading over her shoulder, released from prison and asking for her; farewells and
# endings ("don't come looking", "too late for me", "so no one has to find me", rehoming a pet
# "for after", everything "in one go"); hair ripped out, a cigarette put out on her, "did what
# he did", "kept going when i was crying", his mates coming in; accusations, "when he's had a
# drink he turns", threats to tell social, a cover story ("said i fell... i didn't"); county
# lines slang (grafting, the line, trap, plugging, running to a town, a stash kept for lads),
# kept in a house, driven out in a minibus, the man who collects, in the back of a lorry;
# sending pictures of her door, messaging through friends, watching where she goes, graffiti
# on her tent, dozens of missed calls; using alone, strong gear and girls dropping, wounds
# with maggots or leaking, limbs going black, days without sleep; a girl who is plainly of
# school age on the patch, a child with people cooking up, pictures of a child in the bath.
# fmt: off
_SCHOOL_AGE = (
    r"(school (bag|uniform|tie|jumper|blazer|shoes|kit|books|trip|skirt)|pe kit|juniors|"
    r"junior school|primary( school)?|year ([4-9]|10|11|four|five|six|seven|eight|nine|ten|"
    r"eleven)( teacher)?|(her|his) (teacher|form tutor|head of year|school)|gcses?|sats|"
    r"(says|said|claims|reckons) (she's|she is|he's|he is|she was) (18|eighteen|19|nineteen|"
    r"over 18))"
)
_STRONG_7: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"(send|sends|sent|sending) (\w+ ){0,2}(to )?(fetch|get|collect|grab|find|"
        r"pick up) (me|her)",
        r"(don't|do not) (open|answer) the door", r"(reading|looking|watching) over my shoulder",
        r"(don't|do not) write (nothing|anything|owt|it) down",
        r"(said|says|say|told me|reckons) (i'm|i am|you're|she's) next",
        r"(i said no and |said no and |and )?now (they're|he's|she's|they are|he is|"
        r"she is) (stood|standing|sat|sitting|"
        r"waiting|parked|outside|downstairs|at the door|by the)",
        r"(if|when) (i'm|i am) not (here|back|around|in)( [\w']+){0,3} (ring|call|tell|phone|get|"
        r"send|check|look)",
        r"(he|he'll|he's|they|they'll|he will|gonna|going to) (finish|finishes|finishing) (it|me|"
        r"us|her)( for good| tonight| off)",
        r"(take|took|taken|takes|smashed|snapped|binned|broke) (the|my) sim",
    ),
    "self_harm_suicide": (
        r"(bang\w*|smash\w*|hit\w*) my head (on|against|off|into)",
        r"(don't|can't) see the point( of| in)?( [\w']+){0,3} (anymore|any more|it all|living|"
        r"life|anything|going on|carrying on|any of it)",
        r"(go to sleep|sleep|disappear|go away|drift off)( [\w']+){0,2} and (never|not) (come "
        r"back|wake up|wake)",
        r"(if|hope|hoping|wish) i (don't|do not|never|didn't) wake up",
        r"(don't|do not) come looking", r"(nothing )?(it's |its |is )?too late for me",
        r"no one (has|needs|will have) to find me|(nobody|no one) (will|has to|needs to) find me",
        r"(use|using|take|taking|do|doing|neck|necking|swallow|inject|bang) (it all|everything|"
        r"the lot|all of (it|them|my)|all my)( [\w']+){0,4} (in one go|at once|at the same time)",
        r"(sorted|ready|set|looked after|settled) for after\b(?! (christmas|the|work|school|tea|"
        r"dinner|this|that|next|my|i|we|easter|new year|lunch|payday|[\w']+day))",
    ),
    "violence_assault": (
        r"(ripped|pulled|yanked|torn|tore) (out )?(my|her) hair|hair (ripped|pulled|yanked|torn)",
        r"(put|stubbed|stub|puts) (a |his |their |her )?(fag|cig|cigarette|joint)( out)? on (my|"
        r"her|me)",
        r"(did|done) what (he|they) (did|done)|what (he|they) did to me",
        r"(kept going|carried on|didn't stop|would not stop|wouldn't stop) (even )?(when|while|"
        r"after|though) i (was|said|asked|begged|told|cried)",
        r"(his|their) (mates|friends|boys|lads|mate) (came|come|walked|burst|barged|"
        r"piled) (in|into)",
        r"(held|holds|pushed|shoved|forced|kept|put) (my|her) (head|face) (under|in|into|down|"
        r"against)", r"under the (bath ?water|water)",
        r"i (fell|walked into|tripped|slipped|banged)[^.]{0,40}(i didn't|i did not|not really|"
        r"wasn't true|was a lie|it was him)",
        r"(burnt|burned|torched|set fire to) (my|her|the|our) (mate's |mates )?(tent|flat|house|"
        r"car|door|stuff|room)",
    ),
    "domestic_abuse": (
        r"(he|he's|my (fella|boyfriend|bf|partner|husband|man|ex)) (says|said|thinks|reckons|"
        r"accuses me|accused me)( that)? (i'm|i am|i was|i've|i have) (telling|talking|grassing|"
        r"cheating|sleeping|seeing|flirting|lying|with|shagging)",
        r"(when|once|after) (he's|he has) had a (drink|few|smoke|line)",
        r"(he'll|hell|he will|he'd|he would|he's gonna|he is going to) (tell|ring|call|report me "
        r"to) (social|the social|social services|the police|my mum|everyone|my family)",
        r"(never|won't|not) (see|get) (the|my) (kids|children|baby|son|daughter)( again| back)?",
        r"no one else would( ever)? (want|have|look at)",
        r"(if|when) i (haven't|have not|is not|don't|didn't|do not) (made|make|earned|earn|got|"
        r"brought)( [\w']+){0,2} enough",
    ),
    "_control": (
        r"(keep|keeps|kept|keeping) hold of (my|her|our) (phone|money|card|passport|id|keys|"
        r"papers|benefits)",
    ),
    "stalking_harassment": (
        r"(watch|watching|watches|keep tabs on|spy on|spying on|check on|checking) where i (go|"
        r"am|live|stay|work|sleep)", r"report(s|ing)? back to (him|her|them)",
        r"(\d+|loads of|so many|dozens of|hundreds of|twenty|thirty|fifty) (missed calls|"
        r"voicemails|messages|texts|calls)",
        r"blocked (him|her|them|his number)( on [\w']+)?( but| and| still)",
        r"(messages|texts|contacts|rings|calls|messaged|texted|rang) me (through|thru|from|on|off|"
        r"using) (my mate's|my mates|other|different|new|his mates|his mate's|someone|a mate's|"
        r"fake)",
        r"(keeps?|kept|been|always) (spraying|writing|smashing|slashing|lobbing|throwing|pissing|"
        r"damaging|kicking|wrecking|trashing|egging|banging on)( [\w']+){0,3} (on|at|through|"
        r"outside|my (tent|door|car|window|windows|flat|stuff|things|bike|room))",
        r"(writing|wrote|written|sprayed|spray painted|painted) (whore|slag|slut|bitch|grass|"
        r"junkie|skank|tramp|\w+) on (my|the|her) (tent|door|car|wall|window|flat)",
        r"(left|leaving|leaves|put|sent|posted)( me)? (a |some )?(dead [\w']+|note|notes|letters?|"
        r"flowers|photos?|pictures?|pics?)( [\w']+){0,3} (on|at|through|outside|under|in) my "
        r"(step|door|doorstep|car|tent|window|letterbox|windscreen)",
        r"(sent|sends|sending|send)( me)? (a )?(picture|photo|pic|video|vid|screenshot)s? of (my "
        r"(own )?(front )?(door|house|flat|tent|street|car|window|building|road)|where i|me (at|in|"
        r"outside|walking|leaving|asleep|sleeping))",
    ),
    "exploitation_trafficking": (
        r"(back of a|in a|inside a) (lorry|truck|container)",
        r"(different|other) (towns|cities|places|areas) (every|each|all)|(in|to|round|around) "
        r"different (towns|cities)",
        r"(got|have|has|making|made|make|makes|keep) me (running|run|carrying|carry|holding|"
        r"plugging|selling|dealing|moving|shotting|cheffing|grafting)",
        r"county lines?|trap house|cuckoo\w*|plugging|plugged it|(answer|run|running|runs|hold|"
        r"holding|work|working|on) (the|a|their|his) (line|deal line|drug line|work phone)",
        r"(stuff|gear|drugs|it|packages?|wraps) (in|up) my (bra|knickers|pants|sock|socks)",
        r"(keep|keeps|kept|keeping) (\w+ ){0,3}(of )?us (in|at|locked)",
        r"(take|takes|took|drive|drives|drove) (us|me|the girls) (out )?(in a|in the) (minibus|"
        r"van|car|people carrier)",
        r"(the man|the men|the lads|the boss|his mate|the woman) (collects|comes to collect|comes "
        r"for (the|his|her) (money|cash))(?! (the|my|bins|rubbish))",
        r"(girls|women) (in|at) the (flat|house|room)( [\w']+){0,5} (never|don't|can't) (come|go|"
        r"get) out",
    ),
    "overdose_medical": (
        r"(if|when) i (go over|over ?do|overdose|drop)\b",
        r"(used|using|use|injected|injecting|smoked|took it) (on my own|alone|by myself)",
        r"(gear|batch|stuff|smack|brown|bags|pills|spice|tabs)( going round| about| out there)?"
        r"( is| 's)?( [\w']+){0,2} (strong|stronger|dodgy|mental|lethal|killing people|cut with|"
        r"laced)",
        r"(girls|people|lads|folk|three|two) (have |'ve )?(dropped|dropping|dropped dead|gone over|"
        r"died)( this| last| in)",
        r"maggots|green (stuff|pus|gunk)|(leaking|oozing|weeping) (pus|green|yellow)",
        r"(insulin|inhaler|epipen|epi pen|heart (pills|tablets|meds))",
    ),
    "child_safeguarding": (
        r"(a|the|this|that|one|new|young) (girl|young one|lass|young girl|kid)( [\w']+){0,12} "
        + _SCHOOL_AGE,
        _SCHOOL_AGE + r"( [\w']+){0,12} (patch|punters?|out here|working|on the street|pimp|"
        r"the beat|the game)",
        r"(says|said|claims|reckons) (she's|she is|he's|he is) (18|eighteen|19|"
        r"nineteen|over 18),? but",
        r"(not told|haven't told|hiding|hidden|nobody knows|no one knows)( [\w']+){0,3} (about )?"
        r"(this one|the baby|the bump|my bump|i'm pregnant|i'm expecting)",
        r"(pictures|photos|pics|videos?|filming|films|photographs)( [\w']+){0,5} (in the bath|"
        r"in the shower|undress\w*|naked|getting changed|in (her|his) (pants|knickers|nappy))",
        r"(asking|asks|asked|ask|wants to know|on about) (when|how old|if)( [\w']+){0,4} "
        r"(daughter|girl|niece|kid|son)( [\w']+){0,3} (old enough|big enough)",
        r"(she'll|shell|he'll|she will|he will) (be|turn) (1[0-7]|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen)\b(?! (next|in|on|this))",
    ),
}
_WEAK_7: dict[str, tuple[str, ...]] = {
    "immediate_danger": (
        r"(asking|asks|asked|looking) (for|after|about) me",
        r"(got|gets|getting|came|comes|just) out (of )?(prison|jail|the nick|nick|inside)|"
        r"(released|out) (from|of) (prison|jail)",
        r"(get|got|getting) in the (car|van|motor)",
        r"(waiting|stood|standing|sat|sitting|parked|hanging about|lurking) (by|at|near|round|"
        r"behind|in) the (bins|door|gate|corner|entrance|end|bottom|car park|station|arches|back)",
        r"(ring|call|get|phone) (someone|somebody|the police|999)",
    ),
    "self_harm_suicide": (
        r"(say|saying|said|tell|tells) (\w+ ){0,4}(ta ra|goodbye|bye|my goodbyes|tara|ta-ra)",
        r"last (round|time coming|visit|time here|time i'll|time you'll)",
        r"(gave|given|giving|give) (my|me|away my) (\w+ ){0,4}to (the|my|a|her|someone|one of)",
        r"(won't|will not|not gonna|not going to) be needing",
        r"(rehom\w*|new home for (my|the|her))", r"thanks for everything|love (you|u) all",
        r"(if|when) (you|u) (don't|do not) see me",
    ),
    "exploitation_trafficking": (
        r"(grafting|graft|mandem|trap|the line|shotting|cheffing|plug|stash)",
        r"(not|wasn't|isn't|weren't) (by|my) choice|(no|didn't have a|don't have a|had no) choice",
        r"(want|wants|wanting|still want) (paying|paid|their money|the money)",
        r"(never|don't|can't|aren't allowed to) (come|go|get) out",
        r"(don't|can't|no) speak (english|a word)|nail bar|massage (place|parlour)|car wash",
        r"(gave|give|given|gives) me a (phone|burner|sim)|phone to answer",
    ),
    "overdose_medical": (
        r"(no sleep|not slept|haven't slept|without sleep|no food|not eaten|haven't eaten|bender)",
        r"(swell\w*|twice the size|double the size|going black|gone black|turning black|turned "
        r"black|going green)",
        r"(diabetic|epileptic|asthmatic|had a baby|gave birth|given birth|miscarr\w*|pregnant)",
        r"(feel|feeling|felt|really) (really |so |proper )?(ill|hot|rough|poorly|faint|dizzy)",
        r"(not seen|haven't seen|no) (a )?(doctor|nurse|midwife|gp)",
        r"(hasn't|has not|haven't|not) (come|came|been) out (of )?(her|his|the|their) (tent|room|"
        r"flat)", r"(no answer|not answering|isn't answering|won't answer|no reply)",
    ),
    "stalking_harassment": (
        r"(waits|waiting|stands|sits|hangs about|parks|parked)( [\w']+){0,6} every (single )?"
        r"(day|night|morning|time)", r"where i (get off|get on|go|finish)",
        r"(how|where) (he|she|they) (got|found|get|gets)",
    ),
    "_kid": (
        r"(toddlers?|babies|a baby|little ones|nippers|kiddies|tots|pregnant|expecting|my bump|"
        r"the bump|unborn|(about|with) this one)",
    ),
    "_kid_risk": (r"(cook up|cooking up|cooks up|using heavy|using loads)",),
}
_HARMLESS_7 = (r"(write|wrote|writes|writing) back",)
for _cat, _more in _STRONG_7.items():
    CATCH_ALL_STRONG[_cat] = CATCH_ALL_STRONG.get(_cat, ()) + _more
for _cat, _more in _WEAK_7.items():
    CATCH_ALL_WEAK[_cat] = CATCH_ALL_WEAK.get(_cat, ()) + _more
CATCH_ALL_HARMLESS = CATCH_ALL_HARMLESS + _HARMLESS_7
# fmt: on

# Told as over and mended ("all healed now", "came back clear"): no medical or injury flag.
_CA_ALL_WELL = re.compile(
    r"\b(healed|heal(ed|ing) up|all healed|cleared up|on the mend|came back clear|all clear|"
    r"(all|it's|its) fine now|sorted now|all sorted|much better now|loads better)\b"
)
# Filed by opening like the rules: a strong signal under its category, each weak one under
# "category#n", so the catch-all can count how many different weak signals it saw.
_CA_TABLE: dict[str, tuple[str, ...]] = {
    **CATCH_ALL_STRONG,
    **{
        f"{cat}#{n}": (pattern,)
        for cat, patterns in CATCH_ALL_WEAK.items()
        for n, pattern in enumerate(patterns)
    },
}
_CA_BY_OPENING, _CA_ANYWHERE = _build(_CA_TABLE)
_CA_BLANK = re.compile(_wrap(CATCH_ALL_HARMLESS))
# Work, a boss or other girls named: control of her money or papers is exploitation.
_CA_WORK = re.compile(
    r"\b(boss|work for|working for|the house|the girls|other girls|punters?|clients?|owe|debt|"
    r"pimp|they|them|earn|earnings)\b"
)
_CA_ORDER = (
    "immediate_danger", "self_harm_suicide", "overdose_medical", "violence_assault",
    "exploitation_trafficking", "domestic_abuse", "stalking_harassment", "child_safeguarding",
)  # fmt: skip


def catch_all(norm: str) -> set[str]:
    """The last resort's category for the prepared text norm: one, or none."""
    norm = _CA_BLANK.sub(" ~ ", norm)
    score: dict[str, float] = {}
    for key in _match(norm, _CA_BY_OPENING, _CA_ANYWHERE):
        cat, weak, _ = key.partition("#")
        score[cat] = score.get(cat, 0.0) + (0.5 if weak else 1.0)
    if score.pop("_partner", 0.0) and score.pop("_dom", 0.0):
        score["domestic_abuse"] = score.get("domestic_abuse", 0.0) + 1.0
    score.pop("_dom", None)
    control = score.pop("_control", 0.0)
    if control:
        owner = "exploitation_trafficking" if _CA_WORK.search(norm) else "domestic_abuse"
        score[owner] = score.get(owner, 0.0) + control
    kid, risk = score.pop("_kid", 0.0), score.pop("_kid_risk", 0.0)
    cue = min(score.pop("_cue", 0.0), 0.5)
    if _CA_ALL_WELL.search(norm):
        score.pop("overdose_medical", None)
        score.pop("violence_assault", None)
    if kid and (risk or cue or sum(score.values()) >= 1.0):
        return {"child_safeguarding"}  # a child word beside any risk or circumstance
    if not score:
        return set()
    best = max(_CA_ORDER, key=lambda cat: (score.get(cat, 0.0), -_CA_ORDER.index(cat)))
    if best == "domestic_abuse":
        cue = 0.0  # her phone or money "again" is everyday; control needs more than that
    return {best} if score.get(best, 0.0) + cue >= 1.0 else set()


# Version 7: a comment that tells its danger as over, or explains it away, in its own words.
# A clause framed in the past ("used to", "years ago", "a few months back") is set aside and
# the rest must raise nothing by itself; a statement that it is over or harmless ("miles
# away from him now", "clean now", "saved me", "its just my brother", "my dog i mean",
# "moving to leeds", "got a hospital appointment") settles the comment, and kind words for
# the man named ("was a gent", "hes lovely") settle it too. None of this applies when the
# comment also has a sign that something is happening now ("and now hes back", "again",
# "still", "tonight", "scared", "please"); kind words are not undone by the time alone
# ("the punter last night was a gent").
# fmt: off
_PAST = re.compile(
    r"\b(used to|years ago|(a few|few|a couple of|couple of|some|\d+|two|three|four|five|six) "
    r"(months|years|yrs) (ago|back)|when i was (younger|a kid|a teenager|little|"
    r"at school|\d+ (years old|yrs old|yo))|"
    r"back in the day)\b"
)
_OVER = re.compile(
    r"\b((miles|far|well) away from (him|them|her|it|all that|that lot)|(i'm|i am|she's|she is|"
    r"he's|we're|we are|i've been|she's been) (out of (all )?(that|it)|clean|safe|fine|ok|okay|"
    r"alright|better|sorted|free|away from (him|them|it)) now|(clean|sober) (now|for|since)|"
    r"saved (me|my life)|thank god (i'm|i am|i got|i've got|it's|its|that's) "
    r"(out|over|away|clean|done|behind|gone)|all behind me|in the past|(it's|its) over now|"
    r"(i've|i have) moved on|(he|she|they) (doesn't|don't|does not|do not|no longer) "
    r"([\w']+ ){0,3}(any ?more|now)|got shut down|(was|were|got) closed down|(it's|its) legit|"
    r"(it's|its|it was|it is) (just|only) (my|our|her) (brother|dad|mum|mam|uncle|cousin|"
    r"nan|grandad|sister|son|lad|dog|cat|mate)|(my|the) (dog|cat|puppy|kitten) i mean|"
    r"i mean (my|the) (dog|cat)|((?<=^ )|(?<=[.,;!?] )|i'm |i am |we're |we are "
    r")(moving|off) (to|away|house|"
    r"up to|down to)|on holiday|"
    r"going away (for|to|on)|(hospital|doctors|doctor's|dentist|gp|court|college|job|housing) "
    r"(appointment|interview)|visiting (my|family))"
)
_KIND = re.compile(
    r"\b((he's|he is|she's|she is|he was|she was|(punter|client|bloke|guy|man|fella|driver|"
    r"customer)( [\w']+){0,3} (was|is)) (a (gent|gentleman|sweetheart|diamond|gem|"
    r"good un|good one|sweetie|darling)|lovely|so good to me|really good to me|a proper gent)|"
    r"paid and (went|left|off))\b"
)
_NOW_TIME = re.compile(r"\b(tonight|today|this (morning|week|weekend|afternoon)|last night|"
                       r"yesterday|right now|at the moment)\b")
_NOW_DANGER = re.compile(
    r"\b(and now|but now|now (he|she|they|he's|she's|they're|he is|they are)|back again|again|"
    r"still|keeps|kept|until|till|unless|sometimes|most of the time|then (he|she|"
    r"they)|scared|terrified|frightened|help|please|pls|worried|when (he|he's|she)|"
    r"(he's|he is|they're|they are|she's) (out|back|around|home|free|released|getting out|"
    r"coming out|looking|after)|out of (prison|jail|the nick)|released|"
    r"except|apart from|but (he|she|they|when))\b"
)
_CLAUSES = re.compile(r"[.,;!?]| but | though | and now ")
# fmt: on


def _settled(norm: str) -> bool:
    """True when the prepared comment tells its danger as over or explains it innocently."""
    if _NOW_DANGER.search(norm):
        return False
    if _KIND.search(norm):
        return True
    if _NOW_TIME.search(norm):
        return False
    if _OVER.search(norm):
        return True
    if not _PAST.search(norm):
        return False
    rest = " ".join(c for c in _CLAUSES.split(norm) if not _PAST.search(c))
    rest = " " + rest.strip() + " "
    return not (_match(rest, _ALL_BY_OPENING, _ALL_ANYWHERE) or catch_all(rest))


def settled(prepared_text: str) -> bool:
    """True when the prepared comment tells its danger as over or explains it innocently."""
    return _settled(prepared_text)


def concerns(text: str) -> list[str]:
    """Category slugs whose signs appear in text, [] when none: the rules' finding when the
    learned second opinion confirms it, or the model's own when no rule matched
    (`safeguarding_model.second_look`); never a danger the comment tells as over."""
    return _concerns(text, learned=True)


def rules_concerns(text: str) -> list[str]:
    """What the rules alone find (version 7), for measuring what the model adds."""
    return _concerns(text, learned=False)


def _rules_finding(norm: str) -> set[str]:
    """The categories the phrase patterns, or failing them the catch-all, find in norm."""
    return _match(norm, _ALL_BY_OPENING, _ALL_ANYWHERE) or catch_all(norm)


def _concerns(text: str, learned: bool) -> list[str]:
    if not text:
        return []
    norm = prepared(text)
    if learned:
        found = safeguarding_model.second_look(norm, _rules_finding)
    else:
        found = _rules_finding(norm)
    if found and _settled(norm):
        return []
    if found & _HARM_TO_HER and _HER_PARTNER.search(norm):
        found.add("domestic_abuse")
    if found & _VIOLENCE_BY_HIM and _HE.search(norm) and not _STRANGER.search(norm):
        found.add("domestic_abuse")
    if found & _HARM_TO_HER and _HER_CHILD.search(norm):
        found.add("child_safeguarding")
    return [cat for cat in CATEGORIES if cat in found]
