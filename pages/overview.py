"""Overview: how many responded, how they rated tonight, and how that is changing."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from pages import _ui as ui

ui.require_role("pages/overview.py")
st.title("Overview")
chosen = ui.filters()
data = ui.view("overview", chosen)

if data.empty:
    ui.empty_state()
    st.stop()

ui.headlines(data)

trend = data.tables["trend"]
periods = trend.column("Period starting")
fig = go.Figure()
fig.add_scatter(
    x=periods,
    y=[ui.plottable(v) for v in trend.column("% good or very good")],
    name="% rated good or very good",
    mode="lines+markers",
)
fig.add_scatter(
    x=periods,
    y=[ui.plottable(v) for v in trend.column("% comments positive")],
    name="% comments positive",
    mode="lines+markers",
    line={"dash": "dash"},
)
fig.update_yaxes(range=[0, 100], title="%")
ui.chart_with_data(
    ui.figure_style(fig, f"Ratings and comments by {chosen.granularity}"),
    trend,
    "ratings and comments over time",
    "overview_trend",
)

responses = go.Figure(
    go.Bar(x=periods, y=[ui.plottable(v) for v in trend.column("Responses")], name="Responses")
)
ui.chart_with_data(
    ui.figure_style(responses, f"Responses by {chosen.granularity}"),
    trend,
    "responses over time",
    "overview_responses",
)

sites = data.tables["sites"]
by_site = go.Figure(
    go.Bar(
        x=[ui.plottable(v) for v in sites.column("% good or very good")],
        y=sites.column("Site"),
        orientation="h",
        name="% good or very good",
    )
)
by_site.update_xaxes(range=[0, 100], title="% rated good or very good")
ui.chart_with_data(ui.figure_style(by_site, "By site"), sites, "by site", "overview_sites")

ratings = data.tables["ratings"]
rating_fig = go.Figure(
    go.Bar(x=ratings.column("Rating"), y=[ui.plottable(v) for v in ratings.column("Responses")])
)
ui.chart_with_data(
    ui.figure_style(rating_fig, "How tonight was rated"), ratings, "ratings", "overview_ratings"
)
