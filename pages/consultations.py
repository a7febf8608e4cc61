"""Consultations: ask women about a proposed change on the tablet, and read their answers."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from db import consultation_results, consultations
from db.catalogue import load_catalogue
from db.consultations import (
    ChoiceDraft,
    ConsultationDraft,
    ConsultationError,
    ConsultationRow,
)
from db.session import read_session, write_session
from pages import _ui as ui

ss = st.session_state
KIND_LABELS = {"choices": "Answer buttons", "faces": "Faces (very good … very poor)"}

user = ui.require_role("pages/consultations.py")
today = ui.today()
st.title("Consultations")
st.text(
    "Ask the women about one proposed change. While a consultation is open, the tablet\n"
    "shows it as one extra question after the usual ones, which she can skip. Only the\n"
    "day and the site are kept with her answer. A draft can be edited; once opened it\n"
    "is fixed, so everyone answers the same question."
)

with read_session() as session:
    rows = consultations.list_consultations(session)
    sites = {s.slug: s.label for s in load_catalogue(session).sites}


def _fields(prefix: str, row: ConsultationRow | None) -> ConsultationDraft:
    """The widgets of one consultation form, read back as a draft."""
    question = st.text_area(
        "The question, in plain words (shown on the tablet; no names)",
        value=row.question if row else "",
        max_chars=consultations.MAX_QUESTION_CHARS,
        key=f"{prefix}_question",
        placeholder="We're thinking of moving Tuesday's van to Wednesday. Would that work for you?",
        height=80,
    )
    kind = st.radio(
        "How she answers",
        options=list(KIND_LABELS),
        format_func=KIND_LABELS.get,
        index=list(KIND_LABELS).index(row.kind) if row else 0,
        key=f"{prefix}_kind",
        horizontal=True,
    )
    st.text(
        f"Answer buttons: {consultations.MIN_CHOICES} to {consultations.MAX_CHOICES}, each "
        "with an emoji and a few words (leave spare rows empty; ignored for faces)."
    )
    existing = list(row.choices) if row and row.kind == "choices" else []
    choices = []
    for n in range(consultations.MAX_CHOICES):
        icon_column, label_column = st.columns([1, 5])
        icon = icon_column.text_input(
            f"Emoji {n + 1}",
            value=existing[n].icon if n < len(existing) else "",
            max_chars=16,
            key=f"{prefix}_icon_{n}",
        )
        label = label_column.text_input(
            f"Answer {n + 1}",
            value=existing[n].label if n < len(existing) else "",
            max_chars=consultations.MAX_CHOICE_CHARS,
            key=f"{prefix}_label_{n}",
        )
        if icon.strip() or label.strip():
            choices.append(ChoiceDraft(icon, label))
    prompt = st.text_input(
        "A box for her own words: its prompt (leave empty for no box)",
        value=(row.text_prompt or "") if row else "",
        max_chars=consultations.MAX_PROMPT_CHARS,
        key=f"{prefix}_prompt",
        placeholder="Anything else you'd like to tell us about this?",
    )
    where = st.multiselect(
        "Sites it runs at (none chosen: every site)",
        options=list(sites),
        default=[s for s in (row.sites if row else ()) if s in sites],
        format_func=sites.get,
        key=f"{prefix}_sites",
    )
    start_column, end_column = st.columns(2)
    starts_on = start_column.date_input(
        "From", value=row.starts_on if row else today, key=f"{prefix}_starts"
    )
    ends_on = end_column.date_input(
        "Until (inclusive)",
        value=row.ends_on if row else today + consultations.DEFAULT_LENGTH,
        key=f"{prefix}_ends",
    )
    return ConsultationDraft(
        question=question,
        starts_on=starts_on,
        ends_on=ends_on,
        kind=kind,
        choices=choices if kind == "choices" else (),
        text_prompt=prompt,
        sites=where,
    )


def _run(change, *args, done: str, forget: str | None = None, **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Run one change in its own transaction; say plainly what went wrong."""
    try:
        with write_session() as session:
            change(session, *args, actor=user.username, **kwargs)
    except ConsultationError as exc:
        st.warning(str(exc))
        return
    if forget:
        for key in [k for k in ss if str(k).startswith(forget)]:
            del ss[key]
    st.toast(done)
    st.rerun()


with st.expander("Ask about a change (new consultation)", expanded=not rows):
    with st.form("consultation_new"):
        new = _fields("new", None)
        create = st.form_submit_button("Save as draft", key="consultation_create", type="primary")
    if create:
        _run(consultations.create_consultation, new, done="Saved as a draft.", forget="new_")

st.subheader("Consultations")
if not rows:
    st.text("None yet.")
for row in rows:
    state = row.state(today)
    with st.container(border=True, key=f"cons_{row.id}"):
        # Typed by staff, but still plain text: never Markdown or HTML.
        st.text(row.question)
        st.text(
            f"{consultations.STATE_LABELS[state]} · {row.starts_on:%d %b %Y} to "
            f"{row.ends_on:%d %b %Y} · {row.where} · by {row.created_by}"
        )
        st.text("Answers: " + " · ".join(c.text for c in row.choices))
        if row.text_prompt:
            st.text(f"Her own words: {row.text_prompt}")
        if row.closed_on:
            st.text(f"Closed on {row.closed_on:%d %b %Y}")
        if state == "draft":
            with st.expander("Edit this draft"):
                with st.form(f"consultation_edit_{row.id}"):
                    edited = _fields(f"edit{row.id}", row)
                    save = st.form_submit_button("Save changes", key=f"cons_save_{row.id}")
                if save:
                    _run(consultations.update_consultation, row.id, edited, done="Saved.")
        left, right = st.columns(2)
        if state == "draft":
            if left.button("Open it on the tablet", key=f"cons_open_{row.id}", type="primary"):
                _run(consultations.open_consultation, row.id, done="Open.", today=today)
            if right.button("Set aside (archive)", key=f"cons_archive_{row.id}"):
                _run(consultations.archive_consultation, row.id, done="Archived.", today=today)
        elif state in ("scheduled", "running"):
            if left.button("Close it now", key=f"cons_close_{row.id}"):
                _run(consultations.close_consultation, row.id, done="Closed.", today=today)
        elif state in ("ended", "closed") and right.button("Archive", key=f"cons_archive_{row.id}"):
            _run(consultations.archive_consultation, row.id, done="Archived.", today=today)

# --- Results -------------------------------------------------------------------------------

asked = {r.id: r.question for r in rows if r.status != "draft"}
st.header("Results")
if not asked:
    st.text("Results appear here once a consultation has been opened.")
    st.stop()
if ss.get("consultation_results") not in asked:
    ss.pop("consultation_results", None)
chosen = st.selectbox(
    "Consultation",
    options=list(asked),
    format_func=asked.get,
    key="consultation_results",
)
with read_session() as session:
    found = consultation_results.results(session, chosen)
if found is None:
    st.stop()

if found.empty:
    st.text("Nobody has answered yet.")
else:
    ui.headlines(found)
    key = f"consultation_{found.consultation.id}"
    choices = found.tables["choices"]
    by_choice = go.Figure(
        ui.bar_trace(choices.column("Answer")[::-1], choices.column("Women")[::-1], "Women", True)
    )
    by_choice.update_xaxes(title="Women")
    ui.chart_with_data(ui.figure_style(by_choice, "Answers"), choices, "answers", f"{key}_choices")

    # Every answer (and how many answered) per site and per week; a hidden cell is an
    # empty bar marked "<8", so the rest still draws.
    answer_columns = found.tables["sites"].columns[1:]
    for name, label, title in (
        ("sites", "Site", "By site"),
        ("weeks", "Week starting", "By week"),
    ):
        table = found.tables[name]
        figure = go.Figure()
        for index, column in enumerate(answer_columns):
            figure.add_trace(
                ui.bar_trace(table.column(label), table.column(column), column, index=index)
            )
        figure.update_layout(barmode="group")
        ui.chart_with_data(
            ui.figure_style(figure, title), table, f"answers {title.lower()}", f"{key}_{name}"
        )

    st.subheader("Her own words")
    if found.tables["sentiment"].rows:
        ui.data_table(found.tables["sentiment"], "how the words read", f"{key}_sentiment")
        ui.data_table(found.tables["themes"], "themes of the words", f"{key}_themes")
        with st.expander("What women wrote (redacted; plain text)"):
            for words in found.comments:
                st.text(words)
    else:
        st.text("Nobody has written anything yet.")
    st.caption(
        "Counts from 1 to 7 are hidden, and so are more where a total would give them away; "
        "downloads round other counts to the nearest 5."
    )

st.subheader("You said, we did")
if found.actions:
    for action in found.actions:
        st.text(f"{action.changed_on:%d %b %Y} · {action.status} · {action.title}")
else:
    st.text(
        "No change is linked to this consultation yet. Record one on the You said, we did\n"
        "page and choose this consultation as the one it answers."
    )
