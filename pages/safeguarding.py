"""Safeguarding review: the most urgent first, each comment's outcome recorded (SPEC §5)."""

from __future__ import annotations

import streamlit as st

from db import review_queue
from db.review_queue import ACTION_LABELS, CHOSEN_OUTCOMES, OUTCOME_LABELS, QueueItem
from db.session import read_session, write_session
from pages import _ui as ui

CURSORS = "safeguarding_cursors"  # the cursors of the pages before this one

user = ui.require_role("pages/safeguarding.py")
st.title("Safeguarding review")
st.text(
    "Comments whose words suggest a woman may be unsafe, and comments in a language "
    "Lantern cannot read. Lantern is anonymous: there is no one to contact from here. "
    "Record what each review found and what the team did, and never add names or "
    "identifying details."
)
st.text(
    "This queue is not watched around the clock: nobody is told the moment a comment "
    "arrives. What reaches her at once is the safety message on the tablet."
)
st.text(
    "Each comment shows its service night, not just its week, because acting on a "
    "concern needs it. The most urgent come first, then the newest nights; within a "
    "night the order is random, never the order the women came in."
)


def _category_words(category: str) -> str:
    """A category's words for staff (an unknown one spelt out from its name)."""
    return ui.CONCERN_LABELS.get(category, category.replace("_", " "))


def _badges(item: QueueItem) -> None:
    """Each category as a badge in its level's colour, with the level's and category's words."""
    table = review_queue.severities()
    marks = [(table.rank(c), _category_words(c)) for c in item.concerns]
    if not item.machine_read:
        marks.append((table.rank(review_queue.NOT_READ), "Not read automatically"))
    with st.container(horizontal=True):
        for rank, words in sorted(marks):
            level = table.level(min(rank, table.levels[-1].rank))
            # type: ignore: the table's colour is a str; tests check each is a badge colour
            st.badge(f"{level.name} · {words}", color=level.colour)  # type: ignore[arg-type]


def _outcome_words(item: QueueItem) -> str:
    """What the review found, in words."""
    words = OUTCOME_LABELS.get(item.outcome or "", item.outcome or "")
    if item.action_taken:
        words += f" · {ACTION_LABELS.get(item.action_taken, item.action_taken)}"
    if item.right_category:
        words += f" · should be: {_category_words(item.right_category)}"
    return f"{words} (recorded by {item.outcome_by})" if item.outcome_by else words


def _position(options: tuple[str, ...], value: str | None) -> int | None:
    """Where value is among options (None: nothing chosen yet)."""
    return options.index(value) if value in options else None


def _review_form(item: QueueItem) -> None:
    """Record the outcome: what the review found, what was done, the right category, a note."""
    actions, categories = tuple(ACTION_LABELS), review_queue.severities().categories
    with st.form(f"review_form_{item.id}"):
        outcome = st.radio(
            "What did the review find?",
            options=CHOSEN_OUTCOMES,
            format_func=OUTCOME_LABELS.get,
            index=_position(CHOSEN_OUTCOMES, item.outcome),
            key=f"outcome_{item.id}",
        )
        action = st.selectbox(
            "If a real concern: what was done",
            options=actions,
            format_func=ACTION_LABELS.get,
            index=_position(actions, item.action_taken),
            key=f"action_{item.id}",
        )
        category = st.selectbox(
            "If the wrong category: the right one",
            options=categories,
            format_func=_category_words,
            index=_position(categories, item.right_category),
            key=f"category_{item.id}",
        )
        note = st.text_area(
            "Note (no names or identifying details)",
            value=item.note,
            max_chars=review_queue.MAX_NOTE_CHARS,
            key=f"note_{item.id}",
        )
        if st.form_submit_button("Record the review", key=f"mark_{item.id}"):
            try:
                with write_session() as session:
                    review_queue.record_outcome(
                        session,
                        item.id,
                        reviewer=user.username,
                        outcome=outcome or "",
                        action_taken=action,
                        right_category=category,
                        note=note,
                    )
            except ValueError as problem:  # our own plain words, never her text
                st.warning(str(problem))
            else:
                st.toast("Saved.")
                st.rerun()


def _card(item: QueueItem) -> None:
    """One comment as plain text (never Markdown or HTML), its badges and its review."""
    with st.container(border=True, key=f"comment_{item.id}"):
        _badges(item)
        st.text(f"{item.service_date:%a %d %b %Y} · {item.site} · {item.question}")
        st.text(item.text)
        if not item.machine_read:
            ui.not_read_note(item.language)
        if item.outcome:
            st.text(f"Reviewed: {_outcome_words(item)}")
        if item.note:
            st.text(f"Note: {item.note}")
        with st.expander("Change the review" if item.outcome else "Record the review"):
            _review_form(item)


show_reviewed = st.toggle("Also show comments already reviewed", key="safeguarding_all")
if st.session_state.get("_safeguarding_showing") != show_reviewed:  # a new list: page 1
    st.session_state["_safeguarding_showing"] = show_reviewed
    st.session_state[CURSORS] = []
cursors: list = st.session_state.setdefault(CURSORS, [])
with read_session() as session:
    waiting = review_queue.waiting_count(session)
    median = review_queue.median_days_to_first_review(session)
    page = review_queue.queue_page(
        session, include_reviewed=show_reviewed, after=cursors[-1] if cursors else None
    )

left, right = st.columns(2)
left.metric("Waiting for review", f"{waiting:,}")
right.metric(
    "Median days to first review, this month",
    "—" if median is None else f"{median:g} days",
    help="From the comment's service date to the day its first review was recorded. "
    "Counted in days because Lantern never records the time a comment arrived.",
)
if not page.items and not cursors:
    st.info(
        "Nothing has been flagged." if show_reviewed else "Nothing is waiting for review.",
        icon="✅",
    )
    st.stop()
for item in page.items:
    _card(item)

back, forward = st.columns(2)
if cursors and back.button("Back to the most urgent", key="safeguarding_first"):
    st.session_state[CURSORS] = []
    st.rerun()
if page.next_cursor is not None and forward.button("Next page", key="safeguarding_next"):
    st.session_state[CURSORS] = [*cursors, page.next_cursor]
    st.rerun()
