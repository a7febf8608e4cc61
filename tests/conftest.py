"""Shared fixtures: a fresh migrated database per test, on SQLite and on PostgreSQL."""

from __future__ import annotations

import itertools
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import argon2
import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from db import auth, migrate, service_day
from db.session import reset_engines

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
SHARED_DATA = ROOT.parent / "shared" / "data"
DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REQUIRED = {p.strip() for p in os.environ.get("LANTERN_REQUIRE", "").split(",") if p.strip()}
BACKENDS = ("sqlite", "postgresql")

# One "today" for the whole run: modules take TODAY when they are imported, and a run
# that crosses 6am (when the service date turns over) would otherwise compare two days.
_STARTED = service_day.clock()
service_day.clock = lambda: _STARTED


def missing(what: str, reason: str) -> None:
    """Skip for a missing service, or fail when LANTERN_REQUIRE says it must be there."""
    if what in REQUIRED:
        pytest.fail(f"{reason} (LANTERN_REQUIRE includes {what!r})")
    pytest.skip(reason)


def self_signed_certificate(folder: Path, what: str) -> tuple[Path, Path]:
    """A throwaway self-signed certificate and key for 127.0.0.1 in folder, made with
    openssl; `what` names the LANTERN_REQUIRE part that needs it (see missing)."""
    openssl = shutil.which("openssl")
    if not openssl:
        missing(what, "openssl is not installed (needed to make a test certificate)")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def postgres_server_url() -> str:
    """The PostgreSQL server to test on: LANTERN_TEST_POSTGRES_URL, a postgres DATABASE_URL,
    or this machine's 127.0.0.1:5432."""
    explicit = os.environ.get("LANTERN_TEST_POSTGRES_URL", "")
    if explicit:
        return explicit
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgresql"):
        return url
    return DEFAULT_POSTGRES


class PostgresDatabases:
    """Creates throwaway databases on one server from a migrated template.

    Each is still a fresh copy of the template, but the slow parts happen beside the tests
    rather than between them: the next database is copied while a test runs, and a used
    one is dropped while the next runs (about a second a test, on a few hundred PostgreSQL
    tests). One background thread does both, in order.
    """

    def __init__(self, server_url: str) -> None:
        self.server_url = make_url(server_url)
        self.admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        self.prefix = f"lantern_t{os.getpid()}_{uuid.uuid4().hex[:6]}"
        self.template = f"{self.prefix}_tpl"
        self.counter = itertools.count()
        self.template_ready = False
        self._background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-databases")
        self._next: Future[str] | None = None
        self._drops: list[Future[None]] = []

    def url(self, name: str) -> str:
        """A URL for database name on the same server."""
        return self.server_url.set(database=name).render_as_string(hide_password=False)

    def _ensure_template(self) -> None:
        """Migrate a template database once; copies of it are instant."""
        if self.template_ready:
            return
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.template}"'))
        migrate.upgrade(self.url(self.template))
        reset_engines()  # no connection may stay open on a template
        self.template_ready = True

    def _copy(self) -> str:
        name = f"{self.prefix}_{next(self.counter)}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
        return self.url(name)

    def create(self) -> str:
        """A fresh, migrated database; returns its URL."""
        self._ensure_template()
        made = self._next.result() if self._next is not None else self._copy()
        self._next = self._background.submit(self._copy)  # for the next test
        return made

    def _drop_now(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop(self, url: str) -> None:
        """Drop a database made by create() (in the background; close() waits for it)."""
        self._drops.append(self._background.submit(self._drop_now, url))

    def close(self) -> None:
        """Drop what is left, then the template, and let go of the server."""
        if self._next is not None:
            self.drop(self._next.result())
        self._background.shutdown(wait=True)
        for dropped in self._drops:
            dropped.result()  # a failed drop is reported here
        if self.template_ready:
            self._drop_now(self.url(self.template))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases | None]:
    """The PostgreSQL helper, or None when no server answers."""
    try:
        helper = PostgresDatabases(postgres_server_url())
        with helper.admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # no server: the tests that need it skip or fail
        yield None
        _ = exc
        return
    yield helper
    helper.close()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file that each test copies."""
    path = tmp_path_factory.mktemp("template") / "lantern.db"
    migrate.upgrade(f"sqlite:///{path}")
    reset_engines()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _fresh_database(
    backend: str, tmp_path: Path, sqlite_template: Path, postgres: PostgresDatabases | None
) -> str:
    """The URL of a fresh migrated database on backend."""
    if backend == "sqlite":
        path = tmp_path / "lantern.db"
        shutil.copy(sqlite_template, path)
        return f"sqlite:///{path}"
    if postgres is None:
        missing("postgres", f"no PostgreSQL server at {postgres_server_url()}")
    return postgres.create()


def _use_database(
    backend: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_template: Path,
    postgres: PostgresDatabases | None,
) -> Iterator[str]:
    """Point DATABASE_URL at a fresh database for one test, and clean up after it."""
    url = _fresh_database(backend, tmp_path, sqlite_template, postgres)
    monkeypatch.setenv("DATABASE_URL", url)
    reset_engines()
    yield url
    reset_engines()
    if backend == "postgresql" and postgres is not None:
        postgres.drop(url)


@pytest.fixture(params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_template: Path,
    postgres: PostgresDatabases | None,
) -> Iterator[str]:
    """A fresh migrated database for this test, on each backend; DATABASE_URL points at it."""
    yield from _use_database(request.param, tmp_path, monkeypatch, sqlite_template, postgres)


@pytest.fixture
def sqlite_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path
) -> Iterator[str]:
    """A fresh migrated SQLite file only (for SQLite-specific behaviour)."""
    yield from _use_database("sqlite", tmp_path, monkeypatch, sqlite_template, None)


@pytest.fixture
def postgres_url(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    sqlite_template: Path,
    postgres: PostgresDatabases | None,
) -> Iterator[str]:
    """A fresh migrated PostgreSQL database only (for PostgreSQL-specific behaviour)."""
    yield from _use_database("postgresql", tmp_path, monkeypatch, sqlite_template, postgres)


@pytest.fixture(autouse=True)
def _fresh_streamlit_caches() -> Iterator[None]:
    """st.cache_data / st.cache_resource outlive one AppTest; start each test clean."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


_TEST_HASHER = PasswordHasher.from_parameters(argon2.profiles.CHEAPEST)


@pytest.fixture(autouse=True)
def _quick_password_hashing(request: pytest.FixtureRequest) -> Iterator[None]:
    """Hashes made in this process use argon2-cffi's CHEAPEST parameters, its documented
    choice for tests: still real Argon2id hashing and verifying, without 0.1 s per sign-in in
    hundreds of tests. Tests marked `production_hashing` keep the shipped parameters, and
    the servers the browser tests start are separate processes that always use them
    (verifying such a hash there rehashes it with the shipped ones, as for any old hash)."""
    if request.node.get_closest_marker("production_hashing"):
        yield
        return
    shipped = auth._hasher
    auth._hasher = _TEST_HASHER
    auth._dummy_hash.cache_clear()
    try:
        yield
    finally:
        auth._hasher = shipped
        auth._dummy_hash.cache_clear()


# Files that take minutes, run first so the workers end together. The test command
# passes --no-loadscope-reorder, so xdist hands out files in this order; by default it starts
# with the files holding the most tests and left the ten-tablet load test (one test, five
# minutes on a slow day) to start 17 minutes in, with little left to run beside it.
LONG_FILES = (
    "test_browser_load.py",
    "test_browser_hostile.py",
    "test_concurrency.py",
    "test_fuzz.py",
    "test_browser_quality.py",
    "test_browser_staff.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses a database or a browser, so CI can select them, and put
    the long files first (`LONG_FILES`).

    (Browser tests once shared an xdist group for `--dist loadgroup`; with pytest 9,
    pytest-xdist 3.8's groups are silently ignored, as it renames `item._nodeid`, which
    pytest no longer reads. The test command uses `--dist loadfile` instead: each file runs
    wholly on one worker, so its module-scoped server and browser start once.)
    """
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if {"db_url", "sqlite_url", "postgres_url"} & names:
            item.add_marker(pytest.mark.db)
        if "chromium" in names:
            item.add_marker(pytest.mark.browser)
    rank = {name: i for i, name in enumerate(LONG_FILES)}
    items.sort(key=lambda item: rank.get(item.path.name, len(LONG_FILES)))  # stable


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    """Print what tests measured (record_property("benchmark", ...)), from every worker."""
    lines = [
        f"{report.nodeid.split('::')[-1]}: {value}"
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call"
        for name, value in getattr(report, "user_properties", ())
        if name == "benchmark"
    ]
    if lines:
        terminalreporter.section("measured (reported, not asserted)")
        for line in lines:
            terminalreporter.write_line(line)


# --- Real browser -------------------------------------------------------------------

CHROMIUM = os.environ.get("LANTERN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOTS = ROOT / "tests" / "screenshots"


def _free_port() -> int:
    """A TCP port nobody is listening on right now."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` as a subprocess on a free port, against its own database."""

    def __init__(
        self,
        database_url: str,
        env: dict[str, str] | None = None,
        script: Path = APP,
        port: int | None = None,
    ) -> None:
        import subprocess
        import sys

        self.port = port or _free_port()  # a port: the same server again, after a stop
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url
        environment = {**os.environ, "DATABASE_URL": database_url, **(env or {})}
        self.log = (ROOT / "tests" / "screenshots").joinpath(f"server-{self.port}.log")
        self.log.parent.mkdir(parents=True, exist_ok=True)
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(script),
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--browser.gatherUsageStats",
                "false",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=environment,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        """Poll /_stcore/health until the server answers ok."""
        import time
        import urllib.request

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early; see {self.log}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as reply:
                    if reply.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.25)
        raise RuntimeError(f"streamlit did not become healthy; see {self.log}")

    def kill(self) -> None:
        """Kill the server at once, as a crash or a pulled plug would."""
        self.process.kill()
        self.process.wait(timeout=10)
        self._log_file.close()

    def stop(self) -> None:
        """Stop the server."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except Exception:
            self.process.kill()
        self._log_file.close()


@pytest.fixture(scope="session")
def chromium():
    """A launched headless Debian Chromium, driven by Playwright."""
    if not Path(CHROMIUM).exists():
        missing("browser", f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("browser", "playwright is not installed (pip install -r requirements-dev.txt)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server_database(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> str:
    """A migrated SQLite database for one module's browser tests."""
    path = tmp_path_factory.mktemp("browser") / "lantern.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def server(server_database: str, chromium) -> Iterator[StreamlitServer]:
    """A running Lantern server for this module's browser tests."""
    running = StreamlitServer(
        server_database,
        env={"LANTERN_KIOSK_RETURN_SECONDS": "3", "LANTERN_KIOSK_IDLE_SECONDS": "4"},
    )
    yield running
    running.stop()


def wait_for_app(page) -> None:
    """Wait until Streamlit has finished running the script."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000
    )


def step(page, key: str, then: str | None = None) -> None:
    """Click a keyed button, then wait for the selector or text the next step shows.

    Waiting for the next step's own content (not only for the script to finish) is
    what makes this safe: right after a click the app may not have started rerunning.
    """
    page.locator(f".st-key-{key} button").first.click()
    if then:
        page.locator(then).first.wait_for(timeout=30_000)
    wait_for_app(page)


def sign_in(page, base: str, name: str, password: str) -> None:
    """Sign in on the staff page in a browser and wait for the Overview."""
    page.goto(base)  # a fresh server's first request to a sub-path shows "page not found"
    wait_for_app(page)
    page.goto(f"{base}/staff")
    wait_for_app(page)
    page.get_by_role("textbox", name="Username").fill(name)
    page.get_by_role("textbox", name="Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Overview").wait_for(timeout=30_000)
    wait_for_app(page)


def open_from_sidebar(page, title: str) -> None:
    """Follow a link in the staff navigation (a page load would start a new session).

    On a narrow screen Streamlit folds the sidebar away after a link is followed:
    unfold it first when it says it is folded.
    """
    sidebar = page.locator("[data-testid='stSidebar']").first
    sidebar.wait_for(state="attached", timeout=30_000)
    if sidebar.get_attribute("data-collapsed") == "true":
        page.locator("[data-testid='stExpandSidebarButton']").first.click()
        page.locator("[data-testid='stSidebar'][data-collapsed='false']").wait_for(timeout=30_000)
    sidebar.locator("[data-testid='stPageLink-NavLink']", has_text=title).first.click()
    page.get_by_role("heading", name=title).first.wait_for(timeout=30_000)
    wait_for_app(page)


@pytest.fixture
def tablet(chromium, server: StreamlitServer):
    """A fresh browser context the size of a 10-inch tablet in portrait (800x1280)."""
    context = chromium.new_context(viewport={"width": 800, "height": 1280}, has_touch=True)
    # The neutral exit site cannot be reached from here: answer for it locally.
    context.route(
        "https://www.bbc.co.uk/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Weather</p>"),
    )
    page = context.new_page()
    yield page
    context.close()
