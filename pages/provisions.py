"""Provisions: what women ask for most, how that changes, and where."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from pages import _ui as ui

ui.require_role("pages/provisions.py")
st.title("Provisions")
chosen = ui.filters()
data = ui.view("provisions", chosen)
if data.empty:
    ui.empty_state()
    st.stop()

ui.headlines(data)
ranking = data.tables["ranking"]
if ui.nothing_counted(ranking.column("Asked for by")):
    ui.empty_state("Nobody who answered in this period asked for more of anything.")
    st.stop()
fig = go.Figure(
    ui.bar_trace(
        ranking.column("Provision")[::-1], ranking.column("Asked for by")[::-1], horizontal=True
    )
)
fig.update_xaxes(title="Women asking for more")
ui.chart_with_data(
    ui.figure_style(fig, "What women would like more of"), ranking, "ranking", "provisions_rank"
)

trend = data.tables["trend"]
top = ranking.column("Provision")[:6]
line = ui.series_lines(trend, "Period starting", "Asked for by", "Provision", keep=top)
line.update_yaxes(title="Women asking for more", rangemode="tozero")
ui.mark_partial(line, trend, chosen.granularity)
ui.chart_with_data(
    ui.figure_style(line, f"Top provisions by {chosen.granularity}"),
    trend,
    "provisions over time",
    "provisions_trend",
)

sites = data.tables["sites"]
bars = ui.series_bars(sites, "Provision", "Asked for by", "Site")
bars.update_yaxes(title="Women asking for more")
ui.chart_with_data(
    ui.figure_style(bars, "By site"), sites, "provisions by site", "provisions_sites"
)
