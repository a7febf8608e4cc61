"""The production files in deploy/ are valid, and the proxies in front of a real Lantern
server block Streamlit's activity endpoints while the kiosk loads through them."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import (
    ROOT,
    StreamlitServer,
    _free_port,
    missing,
    self_signed_certificate,
    wait_for_app,
)

DEPLOY = ROOT / "deploy"
NGINX_CONF = DEPLOY / "nginx" / "lantern.conf"
CADDYFILE = DEPLOY / "caddy" / "Caddyfile"
SHIPPED_UPSTREAMS = ("127.0.0.1:8501", "127.0.0.1:8502", "127.0.0.1:8503")

# Ways of asking for the metrics (and other blocked endpoints) that a careless block
# would let through: encoded, doubled slashes, dot segments, a trailing slash, a query.
BLOCKED_PATHS = (
    "/_stcore/metrics",
    "/_stcore/metrics/",
    "/_stcore/metrics?families=session_events_total",
    "//_stcore/metrics",
    "/_stcore//metrics",
    "/_stcore/%6detrics",
    "/%5fstcore/metrics",
    "/./_stcore/metrics",
    "/media/../_stcore/metrics",
    "/_stcore/agent/openapi.json",
    "/_stcore/agent/interact",
    "/_stcore/script-health-check",
)


def _binary(name: str) -> str:
    """The path of a proxy's binary, or skip (fail under LANTERN_REQUIRE=proxy)."""
    found = shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if Path(p).exists()), None
    )
    if not found:
        missing("proxy", f"{name} is not installed (apt-get install -y nginx caddy)")
    return found


def _nginx_config(folder: Path, https_port: int, http_port: int, upstream: str | None) -> Path:
    """A main nginx.conf that includes the shipped lantern.conf, changed only where a test
    must: its ports, certificate, log file and (for a live test) the app's address."""
    cert, key = self_signed_certificate(folder, "proxy")
    site = NGINX_CONF.read_text()
    site = re.sub(r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};", site)
    site = re.sub(r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};", site)
    site = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", site)
    site = site.replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    site = site.replace("/var/log/nginx/lantern-error.log", str(folder / "lantern-error.log"))
    if upstream:
        lines = [f"    server {u};" for u in SHIPPED_UPSTREAMS]
        assert all(line in site for line in lines), "the shipped upstream block changed"
        site = site.replace("\n".join(lines), f"    server {upstream};")
    (folder / "lantern.conf").write_text(site)
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    main = folder / "nginx.conf"
    main.write_text(
        f"worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        f"events {{ worker_connections 256; }}\n"
        f"http {{\n{temp}\n    uwsgi_temp_path {folder / 'uwsgi'};\n"
        f"    scgi_temp_path {folder / 'scgi'};\n    include {folder / 'lantern.conf'};\n}}\n"
    )
    return main


def _nginx_command(main: Path) -> list[str]:
    return [_binary("nginx"), "-e", str(main.parent / "error.log"), "-c", str(main)]


def _caddyfile(folder: Path, port: int, upstream: str) -> Path:
    """The shipped Caddyfile on plain HTTP at 127.0.0.1:port in front of upstream, with
    Caddy's admin API off (parallel test runs would fight over its port)."""
    site = CADDYFILE.read_text()
    assert "lantern.example.org {" in site and " ".join(SHIPPED_UPSTREAMS) in site
    site = site.replace("lantern.example.org {", f"http://127.0.0.1:{port} {{")
    site = site.replace(" ".join(SHIPPED_UPSTREAMS), upstream)
    path = folder / "Caddyfile"
    path.write_text("{\n\tadmin off\n}\n\n" + site)
    return path


def _caddy_env(folder: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(folder), "XDG_CONFIG_HOME": str(folder)}


def test_the_nginx_config_passes_nginx_t(tmp_path: Path) -> None:
    main = _nginx_config(tmp_path, _free_port(), _free_port(), upstream=None)
    result = subprocess.run([*_nginx_command(main), "-t"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_caddyfile_passes_caddy_validate(tmp_path: Path) -> None:
    caddy = _binary("caddy")
    result = subprocess.run(
        [caddy, "validate", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env=_caddy_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "Valid configuration" in result.stdout + result.stderr


def test_the_systemd_units_pass_systemd_analyze_verify(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if not analyze:
        pytest.skip("systemd-analyze is not installed")
    units = []
    for name in (
        "lantern@.service",
        "lantern-daily.service",
        "lantern-daily.timer",
        "lantern-digest.service",
        "lantern-digest.timer",
    ):
        text = (DEPLOY / "systemd" / name).read_text()
        text = text.replace("/opt/lantern/.venv/bin/python", sys.executable)
        text = text.replace("/opt/lantern/deploy/", f"{DEPLOY}/")
        target = tmp_path / name.replace("@.", "@8501.")
        target.write_text(text)
        if "@" in name:
            (tmp_path / name).write_text(text)
        units.append(str(target))
    result = subprocess.run(
        [analyze, "verify", "--man=no", *units],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "SYSTEMD_LOG_LEVEL": "warning"},
    )
    problems = [
        line for line in result.stderr.splitlines() if line.strip() and "lantern" in line.lower()
    ]
    assert not problems, result.stderr


def test_the_offsite_backup_script_is_valid_shell() -> None:
    script = DEPLOY / "backup-offsite.sh"
    assert os.access(script, os.X_OK)
    assert subprocess.run(["sh", "-n", str(script)], capture_output=True).returncode == 0


def test_the_daily_jobs_name_commands_that_exist() -> None:
    from db.manage import build_parser

    known = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for path in (
        DEPLOY / "systemd" / "lantern-daily.service",
        DEPLOY / "systemd" / "lantern-digest.service",
        DEPLOY / "cron.example",
    ):
        named = set(re.findall(r"-m db\.manage ([a-z-]+)", path.read_text()))
        assert named
        # close-day is added alongside this guide (issue 13); every other command exists.
        assert named - {"close-day"} <= known, path


# --- Live: the proxies in front of a real `streamlit run` -------------------------------


@dataclass
class Proxy:
    name: str
    url: str
    context: ssl.SSLContext | None


@pytest.fixture(scope="module")
def app_server(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path):
    """A real Lantern server on loopback (as the systemd unit runs it)."""
    path = tmp_path_factory.mktemp("deploy") / "lantern.db"
    shutil.copy(sqlite_template, path)
    running = StreamlitServer(f"sqlite:///{path}")
    yield running
    running.stop()


def _wait_listening(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the proxy exited: {log.read_text()[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the proxy did not listen: {log.read_text()[-2000:]}")


@pytest.fixture(scope="module", params=["nginx", "caddy"])
def proxy(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, app_server
) -> Iterator[Proxy]:
    """nginx (HTTPS, self-signed) or Caddy (plain HTTP) from deploy/, in front of the app."""
    folder = tmp_path_factory.mktemp(request.param)
    upstream = f"127.0.0.1:{app_server.port}"
    port = _free_port()
    log = folder / "proxy.log"
    if request.param == "nginx":
        main = _nginx_config(folder, port, _free_port(), upstream)
        command = [*_nginx_command(main), "-g", "daemon off;"]
        env = dict(os.environ)
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        url = f"https://127.0.0.1:{port}"
    else:
        caddyfile = _caddyfile(folder, port, upstream)
        command = [_binary("caddy"), "run", "--config", str(caddyfile), "--adapter", "caddyfile"]
        env = _caddy_env(folder)
        context = None
        url = f"http://127.0.0.1:{port}"
    with log.open("w") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_listening(port, process, log)
        yield Proxy(request.param, url, context)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _get(url: str, context: ssl.SSLContext | None = None) -> tuple[int, str]:
    """Status and body of a GET, sent exactly as written (no path clean-up)."""
    parts = urllib.parse.urlsplit(url)
    connection_type = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    kwargs = {"context": context} if parts.scheme == "https" else {}
    connection = connection_type(parts.hostname, parts.port, timeout=10, **kwargs)
    target = url[len(f"{parts.scheme}://{parts.netloc}") :]
    try:
        connection.request("GET", target)
        reply = connection.getresponse()
        return reply.status, reply.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_streamlit_itself_serves_the_metrics_so_the_proxy_must_block_them(app_server) -> None:
    status, body = _get(f"{app_server.url}/_stcore/metrics")
    assert status == 200 and "session" in body  # no config option turns it off (1.67)


@pytest.mark.parametrize("path", BLOCKED_PATHS)
def test_the_proxy_blocks_streamlit_activity_endpoints(proxy: Proxy, path: str) -> None:
    status, body = _get(proxy.url + path, proxy.context)
    assert status in (400, 403, 404), (proxy.name, path, status)
    assert "session" not in body.lower()


def test_the_proxy_passes_health_and_the_kiosk_page(proxy: Proxy) -> None:
    assert _get(f"{proxy.url}/_stcore/health", proxy.context) == (200, "ok")
    status, body = _get(f"{proxy.url}/?site=drop-in", proxy.context)
    assert status == 200 and "<html" in body.lower()
    assert _get(f"{proxy.url}/_stcore/host-config", proxy.context)[0] == 200


def test_the_proxy_upgrades_the_websocket(proxy: Proxy) -> None:
    parts = urllib.parse.urlsplit(proxy.url)
    raw = socket.create_connection((parts.hostname, parts.port), timeout=10)
    sock = proxy.context.wrap_socket(raw) if proxy.context else raw
    try:
        sock.sendall(
            (
                "GET /_stcore/stream HTTP/1.1\r\n"
                f"Host: {parts.netloc}\r\nOrigin: {proxy.url}\r\n"
                "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                "Sec-WebSocket-Protocol: streamlit\r\n\r\n"
            ).encode()
        )
        head = sock.recv(4096).decode("latin-1")
    finally:
        sock.close()
    assert head.startswith("HTTP/1.1 101"), head


def test_the_kiosk_works_through_the_proxy_in_a_browser(proxy: Proxy, chromium) -> None:
    context = chromium.new_context(ignore_https_errors=True)
    try:
        page = context.new_page()
        page.goto(f"{proxy.url}/?site=drop-in")
        wait_for_app(page)  # the script ran: the page talks to the app over the websocket
        page.wait_for_selector(".st-key-start button", timeout=30_000)
    finally:
        context.close()


def test_the_shipped_proxy_configs_keep_the_app_on_loopback() -> None:
    unit = (DEPLOY / "systemd" / "lantern@.service").read_text()
    assert "--server.address 127.0.0.1" in unit
    assert "UMask=0077" in unit
    assert "ip_hash;" in NGINX_CONF.read_text()
    assert "lb_policy cookie" in CADDYFILE.read_text()
