"""Lantern's router: page set-up, who is signed in, and the pages they may see."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

import streamlit as st

from db import config, review_queue
from db.close_day import IN_APP_DAYS, close_due_days
from db.maintenance import purge_if_due
from db.migrate import upgrade
from db.service_day import service_date_now
from db.session import read_session
from pages import _ui as ui

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
logging.getLogger("alembic").setLevel(logging.WARNING)
log = logging.getLogger("lantern")


@st.cache_resource(show_spinner=False)
def _schema_ready() -> bool:
    """Migrate the database to the newest schema once per server process."""
    upgrade()
    return True


@st.cache_resource(show_spinner=False, max_entries=2)
def _retention_checked(day: dt.date) -> bool:
    """Run the daily retention purge once per process per day (the database guards the rest)."""
    purge_if_due(today=day)
    return True


@st.cache_resource(show_spinner=False, max_entries=2)
def _days_closed(day: dt.date) -> bool:
    """Close finished service days once per process per service date (SPEC §2.1): a few
    at a time, oldest first, so the first visit of a day never waits long; cron's
    `db.manage close-day` does any number at once."""
    close_due_days(today=day, most_days=IN_APP_DAYS)
    return True


@st.cache_resource(show_spinner=False)
def _analysis_warming() -> threading.Thread:
    """Load the analysis (model, lexicons, name lists: a few seconds) once per server
    process, in the background, so the first woman's Send does not wait for it."""

    def warm() -> None:
        try:
            from analysis.pipeline import analyse

            analyse("warming up", "what_good")
        except Exception as exc:  # her Send loads it again and says why, if it must
            log.error("Loading the analysis failed: %s", type(exc).__name__)

    thread = threading.Thread(target=warm, name="lantern-analysis-warm-up", daemon=True)
    thread.start()
    return thread


def _waiting_for_review() -> int | None:
    """How many comments wait in the safeguarding queue (one SQL count), for the sidebar."""
    try:
        with read_session() as session:
            return review_queue.waiting_count(session)
    except Exception as exc:  # the navigation still draws; the page itself says more
        log.error("Counting the review queue failed: %s", type(exc).__name__)
        return None


def _refuse_to_start(error: config.ConfigError) -> None:
    """A plain page instead of the app while a setting is wrong: no kiosk, no staff pages."""
    log.error("Lantern will not run until this setting is fixed:\n%s", error)
    st.set_page_config(page_title="Lantern", page_icon="🏮", initial_sidebar_state="collapsed")

    def not_set_up() -> None:
        st.title("Lantern is not set up correctly")
        st.text("Sorry — this tablet is not ready. Please hand it to a worker.")
        st.text("For whoever runs Lantern: fix this setting, then start Lantern again.")
        st.text(str(error))

    # Every URL gets this page: without st.navigation, Streamlit would run files in pages/.
    st.navigation([st.Page(not_set_up, title="Lantern", default=True)], position="hidden").run()
    st.stop()


try:
    config.current()  # every LANTERN_* setting and DATABASE_URL, checked before anything runs
except config.ConfigError as error:
    _refuse_to_start(error)

_analysis_warming()
try:
    _schema_ready()
except Exception as exc:  # the kiosk shows its calm message; the log has the type only
    log.error("Database migration failed: %s", type(exc).__name__)
try:
    _retention_checked(dt.date.today())
except Exception as exc:  # not cached when it fails, so the next visit tries again
    log.error("Daily retention purge failed: %s", type(exc).__name__)
try:
    _days_closed(service_date_now())
except Exception as exc:  # not cached when it fails, so the next visit tries again
    log.error("Closing finished service days failed: %s", type(exc).__name__)

user = ui.current_user()
st.set_page_config(
    page_title="Lantern" if user else "Feedback",
    page_icon="🏮",
    layout="wide" if user else "centered",
    initial_sidebar_state="expanded" if user else "collapsed",
)
st.html(Path(__file__).with_name("pages") / "_base.css")
kiosk = st.Page("pages/feedback.py", title="Feedback", icon="🏮", default=user is None)
# URL paths deliberately differ from the file names: a `pages/` folder makes Streamlit
# (and AppTest) try its old folder-based routing first, which would run a page file
# directly, without this router. With distinct URL paths every request comes here.
sign_in = st.Page("pages/sign_in.py", title="Staff sign in", url_path="staff")
# The public board is the exception: it needs no sign-in, and naming the file after its
# URL spares a fresh server's first visitor a "page not found" notice.
board = st.Page("pages/you_said_we_did.py", title="You said, we did", url_path="you_said_we_did")

if user is None:
    if st.session_state.pop("_go_sign_in", False):
        # After sign-out or a timeout go to the sign-in page (registered, hidden, in the
        # staff navigation of the previous run), not the kiosk and not "page not found".
        st.switch_page(sign_in)
    # Women see the kiosk and the public board, nothing else: no menu, no staff pages.
    page = st.navigation([kiosk, board, sign_in], position="hidden")
else:
    allowed = {
        path: (title, icon)
        for path, (title, icon, roles) in ui.STAFF_PAGES.items()
        if user.role in roles
    }
    staff_pages = [
        st.Page(
            path,
            title=title,
            icon=icon,
            url_path=ui.staff_url_path(path),
            default=path == "pages/overview.py",
        )
        for path, (title, icon) in allowed.items()
    ]
    hidden_sign_in = st.Page(
        "pages/sign_in.py", title="Staff sign in", url_path="staff", visibility="hidden"
    )
    page = st.navigation([*staff_pages, hidden_sign_in], position="hidden")
    review_page = ui.staff_url_path("pages/safeguarding.py")
    waiting = _waiting_for_review() if "pages/safeguarding.py" in allowed else None
    with st.sidebar:
        for staff_page in staff_pages:
            if staff_page.url_path == review_page and waiting:  # the badge: words, not colour
                st.page_link(staff_page, label=f"{staff_page.title} · {waiting} waiting")
            else:
                st.page_link(staff_page)
        st.divider()
        st.text(f"Signed in as {user.username} ({user.role})")
        left, right = st.columns(2)
        left.button("Sign out", key="sign_out", on_click=ui.sign_out)
        right.button("Everywhere", key="sign_out_everywhere", on_click=ui.sign_out, args=(True,))
    if st.session_state.pop("_go_home", False) or page.url_path == "staff":
        st.switch_page(staff_pages[0])  # signed in: the sign-in page leads to the overview

page.run()
