"""Shared pieces of the staff pages: who is signed in, who may see what, filters, charts."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import streamlit as st

from analysis.disclosure import current_threshold
from db import audit, auth, dashboard, exports
from db.dashboard import Filters, Table, View
from db.service_day import service_date_now
from db.session import read_session, write_session

log = logging.getLogger(__name__)

STAFF_KEY = "staff"
ALL_STAFF = ("admin", "coordinator", "worker")
COORDINATORS = ("admin", "coordinator")
ADMINS = ("admin",)

# page file -> (title, icon, roles that may open it). app.py builds navigation from this,
# and every page checks it again at its top with require_role().
STAFF_PAGES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "pages/overview.py": ("Overview", "📊", ALL_STAFF),
    "pages/provisions.py": ("Provisions", "🧦", COORDINATORS),
    "pages/times.py": ("Times", "🕘", COORDINATORS),
    "pages/themes.py": ("Themes", "🏷️", COORDINATORS),
    "pages/comments.py": ("Comments", "💬", COORDINATORS),
    "pages/safeguarding.py": ("Safeguarding review", "🛟", COORDINATORS),
    "pages/assisted.py": ("Assisted entry", "🤝", ALL_STAFF),
    "pages/consultations.py": ("Consultations", "🗳️", COORDINATORS),
    "pages/actions.py": ("You said, we did", "✅", COORDINATORS),
    "pages/report.py": ("Forum report", "📄", COORDINATORS),
    "pages/admin.py": ("Admin", "⚙️", ADMINS),
}


def staff_url_path(page: str) -> str:
    """The URL path of a staff page: "pages/overview.py" -> "staff-overview"."""
    return "staff-" + page.removeprefix("pages/").removesuffix(".py")


SIGN_OUT_REASONS = {
    "idle": "You were signed out after 15 minutes without activity.",
    "expired": "You were signed out after 8 hours. Please sign in again.",
    "disabled": "Your account is no longer active.",
    "signed_out_everywhere": "You were signed out everywhere.",
}


def sign_in_session(user: auth.StaffUser) -> None:
    """Remember the signed-in user in this browser session only."""
    now = auth.utcnow()
    st.session_state[STAFF_KEY] = {
        "id": user.id,
        "username": user.username,
        "role": user.role,
        "signed_in_at": now,
        "last_seen": now,
    }


def forget_session(reason: str | None = None) -> None:
    """Sign this browser session out; the next run shows the sign-in page (with the reason)."""
    st.session_state.pop(STAFF_KEY, None)
    st.session_state["_go_sign_in"] = True
    if reason:
        st.session_state["signed_out_reason"] = reason


def current_user() -> auth.StaffUser | None:
    """The signed-in user if the sign-in is still valid (idle, absolute, disabled, revoked)."""
    staff = st.session_state.get(STAFF_KEY)
    if not staff:
        return None
    now = auth.utcnow()
    try:
        with write_session() as session:
            user, reason = auth.check_session(
                session, staff["id"], staff["signed_in_at"], staff["last_seen"], now
            )
            if user is None:
                audit.record(session, "session_ended", actor=staff["username"], detail=reason)
    except Exception as exc:
        log.error("Checking a staff session failed: %s", type(exc).__name__)
        return None
    if user is None:
        forget_session(reason)
        return None
    staff["last_seen"] = now
    staff["role"] = user.role
    return user


def require_role(page: str) -> auth.StaffUser:
    """Stop the page unless a signed-in user whose role may open it is present."""
    roles = STAFF_PAGES[page][2]
    user = current_user()
    if user is None or user.role not in roles:
        st.text("Please sign in to see this page.")
        st.stop()
    return user


def sign_out(everywhere: bool = False) -> None:
    """Sign out of this session, or of every session of this account."""
    staff = st.session_state.get(STAFF_KEY)
    if staff:
        with write_session() as session:
            if everywhere:
                auth.sign_out_everywhere(session, staff["id"])
            else:
                audit.record(session, "sign_out", actor=staff["username"])
    forget_session("signed_out_everywhere" if everywhere else None)


def today() -> dt.date:
    """Today as the service counts it: before 6am it is still the evening before (one
    place, so tests can move it)."""
    return service_date_now()


# --- Filters, numbers, charts and downloads shared by every dashboard ------------------

# Okabe–Ito: distinguishable with the common forms of colour blindness.
PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
HIDDEN_HELP = "Hidden: it rests on fewer than {n} people, so it could identify someone."
FILTER_KEYS = ("f_dates", "f_sites", "f_service", "f_period")


@st.cache_data(ttl=60, show_spinner=False)
def _filter_options() -> tuple[dict[int, str], dict[int, str], tuple[dt.date, dt.date] | None]:
    """Sites and services to filter by, and the range of dates with feedback."""
    with read_session() as session:
        return (
            dashboard.site_names(session),
            dashboard.service_names(session),
            dashboard.date_bounds(session),
        )


def filters() -> Filters:
    """Date range, sites, service and period, in the sidebar, shared by every dashboard page."""
    for key in FILTER_KEYS:  # keep choices when moving between pages
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
    names, services, bounds = _filter_options()
    if st.session_state.get("f_service") not in (None, *services):
        del st.session_state["f_service"]  # a choice from a list that has since changed
    end = today()
    default_start = end - dt.timedelta(weeks=26)
    if bounds:
        default_start = max(default_start, bounds[0])
    st.session_state.setdefault("f_dates", (default_start, end))
    st.session_state.setdefault("f_period", "week")
    with st.sidebar:
        st.subheader("Filters")
        dates = st.date_input("Dates", max_value=end, key="f_dates", format="DD/MM/YYYY")
        sites = st.multiselect(
            "Sites",
            options=list(names),
            format_func=names.get,
            key="f_sites",
            placeholder="All sites",
        )
        service = st.selectbox(
            "Service used",
            options=list(services),
            format_func=services.get,
            index=None,
            key="f_service",
            placeholder="All services",
            help="Only feedback from women who said they used this service that day.",
        )
        period = st.radio(
            "Show trends by", options=("week", "month"), key="f_period", horizontal=True
        )
    start, finish = (dates[0], dates[-1]) if dates else (default_start, end)
    if start > finish:
        start, finish = finish, start
    return Filters(start, finish, tuple(sites), period, service or dashboard.ALL_SERVICES)


def empty_state(
    note: str = "No feedback matches these filters yet. Try a longer date range or more sites.",
) -> None:
    """A friendly note instead of an empty chart."""
    st.info(note, icon="🔎")


def nothing_counted(values: list) -> bool:
    """True when a chart would have nothing to draw: every count is 0."""
    return all(v == 0 for v in values)


def metric(label: str, value: int | float | str | None, unit: str = "", help: str = "") -> None:
    """One headline number; hidden values say why."""
    if value is None or isinstance(value, str):
        shown = value or "hidden"  # a share or average on too few people
        st.metric(label, shown, help=HIDDEN_HELP.format(n=current_threshold()))
    else:
        shown = f"{value:,}{unit}" if isinstance(value, int) else f"{value}{unit}"
        st.metric(label, shown, help=help or None)


def headlines(view: View) -> None:
    """A row of headline numbers."""
    columns = st.columns(len(view.headlines))
    for column, headline in zip(columns, view.headlines, strict=True):
        with column:
            metric(headline.label, headline.value, headline.unit, headline.help)


def plottable(value: int | float | str | None) -> int | float | None:
    """Hidden counts ("<8") and hidden percentages (None) are gaps in a chart; the
    charts below mark each gap with why (hidden_mark)."""
    return None if isinstance(value, str) else value


HIDDEN_SHARE = "*"
HIDDEN_LEGEND = (
    "{hidden}: a count of 1 to {top} people, hidden so nobody can be picked out. "
    "*: a percentage or average hidden because it rests on fewer than {n} people, "
    "or would give a hidden count away."
)


def hidden_mark(value: object) -> str:
    """What a gap in a chart says: "<8" for a hidden count, "*" for a hidden share."""
    if isinstance(value, str):
        return value
    return HIDDEN_SHARE if value is None else ""


def _shown(value: object) -> object:
    """A table cell as displayed: a hidden share (None) says "*", never None or blank."""
    return HIDDEN_SHARE if value is None else value


def frame(table: Table) -> pd.DataFrame:
    """A small display DataFrame of an already-aggregated, protected table.

    Hidden values say so: "<8" for counts, "*" for shares and averages; a column that
    mixes them with numbers is shown as text. For display only: charts read the Table.
    """
    data = pd.DataFrame(list(table.rows), columns=list(table.columns))
    for column in data.columns:
        values = table.column(column)  # not data[column]: pandas turns None into NaN
        if any(v is None or isinstance(v, str) for v in values) and any(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values
        ):
            data[column] = [str(_shown(v)) for v in values]
        elif any(v is None for v in values):
            data[column] = [_shown(v) for v in values]
    return data


def _hover(values: list, name: str, axis: str) -> dict:
    """Hover text that says what a hidden value is, not just that it is missing."""
    n = current_threshold()
    words = {
        HIDDEN_SHARE: f"hidden (rests on fewer than {n} people)",
    }
    said = [
        (words.get(hidden_mark(v)) or f"fewer than {n} (hidden)") if hidden_mark(v) else f"{v:,}"
        for v in values
    ]
    return {
        "customdata": said,
        "hovertemplate": f"%{{{axis}}}: %{{customdata}}<extra>{name}</extra>",
    }


def bar_trace(  # type: ignore[no-untyped-def]
    categories: list, values: list, name: str = "", horizontal: bool = False, index: int = 0
):
    """A bar series whose hidden values show as an empty bar marked "<8" or "*"; `index`
    picks its colour from the palette."""
    import plotly.graph_objects as go

    heights = [plottable(v) or 0 for v in values]
    marks = [hidden_mark(v) for v in values]
    axes = {"x": heights, "y": categories} if horizontal else {"x": categories, "y": heights}
    return go.Bar(
        **axes,
        name=name,
        orientation="h" if horizontal else "v",
        text=marks,
        textposition="outside",
        cliponaxis=False,
        marker={"color": PALETTE[index % len(PALETTE)]},
        **_hover(values, name, "y" if horizontal else "x"),
    )


def add_line(fig, x: list, values: list, name: str, dash: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """A line with gaps where values are hidden, each gap marked at the foot with why,
    in the line's own colour (the next in the palette)."""
    colour = PALETTE[len({t.legendgroup for t in fig.data}) % len(PALETTE)]
    fig.add_scatter(
        x=x,
        y=[plottable(v) for v in values],
        name=name,
        mode="lines+markers",
        connectgaps=False,
        legendgroup=name,
        line={"color": colour, "dash": dash},
        **_hover(values, name, "x"),
    )
    gaps = [(day, v) for day, v in zip(x, values, strict=True) if hidden_mark(v)]
    if gaps:
        fig.add_scatter(
            x=[day for day, _ in gaps],
            y=[0] * len(gaps),
            name=f"{name} (hidden)",
            mode="markers+text",
            text=[hidden_mark(v) for _, v in gaps],
            textposition="top center",
            marker={"symbol": "x-thin-open", "size": 8, "color": colour},
            textfont={"color": colour},
            legendgroup=name,
            showlegend=False,
            **_hover([v for _, v in gaps], name, "x"),
        )


def _series(table: Table, x: str, y: str, series: str) -> dict[str, tuple[list, list]]:
    """A long table (x, series, y rows) split into one (xs, ys) pair per series, in order."""
    split: dict[str, tuple[list, list]] = {}
    for at, value, name in zip(table.column(x), table.column(y), table.column(series), strict=True):
        xs, ys = split.setdefault(str(name), ([], []))
        xs.append(at)
        ys.append(value)
    return split


def series_lines(table: Table, x: str, y: str, series: str, keep: list | None = None):  # type: ignore[no-untyped-def]
    """One line per series (e.g. per provision) from a long table, hidden values marked."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for name, (xs, ys) in _series(table, x, y, series).items():
        if keep is None or name in keep:
            add_line(fig, xs, ys, name)
    return fig


def series_bars(table: Table, x: str, y: str, series: str):  # type: ignore[no-untyped-def]
    """Grouped bars, one colour per series, from a long table, hidden values marked."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for index, (name, (xs, ys)) in enumerate(_series(table, x, y, series).items()):
        fig.add_trace(bar_trace(xs, ys, name, index=index))
    fig.update_layout(barmode="group")
    return fig


def mark_partial(fig, table: Table, granularity: str) -> None:  # type: ignore[no-untyped-def]
    """Shade each week or month the chosen dates do not wholly cover, and say so."""
    from db.dashboard import COVERS

    if COVERS not in table.columns:
        return
    half = dt.timedelta(days=15 if granularity == "month" else 3.5)
    seen = set()
    for start, cover in zip(table.column("Period starting"), table.column(COVERS), strict=True):
        if cover.startswith("whole") or start in seen:
            continue
        seen.add(start)
        fig.add_vrect(
            x0=start - half,
            x1=start + half,
            fillcolor="#999999",
            opacity=0.15,
            line_width=0,
            annotation_text="so far" if "so far" in cover else "partial",
            annotation_position="top left",
        )


def figure_style(fig, title: str):  # type: ignore[no-untyped-def]
    """House style for Plotly charts: palette, dark background, readable fonts."""
    fig.update_layout(
        title=title,
        colorway=list(PALETTE),
        template="plotly_dark",
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        legend={"orientation": "h", "y": -0.2},
    )
    # Plotly Express gives each series a colour of its own choosing when the figure is
    # made; give those series the palette's colours instead, in order of appearance.
    given: dict[str, str] = {}
    for trace in fig.data:
        for part in (getattr(trace, "marker", None), getattr(trace, "line", None)):
            colour = getattr(part, "color", None)
            if isinstance(colour, str) and colour not in PALETTE:
                part.color = given.setdefault(colour, PALETTE[len(given) % len(PALETTE)])
    return fig


def chart_with_data(fig, table: Table, name: str, key: str) -> None:  # type: ignore[no-untyped-def]
    """A chart, then its data table and a formula-safe CSV download of that table."""
    st.plotly_chart(fig, key=f"chart_{key}", config={"displaylogo": False})
    data_table(table, name, key)


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def data_table(table: Table, name: str, key: str) -> None:
    """The table behind a chart, as CSV or XLSX (counts rounded to 5, formulas neutralised)."""
    rows = tuple(tuple(_shown(v) for v in row) for row in table.rows)  # "*", not blank
    with st.expander(f"Data: {name}"):
        st.dataframe(frame(table), hide_index=True, key=f"table_{key}")
        hidden_legend()
        left, right = st.columns(2)
        left.download_button(
            "Download CSV",
            data=exports.csv_bytes(table.columns, rows),
            file_name=f"lantern-{key}.csv",
            mime="text/csv",
            key=f"csv_{key}",
            on_click=_audit_export,
            args=(key,),
        )
        right.download_button(
            "Download as XLSX",
            data=exports.xlsx_bytes({name: (table.columns, rows)}),
            file_name=f"lantern-{key}.xlsx",
            mime=XLSX_MIME,
            key=f"xlsx_{key}",
            on_click=_audit_export,
            args=(f"{key}.xlsx",),
        )


def hidden_legend() -> None:
    """The one line under a table that says what "<8" and "*" mean."""
    n = current_threshold()
    st.caption(HIDDEN_LEGEND.format(hidden=f"<{n}", top=n - 1, n=n))


def _audit_export(key: str) -> None:
    """Every export is in the audit log (SPEC §6)."""
    staff = st.session_state.get(STAFF_KEY) or {}
    try:
        with write_session() as session:
            audit.record(session, "export", actor=staff.get("username"), target=key)
    except Exception as exc:
        log.error("Recording an export failed: %s", type(exc).__name__)


@st.cache_data(ttl=600, show_spinner=False, max_entries=256)
def _cached_view(name: str, chosen: Filters, version: tuple[int, str]) -> View:
    """A dashboard view, cached per filters and data version."""
    with read_session() as session:
        return getattr(dashboard, name)(session, chosen)


def view(name: str, chosen: Filters) -> View:
    """The named view from db/dashboard.py; recomputed when new feedback arrives."""
    with read_session() as session:
        version = dashboard.data_version(session)
    return _cached_view(name, chosen, version)


CONCERN_LABELS = {
    "immediate_danger": "May be in danger now",
    "self_harm_suicide": "Self-harm or suicidal thoughts",
    "violence_assault": "Violence or assault",
    "domestic_abuse": "Domestic abuse",
    "stalking_harassment": "Stalking or harassment",
    "exploitation_trafficking": "Exploitation or being controlled",
    "child_safeguarding": "A child may be at risk",
    "overdose_medical": "Overdose or medical emergency",
}


def language_name(code: str | None) -> str:
    """A language's English name from its ISO 639-1 code ("another language" if unknown)."""
    from analysis.language import NAMES, OTHER_NAMES

    if not code:
        return "another language"
    return NAMES.get(code) or OTHER_NAMES.get(code) or f"another language ({code})"


def not_read_note(language: str | None) -> None:
    """The line under an answer the analysis could not read (SPEC §4: never passed over)."""
    st.text(
        f"Not read automatically: written in {language_name(language)}, which "
        "Lantern's analysis does not read. Please read it yourself or ask someone who can."
    )


def comment_card(comment, theme_names: dict[str, str], user: auth.StaffUser) -> None:  # type: ignore[no-untyped-def]
    """One comment as plain text (never Markdown or HTML), its tags, and a review form."""
    with st.container(border=True, key=f"comment_{comment.id}"):
        # Its week or month and site, never its night (db.comments.search_comments).
        st.text(f"{comment.when} · {comment.site} · {comment.question}")
        st.text(comment.text)
        if not comment.machine_read:
            not_read_note(comment.language)
        tags = [theme_names.get(t, t) for t in comment.themes]
        details = [f"Feels: {comment.sentiment or 'unknown'}"]
        if tags:
            details.append("Themes: " + ", ".join(tags))
        if comment.concerns:
            details.append(
                "Concerns: " + ", ".join(CONCERN_LABELS.get(c, c) for c in comment.concerns)
            )
        if comment.reviewed:
            details.append("Reviewed" + (" · may be quoted" if comment.publishable else ""))
        st.text(" · ".join(details))
        if comment.review_note:
            st.text(f"Note: {comment.review_note}")
        with st.popover("Review", key=f"review_{comment.id}"):
            review_form(comment, user)


def review_form(comment, user: auth.StaffUser) -> None:  # type: ignore[no-untyped-def]
    """Mark a comment reviewed, with a short note and whether it may be quoted."""
    from db import comments as db_comments

    with st.form(f"review_form_{comment.id}"):
        note = st.text_area(
            "Note (no names or identifying details)",
            value=comment.review_note,
            max_chars=db_comments.MAX_NOTE_CHARS,
            key=f"note_{comment.id}",
        )
        # A comment read as a safeguarding concern is never quoted (db/actions.no_concern).
        publishable = not comment.concerns and st.checkbox(
            "May be quoted word for word in the forum pack",
            value=comment.publishable,
            key=f"publishable_{comment.id}",
        )
        if st.form_submit_button("Mark reviewed", key=f"mark_{comment.id}"):
            with write_session() as session:
                db_comments.review(
                    session,
                    comment.id,
                    reviewer=user.username,
                    note=note,
                    publishable=publishable,
                )
            st.toast("Saved.")
            st.rerun()
