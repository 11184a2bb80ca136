"""Browser fixtures: a real Streamlit server on a free port and a Playwright page in Debian Chromium.

Fixtures for every browser test (peers and exports use them too):
- `streamlit_url`: base URL of a running `streamlit run dashboard/app.py`, serving a warehouse built from
  data/ into a temporary folder (never data/warehouse.duckdb, which a developer's dashboard may be using);
- `page`: a fresh Playwright page at 1280×800 (screenshots of failing tests go to test-artifacts/);
- `wait_for_app`: wait_for_app(page) waits until the script has finished running (see below);
- `server_log`: callable returning the server's output so far (printed automatically on failure).

Waiting: after an action Streamlit needs a moment to start the rerun, so we first give it a short debounce,
then wait for [data-testid='stApp'] to report data-test-script-state='notRunning' — never a bare sleep.

Without /usr/bin/chromium the tests are skipped with the reason; with REQUIRE_BROWSER=1 they fail instead.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bench.load import stop_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}
STARTUP_SECONDS = 60
DEBOUNCE_MS = 400
RUN_TIMEOUT_MS = 30_000


def _need_browser() -> None:
    if CHROMIUM.exists():
        return
    reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason + "; REQUIRE_BROWSER=1 makes this a failure")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, proc: subprocess.Popen, log_path: Path, url: str):
        self.proc, self.log_path, self.url = proc, log_path, url

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""


@pytest.fixture(scope="session")
def _browser_warehouse(tmp_path_factory) -> Path:
    """The real data/ built once into a temporary file (the ETL's own build function)."""
    _need_browser()
    from dashboard.core import settings
    from etl.build import build_warehouse

    path = tmp_path_factory.mktemp("browser_warehouse") / "warehouse.duckdb"
    build_warehouse(Path(settings.DATA_DIR), path, log=lambda _line: None)
    return path


@pytest.fixture(scope="session")
def _server(_browser_warehouse, tmp_path_factory) -> Iterator[_Server]:
    _need_browser()
    port = _free_port()
    log_path = tmp_path_factory.mktemp("streamlit_log") / "server.log"
    env = {
        **os.environ,
        "LOKALE_TEAMS_WAREHOUSE": str(_browser_warehouse),
        "PYTHONUNBUFFERED": "1",
    }
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "dashboard/app.py",
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    log_file = Path(log_path).open("w", encoding="utf-8")  # noqa: SIM115 - closed in the finally below
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT)
    server = _Server(proc, log_path, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode} before it was healthy:\n{server.log()}")
            try:
                with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {STARTUP_SECONDS} s:\n{server.log()}")
            time.sleep(0.25)
        yield server
    finally:
        stop_server(proc)
        log_file.close()


@pytest.fixture(scope="session")
def streamlit_url(_server) -> str:
    """Base URL of the running dashboard, e.g. http://127.0.0.1:51234 (no trailing slash)."""
    return _server.url


@pytest.fixture
def server_log(_server) -> Callable[[], str]:
    return _server.log


@pytest.fixture(scope="session")
def _browser():
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page(_browser, _server, request):
    """A fresh page (1280×800). On failure: a screenshot in test-artifacts/ and the server log printed."""
    context = _browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(RUN_TIMEOUT_MS)
    try:
        yield pg
    finally:
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            try:
                pg.screenshot(path=str(ARTIFACTS / f"FAILED_{request.node.name}.png"), full_page=True)
            except Exception as exc:  # noqa: BLE001 - a failed screenshot must not hide the real failure
                logging.getLogger(__name__).warning("no failure screenshot: %s", exc)
        context.close()


def wait_until_idle(pg, timeout_ms: int = RUN_TIMEOUT_MS) -> None:
    """Debounce, then wait until the app has finished its script run."""
    pg.wait_for_timeout(DEBOUNCE_MS)
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms)
    # a rerun triggered at the very end of a run (st.switch_page, query-param sync) starts a little later
    pg.wait_for_timeout(DEBOUNCE_MS)
    pg.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout_ms)


@pytest.fixture
def wait_for_app() -> Callable:
    return wait_until_idle
