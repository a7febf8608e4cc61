"""The kiosk form (SPEC §3): big targets, no chrome, quick exit, inactivity wipe."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import streamlit as st

from analysis.text import MAX_ANSWER_CHARS
from db import actions, config, consultations, settings, translations
from db.catalogue import Catalogue, load_catalogue
from db.consultations import KioskConsultation
from db.models import DAYS
from db.session import read_session
from db.submissions import (
    OTHER_PROVISION_MAX_CHARS,
    ConsultationAnswer,
    FeedbackForm,
    SubmissionError,
    is_send_key,
    new_send_key,
    service_date_now,
    submit_feedback,
)
from locales import FALLBACK, Words, available, words
from pages import _streamlit_chrome as chrome
from pages import _tablet
from pages._speak import read_aloud


def idle_seconds() -> int:
    """Seconds without a touch mid-form before everything entered is wiped (SPEC §3.6)."""
    return config.current().kiosk_idle_seconds  # LANTERN_KIOSK_IDLE_SECONDS


# SPEC §3.6: a card that holds a concern stays at least this long, time to note a number.
CONCERN_RETURN_SECONDS = 60


def return_seconds(concern: bool = False) -> int:
    """Seconds the thank-you screen stays before going back to Welcome (SPEC §3.6: 20 s by
    default, LANTERN_KIOSK_RETURN_SECONDS; at least 60 s when the card holds a concern)."""
    configured = config.current().kiosk_return_seconds  # LANTERN_KIOSK_RETURN_SECONDS
    return max(configured, CONCERN_RETURN_SECONDS) if concern else configured


DOUBLE_TAP_SECONDS = 10


def safe_exit_url(url: str | None) -> str:
    """url if it is a plain http(s) address, else the default neutral site."""
    if url:
        parsed = urlparse(url.strip())
        if parsed.scheme in ("http", "https") and parsed.netloc:
            return url.strip()
    return settings.DEFAULT_EXIT_URL


def _js_string(value: str) -> str:
    """A JavaScript string literal that cannot close the surrounding <script>."""
    return json.dumps(value).replace("</", "<\\/").replace("<!--", "<\\!--")


_CSS = Path(__file__).with_name("_kiosk.css")
_NO_NAVIGATION = (
    "<style>[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'] "
    "{ display: none !important; }</style>"
)


def style(hide_navigation: bool = True) -> None:
    """Apply the kiosk's low-glare, big-target style; hide Streamlit's chrome and menus."""
    st.html(_CSS)
    if hide_navigation:
        st.html(_NO_NAVIGATION)


# The kiosk's text boxes (CSS selector -> max_chars), cut to fit in the browser (below).
_BOX_LIMITS = {
    ".st-key-provision_other input": OTHER_PROVISION_MAX_CHARS,
    "textarea": MAX_ANSWER_CHARS,
}


def behaviour(
    exit_url: str, idle: int, step: str = "welcome", memory: dict | None = None
) -> _tablet.PageSays:
    """Install quick exit (Exit, Shift x3), the idle wipe and the connection-loss handling
    in the browser (pages/_tablet.js); what the page asked for in this run.

    memory is her form as the server holds it, for the page to keep (see _memory()). On the
    thank-you screen the page also knows when it should go back to Welcome, so that with
    the connection down the screen (whose card may hold a concern) still goes blank.
    """
    chrome.hide_connection_chrome()
    concern = bool((ss.get("kiosk_result") or {}).get("concerns"))
    return _tablet.mount(
        exit_url=exit_url,
        idle_seconds=idle,
        limits=_BOX_LIMITS,
        step=step,
        memory=memory,
        keep=TYPED_KEYS.pattern,
        return_seconds=return_seconds(concern) if step == "thanks" else None,
    )


def leave_now(exit_url: str) -> None:
    """Blank the page and replace it (no history entry) with the neutral site."""
    st.html(
        f"""<script>
document.title = '';
document.documentElement.style.background = '#ffffff';
if (document.body) document.body.style.visibility = 'hidden';
(function () {{
  var L = window.__lantern = window.__lantern || {{}};
  if (!L.gone) {{ L.gone = true; window.location.replace({_js_string(exit_url)}); }}
}})();
</script>""",
        unsafe_allow_javascript=True,
    )


log = logging.getLogger(__name__)

FORM_STEPS = ("rating", "provisions", "times", "text")
CONSULT_STEP = "consult"  # the extra step while a consultation is open here
ANSWER_KEYS = (
    "services",
    "rating",
    "provisions",
    "provision_other",
    "slots",
    "places",
    "text_good",
    "text_better",
)
# The widgets each step draws (a consultation step draws its consultation_<id> keys).
STEP_KEYS = {
    "welcome": ("kiosk_language",),
    "rating": ("services", "rating"),
    "provisions": ("provisions", "provision_other"),
    "times": ("slots", "places"),
    "text": ("text_good", "text_better"),
}
# A consultation's widgets are keyed by its id (CONTRACT.md): consultation_<id>[_text].
CONSULTATION_KEY = re.compile(r"^consultation_\d+(?:_text)?$")
# State that belongs to one visit and is wiped with it.
VISIT_KEYS = (
    *ANSWER_KEYS,
    "kiosk_step",
    "kiosk_result",
    "kiosk_thanks_at",
    "kiosk_language",
    "kiosk_consultations",
    "kiosk_send_again",
    "kiosk_send_key",
)

ss = st.session_state


@st.cache_data(ttl=60, show_spinner=False)
def _catalogue() -> Catalogue:
    """The active sites, provisions and slots (refreshed every minute)."""
    with read_session() as session:
        return load_catalogue(session)


@st.cache_data(ttl=60, show_spinner=False)
def _service_settings() -> tuple[str, tuple[settings.Helpline, ...]]:
    """The exit site and helplines an admin has set."""
    with read_session() as session:
        return settings.exit_url(session), settings.helplines(session)


@st.cache_data(ttl=60, show_spinner=False)
def _translations(language: str) -> dict[tuple[str, str], translations.Translated]:
    """Staff's words in this language, in one query (refreshed every minute)."""
    with read_session() as session:
        return translations.translations_for(session, language)


Namer = Callable[..., str]


def names_in(w: Words) -> Namer:
    """How she reads the things staff named, in her language (issue 14).

    name(kind, slug, english, labels=None): staff's translation (db/translations.py, while
    the English is what it was written for), else the locale file's `<labels>.<slug>` (the
    default catalogue), else the English name. If the database cannot give translations, the
    English names do: the kiosk never fails for want of one (only the error's type is logged).
    """
    if w.code == FALLBACK:
        return lambda kind, slug, english, labels=None: english
    try:
        table = _translations(w.code)
    except Exception as exc:
        log.warning("Kiosk translations unavailable: %s", type(exc).__name__)
        table = {}
    english_words = words(FALLBACK)

    def name(kind: str, slug: str, english: str, labels: str | None = None) -> str:
        found = translations.lookup(table, kind, slug, english)
        if found:
            return found
        key = f"{labels}.{slug}"
        built_in = w.get(key) if labels else None
        # Her language's own words only, not the English merged in under them.
        if isinstance(built_in, str) and built_in and built_in != english_words.get(key):
            return built_in
        return english

    return name


def consultations_in(name: Namer, items: list[KioskConsultation]) -> list[KioskConsultation]:
    """This visit's consultations with their question, answers and prompt in her language."""
    return [
        replace(
            item,
            question=name("consultation", str(item.id), item.question),
            text_prompt=item.text_prompt
            and name("consultation_prompt", str(item.id), item.text_prompt),
            choices=tuple(
                replace(c, label=name("consultation_choice", f"{item.id}:{c.position}", c.label))
                for c in item.choices
            ),
        )
        for item in items
    ]


def answer_keys() -> list[str]:
    """Every key holding something she entered: the fixed ones and any consultation's."""
    dynamic = [k for k in ss if isinstance(k, str) and CONSULTATION_KEY.match(k)]
    return [*ANSWER_KEYS, *dynamic]


def _forget_answers() -> None:
    """Drop everything she entered from the session."""
    for key in answer_keys():
        ss.pop(key, None)


def _wipe_visit() -> None:
    """Forget everything this visit entered or saw."""
    _forget_answers()
    for key in VISIT_KEYS:
        ss.pop(key, None)


def visit_consultations(site: str | None) -> list[KioskConsultation]:
    """The consultations this visit asks: fetched once per visit (and per site when assisted).

    Never stops the kiosk: if the database cannot say, there is simply no extra question.
    """
    held = ss.get("kiosk_consultations")
    if held is not None and held.get("site") == site:
        return held["items"]
    try:
        with read_session() as session:
            items = consultations.for_kiosk(session, site, service_date_now())
    except Exception as exc:
        log.warning("Consultations unavailable: %s", type(exc).__name__)
        items = []
    ss.kiosk_consultations = {"site": site, "items": items}
    return items


def _steps(site: str | None) -> tuple[str, ...]:
    """The form's steps for this visit: the regular four, and one more to consult."""
    return (*FORM_STEPS, CONSULT_STEP) if visit_consultations(site) else FORM_STEPS


def _go(step: str) -> None:
    """Move to a step (button callback)."""
    ss.kiosk_step = step


def _quick_exit() -> None:
    """Exit button and Shift x3: clear the whole server session, then leave."""
    ss.clear()
    ss.kiosk_exit = True


def _start() -> None:
    """Start button: her form begins, with a fresh idempotency key for its send.

    The key stays through a failed send and her Retry, so a send that was stored after
    all (a lost reply, a late commit) is not stored twice; it goes with the visit.
    """
    ss.kiosk_send_key = new_send_key()
    ss.kiosk_step = "rating"


def _skip_rating() -> None:
    """'Don't want to say': no rating, straight on."""
    ss.rating = None
    ss.kiosk_step = "provisions"


def _consultation_answers(site: str | None) -> list[ConsultationAnswer]:
    """What she answered to this visit's consultations (skipped ones are left out later)."""
    answers = []
    for item in visit_consultations(site):
        value = ss.get(f"consultation_{item.id}")
        if item.kind == "faces":
            # st.feedback faces run 0 (saddest) .. 4; the faces choices run 0 = very good.
            choice = 4 - value if isinstance(value, int) else None
        else:
            choice = value if isinstance(value, int) else None
        answers.append(
            ConsultationAnswer(item.id, choice, ss.get(f"consultation_{item.id}_text") or "")
        )
    return answers


def _form_from_state(site: str | None, assisted: bool) -> FeedbackForm:
    """What the widgets hold, as one FeedbackForm."""
    face = ss.get("rating")
    return FeedbackForm(
        # st.feedback faces run 0 (saddest) .. 4 (happiest); FFT runs 1 very good .. 5.
        rating=5 - face if isinstance(face, int) else None,
        provisions=list(ss.get("provisions") or ()),
        provision_other=ss.get("provision_other") or "",
        slots=list(ss.get("slots") or ()),
        places=list(ss.get("places") or ()),
        services=list(ss.get("services") or ()),
        text_good=ss.get("text_good") or "",
        text_better=ss.get("text_better") or "",
        site=site,
        language=ss.get("kiosk_language", "en"),
        assisted=assisted,
        consultations=_consultation_answers(site),
        send_key=ss.setdefault("kiosk_send_key", new_send_key()),
    )


def _send(site: str | None, assisted: bool) -> None:
    """Submit once (double-tap guard), then wipe the answers and say thank you."""
    now = time.monotonic()
    if now - ss.get("kiosk_last_submit", -1e9) < DOUBLE_TAP_SECONDS:
        # Ignored (SPEC §3.7). A double tap lands here on the thank-you screen and needs no
        # word; on the form it is the next woman sending within seconds of the last one:
        # her answers stay, and she is asked to tap Send again in a moment.
        if ss.get("kiosk_step") != "thanks":
            ss.kiosk_send_again = True
        return
    try:
        result = submit_feedback(_form_from_state(site, assisted))
    except SubmissionError:
        ss.kiosk_step = "sorry"
        return
    except Exception as exc:  # never a traceback at the woman; never her words in a log
        log.error("Kiosk submission failed unexpectedly: %s", type(exc).__name__)
        ss.kiosk_step = "sorry"
        return
    # Counted from when the send finished, not when it began: a send that took longer than
    # the window (a busy server loading the analysis) must still swallow the second tap.
    ss.kiosk_last_submit = time.monotonic()
    ss.pop("kiosk_send_again", None)
    ss.pop("kiosk_send_key", None)  # the next woman's form gets its own
    _forget_answers()
    ss.pop("kiosk_consultations", None)  # the next visit asks afresh
    # Every thank-you screen has the helplines card; only a confident concern changes its
    # opening words: a doubtful flag still reaches the review queue, but does not greet her
    # as if she had disclosed over a false alarm (SPEC §2.5, §3.6).
    ss.kiosk_result = {"concerns": result.confident, "truncated": result.truncated}
    ss.kiosk_thanks_at = now
    ss.kiosk_step = "thanks"


def _clear_and_restart() -> None:
    """Wipe the visit and return to Welcome."""
    _wipe_visit()


def _send_again_note(w) -> None:
    """The word under Send when her tap came too soon after the last send on this tablet."""
    if ss.pop("kiosk_send_again", False):
        st.text(w["text.send_again"])


def _skip_consultations(site: str | None, assisted: bool) -> None:
    """One tap: leave this visit's consultations unanswered and send the rest."""
    for key in answer_keys():
        if CONSULTATION_KEY.match(key):
            ss.pop(key, None)
    _send(site, assisted)


def has_answers() -> bool:
    """Whether she has chosen or written anything yet (a shortcut send needs something).

    A face counts whichever it is (the saddest is 0); blank words do not.
    """
    for key in answer_keys():
        value = ss.get(key)
        if isinstance(value, str):
            if value.strip():
                return True
        elif isinstance(value, int) or value:
            return True
    return False


def _send_just_this(site: str | None, assisted: bool) -> None:
    """'Send just this' on the rating step: her face (and what she used today), alone.

    What later steps hold (she went on and came back) is dropped first, so what is stored
    is what the button says, and a Retry after Sorry sends the same. Without a face
    (tapped again to clear it as the button was going) nothing is sent.
    """
    if not isinstance(ss.get("rating"), int):
        return
    for key in answer_keys():
        if key not in STEP_KEYS["rating"]:
            ss.pop(key, None)
    _send(site, assisted)


def _send_so_far(site: str | None, assisted: bool) -> None:
    """'Send now' on a later step: everything she has chosen or written, as it stands."""
    if has_answers():
        _send(site, assisted)


def _send_now_button(w, site: str | None, assisted: bool, *, just_rating: bool = False) -> None:
    """The shortcut send under a step's Back/Next: shown only once there is something to send.

    Key `send_now` (CONTRACT.md). It sits below the other controls, so its appearing when
    she taps her first answer moves nothing she was about to tap.
    """
    if just_rating:
        if not isinstance(ss.get("rating"), int):
            return
        label, action = w["rating.send_just_this"], _send_just_this
    else:
        if not has_answers():
            return
        label, action = w["common.send_now"], _send_so_far
    st.button(label, key="send_now", width="stretch", on_click=action, args=(site, assisted))
    _send_again_note(w)


def _keep_answers(step: str) -> None:
    """Keep the values of widgets this run does not draw (Streamlit drops them).

    Her language too: it is picked on Welcome and must hold for every later step. The
    widgets of the step being drawn are left alone: assigning their state would make the
    browser overwrite what she is typing in one box while the last box's change reruns.
    """
    drawn = STEP_KEYS.get(step, ())
    for key in [*answer_keys(), "kiosk_language"]:
        on_screen = key in drawn or (step == CONSULT_STEP and CONSULTATION_KEY.match(key))
        if key in ss and not on_screen:
            ss[key] = ss[key]


def _nav(w, back: str | None, forward: str | None, label: str | None = None) -> None:
    """Back and Next buttons for a form step."""
    left, right = st.columns(2)
    if back:
        left.button(w["common.back"], key="back", width="stretch", on_click=_go, args=(back,))
    if forward:
        right.button(
            label or w["common.next"],
            key="next",
            width="stretch",
            type="primary",
            on_click=_go,
            args=(forward,),
        )


# Every ASCII punctuation mark, each of which CommonMark lets a backslash make plain. Not
# only the obvious ones: ":" starts Streamlit's :red[...] colours, :material/...: icons and
# :emoji: codes; "&" an entity; "." and "/" a bare www. or http:// autolink.
_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_safe(text: str) -> str:
    """Words for a Markdown-rendered label (a chip, a button), shown exactly as typed."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def chips(
    label: str,
    names: dict,
    *,
    key: str,
    multi: bool = True,
    show_label: bool = False,
) -> None:
    """Big toggle chips: the one way the kiosk shows words staff typed as a choice.

    st.pills renders its options (and label) as Markdown, so a provision named
    "![x](http://...)" would be an image every tablet fetches: each option goes through
    markdown_safe and so reads exactly as typed. `names` maps each value to its words.
    """
    st.pills(
        markdown_safe(label),
        options=list(names),
        format_func=lambda value: markdown_safe(names[value]),
        selection_mode="multi" if multi else "single",
        key=key,
        label_visibility="visible" if show_label else "collapsed",
    )


def faces(key: str, names: list[str], question: str) -> None:
    """Five faces (st.feedback, keyed `key`) with each face's words under it.

    `names` are the words, saddest face first. The faces and their words share one
    five-column grid (pages/_kiosk.css), so each word sits under its face at any width,
    and a screen reader names each face with the same words (and the group by `question`).
    """
    with st.container(key=f"{key}_scale"):
        st.feedback("faces", key=key)
        with st.container(key=f"{key}_words"):
            for name in names:
                st.text(name)
    chrome.name_faces(key, names, question)


def _welcome(w) -> None:
    st.title(w["welcome.title"])
    st.header(w["welcome.line"])
    languages = available()
    # Each language's name is read in its own voice: she may not read this one yet.
    choices = [w["welcome.language"], *[(n, c) for c, n in languages]] if len(languages) > 1 else []
    read_aloud(
        w,
        [w["welcome.title"], w["welcome.line"], choices, w["common.exit_help"], w["welcome.start"]],
    )
    if len(languages) > 1:
        names = dict(languages)
        st.pills(
            w["welcome.language"],
            options=list(names),
            format_func=names.get,
            key="kiosk_language",
            selection_mode="single",
        )
    st.text(w["common.exit_help"])
    with st.container(key="exit_keys"):  # shown only with a keyboard or mouse (_kiosk.css)
        st.text(w["common.exit_keys"])
    st.button(
        w["welcome.start"],
        key="start",
        width="stretch",
        type="primary",
        on_click=_start,
    )
    chrome.warm_up()  # the later steps' widget code, loaded while the connection is up


def _services(w, catalogue: Catalogue) -> dict[str, str]:
    """What did you use today? Optional; shown only when services are set up. Its chips'
    words (none when there are no services)."""
    if not catalogue.services:
        return {}
    st.subheader(w["services.title"])
    name = names_in(w)
    labels = {
        v.slug: f"{v.icon} {name('service', v.slug, v.label, 'service_labels')}".strip()
        for v in catalogue.services
    }
    chips(w["services.title"], labels, key="services")
    return labels


def _rating(w, catalogue: Catalogue, site: str | None, assisted: bool) -> None:
    services = _services(w, catalogue)
    st.header(w["rating.title"])
    read_aloud(
        w,
        [
            [w["services.title"], *services.values()] if services else [],
            w["rating.title"],
            w.get("rating.faces") or [w["rating.very_poor"], w["rating.very_good"]],
            w["rating.no_say"],
        ],
    )
    faces("rating", w.get("rating.faces"), w["rating.title"])
    st.button(w["rating.no_say"], key="rating_skip", width="stretch", on_click=_skip_rating)
    _nav(w, "welcome", "provisions")
    _send_now_button(w, site, assisted, just_rating=True)


def _provisions(w, catalogue: Catalogue, site: str | None, assisted: bool) -> None:
    st.header(w["provisions.title"])
    st.text(w["provisions.hint"])
    name = names_in(w)
    labels = {
        p.slug: f"{p.icon} {name('provision', p.slug, p.label, 'provision_labels')}".strip()
        for p in catalogue.provisions
    }
    read_aloud(
        w, [w["provisions.title"], w["provisions.hint"], labels.values(), w["provisions.other"]]
    )
    chips(w["provisions.title"], labels, key="provisions")
    st.text_input(
        w["provisions.other"],
        key="provision_other",
        max_chars=OTHER_PROVISION_MAX_CHARS,
        placeholder=w["provisions.other_placeholder"],
    )
    _nav(w, "rating", "times")
    _send_now_button(w, site, assisted)


def _times_grid(title: str, days: list[str], times: list[str], labels: dict[str, str]) -> None:
    """The times as a grid: a column for each time slot, a row for each day.

    One st.pills keyed `slots` (values "<day>:<slot>", CONTRACT.md) holds every toggle. Each
    toggle's words say its day and time ("Mon 6–9pm"), which a screen reader reads; on the
    screen the grid's headings say them once instead (pages/_kiosk.css draws the grid).
    """
    # The grid's column count: the time slots an admin has set up (a whole number).
    st.html(f"<style>.st-key-times_grid {{ --lantern-slots: {len(times)}; }}</style>")
    with st.container(key="times_grid"):
        with st.container(key="times_heads"):
            for name in times:
                st.text(name)
        with st.container(key="times_days"):
            for name in days:
                st.text(name)
        chips(title, labels, key="slots")


def _times(w, catalogue: Catalogue, site: str | None, assisted: bool) -> None:
    st.header(w["times.title"])
    st.text(w["times.hint"])
    days = w.get("times.days") or [d.title() for d in DAYS]
    name = names_in(w)
    times = {t.slug: name("slot", t.slug, t.label, "slot_labels") for t in catalogue.slots}
    places = {s.slug: name("site", s.slug, s.label) for s in catalogue.sites}
    labels = {}
    for day_index, day in enumerate(DAYS):
        for slot in catalogue.slots:
            slot_label = times[slot.slug]
            labels[f"{day}:{slot.slug}"] = f"{days[day_index]} {slot_label}"
    # Each day and each time once (not all 35 pairs), then the places if she can choose.
    read_aloud(
        w,
        [
            w["times.title"],
            w["times.hint"],
            days,
            list(times.values()),
            [w["times.where"], *places.values()] if len(catalogue.sites) > 1 else [],
        ],
    )
    with st.container(key="times_layout"):  # side by side in landscape (_kiosk.css)
        _times_grid(w["times.title"], days, list(times.values()), labels)
        with st.container(key="times_side"):
            if len(catalogue.sites) > 1:
                chips(w["times.where"], places, key="places", show_label=True)
            _nav(w, "provisions", "text")
            _send_now_button(w, site, assisted)


def _text(w, site: str | None, assisted: bool) -> None:
    st.header(w["text.title"])
    st.text(w["text.hint"])
    # The questions only: never what is in the boxes.
    read_aloud(
        w,
        [w["text.title"], w["text.hint"], w["text.good"], w["text.better"], w["text.not_urgent"]],
    )
    with st.container(key="text_boxes"):  # side by side in landscape (_kiosk.css)
        for key, label in (("text_good", "text.good"), ("text_better", "text.better")):
            with st.container(key=f"{key}_box"):
                st.text_area(w[label], key=key, max_chars=MAX_ANSWER_CHARS, height=140)
                if len(ss.get(key) or "") >= MAX_ANSWER_CHARS:
                    st.text(w["text.at_limit"])
    st.text(w["text.not_urgent"])
    if visit_consultations(site):
        _nav(w, "times", CONSULT_STEP)  # one more question before sending
        _send_now_button(w, site, assisted)  # or send without it
        return
    left, right = st.columns(2)
    left.button(w["common.back"], key="back", width="stretch", on_click=_go, args=("times",))
    right.button(
        w["text.send"],
        key="submit",
        width="stretch",
        type="primary",
        on_click=_send,
        args=(site, assisted),
    )
    _send_again_note(w)


def _consult(w, site: str | None, assisted: bool) -> None:
    """The extra, skippable step: this visit's consultations, newest first."""
    st.header(w["consultation.title"])
    st.text(w["consultation.hint"])
    asking = consultations_in(names_in(w), visit_consultations(site))
    scale = w.get("consultation.faces")  # the faces' words for a proposed change
    asked = [w["consultation.title"], w["consultation.hint"]]
    for item in asking:
        choices = scale if item.kind == "faces" else [c.text for c in item.choices]
        asked += [item.question, *choices, item.text_prompt]
    read_aloud(w, asked)
    for item in asking:
        with st.container(border=True, key=f"consultation_{item.id}_box"):
            # Staff-typed words: plain text, never Markdown or HTML.
            with st.container(key=f"consultation_{item.id}_question"):
                st.text(item.question)
            if item.kind == "faces":
                faces(f"consultation_{item.id}", scale, item.question)
            else:
                chips(
                    w["consultation.answer"],
                    {c.position: c.text for c in item.choices},
                    key=f"consultation_{item.id}",
                    multi=False,
                )
            if item.text_prompt:
                st.text(item.text_prompt)
                key = f"consultation_{item.id}_text"
                st.text_area(
                    w["consultation.words"],
                    key=key,
                    max_chars=MAX_ANSWER_CHARS,
                    height=120,
                    label_visibility="collapsed",
                )
                if len(ss.get(key) or "") >= MAX_ANSWER_CHARS:
                    st.text(w["text.at_limit"])
    back, skip, send = st.columns(3)
    back.button(w["common.back"], key="back", width="stretch", on_click=_go, args=("text",))
    skip.button(
        w["consultation.skip"],
        key="consultation_skip",
        width="stretch",
        on_click=_skip_consultations,
        args=(site, assisted),
    )
    send.button(
        w["text.send"],
        key="submit",
        width="stretch",
        type="primary",
        on_click=_send,
        args=(site, assisted),
    )
    _send_again_note(w)


@st.fragment(run_every=2)
def _return_timer() -> None:
    """Back to Welcome once the thank-you screen has been up long enough."""
    shown_at = ss.get("kiosk_thanks_at")
    concern = bool((ss.get("kiosk_result") or {}).get("concerns"))
    if shown_at is not None and time.monotonic() - shown_at >= return_seconds(concern):
        _wipe_visit()
        st.rerun()


def _helplines_card(w: Words, helplines: tuple[settings.Helpline, ...], *, concern: bool) -> None:
    """Who she can talk to, on every thank-you screen (SPEC §2.5, §3.6).

    The same card, in the same place, with the same lines for every woman: only its opening
    words are kinder after a confident concern, so neither the next woman nor anyone
    watching her can tell from the screen that she said something. The numbers are typed by
    staff: plain text.
    """
    with st.container(border=True, key="safety"):
        opening = w["thanks.safety_title"] if concern else w["thanks.helplines_title"]
        st.subheader(opening)
        st.text(w["thanks.safety_line"])
        st.text(w["thanks.not_a_report"])
        st.text(w["thanks.safety_numbers"])
        name = names_in(w)
        for line in helplines:
            slug = translations.helpline_slug(line.number)
            st.text(f"{name('helpline', slug, line.name)}: {line.number}")


def _thanks(w, helplines: tuple[settings.Helpline, ...]) -> None:
    result = ss.get("kiosk_result") or {}
    # In landscape the card is on the left, everything else on the right (_kiosk.css).
    layout = st.container(key="thanks_layout")
    with layout.container(key="thanks_top"):
        st.title(w["thanks.title"])
        st.subheader(w["thanks.line"])
        # Never the helplines card: the van is a shared space (she can read it, or ask a worker).
        read_aloud(w, [w["thanks.title"], w["thanks.line"]])
        if result.get("truncated"):
            st.text(w["text.too_long"])
    with layout:
        _helplines_card(w, helplines, concern=bool(result.get("concerns")))
    with layout.container(key="thanks_side"):
        _you_said(w)
        st.button(
            w["thanks.done"],
            key="done",
            width="stretch",
            type="primary",
            on_click=_clear_and_restart,
        )
    _return_timer()


def month_year(w: Words, day: dt.date) -> str:
    """'March 2026' in the kiosk's language."""
    months = w.get("common.months")
    if not (isinstance(months, list) and len(months) == 12):
        months = words("en").get("common.months")
    return f"{months[day.month - 1]} {day.year}"


def published_changes(limit: int | None = None) -> list[actions.PublicEntry]:
    """Published "You said, we did" entries, newest first; none if the database is away."""
    try:
        with read_session() as session:
            return actions.published_entries(session, limit=limit)
    except Exception as exc:  # the thank-you screen must never fail because of this
        log.warning("You said, we did unavailable: %s", type(exc).__name__)
        return []


def _you_said(w: Words) -> None:
    """The newest changes the service made because women spoke up, in plain words."""
    entries = published_changes(actions.KIOSK_ENTRIES)
    if not entries:
        return
    name = names_in(w)
    with st.container(border=True, key="you_said"):
        st.subheader(w["thanks.you_said"])
        for entry in entries:
            # Typed by staff: shown as plain text, never Markdown.
            title = name("action", str(entry.id), entry.title)
            st.text(
                w.format("thanks.you_said_entry", when=month_year(w, entry.changed_on), title=title)
            )


def _sorry(w, site: str | None, assisted: bool) -> None:
    st.title(w["sorry.title"])
    st.subheader(w["sorry.line"])
    read_aloud(w, [w["sorry.title"], w["sorry.line"]])
    st.button(
        w["sorry.retry"],
        key="retry",
        width="stretch",
        type="primary",
        on_click=_send,
        args=(site, assisted),
    )
    st.button(w["sorry.clear"], key="clear", width="stretch", on_click=_clear_and_restart)


def _unavailable(w) -> None:
    """The database cannot be reached: a calm message, and a way to try again."""
    st.title(w["sorry.title"])
    st.subheader(w["sorry.line"])
    st.button(w["sorry.retry"], key="retry_load", width="stretch", type="primary")


def _assisted_site(catalogue: Catalogue) -> str | None:
    """For assisted entry: the worker says where she is (defaults to the link's ?site=)."""
    names = {s.slug: s.label for s in catalogue.sites}
    linked = st.query_params.get("site")
    return st.selectbox(
        "Where are you?",
        options=list(names),
        format_func=names.get,
        index=list(names).index(linked) if linked in names else None,
        key="assisted_site",
        placeholder="Choose the site",
    )


def _settings_or_defaults() -> tuple[str, tuple[settings.Helpline, ...]]:
    """The exit site (made safe) and helplines; the defaults if the database is away."""
    try:
        exit_url, helplines = _service_settings()
    except Exception as exc:
        log.warning("Kiosk settings unavailable: %s", type(exc).__name__)
        exit_url, helplines = settings.DEFAULT_EXIT_URL, settings.DEFAULT_HELPLINES
    return safe_exit_url(exit_url), helplines


def _top_bar(w: Words, left: str | None = None, assisted: bool = False) -> None:
    """The top row of every public screen: an optional line, and the Exit control.

    In assisted entry Exit only wipes her form and goes back to Welcome: the worker stays
    signed in, and the page stays (the browser's quick exit listens to the key `exit` only).
    """
    top_left, top_right = st.columns([3, 1], vertical_alignment="center")
    if left:
        top_left.text(left)
    if assisted:
        clear = _clear_and_restart
        top_right.button(w["common.exit"], key="exit_assisted", width="stretch", on_click=clear)
    else:
        top_right.button(w["common.exit"], key="exit", width="stretch", on_click=_quick_exit)
    # Shown only while the connection is down (pages/_streamlit_chrome.py).
    st.container(key=chrome.RECONNECTING_KEY).text(w["common.reconnecting"])


def public_page() -> Words:
    """Set up a public page beside the kiosk: its style, quick exit and Exit; its words."""
    exit_url, _ = _settings_or_defaults()
    if ss.pop("kiosk_exit", False):
        leave_now(exit_url)
        st.stop()
    style()
    behaviour(exit_url, idle_seconds())
    w = words(ss.get("kiosk_language") or "en")
    _top_bar(w)
    return w


# Answer boxes whose words the page keeps as she types (they reach the server on blur).
TYPED_KEYS = re.compile(r"^(?:provision_other|text_good|text_better|consultation_\d+_text)$")
# The steps whose form the page keeps a copy of, and may hand back (Sorry holds her answers).
KEPT_STEPS = (*FORM_STEPS, CONSULT_STEP, "sorry")


def _memory(step: str) -> dict | None:
    """Her form as this session holds it, for the page to keep while it is in progress."""
    if step not in KEPT_STEPS:
        return None
    return {
        "step": step,
        "answers": {key: ss[key] for key in answer_keys() if key in ss},
        "sendKey": ss.get("kiosk_send_key"),
        "language": ss.get("kiosk_language"),
    }


def _restored_value(key: str, value, catalogue: Catalogue, site: str | None):
    """value for the widget at key if it is one the form could hold now, else None."""
    lists = {
        "services": {v.slug for v in catalogue.services},
        "provisions": {p.slug for p in catalogue.provisions},
        "slots": {f"{day}:{slot.slug}" for day in DAYS for slot in catalogue.slots},
        "places": {s.slug for s in catalogue.sites},
    }
    if key in lists:
        if not isinstance(value, list):
            return None
        return [v for v in value if isinstance(v, str) and v in lists[key]] or None
    if key == "rating":
        return value if isinstance(value, int) and 0 <= value <= 4 else None
    if TYPED_KEYS.match(key):
        limit = OTHER_PROVISION_MAX_CHARS if key == "provision_other" else MAX_ANSWER_CHARS
        return value[:limit] if isinstance(value, str) and value else None
    if CONSULTATION_KEY.match(key):  # a choice of one of this visit's consultations
        for item in visit_consultations(site):
            if key == f"consultation_{item.id}" and isinstance(value, int):
                choices = range(5) if item.kind == "faces" else {c.position for c in item.choices}
                return value if value in choices else None
    return None


def _restore(kept: dict, catalogue: Catalogue, site: str | None) -> bool:
    """Take back her form from the page's copy, into a session that has lost it.

    Only an empty session takes it (the same session coming back after a short drop still
    holds her form, or has moved on), and only what the form could hold now: every value is
    checked against the catalogue as a fresh widget would be. Her form's send key comes back
    too, so a send that reached the database before the drop is not stored twice.
    """
    if ss.get("kiosk_step", "welcome") != "welcome" or has_answers():
        return False
    step = kept.get("step")
    if step not in KEPT_STEPS:
        return False
    answers = kept.get("answers")
    for key, value in (answers if isinstance(answers, dict) else {}).items():
        if isinstance(key, str) and (key in ANSWER_KEYS or CONSULTATION_KEY.match(key)):
            restored = _restored_value(key, value, catalogue, site)
            if restored is not None:
                ss[key] = restored
    if kept.get("language") in dict(available()):
        ss.kiosk_language = kept["language"]
    send_key = kept.get("sendKey")
    ss.kiosk_send_key = send_key if is_send_key(send_key) else new_send_key()
    if step == CONSULT_STEP and not visit_consultations(site):
        step = "text"
    ss.kiosk_step = step
    return True


def run(assisted: bool = False) -> None:
    """Draw the current step of the kiosk (assisted: a signed-in worker fills it in)."""
    exit_url, helplines = _settings_or_defaults()

    if ss.pop("kiosk_exit", False):
        leave_now(exit_url)
        st.stop()

    style(hide_navigation=not assisted)
    now = ss.get("kiosk_step", "welcome")
    page = behaviour(exit_url, idle_seconds(), now, _memory(now))
    if page.wipe:  # the idle time ran out while the connection was down
        _wipe_visit()
        st.rerun()
    _keep_answers(ss.get("kiosk_step", "welcome"))
    w = words(ss.get("kiosk_language") or "en")
    step = ss.get("kiosk_step", "welcome")
    site = st.query_params.get("site")

    # The top bar comes first on screen, but its step count waits for the site (assisted).
    top = st.container()
    try:
        catalogue = _catalogue()
    except Exception as exc:
        log.warning("Kiosk catalogue unavailable: %s", type(exc).__name__)
        with top:
            _top_bar(w, assisted=assisted)
        _unavailable(w)
        return
    if assisted:
        site = _assisted_site(catalogue)
    if page.restore and _restore(page.restore, catalogue, site):
        st.rerun()

    if step in (*FORM_STEPS, CONSULT_STEP):
        steps = _steps(site)
        if step not in steps:  # assisted: another site, without that consultation
            step = ss.kiosk_step = "text"
        with top:
            count = w.format("common.step", n=steps.index(step) + 1, total=len(steps))
            _top_bar(w, count, assisted=assisted)
    else:
        with top:
            _top_bar(w, assisted=assisted)
    if step in KEPT_STEPS:
        # Clicked by the browser after the idle timeout (behaviour() above). The Sorry
        # screen still holds her answers for a retry: left alone, it is wiped too.
        st.button("reset", key="kiosk_idle_reset", on_click=_clear_and_restart)

    with st.container(key=chrome.BODY_KEY):
        _draw_step(step, w, catalogue, helplines, site, assisted)


def _draw_step(step: str, w: Words, catalogue: Catalogue, helplines, site, assisted) -> None:
    """The current step's screen."""
    if step == "rating":
        _rating(w, catalogue, site, assisted)
    elif step == "provisions":
        _provisions(w, catalogue, site, assisted)
    elif step == "times":
        _times(w, catalogue, site, assisted)
    elif step == "text":
        _text(w, site, assisted)
    elif step == CONSULT_STEP:
        _consult(w, site, assisted)
    elif step == "thanks":
        _thanks(w, helplines)
    elif step == "sorry":
        _sorry(w, site, assisted)
    else:
        _welcome(w)
