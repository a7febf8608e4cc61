"""Provisions: what women ask for most, how that changes, and where."""

from __future__ import annotations

import plotly.express as px
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
    go.Bar(
        x=[ui.plottable(v) for v in ranking.column("Asked for by")][::-1],
        y=ranking.column("Provision")[::-1],
        orientation="h",
    )
)
fig.update_xaxes(title="Women asking for more")
ui.chart_with_data(
    ui.figure_style(fig, "What women would like more of"), ranking, "ranking", "provisions_rank"
)

trend = ui.frame(data.tables["trend"])
trend["Asked for by"] = trend["Asked for by"].map(ui.plottable)
top = ranking.column("Provision")[:6]
line = px.line(
    trend[trend["Provision"].isin(top)],
    x="Period starting",
    y="Asked for by",
    color="Provision",
    markers=True,
)
ui.chart_with_data(
    ui.figure_style(line, f"Top provisions by {chosen.granularity}"),
    data.tables["trend"],
    "provisions over time",
    "provisions_trend",
)

sites = ui.frame(data.tables["sites"])
sites["Asked for by"] = sites["Asked for by"].map(ui.plottable)
bars = px.bar(sites, x="Provision", y="Asked for by", color="Site", barmode="group")
ui.chart_with_data(
    ui.figure_style(bars, "By site"), data.tables["sites"], "provisions by site", "provisions_sites"
)
