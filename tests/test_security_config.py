"""The configuration Lantern is served with: XSRF protection on, error details off."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import StreamlitServer

ROOT = Path(__file__).resolve().parents[1]


def _effective_config() -> str:
    """`streamlit config show` in the project folder: the values a server started here uses."""
    return subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("enableXsrfProtection", "true"),
        ("showErrorDetails", '"none"'),
        ("showErrorLinks", "false"),
        ("gatherUsageStats", "false"),
        ("toolbarMode", '"minimal"'),
        ("disableDataExport", "true"),
        ("enableAgentApi", "false"),
        ("enableStaticServing", "false"),
        ("magicEnabled", "false"),
    ],
)
def test_the_effective_configuration_is_hardened(option: str, value: str) -> None:
    shown = re.findall(rf"^{option} = (.+)$", _effective_config(), re.MULTILINE)
    assert shown == [value]


@pytest.fixture(scope="module")
def running(tmp_path_factory, sqlite_template):  # type: ignore[no-untyped-def]
    import shutil

    path = tmp_path_factory.mktemp("security") / "lantern.db"
    shutil.copy(sqlite_template, path)
    server = StreamlitServer(f"sqlite:///{path}")
    yield server
    server.stop()


def _forged_upload(url: str) -> int:
    """The status of a cross-site style upload that carries no XSRF token."""
    body = b'--x\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nhi\r\n--x--'
    request = urllib.request.Request(
        url + "/_stcore/upload_file/some-session/some-file",
        data=body,
        headers={"Content-Type": "multipart/form-data; boundary=x"},
        method="PUT",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return reply.status
    except urllib.error.HTTPError as refused:
        return refused.code


def test_a_forged_upload_without_the_xsrf_token_is_refused(running) -> None:  # type: ignore[no-untyped-def]
    assert _forged_upload(running.url) == 403


def test_without_xsrf_protection_the_same_upload_is_not_refused_as_forged(
    tmp_path,
    sqlite_template,  # type: ignore[no-untyped-def]
) -> None:
    """A control: the 403 above is XSRF protection at work, not some other refusal."""
    import shutil

    path = tmp_path / "lantern.db"
    shutil.copy(sqlite_template, path)
    unsafe = StreamlitServer(
        f"sqlite:///{path}", env={"STREAMLIT_SERVER_ENABLE_XSRF_PROTECTION": "false"}
    )
    try:
        assert _forged_upload(unsafe.url) != 403
    finally:
        unsafe.stop()


def _error_page_text(chromium, tmp_path, env: dict[str, str] | None = None) -> str:  # type: ignore[no-untyped-def]
    """What a browser shows when a page served with the project's config raises."""
    from tests.conftest import ROOT, wait_for_app

    server = StreamlitServer(
        f"sqlite:///{tmp_path / 'unused.db'}",
        env=env,
        script=ROOT / "tests" / "data" / "raises.py",
    )
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(server.url)
        wait_for_app(page)
        page.locator("[data-testid='stException'], [data-testid='stAlert']").first.wait_for()
        return page.content()
    finally:
        context.close()
        server.stop()


def test_a_failing_page_shows_no_error_details_in_the_browser(chromium, tmp_path) -> None:  # type: ignore[no-untyped-def]
    shown = _error_page_text(chromium, tmp_path)
    assert "zebra-detail-that-must-not-show" not in shown
    assert "Traceback" not in shown
    assert "raises.py" not in shown


def test_with_error_details_on_the_same_page_would_show_them(chromium, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A control: the test above would see the details if the config let them through."""
    shown = _error_page_text(
        chromium, tmp_path, env={"STREAMLIT_CLIENT_SHOW_ERROR_DETAILS": "full"}
    )
    assert "zebra-detail-that-must-not-show" in shown
