"""Times: which days and times suit the women, as a day x time heatmap."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from pages import _ui as ui

ui.require_role("pages/times.py")
st.title("Times")
st.text("How many women said each day and time suits them (each can choose several).")
chosen = ui.filters()
data = ui.view("times", chosen)
if data.empty:
    ui.empty_state()
    st.stop()

ui.headlines(data)
heatmap = data.tables["heatmap"]
if ui.nothing_counted([v for row in heatmap.rows for v in row[1:]]):
    ui.empty_state("Nobody who answered in this period chose a day or time.")
    st.stop()
slots = list(heatmap.columns[1:])
values = [[ui.plottable(v) for v in row[1:]] for row in heatmap.rows]
labels = [[str(v) for v in row[1:]] for row in heatmap.rows]
fig = go.Figure(
    go.Heatmap(
        z=values,
        x=slots,
        y=heatmap.column("Day"),
        text=labels,
        texttemplate="%{text}",
        colorscale="Cividis",
        hoverongaps=False,
        colorbar={"title": "Women"},
    )
)
fig.update_yaxes(autorange="reversed")
ui.chart_with_data(ui.figure_style(fig, "Best days and times"), heatmap, "day and time", "times")
ui.data_table(data.tables["sites"], "day and time by site", "times_sites")
