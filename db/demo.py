"""Synthetic, realistic outreach feedback for demos and benchmarks.

Every sentence was written for Lantern; none comes from real feedback. The free-text
answers are drawn from the project's blind-written training corpus (corpus/train: many
voices, six languages, text-speak and slang), each with the kiosk language she would have
chosen, so a newcomer's dashboards and review queue look like a real month: no sentence
repeated dozens of times, and disclosures at a realistic rate (about 2 in 100 answers), not
the corpus's one in five. The numbers follow patterns a co-ordinator would recognise:
busier weekend nights, coats and blankets asked for in winter, a late-night slot that
suits more women than the early one.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis.pipeline import TextAnalysis, analyse
from analysis.themes import Framework
from db.service_day import service_date_now
from db.submissions import unread_or

GOOD = (
    "The hot chocolate and a proper chat, ta x",
    "staff are always kind to me, never judge",
    "Soup was lovely tonight",
    "u lot are the only ones who check on me",
    "Warm socks and a cuppa, perfect",
    "Felt safe in the van for a bit",
    "The girls on the van are amazing",
    "Got a new coat, it's freezing out",
    "Nice to have somewhere to sit down and get warm",
    "They listened to me and didn't rush me",
    "Condoms and lube, and the nurse was there",
    "Really good sandwiches tonight",
    "Being able to charge my phone",
    "Everything, you're a lifesaver",
    "Toiletries and someone to talk to",
    "The worker helped me sort my script",
    "Hot food and no questions asked",
    "Kind words when I needed them",
    "ta for the blanket",
    "Friendly faces every week",
    "Helped me with my housing forms",
    "The drop in is warm and safe",
    "Great brew and biscuits",
    "They remembered my name and asked how I was",
    "Got tampons and pads which I really needed",
)
BETTER = (
    "Nothing",
    "nothing u r all great",
    "No complaints",
    "Come out later, I'm not out till after midnight",
    "More socks and underwear please",
    "The van could come to the industrial estate more",
    "Sometimes you run out of hot food",
    "More sanitary stuff",
    "Can you come on Sundays",
    "Earlier on a Tuesday would be better",
    "Bigger sizes in clothes",
    "It was cold waiting for the van",
    "Phone chargers that work with my phone",
    "More time to talk, it was rushed tonight",
    "Need more coats now it's winter",
    "Wish the drop in was open on weekends",
    "Hand warmers would be good",
    "More foil and clean kit",
    "Not enough food by the time you got to us",
    "Someone was rude to me at the door",
    "Help with getting to the doctor",
    "Better info about the clinic times",
    "A quieter space to talk",
    "Longer hours on a Friday",
    "Dry shampoo and wipes",
)
CONCERNS = (
    "A punter followed me after the van left and I'm scared",
    "My fella takes all my money and hits me",
    "I'm not safe tonight",
    "My mate overdosed last week",
    "Someone is making me work and keeps my phone",
    "I keep thinking about ending it",
)
# Comments that only start in the last two months, so "emerging terms" has something to find.
RECENT_BETTER = (
    "The new stop by the retail park is too dark",
    "Can we get hand warmers",
    "hand warmers and lip balm please",
    "The retail park stop feels dodgy at night",
)
OPENERS = ("", "", "", "", "Honestly ", "Tbh ", "Just ", "Um ")
CLOSERS = ("", "", "", " x", " ta", " thanks", " :)", "!!", " xx")
OTHER_PROVISIONS = ("hand warmers", "lip balm", "umbrellas", "torches", "plasters", "")

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "train"
CONCERN_RATE = 0.02  # of free-text answers


@dataclass(frozen=True)
class _Pools:
    """The corpus answers the demo draws from: harmless ones by question, and disclosures."""

    harmless: dict[str, tuple[tuple[str, str], ...]]  # question -> ((text, language), ...)
    concerns: tuple[tuple[str, str], ...]


@functools.cache
def corpus_pools() -> _Pools:
    """The blind-written training answers (T*.csv), or the built-in lists if absent."""
    harmless: dict[str, list[tuple[str, str]]] = {}
    concerns: list[tuple[str, str]] = []
    for path in sorted(CORPUS.glob("T*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                item = (row["text"], row["lang"])
                if row["safeguarding"]:
                    concerns.append(item)
                else:
                    harmless.setdefault(row["question"], []).append(item)
    if not harmless:  # a copy without the corpus: the short built-in lists
        harmless = {
            "what_good": [(t, "en") for t in GOOD],
            "could_improve": [(t, "en") for t in BETTER],
            "provision_other": [(t, "en") for t in OTHER_PROVISIONS if t],
        }
        concerns = [(t, "en") for t in CONCERNS]
    return _Pools({q: tuple(v) for q, v in harmless.items()}, tuple(concerns))


# How often each provision is asked for (winter adds coats and blankets).
PROVISION_WEIGHTS = {
    "hot_food": 30,
    "hot_drinks": 26,
    "clothes": 12,
    "underwear": 18,
    "socks": 20,
    "coats_blankets": 8,
    "toiletries": 16,
    "sanitary": 14,
    "condoms_lube": 15,
    "harm_reduction": 9,
    "phone_charging": 11,
    "someone_to_talk_to": 13,
}
SLOT_WEIGHTS = {
    "daytime": 3,
    "early_evening": 8,
    "late_evening": 20,
    "night": 16,
    "small_hours": 6,
}
DAY_WEIGHTS = (8, 10, 9, 12, 18, 20, 9)  # Mon..Sun: the van is busiest Fri/Sat
RATING_WEIGHTS = (46, 30, 12, 8, 4)  # very good .. very poor


# Who used what: the service a site mostly runs, and the programmes some women are in.
SITE_SERVICES = {"drop-in": "drop_in"}  # every other site is a van route
OTHER_SERVICES = {"key_work": 0.12, "recovery_group": 0.06}


@dataclass(frozen=True)
class DemoConsultationSpec:
    """A consultation the demo asks, with dates counted back from today."""

    question: str
    choices: tuple[tuple[str, str], ...]  # (icon, label); empty for faces
    weights: tuple[int, ...]  # how often each choice is picked
    text_prompt: str | None
    texts: tuple[str, ...]
    starts_days_ago: int
    ends_days_ago: int  # negative: still to come
    closed_days_ago: int | None = None  # closed early (None: at its end, or still open)
    sites: tuple[str, ...] = ()
    kind: str = "choices"


DEMO_CONSULTATIONS = (
    DemoConsultationSpec(
        question="We're thinking of moving Tuesday's van to Wednesday. Would that work for you?",
        choices=(("👍", "Yes, Wednesday works"), ("👎", "No, Tuesday is better"), ("🤷", "Either")),
        weights=(52, 21, 27),
        text_prompt="Anything else about the van's days?",
        texts=(
            "Wednesday is better for me, Tuesdays I have my kids",
            "Please don't stop Tuesdays, it's the only night I get out",
            "Either is fine as long as you still come late",
            "Wednesday works, same time please",
            "I'd come both nights if I could",
        ),
        starts_days_ago=150,
        ends_days_ago=122,
    ),
    DemoConsultationSpec(
        question="Would you come to a Sunday afternoon drop-in?",
        choices=(("☀️", "Yes, most weeks"), ("🌤️", "Sometimes"), ("🌙", "No, evenings suit me")),
        weights=(38, 35, 27),
        text_prompt="What would make a Sunday drop-in worth coming to?",
        texts=(
            "A proper Sunday dinner would be amazing",
            "Somewhere warm to sit and have a shower",
            "Only if the nurse is there",
            "Sundays are lonely, yes please",
            "I sleep in the day so probably not",
        ),
        starts_days_ago=70,
        ends_days_ago=42,
        closed_days_ago=45,
        sites=("drop-in",),
    ),
    DemoConsultationSpec(
        question="How would you feel about a women-only nurse clinic on the van?",
        choices=(),
        weights=(44, 30, 14, 7, 5),
        text_prompt="What would make it work for you?",
        texts=(
            "Yes please, I don't like going to the walk in",
            "A female nurse would be so much better",
            "Depends what night it is",
            "Could they do the jabs too",
            "I'd rather go to the clinic",
        ),
        starts_days_ago=10,
        ends_days_ago=-18,
        kind="faces",
    ),
)
CONSULTATION_ANSWER_RATE = 0.55  # of the visits that were asked
CONSULTATION_TEXT_RATE = 0.3  # of the women who answered


@dataclass(frozen=True)
class DemoConsultation:
    """A stored consultation the demo women answer while it runs."""

    id: int
    starts_on: dt.date
    last_day: dt.date  # the last day it took answers
    sites: tuple[str, ...]  # slugs; empty = every site
    spec: DemoConsultationSpec


@dataclass(frozen=True)
class DemoConsultationAnswer:
    """A synthetic answer to a consultation: a choice position and perhaps words."""

    consultation_id: int
    choice: int | None
    reading: TextAnalysis | None


@dataclass(frozen=True)
class DemoAnswer:
    """A synthetic free-text answer, already analysed."""

    question: str
    reading: TextAnalysis


@dataclass(frozen=True)
class DemoSubmission:
    """One synthetic kiosk visit."""

    service_date: dt.date
    site_slug: str | None
    rating: int | None
    assisted: bool
    provisions: tuple[str, ...]
    slots: tuple[tuple[int, str], ...]
    places: tuple[str, ...]
    answers: tuple[DemoAnswer, ...]
    services: tuple[str, ...] = ()
    consultation_answers: tuple[DemoConsultationAnswer, ...] = field(default_factory=tuple)
    language: str = "en"  # the kiosk language she chose


def _dates(rng: random.Random, months: int, today: dt.date) -> Callable[[], dt.date]:
    """A sampler of service dates over the last `months` months, busier on weekends."""
    start = today - dt.timedelta(days=int(months * 30.44))
    days = [start + dt.timedelta(days=i) for i in range((today - start).days + 1)]
    weights = [DAY_WEIGHTS[d.weekday()] * (1 + 0.5 * i / len(days)) for i, d in enumerate(days)]
    cumulative = []
    total = 0.0
    for w in weights:
        total += w
        cumulative.append(total)
    return lambda: rng.choices(days, cum_weights=cumulative, k=1)[0]


def generate(
    n: int,
    months: int = 12,
    *,
    sites: list[str],
    provisions: list[str],
    slots: list[str],
    seed: int = 7,
    today: dt.date | None = None,
    framework: Framework | None = None,
    services: Sequence[str] = (),
    consultations: Sequence[DemoConsultation] = (),
) -> Iterator[DemoSubmission]:
    """Yield n synthetic submissions; the same seed gives the same data.

    Services used and consultation answers draw on a second random stream, so the rest
    of the data is what the same seed gave before they existed.
    """
    rng = random.Random(seed)
    extra = random.Random(seed + 1)
    pick_date = _dates(rng, months, today or service_date_now())
    cache: dict[tuple[str, str, str], TextAnalysis] = {}
    site_weights = [5, 3, 4][: len(sites)] + [2] * max(0, len(sites) - 3)
    provision_weights = [PROVISION_WEIGHTS.get(p, 8) for p in provisions]
    slot_weights = [SLOT_WEIGHTS.get(s, 5) for s in slots]

    def phrase(options: tuple[str, ...]) -> str:
        text = rng.choice(options)
        opener = rng.choice(OPENERS)
        if opener:
            text = opener + text[0].lower() + text[1:]
        return text + rng.choice(CLOSERS)

    recent_from = (today or service_date_now()) - dt.timedelta(days=60)

    pools = corpus_pools()

    def reading(text: str, question: str, language: str = "en") -> TextAnalysis:
        key = (text, question, language)
        if key not in cache:
            cache[key] = unread_or(analyse(text, question, framework, language))
        return cache[key]

    def draw(question: str) -> tuple[str, str]:
        """(text, language) of one answer to question: now and then a disclosure."""
        if pools.concerns and rng.random() < CONCERN_RATE:
            return rng.choice(pools.concerns)
        return rng.choice(pools.harmless.get(question) or pools.harmless["what_good"])

    for _ in range(n):
        day = pick_date()
        winter = day.month in (11, 12, 1, 2)
        site = rng.choices(sites, weights=site_weights)[0] if rng.random() < 0.93 else None
        rating = None if rng.random() < 0.08 else rng.choices(range(1, 6), RATING_WEIGHTS)[0]
        chosen = set()
        for _ in range(rng.choices((0, 1, 2, 3, 4), (10, 30, 30, 20, 10))[0]):
            chosen.add(rng.choices(provisions, weights=provision_weights)[0])
        if winter and "coats_blankets" in provisions and rng.random() < 0.35:
            chosen.add("coats_blankets")
        times = set()
        for _ in range(rng.choices((0, 1, 2, 3), (25, 40, 25, 10))[0]):
            times.add(
                (
                    rng.choices(range(7), DAY_WEIGHTS)[0],
                    rng.choices(slots, weights=slot_weights)[0],
                )
            )
        places = tuple(rng.sample(sites, k=1)) if rng.random() < 0.2 else ()
        answers = []
        languages = set()
        if rng.random() < 0.38:
            text, lang = draw("what_good")
            languages.add(lang)
            answers.append(DemoAnswer("what_good", reading(text, "what_good", lang)))
        if rng.random() < 0.32:
            if day >= recent_from and rng.random() < 0.2:
                text, lang = phrase(RECENT_BETTER), "en"
            else:
                text, lang = draw("could_improve")
            languages.add(lang)
            answers.append(DemoAnswer("could_improve", reading(text, "could_improve", lang)))
        if rng.random() < 0.05:
            text, lang = draw("provision_other")
            languages.add(lang)
            answers.append(DemoAnswer("provision_other", reading(text, "provision_other", lang)))
        yield DemoSubmission(
            service_date=day,
            site_slug=site,
            rating=rating,
            assisted=rng.random() < 0.07,
            provisions=tuple(sorted(chosen)),
            slots=tuple(sorted(times)),
            places=places,
            answers=tuple(answers),
            services=_services_used(extra, site, services),
            consultation_answers=_consultation_answers(extra, day, site, consultations, reading),
            language=min(languages - {"en"}, default="en"),
        )


def _services_used(rng: random.Random, site: str | None, known: Sequence[str]) -> tuple[str, ...]:
    """What she says she used: mostly the site's own service, sometimes a programme too."""
    if not known or rng.random() < 0.15:  # some skip the question
        return ()
    used = {SITE_SERVICES.get(site or "", "outreach_van")}
    used |= {name for name, rate in OTHER_SERVICES.items() if rng.random() < rate}
    return tuple(sorted(used & set(known)))


def _consultation_answers(
    rng: random.Random,
    day: dt.date,
    site: str | None,
    consultations: Sequence[DemoConsultation],
    reading: Callable[[str, str], TextAnalysis],
) -> tuple[DemoConsultationAnswer, ...]:
    """Her answers to the demo consultations running that day where she was."""
    answers = []
    for asked in consultations:
        running = asked.starts_on <= day <= asked.last_day
        here = not asked.sites or site in asked.sites
        if not (running and here) or rng.random() >= CONSULTATION_ANSWER_RATE:
            continue
        spec = asked.spec
        choice = rng.choices(range(len(spec.weights)), weights=spec.weights)[0]
        words = None
        if spec.text_prompt and rng.random() < CONSULTATION_TEXT_RATE:
            words = reading(rng.choice(spec.texts), "consultation")
        answers.append(DemoConsultationAnswer(asked.id, choice, words))
    return tuple(answers)
