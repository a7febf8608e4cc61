"""Admin: accounts, sites and kiosk links, catalogue, services, themes, safety, the
safeguarding digest, translations, data, audit log."""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import streamlit as st
from sqlalchemy.orm import Session

from db import (
    admin,
    audit,
    auth,
    digest,
    maintenance,
    reanalyse,
    services,
    settings,
    themes,
    translations,
)
from db.models import ROLES
from db.session import database_url, is_sqlite, read_session, write_session
from locales import FALLBACK, available, words
from pages import _ui as ui

log = logging.getLogger(__name__)
ss = st.session_state

AUDIT_PAGE_SIZE = 50
ROLE_NAMES = {"admin": "Admin", "coordinator": "Co-ordinator", "worker": "Outreach worker"}


@dataclass(frozen=True)
class AdminList:
    """Sites, provisions or time slots, kept by db/admin.py: what the tab calls them."""

    kind: str
    noun: str
    name_word: str  # what an item's name is called
    has_icon: bool = False
    max_chars: int = admin.MAX_LABEL_CHARS
    slug_help: str = "Short code (optional: made from the label)"

    def items(self, session: Session) -> list[admin.CatalogueItem]:
        """Every item, retired ones too, in display order."""
        return admin.list_items(session, self.kind)

    def add(self, session: Session, label: str, slug: str, icon: str, actor: str) -> object:
        """Add an item at the end of the list."""
        return admin.add_item(session, self.kind, label, slug=slug, icon=icon, actor=actor)

    def update(
        self, session: Session, item: admin.CatalogueItem, label: str, icon: str | None, actor: str
    ) -> object:
        """Change an item's words (and icon)."""
        return admin.update_item(session, self.kind, item.id, label=label, icon=icon, actor=actor)

    def move(self, session: Session, item: admin.CatalogueItem, offset: int, actor: str) -> object:
        """Move an item up (-1) or down (+1)."""
        return admin.move_item(session, self.kind, item.id, offset, actor=actor)

    def set_active(
        self, session: Session, item: admin.CatalogueItem, active: bool, actor: str
    ) -> object:
        """Retire an item or restore it."""
        return admin.set_item_active(session, self.kind, item.id, active, actor=actor)


@dataclass(frozen=True)
class ServiceList:
    """The services a woman may say she used, kept by db/services.py, on the same tab shape."""

    kind: str = "services"
    noun: str = "service"
    name_word: str = "Name"
    has_icon: bool = True
    max_chars: int = services.MAX_LABEL_CHARS
    slug_help: str = "Short code (optional: made from the name; a–z, 0–9 and _)"

    def items(self, session: Session) -> list[admin.CatalogueItem]:
        """Every service, retired ones too, in display order."""
        rows = services.list_services(session, include_retired=True)
        return [
            admin.CatalogueItem(r.id, r.slug, r.label, r.icon, position, r.active)
            for position, r in enumerate(rows, start=1)
        ]

    def add(self, session: Session, label: str, slug: str, icon: str, actor: str) -> object:
        """Add a service at the end of the list (a blank code is made from the name)."""
        return services.add_service(session, label, icon, actor=actor, slug=slug.strip() or None)

    def update(
        self, session: Session, item: admin.CatalogueItem, label: str, icon: str | None, actor: str
    ) -> object:
        """Rename a service or change its icon; saving it unchanged logs nothing."""
        if label == item.label and icon == item.icon:
            return item
        return services.rename_service(session, item.slug, label, icon, actor=actor)

    def move(self, session: Session, item: admin.CatalogueItem, offset: int, actor: str) -> object:
        """Move a service up (-1) or down (+1) by putting the whole list in its new order."""
        slugs = [i.slug for i in self.items(session)]
        old = slugs.index(item.slug)
        slugs.insert(max(0, min(len(slugs) - 1, old + offset)), slugs.pop(old))
        return services.reorder_services(session, slugs, actor=actor)

    def set_active(
        self, session: Session, item: admin.CatalogueItem, active: bool, actor: str
    ) -> object:
        """Retire a service (hidden from the kiosk, data kept) or restore it."""
        change = services.restore_service if active else services.retire_service
        return change(session, item.slug, actor=actor)


CATALOGUES: dict[str, AdminList | ServiceList] = {
    "sites": AdminList(
        "sites",
        "site",
        "Name",
        slug_help=(
            "Short code for the kiosk link (optional: made from the name; a–z, 0–9 and dashes)"
        ),
    ),
    "provisions": AdminList("provisions", "provision", "Label", has_icon=True),
    "slots": AdminList("slots", "time slot", "Label"),
    "services": ServiceList(),
}
# The refusals a catalogue change may raise; their messages are written for the admin.
CATALOGUE_ERRORS = (admin.CatalogueError, services.ServiceError)


def _done(message: str) -> None:
    """Confirm a change, refresh what the kiosk and dashboards cache, and redraw the page."""
    ss["admin_flash"] = message  # fixed words of ours, never anything typed
    st.cache_data.clear()  # the kiosk reads catalogue and settings through st.cache_data
    st.rerun()


def _when(value: dt.datetime | None) -> str:
    """A UTC time as plain text."""
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


# --- Users ---------------------------------------------------------------------------


def users_tab(me: auth.StaffUser) -> None:
    """List, create, disable/enable, reset passwords and change roles."""
    with read_session() as session:
        accounts = auth.list_accounts(session)
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Username": a.username,
                    "Role": ROLE_NAMES.get(a.role, a.role),
                    "Status": "active" if a.active else "disabled",
                    "Sign-in": "waiting: being guessed" if a.locked else "",
                    "Last sign-in (UTC)": _when(a.last_sign_in_at),
                }
                for a in accounts
            ]
        ),
        hide_index=True,
        key="accounts_table",
    )

    st.subheader("Add an account")
    with st.form("new_user_form", clear_on_submit=True):
        username = st.text_input("Username", key="new_user_username", max_chars=60)
        role = st.selectbox(
            "Role",
            options=ROLES,
            index=ROLES.index("worker"),
            format_func=ROLE_NAMES.get,
            key="new_user_role",
        )
        password = st.text_input(
            "Password", type="password", key="new_user_password", max_chars=256
        )
        again = st.text_input(
            "Password again", type="password", key="new_user_password_again", max_chars=256
        )
        st.text("At least 12 characters and not a common password: a short phrase works well.")
        create = st.form_submit_button("Create account", key="create_user", type="primary")
    if create:
        if password != again:
            st.warning("The two passwords were different. Please type them again.")
        else:
            try:
                with write_session() as session:
                    auth.create_user(session, username, password, role, actor=me.username)
            except auth.AccountError as exc:
                st.warning(str(exc))
            else:
                _done("Account created. Give them the password in person, not by e-mail.")

    st.subheader("Change an account")
    by_id = {a.id: a for a in accounts}
    chosen = st.selectbox(
        "Account",
        options=list(by_id),
        format_func=lambda i: f"{by_id[i].username} ({ROLE_NAMES.get(by_id[i].role)})",
        key="manage_user",
    )
    if chosen is None:
        return
    account = by_id[chosen]
    _change_role(me, account)
    _enable_or_disable(me, account)
    _reset_password(me, account)


def _change_role(me: auth.StaffUser, account: auth.AccountRow) -> None:
    """Pick a new role for one account."""
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    new_role = left.selectbox(
        "Role",
        options=ROLES,
        index=ROLES.index(account.role),
        format_func=ROLE_NAMES.get,
        key=f"manage_role_{account.id}",
    )
    if right.button("Change role", key="change_role"):
        if new_role == account.role:
            st.info("That is already their role.")
        elif account.id == me.id:
            st.warning("You can't change your own role here. Please ask another admin.")
        else:
            try:
                with write_session() as session:
                    auth.set_role(session, account.id, new_role, actor=me.username)
            except auth.AccountError as exc:
                st.warning(str(exc))
            else:
                _done("Role changed. They will be asked to sign in again.")


def _enable_or_disable(me: auth.StaffUser, account: auth.AccountRow) -> None:
    """Disable an account (signs it out everywhere) or enable it again."""
    label = "Disable account" if account.active else "Enable account"
    if st.button(label, key="toggle_active"):
        if account.id == me.id:
            st.warning("You can't disable your own account. Please ask another admin.")
            return
        try:
            with write_session() as session:
                auth.set_active(session, account.id, not account.active, actor=me.username)
        except auth.AccountError as exc:
            st.warning(str(exc))
        else:
            _done("Account disabled." if account.active else "Account enabled.")


def _reset_password(me: auth.StaffUser, account: auth.AccountRow) -> None:
    """Set a new password for an account (also unlocks it and signs it out elsewhere)."""
    with st.form("reset_password_form", clear_on_submit=True):
        password = st.text_input(
            "New password", type="password", key="reset_password_new", max_chars=256
        )
        again = st.text_input(
            "New password again", type="password", key="reset_password_again", max_chars=256
        )
        reset = st.form_submit_button("Set new password", key="reset_password")
    if not reset:
        return
    if password != again:
        st.warning("The two passwords were different. Please type them again.")
        return
    try:
        with write_session() as session:
            auth.set_password(session, account.id, password, actor=me.username)
    except auth.AccountError as exc:
        st.warning(str(exc))
    else:
        _done("Password changed. Give it to them in person; they are signed out elsewhere.")


# --- Sites, provisions, time slots, services -----------------------------------------


def served_address() -> str | None:
    """The address this page is open at, as the browser has it, without the page's own path."""
    url = st.context.url
    if not url:
        return None
    return url.rstrip("/").removesuffix("/" + ui.staff_url_path("pages/admin.py"))


def public_url_form(me: auth.StaffUser, current: str, is_set: bool) -> None:
    """The address tablets reach Lantern at; kiosk links are built from it."""
    if not is_set:
        st.text(
            "Lantern's address is not saved yet: the kiosk links below use the address this\n"
            "page is open at. Save the address the tablets reach Lantern at, so the links\n"
            "stay the same whoever opens this page."
        )
    with st.form("public_url_form"):
        url = st.text_input(
            "Lantern's web address (kiosk links start with this)",
            value=current,
            key="public_url",
            max_chars=settings.MAX_URL_CHARS,
        )
        save = st.form_submit_button("Save address", key="save_public_url")
    if save:
        try:
            with write_session() as session:
                settings.set_public_url(session, url, actor=me.username)
        except settings.SettingError as exc:
            st.warning(str(exc))
        else:
            _done("Address saved. The kiosk links below now use it.")


def catalogue_tab(kind: str, me: auth.StaffUser) -> None:
    """List, add, rename, reorder and retire/restore sites, provisions, time slots or services."""
    catalogue = CATALOGUES[kind]
    with read_session() as session:
        items = catalogue.items(session)
        base_url = settings.public_url(session, served=served_address())
        is_set = settings.public_url_is_set(session)
    if kind == "sites":
        public_url_form(me, base_url, is_set)
    rows = []
    for item in items:
        row = {"#": item.position, catalogue.name_word: item.label}
        if catalogue.has_icon:
            row["Icon"] = item.icon
        row["Code"] = item.slug
        row["Status"] = "on the kiosk" if item.active else "retired"
        rows.append(row)
    st.dataframe(pd.DataFrame(rows), hide_index=True, key=f"{kind}_table")

    if kind == "sites":
        st.subheader("Kiosk links")
        st.text("Open a site's link on that site's tablet (copy it with the button on the right).")
        for item in items:
            if item.active:
                st.text(item.label)
                st.code(admin.kiosk_link(base_url, item.slug), language=None)

    if items:
        _edit_item(catalogue, items, me)
    _add_item(catalogue, me)


def _edit_item(
    catalogue: AdminList | ServiceList, items: list[admin.CatalogueItem], me: auth.StaffUser
) -> None:
    """Change one item: its words, icon, place in the list, or whether it is on the kiosk."""
    kind, noun = catalogue.kind, catalogue.noun
    st.subheader(f"Change a {noun}")
    by_id = {i.id: i for i in items}
    chosen = st.selectbox(
        f"Choose a {noun}",
        options=list(by_id),
        format_func=lambda i: (
            f"{by_id[i].label} ({'on the kiosk' if by_id[i].active else 'retired'})"
        ),
        key=f"{kind}_choice",
    )
    if chosen is None:
        return
    item = by_id[chosen]
    with st.form(f"{kind}_edit_form"):
        label = st.text_input(
            catalogue.name_word,
            value=item.label,
            key=f"{kind}_label_{item.id}",
            max_chars=catalogue.max_chars,
        )
        icon = None
        if catalogue.has_icon:
            icon = st.text_input(
                "Icon (one emoji)", value=item.icon, key=f"{kind}_icon_{item.id}", max_chars=16
            )
        save = st.form_submit_button("Save", key=f"{kind}_save")
    if save:
        _apply(lambda s: catalogue.update(s, item, label, icon, me.username), "Saved.")

    up, down, toggle = st.columns(3)
    if up.button("Move up", key=f"{kind}_up", disabled=item.position == 1, width="stretch"):
        _apply(lambda s: catalogue.move(s, item, -1, me.username), "Moved up.")
    last = item.position == len(items)
    if down.button("Move down", key=f"{kind}_down", disabled=last, width="stretch"):
        _apply(lambda s: catalogue.move(s, item, 1, me.username), "Moved down.")
    if toggle.button(
        "Retire (hide from the kiosk)" if item.active else "Restore to the kiosk",
        key=f"{kind}_toggle",
        width="stretch",
    ):
        done = "Retired. Its past feedback is kept." if item.active else "Restored."
        _apply(lambda s: catalogue.set_active(s, item, not item.active, me.username), done)


def _apply(change: Callable[[Session], object], message: str) -> None:
    """Run one catalogue change in a transaction; a kind warning if it was refused."""
    try:
        with write_session() as session:
            change(session)
    except CATALOGUE_ERRORS as exc:
        st.warning(str(exc))
    else:
        _done(message)


def _add_item(catalogue: AdminList | ServiceList, me: auth.StaffUser) -> None:
    """Add a new item at the end of the list."""
    kind, noun = catalogue.kind, catalogue.noun
    st.subheader(f"Add a {noun}")
    with st.form(f"{kind}_add_form", clear_on_submit=True):
        label = st.text_input(
            catalogue.name_word, key=f"{kind}_new_label", max_chars=catalogue.max_chars
        )
        slug = st.text_input(catalogue.slug_help, key=f"{kind}_new_slug", max_chars=60)
        icon = ""
        if catalogue.has_icon:
            icon = st.text_input("Icon (one emoji)", key=f"{kind}_new_icon", max_chars=16)
        add = st.form_submit_button(f"Add {noun}", key=f"{kind}_add", type="primary")
    if add:
        _apply(
            lambda s: catalogue.add(s, label, slug, icon, me.username),
            "Added. It is on the kiosk now.",
        )


# --- Themes --------------------------------------------------------------------------


def themes_tab(me: auth.StaffUser) -> None:
    """Edit each theme's keywords, then re-tag stored comments with a progress bar."""
    with read_session() as session:
        rows = themes.list_themes(session)
        pending = reanalyse.pending(session)
    st.text(
        "One keyword or phrase per line. 'sock' also finds 'socks'; 'charg*' finds any "
        "ending; '=hat' means exactly that word. Whole words only."
    )
    by_slug = {t.slug: t for t in rows}
    slug = st.selectbox(
        "Choose a theme",
        options=list(by_slug),
        format_func=lambda s: by_slug[s].label + ("" if by_slug[s].active else " (not in use)"),
        key="theme_choice",
    )
    if slug is not None:
        theme = by_slug[slug]
        with st.form("theme_form"):
            label = st.text_input("Name", value=theme.label, key=f"theme_label_{slug}")
            keywords = st.text_area(
                "Keywords and phrases",
                value="\n".join(theme.keywords),
                key=f"theme_keywords_{slug}",
                height=260,
            )
            active = st.checkbox("In use", value=theme.active, key=f"theme_active_{slug}")
            save = st.form_submit_button("Save keywords", key="save_theme", type="primary")
        if save:
            try:
                with write_session() as session:
                    themes.update_theme(
                        session,
                        slug,
                        keywords=keywords,
                        label=label,
                        active=active,
                        actor=me.username,
                    )
            except ValueError as exc:
                st.warning(str(exc))
            else:
                _done("Saved. Re-analyse stored comments so the dashboards use the new keywords.")

    st.subheader("Re-analyse stored comments")
    if pending:
        st.text(f"{pending} stored comments were read with older keywords.")
    else:
        st.text("Every stored comment is read with the current keywords.")
    if st.button("Re-analyse stored comments now", key="reanalyse", disabled=not pending):
        bar = st.progress(0.0, text="Re-analysing…")

        def step(done: int, total: int) -> None:
            bar.progress(min(1.0, done / max(total, 1)), text=f"{done} of {total} comments")

        done = reanalyse.reanalyse_all(progress=step, actor=me.username)
        _done(f"Re-analysed {done} comments. The dashboards are up to date.")


# --- Safety --------------------------------------------------------------------------


def safety_tab(me: auth.StaffUser) -> None:
    """Helplines shown with the safety message, and the neutral site Exit goes to."""
    with read_session() as session:
        lines = settings.helplines(session)
        exit_url = settings.exit_url(session)
    st.subheader("Helplines")
    st.text(
        "Shown on the thank-you screen when a comment suggests she may be in danger. "
        "Add a row at the bottom of the table; tick rows and press delete to remove them."
    )
    table = pd.DataFrame([asdict(h) for h in lines], columns=["name", "number", "note"])
    edited = st.data_editor(
        table,
        num_rows="dynamic",
        hide_index=True,
        key="helplines_editor",
        column_config={
            "name": st.column_config.TextColumn(
                "Name", required=True, max_chars=settings.HELPLINE_LIMITS["name"]
            ),
            "number": st.column_config.TextColumn(
                "Number", required=True, max_chars=settings.HELPLINE_LIMITS["number"]
            ),
            "note": st.column_config.TextColumn(
                "Note (optional)", max_chars=settings.HELPLINE_LIMITS["note"]
            ),
        },
    )
    if st.button("Save helplines", key="save_helplines", type="primary"):
        records = edited.astype(object).where(edited.notna(), None).to_dict("records")
        try:
            with write_session() as session:
                settings.set_helplines(session, records, actor=me.username)
        except settings.SettingError as exc:
            st.warning(str(exc))
        else:
            ss.pop("helplines_editor", None)  # the saved list is the new starting point
            _done("Helplines saved. The kiosk shows them from now on.")

    st.subheader("Quick exit")
    with st.form("exit_url_form"):
        url = st.text_input(
            "The neutral site the Exit button opens",
            value=exit_url,
            key="exit_url",
            max_chars=settings.MAX_URL_CHARS,
        )
        save = st.form_submit_button("Save exit site", key="save_exit_url")
    if save:
        try:
            with write_session() as session:
                settings.set_exit_url(session, url, actor=me.username)
        except settings.SettingError as exc:
            st.warning(str(exc))
        else:
            _done("Exit site saved.")

    st.subheader("Languages on the kiosk")
    st.text(", ".join(name for _, name in available()))


# --- Safeguarding digest -------------------------------------------------------------


def digest_tab(me: auth.StaffUser) -> None:
    """The safeguarding digest: its times, escalation, mail server, recipients and a test."""
    with read_session() as session:
        values = digest.form_values(session)
        people = digest.recipients(session)
        state = digest.status(session)
        address_set = settings.public_url_is_set(session)
    st.text(
        "Co-ordinators and admins who opt in get an e-mail at these times saying how many\n"
        "comments wait for safeguarding review, and the sign-in link. It never holds her\n"
        "words, her site, a category or a date. Nothing is sent when nothing waits.\n"
        "The review queue is not watched around the clock: the digest is a reminder, not an alarm."
    )
    if not address_set:
        st.text(
            "Save Lantern's address first (Sites tab): the digest's sign-in link is built from\n"
            f"it, and until then would point at {settings.DEFAULT_PUBLIC_URL}."
        )
    last = digest.slot_label(state.last_slot) if state.last_slot else "none yet"
    sent = _when(state.last_sent_at)
    lines = [f"Last digest time queued: {last}. Last e-mail sent (UTC): {sent}."]
    if state.pending:
        lines.append(f"{state.pending} e-mail(s) waiting to be sent or retried.")
    if state.last_error:
        lines.append(f"Last failure: {state.last_error} (the audit log has each one).")
    st.text("\n".join(lines))
    _digest_settings_form(me, values)
    _digest_recipients(me, people)
    _digest_test(me, people)


def _digest_settings_form(me: auth.StaffUser, values: dict[str, str]) -> None:
    """Times, escalation days and the mail server; nothing is saved unless all is valid."""
    st.subheader("When, and through which mail server")
    security = list(digest.SECURITY)
    with st.form("digest_form"):
        times = st.text_input(
            "Times of day (24-hour clock, separated by commas)",
            value=values["times"],
            key="digest_times",
            max_chars=200,
        )
        days = st.text_input(
            "Escalate a comment that has waited more than this many days since its service date",
            value=values["escalation_days"],
            key="digest_escalation_days",
            max_chars=4,
        )
        host = st.text_input(
            "Mail server (leave blank to turn the digest off)",
            value=values["host"],
            key="smtp_host",
            max_chars=253,
        )
        port = st.text_input("Port", value=values["port"], key="smtp_port", max_chars=5)
        chosen = st.selectbox(
            "Security",
            options=security,
            index=security.index(values["security"]) if values["security"] in security else 0,
            format_func=digest.SECURITY.get,
            key="smtp_security",
        )
        user = st.text_input(
            "User name on the mail server (optional)",
            value=values["user"],
            key="smtp_user",
            max_chars=digest.MAX_ADDRESS_CHARS,
        )
        sender = st.text_input(
            "From address",
            value=values["from_address"],
            key="smtp_from",
            max_chars=digest.MAX_ADDRESS_CHARS,
        )
        given = "is set" if digest.password() else "is not set"
        st.text(
            f"The password is never stored here: it is {digest.PASSWORD_VARIABLE} in the\n"
            f"server's environment (/etc/lantern/lantern.env), which {given} for this process."
        )
        save = st.form_submit_button("Save digest settings", key="save_digest", type="primary")
    if not save:
        return
    try:
        with write_session() as session:
            digest.save_settings(
                session,
                times=times,
                escalation_days=days,
                host=host,
                port=port,
                security=chosen or "starttls",
                user=user,
                from_address=sender,
                actor=me.username,
            )
    except digest.DigestError as exc:
        st.warning("Nothing was saved. Please correct this:")
        st.text(str(exc))  # may quote what was typed: plain text, never Markdown
    else:
        _done("Digest settings saved.")


def _digest_recipients(me: auth.StaffUser, people: list[digest.Recipient]) -> None:
    """Each admin's and co-ordinator's address, and whether they get the digest."""
    st.subheader("Recipients")
    if not people:
        st.text("There are no admin or co-ordinator accounts yet.")
        return
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "Account": p.username,
                    "Role": ROLE_NAMES.get(p.role, p.role),
                    "E-mail": p.email or "",
                    "Digest": "on" if p.opted_in and p.active else "off",
                    "Status": "active" if p.active else "disabled",
                }
                for p in people
            ]
        ),
        hide_index=True,
        key="digest_recipients_table",
    )
    by_id = {p.user_id: p for p in people}
    chosen = st.selectbox(
        "Account",
        options=list(by_id),
        index=list(by_id).index(me.id) if me.id in by_id else 0,
        format_func=lambda i: f"{by_id[i].username} ({ROLE_NAMES.get(by_id[i].role)})",
        key="digest_account",
    )
    if chosen is None:
        return
    person = by_id[chosen]
    with st.form("digest_recipient_form"):
        email = st.text_input(
            "E-mail address",
            value=person.email or "",
            key=f"digest_email_{person.user_id}",
            max_chars=digest.MAX_ADDRESS_CHARS,
        )
        opted_in = st.checkbox(
            "Send them the digest", value=person.opted_in, key=f"digest_opt_in_{person.user_id}"
        )
        save = st.form_submit_button("Save recipient", key="save_recipient")
    if not save:
        return
    try:
        with write_session() as session:
            digest.set_recipient(session, person.user_id, email, opted_in, actor=me.username)
    except digest.DigestError as exc:
        st.warning("Nothing was saved. Please correct this:")
        st.text(str(exc))
    else:
        _done("Recipient saved.")


def _digest_test(me: auth.StaffUser, people: list[digest.Recipient]) -> None:
    """Send a test e-mail to the admin's own address, and say plainly what happened."""
    st.subheader("Test")
    mine = next((p.email for p in people if p.user_id == me.id), None)
    st.text(f"Sends a test e-mail now to your own address ({mine or 'not set yet'}).")
    if not st.button("Send a test e-mail to me", key="digest_test", disabled=not mine):
        return
    try:
        with st.spinner("Talking to the mail server…"):
            problem = digest.send_test(mine, actor=me.username)
    except digest.DigestError as exc:
        st.warning("The test e-mail was not sent:")
        st.text(str(exc))
        return
    if problem:
        st.warning("The test e-mail was not sent. The mail server said:")
        st.text(problem)  # the server's reply: plain text
    else:
        _done("Test e-mail sent. Check your inbox (and the spam folder).")


# --- Translations --------------------------------------------------------------------


def _other_languages() -> dict[str, str]:
    """The kiosk's languages besides English: code -> the language's name in itself."""
    return {code: name for code, name in available() if code != FALLBACK}


def _present(coverage: translations.Coverage, language: str) -> str:
    """'3 of 12', and how many were written for English that has changed since."""
    text = f"{coverage.translated[language]} of {coverage.items}"
    stale = coverage.to_check[language]
    return f"{text} ({stale} to check)" if stale else text


def _built_in(kind: str, slug: str, language: str) -> str | None:
    """The locale file's own words for a default catalogue item, if it has them."""
    key = f"{kind}_labels.{slug}"
    found = words(language).get(key)
    if isinstance(found, str) and found and found != words(FALLBACK).get(key):
        return found
    return None


def translations_tab(me: auth.StaffUser) -> None:
    """Staff's words in the kiosk's other languages: how many are present, and editing them."""
    languages = _other_languages()
    if not languages:
        st.text("The kiosk speaks only English so far: a language needs its file in locales/.")
        return
    with read_session() as session:
        present = translations.coverage(session, list(languages))
    st.subheader("Translations present")
    st.text(
        "How many of the names the kiosk shows have words in each language. Without them "
        "she reads the built-in words for the standard provisions, times and services, or "
        "else the English."
    )
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "What": translations.KINDS[c.kind].title,
                    "On the kiosk": c.items,
                    **{name: _present(c, code) for code, name in languages.items()},
                }
                for c in present
            ]
        ),
        hide_index=True,
        key="translations_table",
    )

    st.subheader("Translate")
    left, right = st.columns(2)
    language = left.selectbox(
        "Language", options=list(languages), format_func=languages.get, key="translation_language"
    )
    kind = right.selectbox(
        "What",
        options=list(translations.KINDS),
        format_func=lambda k: translations.KINDS[k].title,
        key="translation_kind",
    )
    if language is None or kind is None:
        return
    with read_session() as session:
        rows = translations.for_language(session, kind, language)
    if not rows:
        st.text("There is nothing of this kind on the kiosk now.")
        return
    _translation_form(me, kind, language, rows, languages)


def _translation_form(
    me: auth.StaffUser,
    kind: str,
    language: str,
    rows: list[translations.ItemTranslation],
    languages: dict[str, str],
) -> None:
    """Each thing's English beside a box for its words in language; blank removes them."""
    spec = translations.KINDS[kind]
    st.text(
        f"The English is on the left. Type what she should read in {languages[language]}; "
        "leave a box blank to remove the words."
    )
    typed, confirmed = {}, {}
    with st.form("translations_form"):
        for number, row in enumerate(rows, start=1):
            english, box = st.columns(2)
            # Typed by staff: plain text only.
            english.text(row.item.english)
            if row.item.context:
                english.text(f"({row.item.context})")
            slug = row.item.slug
            built_in = _built_in(kind, slug, language)
            typed[slug] = box.text_input(
                f"{spec.noun.capitalize()} {number} in {languages[language]}",
                value=row.text,
                key=f"translation_{language}_{kind}_{slug}",
                max_chars=spec.max_chars,
                label_visibility="collapsed",
                placeholder=f"Built in: {built_in}" if built_in else "Blank: the English is shown",
            )
            if row.stale:
                box.text(f"Written for earlier English: {row.source}")
                confirmed[slug] = box.checkbox(
                    "Still right for the English now",
                    key=f"translation_ok_{language}_{kind}_{slug}",
                )
        save = st.form_submit_button("Save translations", key="save_translations", type="primary")
    if not save:
        return
    changed = [
        (row.item.slug, typed[row.item.slug])
        for row in rows
        if typed[row.item.slug] != row.text or confirmed.get(row.item.slug)
    ]
    if not changed:
        st.info("Nothing was changed.")
        return
    try:
        with write_session() as session:
            for slug, text in changed:
                translations.set_translation(
                    session, kind, slug, language, text, actor=me.username, languages=languages
                )
    except translations.TranslationError as exc:
        st.warning(str(exc))
    else:
        _done("Translations saved. The kiosk shows them now.")


# --- Data: retention and backups ------------------------------------------------------


def data_tab(me: auth.StaffUser) -> None:
    """Retention period and run-now, backup folder and back-up-now."""
    with read_session() as session:
        months = settings.retention_months(session)
        last_purge = settings.last_purge_date(session)
        folder = settings.get_value(session, "backup_dir") or settings.DEFAULT_BACKUP_DIR
    cutoff = maintenance.retention_cutoff(dt.date.today(), months)  # as purge counts it
    st.subheader("Retention")
    last_run = f"{last_purge:%d %B %Y}" if last_purge else "not yet"
    st.text(
        f"Free text is kept for {months} months. Each day, the words of comments from "
        f"before {cutoff:%d %B %Y} are deleted for good; ratings and choices are kept.\n"
        f"Last run: {last_run}."
    )
    with st.form("retention_form"):
        new_months = st.number_input(
            "Keep free text for (months)",
            min_value=1,
            max_value=settings.MAX_RETENTION_MONTHS,
            value=min(months, settings.MAX_RETENTION_MONTHS),
            step=1,
            key="retention_months",
        )
        st.text("A shorter period deletes older words at the next daily run; it can't be undone.")
        save = st.form_submit_button("Save retention period", key="save_retention")
    if save:
        try:
            with write_session() as session:
                settings.set_retention_months(session, int(new_months), actor=me.username)
        except settings.SettingError as exc:
            st.warning(str(exc))
        else:
            _done("Retention period saved.")
    if st.button("Run retention now", key="run_purge"):
        with write_session() as session:
            removed = maintenance.run_purge(session, actor=me.username)
        maintenance.scrub_after_purge()
        _done(f"Removed the text of {removed} old answers. Ratings and choices are kept.")

    st.subheader("Backups")
    with st.form("backup_dir_form"):
        new_folder = st.text_input(
            "Backup folder on the server (relative folders are inside Lantern's folder)",
            value=folder,
            key="backup_dir",
            max_chars=settings.MAX_URL_CHARS,
        )
        save_folder = st.form_submit_button("Save folder", key="save_backup_dir")
    if save_folder:
        try:
            with write_session() as session:
                settings.set_backup_dir(session, new_folder, actor=me.username)
        except settings.SettingError as exc:
            st.warning(str(exc))
        else:
            _done("Backup folder saved.")
    if st.button("Back up now", key="backup_now", type="primary"):
        try:
            path = maintenance.backup_now(actor=me.username)
        except (maintenance.BackupError, OSError) as exc:
            st.warning("The backup could not be made. Check the folder exists and may be written.")
            st.text(str(exc)[:300])
        except Exception as exc:
            log.error("Back up now failed: %s", type(exc).__name__)
            st.warning("The backup could not be made. The server log has the details.")
        else:
            ss["admin_last_backup"] = str(path)
            _done("Backup made.")
    _latest_backup(me)


def _latest_backup(me: auth.StaffUser) -> None:
    """Where the latest backup went, and (for SQLite) a download of it."""
    latest = ss.get("admin_last_backup")
    if not latest or not Path(latest).is_file():
        return
    path = Path(latest)
    st.text("Latest backup, on the server:")
    st.code(str(path), language=None)
    if not is_sqlite(database_url()):
        st.text("PostgreSQL backups stay on the server (restore with python -m db.manage restore).")
        return
    if path.stat().st_size > maintenance.BACKUP_DOWNLOAD_LIMIT:
        st.text("This backup is too big to download here; copy it from the server.")
        return
    st.text("It holds every stored comment: keep any copy encrypted, and delete it when done.")
    st.download_button(
        "Download this backup",
        data=path.read_bytes,  # read only when clicked, not on every redraw
        file_name=path.name,
        mime="application/vnd.sqlite3",
        key="download_backup",
        on_click=_audit_download,
        args=(me.username, path.name),
    )


def _audit_download(actor: str, name: str) -> None:
    """A downloaded backup is an export: it goes in the audit log."""
    try:
        with write_session() as session:
            audit.record(session, "backup_downloaded", actor=actor, target=name)
    except Exception as exc:
        log.error("Recording a backup download failed: %s", type(exc).__name__)


# --- Audit log -----------------------------------------------------------------------


def audit_tab() -> None:
    """The audit log, filtered by action, person and dates, a page at a time."""
    with read_session() as session:
        actions = audit.actions(session)
        actors = audit.actors(session)
    left, middle, right = st.columns(3)
    action = left.selectbox(
        "Action",
        options=["", *actions],
        format_func=lambda a: a or "All actions",
        key="audit_action",
    )
    actor = middle.selectbox(
        "Who", options=["", *actors], format_func=lambda a: a or "Everyone", key="audit_actor"
    )
    today = dt.date.today()  # audit events carry real times, not service dates
    dates = right.date_input(
        "Dates",
        value=(today - dt.timedelta(days=90), today),
        max_value=today,
        key="audit_dates",
        format="DD/MM/YYYY",
    )
    start, end = (dates[0], dates[-1]) if dates else (today, today)
    since = dt.datetime.combine(min(start, end), dt.time.min, dt.UTC)
    until = dt.datetime.combine(max(start, end) + dt.timedelta(days=1), dt.time.min, dt.UTC)
    filters = {"actor": actor or None, "action": action or None, "since": since, "until": until}
    with read_session() as session:
        total = audit.count_events(session, **filters)
    pages = max(1, math.ceil(total / AUDIT_PAGE_SIZE))
    if ss.get("audit_page", 1) > pages:  # fewer pages after narrowing the filters
        ss["audit_page"] = pages
    page = st.number_input("Page", min_value=1, max_value=pages, step=1, key="audit_page")
    with read_session() as session:
        rows = audit.events(
            session, **filters, limit=AUDIT_PAGE_SIZE, offset=(int(page) - 1) * AUDIT_PAGE_SIZE
        )
    st.text(f"{total} events · page {int(page)} of {pages}")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "When (UTC)": e.at.strftime("%Y-%m-%d %H:%M:%S"),
                    "Who": e.actor or "",
                    "Action": e.action,
                    "About": e.target or "",
                    "Detail": e.detail or "",
                }
                for e in rows
            ],
            columns=["When (UTC)", "Who", "Action", "About", "Detail"],
        ),
        hide_index=True,
        key="audit_table",
    )


# --- The page ------------------------------------------------------------------------

me = ui.require_role("pages/admin.py")
st.title("Admin")
flash = ss.pop("admin_flash", None)
if flash:
    st.toast(flash)

tabs = st.tabs(
    [
        "Users",
        "Sites",
        "Provisions",
        "Time slots",
        "Services",
        "Themes",
        "Safety",
        "Digest",
        "Translations",
        "Data",
        "Audit log",
    ]
)
with tabs[0]:
    users_tab(me)
with tabs[1]:
    catalogue_tab("sites", me)
with tabs[2]:
    catalogue_tab("provisions", me)
with tabs[3]:
    catalogue_tab("slots", me)
with tabs[4]:
    catalogue_tab("services", me)
with tabs[5]:
    themes_tab(me)
with tabs[6]:
    safety_tab(me)
with tabs[7]:
    digest_tab(me)
with tabs[8]:
    translations_tab(me)
with tabs[9]:
    data_tab(me)
with tabs[10]:
    audit_tab()
