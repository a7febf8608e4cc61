"""Forum report: the month's pack for the multi-agency forum, as a PDF and CSVs."""

from __future__ import annotations

import datetime as dt
import logging

import streamlit as st

from db import audit, report
from db.session import read_session, write_session
from pages import _ui as ui

MONTHS_OFFERED = 24
log = logging.getLogger(__name__)
ss = st.session_state

user = ui.require_role("pages/report.py")
st.title("Forum report")
st.text(
    "Choose a month and a site, check the figures, then download the pack: a PDF with\n"
    "charts and a ZIP of CSVs. Small counts are hidden and the rest rounded to 5; only\n"
    "comments marked as suitable to quote appear word for word."
)


def _months(today: dt.date) -> list[dt.date]:
    """The first of this month and of the months before it, newest first."""
    months, month = [], today.replace(day=1)
    for _ in range(MONTHS_OFFERED):
        months.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return months


def _audit_download(month: dt.date, site: str | None, kind: str) -> None:
    """Every export is in the audit log (SPEC §6)."""
    try:
        with write_session() as session:
            audit.record(
                session,
                "export",
                actor=user.username,
                target=f"forum pack {month:%Y-%m} {kind}",
                detail=f"site={site or 'all'}",
            )
    except Exception as exc:
        log.error("Recording an export failed: %s", type(exc).__name__)


months = _months(ui.today())
with read_session() as session:
    sites = report.site_choices(session)
left, right = st.columns(2)
month = left.selectbox(
    "Month",
    options=months,
    index=1 if len(months) > 1 else 0,  # the forum looks back at the month just gone
    format_func=lambda m: f"{m:%B %Y}",
    key="report_month",
)
site = right.selectbox(
    "Site",
    options=[None, *sites],
    format_func=lambda s: "All sites" if s is None else sites.get(s, s),
    key="report_site",
)

with read_session() as session:
    pack = report.build_pack(session, month, site)

st.subheader(f"{pack.period} · {'All sites' if site is None else sites.get(site, site)}")
if pack.empty:
    st.text("No feedback was given in this month. The pack will still list any changes made.")
else:
    columns = st.columns(len(pack.headlines))
    for column, headline in zip(columns, pack.headlines, strict=True):
        with column:
            ui.metric(headline.label, headline.value, "%" if "%" in headline.label else "")
quotes = len(pack.tables["quotes"].rows)
changes = len(pack.tables["actions"].rows)
st.text(
    f"Changes recorded for this month: {changes} · "
    f"comments marked as suitable to quote: {quotes} (at most {report.MAX_QUOTES} are used)"
)
with st.expander("The tables in the pack (as they will be printed)"):
    for name, table in pack.tables.items():
        st.text(report.TITLES[name])
        st.dataframe(ui.frame(table), hide_index=True, key=f"report_table_{name}")

chosen = (month, site)
if st.button("Make the PDF and CSVs", key="report_make", type="primary"):
    with st.spinner("Drawing the charts and the PDF…"):
        ss["report_files"] = {
            "for": chosen,
            "pdf": report.pdf_bytes(pack),
            "zip": report.zip_bytes(pack),
        }
files = ss.get("report_files")
if files and files["for"] == chosen:
    left, right = st.columns(2)
    left.download_button(
        "Download the PDF",
        data=files["pdf"],
        file_name=f"{pack.stem}.pdf",
        mime="application/pdf",
        key="report_pdf",
        on_click=_audit_download,
        args=(month, site, "pdf"),
    )
    right.download_button(
        "Download the CSVs (ZIP)",
        data=files["zip"],
        file_name=f"{pack.stem}-csv.zip",
        mime="application/zip",
        key="report_zip",
        on_click=_audit_download,
        args=(month, site, "csv zip"),
    )
