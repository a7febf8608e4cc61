"""Safeguarding concerns in free text: high recall, but idioms are not concerns (SPEC §4).

Each category is a list of patterns over the normalised text (lower case, text-speak
expanded, see `text.normalise`). Before matching, well-known harmless idioms ("I'd kill for a
coffee", "the van's a lifesaver", "dying for a brew", "safe space", "dead tired") are blanked
out. A match is dropped only when it is plainly negated close before it ("he has never hit
me", "no one followed me"); anything less clear still counts, because a missed disclosure
costs far more than a second look at a harmless comment.
"""

from __future__ import annotations

import re

from analysis.text import normalise

_ME = r"(me|us|her|my mate|my friend|a girl|one of the girls)"
_PARTNER = (
    r"(partner|boyfriend|bf|fella|feller|husband|hubby|man|ex|pimp|dealer|"
    r"other half|girlfriend)"
)

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
        r"scared to go (home|back)", r"terrified",
    ),
    "self_harm_suicide": (
        r"suicid\w*", r"kill(ing)? myself", r"end(ing)? (it all|my life|it tonight|things)",
        r"self[- ]?harm\w*", r"cut(ting)? myself", r"hurt(ing)? myself", r"harm(ing)? myself",
        r"(don't|do not|dont) want to (be here|live|be alive|wake up|go on)",
        r"no (point|reason) (in )?(living|going on|being here)", r"want(ed)? to die",
        r"better off dead", r"better off without me", r"take (all )?my (pills|tablets)",
        r"overdose on purpose", r"can't go on", r"cannot go on", r"can't cope any ?more",
        r"(jump|jumping) (off|in front)", r"hang myself", r"not (be|being) here anymore",
        r"wish i (was|were) dead", r"wish i wasn't here", r"life (isn't|is not) worth",
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
    ),
    "domestic_abuse": (
        _PARTNER + r" (hits|hit|beats|beat|batters|hurts|hurt|chokes|kicks|slaps|punches|"
        r"punched|kicked|slapped|strangled|threatens|threatened) (me|her)",
        _PARTNER + r" (takes|took|keeps|has|steals|stole) (all )?my (money|cash|benefits|"
        r"card|bank card|phone|earnings)",
        _PARTNER + r" (won't let me|doesn't let me|makes me|controls|watches|checks my)",
        r"domestic (abuse|violence)", r"\bdv\b", r"controlling", r"coercive",
        r"(scared|afraid|frightened|terrified) of (him|my " + _PARTNER + r")",
        r"he (takes|took|keeps) (all )?my (money|cash|benefits|card)",
        r"he (hits|beats|hurts|batters|chokes|strangles) me",
        r"abusive (relationship|" + _PARTNER + r")",
        r"(locks|locked) me (in|out)",
    ),
    "stalking_harassment": (
        r"follow(ed|ing|s)? (me|her|us)", r"stalk\w*", r"won't leave (me|her|us) alone",
        r"harass\w*", r"keeps (texting|calling|ringing|messaging|turning up)",
        r"(turns|turned|keeps turning) up (at|outside)", r"watching (me|my)",
        r"outside my (flat|house|hostel|room)", r"knows where i (live|stay|sleep)",
        r"(same|this) (car|van|guy|man|bloke) (keeps|kept|again)", r"creep(y|ing)? (guy|man|bloke)",
        r"hanging (round|around) (me|outside)", r"(threatening|nasty) (messages|texts|calls)",
        r"won't stop (texting|calling|messaging)",
    ),
    "exploitation_trafficking": (
        r"made to work", r"(makes|make|made|forcing|forces|forced) (me|us|her) (to )?"
        r"(work|go out|do|sell|have sex|see)", r"forced", r"pimp\w*",
        r"owe (him|them|her) (money|a debt)", r"(pay|paying) off (a |my |the )?debt",
        r"traffick\w*", r"takes? (all )?(my|the) (money|earnings)", r"(has|took|keeps) my passport",
        r"not allowed to (leave|go|stop)", r"can't (leave|stop|get out)", r"controlled",
        r"(have|has) to (give|hand) (him|them) (the|my|all)", r"(runs|run) me",
        r"work for (him|them)", r"cuckoo(ed|ing)?", r"county lines", r"(being|been) used",
        r"(he|they) (sells|sold|pimps) (me|us)", r"brought (me|us) (here|over)",
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
    ),
    "overdose_medical": (
        r"overdos\w*", r"\bod(ed|'d|d)?\b", r"(not|wasn't|weren't|isn't|stopped) breathing",
        r"collapsed", r"unconscious", r"turned blue", r"(went|going|gone) over",
        r"(use|used|using|needed|need|gave|give|had to use) (the |some )?(naloxone|narcan)",
        r"wouldn't wake (up)?",
        r"couldn't wake (her|him|them)", r"fitting", r"seizure", r"passed out",
        r"(people|girls|they|she|he|my mate) (are |is |was |were )?dropping( like flies)?",
        r"(bad|dodgy) (batch|gear|bag)", r"ambulance (came|took)", r"nearly died",
        r"blood everywhere", r"bleeding (badly|loads|a lot)", r"spice (attack|going round)",
    ),
}
# fmt: on

# Idioms that use alarming words harmlessly; blanked before matching.
# fmt: off
HARMLESS: tuple[str, ...] = (
    r"(i'd|i would|i could|could) kill for", r"kill for a", r"killing me (softly)?\b(?! (he|she))",
    r"(is|are|was) killing me", r"killed it", r"killer (soup|hot chocolate|coffee|brew)",
    r"life ?saver", r"lifesaving", r"saved my life", r"dying (for|to) (a|some|get|see|go)",
    r"dying for", r"(dead|proper|so) (tired|cold|good|nice|lovely|chuffed|happy)",
    r"i'm dead\b(?! serious)", r"(nearly|almost) died laughing", r"died laughing",
    r"safe space", r"safe place", r"(?<!not )(?<!n't )(?<!never )feel(s)? safe",
    r"(?<!not )(?<!n't )(?<!never )felt safe", r"safe in the van",
    r"keep(s)? (us|me) safe", r"keeping (us|me) safe", r"stay safe", r"safer sex",
    r"(police|cop|safety) (talk|session|chat|advice)", r"(killing|kill) time",
    r"(attack|attacked) (the|a) (soup|sandwich|biscuits?|food|cake)", r"panic attack",
    r"beat (the|my) (cold|rush|queue)", r"hit the spot", r"hit and miss",
    r"(i'm|im|i am) knackered", r"over the moon", r"(help|helps|helped) me (with|to|get|out|sort|"
    r"find|fill|a lot|loads)", r"help me out", r"you (help|helped) me", r"forced to wait",
    r"bad date(s)? (list|sheet|scheme|alert)", r"ugly mugs?", r"(report|reporting) (a |the )?bad",
    r"free from (harm|danger)", r"no danger", r"game over", r"took my breath away",
    r"over the top", r"went over (to|the|and|there|well)", r"fitting (room|in|clothes)",
    r"(harm reduction|reduce harm)", r"(in|with) danger money", r"gone over to",
    r"cold is killing", r"feet are killing", r"back is killing", r"(sold|sell) out",
)
# fmt: on

_NEGATION = re.compile(
    r"\b(never|not|no one|nobody|no|hasn't|has not|hadn't|didn't|did not|don't|do not|"
    r"doesn't|does not|wasn't|was not|won't|isn't|is not|nothing|haven't|have not)\b"
    r"( \w+){0,3} $"
)

_COMPILED = {
    cat: re.compile(r"(?<![\w])(?:" + "|".join(p) + r")(?![\w])") for cat, p in CATEGORIES.items()
}
_HARMLESS = re.compile(r"(?<![\w])(?:" + "|".join(HARMLESS) + r")(?![\w])")
_MAX_CHARS = 20000


def _negated(text: str, start: int) -> bool:
    """True when a negator sits within three words before position start, in one clause."""
    window = text[max(0, start - 40) : start]
    window = re.split(r"[.!?;,]| but | and then ", window)[-1]
    return bool(_NEGATION.search(window + " " if not window.endswith(" ") else window))


def concerns(text: str) -> list[str]:
    """Category slugs whose signs appear in text, [] when none."""
    if not text:
        return []
    norm = normalise(text[:_MAX_CHARS])
    norm = " " + _HARMLESS.sub(" ~ ", norm) + " "
    found = []
    for cat, rx in _COMPILED.items():
        for match in rx.finditer(norm):
            if not _negated(norm, match.start()):
                found.append(cat)
                break
    return found
