"""Faults of the machine, not of the user: a read-only data folder, a deleted or broken warehouse, the leftovers
of a killed build. Each ends in a short message without server paths, and serving goes on where it can.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core import settings
from dashboard.ui import startup
from etl.build import TEMP_MARK, build_warehouse, ensure_warehouse

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")

ROOT = Path(__file__).resolve().parents[2]
# Runs the app once (AppTest) and prints what the user sees, as JSON.
PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1] + "/dashboard/app.py", default_timeout=60).run()
print(json.dumps({"exception": [e.value for e in at.exception], "error": [e.value for e in at.error],
                  "caption": [c.value for c in at.caption], "expander": [e.label for e in at.expander],
                  "total": at.session_state["_total_municipalities"] if "_total_municipalities" in at.session_state
                  else None}))
"""


def _as_other_user(data_dir: Path) -> dict:
    """The app run by a user who may read but not write data_dir: a real permission check by the kernel
    (as root, through setpriv as 'nobody'; otherwise the folder's own mode already forbids writing)."""
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="lokale-teams-home-"))
    home.chmod(0o777)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LOKALE_TEAMS_DATA": str(data_dir),
        "LOKALE_TEAMS_WAREHOUSE": str(data_dir / "warehouse.duckdb"),
    }
    done = subprocess.run(
        [*prefix, sys.executable, "-c", PROBE, str(ROOT)],
        check=False,  # the return code is asserted below
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=home,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def read_only_data():
    """A copy of the fixture data in a folder nobody but root may write (world-readable, so 'nobody' can read)."""
    base = Path(tempfile.mkdtemp(prefix="lokale-teams-ro-"))
    data = base / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    for path in [base, *base.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    yield data
    for path in [base, *base.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(base)


def _lock(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir():
            path.chmod(0o555)


def test_read_only_folder_with_an_old_warehouse_keeps_serving(read_only_data):
    build_warehouse(read_only_data, read_only_data / "warehouse.duckdb", log=lambda _l: None)
    (read_only_data / "warehouse.duckdb").chmod(0o644)
    teststad = read_only_data / "gemeenten" / "teststad.yaml"
    teststad.write_text(teststad.read_text().replace("Eén voordeur.", "Eén deur."))  # the data changed
    _lock(read_only_data)
    seen = _as_other_user(read_only_data)
    assert seen["exception"] == [] and seen["error"] == []
    text = " ".join(seen["caption"] + seen["expander"])
    assert "mag in de datamap niet schrijven" in text and "laatst gebouwde versie" in text
    assert "fout" not in text and str(read_only_data) not in text and "/tmp" not in text
    assert seen["total"] == 3  # still serving


def test_read_only_folder_without_a_warehouse_says_so_without_paths(read_only_data):
    _lock(read_only_data)
    seen = _as_other_user(read_only_data)
    assert seen["exception"] == []
    errors = " ".join(seen["error"])
    assert "mag in de datamap niet schrijven" in errors
    assert "fout" not in errors and str(read_only_data) not in errors and "/tmp" not in errors


@pytest.fixture
def app_on(fixture_data_dir, monkeypatch):
    target = fixture_data_dir / "warehouse.duckdb"
    monkeypatch.setattr(settings, "DATA_DIR", fixture_data_dir)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    startup.force_recheck()
    yield fixture_data_dir, target
    startup.force_recheck()


def test_a_deleted_warehouse_is_rebuilt_before_the_next_rerun(app_on):
    _data_dir, target = app_on
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and target.is_file()
    target.unlink()
    at.run()  # within CHECK_SECONDS of the last check: the app must not wait for it
    assert not at.exception and not at.error
    assert target.is_file() and at.session_state["_total_municipalities"] == 3


def test_a_warehouse_replaced_by_garbage_is_rebuilt_before_the_next_rerun(app_on):
    _data_dir, target = app_on
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    tmp = target.with_name("garbage")
    tmp.write_bytes(b"not a database" * 1000)
    tmp.replace(target)
    at.run()
    assert not at.exception and not at.error
    assert at.session_state["_total_municipalities"] == 3


def test_leftovers_of_a_killed_build_are_removed_at_start(fixture_data_dir, tmp_path):
    target = tmp_path / "warehouse.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    dead_pid = 2**22 + 12345  # above pid_max's default: no such process
    leftovers = [
        target.with_name(f"{target.name}{TEMP_MARK}{dead_pid}-deadbeef"),
        target.with_name(f"{target.name}{TEMP_MARK}{dead_pid}-deadbeef.wal"),
    ]
    for path in leftovers:
        path.write_bytes(b"half a build")
    assert ensure_warehouse(fixture_data_dir, target) is False  # current: no build needed ...
    assert not any(path.exists() for path in leftovers)  # ... and still the leftovers are gone


def test_startup_messages_never_show_server_paths():
    from dashboard.core.safe_text import strip_paths

    message = strip_paths("PermissionError: [Errno 13] Permission denied: '/srv/app/data/warehouse.duckdb.tmp-1-ab'")
    assert "/srv/app" not in message and "warehouse.duckdb.tmp-1-ab" in message
