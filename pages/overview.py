"""Overview: how many responded, how they rated tonight, and how that is changing."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from analysis.disclosure import current_threshold
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
ui.add_line(fig, periods, trend.column("% good or very good"), "% rated good or very good")
ui.add_line(fig, periods, trend.column("% comments positive"), "% comments positive", "dash")
fig.update_yaxes(range=[0, 105], title="%")
ui.mark_partial(fig, trend, chosen.granularity)
ui.chart_with_data(
    ui.figure_style(fig, f"Ratings and comments by {chosen.granularity}"),
    trend,
    "ratings and comments over time",
    "overview_trend",
)
st.caption(
    "A gap in a line is a week or month whose share is hidden (*): it rests on fewer "
    f"than {current_threshold()} people, or would give a hidden count away. Shaded weeks "
    "or months are not whole: the one still going on, or one the dates cut."
)

responses = go.Figure(ui.bar_trace(periods, trend.column("Responses"), "Responses"))
ui.mark_partial(responses, trend, chosen.granularity)
ui.chart_with_data(
    ui.figure_style(responses, f"Responses by {chosen.granularity}"),
    trend,
    "responses over time",
    "overview_responses",
)

sites = data.tables["sites"]
by_site = go.Figure(
    ui.bar_trace(
        sites.column("Site"), sites.column("% good or very good"), "% good or very good", True
    )
)
by_site.update_xaxes(range=[0, 105], title="% rated good or very good")
ui.chart_with_data(ui.figure_style(by_site, "By site"), sites, "by site", "overview_sites")

ratings = data.tables["ratings"]
rating_fig = go.Figure(ui.bar_trace(ratings.column("Rating"), ratings.column("Responses")))
ui.chart_with_data(
    ui.figure_style(rating_fig, "How tonight was rated"), ratings, "ratings", "overview_ratings"
)
