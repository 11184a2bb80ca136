"""A build that dies half-way must leave the existing warehouse byte-for-byte as it was.

Why: the dashboard reads data/warehouse.duckdb while people rebuild it; a half-written file would show
partial data or crash every page. The build writes a temporary file beside the target and swaps it in with
os.replace; these tests kill it (SIGKILL, an exception) at the worst moment and check the old file.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
import yaml

import etl.build
from etl.build import PAUSE_ENV, TEMP_MARK, build_warehouse, remove_stale_temps

ROOT = Path(__file__).resolve().parent.parent


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def temps(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f"{target.name}{TEMP_MARK}*"))


def rename_fixtureburg(data_dir: Path, new_name: str) -> None:
    path = data_dir / "gemeenten" / "fixtureburg.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["municipality"]["name"] = new_name
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def name_of(warehouse: Path, code: str) -> str:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("select name from municipality where municipality_code = ?", [code]).fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def old_warehouse(fixture_data_dir, tmp_path) -> Path:
    path = tmp_path / "out" / "warehouse.duckdb"
    build_warehouse(fixture_data_dir, path, log=lambda _line: None)
    return path


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_build_leaves_old_warehouse_and_next_build_recovers(fixture_data_dir, old_warehouse):
    before = sha256(old_warehouse)
    rename_fixtureburg(fixture_data_dir, "Nieuwburg")
    env = {**os.environ, PAUSE_ENV: "1"}  # test-only hook: sleep after every stage
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "build", "--data", str(fixture_data_dir), "--out", str(old_warehouse)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while not temps(old_warehouse):  # the temporary warehouse exists: we are mid-write
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "build never started writing"
            time.sleep(0.05)
        time.sleep(0.3)  # let it get into the table inserts
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()

    assert proc.returncode == -signal.SIGKILL
    assert temps(old_warehouse), "killed before the temporary file existed: the test proved nothing"
    assert sha256(old_warehouse) == before
    assert name_of(old_warehouse, "GM9901") == "Fixtureburg"

    build_warehouse(fixture_data_dir, old_warehouse, log=lambda _line: None)

    assert temps(old_warehouse) == []  # the dead build's leftovers are cleaned up
    assert name_of(old_warehouse, "GM9901") == "Nieuwburg"


def test_exception_mid_build_leaves_old_warehouse_and_no_temp(fixture_data_dir, old_warehouse, monkeypatch):
    before = sha256(old_warehouse)
    rename_fixtureburg(fixture_data_dir, "Nieuwburg")
    real_insert = etl.build.insert
    calls = []

    def failing_insert(con, name, table):
        calls.append(name)
        if name == "team":
            raise RuntimeError("simulated crash while writing teams")
        real_insert(con, name, table)

    monkeypatch.setattr(etl.build, "insert", failing_insert)
    with pytest.raises(RuntimeError, match="simulated crash"):
        build_warehouse(fixture_data_dir, old_warehouse, log=lambda _line: None)

    assert "municipality" in calls  # it really was half-way
    assert sha256(old_warehouse) == before
    assert temps(old_warehouse) == []
    assert not old_warehouse.with_name(old_warehouse.name + ".wal").exists()


def test_stale_temp_files_are_removed_but_a_running_builds_file_is_kept(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True
        )
        dead_pid = int(dead.stdout)
        stale = target.with_name(f"{target.name}{TEMP_MARK}{dead_pid}-deadbeef")
        stale_wal = stale.with_name(stale.name + ".wal")
        live = target.with_name(f"{target.name}{TEMP_MARK}{sleeper.pid}-cafebabe")
        for path in (stale, stale_wal, live):
            path.write_bytes(b"partial")

        removed = remove_stale_temps(target)

        assert sorted(removed) == sorted([stale, stale_wal])
        assert live.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    remove_stale_temps(target)
    assert not live.exists()


def test_build_creates_missing_folder_and_leaves_no_side_files(fixture_data_dir, tmp_path):
    target = tmp_path / "new" / "deeper" / "warehouse.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _line: None)
    assert [p.name for p in target.parent.iterdir()] == ["warehouse.duckdb"]
