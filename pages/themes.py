"""Themes: what the comments are about, how each theme feels, and its trend."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from db import comments, dashboard
from db.dashboard import Filters, Table
from db.session import read_session
from pages import _ui as ui


@st.cache_data(ttl=600, show_spinner=False, max_entries=64)
def _emerging(chosen: Filters, version: tuple[int, str]) -> Table:
    """Emerging terms for these filters, cached until new feedback arrives."""
    with read_session() as session:
        return comments.emerging(session, chosen)


ui.require_role("pages/themes.py")
st.title("Themes")
chosen = ui.filters()
data = ui.view("themes", chosen)
if data.empty:
    ui.empty_state()
    st.stop()

counts = data.tables["themes"]
fig = go.Figure()
for index, column in enumerate(("% positive", "% negative")):
    fig.add_trace(
        ui.bar_trace(counts.column("Theme")[::-1], counts.column(column)[::-1], column, True, index)
    )
fig.update_layout(barmode="group")
ui.figure_style(fig, "How each theme feels")
st.plotly_chart(fig, key="chart_themes_sentiment", config={"displaylogo": False})
ui.hidden_legend()

st.subheader("Comments per theme")
st.text("Choose a theme to read its comments.")
table = st.dataframe(
    ui.frame(counts),
    hide_index=True,
    key="theme_table",
    on_select="rerun",
    selection_mode="single-row",
)
selected = table.selection.rows if table and table.selection else []
if selected:
    label = counts.rows[selected[0]][0]
    with read_session() as session:
        slugs = dashboard.slugs_for_labels(session, [label])
    if slugs and st.button(f"Read the comments about {label}", key="open_theme", type="primary"):
        st.session_state["comments_theme"] = slugs[0]
        st.switch_page("pages/comments.py")
ui.data_table(counts, "themes", "themes_counts")

trend = data.tables["trend"]
top = counts.column("Theme")[:6]
line = ui.series_lines(trend, "Period starting", "Comments", "Theme", keep=top)
line.update_yaxes(title="Comments", rangemode="tozero")
ui.mark_partial(line, trend, chosen.granularity)
ui.chart_with_data(
    ui.figure_style(line, f"Top themes by {chosen.granularity}"),
    trend,
    "themes over time",
    "themes_trend",
)

st.subheader("New words in these dates")
st.text(
    "Words and phrases used more in the chosen dates than in the six months before, that "
    f"no theme picks up. Each is in at least {comments.min_emerging_count()} comments. A "
    "word that keeps coming up may need a theme, or a keyword added in Admin → Themes."
)
with read_session() as session:
    version = dashboard.data_version(session)
rising = _emerging(chosen, version)
if rising.rows:
    st.dataframe(ui.frame(rising), hide_index=True, key="table_emerging")
else:
    st.text("Nothing new stands out in these dates.")
