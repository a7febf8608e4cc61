"""The hand-designed numbers the sentiment model reads (no words learned from any data).

How it works: the text is normalised (text-speak, quotes, letter runs; see `text.normalise`),
then described by ~40 hand-designed numbers — VADER's scores (with a few outreach words added
to its lexicon), counts from Lantern's own cue lexicons below (praise, complaint, suggestion,
negated praise / negated complaint, "nothing" answers, contrast words) and the question type.
A multinomial logistic regression over those numbers gives P(positive), P(neutral),
P(negative). Its coefficients (`sentiment_model.json`) hold no words: they are weights over
the features named in `FEATURE_NAMES`, fitted by `python -m analysis.train_sentiment`, which
also reports the cross-validated accuracy (docs/accuracy.md).
"""

from __future__ import annotations

import math
import re

from vaderSentiment.vaderSentiment import N_SCALAR, SentimentIntensityAnalyzer, negated

from analysis.text import normalise, word_set

LABELS = ("positive", "neutral", "negative")
_MAX_CHARS = 5000  # answers are capped at 1,000; longer input is read by its start only

# Words VADER lacks or misreads in outreach talk (valence on VADER's -4..4 scale).
# fmt: off
_VADER_EXTRA = {
    "lifesaver": 2.8, "lifesavers": 2.8, "brilliant": 2.8, "thanks": 2.0, "thank": 1.8,
    "cold": -1.2, "freezing": -1.6, "hungry": -1.2, "starving": -1.6, "knackered": -1.0,
    "skint": -1.4, "gutted": -2.0, "shite": -2.2, "minging": -2.0, "rank": -1.2,
    "grim": -1.8, "rude": -2.2, "moody": -1.4, "judgemental": -2.0, "judgmental": -2.0,
    "patronising": -2.0, "ignored": -1.8, "waiting": -0.6, "delayed": -1.2, "late": -0.5,
    "cancelled": -1.2, "understaffed": -1.8, "rushed": -1.2, "sorted": 1.4, "warm": 1.2,
    "welcoming": 2.2, "caring": 2.2, "reassuring": 1.8, "approachable": 1.8, "polite": 1.8,
    "professional": 1.6, "efficient": 1.6, "prompt": 1.2, "attentive": 1.8, "wicked": 1.5,
    "mint": 1.2, "lovely": 2.8, "fabulous": 2.8, "marvellous": 2.8, "excellent": 3.0,
    "unhelpful": -2.0, "unprofessional": -2.2, "dismissive": -2.0, "disgrace": -2.8,
    "shambles": -2.4, "useless": -2.2, "filthy": -2.2, "judge": -1.2, "judged": -1.8,
    "judging": -1.4, "judgey": -1.6, "ignore": -1.2, "baltic": -1.4, "soaked": -1.0,
    "sound": 0.8, "diamond": 2.0, "angels": 2.2, "legends": 2.4, "stars": 1.6,
}
# fmt: on

_PRAISE = word_set(
    """excellent brilliant great fantastic amazing helpful kind kindness lovely friendly caring
    professional thanks thank good wonderful superb polite reassuring supportive happy pleased
    satisfied love loved best perfect outstanding efficient quick quickly prompt promptly fabulous
    marvellous nice welcoming understanding patient respectful attentive informative
    compassionate considerate grateful thankful appreciated appreciate lifesaver safe warm
    listened listen listens cared comfortable clean fast smooth easy approachable gentle
    sympathetic calm excellently well exceptional incredible awesome beautiful glad relieved
    reliable fab fabulous sorted spot excellent impressed pleasant cheerful dedicated
    thorough professionalism compassion patience support supported advice care caring help
    helped helping respect kindly fantastically superbly efficiency friendliness"""
)
_COMPLAINT = word_set(
    """wait waiting waited delay delays delayed late rude ignored poor bad terrible awful dirty
    cold hungry lack lacking shortage understaffed cancelled lost wrong unhelpful unable
    difficult hard problem problems issue issues complain complaint complaints disappointed
    disappointing forgot forgotten slow slowly long hours worse worst nobody useless
    unprofessional dismissive disgusting horrible rushed confusing confused uncomfortable noisy
    noise mess missing empty freezing scared unsafe judged judging judgemental patronising
    shouted shouting moody miserable stressed stressful pain struggled struggle refused busy
    crowded expensive frustrating frustrated annoyed upset angry unacceptable disgrace
    shambles nowhere failed fail failure mistake mistakes error incorrect inadequate limited
    insufficient unclear unanswered abandoned neglected"""
)
_SUGGEST = word_set(
    """more less fewer better faster quicker sooner earlier longer shorter improve improved
    improvement improvements should could would need needs needed increase reduce ensure
    provide offer extra please wish maybe perhaps hopefully instead bigger warmer hotter
    cleaner nicer employ recruit hire add suggest suggestion recommend consider"""
)
_NEGATORS = word_set(
    """not no never nobody none nothing without hardly barely cannot neither nor"""
)
# The cue words, as the trainer's list of words the project itself wrote.
LEXICON_WORDS = tuple(sorted(_PRAISE | _COMPLAINT | _SUGGEST | _NEGATORS | set(_VADER_EXTRA)))
_CONTRAST = re.compile(
    r"\b(but|however|although|though|except|apart from|other than|only thing|shame|"
    r"unfortunately|whereas|despite)\b"
)
_NO_FAULT = re.compile(
    r"\b(can't|cannot|couldn't|could not|can not) (fault|complain|improve|think of)|"
    r"\bno (complaints?|problems?|issues?|faults?)\b|\bnothing (to|i'd|i would|could|"
    r"needs?|really|at all|else|more)\b|\bkeep (it )?(up|going|doing)|\bcarry on\b|"
    r"\b(don't|wouldn't|would not|do not) change\b|\bspot on\b|\b10 ?/ ?10\b|\b100 ?%|"
    r"\bfirst class\b|\bfive stars?\b|\b5 stars?\b|\bcouldn't (be|have been) better\b|"
    r"\bcouldn't ask for\b|\bcould not (be|have been) better\b|\bperfect as\b|"
    r"\b(could|can)(n't| not) (have )?(do|done|be|been) (any|much )?(better|more)\b|"
    r"\b(could|can)(n't| not) be improved\b|\bnothing (could|can) be improved\b|"
    r"\b(couldn't|could not|can't|cannot) (have |of )?(asked|done|wished|managed|praise)\b|"
    r"\bnothing (that |else |more )?(could|can|should) (have )?(be|been|done)\b|"
    r"\beverything (is|was|went) (ok|okay|fine|right|great|good|perfect|brilliant)\b|"
    r"\bjust right\b|\bcan't praise\b|\bthank you\b|\bthanks\b"
)
# "I don't think anything could have been done better": a negated wish for change is praise.
_NEGATED_IMPROVEMENT = re.compile(
    r"\b(don't|do not|didn't|can't|cannot|couldn't|could not|not|nothing|never|no)\b"
    r"(?![ ](enough|sure)\b)[^.!?]{0,45}?\b(better|improve\w*|change\w*|fault|any more|"
    r"anything more|anything else)\b|\b(you|they|we) (couldn't|could not|can't|cannot)$"
)
# Answers to "what could we do better?" that start with a doing-word are suggestions.
_ACTION_START = re.compile(r"^(not (?!really|sure|much|a lot|a thing|that)\w+|\w+ing)\b")
# Excusing a problem ("I understand you're busy") pulls a complaint towards mixed.
_MITIGATION = re.compile(
    r"\b(understand\w*|appreciate|pressure\w*|expected|covid|pandemic|not (your|their) fault|"
    r"can't be helped|i know|realise|realize|to be fair|in fairness|under the circumstances|"
    r"short[- ]staffed|doing (their|your) best|do (their|your) best|busy)\b"
)
_BECAUSE_START = re.compile(r"^(because|as|since|due to|coz|i think|i feel|i was|i had|we|my)\b")
_FIRST_PERSON = frozenset(("i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "our", "us"))
# Narrating what happened ("I was told...", "they said...") is often neither praise nor blame.
_REPORTED = re.compile(
    r"\b(was|were|been) (told|sent|taken|given|seen|asked|advised)\b|"
    r"\b(they|he|she) (said|told|asked)\b"
)
# Being let down: the van or the call that never came.
_NO_SHOW = re.compile(
    r"\b(never|didn't|did not|don't|doesn't|does not|wasn't|weren't|no one|nobody|not) "
    r"(even )?(came|come|turned up|turn up|arrived|arrive|showed|show|called|call|rang|ring|"
    r"answered|answer|got back|get back|bothered|there|here|listened|listen|responded|"
    r"returned|helped|help)\b|\blet (me|us) down\b|\bno (reply|answer|response|show)\b"
)
# Lukewarm words: neither praise nor blame ("it was ok", "sometimes good, sometimes not").
_HEDGE = re.compile(
    r"\b(ok|okay|fine|alright|average|not bad|could be worse|so so|mixed|sometimes|depends|"
    r"mostly|some|fairly|reasonable|reasonably|adequate|satisfactory|decent|bit|slightly|"
    r"quite|partly|on the whole|overall|generally|usually|normally|apart|except)\b"
)
_SLOW = re.compile(
    r"\b(took|takes|taking|waited|wait(ing)? (of|for)|over|more than|nearly|almost) "
    r"(almost |over |about |nearly |around )?(an? |\d+ |two |three |four |five |six )?"
    r"(hour|hours|hrs|minutes|mins|days|weeks|months)\b"
)
_FAST = re.compile(
    r"\b(within|in (just |only |under )?|less than|under) (an? |\d+ |half an )?"
    r"(hour|hours|minutes|mins|min)\b|\b(straight away|right away|immediately|on time|"
    r"no wait|quickly|promptly|swiftly)\b"
)
_SUGGEST_PHRASE = re.compile(
    r"\b(could|should|would|might) (have|be|do|use|get|try|make|give)\b|"
    r"\bwould (be )?(nice|good|great|better|helpful|help)\b|\bnot enough\b|\btoo (few|many|"
    r"long|late|early|short|cold|busy|slow|much|little)\b|\b(ran|run|running) out\b|"
    r"\bneed(s|ed)? (to|more)\b|\bif (only|there|you|they)\b|\bit'd be\b"
)
_NOTHING_ANSWER = re.compile(
    r"^((absolutely|really|honestly|just|erm|um|well|i think|there's|there is|no|not) )?"
    r"(no|none|nothing|nil|n a|n/a|na|not really|not applicable|no comment|no comments|"
    r"no thanks|nothing thanks|all good|all fine|can't think of anything|nothing i can think of|"
    r"nothing really|nothing at all|nothing else|nothing much|none at all|no nothing|not much|"
    r"not a lot|not a thing|nothing to add|nothing to say|nothing more|no changes?|"
    r"nothing that i can think of|not that i can think of|no i don't think so)"
    r"( (really|thanks|thank you|at all|everything|it's|all|i|i'm|was|is|you|they|the|keep|"
    r"as|for|from|that|so|here|else|to|n a|nothing|none|ok|okay|fine)\b.*)?$"
)
_NOTHING_START = re.compile(r"^(no|none|nothing|nil|not a thing)\b")
_EVERYTHING_ANSWER = re.compile(r"^(everything|all of it|all|the lot|everything really)$")
_DONT_KNOW = re.compile(r"^(i )?(don't know|do not know|not sure|no idea|unsure|no opinion)$")

# fmt: off
FEATURE_NAMES: tuple[str, ...] = (
    "vader_compound", "vader_pos", "vader_neg", "q_could_improve", "q_what_good",
    "nothing_answer", "nothing_answer_x_could_improve", "nothing_answer_x_what_good",
    "nothing_start", "nothing_start_x_could_improve", "everything_answer",
    "everything_answer_x_could_improve", "dont_know", "praise", "complaint", "suggest",
    "suggest_phrase", "no_fault", "negated_praise", "negated_complaint", "negators",
    "contrast", "praise_and_complaint", "log_words", "short", "no_sentiment_words",
    "compound_x_could_improve", "compound_x_what_good", "praise_x_could_improve",
    "complaint_x_could_improve", "suggest_x_could_improve", "suggest_x_what_good",
    "no_sentiment_x_could_improve", "complaint_x_what_good", "question_marks", "exclamations",
    "mixed_vader", "comparative_start", "too_many_words", "negated_suggest", "slow", "fast",
    "strong_pos", "weak_pos", "flat", "weak_neg", "strong_neg", "praise_only", "complaint_only",
    "after_contrast_compound", "before_contrast_compound", "comparative_start_x_could_improve",
    "negated_improvement", "action_start", "action_start_x_could_improve", "mitigation",
    "because_start", "because_start_x_could_improve", "first_person", "numbers", "reported",
    "never_word", "no_show", "hedges",
)
# fmt: on

_COMPARATIVE_START = re.compile(
    r"^(more|less|fewer|better|faster|quicker|sooner|earlier|longer|shorter|bigger|warmer|"
    r"extra|increase|reduce|improve|improved|maybe|perhaps|please|provide|ensure|have|get|"
    r"make|need|needs|open|stay|come|be|put|give|stop|don't|do|try|offer|bring|hire|decrease|"
    r"insist|explain|listen|find|manage|organise|organize|allow|let|check|answer|call|ring|"
    r"update|tell|send|speed|employ|keep|start|add|change|sort|fix|train|learn|treat|look|"
    r"consider|respond|reply|arrive|turn|show|help|ask|avoid|use|lower|raise)\b"
)


class _Vader(SentimentIntensityAnalyzer):
    """VADER, reading the same scores faster: its negation check lower-cased every word of
    the answer for each of up to three looks per sentiment word; this one lower-cases only
    the word it reads (tests/test_analysis_sentiment.py checks the scores are identical)."""

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list, start_i: int, i: int):
        def low(k: int) -> str:
            return str(words_and_emoticons[k]).lower()

        if start_i == 0 and negated([low(i - 1)]):  # 1 word preceding the lexicon word
            valence = valence * N_SCALAR
        if start_i == 1:
            if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 2) == "without" and low(i - 1) == "doubt":
                pass
            elif negated([low(i - 2)]):  # 2 words preceding
                valence = valence * N_SCALAR
        if start_i == 2:
            if (low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this")) or (
                low(i - 1) == "so" or low(i - 1) == "this"
            ):
                valence = valence * 1.25
            elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                pass
            elif negated([low(i - 3)]):  # 3 words preceding
                valence = valence * N_SCALAR
        return valence


_analyzer = _Vader()
_analyzer.lexicon.update(_VADER_EXTRA)


def _valence(clause: str) -> float:
    """A quick VADER-style valence of a clause: lexicon sum squashed into [-1, 1]."""
    lexicon = _analyzer.lexicon
    total = sum(lexicon.get(word, 0.0) for word in clause.split())
    return total / math.sqrt(total * total + 15.0)


def _question_kind(question: str | None) -> str:
    """what_good / could_improve / anything_else (unknown or nonspecific -> anything_else)."""
    return question if question in ("what_good", "could_improve") else "anything_else"


def _is_negator(word: str) -> bool:
    """True for "not", "never", "nobody"... and any "-n't" word."""
    return word in _NEGATORS or word.endswith("n't")


WORD_PATTERN = r"[a-z']+"
_WORD = re.compile(WORD_PATTERN)


def words(norm: str) -> list[str]:
    """The words of normalised text, as the model's word weights count them."""
    return _WORD.findall(norm)


def features(text: str, question: str | None = None) -> list[float]:
    """The numbers the model reads for one answer, in FEATURE_NAMES order."""
    return read(text, question)[0]


def read(text: str, question: str | None = None) -> tuple[list[float], list[str]]:
    """features(text, question) and the words of the normalised answer, from one pass."""
    norm = normalise((text or "")[:_MAX_CHARS])
    tokens = [t for t in norm.split() if t[0].isalnum()]
    bare = " ".join(tokens)
    q = _question_kind(question)
    ci = 1.0 if q == "could_improve" else 0.0
    wg = 1.0 if q == "what_good" else 0.0

    vader = _analyzer.polarity_scores(norm) if tokens else {"compound": 0.0, "pos": 0, "neg": 0}
    compound = float(vader["compound"])

    praise = complaint = suggest = negated_suggest = negated_praise = negated_complaint = 0
    negators = 0
    last_negator = -4  # a word is negated when a negator is among the three before it
    for i, token in enumerate(tokens):
        is_negated = i - last_negator <= 3
        if _is_negator(token):
            negators += 1
            last_negator = i
        if token in _PRAISE:
            if is_negated:
                negated_praise += 1
            else:
                praise += 1
        elif token in _COMPLAINT:
            if is_negated:
                negated_complaint += 1
            else:
                complaint += 1
        if token in _SUGGEST:
            if is_negated:
                negated_suggest += 1
            else:
                suggest += 1

    nothing_answer = 1.0 if _NOTHING_ANSWER.match(bare) else 0.0
    nothing_start = 1.0 if _NOTHING_START.match(bare) and not nothing_answer else 0.0
    everything = 1.0 if _EVERYTHING_ANSWER.match(bare) else 0.0
    no_fault = len(_NO_FAULT.findall(bare))
    suggest_phrase = len(_SUGGEST_PHRASE.findall(bare))
    no_sentiment = (
        1.0
        if (
            praise + complaint + negated_praise + negated_complaint == 0
            and vader["pos"] == 0
            and vader["neg"] == 0
        )
        else 0.0
    )
    n_words = len(tokens)
    before = after = 0.0
    contrast = _CONTRAST.search(bare)
    if contrast and contrast.start() > 0:
        before = _valence(bare[: contrast.start()])
        after = _valence(bare[contrast.end() :])
    comparative_start = 1.0 if _COMPARATIVE_START.match(bare) else 0.0
    because_start = 1.0 if _BECAUSE_START.match(bare) else 0.0
    action_start = 1.0 if _ACTION_START.match(bare) and not nothing_answer else 0.0
    values = [
        compound,
        float(vader["pos"]),
        float(vader["neg"]),
        ci,
        wg,
        nothing_answer,
        nothing_answer * ci,
        nothing_answer * wg,
        nothing_start,
        nothing_start * ci,
        everything,
        everything * ci,
        1.0 if _DONT_KNOW.match(bare) else 0.0,
        math.log1p(praise),
        math.log1p(complaint),
        math.log1p(suggest),
        math.log1p(suggest_phrase),
        math.log1p(no_fault),
        math.log1p(negated_praise),
        math.log1p(negated_complaint),
        math.log1p(negators),
        math.log1p(len(_CONTRAST.findall(bare))),
        1.0 if praise and (complaint or negated_praise) else 0.0,
        math.log1p(n_words),
        1.0 if n_words <= 3 else 0.0,
        no_sentiment,
        compound * ci,
        compound * wg,
        math.log1p(praise) * ci,
        math.log1p(complaint) * ci,
        math.log1p(suggest) * ci,
        math.log1p(suggest) * wg,
        no_sentiment * ci,
        math.log1p(complaint) * wg,
        math.log1p(norm.count("?")),
        math.log1p(norm.count("!")),
        1.0 if vader["pos"] > 0.1 and vader["neg"] > 0.1 else 0.0,
        comparative_start,
        1.0 if n_words > 60 else 0.0,
        math.log1p(negated_suggest),
        math.log1p(len(_SLOW.findall(bare))),
        math.log1p(len(_FAST.findall(bare))),
        1.0 if compound >= 0.6 else 0.0,
        1.0 if 0.05 < compound < 0.6 else 0.0,
        1.0 if -0.05 <= compound <= 0.05 else 0.0,
        1.0 if -0.5 < compound < -0.05 else 0.0,
        1.0 if compound <= -0.5 else 0.0,
        1.0 if praise and not complaint else 0.0,
        1.0 if complaint and not praise else 0.0,
        after,
        before,
        comparative_start * ci,
        math.log1p(len(_NEGATED_IMPROVEMENT.findall(bare))),
        action_start,
        action_start * ci,
        math.log1p(len(_MITIGATION.findall(bare))),
        because_start,
        because_start * ci,
        sum(t in _FIRST_PERSON for t in tokens) / (1 + n_words),
        math.log1p(sum(t[0].isdigit() for t in tokens)),
        math.log1p(len(_REPORTED.findall(bare))),
        math.log1p(tokens.count("never")),
        math.log1p(len(_NO_SHOW.findall(bare))),
        math.log1p(len(_HEDGE.findall(bare))),
    ]
    return values, words(norm)
