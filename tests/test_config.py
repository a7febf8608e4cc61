"""db/config.py: every setting checked at start, named when wrong, documented in the README."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from streamlit.testing.v1 import AppTest

from analysis import disclosure
from db import config
from db.service_day import service_date_now
from tests.conftest import StreamlitServer, wait_for_app

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
README = ROOT / "README.md"
SECRET = "s3cret-pw"

# (variable, a bad value): each must stop Lantern with an error naming the variable.
BAD = [
    ("DATABASE_URL", "nonsense"),
    ("DATABASE_URL", f"mysql://lantern:{SECRET}@db.example.org/lantern"),
    ("DATABASE_URL", f"oracle+nope://lantern:{SECRET}@db/lantern"),
    ("LANTERN_SUPPRESS_BELOW", "eight"),
    ("LANTERN_SUPPRESS_BELOW", "1"),
    ("LANTERN_SUPPRESS_BELOW", "0"),
    ("LANTERN_SUPPRESS_BELOW", "-3"),
    ("LANTERN_SUPPRESS_BELOW", "8.5"),
    ("LANTERN_EXIT_URL", "javascript:alert(1)"),
    ("LANTERN_EXIT_URL", "www.example.org"),
    ("LANTERN_EXIT_URL", "data:text/html,hi"),
    ("LANTERN_EXIT_URL", "https://exa mple.org"),
    ("LANTERN_EXIT_URL", "https://example.org/\u202egro.live"),  # a right-to-left override
    ("LANTERN_TIMEZONE", "Mars/Olympus_Mons"),
    ("LANTERN_TIMEZONE", "../../etc/passwd"),
    ("LANTERN_DAY_STARTS_AT_HOUR", "6am"),
    ("LANTERN_DAY_STARTS_AT_HOUR", "24"),
    ("LANTERN_DAY_STARTS_AT_HOUR", "-1"),
    ("LANTERN_DAY_STARTS_AT_HOUR", "٦"),  # an Arabic-Indic six: int() takes it, we do not
    ("LANTERN_KIOSK_IDLE_SECONDS", "two minutes"),
    ("LANTERN_KIOSK_IDLE_SECONDS", "0"),
    ("LANTERN_KIOSK_IDLE_SECONDS", "3601"),
    ("LANTERN_KIOSK_RETURN_SECONDS", "soon"),
    ("LANTERN_KIOSK_RETURN_SECONDS", "20.5"),
    ("LANTERN_SQLITE_BUSY_TIMEOUT_MS", "20s"),
    ("LANTERN_SQLITE_BUSY_TIMEOUT_MS", "-5"),
    ("LANTERN_SQLITE_BUSY_TIMEOUT_MS", "600001"),
]

# (variable, a good value, the field it sets, what the field becomes)
GOOD = [
    ("DATABASE_URL", "sqlite:///data/other.db", "database_url", "sqlite:///data/other.db"),
    (
        "DATABASE_URL",
        "postgresql+psycopg://lantern:pw@db.example.org:5432/lantern",
        "database_url",
        "postgresql+psycopg://lantern:pw@db.example.org:5432/lantern",
    ),
    ("LANTERN_SUPPRESS_BELOW", "11", "suppress_below", 11),
    ("LANTERN_SUPPRESS_BELOW", " 5 ", "suppress_below", 5),
    (
        "LANTERN_EXIT_URL",
        "  https://www.gardenersworld.com ",
        "exit_url",
        "https://www.gardenersworld.com",
    ),
    (
        "LANTERN_EXIT_URL",
        "http://example.org/weather?x=1",
        "exit_url",
        "http://example.org/weather?x=1",
    ),
    ("LANTERN_TIMEZONE", "Europe/Bucharest", "timezone", ZoneInfo("Europe/Bucharest")),
    ("LANTERN_TIMEZONE", "UTC", "timezone", ZoneInfo("UTC")),
    ("LANTERN_DAY_STARTS_AT_HOUR", "0", "day_starts_at_hour", 0),
    ("LANTERN_DAY_STARTS_AT_HOUR", "23", "day_starts_at_hour", 23),
    ("LANTERN_KIOSK_IDLE_SECONDS", "90", "kiosk_idle_seconds", 90),
    ("LANTERN_KIOSK_RETURN_SECONDS", "1", "kiosk_return_seconds", 1),
    ("LANTERN_SQLITE_BUSY_TIMEOUT_MS", "0", "sqlite_busy_timeout_ms", 0),
    ("LANTERN_SQLITE_BUSY_TIMEOUT_MS", "300", "sqlite_busy_timeout_ms", 300),
]

DEFAULTS = {
    "database_url": None,  # db.session supplies data/lantern.db
    "suppress_below": 8,
    "exit_url": None,  # db.settings supplies BBC Weather
    "timezone": ZoneInfo("Europe/London"),
    "day_starts_at_hour": 6,
    "kiosk_idle_seconds": 120,
    "kiosk_return_seconds": 20,
    "sqlite_busy_timeout_ms": None,  # db.session supplies its busy timeout
}


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """None of Lantern's settings from the machine running the tests."""
    for variable in config.VARIABLES:
        monkeypatch.delenv(variable.name, raising=False)


def _expected(name: str) -> str:
    return next(v.expected for v in config.VARIABLES if v.name == name)


# --- Parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "bad"), BAD)
def test_a_bad_value_is_refused_with_the_variable_and_its_form(name: str, bad: str) -> None:
    with pytest.raises(config.ConfigError) as caught:
        config.load({name: bad})
    assert caught.value.variables == (name,)
    message = str(caught.value)
    assert message.startswith(name)
    assert _expected(name) in message
    assert SECRET not in message  # a database password is never repeated


def test_every_setting_has_a_bad_value_in_the_table() -> None:
    assert {v.name for v in config.VARIABLES} <= {name for name, _ in BAD}


@pytest.mark.parametrize(("name", "raw", "field", "value"), GOOD)
def test_a_good_value_is_parsed(name: str, raw: str, field: str, value: object) -> None:
    assert getattr(config.load({name: raw}), field) == value


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_unset_or_empty_means_every_default(raw: str | None) -> None:
    environ = {} if raw is None else {v.name: raw for v in config.VARIABLES}
    settings = config.load(environ)
    assert {field: getattr(settings, field) for field in DEFAULTS} == DEFAULTS


def test_every_bad_setting_is_named_at_once() -> None:
    environ = {"LANTERN_DAY_STARTS_AT_HOUR": "6am", "LANTERN_TIMEZONE": "London"}
    with pytest.raises(config.ConfigError) as caught:
        config.load(environ)
    assert set(caught.value.variables) == set(environ)
    assert "'6am'" in str(caught.value) and "'London'" in str(caught.value)


def test_current_follows_the_environment_and_parses_each_set_of_values_once(
    clean_environment: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = config.current()
    assert config.current() is first  # parsed once, not at every read
    monkeypatch.setenv("LANTERN_KIOSK_IDLE_SECONDS", "90")
    assert config.current().kiosk_idle_seconds == 90
    monkeypatch.setenv("LANTERN_KIOSK_IDLE_SECONDS", "soon")
    with pytest.raises(config.ConfigError, match="LANTERN_KIOSK_IDLE_SECONDS"):
        config.current()
    monkeypatch.delenv("LANTERN_KIOSK_IDLE_SECONDS")
    config.clear_cache()
    assert config.current() == first


def test_a_bad_hour_names_the_variable_instead_of_failing_each_send(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANTERN_DAY_STARTS_AT_HOUR", "6am")
    with pytest.raises(config.ConfigError, match="LANTERN_DAY_STARTS_AT_HOUR"):
        service_date_now()


def test_the_service_date_uses_the_configured_hour_and_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    two_am_utc = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)
    monkeypatch.setenv("LANTERN_TIMEZONE", "Europe/London")
    monkeypatch.setenv("LANTERN_DAY_STARTS_AT_HOUR", "6")
    assert service_date_now(two_am_utc) == dt.date(2026, 3, 9)
    monkeypatch.setenv("LANTERN_DAY_STARTS_AT_HOUR", "1")
    assert service_date_now(two_am_utc) == dt.date(2026, 3, 10)
    monkeypatch.setenv("LANTERN_TIMEZONE", "America/New_York")  # 9pm on the 9th there
    assert service_date_now(two_am_utc) == dt.date(2026, 3, 9)


@pytest.mark.parametrize("bad", ["nonsense", "1", "0", "-3", "٣"])
def test_analysis_alone_keeps_the_default_threshold_for_a_bad_value(
    monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    # analysis/ cannot stop the app; it must not weaken suppression either.
    monkeypatch.setenv("LANTERN_SUPPRESS_BELOW", bad)
    assert disclosure.current_threshold() == disclosure.DEFAULT_THRESHOLD
    assert disclosure.suppress(7) == "<8"


# --- The app and the command line refuse to start ----------------------------------------


def test_the_app_shows_a_plain_page_naming_the_setting_and_no_kiosk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    database = tmp_path / "never.db"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{database}")
    monkeypatch.setenv("LANTERN_DAY_STARTS_AT_HOUR", "6am")
    with caplog.at_level(logging.ERROR, logger="lantern"):
        at = AppTest.from_file(str(APP), default_timeout=60)
        at.query_params["site"] = "van"
        at.run()
    assert not at.exception
    shown = [element.value for element in at.text]
    assert any("LANTERN_DAY_STARTS_AT_HOUR" in line and "0 to 23" in line for line in shown)
    assert any("hand it to a worker" in line for line in shown)
    assert not at.button  # no Start, no Send: the kiosk is not served
    assert not at.error  # no red banner at the woman
    assert not database.exists()  # nothing ran: no migration, no purge
    assert "LANTERN_DAY_STARTS_AT_HOUR" in caplog.text


def test_the_app_page_names_every_bad_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'never.db'}")
    monkeypatch.setenv("LANTERN_KIOSK_IDLE_SECONDS", "two minutes")
    monkeypatch.setenv("LANTERN_EXIT_URL", "www.example.org")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    assert not at.exception
    shown = "\n".join(element.value for element in at.text)
    assert "LANTERN_KIOSK_IDLE_SECONDS is 'two minutes'" in shown
    assert "LANTERN_EXIT_URL is 'www.example.org'" in shown
    assert not at.text_input and not at.button  # neither the kiosk nor a sign-in form


@pytest.mark.browser
def test_a_real_server_serves_only_the_setup_page_and_logs_why(chromium, tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    running = StreamlitServer(f"sqlite:///{database}", env={"LANTERN_DAY_STARTS_AT_HOUR": "6am"})
    page = chromium.new_page()
    try:
        for path in ("/?site=van", "/staff"):
            page.goto(f"{running.url}{path}")
            wait_for_app(page)
            page.get_by_text("Lantern is not set up correctly").wait_for(timeout=30_000)
            assert "LANTERN_DAY_STARTS_AT_HOUR is '6am'" in page.inner_text("body")
            assert page.locator(".st-key-start, .st-key-username, .st-key-submit").count() == 0
    finally:
        page.close()
        running.stop()
    assert "LANTERN_DAY_STARTS_AT_HOUR is '6am'" in running.log.read_text()
    assert not database.exists()


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in {v.name for v in config.VARIABLES}}
    return subprocess.run(
        [sys.executable, "-m", "db.manage", *args],
        cwd=ROOT,
        env={**environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_manage_command_exits_non_zero_naming_the_setting(tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    done = _manage("init", DATABASE_URL=f"sqlite:///{database}", LANTERN_TIMEZONE="Londres")
    assert done.returncode == 1
    assert "LANTERN_TIMEZONE is 'Londres'" in done.stderr
    assert _expected("LANTERN_TIMEZONE") in done.stderr
    assert "Traceback" not in done.stderr
    assert not database.exists()


def test_a_bad_database_url_is_named_without_its_password() -> None:
    done = _manage("purge", DATABASE_URL=f"postgres ql://lantern:{SECRET}@db/lantern")
    assert done.returncode == 1
    assert "DATABASE_URL is not valid" in done.stderr
    assert SECRET not in done.stderr + done.stdout


# --- Every variable read is documented ---------------------------------------------------

# Where variables are read: the code, the tests, CI and deployment scripts.
SCANNED_SUFFIXES = {".py", ".sh"}
SCANNED_FOLDERS = {".ci", "deploy"}
SKIPPED_FOLDERS = {".git", ".venv", "venv", "__pycache__", "node_modules", "data", ".pytest_cache"}
VARIABLE = re.compile(r"\b(LANTERN_[A-Z][A-Z0-9_]*[A-Z0-9]|DATABASE_URL)\b")


def _scanned_files(root: Path) -> list[Path]:
    """Source files under root where a variable might be read."""
    found = []
    for path in root.rglob("*"):
        parts = set(path.relative_to(root).parts)
        if not path.is_file() or parts & SKIPPED_FOLDERS:
            continue
        if path.suffix in SCANNED_SUFFIXES or parts & SCANNED_FOLDERS:
            found.append(path)
    return found


def variables_read(root: Path) -> dict[str, Path]:
    """Every LANTERN_* name (and DATABASE_URL) in the source under root, with one file using it."""
    found: dict[str, Path] = {}
    for path in _scanned_files(root):
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for name in VARIABLE.findall(text):
            found.setdefault(name, path)
    return found


def documented(readme: str) -> set[str]:
    """The variables in the first column of README.md's "Configuration" table."""
    section = readme.split("\n## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|", section, flags=re.MULTILINE))


def test_every_variable_read_is_in_the_readme_configuration_table() -> None:
    listed = documented(README.read_text(encoding="utf-8"))
    missing = {
        name: str(path.relative_to(ROOT))
        for name, path in variables_read(ROOT).items()
        if name not in listed
    }
    assert not missing, f"read but not in README.md's Configuration table: {missing}"


def test_every_setting_the_app_checks_is_in_the_readme() -> None:
    listed = documented(README.read_text(encoding="utf-8"))
    assert {v.name for v in config.VARIABLES} <= listed


def test_the_documentation_check_would_catch_an_undocumented_variable(tmp_path: Path) -> None:
    name = "LANTERN_" + "NOT_WRITTEN_DOWN"
    (tmp_path / "module.py").write_text(f'import os\nos.environ.get("{name}")\n')
    (tmp_path / "skip.txt").write_text("LANTERN_" + "IN_PROSE_ONLY")
    assert set(variables_read(tmp_path)) == {name}
    assert name not in documented("# Lantern\n## Configuration\n| `DATABASE_URL` | x | y |\n")
