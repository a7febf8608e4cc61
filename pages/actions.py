"""You said, we did: record what changed because women spoke up, publish it, archive it."""

from __future__ import annotations

import streamlit as st

from db import actions
from db.actions import ActionDraft, ActionError, ActionRow, ReviewedComment
from db.session import read_session, write_session
from pages import _ui as ui

OFFERED_COMMENTS = 15
# The new-change form's last saved draft, kept for this session: a click that comes again
# with the same form (a double click, or a click queued while the first was saving) is
# the same submission and saves nothing more.
SAVED_DRAFT = "action_new_saved"
STATUS_LABELS = {"draft": "Draft", "published": "Published", "archived": "Archived"}
ss = st.session_state

user = ui.require_role("pages/actions.py")
st.title("You said, we did")
st.text(
    "Record what the service changed because of what women said. Once published, the\n"
    "short title and the month are shown on the tablet's thank-you screen and on the\n"
    "public board; the description is for staff and the forum pack only."
)

with read_session() as session:
    options = actions.link_options(session)
    offered = actions.reviewed_comments(session, limit=OFFERED_COMMENTS)


def _fields(prefix: str, row: ActionRow | None, comments: list[ReviewedComment]) -> ActionDraft:
    """The widgets of one action form, read back as a draft."""
    title = st.text_input(
        "What changed, in a few plain words (shown on the tablet; no names)",
        value=row.title if row else "",
        max_chars=actions.MAX_TITLE_CHARS,
        key=f"{prefix}_title",
        placeholder="More socks in the van on cold nights",
    )
    description = st.text_area(
        "More detail for staff and the forum pack (optional)",
        value=row.description if row else "",
        max_chars=actions.MAX_DESCRIPTION_CHARS,
        key=f"{prefix}_description",
    )
    changed_on = st.date_input(
        "When it changed", value=row.changed_on if row else ui.today(), key=f"{prefix}_date"
    )
    themes = st.multiselect(
        "Themes that prompted it",
        options=list(options.themes),
        default=[t for t in (row.themes if row else ()) if t in options.themes],
        format_func=options.themes.get,
        key=f"{prefix}_themes",
    )
    provisions = st.multiselect(
        "Provisions it is about",
        options=list(options.provisions),
        default=[p for p in (row.provisions if row else ()) if p in options.provisions],
        format_func=options.provisions.get,
        key=f"{prefix}_provisions",
    )
    slots = st.multiselect(
        "Times it is about",
        options=list(options.slots),
        default=[s for s in (row.slots if row else ()) if s in options.slots],
        format_func=options.slots.get,
        key=f"{prefix}_slots",
    )
    asked = row.consultation_id if row else None
    consultation = st.selectbox(
        "The consultation it answers (optional)",
        options=list(options.consultations),
        index=list(options.consultations).index(asked) if asked in options.consultations else None,
        format_func=options.consultations.get,
        placeholder="None",
        key=f"{prefix}_consultation",
    )
    linked = set(row.comments if row else ())
    chosen = []
    if comments:
        st.text(
            f"Reviewed comments that prompted it (at most {actions.MAX_COMMENTS}). The public\n"
            "board shows a linked comment only while it is marked as one that may be quoted."
        )
    for comment in comments:
        with st.container(border=True):
            # A woman's words: plain text only.
            st.text(comment.text)
            quoted = "may be quoted" if comment.publishable else "not for quoting"
            # Its month, never its night (SPEC §2.6).
            st.text(f"{comment.service_date:%B %Y} · {comment.question} · {quoted}")
            if st.checkbox(
                "Link this comment", value=comment.id in linked, key=f"{prefix}_c{comment.id}"
            ):
                chosen.append(comment.id)
    return ActionDraft(
        title=title,
        changed_on=changed_on,
        description=description,
        themes=themes,
        provisions=provisions,
        slots=slots,
        comments=chosen,
        consultation=consultation,
    )


def _forget(prefix: str) -> None:
    """Empty a form: drop its widgets' values (keys starting with `prefix`)."""
    for key in [k for k in ss if str(k).startswith(prefix)]:
        del ss[key]


def _run(  # type: ignore[no-untyped-def]
    change, *args, done: str, forget: str | None = None, saved: ActionDraft | None = None
) -> None:
    """Run one change in its own transaction; say plainly what went wrong.

    On success `saved` is remembered as the new-change form's last saved draft, and the
    form's widgets (keys starting with `forget`) are emptied.
    """
    try:
        with write_session() as session:
            change(session, *args, actor=user.username)
    except ActionError as exc:
        st.warning(str(exc))
        return
    if saved is not None:
        ss[SAVED_DRAFT] = saved  # at once, before anything could stop this run
    if forget:
        _forget(forget)
    st.toast(done)
    st.rerun()


with st.expander("Record a change", expanded=False):
    with st.form("action_new", clear_on_submit=False):
        draft = _fields("new", None, offered)
        create = st.form_submit_button("Save as draft", key="action_create", type="primary")
    if create and ss.get(SAVED_DRAFT) == draft:  # the same form again: saved already
        _forget("new_")
        st.toast("Already saved as a draft.")
        st.rerun()
    if create:
        _run(actions.create_action, draft, done="Saved as a draft.", forget="new_", saved=draft)

st.subheader("Changes recorded")
left, middle, right = st.columns(3)
status = left.selectbox(
    "Status",
    options=list(STATUS_LABELS),
    format_func=STATUS_LABELS.get,
    index=None,
    placeholder="Any status",
    key="actions_status",
)
theme = middle.selectbox(
    "Theme",
    options=list(options.themes),
    format_func=options.themes.get,
    index=None,
    placeholder="Any theme",
    key="actions_theme",
)
provision = right.selectbox(
    "Provision",
    options=list(options.provisions),
    format_func=options.provisions.get,
    index=None,
    placeholder="Any provision",
    key="actions_provision",
)

with read_session() as session:
    rows = actions.list_actions(session, status=status, theme=theme, provision=provision)
    everything = actions.link_options(session, include_retired=True)
    linked_comments = {
        c.id: c
        for c in actions.reviewed_comments(
            session, limit=1000, only=[c for r in rows if r.status == "draft" for c in r.comments]
        )
    }

if not rows:
    st.text("Nothing recorded yet with these filters.")

for row in rows:
    with st.container(border=True, key=f"action_{row.id}"):
        # Typed by staff, but still shown as plain text: never Markdown or HTML.
        st.text(row.title)
        when = f"{row.changed_on:%d %b %Y} · {STATUS_LABELS[row.status]} · recorded by"
        line = f"{when} {row.created_by}"
        if row.published_at:
            line += f" · published {row.published_at:%d %b %Y}"
        st.text(line)
        if row.description:
            st.text(row.description)
        labels = everything.labels(row)
        if labels:
            st.text("Prompted by: " + ", ".join(labels))
        if row.consultation_id in everything.consultations:
            st.text(f"Answers the consultation: {everything.consultations[row.consultation_id]}")
        if row.comments:
            st.text(f"Linked comments: {len(row.comments)}")
        if row.status == "draft":
            with st.expander("Edit this draft"):
                with st.form(f"action_edit_{row.id}"):
                    mine = [linked_comments[c] for c in row.comments if c in linked_comments]
                    extra = [c for c in offered if c.id not in row.comments]
                    edited = _fields(f"edit{row.id}", row, mine + extra)
                    save = st.form_submit_button("Save changes", key=f"action_save_{row.id}")
                if save:
                    _run(actions.update_action, row.id, edited, done="Saved.")
            left, right = st.columns(2)
            if left.button("Publish to the tablet", key=f"action_publish_{row.id}", type="primary"):
                _run(actions.publish_action, row.id, done="Published.")
            if right.button("Set aside (archive)", key=f"action_archive_{row.id}"):
                _run(actions.archive_action, row.id, done="Archived.")
        elif row.status == "published" and st.button(
            "Archive: take it off the tablet", key=f"action_archive_{row.id}"
        ):
            _run(actions.archive_action, row.id, done="Archived.")
