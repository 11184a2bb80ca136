"""The running app picks up a rebuilt warehouse, and a missing one gives a message, not a traceback.

Why: the ETL replaces data/warehouse.duckdb atomically (os.replace) while people have the dashboard open;
from the next rerun on they must see the new data, with the old connection closed and stale cached results
gone, and never a half-written file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core import settings
from dashboard.runtime import db
from etl.build import build_warehouse

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


def total(at: AppTest) -> int:
    return at.session_state["_total_municipalities"]


def test_rebuilt_warehouse_is_served_from_the_next_rerun(fixture_data_dir, tmp_path):
    target = tmp_path / "warehouse.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    n_fixture = len(list((fixture_data_dir / "gemeenten").glob("*.yaml")))
    real = Path(settings.ROOT) / "data"
    n_real = len(list((real / "gemeenten").glob("*.yaml")))
    assert n_fixture != n_real
    with pytest.MonkeyPatch.context() as mp:
        # the app's own rebuild check is pointed at the fixture data, so it does not undo our swap
        mp.setattr(settings, "DATA_DIR", fixture_data_dir)
        mp.setattr(settings, "WAREHOUSE_PATH", target)
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception
        assert total(at) == n_fixture
        wh = db._warehouse()
        old_con, swaps = wh.con, wh.swaps

        build_warehouse(real, target, log=lambda _l: None)  # os.replace under the running app
        at.run()
        assert not at.exception
        assert total(at) == n_real
        assert wh.swaps == swaps + 1
        with pytest.raises(Exception, match="closed"):
            old_con.execute("select 1")
        assert f"{n_real} van {n_real} gemeenten" in " ".join(m.value for m in at.markdown)


def test_missing_warehouse_gives_a_short_message(tmp_path, fixture_data_dir, monkeypatch):
    monkeypatch.setattr(settings, "DATA_DIR", fixture_data_dir)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", tmp_path / "w.duckdb")
    build_warehouse(fixture_data_dir, tmp_path / "w.duckdb", log=lambda _l: None)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    (tmp_path / "w.duckdb").unlink()
    # the app would rebuild it on its next data check; simulate a file that vanished between checks
    with pytest.raises(db.WarehouseError):
        db.refresh()


def test_invalid_data_keeps_serving_the_last_good_warehouse(tmp_path, fixture_data_dir, monkeypatch):
    """data/ turns invalid after a good build: the app names the problems and serves the old file, unchanged."""
    from dashboard.ui import startup

    target = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    n_fixture = len(list((fixture_data_dir / "gemeenten").glob("*.yaml")))
    identity = db.file_identity(target)
    (fixture_data_dir / "gemeenten" / "teststad.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    monkeypatch.setattr(settings, "DATA_DIR", fixture_data_dir)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    startup.force_recheck()
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert total(at) == n_fixture  # the last good build, all of it
    assert any("laatste geldige versie" in e.label for e in at.expander)
    assert db.file_identity(target) == identity  # the broken data did not replace the file


def test_identity_changes_when_the_file_is_replaced(tmp_path, fixture_data_dir):
    target = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    first = db.file_identity(target)
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    assert db.file_identity(target) != first
    assert db.file_identity(tmp_path / "nope.duckdb") is None


def test_fresh_checkout_builds_the_warehouse_at_startup(fixture_data_dir, tmp_path, monkeypatch):
    """`streamlit run dashboard/app.py` on a checkout without a warehouse: the app builds it first."""
    target = tmp_path / "fresh" / "warehouse.duckdb"
    monkeypatch.setattr(settings, "DATA_DIR", fixture_data_dir)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception and not at.error
    assert target.is_file()
    assert total(at) == len(list((fixture_data_dir / "gemeenten").glob("*.yaml")))


# --- dashboard/runtime/db.py directly: the swap, the retry, and recovery from a deleted file ---------------


def _municipalities(path: Path) -> int:
    return len(list((path / "gemeenten").glob("*.yaml")))


def test_next_query_sees_the_new_build_and_per_build_memos_are_dropped(fixture_data_dir, tmp_path, monkeypatch):
    target = tmp_path / "w.duckdb"
    real = Path(settings.ROOT) / "data"
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    assert len(db.query("overview")) == _municipalities(fixture_data_dir)
    built: list[int] = []

    def count() -> int:
        built.append(1)
        return len(db.query("overview"))

    assert (
        db.per_build(("test_count",), count)
        == db.per_build(("test_count",), count)
        == _municipalities(fixture_data_dir)
    )
    assert len(built) == 1  # once per build, however often it is asked for
    build_warehouse(real, target, log=lambda _l: None)  # os.replace, as the ETL does under a running app
    assert len(db.query("overview")) == _municipalities(real) != _municipalities(fixture_data_dir)
    assert db.per_build(("test_count",), count) == _municipalities(real) and len(built) == 2


def test_a_deleted_warehouse_fails_briefly_then_recovers_when_it_is_back(fixture_data_dir, tmp_path, monkeypatch):
    target = tmp_path / "w.duckdb"
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    assert len(db.query("overview")) == _municipalities(fixture_data_dir)
    target.unlink()
    with pytest.raises(db.WarehouseError, match=r"^missing:"):
        db.query("overview")
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    assert len(db.query("overview")) == _municipalities(fixture_data_dir)
    assert db.current_identity() == db.file_identity(target)


def test_a_query_whose_connection_was_closed_by_another_session_is_retried_once(
    fixture_data_dir, tmp_path, monkeypatch
):
    """Another session swapped the file and closed the connection this query was running on: retried once on
    the current connection; a second failure is a short WarehouseError, never a traceback."""
    import duckdb

    target = tmp_path / "w.duckdb"
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    real_meta = db.QUERY_FUNCTIONS["meta"]
    calls: list[int] = []

    def closed_once(con):
        calls.append(1)
        if len(calls) == 1:
            raise duckdb.ConnectionException("Connection already closed!")
        return real_meta(con)

    monkeypatch.setitem(db.QUERY_FUNCTIONS, "meta", closed_once)
    assert set(db.query("meta")["key"]) >= {"build_time", "data_checksum"}
    assert len(calls) == 2

    def always_closed(con):
        raise duckdb.ConnectionException("Connection already closed!")

    monkeypatch.setitem(db.QUERY_FUNCTIONS, "meta", always_closed)
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)  # a new identity: not served from the cache
    with pytest.raises(db.WarehouseError, match=r"^query:meta:ConnectionException$"):
        db.query("meta")
